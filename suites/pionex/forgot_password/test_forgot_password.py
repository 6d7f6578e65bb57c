"""Pionex: resetting a forgotten password (seeds/000 lines 10-11, seeds/001 lines 17-22)."""

import pytest
from playwright.sync_api import expect

from pages import AccountPage, LoginPage
from pages.forgot_password_page import ForgotPasswordPage
from suites.pionex.promises import WITHDRAWAL_HOLD_HOURS


def _through_robot_check(page, identifier: str) -> ForgotPasswordPage:
    forgot = ForgotPasswordPage(page)
    forgot.submit_identifier(identifier)
    forgot.assert_step("forgot-robot")
    forgot.pass_robot_check()
    forgot.assert_step("forgot-code")
    return forgot


@pytest.mark.behaviour("PX-FORGOT-01", "PX-FORGOT-04", "PX-FORGOT-07", "PX-HOLD-02")
@pytest.mark.variant(identifier="email")
def test_reset_through_robot_check_and_emailed_code_replaces_the_password(
        page, new_context, accounts, deliveries, sign_in):
    account = accounts.create()
    elsewhere = new_context().new_page()  # the account is signed in on another device
    sign_in(elsewhere, account)

    LoginPage(page).open().forgot_password()
    forgot = ForgotPasswordPage(page)
    forgot.assert_current()
    expect(forgot.hold_notice).to_contain_text(f"withdrawals are disabled for {WITHDRAWAL_HOLD_HOURS} hours")

    mark = deliveries.mark()
    _through_robot_check(page, account.email)
    expect(forgot.code_sent).to_contain_text(account.email)
    code = deliveries.email_code(account.email, "password reset code", since=mark)

    forgot.submit_code(f"{(int(code) + 1) % 1_000_000:06d}")  # a wrong code does not move on
    forgot.assert_step("forgot-code")
    expect(forgot.error).to_contain_text("wrong or has expired")

    forgot.submit_code(code)
    forgot.assert_step("forgot-new-password")
    new_password = accounts.new_password()
    forgot.set_new_password(new_password)
    forgot.assert_step("forgot-done")
    expect(forgot.done_message).to_be_visible()
    expect(forgot.done_hold).to_contain_text("Withdrawals are disabled until")

    elsewhere.reload()  # the reset ended the other device's session
    LoginPage(elsewhere).assert_current()

    login = LoginPage(page).open()
    login.login(account.email, account.password)
    expect(login.error).to_contain_text("Incorrect e-mail or password")
    sign_in(page, account, password=new_password)
    AccountPage(page).assert_current()


@pytest.mark.behaviour("PX-FORGOT-02")
def test_unknown_address_gets_the_same_screens_and_nothing_is_sent(page, accounts, deliveries, inbox):
    known, unknown = accounts.create(), accounts.new_email()
    texts = {}
    for identifier in (known.email, unknown):
        mark = deliveries.mark()
        ForgotPasswordPage(page).open()
        forgot = _through_robot_check(page, identifier)
        texts[identifier] = forgot.code_sent.inner_text().replace(identifier, "<address>")
        forgot.submit_code("000000")
        forgot.assert_step("forgot-code")
        texts[identifier] += "|" + forgot.error.inner_text()
        if identifier == unknown:
            assert deliveries.emails_to(unknown, since=mark) == [], "an e-mail went to an address with no account"
    assert texts[known.email] == texts[unknown]

    unknown_phone, _ = accounts.new_phone()
    ForgotPasswordPage(page).open()
    forgot = _through_robot_check(page, unknown_phone)
    expect(forgot.code_sent).to_contain_text("If")
    assert deliveries.sms(unknown_phone) == [], "an SMS went to a number with no account"


@pytest.mark.behaviour("PX-SECVER-01")
def test_no_code_is_sent_before_the_robot_check_passes(page, accounts, deliveries):
    account = accounts.create()
    mark = deliveries.mark()
    forgot = ForgotPasswordPage(page).open()
    forgot.submit_identifier(account.email)
    forgot.assert_step("forgot-robot")

    page.goto("/forgot-password/code")  # skipping the check leads back to it
    forgot.assert_step("forgot-robot")
    forgot.pass_robot_check(tick=False)
    forgot.assert_step("forgot-robot")
    expect(forgot.error).to_contain_text("I'm not a robot")
    assert deliveries.emails_to(account.email, since=mark) == [], "a code was sent before the robot check"

    forgot.pass_robot_check()
    forgot.assert_step("forgot-code")
    assert deliveries.email_code(account.email, "password reset code", since=mark)


@pytest.mark.behaviour("PX-FORGOT-05")
def test_email_account_with_sms_2fa_resets_through_its_phone_number(page, accounts, deliveries, sign_in):
    phone, _ = accounts.new_phone()
    account = accounts.create(factors=("sms",), phone=phone)
    forgot = ForgotPasswordPage(page).open()
    _through_robot_check(page, phone)
    forgot.submit_code(deliveries.sms_code(phone, "password reset"))
    new_password = accounts.new_password()
    forgot.set_new_password(new_password)
    forgot.assert_step("forgot-done")
    sign_in(page, account, password=new_password)


@pytest.mark.behaviour("PX-FORGOT-06")
def test_phone_account_with_email_2fa_resets_through_its_email(page, accounts, deliveries, exchange):
    phone, _ = accounts.new_phone()
    account = accounts.create(registered_via="phone", phone=phone, factors=("email",))
    mark = deliveries.mark()
    forgot = ForgotPasswordPage(page).open()
    _through_robot_check(page, account.email)
    forgot.submit_code(deliveries.email_code(account.email, "password reset code", since=mark))
    new_password = accounts.new_password()
    forgot.set_new_password(new_password)
    forgot.assert_step("forgot-done")
    assert exchange.api.password_matches(account.id, new_password)
    assert not exchange.api.password_matches(account.id, account.password)


@pytest.mark.behaviour("PX-FORGOT-03")
def test_forgot_password_is_offered_on_the_website_and_in_the_app(page, device_page):
    for screen in (page, device_page("Pixel 7"), device_page("iPhone 15")):
        LoginPage(screen).open().forgot_password()
        ForgotPasswordPage(screen).assert_current()
        expect(ForgotPasswordPage(screen).identifier_field).to_be_visible()


@pytest.mark.behaviour("PX-FORGOT-01")
@pytest.mark.variant(identifier="phone")
def test_a_phone_account_resets_its_password_through_its_number(screen_forms, accounts, deliveries):
    phone, national = accounts.new_phone()
    account = accounts.create(registered_via="phone", email=None, phone=phone)
    forms = screen_forms()
    answer = forms.forgot_password(phone)
    assert answer.step == "forgot-code", answer
    answer = forms.confirm_reset_code(deliveries.sms_code(phone, "password reset"))
    assert answer.step == "forgot-new-password", answer
    new_password = accounts.new_password()
    answer = forms.set_new_password(new_password)
    assert answer.step == "forgot-done", answer

    assert not screen_forms().login_with_phone("SE", national, account.password).signed_in, (
        "the old password still works")
    assert screen_forms().login_with_phone("SE", national, new_password).signed_in, "the new password does not sign in"
