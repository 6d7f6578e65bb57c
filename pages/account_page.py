"""The signed-in account overview: login e-mail, balance, banners, log out."""

from __future__ import annotations

from datetime import datetime

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

    @property
    def registered_via(self) -> Locator:
        return self.page.get_by_test_id("registered-via")

    @property
    def alerts(self) -> Locator:
        return self.page.get_by_role("alert")

    # --- banners
    @property
    def hold_banner(self) -> Locator:
        return self.page.get_by_test_id("withdrawal-hold-banner")

    def hold_until(self) -> datetime:
        """The end of the withdrawal hold, as the banner states it for machines."""
        return datetime.fromisoformat(self.hold_banner.get_attribute("data-until"))

    @property
    def bind_authenticator_banner(self) -> Locator:
        return self.page.get_by_test_id("bind-authenticator-banner")

    def bind_authenticator_again(self) -> None:
        with allure.step("Banner: bind Google Authenticator again"):
            self.click_and_load(self.bind_authenticator_banner.get_by_role("link"))

    @property
    def mobile_reset_banner(self) -> Locator:
        return self.page.get_by_test_id("mobile-reset-banner")

    @property
    def bind_2fa_link(self) -> Locator:
        return self.mobile_reset_banner.get_by_role("link", name="Bind 2FA")

    @property
    def rebind_mobile_link(self) -> Locator:
        return self.mobile_reset_banner.get_by_role("link", name="Rebind mobile")

    def log_out(self) -> None:
        with allure.step("Log out"):
            self.click_and_load(self.page.get_by_test_id("logout"))
