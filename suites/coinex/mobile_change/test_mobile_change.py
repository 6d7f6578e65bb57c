"""CoinEx: change or unbind the mobile number from Security Settings (seeds/004 lines 46-59)."""

import pytest
from playwright.sync_api import expect

from pages.mobile_change_page import MobileChangePage
from pages.mobile_reset_page import MobileResetPage
from suites.coinex.promises import SMS_CODE_DIGITS


def _signed_in(page, accounts, sign_in, factors=("sms", "totp")):
    phone, _ = accounts.new_phone()
    account = accounts.create(factors=factors, phone=phone)
    sign_in.with_session(page, account)
    return account


def _wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


def _past_email_code(page, account, deliveries, action: str) -> MobileChangePage:
    mobile = MobileChangePage(page)
    mobile.open_from_security_settings()
    mobile.choose(action)
    mobile.assert_step(f"mobile-{action}-instructions")
    mark = deliveries.mark()
    mobile.continue_after_instructions()
    mobile.enter_email_code(deliveries.email_code(account.email, "mobile change", since=mark))
    return mobile


@pytest.mark.behaviour("CX-MCHANGE-01", "CX-MCHANGE-02", "CX-MCHANGE-03", "CX-MCHANGE-04")
def test_change_needs_the_email_code_then_one_2fa_tool_of_the_users_choice(page, accounts, deliveries, sign_in):
    account = _signed_in(page, accounts, sign_in)
    mobile = MobileChangePage(page)
    mobile.open_from_security_settings()
    mobile.assert_current()
    expect(mobile.action_button("change")).to_be_visible()
    expect(mobile.action_button("unbind")).to_be_visible()
    mobile.choose("change")
    expect(mobile.instructions).to_be_visible()

    mark = deliveries.mark()
    mobile.continue_after_instructions()
    code = deliveries.email_code(account.email, "mobile change", since=mark)
    mobile.enter_email_code(_wrong(code))
    mobile.assert_step("mobile-change-email")
    expect(mobile.error).to_contain_text("wrong or has expired")
    mobile.enter_email_code(code)
    mobile.assert_step("mobile-change-2fa")
    expect(mobile.tool).to_contain_text("TOTP")

    mobile.enter_2fa_code(_wrong(sign_in.totp(account)))
    mobile.assert_step("mobile-change-2fa")
    expect(mobile.error).to_contain_text("wrong or has expired")
    mobile.switch_tool("sms")  # Switch verification tool
    expect(mobile.tool).to_contain_text("Mobile")
    mobile.send_sms()
    mobile.enter_2fa_code(deliveries.sms_code(account.phone, "mobile change 2fa"))
    mobile.assert_step("mobile-change-number")


@pytest.mark.behaviour("CX-MCHANGE-07", "CX-SECVER-02")
def test_new_number_gets_an_sms_code_only_after_the_slide_check(page, accounts, deliveries, exchange, sign_in):
    account = _signed_in(page, accounts, sign_in)
    mobile = _past_email_code(page, account, deliveries, "change")
    mobile.enter_2fa_code(sign_in.totp(account))
    new_phone, national = accounts.new_phone()
    mobile.enter_new_number("SE", national)
    mobile.assert_step("mobile-change-slide")
    assert exchange.api.sms(new_phone) == []

    target = mobile.slide_mark()
    mobile.slide_to(target + 20 if target < 50 else target - 20)
    mobile.assert_step("mobile-change-slide")
    expect(mobile.error).to_contain_text("Slide again")
    assert exchange.api.sms(new_phone) == []  # no SMS before the pattern check passes

    mobile.slide_to_the_mark()
    mobile.assert_step("mobile-change-new-code")
    code = deliveries.sms_code(new_phone, "binding this mobile number")
    assert len(code) == SMS_CODE_DIGITS
    mobile.enter_sms_code(_wrong(code))
    expect(mobile.error).to_contain_text("was not changed")
    assert exchange.api.coinex_profile(account.id)["phone"] == account.phone
    mobile.enter_sms_code(code)
    mobile.assert_step("mobile-change-done")
    expect(mobile.done).to_contain_text("changed successfully")
    assert exchange.api.coinex_profile(account.id)["phone"] == new_phone


@pytest.mark.behaviour("CX-MCHANGE-02", "CX-MCHANGE-06")
def test_unbind_is_complete_once_the_2fa_tool_is_verified(page, accounts, deliveries, exchange, sign_in):
    account = _signed_in(page, accounts, sign_in)
    mobile = _past_email_code(page, account, deliveries, "unbind")
    mobile.assert_step("mobile-unbind-2fa")
    assert exchange.api.coinex_profile(account.id)["phone"] == account.phone
    mobile.enter_2fa_code(sign_in.totp(account))
    mobile.assert_step("mobile-unbind-done")
    expect(mobile.done).to_contain_text("Rebind a mobile number whenever you need it")
    state = exchange.api.coinex_profile(account.id)
    assert state["phone"] is None and state["sms_2fa"] is False


@pytest.mark.behaviour("CX-MCHANGE-05")
def test_security_authentication_unavailable_leads_to_the_reset_then_a_new_number_can_be_bound(
        page, accounts, deliveries, exchange, sign_in):
    account = _signed_in(page, accounts, sign_in, factors=("sms",))
    mobile = _past_email_code(page, account, deliveries, "change")
    mobile.assert_step("mobile-change-2fa")
    mobile.report_authentication_unavailable()
    MobileResetPage(page).assert_step("mobile-reset-instructions")

    exchange.api.coinex_mobile_reset(account.id)  # the security tool is reset (the reset has its own tests)
    mobile.open()
    expect(mobile.number).to_have_text("Not bound")
    mobile.bind_new()
    mark = deliveries.mark()
    mobile.continue_after_instructions()
    mobile.enter_email_code(deliveries.email_code(account.email, "mobile change", since=mark))
    new_phone, national = accounts.new_phone()
    mobile.enter_new_number("SE", national)
    mobile.slide_to_the_mark()
    mobile.enter_sms_code(deliveries.sms_code(new_phone, "binding this mobile number"))
    mobile.assert_step("mobile-change-done")
    assert exchange.api.coinex_profile(account.id)["phone"] == new_phone


@pytest.mark.behaviour("CX-MCHANGE-04", "CX-MCHANGE-06")
def test_a_bound_passkey_can_be_the_2fa_tool_for_unbinding(page, accounts, deliveries, exchange, inbox, authenticator,
                                                           sign_in):
    from suites.pionex.passkey.steps import create_passkey, sign_in_with_codes

    phone, _ = accounts.new_phone()
    account = accounts.create(factors=("totp", "sms", "email"), phone=phone)
    sign_in_with_codes(page, account, sign_in)
    create_passkey(page, account, sign_in, inbox, name="Laptop")
    mobile = _past_email_code(page, account, deliveries, "unbind")
    mobile.switch_tool("passkey")
    expect(mobile.tool).to_contain_text("Passkey")
    with authenticator.refuses():
        mobile.verify_with_passkey()
        expect(mobile.passkey_error).to_be_visible()
    assert exchange.api.coinex_profile(account.id)["phone"] == phone
    mobile.verify_with_passkey()
    mobile.assert_step("mobile-unbind-done")
    assert exchange.api.coinex_profile(account.id)["phone"] is None
