"""The sign-up screen (e-mail or phone with password), the phone-code step and the confirmation."""

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
    def phone_error(self) -> Locator:
        return self.page.get_by_test_id("phone-error")

    def sign_up(self, email: str, password: str) -> "SignupDonePage":
        with allure.step(f"Sign up as {email}"):
            self.email_field.fill(email)
            self.password_field.fill(password)
            self.click_and_load(self.page.get_by_test_id("signup-submit"))
        return SignupDonePage(self.page)

    def sign_up_with_phone(self, region: str, national_number: str, password: str) -> "PhoneCodePage":
        with allure.step(f"Sign up with phone {national_number} ({region})"):
            self.click_and_load(self.page.get_by_test_id("signup-with-phone"))
            self.page.get_by_label("Country/region code").select_option(region)
            self.page.get_by_label("Phone number").fill(national_number)
            self.password_field.fill(password)
            self.click_and_load(self.page.get_by_test_id("signup-submit"))
        return PhoneCodePage(self.page)


class PhoneCodePage(BasePage):
    page_id = "signup-phone-code"

    @property
    def error(self) -> Locator:
        return self.page.get_by_test_id("signup-code-error")

    def confirm(self, code: str) -> "SignupDonePage":
        with allure.step(f"Confirm the phone with code {code}"):
            self.page.get_by_label("SMS verification code").fill(code)
            self.click_and_load(self.page.get_by_test_id("signup-code-submit"))
        return SignupDonePage(self.page)


class SignupDonePage(BasePage):
    path = "/signup"
    page_id = "signup-done"

    @property
    def registered_email(self) -> Locator:
        return self.page.get_by_test_id("signup-email")

    @property
    def registered_phone(self) -> Locator:
        return self.page.get_by_test_id("signup-phone")
