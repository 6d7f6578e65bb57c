"""Binding Google Authenticator: identity code, QR code and key, then the 6-digit code."""

from __future__ import annotations

import allure
from playwright.sync_api import Locator

from .flow_steps import StepPage


class AuthenticatorSetupPage(StepPage):
    path = "/security/authenticator"
    page_id = "authenticator-verify"

    @property
    def error(self) -> Locator:
        return self.page.get_by_test_id("authenticator-error")

    @property
    def qr_code(self) -> Locator:
        return self.page.get_by_role("img", name="QR code to scan with Google Authenticator")

    @property
    def key(self) -> Locator:
        return self.page.get_by_test_id("authenticator-key")

    @property
    def account_name(self) -> Locator:
        return self.page.get_by_test_id("authenticator-account-name")

    @property
    def key_advice(self) -> Locator:
        return self.page.get_by_test_id("authenticator-key-advice")

    @property
    def bound_message(self) -> Locator:
        return self.page.get_by_test_id("authenticator-bound")

    @property
    def backup_codes(self) -> Locator:
        """CoinEx: the backup codes handed out with the binding, shown once."""
        return self.page.get_by_test_id("backup-codes")

    @property
    def backup_code(self) -> Locator:
        return self.page.get_by_test_id("backup-code")

    def send_identity_code(self) -> None:
        with allure.step("Send the e-mail/SMS code that confirms it is me"):
            self.click_and_load(self.page.get_by_test_id("send-identity-code"))

    def confirm_identity(self, code: str, channel: str = "email") -> None:
        label = "E-mail verification code" if channel == "email" else "SMS verification code"
        with allure.step(f"Enter the {channel} code {code}"):
            self.page.get_by_label(label).fill(code)
            self.click_and_load(self.page.get_by_test_id("identity-code-confirm"))

    def otpauth_uri(self) -> str:
        return self.page.get_by_test_id("authenticator-qr").get_attribute("data-otpauth-uri") or ""

    def bind(self, totp_code: str) -> None:
        with allure.step(f"Enter the authenticator code {totp_code} and bind"):
            self.page.get_by_label("Google Authenticator code").fill(totp_code)
            self.click_and_load(self.page.get_by_test_id("bind-authenticator-submit"))
