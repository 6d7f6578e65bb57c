"""The security verification step after the password: e-mail, SMS and authenticator codes."""

from __future__ import annotations

import allure
from playwright.sync_api import Locator

from .base_page import BasePage


class VerificationPage(BasePage):
    path = "/login/verify"
    page_id = "verify"

    def code_field(self, factor: str) -> Locator:
        labels = {"email": "E-mail verification code", "sms": "SMS verification code", "totp": "Google Authenticator code"}
        return self.page.get_by_label(labels[factor])

    @property
    def error(self) -> Locator:
        return self.page.get_by_test_id("verify-error")

    def submit_codes(self, **codes: str) -> None:
        with allure.step(f"Enter verification codes for {', '.join(codes)}"):
            for factor, code in codes.items():
                self.code_field(factor).fill(code)
            self.page.get_by_test_id("verify-submit").click()
