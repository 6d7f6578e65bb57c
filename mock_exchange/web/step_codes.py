"""Codes for a signed-in step (withdraw, unbind, bind): send them, check them all, then burn them.

As in the sign-in step, every factor of a step is checked before any code is marked used, so
a right e-mail code is not burnt by a wrong SMS code beside it.
"""

from __future__ import annotations

from dataclasses import dataclass, field


from .. import codes as second_factors
from ..models import Account
from .visit import Visit

LABELS = {"email": "E-mail verification code", "sms": "SMS verification code", "totp": "Google Authenticator code"}


def send_codes(visit: Visit, account: Account, purpose: str, channels: list[str], *,
               email: str | None = None, phone: str | None = None, subject_owner=None) -> None:
    """Send a fresh code on each channel (to the account's e-mail/phone unless given)."""
    brand = visit.brand
    for channel in channels:
        if channel == "totp":
            continue
        code = visit.exchange.codes.issue(visit.db, subject_owner or account, purpose, channel, visit.now)
        text = (f"Your {brand.name} verification code for {purpose.replace('_', ' ')} is {code}. "
                f"It expires in {brand.policy.code_lifetime_minutes} minutes. Never share it.")
        if channel == "email":
            subject = f"{brand.name} verification code ({purpose.replace('_', ' ')})"
            visit.exchange.mailer.send(email or account.email, subject, text)
        else:
            visit.exchange.sms.send(visit.db, phone or account.phone, f"[{brand.name}] {text}")


@dataclass
class CheckedCodes:
    wrong: list[str] = field(default_factory=list)
    _found: list = field(default_factory=list)
    _totp_step: int | None = None

    @property
    def all_right(self) -> bool:
        return not self.wrong

    def burn(self, visit: Visit, account: Account) -> None:
        for found in self._found:
            found.used_at = visit.now
        if self._totp_step is not None:
            account.totp_last_step = self._totp_step


def check_codes(visit: Visit, account: Account, purpose: str, channels: list[str], form: dict[str, str],
                subject_owner=None) -> CheckedCodes:
    result = CheckedCodes()
    for channel in channels:
        code = form.get(f"{channel}_code", "")
        if channel == "totp":
            step = second_factors.matching_totp_step(account, code, visit.now)
            if step is None:
                result.wrong.append(channel)
            result._totp_step = step
        else:
            owner = subject_owner or account
            found = visit.exchange.codes.find_valid(visit.db, owner, purpose, channel, code, visit.now)
            if found is None:
                result.wrong.append(channel)
            else:
                result._found.append(found)
    return result


def wrong_codes_message(wrong: list[str]) -> str:
    names = ", ".join(LABELS[c].replace(" code", "") for c in wrong)
    return f"A verification code is wrong or has expired ({names}). Nothing was changed; check the code and try again."
