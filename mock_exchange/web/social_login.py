"""Our side of "Continue with Google / Apple": an OpenID Connect relying party.

Start: a fresh state, nonce and PKCE verifier are kept in the visitor's session. Callback: the
state must match; the code is exchanged over HTTP at the provider's token endpoint; the ID
token is verified against the provider's JWKS (signature, issuer, audience, expiry, nonce).
An identity seen for the first time becomes its own account, with no password (seeds/000:2,8).
"""

from __future__ import annotations

import hmac
import secrets
from urllib.parse import urlencode

from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import RedirectResponse
from sqlalchemy import select

from ..idp import PROVIDERS, pkce_challenge, verify_id_token
from ..models import Account
from .account_locks import lock_holding
from .auth_pages import held_lock_response
from .dependencies import CurrentVisit
from .login_state import sign_in_or_verify
from .rendering import platform_of, render
from .visit import Visit

router = APIRouter(prefix="/auth/{provider}")


def _declared(visit: Visit, provider: str) -> bool:
    """The brand offers this provider's sign-in ("google_login", "apple_login" in its profile)."""
    return provider in PROVIDERS and visit.brand.has(f"{provider}_login")


def _offered(request: Request, provider: str, visit: Visit) -> bool:
    if not _declared(visit, provider):
        return False
    return not (provider == "apple" and platform_of(request) == "android")  # seeds/000:6


@router.get("/start")
def start(request: Request, provider: str, visit: CurrentVisit):
    if not _offered(request, provider, visit):
        raise HTTPException(404)
    record = visit.ensure_session().record
    record.oauth_provider = provider
    record.oauth_state = secrets.token_urlsafe(24)
    record.oauth_nonce = secrets.token_urlsafe(24)
    record.oauth_verifier = secrets.token_urlsafe(48)
    base = str(request.base_url).rstrip("/")
    query = urlencode({
        "response_type": "code",
        "client_id": visit.exchange.oidc_client_id,
        "redirect_uri": f"{base}/auth/{provider}/callback",
        "scope": "openid email",
        "state": record.oauth_state,
        "nonce": record.oauth_nonce,
        "code_challenge": pkce_challenge(record.oauth_verifier),
        "code_challenge_method": "S256",
    })
    return RedirectResponse(f"{base}/idp/{provider}/authorize?{query}", status_code=303)


def _refuse(request: Request, provider: str, message_id: str, detail: str):
    name = PROVIDERS[provider].name if provider in PROVIDERS else "the provider"
    return render(request, "social_error.html", 400, provider_name=name, message_id=message_id, detail=detail)


@router.get("/callback")
def callback(request: Request, provider: str, visit: CurrentVisit):
    if not _declared(visit, provider):
        raise HTTPException(404)
    record = visit.session.record if visit.session else None
    expected = ((record.oauth_provider, record.oauth_state, record.oauth_nonce, record.oauth_verifier)
                if record else (None,) * 4)
    if record is not None:  # one use: a replayed callback finds nothing to match
        record.oauth_provider = record.oauth_state = record.oauth_nonce = record.oauth_verifier = None
    state = request.query_params.get("state", "")
    state = state if state.isascii() else ""  # compare_digest raises TypeError (a 500) on non-ASCII text
    if expected[0] != provider or not expected[1] or not hmac.compare_digest(expected[1], state):
        return _refuse(request, provider, "social.state_mismatch",
                       "The sign-in response did not match a sign-in started here.")
    if request.query_params.get("error"):
        return _refuse(request, provider, "social.cancelled", "Sign-in was cancelled at the provider.")
    return _complete(request, visit, provider, request.query_params.get("code", ""), expected[2], expected[3])


def _complete(request: Request, visit: Visit, provider: str, code: str, nonce: str, verifier: str):
    base = str(request.base_url).rstrip("/")
    issuer = f"{base}/idp/{provider}"
    try:
        answer = visit.exchange.http.post(f"{issuer}/token", data={
            "grant_type": "authorization_code",
            "code": code[:512],
            "redirect_uri": f"{base}/auth/{provider}/callback",
            "client_id": visit.exchange.oidc_client_id,
            "client_secret": visit.exchange.oidc_client_secret,
            "code_verifier": verifier,
        })
        if answer.status_code != 200:
            return _refuse(request, provider, "social.token_refused", "The provider refused the sign-in code.")
        jwks = visit.exchange.http.get(f"{issuer}/jwks").json()
        claims = verify_id_token(answer.json()["id_token"], jwks, issuer=issuer,
                                 client_id=visit.exchange.oidc_client_id, nonce=nonce, now=visit.now)
    except Exception as error:  # any failure to verify is a refusal, never a crash
        detail = f"The identity token could not be verified ({type(error).__name__})."
        return _refuse(request, provider, "social.token_invalid", detail)
    account = _account_for(visit, provider, claims)
    if (held := lock_holding(visit, account)) is not None:  # a locked account stays locked (SEC-LOCK-02)
        return held_lock_response(request, held, account.email or "")
    return sign_in_or_verify(visit, account)


def _account_for(visit: Visit, provider: str, claims: dict) -> Account:
    column = Account.google_sub if provider == "google" else Account.apple_sub
    account = visit.db.scalar(select(Account).where(column == claims["sub"]))
    if account is None:
        account = Account(registered_via=provider, email=str(claims.get("email", ""))[:254].lower() or None,
                          email_login=False, created_at=visit.now)
        setattr(account, f"{provider}_sub", claims["sub"])
        visit.db.add(account)
        visit.db.flush()
    return account
