"""CoinEx: a passkey as the verification tool after the password (seeds/004 line 52)."""

import pytest
from playwright.sync_api import expect

from fixtures.passkeys import VirtualAuthenticator
from pages import AccountPage, LoginPage, VerificationPage
from suites.pionex.passkey.steps import create_passkey, sign_in_with_codes


@pytest.mark.behaviour("CX-PASSKEY-01")
def test_a_bound_passkey_passes_the_security_verification(page, new_context, accounts, exchange, inbox, authenticator,
                                                         sign_in):
    account = accounts.create(factors=("totp", "sms", "email"))  # with a fresh phone
    sign_in_with_codes(page, account, sign_in)
    create_passkey(page, account, sign_in, inbox, name="Phone")

    device = new_context().new_page()
    VirtualAuthenticator.sharing_credentials_of(authenticator, device)
    LoginPage(device).open().login(account.email, account.password)
    verification = VerificationPage(device)
    verification.switch_to("passkey")
    verification.verify_with_passkey()
    expect(AccountPage(device).login_email).to_have_text(account.email)
