"""Pionex: the codes of the verification step (seeds/000 lines 18-21, 30; 001 lines 3-5)."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from fixtures.messages import code_in
from pages import AccountPage, LoginPage, VerificationPage
from suites.pionex.promises import (
    CODE_LIFETIME_MINUTES,
    NO_REPLY_EMAIL,
    RESEND_COOLDOWN_SECONDS,
    SERVICE_EMAIL,
    TOTP_STEP_SECONDS,
)


def _latest_sms_code(exchange, phone: str) -> str:
    messages = exchange.api.sms(phone)
    assert messages, f"no SMS was sent to {phone}"
    return code_in(messages[-1]["body"])


@pytest.mark.behaviour("PX-LOGIN-03")
@pytest.mark.variant(identifier="email", factor="sms")
def test_sms_code_is_asked_after_the_password_and_signs_in(page, accounts, exchange):
    phone, _ = accounts.new_phone()
    account = accounts.create(factors=("sms",), phone=phone)
    LoginPage(page).open().login(account.email, account.password)

    verification = VerificationPage(page)
    verification.assert_current()
    expect(verification.instructions).to_contain_text("SMS")
    assert accounts.state(account)["live_sessions"] == 0
    verification.submit_code(_latest_sms_code(exchange, phone))
    expect(AccountPage(page).login_email).to_have_text(account.email)


@pytest.mark.behaviour("PX-CODE-01")
def test_email_codes_come_from_the_addresses_users_are_told_to_whitelist(page, accounts, inbox):
    account = accounts.create(factors=("email",))
    LoginPage(page).open().login(account.email, account.password)

    mail = inbox.wait_for(to=account.email, subject_contains="verification code")
    assert NO_REPLY_EMAIL in mail.sender or SERVICE_EMAIL in mail.sender, mail.sender
    VerificationPage(page).submit_code(code_in(mail.body))
    AccountPage(page).assert_current()


@pytest.mark.behaviour("PX-CODE-02")
def test_code_screen_names_the_address_and_resend_waits_then_replaces_the_code(page, accounts, inbox, time_travel):
    account = accounts.create(factors=("email",))
    LoginPage(page).open().login(account.email, account.password)
    verification = VerificationPage(page)
    expect(verification.destination).to_have_text(account.email)
    first_code = code_in(inbox.wait_for(to=account.email, subject_contains="verification code").body)

    expect(verification.resend_button).to_be_disabled()
    expect(verification.resend_button).to_contain_text("Resend in")
    time_travel.advance(timedelta(seconds=RESEND_COOLDOWN_SECONDS - 5))
    expect(verification.resend_button).to_be_disabled()
    time_travel.advance(timedelta(seconds=5))
    expect(verification.resend_button).to_be_enabled()
    expect(verification.resend_button).to_have_text("Resend code")

    mark = inbox.count()
    verification.resend()
    expect(verification.notice).to_contain_text("A new code was sent")
    second_code = code_in(inbox.wait_for(to=account.email, subject_contains="verification code", since=mark).body)
    assert second_code != first_code

    verification.submit_code(first_code)
    expect(verification.error).to_contain_text("wrong or has expired")
    verification.submit_code(second_code)
    AccountPage(page).assert_current()


@pytest.mark.behaviour("PX-LOGIN-03")
def test_code_works_until_10_minutes_and_not_at_10_minutes(page, accounts, exchange, time_travel):
    phone, _ = accounts.new_phone()
    account = accounts.create(factors=("sms",), phone=phone)
    login = LoginPage(page).open()
    login.login(account.email, account.password)
    verification = VerificationPage(page)
    code = _latest_sms_code(exchange, phone)

    time_travel.advance(timedelta(minutes=CODE_LIFETIME_MINUTES))
    verification.submit_code(code)
    expect(verification.error).to_contain_text("wrong or has expired")

    verification.resend()
    fresh = _latest_sms_code(exchange, phone)
    time_travel.advance(timedelta(minutes=CODE_LIFETIME_MINUTES, seconds=-2))
    verification.submit_code(fresh)
    AccountPage(page).assert_current()


@pytest.mark.behaviour("PX-CODE-04")
def test_user_waiting_for_an_sms_can_switch_to_email_verification(page, accounts, inbox):
    account = accounts.create(factors=("sms", "email"))  # with a fresh phone
    LoginPage(page).open().login(account.email, account.password)
    verification = VerificationPage(page)
    expect(verification.instructions).to_contain_text("SMS")

    verification.switch_to("email")
    expect(verification.destination).to_have_text(account.email)
    verification.submit_code(code_in(inbox.wait_for(to=account.email, subject_contains="verification code").body))
    AccountPage(page).assert_current()


@pytest.mark.behaviour("PX-GA-06")
def test_authenticator_accepts_one_step_of_drift_refuses_more_and_never_twice(page, accounts, time_travel):
    account = accounts.create(factors=("totp",))
    totp = account.totp()
    login = LoginPage(page).open()
    login.login(account.email, account.password)
    verification = VerificationPage(page)

    now = time_travel.now()
    verification.submit_code(totp.at(now - timedelta(seconds=2 * TOTP_STEP_SECONDS)))  # phone clock 1 min slow
    expect(verification.error).to_contain_text("wrong or has expired")
    verification.submit_code(totp.at(now + timedelta(seconds=3 * TOTP_STEP_SECONDS)))  # 1.5 min fast
    expect(verification.error).to_be_visible()

    ahead = totp.at(time_travel.now() + timedelta(seconds=TOTP_STEP_SECONDS))  # one step ahead: accepted
    verification.submit_code(ahead)
    account_page = AccountPage(page)
    account_page.assert_current()

    account_page.log_out()
    login.login(account.email, account.password)
    verification.submit_code(ahead)  # the same code again
    expect(verification.error).to_contain_text("wrong or has expired")
