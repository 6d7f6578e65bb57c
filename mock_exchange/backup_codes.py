"""2FA backup codes (CoinEx, seeds/003 line 6): handed out when an authenticator is bound, each
usable once in place of the authenticator code."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from .models import Account, BackupCode


def _digest(code: str) -> str:
    return hashlib.sha256(code.replace("-", "").upper().encode()).hexdigest()


def issue_backup_codes(db: Session, account: Account, now: datetime, count: int) -> list[str]:
    """A fresh set (the previous set stops working). 50 random bits each, shown as XXXXX-XXXXX."""
    db.execute(delete(BackupCode).where(BackupCode.account_id == account.id))
    codes = []
    for _ in range(count):
        raw = base64.b32encode(secrets.token_bytes(7)).decode()[:10]
        codes.append(f"{raw[:5]}-{raw[5:]}")
        db.add(BackupCode(account_id=account.id, code_hash=_digest(raw), created_at=now))
    return codes


def unused_count(db: Session, account: Account) -> int:
    return len(db.scalars(select(BackupCode.id).where(BackupCode.account_id == account.id,
                                                       BackupCode.used_at.is_(None))).all())


def find_unused(db: Session, account: Account, code: str) -> BackupCode | None:
    if not code or len(code) > 32:
        return None
    wanted = _digest(code.strip())
    for row in db.scalars(select(BackupCode).where(BackupCode.account_id == account.id, BackupCode.used_at.is_(None))):
        if hmac.compare_digest(row.code_hash, wanted):
            return row
    return None
