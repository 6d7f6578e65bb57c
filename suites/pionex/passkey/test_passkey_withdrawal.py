"""Pionex: withdrawals verified with a passkey (seeds/002 lines 9-10, 17-18; 001 line 18)."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from pages.withdrawal_page import WithdrawalPage
from suites.pionex.passkey.steps import ALL_FACTORS, create_passkey, sign_in_with_codes
from suites.pionex.promises import WITHDRAWAL_HOLD_HOURS

ADDRESS = "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE"


@pytest.mark.behaviour("PX-PASSKEY-04", "PX-PASSKEY-01")
def test_with_all_three_factors_bound_a_passkey_alone_confirms_a_withdrawal(
        page, accounts, deliveries, inbox, authenticator, sign_in):
    account = accounts.create(factors=ALL_FACTORS, balance_usdt=100)  # with a fresh phone
    phone = account.phone
    sign_in_with_codes(page, account, sign_in)
    create_passkey(page, account, sign_in, inbox)
    mark, sms_before = inbox.count(), len(deliveries.sms(phone))
    uses = authenticator.credentials()[0]["signCount"]

    withdrawal = WithdrawalPage(page).open()
    withdrawal.withdraw_with_passkey(ADDRESS, "25")
    expect(withdrawal.done).to_contain_text("25")
    expect(withdrawal.balance).to_have_text("75.00 USDT")
    assert authenticator.credentials()[0]["signCount"] > uses, "the biometric step did not run"
    assert inbox.messages(to=account.email, since=mark) == [], "no e-mail code should be needed"
    assert len(deliveries.sms(phone)) == sms_before, "no SMS code should be needed"


@pytest.mark.behaviour("PX-PASSKEY-08")
@pytest.mark.variant(missing_factor="phone")
def test_with_only_two_factors_bound_passkey_withdrawal_is_unavailable_and_says_why(
        page, accounts, exchange, inbox, authenticator, sign_in):
    account = accounts.create(factors=("email", "totp"), balance_usdt=100)
    sign_in_with_codes(page, account, sign_in)
    create_passkey(page, account, sign_in, inbox)

    withdrawal = WithdrawalPage(page).open()
    expect(withdrawal.passkey_button).to_have_count(0)
    expect(withdrawal.passkey_unavailable).to_contain_text("phone, e-mail and Google Authenticator all bound")
    forced = withdrawal.post_as_script("/withdraw/passkey/options")
    assert forced.status == 403, "the server must refuse passkey withdrawals with two factors bound"


@pytest.mark.behaviour("PX-PASSKEY-08")
@pytest.mark.parametrize("missing_factor", ["email", "authenticator"])
def test_without_email_or_authenticator_bound_passkey_withdrawal_is_unavailable(
    missing_factor, page, accounts, exchange, inbox, authenticator, sign_in
):
    phone, _ = accounts.new_phone()
    if missing_factor == "email":  # signs in by phone; SMS and Google Authenticator bound
        account = accounts.create(factors=("sms", "totp"), phone=phone, email=None, registered_via="phone",
                                  balance_usdt=100)
    else:  # e-mail and SMS bound, no Google Authenticator
        account = accounts.create(factors=("email", "sms"), phone=phone, balance_usdt=100)
    sign_in.with_session(page, account)
    create_passkey(page, account, sign_in, inbox)  # the set-up asks the two bound factors' codes

    withdrawal = WithdrawalPage(page).open()
    expect(withdrawal.passkey_button).to_have_count(0)
    expect(withdrawal.passkey_unavailable).to_contain_text("phone, e-mail and Google Authenticator all bound")
    forced = withdrawal.post_as_script("/withdraw/passkey/options")
    assert forced.status == 403, f"the server must refuse passkey withdrawals without {missing_factor} bound"


@pytest.mark.behaviour("PX-HOLD-05")
@pytest.mark.variant(path="passkey")
def test_the_withdrawal_hold_also_stops_passkey_withdrawals(
        page, accounts, exchange, inbox, authenticator, time_travel, sign_in):
    account = accounts.create(factors=ALL_FACTORS, balance_usdt=100)  # with a fresh phone
    sign_in_with_codes(page, account, sign_in)
    create_passkey(page, account, sign_in, inbox)
    account.password = accounts.new_password()
    exchange.api.reset_password(account.id, account.password)  # starts the 24-hour hold, ends sessions
    time_travel.advance(timedelta(seconds=61))  # past the steps the login and the passkey set-up used
    sign_in_with_codes(page, account, sign_in)

    withdrawal = WithdrawalPage(page).open()
    withdrawal.withdraw_with_passkey(ADDRESS, "10")
    expect(withdrawal.passkey_error).to_contain_text("suspended")
    expect(withdrawal.balance).to_have_text("100.00 USDT")

    time_travel.advance(timedelta(hours=WITHDRAWAL_HOLD_HOURS))
    sign_in_with_codes(page, account, sign_in)  # the session idled out meanwhile
    withdrawal.open().withdraw_with_passkey(ADDRESS, "10")
    expect(withdrawal.done).to_contain_text("10")
