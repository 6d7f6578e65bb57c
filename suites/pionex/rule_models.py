"""The account rules of the Pionex articles as small models, written from the seeds alone (and
the catalogue's safer readings), for the Hypothesis state machines that drive the exchange
through random sequences and compare every answer with these.

Nothing here knows the exchange: the numbers come from suites/pionex/promises.py.
"""

import math
from datetime import date, datetime, timedelta

from suites.pionex.promises import (CODE_LIFETIME_MINUTES, LOCKOUT_MINUTES, LOCKOUT_THRESHOLD, NATIONAL_HOLIDAYS,
                                    RESEND_COOLDOWN_SECONDS, REUSE_BLOCK_DAYS, REVIEW_BUSINESS_DAYS,
                                    SESSION_IDLE_MINUTES, WITHDRAWAL_HOLD_HOURS)

LOCK = timedelta(minutes=LOCKOUT_MINUTES)
HOLD = timedelta(hours=WITHDRAWAL_HOLD_HOURS)
BLOCK = timedelta(days=REUSE_BLOCK_DAYS)
CODE_LIFETIME = timedelta(minutes=CODE_LIFETIME_MINUTES)
RESEND_COOLDOWN = timedelta(seconds=RESEND_COOLDOWN_SECONDS)
SESSION_IDLE = timedelta(minutes=SESSION_IDLE_MINUTES)


class LockoutModel:
    """Seeds/000 line 23 with PX-LOCK-04..07: consecutive failures of one account, by either
    identifier, password or code, count up; the 5th locks it for 30 minutes from that moment;
    while locked every attempt is refused and counts for nothing; the lock lifts by itself at
    30:00 and the count starts afresh; only a completed sign-in resets the count."""

    def __init__(self, now: datetime) -> None:
        self.failures, self.locked_until, self.now = 0, None, now

    def locked(self) -> bool:
        return self.locked_until is not None and self.now < self.locked_until

    def lift_if_over(self) -> None:
        if self.locked_until is not None and not self.locked():  # a lock that has lifted: a fresh count
            self.locked_until, self.failures = None, 0

    def attempt(self, right: bool) -> str:
        """A password sign-in of an account without 2FA: 'signed in' | 'locked' | 'N attempts left'."""
        if self.locked():
            return "locked"
        self.lift_if_over()
        if right:
            self.failures = 0
            return "signed in"
        return self.fail()

    def fail(self) -> str:
        self.failures += 1
        if self.failures >= LOCKOUT_THRESHOLD:
            self.locked_until, self.failures = self.now + LOCK, 0
            return "locked"
        return attempts_left(LOCKOUT_THRESHOLD - self.failures)


def attempts_left(left: int) -> str:
    return f"{left} attempt{'s' if left != 1 else ''} left"


class AccountRules:
    """Seeds/001 lines 18, 24-28, 48-55: a reset, an e-mail change or an SMS unbind suspends
    withdrawals for 24 hours from that change (a change inside a running hold counts its own 24
    hours); an address taken off the account cannot register again for 30 days."""

    def __init__(self, email: str, phone: str, password: str) -> None:
        self.email, self.phone, self.password = email, phone, password
        self.sms_bound, self.hold_until, self.balance = True, None, 1000
        self.blocked: dict[tuple[str, str], datetime] = {}  # (kind, value) -> end of its 30 days

    def change(self, at: datetime) -> None:
        self.hold_until = max(self.hold_until or at, at + HOLD)

    def unbound(self, kind: str, value: str, at: datetime) -> None:
        self.blocked[(kind, value)] = at + BLOCK
        self.change(at)

    def held(self, at: datetime) -> bool:
        return self.hold_until is not None and at < self.hold_until

    def blocks(self, kind: str, value: str, at: datetime) -> bool:
        return at < self.blocked[(kind, value)]


class CodeModel:
    """The e-mail code of the verification step (SEC-OTP-01/02 and PX-CODE-02's safer reading):
    each code sent replaces the one before; a code works once, until 10 minutes after it was
    sent; Resend is refused until 60 seconds after the last code. A wrong, replaced, used or
    expired code is a failed attempt towards the lock, with the wrong passwords (PX-LOCK-05).
    A verification left idle for 60 minutes ends with its session (the README's choice)."""

    def __init__(self, now: datetime) -> None:
        self.lock = LockoutModel(now)
        self.pending, self.sent_at, self.latest, self.used = False, None, None, set()
        self.last_seen = now

    @property
    def now(self) -> datetime:
        return self.lock.now

    @now.setter
    def now(self, moment: datetime) -> None:
        self.lock.now = moment

    def password(self) -> str:
        """The right password: 'asks for code' (and a code is sent) or 'locked'."""
        if self.lock.locked():
            return "locked"
        self.lock.lift_if_over()
        self.pending, self.last_seen = True, self.now
        return "asks for code"

    def _session_ended(self) -> bool:
        ended = self.now - self.last_seen >= SESSION_IDLE
        if ended:
            self.pending = False
        self.last_seen = self.now
        return ended

    def sent(self, code: str) -> None:
        self.latest, self.sent_at = code, self.now

    def submit(self, code: str) -> str:
        if self._session_ended():
            return "signed out"
        if self.lock.locked():
            self.pending = False
            return "locked"
        self.lock.lift_if_over()
        if code == self.latest and code not in self.used and self.now < self.sent_at + CODE_LIFETIME:
            self.used.add(code)
            self.pending, self.lock.failures = False, 0
            return "signed in"
        outcome = self.lock.fail()
        self.pending = outcome != "locked"
        return outcome

    def resend(self) -> str:
        """'sent' or 'wait N seconds' (N rounded up)."""
        if self._session_ended():
            return "signed out"
        wait = math.ceil((self.sent_at + RESEND_COOLDOWN - self.now).total_seconds())
        return f"wait {wait} seconds" if wait > 0 else "sent"


def review_due(submitted: date, holidays=NATIONAL_HOLIDAYS) -> date:
    """seeds/000:15 "within 3 business days", seeds/001:45 "exklusive nationella helgdagar":
    the day of submission does not count, nor do weekends and holidays."""
    day, counted = submitted, 0
    while counted < REVIEW_BUSINESS_DAYS:
        day += timedelta(days=1)
        counted += day.weekday() < 5 and (day.month, day.day) not in holidays
    return day
