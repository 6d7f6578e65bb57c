"""One-time codes: single use, 10-minute life, bound to purpose and account, SMS quota
(ASVS 5.0 V6.5, V6.6, V2.4; NIST SP 800-63B §5.1.3.2)."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from fixtures.messages import code_in
from pages import AccountPage, LoginPage, VerificationPage
from pages.forgot_password_page import ForgotPasswordPage
from pages.withdrawal_page import WithdrawalPage

ADDRESS = "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE"
CODE_LIFETIME = timedelta(minutes=10)  # NIST SP 800-63B §5.1.3.2; seeds/000 line 21 for Pionex
SMS_PER_HOUR = 10  # seeds/security.toml SEC-OTP-04 (the seeds are silent; our choice)


def _at_the_code_step(page, account, deliveries) -> str:
    """Log in with the password; return the e-mailed login code the step now asks for."""
    mark = deliveries.mark()
    LoginPage(page).open().login(account.email, account.password)
    VerificationPage(page).assert_current()
    return deliveries.email_code(account.email, "login verification code", since=mark)


@pytest.mark.behaviour("SEC-OTP-01")
def test_a_withdrawal_code_confirms_one_withdrawal_and_never_a_second(page, accounts, deliveries, sign_in):
    account = accounts.create(factors=("email",), balance_usdt=500)
    sign_in.with_session(page, account)
    withdraw = WithdrawalPage(page).open()
    mark = deliveries.mark()
    withdraw.send_codes()
    code = deliveries.email_code(account.email, "withdraw", since=mark)
    withdraw.withdraw(ADDRESS, "10", email=code)
    expect(withdraw.done).to_be_visible()

    withdraw.open()  # no new code asked for: the used one is the newest there is
    withdraw.withdraw(ADDRESS, "10", email=code)
    expect(withdraw.error).to_be_visible()
    expect(withdraw.done).to_be_hidden()
    expect(withdraw.open().balance, "the code paid out twice").to_have_text("490.00 USDT")


@pytest.mark.behaviour("SEC-OTP-02")
def test_an_emailed_code_is_refused_at_10_minutes_and_its_replacement_works_at_9_59(
        page, accounts, deliveries, time_travel):
    account = accounts.create(factors=("email",))
    code = _at_the_code_step(page, account, deliveries)
    verification = VerificationPage(page)

    time_travel.advance(CODE_LIFETIME)
    verification.submit_code(code)
    expect(verification.error).to_be_visible()
    verification.assert_current()

    mark = deliveries.mark()
    verification.resend()
    fresh = deliveries.email_code(account.email, "login verification code", since=mark)
    time_travel.advance(CODE_LIFETIME - timedelta(seconds=1))
    verification.submit_code(fresh)
    AccountPage(page).assert_current()


@pytest.mark.behaviour("SEC-OTP-03")
def test_a_password_reset_code_does_not_pass_the_login_step(page, new_context, accounts, deliveries):
    account = accounts.create(factors=("email",))
    forgot = ForgotPasswordPage(new_context().new_page()).open()
    mark = deliveries.mark()
    forgot.submit_identifier(account.email)
    forgot.pass_robot_check()
    reset_code = deliveries.email_code(account.email, "password reset code", since=mark)

    login_code = _at_the_code_step(page, account, deliveries)
    assert reset_code != login_code  # 1 in a million; the step below would prove nothing
    verification = VerificationPage(page)
    verification.submit_code(reset_code)
    expect(verification.error).to_be_visible()
    verification.submit_code(login_code)
    AccountPage(page).assert_current()


@pytest.mark.behaviour("SEC-OTP-03")
def test_one_accounts_code_does_not_pass_another_accounts_login_step(page, new_context, accounts, deliveries):
    owner, other = accounts.create(factors=("email",)), accounts.create(factors=("email",))
    owners_code = _at_the_code_step(new_context().new_page(), owner, deliveries)
    others_code = _at_the_code_step(page, other, deliveries)
    assert owners_code != others_code

    verification = VerificationPage(page)
    verification.submit_code(owners_code)
    expect(verification.error).to_be_visible()
    verification.submit_code(others_code)
    AccountPage(page).assert_current()
    expect(AccountPage(page).login_email).to_contain_text(other.email)


@pytest.mark.behaviour("SEC-OTP-04")
def test_sms_codes_to_one_number_stop_at_10_an_hour_then_resume(page, accounts, exchange, time_travel):
    phone, _ = accounts.new_phone()
    account = accounts.create(factors=("sms",), phone=phone)
    LoginPage(page).open().login(account.email, account.password)
    verification = VerificationPage(page)
    verification.assert_current()
    first_sent = time_travel.now()
    for _ in range(SMS_PER_HOUR - 1):  # the login sent one; nine resends, a minute apart
        time_travel.advance(timedelta(seconds=61))
        verification.resend()
        verification.assert_current()
    assert len(exchange.api.sms(phone)) == SMS_PER_HOUR

    time_travel.advance(timedelta(seconds=61))
    verification.resend()
    expect(verification.error_page_message).to_contain_text("Too many SMS")
    assert len(exchange.api.sms(phone)) == SMS_PER_HOUR, "an SMS beyond the quota was sent"

    time_travel.to(first_sent + timedelta(hours=1, seconds=1))  # the first SMS leaves the window
    page.goto("/login/verify")
    verification.resend()
    verification.assert_current()
    assert len(exchange.api.sms(phone)) == SMS_PER_HOUR + 1
    verification.submit_code(code_in(exchange.api.sms(phone)[-1]["body"]))
    AccountPage(page).assert_current()
