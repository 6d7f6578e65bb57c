"""One browser page and one account per (brand, form), reused by that form's cases.

The workbench opens the form's page, writes values into the real form element (hidden fields
included) and submits it the way a hostile client would, through the page object for "any form"
(pages/any_form_page.py), then reports what came back.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

import pyotp
from playwright.sync_api import Browser, BrowserContext, Page

from fixtures.accounts import AccountFactory, TestAccount
from fixtures.servers import ExchangeTarget
from pages import LoginPage, VerificationPage
from pages.any_form_page import AnyFormPage

from .forms import FormSpec
from .payloads import INJECTED_MARKER

TRACE_MARKERS = ("Traceback (most recent call last)", "Internal Server Error", "Something went wrong")


@dataclass
class Outcome:
    status: int
    url: str
    text: str            # the page's visible text
    html: str
    error_text: str      # the first visible readable error, if any
    dialogs: list[str]
    injected: int        # elements created from injected markup

    @property
    def shows_trace(self) -> bool:
        return any(marker in self.html for marker in TRACE_MARKERS)


@dataclass
class Workbench:
    spec: FormSpec
    target: ExchangeTarget
    context: BrowserContext
    page: Page
    account: TestAccount
    agent_email: str | None = None
    dialogs: list[str] = field(default_factory=list)
    forms_after_last_submit: list[str] = field(default_factory=list)
    last_snapshot: dict | None = None
    may_reuse_page: bool = True

    @classmethod
    def open(cls, browser: Browser, target: ExchangeTarget, spec: FormSpec) -> "Workbench":
        factory = AccountFactory(target.api)
        seed = dict(spec.account)
        if seed.get("phone") == "{new_phone}":
            seed["phone"] = factory.new_phone()[0]
        account = factory.create(**seed)
        context = browser.new_context(base_url=target.base_url)
        page = context.new_page()
        bench = cls(spec, target, context, page, account)
        page.on("dialog", bench._dialog)
        bench._reach()
        return bench

    def _dialog(self, dialog) -> None:
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def _reach(self) -> None:
        """Bring this browser to where the form is (a session, a flow step)."""
        reach = self.spec.reach
        if reach in ("signed_in", "pending_2fa"):
            self.page.goto("/login")
            LoginPage(self.page).login(self.account.email, self.account.password)
            if reach == "signed_in" and "/login/verify" in self.page.url:
                VerificationPage(self.page).submit_code(self._totp(0))
        elif reach == "forgot_started":
            self.page.goto("/forgot-password")
            self.submit("/forgot-password", {"identifier": self.account.email})
        elif reach == "agent":
            self.agent_email = f"agent.{secrets.token_hex(4)}@example.com"
            self.target.api.create_agent(self.agent_email, "Agent-password-2024-long")

    def _totp(self, steps_ahead: int) -> str:
        totp = pyotp.TOTP(self.account.totp_secret)
        return totp.at(self.target.api.now(), counter_offset=steps_ahead)

    def partner_values(self) -> dict[str, str]:
        tokens = {
            "{fresh_email}": lambda: f"nobody.{secrets.token_hex(5)}@example.com",
            "{fresh_phone}": lambda: f"070{secrets.randbelow(10**7):07d}",
            "{account_email}": lambda: self.account.email,
            "{account_phone}": lambda: "0" + self.account.phone.removeprefix("+46"),
            "{agent_email}": lambda: self.agent_email,
            "{totp_next}": lambda: self._totp(1),  # the sign-in used the current step
        }
        return {name: tokens[value]() if value in tokens else value for name, value in self.spec.partner.items()}

    def open_form(self, reuse: bool = True) -> bool:
        """Make the form's page current; False when the form is not there (the flow moved on).

        A refused form usually comes back on the same page with the form again, as a person
        would see it; the next case then fills that form instead of loading the page anew.
        """
        if reuse and self.spec.action in self.forms_after_last_submit:
            return True
        self.page.goto(self.spec.page, wait_until="domcontentloaded")
        return self.spec.action in self.forms_on_page()

    def forms_on_page(self) -> list[str]:
        return AnyFormPage(self.page).form_actions()

    def submit(self, action: str, values: dict[str, str]) -> Outcome:
        self.dialogs.clear()
        answered = AnyFormPage(self.page).submit_values(action, values, INJECTED_MARKER)
        self.forms_after_last_submit = answered.forms
        return Outcome(
            status=answered.response.status if answered.response else 0,
            url=self.page.url,
            text=answered.text,
            html=answered.html,
            error_text=answered.error,
            dialogs=list(self.dialogs),
            injected=answered.injected,
        )

    def snapshot(self, reuse_last: bool = False) -> dict:
        """Everything the suite can see of the workbench account (the last one read, if asked)."""
        if not (reuse_last and self.last_snapshot):
            api = self.target.api
            self.last_snapshot = {"state": api.account_state(self.account.id),
                                  "security": api.security_state(self.account.id)}
        return self.last_snapshot

    def password_still_works(self) -> bool:
        return self.target.api.password_matches(self.account.id, self.account.password)

    def close(self) -> None:
        self.context.close()
