"""Bind Google Authenticator: a code to the e-mail/phone first, then the QR code and key, then a TOTP code.

Web (seeds/001 lines 62-69): Security -> Google Authenticator -> Set -> scan the QR code ->
enter the 6-digit code -> bound; keep the key. App (lines 70-76): the e-mail/SMS code comes
first, then the account name and key to copy. Safer reading: the e-mail/SMS code is required
on the web too, so a stolen session alone cannot bind an attacker's authenticator.
"""

from __future__ import annotations

from types import SimpleNamespace

import pyotp
import segno
from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from markupsafe import Markup

from .. import codes as second_factors
from .. import flow_state
from ..backup_codes import issue_backup_codes
from ..codes import new_totp_secret
from ..models import Account
from ..security_changes import bind_authenticator
from .dependencies import CurrentVisit, PostedForm, SignedIn
from .rendering import render
from .step_codes import check_codes, send_codes
from .visit import Visit, visit_of

router = APIRouter()
FLOW = "bind_authenticator"
PURPOSE = "bind_authenticator"
TEMPLATE = "security/bind_authenticator.html"


def identity_channel(account: Account) -> str:
    return "email" if account.email else "sms"


def account_label(brand, account: Account) -> str:
    """The account name to type into the authenticator: 'Pionex (your account)' (seeds/001 line 37)."""
    return f"{brand.name} ({account.email or account.phone})"


def _state(visit: Visit) -> dict:
    return flow_state.load(visit.db, visit.session, FLOW, visit.now)


def _page(request: Request, account: Account, status_code: int = 200, **context):
    visit = visit_of(request)
    state = _state(visit)
    channel = identity_channel(account)
    extra = {}
    if state.get("secret") and not account.totp_secret:
        secret = state["secret"]
        uri = pyotp.TOTP(secret).provisioning_uri(name=account.email or account.phone, issuer_name=visit.brand.name)
        qr_svg = segno.make(uri, error="m").svg_inline(scale=4, title="QR code to scan with Google Authenticator")
        extra = {"secret": secret, "otpauth_uri": uri, "label": account_label(visit.brand, account),
                 "qr_svg": Markup(qr_svg)}
    page_id = ("authenticator-bound" if account.totp_secret
               else ("authenticator-key" if extra else "authenticator-verify"))
    destination = account.email if channel == "email" else account.phone
    return render(request, TEMPLATE, status_code, page_id=page_id, channel=channel, destination=destination,
                  code_sent=state.get("code_sent", False), **extra, **context)


@router.get("/security/authenticator")
def authenticator_page(request: Request, account: SignedIn):
    return _page(request, account)


@router.post("/security/authenticator/send")
def send_identity_code(request: Request, form: PostedForm, account: SignedIn, visit: CurrentVisit):
    if account.totp_secret:
        return _page(request, account, 409, error=(
            "authenticator.already_bound", "Google Authenticator is already bound."))
    send_codes(visit, account, PURPOSE, [identity_channel(account)])
    flow_state.save(visit.db, visit.session, FLOW, {"code_sent": True}, visit.now)
    return RedirectResponse("/security/authenticator", status_code=303)


@router.post("/security/authenticator/verify")
def verify_identity_code(request: Request, form: PostedForm, account: SignedIn, visit: CurrentVisit):
    if account.totp_secret:
        return _page(request, account, 409, error=(
            "authenticator.already_bound", "Google Authenticator is already bound."))
    channel = identity_channel(account)
    checked = check_codes(visit, account, PURPOSE, [channel], form)
    if not checked.all_right:
        return _page(request, account, 401, error=(
            "authenticator.invalid_identity_code",
            "The verification code is wrong or has expired. Check the latest message and try again."))
    checked.burn(visit, account)
    flow_state.save(visit.db, visit.session, FLOW, {"code_sent": True, "secret": new_totp_secret()}, visit.now)
    return RedirectResponse("/security/authenticator", status_code=303)


@router.post("/security/authenticator/bind")
def bind(request: Request, form: PostedForm, account: SignedIn, visit: CurrentVisit):
    if account.totp_secret:
        return _page(request, account, 409, error=(
            "authenticator.already_bound", "Google Authenticator is already bound."))
    secret = _state(visit).get("secret")
    if not secret:
        return _page(request, account, 403, error=(
            "authenticator.identity_first", "First confirm it is you with the code we send to your e-mail or phone."))
    candidate = SimpleNamespace(totp_secret=secret, totp_last_step=None)
    step = second_factors.matching_totp_step(candidate, form.get("totp_code", ""), visit.now)
    if step is None:
        return _page(request, account, 400, error=(
            "authenticator.invalid_code",
            "That code does not match. Enter the current 6-digit code Google Authenticator shows for this key "
            "(check that your phone's clock is right)."))
    bind_authenticator(visit.exchange, visit.db, account, secret, step)
    flow_state.clear(visit.db, visit.session, FLOW)
    # CoinEx (seeds/003 line 6): backup codes are handed out with the authenticator, shown once.
    backup = (issue_backup_codes(visit.db, account, visit.now, visit.brand.policy.backup_code_count)
              if visit.brand.has("backup_codes") else None)
    return _page(request, account, done=True, backup_codes=backup)
