"""Accounts made by an operator rather than through the sign-up screens: the test API's seeding
and a staging deployment's pool of pre-made accounts (``serve --account-pool FILE``) both make
them here, so a pre-made account is the same account a seeded one is."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from .backup_codes import issue_backup_codes
from .codes import new_totp_secret
from .identities import account_for_email, account_for_phone
from .models import Account, TradingBot
from .passwords import hash_password

class SeedConflict(ValueError):
    """The address or number already belongs to an account."""


@dataclass
class AccountSeed:
    registered_via: str = "email"
    email: str | None = None
    phone: str | None = None
    password: str | None = None
    factors: tuple[str, ...] = ()
    totp_secret: str | None = None
    balance_usdt: Decimal = Decimal("0")
    bots: tuple[str, ...] = ()
    backup_codes: bool = False
    social_subject: str | None = None  # for google/apple accounts: the provider's subject


@dataclass
class Seeded:
    account: Account
    backup_codes: list[str] = field(default_factory=list)


def seed_account(db: Session, seed: AccountSeed, now: datetime, backup_code_count: int) -> Seeded:
    email = seed.email.strip().lower() if seed.email else None
    email_login = seed.registered_via == "email" or (email is not None and seed.password is not None
                                                     and seed.registered_via != "phone")
    if email_login and email and account_for_email(db, email) is not None:
        raise SeedConflict("that e-mail already signs in to an account")
    if seed.phone and account_for_phone(db, seed.phone) is not None:
        raise SeedConflict("that phone number is already bound to an account")
    totp_secret = (seed.totp_secret or new_totp_secret()) if "totp" in seed.factors else None
    account = Account(
        registered_via=seed.registered_via,
        email=email,
        email_login=email_login and email is not None,
        phone=seed.phone,
        password_hash=hash_password(seed.password) if seed.password else None,
        totp_secret=totp_secret,
        email_2fa="email" in seed.factors,
        sms_2fa="sms" in seed.factors,
        balance_usdt=seed.balance_usdt,
        created_at=now,
    )
    if seed.social_subject:
        setattr(account, f"{seed.registered_via}_sub", seed.social_subject)
    db.add(account)
    db.flush()
    for name in seed.bots:
        db.add(TradingBot(account_id=account.id, name=name[:80], created_at=now))
    codes = issue_backup_codes(db, account, now, backup_code_count) if seed.backup_codes else []
    return Seeded(account, codes)


# --- a staging deployment's pool of pre-made accounts (fixtures/account_pool.py reads the file) ---


def load_pool(exchange, seeds: list[AccountSeed]) -> int:
    """Make each pool account that does not exist yet, in one transaction; how many were made."""
    made = 0
    db = exchange.database()
    try:
        for seed in seeds:
            try:
                seed_account(db, seed, exchange.clock.now(), exchange.brand.policy.backup_code_count)
                made += 1
            except SeedConflict:  # refused before anything was written: loaded by an earlier start
                continue
        db.commit()
    finally:
        db.close()
    return made
