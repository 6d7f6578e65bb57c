"""CoinEx: the security verification page after the password (seeds/004 lines 4, 52-55; 003 line 6)."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from fixtures.messages import code_in
from pages import AccountPage, LoginPage, VerificationPage
from suites.coinex.promises import TOTP_STEP_SECONDS


@pytest.mark.behaviour("CX-LOGIN-04")
def test_a_bound_tool_is_asked_after_the_password_and_only_passing_it_signs_in(page, accounts, server_time):
    account = accounts.create(factors=("totp",))
    LoginPage(page).open().login(account.email, account.password)
    verification = VerificationPage(page)
    verification.assert_current()
    assert accounts.state(account)["live_sessions"] == 0

    verification.submit_code("000000" if account.totp().at(server_time.now()) != "000000" else "111111")
    expect(verification.error).to_be_visible()
    page.goto(AccountPage.path)
    LoginPage(page).assert_current()


@pytest.mark.behaviour("CX-SECVER-01")
def test_switch_verification_tool_from_authenticator_to_mobile(page, accounts, exchange):
    phone, _ = accounts.new_phone()
    account = accounts.create(factors=("totp", "sms"), phone=phone)
    LoginPage(page).open().login(account.email, account.password)
    verification = VerificationPage(page)
    expect(verification.instructions).to_contain_text("Google Authenticator")

    verification.switch_to("sms")
    expect(verification.destination).to_contain_text("+46 70")
    verification.submit_code(code_in(exchange.api.sms(phone)[-1]["body"]))
    AccountPage(page).assert_current()


@pytest.mark.behaviour("CX-BACKUP-02", "CX-BACKUP-03")
def test_a_backup_code_stands_in_for_the_authenticator_once(page, accounts):
    account = accounts.create(factors=("totp",), backup_codes=True)
    code = account.backup_codes[0]
    login = LoginPage(page).open()
    login.login(account.email, account.password)
    verification = VerificationPage(page)
    verification.switch_to("backup")
    verification.submit_code(code)
    account_page = AccountPage(page)
    account_page.assert_current()

    account_page.log_out()
    login.login(account.email, account.password)
    verification.switch_to("backup")
    verification.submit_code(code)
    expect(verification.error).to_contain_text("wrong or has expired")
    verification.submit_code(account.backup_codes[1])
    account_page.assert_current()


@pytest.mark.behaviour("CX-GA-01")
def test_authenticator_codes_from_a_skewed_device_clock_are_refused(page, accounts, server_time):
    account = accounts.create(factors=("totp",))
    LoginPage(page).open().login(account.email, account.password)
    verification = VerificationPage(page)
    skewed = server_time.now() + timedelta(seconds=3 * TOTP_STEP_SECONDS)  # phone clock 90 s fast
    verification.submit_code(account.totp().at(skewed))
    expect(verification.error).to_contain_text("wrong or has expired")
    verification.submit_code(account.totp().at(server_time.now()))
    AccountPage(page).assert_current()
