"""Journeys to the signed-in screens (account, withdraw, security settings and their flows) and
the back office. Each ends on the screen to audit."""

from __future__ import annotations

from pages.authenticator_page import AuthenticatorSetupPage
from pages.backoffice_page import BackofficePage
from pages.idp_consent_page import IdpConsentPage
from pages.login_page import LoginPage
from pages.passkeys_page import PasskeyIdentityPage, PasskeysPage
from pages.security_password_page import SecurityPasswordPage
from pages.unbind_page import BindMethodPage, UnbindPage
from pages.withdrawal_page import WithdrawalPage

from .driver import Driver
from .journeys_public import WRONG_CODE

ALL_FACTORS = ("totp", "sms", "email")


def signed_in_at(path: str, **seed):
    def journey(d: Driver) -> None:
        d.signed_in(**seed)
        d.page.goto(path)
    return journey


def under_withdrawal_hold(path: str):
    """After a password reset the account is on a withdrawal hold; the banner shows on ``path``."""
    def journey(d: Driver) -> None:
        account = d.accounts.create(balance_usdt=100)
        account.password = d.accounts.new_password()
        d.api.reset_password(account.id, account.password)
        d.sign_in.with_session(d.page, account)
        d.page.goto(path)
    return journey


def withdraw_error(d: Driver) -> None:
    d.signed_in(factors=("email",), balance_usdt=100)
    WithdrawalPage(d.page).open().withdraw("not an address", "1000000", email=WRONG_CODE)


def withdraw_codes_sent(d: Driver) -> None:
    d.signed_in(factors=("email",), balance_usdt=100)
    WithdrawalPage(d.page).open().send_codes()


def password_setup(d: Driver) -> None:
    """An account made with Google has no password: Security -> Login password offers one."""
    email = d.accounts.new_email()
    d.accounts.create(registered_via="google", email=email, password=None, social_identity=email)
    LoginPage(d.page).open().continue_with("google")
    IdpConsentPage(d.page).choose_identity(email)
    d.page.wait_for_url("**/account")
    SecurityPasswordPage(d.page).open()


def password_setup_code_sent(d: Driver) -> None:
    password_setup(d)
    SecurityPasswordPage(d.page).send_code()


def password_setup_error(d: Driver) -> None:
    password_setup_code_sent(d)
    SecurityPasswordPage(d.page).set_password(WRONG_CODE, d.accounts.new_password())


def authenticator_code_sent(d: Driver) -> None:
    d.signed_in()
    AuthenticatorSetupPage(d.page).open().send_identity_code()


def _authenticator_key(d: Driver) -> AuthenticatorSetupPage:
    account = d.accounts.create()
    d.sign_in.with_session(d.page, account)
    authenticator = AuthenticatorSetupPage(d.page).open()
    mark = d.deliveries.mark()
    authenticator.send_identity_code()
    authenticator.confirm_identity(d.deliveries.email_code(account.email, since=mark))
    return authenticator


def authenticator_key(d: Driver) -> None:
    _authenticator_key(d)


def authenticator_bind_error(d: Driver) -> None:
    _authenticator_key(d).bind(WRONG_CODE)


def authenticator_bound(d: Driver) -> None:
    import pyotp

    authenticator = _authenticator_key(d)
    secret = authenticator.key.inner_text().replace(" ", "")
    authenticator.bind(pyotp.TOTP(secret).at(d.time_travel.now()))


def passkey_new(d: Driver) -> None:
    """Security -> Passkey -> Create Passkey: the codes are sent, the code form opens."""
    d.signed_in(factors=("email",))
    PasskeysPage(d.page).open().create()


def passkey_identity_error(d: Driver) -> None:
    passkey_new(d)
    PasskeyIdentityPage(d.page).confirm_codes(email=WRONG_CODE)


def passkey_ceremony(d: Driver) -> None:
    account = d.accounts.create(factors=("email",))
    d.sign_in.with_session(d.page, account)
    mark = d.deliveries.mark()
    identity = PasskeysPage(d.page).open().create()
    identity.confirm_codes(email=d.deliveries.email_code(account.email, "passkey", since=mark))


def _fully_bound(d: Driver):
    account = d.with_phone(factors=ALL_FACTORS)
    d.sign_in.with_session(d.page, account)
    return account


def unbind_refused(d: Driver) -> None:
    d.signed_in(factors=("email",))
    d.page.goto("/security/unbind/email")


def unbind_notice(channel: str):
    def journey(d: Driver) -> None:
        _fully_bound(d)
        d.page.goto(f"/security/unbind/{channel}")
    return journey


def _unbind_totp(d: Driver, channel: str):
    account = _fully_bound(d)
    unbind = UnbindPage(d.page)
    d.page.goto(f"/security/unbind/{channel}")
    unbind.next()
    return account, unbind


def unbind_totp(d: Driver) -> None:
    _unbind_totp(d, "sms")


def unbind_totp_error(d: Driver) -> None:
    _, unbind = _unbind_totp(d, "sms")
    unbind.confirm_authenticator(WRONG_CODE)


def _unbind_codes(d: Driver, channel: str):
    account, unbind = _unbind_totp(d, channel)
    mark = d.deliveries.mark()
    unbind.confirm_authenticator(d.sign_in.totp(account))
    return account, unbind, mark


def unbind_codes(d: Driver) -> None:
    _unbind_codes(d, "sms")


def unbind_done(d: Driver) -> None:
    account, unbind, mark = _unbind_codes(d, "sms")
    unbind.confirm_codes(d.deliveries.email_code(account.email, since=mark), d.deliveries.sms_code(account.phone))


def change_email_new(d: Driver) -> None:
    account, unbind, mark = _unbind_codes(d, "email")
    unbind.confirm_codes(d.deliveries.email_code(account.email, since=mark), d.deliveries.sms_code(account.phone))


def change_email_code(d: Driver) -> None:
    change_email_new(d)
    UnbindPage(d.page).enter_new_email(d.accounts.new_email())


def bind_method(d: Driver) -> None:
    d.signed_in()
    BindMethodPage(d.page).open()


def bind_method_error(d: Driver) -> None:
    bind_method(d)
    BindMethodPage(d.page).submit_destination("not a phone number")


def bind_code(d: Driver) -> None:
    bind_method(d)
    _, national = d.accounts.new_phone()
    BindMethodPage(d.page).submit_destination(f"+4670{national[3:]}")


# --- the back office -----------------------------------------------------------------------------


def backoffice_login_error(d: Driver) -> None:
    BackofficePage(d.page).log_in("nobody@support.example.com", "wrong password")


def backoffice_queue(d: Driver) -> None:
    account = d.accounts.create(factors=("totp",))
    d.api.create_review("lost_authenticator", account.id, {"registered_month": "2024-05", "balance_usdt": "100"})
    d.support_agent()


def backoffice_review(kind: str):
    def journey(d: Driver) -> None:
        account = d.accounts.create(factors=("totp",))
        review = d.api.create_review(kind, account.id, {"registered_month": "2024-05", "balance_usdt": "100"})
        d.support_agent().open_review(review["id"])
    return journey


def backoffice_review_error(d: Driver) -> None:
    backoffice_review("lost_authenticator")(d)
    BackofficePage(d.page).approve()


def backoffice_checklist(d: Driver) -> None:
    """A CoinEx review with the reviewer checklist (unlock ticket, no evidence files)."""
    account = d.accounts.create()
    review = d.api.coinex_review(account.id, "unlock_account")
    d.support_agent().open_review(review["id"])
