"""CoinEx: passwords are case-sensitive (seeds/003 line 3)."""

import pytest
from playwright.sync_api import expect

from pages import AccountPage, LoginPage


@pytest.mark.behaviour("CX-LOGIN-01")
def test_password_typed_with_caps_lock_is_refused(page, accounts):
    account = accounts.create()
    login = LoginPage(page).open()

    login.login(account.email, account.password.swapcase())
    expect(login.error).to_contain_text("Incorrect e-mail or password")
    page.goto(AccountPage.path)  # no session in this browser
    login.assert_current()

    login.login(account.email, account.password)
    AccountPage(page).assert_current()


@pytest.mark.behaviour("CX-LOGIN-01")
def test_a_caps_lock_password_opens_no_session_on_the_server(screen_forms, accounts):
    """The server's half of the test above (it needs the test API; the screens' half runs anywhere)."""
    account = accounts.create()
    assert not screen_forms().login(account.email, account.password.swapcase()).signed_in
    assert accounts.state(account)["live_sessions"] == 0
