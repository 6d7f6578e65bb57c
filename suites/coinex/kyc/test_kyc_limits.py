"""CoinEx: KYC levels limit withdrawals, and the refusal names the missing level (seeds/003 line 5)."""

import pytest
from playwright.sync_api import expect

from pages.withdrawal_page import WithdrawalPage
from suites.coinex.promises import PRIMARY_VERIFICATION, UNVERIFIED_WITHDRAWAL_LIMIT_USDT

ADDRESS = "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE"


def _withdraw(withdraw, deliveries, account, amount: str) -> None:
    mark = deliveries.mark()
    withdraw.send_codes()
    withdraw.withdraw(ADDRESS, amount, email=deliveries.email_code(account.email, "withdraw", since=mark))


@pytest.mark.behaviour("CX-KYC-01")
def test_withdrawal_above_the_level_limit_is_refused_naming_the_missing_level(
        page, accounts, exchange, deliveries, sign_in):
    account = accounts.create(balance_usdt=5000)
    exchange.api.coinex_profile(account.id, kyc_level=0)
    sign_in.with_session(page, account)
    withdraw = WithdrawalPage(page).open()
    _withdraw(withdraw, deliveries, account, str(UNVERIFIED_WITHDRAWAL_LIMIT_USDT + 1))
    expect(withdraw.error).to_contain_text(PRIMARY_VERIFICATION)
    expect(withdraw.balance).to_have_text("5,000.00 USDT")

    _withdraw(withdraw, deliveries, account, str(UNVERIFIED_WITHDRAWAL_LIMIT_USDT))
    expect(withdraw.done).to_be_visible()

    exchange.api.coinex_profile(account.id, kyc_level=1)  # Primary verification completed
    withdraw.open()
    _withdraw(withdraw, deliveries, account, str(UNVERIFIED_WITHDRAWAL_LIMIT_USDT + 1))
    expect(withdraw.done).to_be_visible()
