"""The login screen: e-mail or phone with password, social buttons, messages and help links."""

from __future__ import annotations

import re

import allure
from playwright.sync_api import Locator

from .base_page import BasePage
from .idp_consent_page import IdpConsentPage


class LoginPage(BasePage):
    path = "/login"
    page_id = "login"

    @property
    def email_field(self) -> Locator:
        return self.page.get_by_label("E-mail")

    @property
    def password_field(self) -> Locator:
        return self.page.get_by_label("Password")

    @property
    def country_code(self) -> Locator:
        return self.page.get_by_label("Country/region code")

    @property
    def phone_field(self) -> Locator:
        return self.page.get_by_label("Phone number")

    @property
    def submit_button(self) -> Locator:
        return self.page.get_by_test_id("login-submit")

    @property
    def error(self) -> Locator:
        return self.page.get_by_test_id("login-error")

    @property
    def lockout_message(self) -> Locator:
        return self.page.get_by_test_id("lockout-message")

    @property
    def lock_message(self) -> Locator:
        """Either lock's message: the 5-failure lock, or CoinEx's security review lock."""
        return self.page.locator('[data-testid="lockout-message"], [data-testid="security-lock-message"]')

    @property
    def security_lock_message(self) -> Locator:
        """CoinEx's security review lock (failures from an unfamiliar device)."""
        return self.page.get_by_test_id("security-lock-message")

    @property
    def notice(self) -> Locator:
        return self.page.get_by_test_id("login-notice")

    @property
    def maintenance_banner(self) -> Locator:
        return self.page.get_by_test_id("maintenance-banner")

    @property
    def google_button(self) -> Locator:
        return self.page.get_by_test_id("continue-with-google")

    @property
    def apple_button(self) -> Locator:
        return self.page.get_by_test_id("continue-with-apple")

    @property
    def phone_tab(self) -> Locator:
        return self.page.get_by_test_id("login-with-phone")

    @property
    def official_url(self) -> Locator:
        return self.page.get_by_test_id("official-url")

    @property
    def app_links(self) -> Locator:
        return self.page.get_by_test_id("app-links").get_by_role("link")

    @property
    def help_links(self) -> Locator:
        return self.page.get_by_test_id("login-help")

    @property
    def help_service_email(self) -> Locator:
        return self.help_links.get_by_test_id("help-service-email")

    @property
    def help_forgot_password(self) -> Locator:
        return self.help_links.get_by_test_id("help-forgot-password")

    def open_support(self) -> None:
        with allure.step("Trouble logging in? Contact support"):
            self.click_and_load(self.help_links.get_by_test_id("help-support"))

    def forgot_password(self) -> None:
        with allure.step("Forgot password"):
            self.click_and_load(self.page.get_by_role("link", name=re.compile("Forgot password", re.I)))

    def submit_verification_ticket(self) -> None:
        """The security lock's way out: submit a verification ticket (CoinEx)."""
        with allure.step("Locked: submit a verification ticket"):
            self.click_and_load(self.page.get_by_role("link", name="submit a verification ticket"))

    def login(self, email: str, password: str) -> None:
        with allure.step(f"Log in as {email}"):
            self.email_field.fill(email)
            self.password_field.fill(password)
            self.click_and_load(self.submit_button)

    def login_with_phone(self, region: str, national_number: str, password: str) -> None:
        with allure.step(f"Log in with phone {national_number} ({region})"):
            self.click_and_load(self.phone_tab)
            self.country_code.select_option(region)
            self.phone_field.fill(national_number)
            self.password_field.fill(password)
            self.click_and_load(self.submit_button)

    def fail_login(self, email: str, wrong_password: str, times: int) -> None:
        """Submit a wrong password `times` times in a row, waiting for each answer."""
        for attempt in range(1, times + 1):
            with allure.step(f"Failed attempt {attempt} of {times}"):
                self.login(email, wrong_password)
                self.assert_current()

    @property
    def passkey_error(self) -> Locator:
        return self.page.get_by_test_id("passkey-error")

    def login_with_passkey(self) -> None:
        with allure.step("Log in with a passkey"):
            self.page.get_by_test_id("login-with-passkey").click()

    def continue_with(self, provider: str) -> IdpConsentPage:
        with allure.step(f"Continue with {provider.capitalize()}"):
            self.click_and_load(self.page.get_by_test_id(f"continue-with-{provider}"))
        return IdpConsentPage(self.page)
