"""What a screen's journey gets: the page, the exchange's test API, accounts, codes and a clean-up list."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass, field

from playwright.sync_api import Page

from fixtures import accessibility
from fixtures.accounts import AccountFactory, TestAccount
from pages.backoffice_page import BackofficePage


@dataclass
class Driver:
    page: Page
    exchange: object  # fixtures.servers.ExchangeTarget
    accounts: AccountFactory
    deliveries: object  # fixtures.deliveries.Deliveries
    time_travel: object  # fixtures.time_travel.TimeTravel
    sign_in: object  # fixtures.sign_in.SignIn
    cleanups: list[Callable[[], None]] = field(default_factory=list)

    @property
    def brand(self) -> str:
        return self.exchange.brand

    @property
    def api(self):
        return self.exchange.api

    def audit(self) -> list[dict]:
        """axe-core's violations on the page (fixtures.accessibility.audit). axe waits on the
        page's timers, which the paused test clock would stop, so its clock runs meanwhile."""
        with self.time_travel.page_clock_running():
            return accessibility.audit(self.page)

    def signed_in(self, **seed) -> TestAccount:
        """A fresh account (``accounts.create`` arguments), signed in with a test-API session
        (the screens under test come after the login page, which has its own cases)."""
        account = self.accounts.create(**seed)
        self.sign_in.with_session(self.page, account)
        return account

    def with_phone(self, factors=("sms",), **seed) -> TestAccount:
        phone, _ = self.accounts.new_phone()
        return self.accounts.create(factors=factors, phone=phone, **seed)

    def maintenance_on(self) -> None:
        self.api.set_maintenance(True)
        self.cleanups.append(lambda: self.api.set_maintenance(False))

    def support_agent(self) -> BackofficePage:
        """A freshly seeded support agent, logged in to the back office on this page."""
        email = f"agent.{secrets.token_hex(4)}@support.example.com"
        password = f"Agent-{secrets.token_urlsafe(12)}"
        self.api.create_agent(email, password, name="Alex Agent")
        backoffice = BackofficePage(self.page)
        backoffice.log_in(email, password)
        backoffice.assert_current()
        return backoffice

    def email_code(self, to: str, subject_contains: str, since: int) -> str:
        return self.deliveries.email_code(to, subject_contains, since=since)
