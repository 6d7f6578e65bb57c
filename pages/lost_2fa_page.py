"""Lost 2-factor authentication: identity check and the request sent for review (seeds/001:38-47)."""

from __future__ import annotations

import allure
from playwright.sync_api import Locator

from .flow_steps import StepPage


class Lost2faPage(StepPage):
    path = "/login/lost-2fa"
    page_id = "lost-2fa"

    @property
    def intro(self) -> Locator:
        return self.page.get_by_test_id("lost-2fa-intro")

    @property
    def error(self) -> Locator:
        return self.page.get_by_test_id("lost-2fa-error")

    @property
    def submitted(self) -> Locator:
        return self.page.get_by_test_id("lost-2fa-submitted")

    @property
    def due_date(self) -> Locator:
        return self.page.get_by_test_id("lost-2fa-due-date")

    def send_code(self) -> None:
        with allure.step("Send the identity-check code"):
            self.click_and_load(self.page.get_by_test_id("lost-2fa-send-code"))

    def submit_request(self, code: str, registered_month: str, balance_usdt: str,
                       reason: str = "New phone, the authenticator app is gone", channel: str = "email") -> None:
        label = "E-mail verification code" if channel == "email" else "SMS verification code"
        step = f"Submit the reset request (code {code}, registered {registered_month}, balance {balance_usdt})"
        with allure.step(step):
            self.page.get_by_label(label).fill(code)
            self.page.get_by_label("Month you registered (YYYY-MM)").fill(registered_month)
            self.page.get_by_label("Approximate balance (USDT)").fill(balance_usdt)
            self.page.get_by_label("What happened to your authenticator?").fill(reason)
            self.click_and_load(self.page.get_by_test_id("lost-2fa-submit"))
