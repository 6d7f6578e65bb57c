"""Where a sign-in stands: password (or provider) passed, then one verification step, then in.

Seeds/001 line 4: with SMS or 2FA set up, the user is sent to a verification page for the SMS
code or the 2FA code. The step asks for one factor: the authenticator when one is bound (the
strongest), else the SMS code, else the e-mail code; a user waiting for an SMS may switch to
e-mail when e-mail verification is bound too (seeds/000 line 21).
"""

from __future__ import annotations

from fastapi.responses import RedirectResponse

from sqlalchemy import select

from .. import backup_codes, devices
from ..lockout import throttle_key
from ..models import Account, Passkey
from ..phones import display
from .visit import Visit

CHANNEL_LABELS = {"totp": "Google Authenticator", "sms": "SMS", "email": "e-mail", "passkey": "passkey",
                  "backup": "backup code"}


def bound_factors(account: Account) -> list[str]:
    factors = []
    if account.totp_secret:
        factors.append("totp")
    if account.sms_2fa and account.phone:
        factors.append("sms")
    if account.email_2fa and account.email:
        factors.append("email")
    return factors


def login_key(account: Account) -> str:
    return throttle_key(account, "")


def pending_account(visit: Visit) -> Account | None:
    if visit.session is None or visit.session.record.pending_account_id is None:
        return None
    return visit.db.get(Account, visit.session.record.pending_account_id)


def send_login_code(visit: Visit, account: Account, channel: str) -> None:
    brand = visit.brand
    code = visit.exchange.codes.issue(visit.db, account, "login", channel, visit.now)
    minutes = brand.policy.code_lifetime_minutes
    text = f"Your {brand.name} login verification code is {code}. It expires in {minutes} minutes. Never share it."
    if channel == "email":
        visit.exchange.mailer.send(account.email, f"{brand.name} login verification code", text)
    else:
        visit.exchange.sms.send(visit.db, account.phone, f"[{brand.name}] {text}")


def code_destination(account: Account, channel: str) -> str:
    return account.email if channel == "email" else display(account.phone or "")


def sign_in_or_verify(visit: Visit, account: Account) -> RedirectResponse:
    """The first factor has passed: finish, or start the verification step."""
    factors = bound_factors(account)
    if not factors:
        return finish_sign_in(visit, account)
    # Not a success yet: the failure count resets only when the whole sign-in succeeds, or a
    # password holder would get unlimited code guesses, four at a time.
    visit.session = visit.exchange.sessions.rotate(visit.db, visit.session, visit.now, account_id=None)
    visit.session.record.pending_account_id = account.id
    visit.session.record.pending_channel = factors[0]
    if factors[0] != "totp":
        send_login_code(visit, account, factors[0])
    return RedirectResponse("/login/verify", status_code=303)


def switch_options(visit: Visit, account: Account, current: str) -> list[str]:
    """The other ways to pass the verification step from here.

    Pionex: SMS and e-mail stand in for each other (seeds/000 line 21); nobody switches away
    from the authenticator. CoinEx: "Switch verification tool" offers every other bound tool
    (seeds/004 line 54), and a backup code stands in for the authenticator (seeds/003 line 6).
    Everywhere, a passkey replaces the codes at login verification (seeds/002 line 2).
    """
    factors = bound_factors(account)
    if visit.brand.has("switch_verification_tool"):
        options = [f for f in factors if f != current]
        if "totp" in factors and backup_codes.unused_count(visit.db, account) and current != "backup":
            options.append("backup")
    else:
        options = [f for f in factors if f != current and f != "totp"] if current in ("sms", "email") else []
    if current != "passkey" and visit.db.scalar(select(Passkey.id).where(Passkey.account_id == account.id).limit(1)):
        options.append("passkey")
    return options


def finish_sign_in(visit: Visit, account: Account) -> RedirectResponse:
    visit.exchange.lockout.record_success(visit.db, login_key(account))
    account.unfamiliar_failures = 0
    devices.remember(visit.db, account, visit.ensure_device_id(), visit.now)
    visit.session = visit.exchange.sessions.rotate(visit.db, visit.session, visit.now, account_id=account.id)
    if visit.brand.has("login_notification") and account.email:
        visit.exchange.mailer.send(
            account.email,
            f"{visit.brand.name}: successful login",
            f"Your {visit.brand.name} account {account.email} signed in at {visit.now.strftime('%Y-%m-%d %H:%M')} UTC. "
            f"If this was not you, change your password and contact {visit.brand.service_email}.",
        )
    return RedirectResponse("/account", status_code=303)
