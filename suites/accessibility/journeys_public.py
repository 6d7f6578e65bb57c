"""Journeys to the screens a visitor sees before signing in: log in, sign up, verification step,
forgot password, support, status, the mock identity providers. Each ends on the screen to audit."""

from __future__ import annotations

from pages.account_page import AccountPage
from pages.forgot_password_page import ForgotPasswordPage
from pages.idp_consent_page import IdpConsentPage
from pages.login_page import LoginPage
from pages.lost_2fa_page import Lost2faPage
from pages.signup_page import PhoneCodePage, SignupPage
from pages.support_case_page import SupportCasePage
from pages.support_page import SupportPage
from pages.support_ticket_page import IdentityTicketPage, SupportTicketPage
from pages.verification_page import VerificationPage
from suites.coinex.evidence import png

from .driver import Driver

WRONG_CODE = "000000"
MAX_FAILED_LOGINS = 12  # more than any brand's lockout threshold


def goto(path: str):
    def journey(d: Driver) -> None:
        d.page.goto(path)
    journey.__name__ = f"goto {path}"
    return journey


def wrong_password(d: Driver) -> None:
    account = d.accounts.create()
    LoginPage(d.page).open().login(account.email, account.password + "x")


def locked_out(d: Driver) -> None:
    """Timed lockout after repeated wrong passwords, from a device that signed in before (on CoinEx,
    failures from an unknown device lock the account for review instead: login-review-locked)."""
    account = d.accounts.create()
    d.sign_in(d.page, account)  # through the login page: that is what makes the device known
    AccountPage(d.page).log_out()
    login = LoginPage(d.page)
    for _ in range(MAX_FAILED_LOGINS):
        login.login(account.email, account.password + "x")
        if login.lockout_message.count():
            return


def maintenance_login(d: Driver) -> None:
    d.maintenance_on()
    LoginPage(d.page).open()


def maintenance_status(d: Driver) -> None:
    d.maintenance_on()
    d.page.goto("/status")


def logged_out(d: Driver) -> None:
    d.signed_in()
    AccountPage(d.page).log_out()


def review_locked(d: Driver) -> None:
    account = d.accounts.create()
    d.api.coinex_review_lock(account.id)
    LoginPage(d.page).open().login(account.email, account.password)


def signup_errors(d: Driver) -> None:
    SignupPage(d.page).open().sign_up("not-an-e-mail", "short")


def signup_done(d: Driver) -> None:
    SignupPage(d.page).open().sign_up(d.accounts.new_email(), d.accounts.new_password())


def signup_phone_code(d: Driver) -> None:
    _, national = d.accounts.new_phone()
    SignupPage(d.page).open().sign_up_with_phone("SE", national, d.accounts.new_password())


def signup_phone_code_error(d: Driver) -> None:
    signup_phone_code(d)
    PhoneCodePage(d.page).confirm(WRONG_CODE)


def _to_verification(d: Driver, account) -> VerificationPage:
    LoginPage(d.page).open().login(account.email, account.password)
    return VerificationPage(d.page)


def verify_email(d: Driver) -> None:
    _to_verification(d, d.accounts.create(factors=("email",)))


def verify_sms(d: Driver) -> None:
    _to_verification(d, d.with_phone(factors=("sms", "email")))


def verify_totp(d: Driver) -> None:
    _to_verification(d, d.accounts.create(factors=("totp",)))


def verify_error(d: Driver) -> None:
    _to_verification(d, d.accounts.create(factors=("totp",))).submit_code(WRONG_CODE)


def verify_backup_code(d: Driver) -> None:
    _to_verification(d, d.accounts.create(factors=("totp",), backup_codes=True))
    VerificationPage(d.page).switch_to("backup")


def lost_2fa(d: Driver) -> None:
    verify_totp(d)
    VerificationPage(d.page).lost_2fa()


def lost_2fa_code_sent(d: Driver) -> None:
    lost_2fa(d)
    Lost2faPage(d.page).send_code()


def lost_2fa_error(d: Driver) -> None:
    lost_2fa_code_sent(d)
    Lost2faPage(d.page).submit_request(WRONG_CODE, "2024-05", "100")


def lost_2fa_submitted(d: Driver) -> None:
    account = d.accounts.create(factors=("totp",))
    _to_verification(d, account).lost_2fa()
    mark = d.deliveries.mark()
    lost = Lost2faPage(d.page)
    lost.send_code()
    code = d.deliveries.email_code(account.email, since=mark)
    lost.submit_request(code, d.time_travel.now().strftime("%Y-%m"), "0")


def forgot_error(d: Driver) -> None:
    ForgotPasswordPage(d.page).open().submit_identifier("neither an e-mail nor a phone")


def forgot_robot(d: Driver) -> None:
    ForgotPasswordPage(d.page).open().submit_identifier(d.accounts.create().email)


def forgot_robot_error(d: Driver) -> None:
    forgot_robot(d)
    ForgotPasswordPage(d.page).pass_robot_check(tick=False)


def _forgot_to_code(d: Driver):
    account = d.accounts.create()
    forgot = ForgotPasswordPage(d.page).open()
    mark = d.deliveries.mark()
    forgot.submit_identifier(account.email)
    forgot.pass_robot_check()
    return account, forgot, mark


def forgot_code(d: Driver) -> None:
    _forgot_to_code(d)


def forgot_code_error(d: Driver) -> None:
    _, forgot, _ = _forgot_to_code(d)
    forgot.submit_code(WRONG_CODE)


def _forgot_to_new_password(d: Driver) -> ForgotPasswordPage:
    account, forgot, mark = _forgot_to_code(d)
    forgot.submit_code(d.deliveries.email_code(account.email, since=mark))
    return forgot


def forgot_new_password(d: Driver) -> None:
    _forgot_to_new_password(d)


def forgot_new_password_error(d: Driver) -> None:
    _forgot_to_new_password(d).set_new_password("Aa1!" + "x" * 12, "something else entirely")


def forgot_done(d: Driver) -> None:
    _forgot_to_new_password(d).set_new_password(d.accounts.new_password())


def support_chat_started(d: Driver) -> None:
    SupportPage(d.page).open().start_live_chat(d.accounts.new_email(), "I cannot log in.")


def support_chat_errors(d: Driver) -> None:
    SupportPage(d.page).open().start_live_chat("", "")


def support_case_submitted(d: Driver) -> None:
    account = d.with_phone()
    SupportCasePage(d.page).open().report_phone_gone(account.email, account.phone, "2024-05", "100")


def support_case_error(d: Driver) -> None:
    SupportCasePage(d.page).open().report_phone_gone("not an e-mail", "", "May", "")


def _ticket(d: Driver, contact: str) -> None:
    SupportTicketPage(d.page).open().submit(
        contact=contact, topic="Cannot log in", description="The login page rejects my password.",
        error_message="Incorrect e-mail or password", steps_tried="Reset the password", device="Pixel 7",
        client_version="Chrome 120")


def support_ticket_queued(d: Driver) -> None:
    _ticket(d, d.accounts.create().email)


def support_ticket_duplicate(d: Driver) -> None:
    email = d.accounts.create().email
    _ticket(d, email)
    _ticket(d, email)


def support_ticket_errors(d: Driver) -> None:
    SupportTicketPage(d.page).open().submit_blank()


def identity_ticket_errors(path: str):
    def journey(d: Driver) -> None:
        d.page.goto(path)
        IdentityTicketPage(d.page).submit_blank()
    return journey


def identity_ticket_submitted(d: Driver) -> None:
    account = d.accounts.create()
    IdentityTicketPage(d.page).open().submit(account.email, png(name="id.png"), png(name="selfie.png"))


def idp_consent(provider: str):
    def journey(d: Driver) -> None:
        LoginPage(d.page).open().continue_with(provider)
    return journey


def idp_identity_error(d: Driver) -> None:
    idp_consent("google")(d)
    IdpConsentPage(d.page).choose_identity("not an e-mail")


def social_error(d: Driver) -> None:
    idp_consent("google")(d)
    IdpConsentPage(d.page).cancel()
