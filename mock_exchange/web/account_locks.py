"""Every door honours both locks (SEC-LOCK-02, ASVS 5.0 V6.3.4).

An account is held by the lock after 5 failed attempts (seeds/000:23, 30 minutes) or by
CoinEx's unfamiliar-location review lock (seeds/003:5, until support reviews it). Each way in
(password, Google, Apple, passkey) and each step that verifies a secret or a code (verification,
forgot password, mobile reset, lost authenticator, unbind, withdrawal) asks ``lock_holding``
first and refuses, without evaluating what was sent, while either lock holds: a right code then
neither opens the account nor clears the lock.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..lockout import throttle_key
from ..models import Account
from .visit import Visit


@dataclass(frozen=True)
class HeldLock:
    kind: str  # "attempts" (lifts by itself) | "review" (lifts when support approves)
    until: datetime | None
    message: str


def lock_holding(visit: Visit, account: Account | None) -> HeldLock | None:
    """The lock that holds this account now, or None."""
    if account is None:
        return None
    if account.review_locked:
        return HeldLock("review", None, (
            "Your account is locked to protect your assets after repeated failed sign-in attempts from a "
            "device you have not used before. Submit a verification ticket with a photo of your ID and a "
            "selfie at /support/unlock; the lock does not lift by itself."))
    state = visit.exchange.lockout.state(visit.db, throttle_key(account, ""))
    if not state.is_locked(visit.now):
        return None
    minutes = state.minutes_left(visit.now)
    return HeldLock("attempts", state.locked_until, (
        f"Your account is locked for your security after {visit.brand.policy.lockout_threshold} failed attempts. "
        f"Wait {minutes} minute{'s' if minutes != 1 else ''} and try again, after "
        f"{state.locked_until.strftime('%H:%M')} UTC."))
