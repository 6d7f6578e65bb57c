"""Security -> Passkey: the list, the identity check before creating one, and the ceremony."""

from __future__ import annotations

import allure
from playwright.sync_api import Locator

from .base_page import BasePage


class PasskeysPage(BasePage):
    path = "/security/passkeys"
    page_id = "passkeys"

    @property
    def rows(self) -> Locator:
        return self.page.get_by_test_id("passkey-row")

    @property
    def names(self) -> Locator:
        return self.page.get_by_test_id("passkey-name")

    @property
    def created(self) -> Locator:
        return self.page.get_by_test_id("passkey-created")

    @property
    def none_yet(self) -> Locator:
        return self.page.get_by_test_id("no-passkeys")

    @property
    def notice(self) -> Locator:
        return self.page.get_by_test_id("passkey-notice")

    def create(self) -> "PasskeyIdentityPage":
        with allure.step("Create Passkey"):
            self.click_and_load(self.page.get_by_test_id("create-passkey"))
        return PasskeyIdentityPage(self.page)

    def remove(self, name: str) -> None:
        with allure.step(f"Remove passkey {name}"):
            self.click_and_load(self.page.get_by_role("button", name=f"Remove {name}"))


class PasskeyIdentityPage(BasePage):
    page_id = "passkey-new"

    @property
    def error(self) -> Locator:
        return self.page.get_by_test_id("passkey-verify-error")

    def confirm_codes(self, *, name: str = "", **codes: str) -> "PasskeyCeremonyPage":
        labels = {"email": "E-mail verification code", "sms": "SMS verification code",
                  "totp": "Google Authenticator code"}
        with allure.step(f"Verify identity with {', '.join(codes)} codes"):
            for factor, code in codes.items():
                self.page.get_by_label(labels[factor]).fill(code)
            if name:
                self.page.get_by_label("Passkey name (optional)").fill(name)
            self.click_and_load(self.page.get_by_test_id("confirm-passkey-codes"))
        return PasskeyCeremonyPage(self.page)


class PasskeyCeremonyPage(BasePage):
    page_id = "passkey-ceremony"

    @property
    def waiting_for_device(self) -> Locator:
        """Shown once the page has asked the browser for a passkey and its timeout runs."""
        return self.page.get_by_test_id("passkey-waiting")

    @property
    def error(self) -> Locator:
        return self.page.get_by_test_id("passkey-error")

    def use_biometrics(self) -> None:
        with allure.step("Confirm with face or fingerprint"):
            self.page.get_by_test_id("start-passkey-ceremony").click()
