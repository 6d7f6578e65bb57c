"""The back office: support agents log in and decide the review queue.

Agents have their own accounts (argon2 passwords) and their own session cookie, scoped to
/backoffice and apart from customers' sessions. The forms carry the page's CSRF token like
every other form. An agent sees an account's e-mail and phone only after recording that the
customer's identity checks passed, and can approve only then.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse
from sqlalchemy import select

from ..clock import as_utc
from ..checklist_reviews import CHECKLISTS as COINEX_CHECKLISTS, TITLES as COINEX_TITLES, checklist_context
from ..identity_checks import checks_for, identity_confirmed
from ..models import Account, BackofficeSession, Review, SupportAgent
from ..passwords import verify_password
from ..security_changes import decide_review
from .dependencies import CurrentVisit, PostedForm, SignInRequired
from .forms import normalize_email
from .rendering import render
from .visit import Visit, visit_of

router = APIRouter()
COOKIE = "backoffice_session"
IDLE = timedelta(minutes=60)
KIND_TITLES = {
    "lost_authenticator": "Google Authenticator reset",
    "phone_unbind": "Unbind a phone no longer in use",
    "account_lookup": "Forgotten registration e-mail/phone",
    **COINEX_TITLES,  # CoinEx review kinds (mobile reset, unlock, 2FA disable) keep theirs with them
}


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def current_agent(request: Request) -> SupportAgent | None:
    visit = visit_of(request)
    token = request.cookies.get(COOKIE)
    if not token or len(token) > 128:
        return None
    record = visit.db.get(BackofficeSession, _hash(token))
    if record is None or record.ended_at is not None:
        return None
    if visit.now - as_utc(record.last_seen_at) >= IDLE:
        record.ended_at = visit.now
        return None
    record.last_seen_at = visit.now
    return visit.db.get(SupportAgent, record.agent_id)


def to_agent_login() -> RedirectResponse:
    return RedirectResponse("/backoffice/login", status_code=303)


def signed_in_agent(request: Request) -> SupportAgent:
    """The signed-in support agent; without one (or after 60 idle minutes), off to the agent login."""
    agent = current_agent(request)
    if agent is None:
        raise SignInRequired("/backoffice/login")
    return agent


SignedInAgent = Annotated[SupportAgent, Depends(signed_in_agent)]


def _render(request: Request, template: str, status_code: int = 200, **context):
    context.setdefault("account", None)  # the customer nav is not the agent's
    return render(request, template, status_code, kind_titles=KIND_TITLES, **context)


@router.get("/backoffice/login")
def login_page(request: Request):
    return _render(request, "backoffice/login.html")


@router.post("/backoffice/login")
def login_submit(request: Request, form: PostedForm, visit: CurrentVisit):
    email, password = normalize_email(form.get("email", "")), form.get("password", "")
    if not email or not password:
        return _render(request, "backoffice/login.html", 400, email=email,
                       error="Enter your agent e-mail and password.")
    agent = visit.db.scalar(select(SupportAgent).where(SupportAgent.email == email))
    if not verify_password(agent.password_hash if agent else None, password):
        return _render(request, "backoffice/login.html", 401, email=email, error="Incorrect e-mail or password.")
    token = secrets.token_urlsafe(32)
    visit.db.add(BackofficeSession(id_hash=_hash(token), agent_id=agent.id, created_at=visit.now,
                                   last_seen_at=visit.now))
    response = RedirectResponse("/backoffice", status_code=303)
    response.set_cookie(COOKIE, token, httponly=True, samesite="strict", path="/backoffice",
                        secure=request.url.scheme == "https")
    return response


@router.post("/backoffice/logout")
def logout(request: Request, form: PostedForm, visit: CurrentVisit):
    token = request.cookies.get(COOKIE)
    if token:
        record = visit.db.get(BackofficeSession, _hash(token))
        if record is not None:
            record.ended_at = visit.now
    response = to_agent_login()
    response.delete_cookie(COOKIE, path="/backoffice")
    return response


@router.get("/backoffice")
def queue(request: Request, agent: SignedInAgent, visit: CurrentVisit):
    pending = visit.db.scalars(
        select(Review).where(Review.status == "pending").order_by(Review.submitted_at, Review.id)).all()
    return _render(request, "backoffice/queue.html", agent=agent, reviews=pending)


def show_review(request: Request, agent: SupportAgent, review: Review, status_code: int = 200, **context):
    visit = visit_of(request)
    account = visit.db.get(Account, review.account_id) if review.account_id else None
    revealed = account if review.identity_verified_at is not None else None
    if review.kind in COINEX_CHECKLISTS:  # a reviewer checklist instead of the identity checks
        context = {**checklist_context(visit.db, review), **context}
        details = {k: v for k, v in json.loads(review.details or "{}").items() if k != "checklist"}
        return _render(request, "backoffice/review.html", status_code, agent=agent, review=review,
                       details=details, checks=[], customer=revealed, **context)
    return _render(request, "backoffice/review.html", status_code, agent=agent, review=review,
                   details=json.loads(review.details or "{}"), checks=checks_for(visit.db, review),
                   customer=revealed, **context)


def _review(visit: Visit, review_id: int) -> Review:
    review = visit.db.get(Review, review_id)
    if review is None:
        raise HTTPException(404)
    return review


@router.get("/backoffice/reviews/{review_id}")
def review_page(request: Request, review_id: int, agent: SignedInAgent, visit: CurrentVisit):
    return show_review(request, agent, _review(visit, review_id))


@router.post("/backoffice/reviews/{review_id}/verify-identity")
def verify_identity(request: Request, review_id: int, form: PostedForm, agent: SignedInAgent, visit: CurrentVisit):
    review = _review(visit, review_id)
    if not identity_confirmed(visit.db, review):
        return show_review(request, agent, review, 409, error=(
            "backoffice.identity_not_verified",
            "The customer's details do not match the account's records: identity not verified. "
            "The account stays hidden; ask the customer for more details or reject."))
    review.identity_verified_at = visit.now
    return show_review(request, agent, review, notice="Identity verified. The account is shown below.")


@router.post("/backoffice/reviews/{review_id}/decision")
def decision(request: Request, review_id: int, form: PostedForm, agent: SignedInAgent, visit: CurrentVisit):
    review = _review(visit, review_id)
    choice, note = form.get("decision", ""), form.get("note", "")[:1000]
    if choice not in ("approve", "reject"):
        return show_review(request, agent, review, 400, error=(
            "backoffice.decision_missing", "Choose approve or reject."))
    if review.status != "pending":
        return show_review(request, agent, review, 409, error=(
            "backoffice.decided", "This request has already been decided."))
    if choice == "approve" and review.identity_verified_at is None:
        return show_review(request, agent, review, 409, error=(
            "backoffice.verify_first", "Verify the customer's identity before approving."))
    decide_review(visit.exchange, visit.db, review, choice == "approve", visit.now,
                  agent_id=agent.id, note=note or None)
    return show_review(request, agent, review, notice=f"Request #{review.id} {review.status}.")
