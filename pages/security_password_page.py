"""Security -> Login password: confirm the bound e-mail with a code, then set a password."""

from __future__ import annotations

import allure
from playwright.sync_api import Locator

from .base_page import BasePage


class SecurityPasswordPage(BasePage):
    path = "/security/password"
    page_id = "security-password"

    @property
    def bound_email(self) -> Locator:
        return self.page.get_by_test_id("bound-email")

    @property
    def done(self) -> Locator:
        return self.page.get_by_test_id("password-setup-done")

    @property
    def error(self) -> Locator:
        return self.page.get_by_test_id("password-setup-error")

    def send_code(self) -> None:
        with allure.step("Confirm the bound e-mail: send a code"):
            self.click_and_load(self.page.get_by_test_id("send-email-code"))

    def set_password(self, code: str, password: str) -> None:
        with allure.step("Set a login password"):
            self.page.get_by_label("E-mail verification code").fill(code)
            self.page.get_by_label("New password").fill(password)
            self.click_and_load(self.page.get_by_test_id("save-password"))
