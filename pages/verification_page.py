"""The security verification step after the password: one code, resend, switch channel."""

from __future__ import annotations

import allure
from playwright.sync_api import Locator

from .base_page import BasePage


class VerificationPage(BasePage):
    path = "/login/verify"
    page_id = "verify"

    @property
    def code_field(self) -> Locator:
        return self.page.get_by_test_id("code-input")

    @property
    def instructions(self) -> Locator:
        return self.page.get_by_test_id("verify-instructions")

    @property
    def destination(self) -> Locator:
        return self.page.get_by_test_id("code-destination")

    @property
    def error(self) -> Locator:
        return self.page.get_by_test_id("verify-error")

    @property
    def notice(self) -> Locator:
        return self.page.get_by_test_id("verify-notice")

    @property
    def resend_button(self) -> Locator:
        return self.page.get_by_test_id("resend")

    def submit_code(self, code: str) -> None:
        with allure.step(f"Enter verification code {code}"):
            self.code_field.fill(code)
            self.click_and_load(self.page.get_by_test_id("verify-submit"))

    def submit_codes(self, **codes: str) -> None:
        """Compatibility with one-factor steps: the single code given."""
        (code,) = codes.values()
        self.submit_code(code)

    def resend(self) -> None:
        with allure.step("Resend the code"):
            self.click_and_load(self.resend_button)

    def lost_2fa(self) -> None:
        with allure.step("Lost 2-factor authentication?"):
            self.click_and_load(self.page.get_by_role("link", name="Lost 2-factor authentication?"))

    def security_verification_unavailable(self) -> None:
        """CoinEx: the way to the mobile reset when no verification tool is at hand."""
        with allure.step("Security Verification Unavailable?"):
            self.click_and_load(self.page.get_by_role("link", name="Security Verification Unavailable?"))

    def switch_to(self, channel: str) -> None:
        with allure.step(f"Switch verification to {channel}"):
            self.click_and_load(self.page.get_by_test_id(f"switch-to-{channel}"))

    @property
    def passkey_error(self) -> Locator:
        return self.page.get_by_test_id("passkey-error")

    def verify_with_passkey(self) -> None:
        with allure.step("Verify with the passkey"):
            self.page.get_by_test_id("verify-with-passkey").click()
