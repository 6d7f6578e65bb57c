"""The verification step after the password: one code, resend after a cooldown, switch channel."""

from __future__ import annotations

from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse

from .. import backup_codes
from .. import codes as second_factors
from ..models import Account
from .account_locks import lock_holding
from .auth_pages import held_lock_response, locked_response
from .dependencies import CurrentVisit, PostedForm, SignInRequired
from .login_state import (
    CHANNEL_LABELS,
    code_destination,
    finish_sign_in,
    login_key,
    pending_account,
    send_login_code,
    switch_options,
)
from .rendering import render
from .visit import Visit, visit_of

router = APIRouter()


def _resend_wait_seconds(visit: Visit, account: Account, channel: str) -> int:
    if channel == "totp":
        return 0
    sent = visit.exchange.codes.last_issued_at(visit.db, account, "login", channel)
    if sent is None:
        return 0
    ready = sent + timedelta(seconds=visit.brand.policy.resend_cooldown_seconds)
    return max(0, int(-(-(ready - visit.now).total_seconds() // 1)))


def _render_step(request: Request, account: Account, status_code: int = 200, **context):
    visit = visit_of(request)
    channel = visit.session.record.pending_channel
    sends_codes = channel in ("sms", "email")
    return render(
        request,
        "verify.html",
        status_code,
        channel=channel,
        channel_label=CHANNEL_LABELS[channel],
        destination=code_destination(account, channel) if sends_codes else None,
        resend_in=_resend_wait_seconds(visit, account, channel) if sends_codes else 0,
        alternatives=switch_options(visit, account, channel),
        channel_labels=CHANNEL_LABELS,
        lost_2fa=channel == "totp" and visit.brand.has("lost_authenticator_form"),
        reset_available=visit.brand.has("mobile_reset"),
        **context,
    )


def _pending(visit: CurrentVisit) -> Account:
    """The account whose sign-in waits for this step; without one, back to the login page."""
    account = pending_account(visit)
    if account is None:
        raise SignInRequired()
    return account


Pending = Annotated[Account, Depends(_pending)]


@router.get("/login/verify")
def verify_page(request: Request, account: Pending):
    return _render_step(request, account)


@router.post("/login/verify")
def verify_submit(request: Request, form: PostedForm, account: Pending, visit: CurrentVisit):
    channel = visit.session.record.pending_channel
    lockout = visit.exchange.lockout
    key = login_key(account)
    identifier = account.email or account.phone or ""
    if (held := lock_holding(visit, account)) is not None:  # either lock, also one that came meanwhile
        visit.session = visit.exchange.sessions.rotate(visit.db, visit.session, visit.now, account_id=None)
        return held_lock_response(request, held, identifier)

    code = form.get("code", "")
    found = step = backup = None
    if channel == "passkey":
        return _render_step(request, account, 400, error=(
            "verify.use_passkey", "Use the passkey button, or switch to another tool."))
    if channel == "totp":
        step = second_factors.matching_totp_step(account, code, visit.now)
        passed = step is not None
    elif channel == "backup":
        backup = backup_codes.find_unused(visit.db, account, code)
        passed = backup is not None
    else:
        found = visit.exchange.codes.find_valid(visit.db, account, "login", channel, code, visit.now)
        passed = found is not None
    if not passed:
        state = lockout.record_failure(visit.db, key, visit.now)
        if state.is_locked(visit.now):
            visit.session = visit.exchange.sessions.rotate(visit.db, visit.session, visit.now, account_id=None)
            return locked_response(request, identifier, state.locked_until)
        left = lockout.attempts_left(state)
        message = f"The code is wrong or has expired. {left} attempt{'s' if left != 1 else ''} left."
        return _render_step(request, account, 401, error=("verify.invalid_code", message))
    if found is not None:
        found.used_at = visit.now
    if backup is not None:
        backup.used_at = visit.now
    if channel == "totp":
        account.totp_last_step = step
    return finish_sign_in(visit, account)


@router.post("/login/verify/resend")
def resend(request: Request, form: PostedForm, account: Pending, visit: CurrentVisit):
    channel = visit.session.record.pending_channel
    if channel not in ("sms", "email"):
        return _render_step(request, account, 400, error=(
            "verify.no_resend", "Nothing is sent for this tool; use your app, passkey or backup code."))
    wait = _resend_wait_seconds(visit, account, channel)
    if wait > 0:
        return _render_step(request, account, 429, error=(
            "verify.resend_too_soon", f"Wait {wait} seconds before asking for a new code."))
    send_login_code(visit, account, channel)
    return _render_step(request, account, notice=(
        "verify.code_resent",
        f"A new code was sent to {code_destination(account, channel)}. Earlier codes no longer work."))


@router.post("/login/verify/switch")
def switch_channel(request: Request, form: PostedForm, account: Pending, visit: CurrentVisit):
    wanted = form.get("channel", "")
    current = visit.session.record.pending_channel
    if wanted not in switch_options(visit, account, current):
        return _render_step(request, account, 400, error=(
            "verify.switch_refused", "That verification method is not available for this account."))
    visit.session.record.pending_channel = wanted
    if wanted in ("sms", "email") and _resend_wait_seconds(visit, account, wanted) == 0:
        send_login_code(visit, account, wanted)
    return RedirectResponse("/login/verify", status_code=303)
