"""Unbind SMS/e-mail or change the account e-mail (seeds/001:23-29, 48-61); bind one again."""

from __future__ import annotations

import allure
from playwright.sync_api import Locator

from .flow_steps import StepPage


class UnbindPage(StepPage):
    path = "/security/unbind/sms"
    page_id = "unbind-notice"

    @property
    def title(self) -> Locator:
        return self.page.get_by_test_id("unbind-title")

    @property
    def warning(self) -> Locator:
        return self.page.get_by_test_id("unbind-warning")

    @property
    def error(self) -> Locator:
        return self.page.get_by_test_id("unbind-error")

    @property
    def missing(self) -> Locator:
        return self.page.get_by_test_id("unbind-missing")

    @property
    def next_button(self) -> Locator:
        return self.page.get_by_test_id("unbind-next")

    @property
    def totp_help_link(self) -> Locator:
        return self.page.get_by_test_id("totp-help-link")

    @property
    def cannot_receive_code_link(self) -> Locator:
        return self.page.get_by_test_id("cannot-receive-code-link")

    @property
    def done_message(self) -> Locator:
        return self.page.get_by_test_id("unbind-done")

    def cannot_receive_a_code(self) -> None:
        with allure.step("Cannot receive one of the codes?"):
            self.click_and_load(self.cannot_receive_code_link)

    def next(self) -> None:
        with allure.step("Read the notice and click Next"):
            self.click_and_load(self.next_button)

    def confirm_authenticator(self, code: str) -> None:
        with allure.step(f"Enter the Google Authenticator code {code} and Confirm"):
            self.page.get_by_label("Google Authenticator code").fill(code)
            self.click_and_load(self.page.get_by_test_id("unbind-totp-confirm"))

    def confirm_codes(self, email_code: str, sms_code: str) -> None:
        with allure.step(f"Enter the e-mail code {email_code} and the SMS code {sms_code} and Confirm"):
            self.page.get_by_label("E-mail verification code").fill(email_code)
            self.page.get_by_label("SMS verification code").fill(sms_code)
            self.click_and_load(self.page.get_by_test_id("unbind-codes-confirm"))

    def enter_new_email(self, email: str) -> None:
        with allure.step(f"Enter the new e-mail {email}"):
            self.page.get_by_label("New e-mail address").fill(email)
            self.click_and_load(self.page.get_by_test_id("new-email-next"))

    def confirm_new_email(self, code: str) -> None:
        with allure.step(f"Enter the code sent to the new address: {code}"):
            self.page.get_by_label("Code sent to the new address").fill(code)
            self.click_and_load(self.page.get_by_test_id("new-email-confirm"))


class BindMethodPage(StepPage):
    path = "/security/bind/sms"
    page_id = "bind-method"

    @property
    def error(self) -> Locator:
        return self.page.get_by_test_id("bind-error")

    @property
    def done_message(self) -> Locator:
        return self.page.get_by_test_id("bind-done")

    def submit_destination(self, value: str) -> None:
        with allure.step(f"Bind {value}: send a code"):
            self.page.get_by_test_id("bind-destination-input").fill(value)
            self.click_and_load(self.page.get_by_test_id("bind-send-code"))

    def confirm(self, code: str) -> None:
        with allure.step(f"Enter the code {code} and Confirm"):
            self.page.get_by_label("Verification code").fill(code)
            self.click_and_load(self.page.get_by_test_id("bind-confirm"))
