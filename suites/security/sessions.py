"""Reading and replaying the session cookie, as an attacker who stole it would."""

from __future__ import annotations

from playwright.sync_api import BrowserContext, Page

from pages import AccountPage, LoginPage
from suites.security.http_client import SESSION_COOKIE


def session_cookie(context: BrowserContext) -> dict:
    cookies = [c for c in context.cookies() if c["name"] == SESSION_COOKIE]
    assert len(cookies) == 1, f"expected one {SESSION_COOKIE} cookie, found {context.cookies()}"
    return cookies[0]


def replayed_in_a_new_context(new_context, cookie: dict) -> Page:
    """A fresh browser holding only the given session cookie, on the account page."""
    thief = new_context()
    thief.add_cookies([cookie])
    page = thief.new_page()
    AccountPage(page).open()
    return page


def opens_the_account(page: Page) -> bool:
    """True when the page shows the account; False when the exchange sent it to the login form."""
    if AccountPage(page).is_current():
        return True
    LoginPage(page).assert_current()
    return False
