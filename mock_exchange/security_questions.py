"""The 4 security questions of a mobile reset, built from the account's own data (seeds/004 lines 12-13).

Single or multiple choice. An attempt is one submission of all four; only all-correct passes,
and the result never says which answer was wrong (safer reading of line 14).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from .clock import as_utc
from .kyc import profile_of
from .models import Account, TradingBot

COINS = ("BTC", "ETH", "USDT", "CET", "SOL", "XRP")
DEPOSIT_RANGES = (  # (value, label, lower bound inclusive, upper bound exclusive)
    ("none", "No deposit yet", None, None),
    ("lt100", "Under 100 USDT", Decimal("0"), Decimal("100")),
    ("100-1000", "100 to 1,000 USDT", Decimal("100"), Decimal("1000")),
    ("1000-10000", "1,000 to 10,000 USDT", Decimal("1000"), Decimal("10000")),
    ("gte10000", "10,000 USDT or more", Decimal("10000"), None),
)


@dataclass(frozen=True)
class Question:
    name: str
    text: str
    multiple: bool
    options: tuple[tuple[str, str], ...]  # (value, label)
    correct: frozenset[str]


def _months_back(year: int, month: int, back: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) - back
    return index // 12, index % 12 + 1


def _deposit_range(amount: Decimal | None) -> str:
    if amount is None:
        return "none"
    for value, _, low, high in DEPOSIT_RANGES[1:]:
        if amount >= low and (high is None or amount < high):
            return value
    return "none"


def questions_for(db: Session, account: Account) -> list[Question]:
    profile = profile_of(db, account)
    created = as_utc(account.created_at)
    months = sorted(_months_back(created.year, created.month, back) for back in range(4))
    import calendar

    month_options = tuple((f"{y:04d}-{m:02d}", f"{calendar.month_name[m]} {y}") for y, m in months)
    held = {c.strip().upper() for c in (profile.holdings or "").split(",") if c.strip()}
    coin_options = tuple((c, c) for c in COINS + tuple(sorted(held - set(COINS))))
    has_bots = db.scalar(select(TradingBot.id).where(TradingBot.account_id == account.id).limit(1)) is not None
    return [
        Question("registered", "In which month did you register your account?", False, month_options,
                 frozenset({created.strftime("%Y-%m")})),
        Question("coins", "Which coins does your account hold? Select all that apply.", True, coin_options,
                 frozenset(held)),
        Question("deposit", "About how much was your most recent deposit?", False,
                 tuple((v, label) for v, label, _, _ in DEPOSIT_RANGES),
                 frozenset({_deposit_range(profile.last_deposit_usdt)})),
        Question("bots", "Does your account run any trading bots?", False, (("yes", "Yes"), ("no", "No")),
                 frozenset({"yes" if has_bots else "no"})),
    ]


def answers_from(form: dict[str, str], questions: list[Question]) -> dict[str, frozenset[str]] | None:
    """The submitted answers, or None when a question was left unanswered (not an attempt)."""
    answers = {}
    for question in questions:
        if question.multiple:
            chosen = frozenset(v for v, _ in question.options if form.get(f"{question.name}_{v}") == "yes")
        else:
            value = form.get(question.name, "")
            chosen = frozenset({value}) if value in {v for v, _ in question.options} else frozenset()
        if not chosen:
            return None
        answers[question.name] = chosen
    return answers


def all_correct(questions: list[Question], answers: dict[str, frozenset[str]]) -> bool:
    return all(answers[q.name] == q.correct for q in questions)
