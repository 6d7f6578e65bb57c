"""The lockout rule: N consecutive failed passwords or codes lock the login target for M minutes.

Seed 000 line 23: "After 5 consecutive failed attempts using an incorrect password or
verification code, your account is automatically locked for 30 minutes." A success resets the
count; the lock lifts by itself when the time has passed (locked while now < locked_until).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from .brands import Policy
from .clock import as_utc
from .models import Account, LoginThrottle


def throttle_key(account: Account | None, identifier: str) -> str:
    return f"account:{account.id}" if account is not None else f"ident:{identifier}"


@dataclass(frozen=True)
class LockState:
    locked_until: datetime | None
    failures: int

    def is_locked(self, now: datetime) -> bool:
        return self.locked_until is not None and now < self.locked_until

    def minutes_left(self, now: datetime) -> int:
        if not self.is_locked(now):
            return 0
        seconds = (self.locked_until - now).total_seconds()
        return max(1, int(-(-seconds // 60)))  # round up: "1 minute" until it has fully passed


class Lockout:
    def __init__(self, policy: Policy) -> None:
        self.policy = policy

    def state(self, db: Session, key: str) -> LockState:
        row = db.get(LoginThrottle, key)
        if row is None:
            return LockState(None, 0)
        return LockState(as_utc(row.locked_until) if row.locked_until else None, row.failures)

    def record_failure(self, db: Session, key: str, now: datetime) -> LockState:
        row = db.get(LoginThrottle, key) or LoginThrottle(key=key, failures=0)
        db.add(row)
        if row.locked_until is not None and now >= as_utc(row.locked_until):
            row.locked_until = None  # an expired lock starts a fresh count
        row.failures += 1
        if row.failures >= self.policy.lockout_threshold:
            row.locked_until = now + timedelta(minutes=self.policy.lockout_minutes)
            row.failures = 0
        return LockState(as_utc(row.locked_until) if row.locked_until else None, row.failures)

    def record_success(self, db: Session, key: str) -> None:
        row = db.get(LoginThrottle, key)
        if row is not None:
            row.failures = 0
            row.locked_until = None

    def attempts_left(self, state: LockState) -> int:
        return self.policy.lockout_threshold - state.failures
