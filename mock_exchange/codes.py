"""Second factors: 6-digit codes by e-mail or SMS, and TOTP (Google Authenticator).

Codes are single use, expire after the brand's code lifetime, and a new code for the same
account, purpose and channel voids the previous one. Only a keyed hash of a code is stored.
TOTP is checked at the server's clock with one 30-second step of drift either way, and a
time step that was accepted once is never accepted again.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from datetime import datetime, timedelta

import pyotp
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from .brands import Policy
from .clock import as_utc
from .models import Account, OneTimeCode

TOTP_DRIFT_STEPS = 1


class CodeBook:
    def __init__(self, policy: Policy, secret_key: bytes) -> None:
        self.policy = policy
        self._key = secret_key

    def _digest(self, code: str) -> str:
        return hmac.new(self._key, code.encode(), hashlib.sha256).hexdigest()

    @staticmethod
    def subject_of(owner: Account | str) -> str:
        """Codes belong to an account, or (before one exists, as in sign-up) to an address."""
        return f"account:{owner.id}" if isinstance(owner, Account) else owner

    def issue(self, db: Session, account: Account | str, purpose: str, channel: str, now: datetime) -> str:
        db.execute(
            update(OneTimeCode)
            .where(
                OneTimeCode.subject == self.subject_of(account),
                OneTimeCode.purpose == purpose,
                OneTimeCode.channel == channel,
                OneTimeCode.used_at.is_(None),
            )
            .values(voided=True)
        )
        code = f"{secrets.randbelow(10**6):06d}"
        db.add(
            OneTimeCode(
                subject=self.subject_of(account),
                purpose=purpose,
                channel=channel,
                code_hash=self._digest(code),
                created_at=now,
                expires_at=now + timedelta(minutes=self.policy.code_lifetime_minutes),
            )
        )
        return code

    def find_valid(
        self, db: Session, account: Account | str, purpose: str, channel: str, code: str, now: datetime
    ) -> OneTimeCode | None:
        """The live code that matches, or None for a wrong, expired, voided or used one.

        The caller marks it used (``used_at``) once every factor of the step has passed, so a
        right e-mail code is not burnt by a wrong authenticator code beside it.
        """
        if not (len(code) == 6 and code.isascii() and code.isdigit()):
            return None
        candidates = db.scalars(
            select(OneTimeCode).where(
                OneTimeCode.subject == self.subject_of(account),
                OneTimeCode.purpose == purpose,
                OneTimeCode.channel == channel,
                OneTimeCode.used_at.is_(None),
                OneTimeCode.voided.is_(False),
            )
        ).all()
        for candidate in candidates:
            if hmac.compare_digest(candidate.code_hash, self._digest(code)) and now < as_utc(candidate.expires_at):
                return candidate
        return None


    def last_issued_at(self, db: Session, account: Account | str, purpose: str, channel: str) -> datetime | None:
        """When the newest code for this purpose and channel was sent (for the resend cooldown)."""
        newest = db.scalar(
            select(OneTimeCode.created_at)
            .where(
                OneTimeCode.subject == self.subject_of(account),
                OneTimeCode.purpose == purpose,
                OneTimeCode.channel == channel,
            )
            .order_by(OneTimeCode.id.desc())
            .limit(1)
        )
        return as_utc(newest) if newest else None


def new_totp_secret() -> str:
    """A 16-character base32 key (80 bits), as Pionex's set-up screen shows it (seeds/001:37).

    pyotp's own generator insists on 160 bits; RFC 4226 allows 128 at least as a SHOULD, but
    the documented product shows 16 characters, so the mock reproduces that.
    """
    return base64.b32encode(secrets.token_bytes(10)).decode("ascii")


def matching_totp_step(account: Account, code: str, now: datetime) -> int | None:
    """The time step the code belongs to, if it is within the drift window and not yet used.

    The caller records it in ``account.totp_last_step`` once the whole step has passed.
    """
    if not account.totp_secret or not (len(code) == 6 and code.isascii() and code.isdigit()):
        return None
    totp = pyotp.TOTP(account.totp_secret)
    current_step = totp.timecode(now)
    for step in range(current_step - TOTP_DRIFT_STEPS, current_step + TOTP_DRIFT_STEPS + 1):
        if hmac.compare_digest(totp.generate_otp(step), code):
            if account.totp_last_step is not None and step <= account.totp_last_step:
                return None  # replay of an accepted code (or an older one)
            return step
    return None
