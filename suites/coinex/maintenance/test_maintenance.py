"""CoinEx: maintenance and outages are announced and login waits for them (seeds/003 line 21)."""

import pytest
from playwright.sync_api import expect

from pages import AccountPage, LoginPage


@pytest.mark.behaviour("CX-MAINT-01")
def test_during_maintenance_login_shows_a_notice_and_works_again_after(page, accounts, maintenance):
    account = accounts.create()
    login = LoginPage(page).open()
    expect(login.maintenance_banner).to_be_visible()

    login.login(account.email, account.password)
    expect(login.error).to_contain_text("under maintenance")
    expect(login.error).not_to_contain_text("Incorrect")
    assert accounts.state(account)["live_sessions"] == 0

    maintenance.set_maintenance(False)
    login.open()
    expect(login.maintenance_banner).to_have_count(0)
    login.login(account.email, account.password)
    AccountPage(page).assert_current()
