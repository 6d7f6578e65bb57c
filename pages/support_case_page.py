"""Asking support: a phone no longer in use, or a forgotten registration e-mail/phone (seeds/000:12-17)."""

from __future__ import annotations

import allure
from playwright.sync_api import Locator

from .flow_steps import StepPage


class SupportCasePage(StepPage):
    path = "/support/case"
    page_id = "support-case"

    def open_topic(self, topic: str) -> "SupportCasePage":
        with allure.step(f"Open the support request form ({topic})"):
            self.page.goto(f"{self.path}?topic={topic}")
        return self

    @property
    def submitted(self) -> Locator:
        return self.page.get_by_test_id("support-case-submitted")

    @property
    def error(self) -> Locator:
        return self.page.get_by_test_id("support-case-error")

    def report_phone_gone(self, account_email: str, old_phone: str, registered_month: str, balance_usdt: str) -> None:
        with allure.step(f"Ask support to unbind {old_phone} from {account_email}"):
            self.page.get_by_label("Your account e-mail").fill(account_email)
            self.page.get_by_label("The old phone number (with country code)").fill(old_phone)
            self._common(registered_month, balance_usdt)

    def ask_account_lookup(self, remembered: str, contact_email: str, registered_month: str, balance_usdt: str) -> None:
        with allure.step(f"Ask support which account {remembered} belongs to"):
            self.page.get_by_label("A phone number or e-mail you may have registered with").fill(remembered)
            self.page.get_by_label("Where we can reply (e-mail)").fill(contact_email)
            self._common(registered_month, balance_usdt)

    def _common(self, registered_month: str, balance_usdt: str) -> None:
        self.page.get_by_label("Month you registered (YYYY-MM)").fill(registered_month)
        self.page.get_by_label("Approximate balance (USDT)").fill(balance_usdt)
        self.click_and_load(self.page.get_by_test_id("support-case-submit"))

    def review_id(self) -> int:
        return int(self.submitted.get_attribute("data-review-id"))
