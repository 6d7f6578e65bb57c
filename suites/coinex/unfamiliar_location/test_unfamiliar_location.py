"""CoinEx: failed logins from an unfamiliar location lock the account (seeds/003 line 5)."""

import pytest
from playwright.sync_api import expect

from pages import AccountPage, LoginPage
from suites.coinex.promises import UNFAMILIAR_FAILURE_THRESHOLD


@pytest.mark.behaviour("CX-UNFAM-01", "CX-UNFAM-02")
def test_failures_from_an_unfamiliar_device_lock_the_account_for_review(page, new_context, accounts):
    account = accounts.create()
    home = page
    LoginPage(home).open().login(account.email, account.password)  # the owner's usual device
    AccountPage(home).log_out()

    stranger = new_context().new_page()
    login = LoginPage(stranger).open()
    for _ in range(UNFAMILIAR_FAILURE_THRESHOLD - 1):
        login.login(account.email, "not-the-password-1")
        expect(login.error).to_be_visible()
    assert not accounts.state(account)["review_locked"]
    login.login(account.email, "not-the-password-1")

    lock = login.security_lock_message
    expect(lock).to_contain_text("locked to protect your assets")
    expect(lock).to_contain_text("security feature")
    expect(lock).to_contain_text("photo of your ID and a selfie")
    expect(login.error).to_have_count(0)
    assert accounts.state(account)["review_locked"]

    at_home = LoginPage(home).open()
    at_home.login(account.email, account.password)  # even the owner, at home
    expect(at_home.security_lock_message).to_be_visible()


@pytest.mark.behaviour("CX-UNFAM-01")
def test_failures_from_a_familiar_device_do_not_trigger_the_review_lock(page, accounts):
    account = accounts.create()
    login = LoginPage(page).open()
    login.login(account.email, account.password)
    AccountPage(page).log_out()

    for _ in range(UNFAMILIAR_FAILURE_THRESHOLD):
        login.login(account.email, "not-the-password-1")
        expect(login.error).to_be_visible()
    assert not accounts.state(account)["review_locked"]
    login.login(account.email, account.password)
    AccountPage(page).assert_current()
