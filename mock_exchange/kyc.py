"""KYC levels and the withdrawal limit each sets (seeds/003 line 5), and the CoinEx profile row."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy.orm import Session

from .brands import Brand
from .models import Account, CoinexProfile


def profile_of(db: Session, account: Account) -> CoinexProfile:
    profile = db.get(CoinexProfile, account.id)
    if profile is None:
        profile = CoinexProfile(account_id=account.id, kyc_level=0, holdings="USDT", question_failures=0)
        db.add(profile)
        db.flush()
    return profile


def withdrawal_refusal(brand: Brand, db: Session, account: Account, amount: Decimal) -> str | None:
    """Why this withdrawal is above the account's KYC level, naming the level it needs; or None."""
    if not brand.has("kyc_levels"):
        return None
    level = profile_of(db, account).kyc_level
    limits = sorted(brand.policy.kyc_withdrawal_limits)
    allowed = max((limit for number, _, limit in limits if number <= level), default=0)
    if amount <= allowed:
        return None
    needed = next(((number, name, limit) for number, name, limit in limits if limit >= amount), limits[-1])
    return (f"Withdrawal refused: your verification level allows at most {allowed:,} USDT per withdrawal. "
            f"Complete {needed[1]} (KYC level {needed[0]}) to withdraw this amount.")
