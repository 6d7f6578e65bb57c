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
    assert accounts.state(account)["live_sessions"] == 0

    login.login(account.email, account.password)
    AccountPage(page).assert_current()
