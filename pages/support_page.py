"""The support page: the brand's service address and the live-chat entry."""

from __future__ import annotations

import allure
from playwright.sync_api import Locator

from .base_page import BasePage


class SupportPage(BasePage):
    path = "/support"
    page_id = "support"

    @property
    def service_email(self) -> Locator:
        return self.page.get_by_test_id("support-email")

    @property
    def chat_started(self) -> Locator:
        return self.page.get_by_test_id("chat-started")

    def start_live_chat(self, contact: str, message: str) -> None:
        with allure.step("Start a live chat"):
            self.page.get_by_label("Your account e-mail or phone number").fill(contact)
            self.page.get_by_label("Message").fill(message)
            self.click_and_load(self.page.get_by_test_id("start-chat"))
