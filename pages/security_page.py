"""Profile -> Security: each verification method, and the links that change it."""

from __future__ import annotations

import allure
from playwright.sync_api import Locator

from .base_page import BasePage

SECTIONS = {"email": "security-email", "sms": "security-sms", "totp": "security-authenticator"}


class SecurityPage(BasePage):
    path = "/security"
    page_id = "security"

    def value(self, method: str) -> Locator:
        return self.page.get_by_test_id(f"{SECTIONS[method]}-value")

    def unbind_link(self, method: str) -> Locator:
        return self.page.get_by_test_id(f"{SECTIONS[method]}-unbind")

    def bind_link(self, method: str) -> Locator:
        return self.page.get_by_test_id(f"{SECTIONS[method]}-bind")

    @property
    def set_authenticator_link(self) -> Locator:
        return self.page.get_by_test_id("security-authenticator-set")

    def start_unbind(self, method: str) -> None:
        with allure.step(f"Security: click Unbind next to {method}"):
            self.click_and_load(self.unbind_link(method))

    def start_bind(self, method: str) -> None:
        with allure.step(f"Security: click Bind next to {method}"):
            self.click_and_load(self.bind_link(method))

    def set_authenticator(self) -> None:
        with allure.step("Security: Google Authenticator -> Set"):
            self.click_and_load(self.set_authenticator_link)
