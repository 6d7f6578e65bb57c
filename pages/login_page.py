"""The login screen: e-mail and password, its error and lockout messages."""

from __future__ import annotations

import allure
from playwright.sync_api import Locator

from .base_page import BasePage


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
    def submit_button(self) -> Locator:
        return self.page.get_by_test_id("login-submit")

    @property
    def error(self) -> Locator:
        return self.page.get_by_test_id("login-error")

    @property
    def lockout_message(self) -> Locator:
        return self.page.get_by_test_id("lockout-message")

    @property
    def notice(self) -> Locator:
        return self.page.get_by_test_id("login-notice")

    def login(self, email: str, password: str) -> None:
        with allure.step(f"Log in as {email}"):
            self.email_field.fill(email)
            self.password_field.fill(password)
            self.submit_button.click()

    def fail_login(self, email: str, wrong_password: str, times: int) -> None:
        """Submit a wrong password `times` times in a row, waiting for each answer."""
        for attempt in range(1, times + 1):
            with allure.step(f"Failed attempt {attempt} of {times}"):
                self.login(email, wrong_password)
                self.page.wait_for_load_state()
                self.assert_current()
