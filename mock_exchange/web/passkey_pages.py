"""Passkeys: Security -> Passkey (create after the codes, list, remove) and login with one.

The browser side is static/passkeys.js; the ceremonies are in mock_exchange/passkeys.py.
"""

from __future__ import annotations

import json
from datetime import timedelta

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, RedirectResponse
from sqlalchemy import select
from webauthn.helpers import bytes_to_base64url

from .. import codes as second_factors
from ..clock import as_utc
from ..models import Account, Passkey
from ..passkeys import (
    RelyingParty,
    authentication_options,
    credential_id_of,
    registration_options,
    verify_assertion,
    verify_registration,
)
from .account_locks import lock_holding
from .dependencies import CurrentVisit, PostedForm, PostedJson, SignedIn
from .json_api import CREDENTIAL, NO_BODY, PublicKeyOptions, Redirect, fetch_endpoint
from .login_state import bound_factors, finish_sign_in, pending_account
from .rendering import render
from .visit import Visit, visit_of

router = APIRouter()
SETUP_WINDOW = timedelta(minutes=10)  # how long the codes entered for creating a passkey count
PURPOSE = "passkey_setup"
MAX_NAME = 60


def relying_party(request: Request) -> RelyingParty:
    visit = visit_of(request)
    origin = visit.exchange.public_origin or str(request.base_url).rstrip("/")
    return RelyingParty(origin=origin, name=visit.brand.name)


def passkeys_of(visit: Visit, account: Account) -> list[Passkey]:
    return list(visit.db.scalars(select(Passkey).where(Passkey.account_id == account.id).order_by(Passkey.id)))


def support_hint(visit: Visit) -> str:
    return (f"Try again. If it keeps failing, contact support at {visit.brand.service_email} "
            "with a screen recording of the steps.")


# --- Security -> Passkey ---------------------------------------------------------------------


@router.get("/security/passkeys")
def passkeys_page(request: Request, account: SignedIn, visit: CurrentVisit):
    return render(request, "passkeys.html", account=account, passkeys=passkeys_of(visit, account),
                  notice=request.query_params.get("notice"))


def _setup_factors(account: Account) -> list[str]:
    return [f for f in ("email", "sms", "totp") if f in bound_factors(account)]


@router.get("/security/passkeys/new")
def new_passkey_page(request: Request, account: SignedIn):
    """The code form only; the codes are sent by the POST below (no state change through GET)."""
    factors = _setup_factors(account)
    if not factors:
        return render(request, "passkey_new.html", 400, factors=[], error=(
            "passkey.no_factors",
            "Bind e-mail, SMS and Google Authenticator verification before creating a passkey."))
    return render(request, "passkey_new.html", factors=factors)


@router.post("/security/passkeys/new/start")
def start_new_passkey(form: PostedForm, account: SignedIn, visit: CurrentVisit):
    factors = _setup_factors(account)
    for channel in factors:
        if channel != "totp":
            code = visit.exchange.codes.issue(visit.db, account, PURPOSE, channel, visit.now)
            text = f"Your {visit.brand.name} code to create a passkey is {code}. If this was not you, contact support."
            if channel == "email":
                visit.exchange.mailer.send(account.email, f"{visit.brand.name}: confirm passkey creation", text)
            else:
                visit.exchange.sms.send(visit.db, account.phone, f"[{visit.brand.name}] {text}")
    return RedirectResponse("/security/passkeys/new", status_code=303)


@router.post("/security/passkeys/new")
def confirm_identity(request: Request, form: PostedForm, account: SignedIn, visit: CurrentVisit):
    factors = _setup_factors(account)
    found, step, right = [], None, bool(factors)
    for channel in factors:
        code = form.get(f"{channel}_code", "")
        if channel == "totp":
            step = second_factors.matching_totp_step(account, code, visit.now)
            right &= step is not None
        else:
            match = visit.exchange.codes.find_valid(visit.db, account, PURPOSE, channel, code, visit.now)
            found.append(match)
            right &= match is not None
    if not right:
        return render(request, "passkey_new.html", 401, factors=factors, error=(
            "passkey.invalid_code",
            "A code is wrong or has expired. Enter the e-mail, SMS and Google Authenticator codes."))
    for match in found:
        match.used_at = visit.now
    if step is not None:
        account.totp_last_step = step
    visit.session.record.passkey_setup_verified_at = visit.now
    name = (form.get("name") or "").strip()[:MAX_NAME] or f"Passkey {len(passkeys_of(visit, account)) + 1}"
    return render(request, "passkey_ceremony.html", name=name)


def _setup_verified(visit: Visit) -> bool:
    at = visit.session.record.passkey_setup_verified_at if visit.session else None
    return at is not None and visit.now - as_utc(at) < SETUP_WINDOW


@fetch_endpoint(router, "/security/passkeys/options", summary="Options to create a passkey (after the codes)",
                body=NO_BODY, ok=PublicKeyOptions, errors={403: "Not signed in, or the codes were not confirmed."})
def registration_options_endpoint(request: Request, body: PostedJson, visit: CurrentVisit):
    account = visit.signed_in_account()
    if account is None or not _setup_verified(visit):
        return JSONResponse({"error": "Confirm your codes first."}, status_code=403)
    options, challenge = registration_options(relying_party(request), account, passkeys_of(visit, account))
    visit.session.record.webauthn_challenge = challenge
    visit.session.record.webauthn_purpose = "register"
    return JSONResponse(content=json.loads(options))


def _take_challenge(visit: Visit, purpose: str) -> str | None:
    """The ceremony's challenge, once: a second use (a replay) finds none."""
    record = visit.session.record if visit.session else None
    if record is None or record.webauthn_purpose != purpose or not record.webauthn_challenge:
        return None
    challenge = record.webauthn_challenge
    record.webauthn_challenge = record.webauthn_purpose = None
    return challenge


@fetch_endpoint(router, "/security/passkeys/register", summary="Store the passkey the browser created",
                body={"type": "object", "properties": {"credential": CREDENTIAL, "name": {"type": "string"}}},
                ok=Redirect, errors={400: "The body is not a JSON object, the ceremony expired, or the passkey "
                                          "could not be verified.",
                                     403: "Not signed in, or the codes were not confirmed."})
def register(request: Request, body: PostedJson, visit: CurrentVisit):
    account = visit.signed_in_account()
    if account is None or not _setup_verified(visit):
        return JSONResponse({"error": "Confirm your codes first."}, status_code=403)
    challenge = _take_challenge(visit, "register")
    if challenge is None:
        return JSONResponse({"error": "This passkey request has expired. " + support_hint(visit)}, status_code=400)
    try:
        verified = verify_registration(relying_party(request), body.get("credential") or {}, challenge)
    except Exception as error:  # any verification failure is a refusal, never a crash
        message = f"The passkey could not be verified ({type(error).__name__}). {support_hint(visit)}"
        return JSONResponse({"error": message}, status_code=400)
    name = str(body.get("name") or "")[:MAX_NAME].strip() or f"Passkey {len(passkeys_of(visit, account)) + 1}"
    visit.db.add(Passkey(account_id=account.id, credential_id=bytes_to_base64url(verified.credential_id),
                         public_key=verified.credential_public_key, sign_count=verified.sign_count,
                         name=name, created_at=visit.now))
    visit.session.record.passkey_setup_verified_at = None
    if account.email:
        visit.exchange.mailer.send(account.email, f"{visit.brand.name}: a passkey was added",
                                   f"A passkey named {name!r} was added to your account. If this was not you, "
                                   f"contact {visit.brand.service_email} at once.")
    return JSONResponse({"redirect": "/security/passkeys?notice=created"})


@router.post("/security/passkeys/{passkey_id}/remove")
def remove(request: Request, form: PostedForm, passkey_id: int, account: SignedIn, visit: CurrentVisit):
    passkey = visit.db.get(Passkey, passkey_id)
    if passkey is None or passkey.account_id != account.id:
        return render(request, "passkeys.html", 404, account=account, passkeys=passkeys_of(visit, account),
                      notice=None, error=("passkey.not_found", "There is no such passkey on your account."))
    if account.email:
        visit.exchange.mailer.send(account.email, f"{visit.brand.name}: a passkey was removed",
                                   f"The passkey {passkey.name!r} was removed from your account.")
    visit.db.delete(passkey)
    return RedirectResponse("/security/passkeys?notice=removed", status_code=303)


def accept_assertion(request: Request, purpose: str, credential: dict,
                     account: Account | None = None) -> Passkey | None:
    """The passkey that signed this assertion for the ceremony in flight, or None when refused.

    The challenge is taken (single use) whatever happens; the signature, challenge, RP ID,
    origin, user verification and signature counter are all checked (mock_exchange/passkeys.py).
    With ``account``, only that account's passkeys count.
    """
    visit = visit_of(request)
    challenge = _take_challenge(visit, purpose)
    try:
        query = select(Passkey).where(Passkey.credential_id == credential_id_of(credential))
        passkey = visit.db.scalar(query if account is None else query.where(Passkey.account_id == account.id))
    except ValueError:
        passkey = None
    if challenge is None or passkey is None:
        return None
    try:
        passkey.sign_count = verify_assertion(relying_party(request), credential, challenge, passkey)
    except Exception:  # any verification failure is a refusal, never a crash
        return None
    passkey.last_used_at = visit.now
    return passkey


# --- login with a passkey --------------------------------------------------------------------


@fetch_endpoint(router, "/login/passkey/options", summary="Options to sign in with a passkey",
                body=NO_BODY, ok=PublicKeyOptions, errors={})
def login_options(request: Request, body: PostedJson, visit: CurrentVisit):
    options, challenge = authentication_options(relying_party(request))
    visit.session.record.webauthn_challenge = challenge
    visit.session.record.webauthn_purpose = "login"
    return JSONResponse(content=json.loads(options))


@fetch_endpoint(router, "/login/passkey", summary="Sign in with a passkey assertion",
                body={"type": "object", "properties": {"credential": CREDENTIAL}}, ok=Redirect,
                errors={401: "The passkey was not accepted.", 423: "The account is locked.",
                        503: "Maintenance: sign-in is refused until it ends."})
def login_with_passkey(request: Request, body: PostedJson, visit: CurrentVisit):
    refused = {"error": "The passkey was not accepted. " + support_hint(visit)}
    if visit.exchange.maintenance:
        return JSONResponse({"error": visit.exchange.maintenance_message()}, status_code=503)
    passkey = accept_assertion(request, "login", body.get("credential") or {})
    if passkey is None:
        return JSONResponse(refused, status_code=401)
    account = visit.db.get(Account, passkey.account_id)
    if (held := lock_holding(visit, account)) is not None:
        return JSONResponse({"error": held.message}, status_code=423)
    response = finish_sign_in(visit, account)
    return JSONResponse({"redirect": response.headers["location"]})


# --- a passkey as the verification tool after the password (CoinEx "Passkey", seeds/004) -----


@fetch_endpoint(router, "/login/verify/passkey/options", summary="Options for the passkey verification step",
                body=NO_BODY, ok=PublicKeyOptions, errors={403: "No sign-in waiting for a passkey."})
def verify_options(request: Request, body: PostedJson, visit: CurrentVisit):
    account = pending_account(visit)
    if account is None or visit.session.record.pending_channel != "passkey":
        return JSONResponse({"error": "Start again from the login page."}, status_code=403)
    options, challenge = authentication_options(relying_party(request), passkeys_of(visit, account))
    visit.session.record.webauthn_challenge = challenge
    visit.session.record.webauthn_purpose = "verify"
    return JSONResponse(content=json.loads(options))


@fetch_endpoint(router, "/login/verify/passkey", summary="Pass the verification step with a passkey",
                body={"type": "object", "properties": {"credential": CREDENTIAL}}, ok=Redirect,
                errors={401: "The passkey was not accepted.", 403: "No sign-in waiting for a passkey."})
def verify_with_passkey(request: Request, body: PostedJson, visit: CurrentVisit):
    account = pending_account(visit)
    refused = {"error": "The passkey was not accepted. " + support_hint(visit)}
    if account is None:
        return JSONResponse({"error": "Start again from the login page."}, status_code=403)
    if (held := lock_holding(visit, account)) is not None:  # evaluate nothing while locked
        return JSONResponse({"error": held.message}, status_code=423)
    if accept_assertion(request, "verify", body.get("credential") or {}, account) is None:
        visit.exchange.lockout.record_failure(visit.db, f"account:{account.id}", visit.now)
        return JSONResponse(refused, status_code=401)
    response = finish_sign_in(visit, account)
    return JSONResponse({"redirect": response.headers["location"]})
