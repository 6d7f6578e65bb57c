"""The back office a support agent uses: log in, the review queue, one review and its decision."""

from __future__ import annotations

import allure
from playwright.sync_api import Locator, Page

from .flow_steps import StepPage


class BackofficePage(StepPage):
    path = "/backoffice"
    page_id = "backoffice-queue"

    def __init__(self, page: Page, agent_email: str = "") -> None:
        super().__init__(page)
        self.agent_email = agent_email

    def log_in(self, email: str, password: str) -> None:
        with allure.step(f"Back office: log in as {email}"):
            self.page.goto("/backoffice/login")
            self.page.get_by_label("Agent e-mail").fill(email)
            self.page.get_by_label("Password").fill(password)
            self.click_and_load(self.page.get_by_test_id("backoffice-login-submit"))
        self.agent_email = email

    def queue_row(self, review_id: int) -> Locator:
        return self.page.locator(f'[data-testid="review-row"][data-review-id="{review_id}"]')

    def open_review(self, review_id: int) -> None:
        with allure.step(f"Back office: open request #{review_id} from the queue"):
            self.page.goto(self.path)
            self.click_and_load(self.page.get_by_test_id(f"open-review-{review_id}"))

    @property
    def checks(self) -> Locator:
        return self.page.get_by_test_id("identity-checks").get_by_role("listitem")

    @property
    def account_hidden(self) -> Locator:
        return self.page.get_by_test_id("review-account-hidden")

    @property
    def account_email(self) -> Locator:
        return self.page.get_by_test_id("review-account-email")

    @property
    def status(self) -> Locator:
        return self.page.get_by_test_id("review-status")

    @property
    def error(self) -> Locator:
        return self.page.get_by_test_id("review-error")

    def verify_identity(self) -> None:
        with allure.step("Back office: record that the identity checks passed"):
            self.click_and_load(self.page.get_by_test_id("verify-identity"))

    def approve(self, note: str = "") -> None:
        with allure.step("Back office: approve"):
            self.page.get_by_label("Note to file").fill(note)
            self.click_and_load(self.page.get_by_test_id("approve"))

    def reject(self, note: str = "") -> None:
        with allure.step("Back office: reject"):
            self.page.get_by_label("Note to file").fill(note)
            self.click_and_load(self.page.get_by_test_id("reject"))
