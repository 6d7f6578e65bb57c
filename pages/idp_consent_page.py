"""The mock Google / Apple consent screen, where a test identity is chosen."""

from __future__ import annotations

import allure
from playwright.sync_api import Locator

from .base_page import BasePage


class IdpConsentPage(BasePage):
    page_id = "idp-consent"

    @property
    def apple_id_field(self) -> Locator:
        return self.page.get_by_label("Apple ID")

    def choose_identity(self, email: str, *, hide_my_email: bool = False, password: str | None = None) -> None:
        with allure.step(f"Choose identity {email}{' with Hide My Email' if hide_my_email else ''}"):
            self.page.locator("#identity").fill(email)
            if password is not None:
                self.page.get_by_label("Password").fill(password)
            if hide_my_email:
                self.page.get_by_test_id("hide-my-email").check()
            self.click_and_load(self.page.get_by_test_id("idp-continue"))

    def cancel(self) -> None:
        with allure.step("Cancel at the provider"):
            self.click_and_load(self.page.get_by_test_id("idp-cancel"))


class SocialErrorPage(BasePage):
    page_id = "social-error"

    @property
    def message(self) -> Locator:
        return self.page.get_by_test_id("social-error")
