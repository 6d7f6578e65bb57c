"""Pionex: logging in with e-mail and password, and the verification step after it."""

import re

import pytest
from playwright.sync_api import expect

from pages import AccountPage, LoginPage, VerificationPage


@pytest.mark.behaviour("PX-LOGIN-01")
def test_login_with_email_and_password_opens_the_account(page, accounts):
    account = accounts.create(balance_usdt="1234.5")
    LoginPage(page).open().login(account.email, account.password)

    account_page = AccountPage(page)
    account_page.assert_current()
    expect(account_page.login_email).to_have_text(account.email)
    expect(account_page.balance).to_have_text("1,234.50 USDT")
    assert accounts.state(account)["live_sessions"] == 1

    account_page.log_out()
    LoginPage(page).assert_current()
    page.goto(AccountPage.path)
    LoginPage(page).assert_current()
    assert accounts.state(account)["live_sessions"] == 0


@pytest.mark.behaviour("PX-LOGIN-04")
def test_wrong_password_is_refused_with_the_same_message_as_an_unknown_address(page, accounts):
    account = accounts.create()
    login = LoginPage(page).open()
    login.login(account.email, account.password + "x")

    login.assert_current()
    expect(login.error).to_contain_text("Incorrect e-mail or password")
    wrong_password_message = re.sub(r"\d+ attempts? left", "", login.error.inner_text())
    assert accounts.state(account)["live_sessions"] == 0

    login.login(accounts.new_email(), account.password)
    expect(login.error).to_contain_text("Incorrect e-mail or password")
    assert re.sub(r"\d+ attempts? left", "", login.error.inner_text()) == wrong_password_message


@pytest.mark.behaviour("PX-LOGIN-03")
@pytest.mark.variant(identifier="email", factor="authenticator")
def test_authenticator_code_is_asked_after_the_password_and_only_the_right_one_signs_in(page, accounts, server_time):
    account = accounts.create(factors=("totp",))
    LoginPage(page).open().login(account.email, account.password)

    verification = VerificationPage(page)
    verification.assert_current()
    assert accounts.state(account)["live_sessions"] == 0

    right_code = account.totp().at(server_time.now())
    wrong_code = f"{(int(right_code) + 1) % 1_000_000:06d}"
    verification.submit_codes(totp=wrong_code)
    expect(verification.error).to_contain_text("wrong or has expired")
    assert accounts.state(account)["live_sessions"] == 0

    verification.submit_codes(totp=account.totp().at(server_time.now()))
    AccountPage(page).assert_current()
    expect(AccountPage(page).login_email).to_have_text(account.email)
