"""CoinEx: setting up 2FA hands the user backup codes (seeds/003 line 6)."""

import pyotp
import pytest
from playwright.sync_api import expect

from pages import AccountPage, LoginPage, VerificationPage
from pages.authenticator_page import AuthenticatorSetupPage
from pages.security_page import SecurityPage


@pytest.mark.behaviour("CX-BACKUP-01")
def test_binding_totp_shows_backup_codes_once_and_they_stand_in_for_it(
        page, accounts, deliveries, sign_in, server_time):
    account = accounts.create()
    sign_in.with_session(page, account)
    SecurityPage(page).open().set_authenticator()
    setup = AuthenticatorSetupPage(page)
    mark = deliveries.mark()
    setup.send_identity_code()
    setup.confirm_identity(deliveries.email_code(account.email, "bind authenticator", since=mark))
    key = setup.key.inner_text()
    setup.bind(pyotp.TOTP(key).at(server_time.now()))
    expect(setup.bound_message).to_be_visible()
    codes = setup.backup_code
    expect(codes).not_to_have_count(0)
    backup = codes.first.inner_text()

    setup.open()  # shown once: not on a later visit
    expect(setup.backup_codes).to_have_count(0)

    AccountPage(page).open().log_out()
    LoginPage(page).open().login(account.email, account.password)
    verification = VerificationPage(page)
    verification.switch_to("backup")
    verification.submit_code(backup)
    AccountPage(page).assert_current()
