"""Forgot password: identifier -> robot check -> code -> new password -> done (seeds/001:17-22)."""

from __future__ import annotations

import allure
from playwright.sync_api import Locator

from .flow_steps import StepPage


class ForgotPasswordPage(StepPage):
    path = "/forgot-password"
    page_id = "forgot-password"

    @property
    def identifier_field(self) -> Locator:
        return self.page.get_by_label("E-mail or phone number")

    @property
    def error(self) -> Locator:
        return self.page.get_by_test_id("forgot-error")

    @property
    def hold_notice(self) -> Locator:
        return self.page.get_by_test_id("reset-hold-notice")

    # --- step 1
    def submit_identifier(self, identifier: str) -> None:
        with allure.step(f"Forgot password: enter {identifier} and click Next"):
            self.identifier_field.fill(identifier)
            self.click_and_load(self.page.get_by_test_id("forgot-next"))

    # --- step 2
    @property
    def robot_checkbox(self) -> Locator:
        return self.page.get_by_label("I'm not a robot")

    def pass_robot_check(self, tick: bool = True) -> None:
        with allure.step("Tick “I'm not a robot” and continue" if tick else "Continue without ticking the robot check"):
            if tick:
                self.robot_checkbox.check()
            self.click_and_load(self.page.get_by_test_id("robot-continue"))

    # --- step 3
    @property
    def code_sent(self) -> Locator:
        return self.page.get_by_test_id("code-sent")

    def submit_code(self, code: str) -> None:
        with allure.step(f"Enter the reset code {code} and Confirm"):
            self.page.get_by_label("Verification code").fill(code)
            self.click_and_load(self.page.get_by_test_id("reset-code-confirm"))

    # --- step 4
    def set_new_password(self, password: str, repeated: str | None = None) -> None:
        with allure.step("Choose the new password"):
            self.page.get_by_label("New password", exact=True).fill(password)
            self.page.get_by_label("Repeat the new password").fill(repeated if repeated is not None else password)
            self.click_and_load(self.page.get_by_test_id("new-password-confirm"))

    # --- done
    @property
    def done_message(self) -> Locator:
        return self.page.get_by_test_id("reset-done")

    @property
    def done_hold(self) -> Locator:
        return self.page.get_by_test_id("reset-done-hold")
