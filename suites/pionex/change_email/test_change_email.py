"""Pionex: changing the account e-mail (seeds/001 lines 23-29)."""

import pytest
from playwright.sync_api import expect

from fixtures.messages import code_in
from pages import AccountPage, LoginPage, SignupPage
from pages.security_page import SecurityPage
from pages.unbind_page import UnbindPage
from pages.withdrawal_page import WithdrawalPage
from suites.pionex.promises import REUSE_BLOCK_DAYS, WITHDRAWAL_HOLD_HOURS


@pytest.mark.behaviour("PX-EMAIL-02")
@pytest.mark.variant(missing_factor="sms")
def test_changing_the_email_needs_google_authenticator_and_sms(page, accounts, sign_in):
    account = accounts.create(factors=("totp",))
    sign_in.with_session(page, account)
    SecurityPage(page).open().start_unbind("email")
    unbind = UnbindPage(page)
    unbind.assert_step("unbind-refused")
    expect(unbind.error).to_contain_text("To change your account e-mail")
    expect(unbind.missing).to_contain_text("Bind SMS verification")
    expect(unbind.next_button).to_be_hidden()


@pytest.mark.behaviour("PX-EMAIL-02")
@pytest.mark.variant(missing_factor="authenticator")
def test_changing_the_email_without_google_authenticator_is_refused(screen_forms, accounts, exchange):
    phone, _ = accounts.new_phone()
    account = accounts.create(factors=("sms",), phone=phone)
    forms = screen_forms()
    assert forms.login(account.email, account.password).asks_for_code  # the SMS code
    assert forms.submit_code(code_in(exchange.api.sms(account.phone)[-1]["body"])).signed_in

    refused = forms.unbind_screen("email")
    assert refused.step == "unbind-refused", str(refused)
    assert "To change your account e-mail" in (refused.unbind_error or ""), refused.unbind_error
    assert "Bind Google Authenticator" in (refused.unbind_missing or ""), refused.unbind_missing
    pressed = forms.start_unbind("email")  # Next posted anyway
    assert pressed.step == "unbind-refused", str(pressed)
    assert exchange.api.security_state(account.id)["email"] == account.email


@pytest.mark.behaviour("PX-EMAIL-01", "PX-EMAIL-03", "PX-HOLD-03", "PX-REUSE-01", "SEC-NOTICE-01")
def test_change_email_warns_then_moves_the_login_to_a_verified_new_address(
        page, accounts, deliveries, exchange, sign_in):
    account = accounts.create(factors=("sms", "totp"), balance_usdt=10)  # with a fresh phone
    old_email, new_email, phone = account.email, accounts.new_email(), account.phone
    sign_in.with_session(page, account)
    SecurityPage(page).open().start_unbind("email")

    unbind = UnbindPage(page)
    unbind.assert_step("unbind-notice")
    expect(unbind.title).to_contain_text("Change your account e-mail")
    expect(unbind.warning).to_contain_text(f"suspended for {WITHDRAWAL_HOLD_HOURS} hours")
    expect(unbind.warning).to_contain_text(f"{REUSE_BLOCK_DAYS} days")
    unbind.next()
    mark = deliveries.mark()
    unbind.confirm_authenticator(sign_in.totp(account))
    unbind.confirm_codes(deliveries.email_code(old_email, "unbind", since=mark), deliveries.sms_code(phone, "unbind"))
    unbind.assert_step("change-email-new")
    mark = deliveries.mark()
    unbind.enter_new_email(new_email)
    unbind.assert_step("change-email-code")
    unbind.confirm_new_email(deliveries.email_code(new_email, "change email", since=mark))
    unbind.assert_step("change-email-done")

    notice = deliveries.email(old_email, "security notice", since=mark)  # to the old address
    assert new_email in notice.body
    expect(AccountPage(page).open().login_email).to_have_text(new_email)
    withdrawal = WithdrawalPage(page).open()
    expect(withdrawal.hold_banner).to_contain_text("account e-mail was changed")
    AccountPage(page).open().log_out()

    login = LoginPage(page).open()
    login.login(old_email, account.password)
    expect(login.error).to_be_visible()
    sign_in(page, account, email=new_email)

    # the change itself, made on these screens, blocks the old address (seeds/001 line 28)
    signup = SignupPage(page).open()
    signup.sign_up(old_email, accounts.new_password())
    signup.assert_current()
    expect(signup.email_error).to_contain_text("This e-mail address was unbound")
    expect(signup.email_error).to_contain_text("cannot be used to register")
