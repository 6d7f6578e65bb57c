"""Pionex: withdrawals are suspended for 24 hours after a password reset (seeds/001 line 18)."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from pages import AccountPage
from pages.withdrawal_page import WithdrawalPage
from suites.pionex.promises import WITHDRAWAL_HOLD_HOURS

ADDRESS = "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE"


@pytest.mark.behaviour("PX-HOLD-01", "PX-HOLD-05")
@pytest.mark.variant(path="codes")
def test_withdrawal_refused_at_23_59_and_allowed_at_24_00_after_a_password_reset(
        page, accounts, exchange, sign_in, time_travel):
    account = accounts.create(factors=("totp",), balance_usdt=500)
    new_password = accounts.new_password()
    reset_at = time_travel.now()
    exchange.api.reset_password(account.id, new_password)
    hold_ends = reset_at + timedelta(hours=WITHDRAWAL_HOLD_HOURS)

    sign_in(page, account, password=new_password)
    account_page = AccountPage(page)
    expect(account_page.hold_banner).to_contain_text("Withdrawals are suspended until")
    until = account_page.hold_until()
    assert hold_ends <= until < hold_ends + timedelta(seconds=5)
    expect(account_page.hold_banner).to_contain_text(until.strftime("%Y-%m-%d %H:%M UTC"))

    time_travel.to(until - timedelta(minutes=1))  # 23:59 after the reset
    sign_in(page, account, password=new_password)
    withdrawal = WithdrawalPage(page).open()
    expect(withdrawal.hold_banner).to_contain_text(until.strftime("%H:%M UTC"))
    withdrawal.withdraw(ADDRESS, "100", totp=sign_in.totp(account))
    expect(withdrawal.error).to_contain_text("Withdrawal refused")
    expect(withdrawal.error).to_contain_text("password was reset")
    expect(withdrawal.balance).to_have_text("500.00 USDT")

    time_travel.to(until)  # 24:00: allowed again
    withdrawal.open()
    expect(withdrawal.hold_banner).to_be_hidden()
    withdrawal.withdraw(ADDRESS, "100", totp=sign_in.totp(account))
    expect(withdrawal.done).to_be_visible()
    expect(withdrawal.balance).to_have_text("400.00 USDT")


@pytest.mark.behaviour("PX-HOLD-05")
@pytest.mark.variant(path="codes")
def test_code_verified_withdrawal_works_without_a_hold_and_needs_every_bound_code(page, accounts, deliveries, sign_in):
    phone, _ = accounts.new_phone()
    account = accounts.create(factors=("email", "sms", "totp"), phone=phone, balance_usdt=50)
    sign_in.with_session(page, account)
    withdrawal = WithdrawalPage(page).open()
    expect(withdrawal.hold_banner).to_be_hidden()
    mark = deliveries.mark()
    withdrawal.send_codes()
    email_code = deliveries.email_code(account.email, "withdraw", since=mark)
    sms_code = deliveries.sms_code(phone, "withdraw")

    withdrawal.withdraw(ADDRESS, "20", email=email_code, sms=f"{(int(sms_code) + 1) % 1_000_000:06d}",
                        totp=sign_in.totp(account))
    expect(withdrawal.error).to_contain_text("wrong or has expired")
    expect(withdrawal.balance).to_have_text("50.00 USDT")

    withdrawal.withdraw(ADDRESS, "20", email=email_code, sms=sms_code, totp=sign_in.totp(account))
    expect(withdrawal.done).to_be_visible()
    expect(withdrawal.balance).to_have_text("30.00 USDT")
