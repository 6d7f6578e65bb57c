"""The status page: maintenance or all systems operational."""

from __future__ import annotations

from playwright.sync_api import Locator

from .base_page import BasePage


class StatusPage(BasePage):
    path = "/status"
    page_id = "status"

    @property
    def announcement(self) -> Locator:
        return self.page.get_by_test_id("status-announcement")
