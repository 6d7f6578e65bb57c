"""Devices: a long-lived cookie names the browser; an account remembers where it signed in.

CoinEx locks an account after repeated failures "from an unfamiliar location" (seeds/003
line 5); unfamiliar here means a device that has never completed a sign-in to that account.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import Account, KnownDevice

DEVICE_COOKIE = "exchange_device"


def new_device_id() -> str:
    return secrets.token_urlsafe(24)


def _hash(device_id: str) -> str:
    return hashlib.sha256(device_id.encode()).hexdigest()


def is_known(db: Session, account: Account, device_id: str | None) -> bool:
    if not device_id:
        return False
    found = db.scalar(select(KnownDevice.id).where(
        KnownDevice.account_id == account.id, KnownDevice.device_hash == _hash(device_id)))
    return found is not None


def remember(db: Session, account: Account, device_id: str, now: datetime) -> None:
    if not is_known(db, account, device_id):
        db.add(KnownDevice(account_id=account.id, device_hash=_hash(device_id), first_seen_at=now))
