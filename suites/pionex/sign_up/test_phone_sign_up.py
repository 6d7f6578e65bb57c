"""Pionex: registering with a phone number confirmed by SMS (seeds/000 lines 8, 21)."""

import pytest
from playwright.sync_api import expect

from fixtures.messages import code_in
from pages import AccountPage, LoginPage, SignupPage


@pytest.mark.behaviour("PX-CODE-03")
def test_sign_up_code_goes_to_the_full_international_number(page, accounts, exchange):
    phone, national = accounts.new_phone()
    password = accounts.new_password()
    code_page = SignupPage(page).open().sign_up_with_phone("SE", national, password)
    code_page.assert_current()

    sent = exchange.api.sms(phone)
    assert len(sent) == 1, f"expected one SMS to {phone}, got {sent}"
    done = code_page.confirm(code_in(sent[0]["body"]))
    expect(done.registered_phone).to_contain_text("+46 70")

    LoginPage(page).open().login_with_phone("SE", national, password)
    expect(AccountPage(page).login_phone).to_have_text(phone)


@pytest.mark.behaviour("PX-CODE-03")
def test_wrong_country_code_gets_a_clear_error_and_no_sms(page, accounts, exchange):
    _, national = accounts.new_phone()
    sent_before = len(exchange.api.sms())
    signup = SignupPage(page).open()
    signup.sign_up_with_phone("US", national, accounts.new_password())

    signup.assert_current()
    expect(signup.phone_error).to_contain_text("not a valid United States (+1) number")
    assert len(exchange.api.sms()) == sent_before, "an SMS was sent for an invalid number"
