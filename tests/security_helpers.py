"""Helpers for the HTTP-level tests of recovery and security settings."""

from __future__ import annotations

import re
from datetime import timedelta

import pyotp


def code_from(outbox, to: str, subject: str) -> str:
    mails = [body for (rcpt, subj, body) in outbox if rcpt == to and subject in subj]
    assert mails, f"no e-mail to {to} about {subject!r}: {[(r, s) for r, s, _ in outbox]}"
    return re.search(r"\b(\d{6})\b", mails[-1]).group(1)


def seed_account(seed, **fields) -> dict:
    email = fields.pop("email", None) or f"trader.{len(seed.made)}.{id(fields)}@example.com"
    response = seed.api.post(
        "/__test__/accounts",
        json={"email": email, "password": "Tangerine-Harbour-47-kites", **fields},
    )
    assert response.status_code == 201, response.text
    account = {**response.json(), "password": "Tangerine-Harbour-47-kites"}
    seed.made.append(account)
    return account


def sms_code(seed, phone: str, containing: str) -> str:
    messages = seed.api.get("/__test__/sms", params={"phone": phone}).json()
    bodies = [m["body"] for m in messages if containing in m["body"]]
    assert bodies, f"no SMS to {phone} containing {containing!r}"
    return re.search(r"\b(\d{6})\b", bodies[-1]).group(1)


def signed_in(new_visitor, account, clock):
    """Sign in through the one verification step (authenticator first, as the login asks)."""
    visitor = new_visitor()
    response = visitor.login(account["email"], account["password"])
    if response.headers["location"] == "/login/verify":
        clock.advance(timedelta(seconds=30))
        code = pyotp.TOTP(account["totp_secret"]).at(clock.now())
        assert visitor.submit("/login/verify", {"code": code}).headers["location"] == "/account"
    assert visitor.is_signed_in()
    return visitor


def totp_now(account, clock) -> str:
    clock.advance(timedelta(seconds=30))  # a step not used yet
    return pyotp.TOTP(account["totp_secret"]).at(clock.now())


def without_tokens(html: str) -> str:
    """The page with its per-session CSRF tokens (form fields and the meta tag) blanked."""
    return re.sub(r'(name="csrf_token" value="|name="csrf-token" content=")[^"]+"', r'\1TOKEN"', html)
