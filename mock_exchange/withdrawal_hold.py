"""The 24-hour withdrawal hold after a password reset, an unbind or an e-mail change.

Seeds/001 line 18 (reset), line 28 (e-mail change), line 55 (unbind). The hold covers every
withdrawal path; a withdrawal is refused while now < until and allowed from ``until`` on.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from .clock import as_utc
from .models import WithdrawalHold

REASONS = {
    "password_reset": "your password was reset",
    "unbind_sms": "SMS verification was unbound",
    "unbind_email": "e-mail verification was unbound",
    "change_email": "your account e-mail was changed",
    "authenticator_reset": "Google Authenticator was reset after a review",
    "support_unbind_phone": "support unbound your phone number",
}


@dataclass(frozen=True)
class Hold:
    until: datetime
    reason: str

    @property
    def reason_text(self) -> str:
        return REASONS.get(self.reason, "a security setting changed")

    @property
    def until_text(self) -> str:
        return self.until.strftime("%Y-%m-%d %H:%M UTC")


def start_hold(db: Session, account_id: int, now: datetime, hours: int, reason: str) -> Hold:
    until = now + timedelta(hours=hours)
    db.add(WithdrawalHold(account_id=account_id, reason=reason, created_at=now, until=until))
    return Hold(until, reason)


def active_hold(db: Session, account_id: int, now: datetime) -> Hold | None:
    """The hold that ends last among those still running, or None."""
    rows = db.scalars(select(WithdrawalHold).where(WithdrawalHold.account_id == account_id)).all()
    live = [Hold(as_utc(r.until), r.reason) for r in rows if now < as_utc(r.until)]
    return max(live, key=lambda h: h.until) if live else None
