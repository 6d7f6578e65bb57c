"""Screens that walk through steps on one URL: each step is its own <main data-page=...>."""

from __future__ import annotations

from playwright.sync_api import Locator, expect

from .base_page import BasePage


class StepPage(BasePage):
    """A page object for a multi-step screen; ``page_id`` is the step it expects first."""

    def screen(self, page_id: str) -> Locator:
        return self.page.locator(f'main[data-page="{page_id}"]')

    def assert_step(self, page_id: str) -> None:
        expect(self.screen(page_id), f"expected the {page_id} step").to_be_visible()

    def state_mark(self, test_id: str) -> Locator:
        """The element a screen state is known by, named by its test id in a table of screen
        states (suites/accessibility/screens.py), where no page object names it."""
        return self.page.get_by_test_id(test_id).first
