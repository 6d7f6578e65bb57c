"""What every page object shares: its path, `open()`, and the Keycloak-style `is_current()`."""

from __future__ import annotations

import allure
from playwright.sync_api import Locator, Page, expect


class BasePage:
    path: str = "/"
    page_id: str = ""  # the screen's <main data-page="..."> value

    def __init__(self, page: Page) -> None:
        self.page = page

    def open(self):
        with allure.step(f"Open {type(self).__name__} ({self.path})"):
            self.page.goto(self.path)
        return self

    @property
    def main(self) -> Locator:
        return self.page.locator(f'main[data-page="{self.page_id}"]')

    def is_current(self) -> bool:
        return self.main.count() == 1

    def assert_current(self) -> None:
        expect(self.main, f"expected to be on the {self.page_id} screen").to_be_visible()

    @property
    def error_page_message(self) -> Locator:
        return self.page.get_by_test_id("error-message")
