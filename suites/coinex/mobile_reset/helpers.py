"""Seeding accounts for the mobile reset and reading what the user must answer (from the seed data)."""

from __future__ import annotations

import calendar
from dataclasses import dataclass

from pages.mobile_reset_page import MobileResetPage


@dataclass
class ResetAccount:
    account: object
    registered: str  # the registration month as the question offers it, e.g. "November 2026"
    coins: tuple[str, ...]
    deposit: str
    bots: str


def only_phone_bound(accounts, exchange, *, balance_usdt=200, kyc_level=0, factors=("sms",),
                     holdings=("BTC", "USDT"), last_deposit="250", bots=("Grid bot",), **profile) -> ResetAccount:
    phone, _ = accounts.new_phone()
    account = accounts.create(factors=factors, phone=phone, balance_usdt=balance_usdt, bots=bots)
    exchange.api.coinex_profile(account.id, kyc_level=kyc_level, holdings=list(holdings),
                                last_deposit_usdt=last_deposit, **profile)
    now = exchange.api.now()  # the exchange's month, not the machine's
    return ResetAccount(account, f"{calendar.month_name[now.month]} {now.year}", tuple(holdings),
                        "100 to 1,000 USDT", "Yes" if bots else "No")


def through_email_code(page, deliveries, account) -> MobileResetPage:
    reset = MobileResetPage(page)
    mark = deliveries.mark()
    reset.start_through(account.email, account.password,
                        lambda: deliveries.email_code(account.email, "mobile reset", since=mark))
    return reset


def answer_right(reset: MobileResetPage, seeded: ResetAccount) -> None:
    reset.answer(seeded.registered, seeded.coins, seeded.deposit, seeded.bots)


def answer_wrong(reset: MobileResetPage, seeded: ResetAccount) -> None:
    """Everything right except the trading-bot question."""
    reset.answer(seeded.registered, seeded.coins, seeded.deposit, "No" if seeded.bots == "Yes" else "Yes")
