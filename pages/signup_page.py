"""The sign-up screen (e-mail and password) and its confirmation screen."""

from __future__ import annotations

import allure
from playwright.sync_api import Locator

from .base_page import BasePage


class SignupPage(BasePage):
    path = "/signup"
    page_id = "signup"

    @property
    def email_field(self) -> Locator:
        return self.page.get_by_label("E-mail")

    @property
    def password_field(self) -> Locator:
        return self.page.get_by_label("Password")

    @property
    def email_error(self) -> Locator:
        return self.page.get_by_test_id("email-error")

    @property
    def password_error(self) -> Locator:
        return self.page.get_by_test_id("password-error")

    def sign_up(self, email: str, password: str) -> "SignupDonePage":
        with allure.step(f"Sign up as {email}"):
            self.email_field.fill(email)
            self.password_field.fill(password)
            self.page.get_by_test_id("signup-submit").click()
        return SignupDonePage(self.page)


class SignupDonePage(BasePage):
    path = "/signup"
    page_id = "signup-done"

    @property
    def registered_email(self) -> Locator:
        return self.page.get_by_test_id("signup-email")
