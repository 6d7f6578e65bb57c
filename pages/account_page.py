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
    def login_phone(self) -> Locator:
        return self.page.get_by_test_id("login-phone")

    @property
    def uid(self) -> Locator:
        return self.page.get_by_test_id("account-uid")

    @property
    def balance(self) -> Locator:
        return self.page.get_by_test_id("balance")

    @property
    def bots(self) -> Locator:
        return self.page.get_by_test_id("bot")

    @property
    def no_bots(self) -> Locator:
        return self.page.get_by_test_id("no-bots")

    def log_out(self) -> None:
        with allure.step("Log out"):
            self.click_and_load(self.page.get_by_test_id("logout"))
