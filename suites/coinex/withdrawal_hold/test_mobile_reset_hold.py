"""CoinEx: withdrawals are suspended for 24 hours after a mobile reset (seeds/004 lines 43-44)."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from pages.withdrawal_page import WithdrawalPage
from suites.coinex.promises import MOBILE_RESET_HOLD_HOURS

ADDRESS = "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE"


@pytest.mark.behaviour("CX-HOLD-01")
def test_withdrawals_are_suspended_for_24_hours_after_a_mobile_reset_then_work(page, accounts, exchange, deliveries, sign_in, time_travel):
    phone, _ = accounts.new_phone()
    account = accounts.create(factors=("sms",), phone=phone, balance_usdt=500)
    before = time_travel.now()
    hold_until = exchange.api.coinex_mobile_reset(account.id)
    assert timedelta(0) <= hold_until - before - timedelta(hours=MOBILE_RESET_HOLD_HOURS) < timedelta(seconds=5)
    sign_in.with_session(page, account)
    withdraw = WithdrawalPage(page).open()
    expect(withdraw.hold_banner).to_contain_text("mobile number was reset")

    time_travel.to(hold_until - timedelta(minutes=1))  # the last minute of the hold
    sign_in(page, account)  # the session did not last the day
    withdraw.open()
    mark = deliveries.mark()
    withdraw.send_codes()
    withdraw.withdraw(ADDRESS, "10", email=deliveries.email_code(account.email, "withdraw", since=mark))
    expect(withdraw.error).to_contain_text("suspended")

    time_travel.to(hold_until)
    withdraw.open()
    withdraw.assert_current()
    mark = deliveries.mark()
    withdraw.send_codes()
    withdraw.withdraw(ADDRESS, "10", email=deliveries.email_code(account.email, "withdraw", since=mark))
    expect(withdraw.done).to_be_visible()
