"""What a support agent sees before deciding a review: do the customer's answers fit an account?

The agent may look the account up (see its e-mail and phone) only once the identity checks
have passed and the agent has recorded them (seeds/000 lines 12-13 and 16-17).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from sqlalchemy.orm import Session

from .clock import as_utc
from .models import Account, Review


@dataclass(frozen=True)
class Check:
    label: str
    passed: bool


def _month_matches(account: Account, answer: str) -> bool:
    return bool(answer) and as_utc(account.created_at).strftime("%Y-%m") == answer.strip()


def _balance_matches(account: Account, answer: str) -> bool:
    try:
        claimed = Decimal(answer.strip())
    except (InvalidOperation, AttributeError):
        return False
    actual = Decimal(account.balance_usdt or 0)
    if actual < 1:
        return claimed < 1
    return abs(claimed - actual) <= actual / 10  # within 10 %


def checks_for(db: Session, review: Review) -> list[Check]:
    details = json.loads(review.details or "{}")
    account = db.get(Account, review.account_id) if review.account_id else None
    checks = [Check("An account matches the details given", account is not None)]
    if review.kind == "lost_authenticator":
        checks.append(Check("E-mail or SMS code of the account was entered", bool(details.get("code_verified"))))
    if review.kind == "phone_unbind":
        checks.append(Check("The old phone number is the one bound to the account",
                            account is not None and account.phone == details.get("old_phone")))
    checks.append(Check("Registration month is right",
                        account is not None and _month_matches(account, details.get("registered_month", ""))))
    checks.append(Check("Approximate balance is right (within 10 %)",
                        account is not None and _balance_matches(account, details.get("balance_usdt", ""))))
    return checks


def identity_confirmed(db: Session, review: Review) -> bool:
    return all(check.passed for check in checks_for(db, review))
