"""The signed-in account overview: login e-mail, balance, log out."""

from __future__ import annotations

import allure
from playwright.sync_api import Locator

from .base_page import BasePage


class AccountPage(BasePage):
    path = "/account"
    page_id = "account"

    @property
    def login_email(self) -> Locator:
        return self.page.get_by_test_id("login-email")

    @property
    def balance(self) -> Locator:
        return self.page.get_by_test_id("balance")

    def log_out(self) -> None:
        with allure.step("Log out"):
            self.page.get_by_test_id("logout").click()
