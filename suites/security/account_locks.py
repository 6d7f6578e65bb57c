"""The account's two locks, caused as a user's failures cause them, for the lock-door checks.

- ``attempts``: 5 consecutive wrong verification codes after the right first factor (seeds/000
  line 23: "an incorrect password or verification code"). Codes, not passwords, so that on CoinEx
  they count toward this lock and not toward the unfamiliar-device review lock (seeds/003 line 5),
  and so that accounts without a password (Google, Apple) can be locked the same way.
- ``review``: CoinEx's unfamiliar-location lock, which lifts only through a support review. Its
  cause through the screens is checked by CX-UNFAM-01; here it is seeded through the test API.
"""

from __future__ import annotations

import allure
import pyotp
from playwright.sync_api import expect

from pages import LoginPage, VerificationPage

ATTEMPTS_BEFORE_LOCK = 5  # seeds/000 line 23: "After 5 consecutive failed attempts"
LOCK_MINUTES = 30  # seeds/000 line 23: "locked for 30 minutes"

# Pionex documents one lock; CoinEx has both (the review lock is seeds/003 line 5).
LOCK_CASES = [("pionex", "attempts"), ("coinex", "attempts"), ("coinex", "review")]
LOCK_IDS = ["pionex-5-failures", "coinex-5-failures", "coinex-review"]


def wrong_authenticator_code(secret: str, now) -> str:
    """A 6-digit code that no authenticator step near ``now`` produces."""
    totp = pyotp.TOTP(secret)
    step = totp.timecode(now)
    near = {totp.generate_otp(s) for s in range(step - 2, step + 3)}
    return next(code for code in (f"{n:06d}" for n in range(10**6)) if code not in near)


def password_first(account):
    return lambda page: LoginPage(page).open().login(account.email, account.password)


def lock(kind: str, page, account, exchange, first_factor=None) -> None:
    """Lock ``account``; for ``attempts``, ``first_factor(page)`` brings ``page`` to the code step
    (default: the login form with the password). The account needs an authenticator bound."""
    if kind == "review":
        with allure.step(f"Lock account {account.id} for a support review (seeded through the test API)"):
            exchange.api.coinex_review_lock(account.id)
        return
    with allure.step(f"Lock account {account.id}: {ATTEMPTS_BEFORE_LOCK} wrong authenticator codes in a row"):
        (first_factor or password_first(account))(page)
        verification = VerificationPage(page)
        for _ in range(ATTEMPTS_BEFORE_LOCK):
            verification.assert_current()
            verification.submit_code(wrong_authenticator_code(account.totp_secret, exchange.api.now()))
        expect(LoginPage(page).lock_message).to_be_visible()


def still_locked(state: dict, kind: str) -> bool:
    return bool(state["review_locked"]) if kind == "review" else state["locked_until"] is not None
