"""Pionex: logging in with a phone number and its international country code (seeds/001 line 3),
and the verification step after it (lines 4-5)."""

import pytest
from playwright.sync_api import expect

from pages import AccountPage, LoginPage


@pytest.mark.behaviour("PX-LOGIN-02")
def test_phone_account_logs_in_with_country_code_number_and_password(page, accounts):
    phone, national = accounts.new_phone()
    account = accounts.create(registered_via="phone", email=None, phone=phone, balance_usdt=75)
    LoginPage(page).open().login_with_phone("SE", national, account.password)

    account_page = AccountPage(page)
    account_page.assert_current()
    expect(account_page.login_phone).to_have_text(phone)
    expect(account_page.balance).to_have_text("75.00 USDT")


@pytest.mark.behaviour("PX-LOGIN-02", "PX-CODE-03")
def test_the_same_number_under_another_country_code_is_refused_clearly(page, accounts):
    phone, national = accounts.new_phone()
    account = accounts.create(registered_via="phone", email=None, phone=phone)
    login = LoginPage(page).open()
    login.login_with_phone("US", national, account.password)

    expect(login.error).to_contain_text("not a valid United States (+1) number")
    expect(login.error).to_contain_text("country code")
    assert accounts.state(account)["live_sessions"] == 0


@pytest.mark.behaviour("PX-LOGIN-02", "SEC-INPUT-01")
def test_a_number_invalid_for_its_country_code_is_a_client_error_that_signs_nobody_in(screen_forms, accounts):
    phone, national = accounts.new_phone()
    account = accounts.create(registered_via="phone", email=None, phone=phone)
    answer = screen_forms().login_with_phone("US", national, account.password)

    assert 400 <= answer.status < 500, f"{answer}: bad input is a client error (4xx)"
    assert answer.login_error and "country code" in answer.login_error, answer.login_error
    assert not answer.signed_in
    assert accounts.state(account)["live_sessions"] == 0


def _wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


@pytest.mark.behaviour("PX-LOGIN-03")
@pytest.mark.variant(identifier="phone")
@pytest.mark.parametrize("factor", ["sms", "authenticator"])
def test_a_phone_sign_in_with_2fa_bound_asks_the_code_and_only_the_right_one_signs_in(
        factor, screen_forms, accounts, deliveries, server_time):
    phone, national = accounts.new_phone()
    account = accounts.create(registered_via="phone", email=None, phone=phone,
                              factors=("sms",) if factor == "sms" else ("totp",))
    forms = screen_forms()
    answer = forms.login_with_phone("SE", national, account.password)
    assert answer.asks_for_code and not answer.signed_in, f"the right password alone: {answer}"
    assert accounts.state(account)["live_sessions"] == 0

    right = deliveries.sms_code(phone) if factor == "sms" else account.totp().at(server_time.now())
    answer = forms.submit_code(_wrong(right))
    assert answer.code_error and not answer.signed_in, f"a wrong {factor} code: {answer}"
    assert accounts.state(account)["live_sessions"] == 0

    answer = forms.submit_code(right)
    assert answer.signed_in, f"the right {factor} code: {answer} {answer.code_error}"
    assert accounts.state(account)["live_sessions"] == 1
