"""Server-side sessions behind an HttpOnly, SameSite=Lax cookie, and their CSRF tokens.

The cookie carries a random id; the database keeps only its SHA-256, so a leaked database does
not leak live sessions. A session starts anonymous (it carries the CSRF token of the forms),
becomes "pending" between the password and the verification step, and is replaced by a new id
when the user signs in (no session fixation). Logging out ends it on the server.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlalchemy.orm import Session

from .brands import Policy
from .clock import as_utc
from .models import WebSession

COOKIE_NAME = "exchange_session"


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@dataclass
class SessionHandle:
    """A live session and the raw token that must be (re)sent as the cookie, if any."""

    record: WebSession
    new_token: str | None = None


class SessionStore:
    def __init__(self, policy: Policy) -> None:
        self.policy = policy

    def load(self, db: Session, token: str | None, now: datetime) -> SessionHandle | None:
        if not token or len(token) > 128:
            return None
        record = db.get(WebSession, _hash(token))
        if record is None or record.ended_at is not None:
            return None
        idle = now - as_utc(record.last_seen_at)
        age = now - as_utc(record.created_at)
        if idle >= timedelta(minutes=self.policy.session_idle_minutes) or age >= timedelta(
            hours=self.policy.session_absolute_hours
        ):
            record.ended_at = now
            return None
        record.last_seen_at = now
        return SessionHandle(record)

    def start(self, db: Session, now: datetime, account_id: int | None = None) -> SessionHandle:
        token = secrets.token_urlsafe(32)
        record = WebSession(
            id_hash=_hash(token),
            account_id=account_id,
            csrf_token=secrets.token_urlsafe(32),
            created_at=now,
            last_seen_at=now,
        )
        db.add(record)
        return SessionHandle(record, new_token=token)

    def rotate(self, db: Session, old: SessionHandle | None, now: datetime, account_id: int | None) -> SessionHandle:
        """End the old session and start a fresh one (a new id and a new CSRF token)."""
        if old is not None:
            old.record.ended_at = now
        return self.start(db, now, account_id=account_id)

    def end(self, handle: SessionHandle, now: datetime) -> None:
        handle.record.ended_at = now

    def end_all_for(self, db: Session, account_id: int, now: datetime) -> None:
        db.execute(
            update(WebSession)
            .where(WebSession.account_id == account_id, WebSession.ended_at.is_(None))
            .values(ended_at=now)
        )


def csrf_matches(handle: SessionHandle | None, submitted: str | None) -> bool:
    if handle is None or not submitted:
        return False
    # bytes: compare_digest raises TypeError for a str with non-ASCII characters (a 500)
    return hmac.compare_digest(handle.record.csrf_token.encode(), submitted.encode("utf-8", "surrogatepass"))
