"""The 30-day re-use block: an unbound e-mail or phone cannot register or be bound again.

Seeds/001 line 28: after changing the e-mail, "registering with the unbound phone/e-mail is
also forbidden within 30 days"; line 55: the unbound information "stays suspended for 30 days".
Safer reading: it cannot be bound to any account either, the original one included.

Sign-up and every binding screen ask ``blocked_until`` and show ``refusal_message``.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .clock import as_utc
from .models import ReuseBlock


def normalized(kind: str, value: str) -> str:
    return value.strip().lower() if kind == "email" else value.strip()


def block(db: Session, now: datetime, days: int, *, email: str | None = None, phone: str | None = None) -> datetime:
    until = now + timedelta(days=days)
    for kind, value in (("email", email), ("phone", phone)):
        if value:
            db.add(ReuseBlock(kind=kind, value=normalized(kind, value), created_at=now, until=until))
    return until


def blocked_until(db: Session, now: datetime, email: str | None = None, phone: str | None = None) -> datetime | None:
    """When the e-mail (or phone, E.164) may be used again, or None when it is free now."""
    latest = None
    for kind, value in (("email", email), ("phone", phone)):
        if not value:
            continue
        until = db.scalar(
            select(func.max(ReuseBlock.until))
            .where(ReuseBlock.kind == kind, ReuseBlock.value == normalized(kind, value))
        )
        if until is not None and now < as_utc(until) and (latest is None or as_utc(until) > latest):
            latest = as_utc(until)
    return latest


def refusal_message(kind: str, until: datetime) -> str:
    """What the user reads when an unbound address or number is refused (kind: email | phone)."""
    what = "e-mail address" if kind == "email" else "phone number"
    return (
        f"This {what} was unbound from an account recently and cannot be used to register or be bound "
        f"again until {until.strftime('%Y-%m-%d %H:%M')} UTC (30 days after it was unbound)."
    )
