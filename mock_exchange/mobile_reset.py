"""Resetting a mobile number that can no longer receive SMS (seeds/004 lines 1-45).

The information check is chosen by the system from the account's state (line 10):
security questions (where the brand offers them) for an account with only the phone bound,
its password known, attempts left and no high-value balance; otherwise manual review:
biometric for accounts with Primary verification (lines 18-22), documents for the others
(lines 34-42).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from .exchange import Exchange
from .kyc import profile_of
from .models import Account, Passkey
from .withdrawal_hold import REASONS, Hold, start_hold

REASONS.setdefault("mobile_reset", "your mobile number was reset")


def other_tools_bound(db: Session, account: Account) -> list[str]:
    """2FA tools besides the phone: when they are bound, they are unavailable too (line 3)."""
    tools = []
    if account.totp_secret:
        tools.append("totp")
    if db.scalar(select(Passkey.id).where(Passkey.account_id == account.id).limit(1)):
        tools.append("passkey")
    return tools


def attempts_left(exchange: Exchange, db: Session, account: Account) -> int:
    return max(0, exchange.brand.policy.security_question_attempts - profile_of(db, account).question_failures)


def choose_check(exchange: Exchange, db: Session, account: Account, password_unavailable: bool) -> str:
    """questions | biometric | documents, from the account's state (never the user's choice)."""
    profile = profile_of(db, account)
    high_value = Decimal(account.balance_usdt or 0) > exchange.brand.policy.high_value_usdt
    manual = (password_unavailable or bool(other_tools_bound(db, account)) or high_value
              or attempts_left(exchange, db, account) == 0)
    if not manual and exchange.brand.has("security_questions"):
        return "questions"
    return "biometric" if profile.kyc_level >= 1 else "documents"


def reset_mobile(exchange: Exchange, db: Session, account: Account, now: datetime) -> Hold:
    """Disable mobile verification (no SMS goes to the old number), then hold withdrawals 24 h."""
    brand = exchange.brand
    if account.email:
        exchange.mailer.send(
            account.email, f"{brand.name} security notice: your mobile number was reset",
            f"The mobile number on your {brand.name} account was reset and mobile verification is disabled. "
            f"Withdrawals are suspended for {brand.policy.withdrawal_hold_hours} hours. Bind 2FA (TOTP) and a new "
            f"mobile number as soon as possible. If this was not you, contact {brand.service_email} at once.\n",
        )
    account.phone = None
    account.sms_2fa = False
    profile = profile_of(db, account)
    profile.mobile_reset_at = now
    profile.question_failures = 0
    return start_hold(db, account.id, now, brand.policy.withdrawal_hold_hours, "mobile_reset")
