"""Pionex: unbinding SMS or e-mail verification while signed in (seeds/001 lines 48-61), and
support unbinding a phone that is no longer in use (seeds/000 lines 16-17)."""

import pytest
from playwright.sync_api import expect

from pages import AccountPage, LoginPage
from pages.security_page import SecurityPage
from pages.support_case_page import SupportCasePage
from pages.unbind_page import UnbindPage
from pages.withdrawal_page import WithdrawalPage
from suites.pionex.promises import REUSE_BLOCK_DAYS, WITHDRAWAL_HOLD_HOURS


def _wrong(code: str) -> str:
    return f"{(int(code) + 500_000) % 1_000_000:06d}"


def _all_three(accounts):
    return accounts.create(factors=("email", "sms", "totp"), balance_usdt=10)  # with a fresh phone


@pytest.mark.behaviour("PX-UNBIND-01")
def test_unbind_needs_sms_email_and_authenticator_all_bound(page, accounts, sign_in):
    without_authenticator = accounts.create(factors=("email", "sms"))
    sign_in.with_session(page, without_authenticator)
    SecurityPage(page).open().start_unbind("sms")
    unbind = UnbindPage(page)
    unbind.assert_step("unbind-refused")
    expect(unbind.error).to_contain_text("must all be bound")
    expect(unbind.missing).to_contain_text("Bind Google Authenticator")
    expect(unbind.next_button).to_be_hidden()
    AccountPage(page).open().log_out()

    without_sms = accounts.create(factors=("email", "totp"))
    sign_in.with_session(page, without_sms)
    page.goto("/security/unbind/email")
    unbind.assert_step("unbind-refused")
    expect(unbind.missing).to_contain_text("Bind SMS verification")
    expect(unbind.next_button).to_be_hidden()


@pytest.mark.behaviour("PX-UNBIND-02", "PX-UNBIND-03", "PX-UNBIND-06", "PX-HOLD-04", "SEC-NOTICE-01", "SEC-REAUTH-01")
@pytest.mark.variant(channel="sms")
def test_unbind_sms_warns_then_takes_the_authenticator_code_then_both_codes(
        page, accounts, deliveries, exchange, sign_in):
    account = _all_three(accounts)
    sign_in.with_session(page, account)
    security = SecurityPage(page).open()
    expect(security.value("sms")).to_have_text(account.phone)
    security.start_unbind("sms")

    unbind = UnbindPage(page)
    unbind.assert_step("unbind-notice")
    expect(unbind.warning).to_contain_text(f"suspended for {WITHDRAWAL_HOLD_HOURS} hours")
    expect(unbind.warning).to_contain_text(f"{REUSE_BLOCK_DAYS} days")
    unbind.next()
    unbind.assert_step("unbind-totp")
    mark = deliveries.mark()
    unbind.confirm_authenticator(sign_in.totp(account))
    unbind.assert_step("unbind-codes")
    sms_before = len(deliveries.sms(account.phone))
    unbind.confirm_codes(deliveries.email_code(account.email, "unbind", since=mark),
                         deliveries.sms_code(account.phone, "unbind"))
    unbind.assert_step("unbind-done")
    expect(unbind.done_message).to_contain_text("has been unbound")
    expect(unbind.done_message).to_contain_text("bind it again as soon as possible")

    notices = deliveries.sms(account.phone)[sms_before:]  # the old number hears of it first
    assert any("Security notice" in body for body in notices), notices
    expect(SecurityPage(page).open().value("sms")).to_have_text("Not bound")
    withdrawal = WithdrawalPage(page).open()
    expect(withdrawal.hold_banner).to_contain_text("SMS verification was unbound")
    withdrawal.withdraw("TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE", "1", email="000000", totp=sign_in.totp(account))
    expect(withdrawal.error).to_contain_text("Withdrawal refused")


@pytest.mark.behaviour("PX-UNBIND-04", "PX-UNBIND-05")
def test_a_wrong_code_at_any_step_unbinds_nothing(page, accounts, deliveries, exchange, sign_in):
    account = _all_three(accounts)
    sign_in.with_session(page, account)
    page.goto("/security/unbind/email")
    unbind = UnbindPage(page)
    unbind.next()
    unbind.confirm_authenticator(_wrong(sign_in.totp(account)))
    unbind.assert_step("unbind-totp")
    expect(unbind.error).to_contain_text("Google Authenticator code is wrong")
    expect(unbind.totp_help_link).to_be_visible()

    mark = deliveries.mark()
    unbind.confirm_authenticator(sign_in.totp(account))
    unbind.assert_step("unbind-codes")
    expect(unbind.cannot_receive_code_link).to_be_visible()
    email_code = deliveries.email_code(account.email, "unbind", since=mark)
    sms_code = deliveries.sms_code(account.phone, "unbind")
    unbind.confirm_codes(email_code, _wrong(sms_code))
    expect(unbind.error).to_contain_text("wrong or has expired")
    unbind.confirm_codes(_wrong(email_code), sms_code)
    expect(unbind.error).to_contain_text("wrong or has expired")
    state = exchange.api.security_state(account.id)
    assert state["email"] == account.email and state["phone"] == account.phone
    assert state["withdrawal_hold_until"] is None

    unbind.cannot_receive_a_code()
    SupportCasePage(page).assert_current()


@pytest.mark.behaviour("PX-UNBIND-06")
@pytest.mark.variant(channel="email")
def test_unbinding_email_verification_confirms_it_and_urges_binding_again(
        screen_forms, accounts, deliveries, exchange, sign_in):
    phone, national = accounts.new_phone()
    # an account that signs in by phone: unbinding its e-mail verification changes no login (PX-EMAIL-*)
    account = accounts.create(factors=("email", "sms", "totp"), phone=phone, registered_via="phone")
    forms = screen_forms()
    assert forms.login_with_phone("SE", national, account.password).asks_for_code
    assert forms.submit_code(sign_in.totp(account)).signed_in
    assert forms.start_unbind("email").step == "unbind-totp"
    mark = deliveries.mark()
    assert forms.confirm_unbind_authenticator("email", sign_in.totp(account)).step == "unbind-codes"

    done = forms.confirm_unbind_codes("email", deliveries.email_code(account.email, "unbind", since=mark),
                                      deliveries.sms_code(account.phone, "unbind"))
    assert done.step == "unbind-done", str(done)
    message = done.unbind_done_message or ""
    assert "E-mail verification has been unbound" in message, message
    assert "bind it again as soon as possible" in message, message
    assert exchange.api.security_state(account.id)["email"] != account.email


def _phone_gone_request(page, accounts, time_travel):
    """An SMS account whose owner reports the phone gone on the support screen: (account, phone, review id)."""
    phone, _ = accounts.new_phone()
    account = accounts.create(factors=("sms",), phone=phone, balance_usdt=120)
    case = SupportCasePage(page).open_topic("phone_gone")
    case.report_phone_gone(account.email, phone, time_travel.now().strftime("%Y-%m"), "118")
    expect(case.submitted).to_be_visible()
    return account, phone, case.review_id()


@pytest.mark.behaviour("PX-UNBIND-07")
@pytest.mark.variant(decision="approve")
def test_support_unbinds_a_phone_no_longer_in_use_and_the_user_signs_in_with_email(
        page, accounts, deliveries, exchange, support_agent, time_travel):
    account, phone, review_id = _phone_gone_request(page, accounts, time_travel)

    support_agent.open_review(review_id)
    expect(support_agent.account_hidden).to_be_visible()
    support_agent.verify_identity()
    expect(support_agent.account_email).to_have_text(account.email)
    sms_before = len(deliveries.sms(phone))
    support_agent.approve("Old number confirmed by the customer's account details")
    expect(support_agent.status).to_have_text("approved")
    assert any("Security notice" in body for body in deliveries.sms(phone)[sms_before:])

    LoginPage(page).open().login(account.email, account.password)
    AccountPage(page).assert_current()  # no SMS step
    expect(SecurityPage(page).open().value("sms")).to_have_text("Not bound")


@pytest.mark.behaviour("PX-UNBIND-07")
@pytest.mark.variant(decision="reject")
def test_a_rejected_phone_unbinding_request_leaves_the_phone_bound(
        page, accounts, deliveries, exchange, support_agent, time_travel):
    account, phone, review_id = _phone_gone_request(page, accounts, time_travel)

    support_agent.open_review(review_id)
    support_agent.reject("The details do not match the account")
    expect(support_agent.status).to_have_text("rejected")
    mail = deliveries.email(account.email, "phone unbinding request")
    assert "not approved" in mail.body
    state = exchange.api.security_state(account.id)
    assert state["phone"] == phone and state["withdrawal_hold_until"] is None, state
