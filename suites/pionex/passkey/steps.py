"""Shared steps of the passkey suites: sign in, and create a passkey through the real screens."""

from datetime import timedelta

from playwright.sync_api import expect

from fixtures.messages import code_in
from pages import AccountPage, LoginPage, PasskeysPage, VerificationPage

ALL_FACTORS = ("email", "sms", "totp")


def sign_in_with_codes(page, account, sign_in) -> None:
    """The login page, and an authenticator code at the server's time that the server has not taken yet."""
    LoginPage(page).open().login(account.email, account.password)
    if account.totp_secret:
        VerificationPage(page).submit_code(sign_in.totp(account))
    AccountPage(page).assert_current()


def passkey_codes(account, sign_in, inbox, since: int) -> dict[str, str]:
    """The codes the identity check asks for: the bound factors' codes, just sent or computed."""
    codes = {}
    if "email" in account.factors:
        codes["email"] = code_in(inbox.wait_for(to=account.email, subject_contains="passkey", since=since).body)
    if "sms" in account.factors:
        codes["sms"] = code_in(sign_in.deliveries.sms(account.phone)[-1])
    if "totp" in account.factors:
        # one step ahead of the server's clock, so it is not the step the login already used
        codes["totp"] = account.totp().at(sign_in.clock.now() + timedelta(seconds=30))
    return codes


def create_passkey(page, account, sign_in, inbox, name: str = "") -> None:
    """Security -> Passkey -> Create Passkey -> the bound factors' codes -> biometrics."""
    mark = inbox.count()
    identity = PasskeysPage(page).open().create()
    ceremony = identity.confirm_codes(name=name, **passkey_codes(account, sign_in, inbox, mark))
    ceremony.use_biometrics()
    expect(PasskeysPage(page).notice).to_have_text("Passkey created.")
