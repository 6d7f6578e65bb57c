"""Test API for recovery and security settings: agents, reviews, holds, re-use blocks.

Seeds the state a suite test is not about (a reset, an unbind, a review) through the same
functions the screens use, and lets a test decide reviews without the back-office UI.
Loopback only, like the rest of /__test__/.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Query
from pydantic import BaseModel, Field
from sqlalchemy import select

from .. import reuse_block
from ..models import Account, Review, SupportAgent
from ..identities import account_for_email
from ..sessions import COOKIE_NAME
from ..passwords import hash_password, verify_password
from ..security_changes import change_email, decide_review, open_review, reset_password, unbind_channel
from ..withdrawal_hold import active_hold
from .dependencies import CurrentVisit
from .forms import email_problem, normalize_email
from .test_api import DB_INT_MAX, EMAIL, AccountId, DbInt, UtcDateTime, loopback_only, refusals
from .visit import Visit

router = APIRouter(prefix="/__test__", dependencies=[Depends(loopback_only)], tags=["test API: recovery"],
                   responses=refusals())
ReviewId = Annotated[int, Path(ge=1, le=DB_INT_MAX)]


class Agent(BaseModel):
    id: int
    email: str


class Hold(BaseModel):
    hold_until: UtcDateTime


class PasswordMatch(BaseModel):
    matches: bool


class SecurityState(BaseModel):
    email: str | None
    phone: str | None
    email_2fa: bool
    sms_2fa: bool
    totp_bound: bool
    withdrawal_hold_until: UtcDateTime | None
    balance_usdt: str


class ReuseBlock(BaseModel):
    blocked_until: UtcDateTime | None


def _account(visit: Visit, account_id: int) -> Account:
    account = visit.db.get(Account, account_id)
    if account is None:
        raise HTTPException(404, "no such account")
    return account


class AgentSeed(BaseModel):
    email: str = Field(max_length=254, pattern=EMAIL)
    password: str = Field(min_length=8, max_length=128)
    name: str = Field(default="Support agent", max_length=100)


@router.post("/agents", status_code=201, response_model=Agent, responses=refusals(409))
def seed_agent(seed: AgentSeed, visit: CurrentVisit):
    email = seed.email.strip().lower()
    if visit.db.scalar(select(SupportAgent).where(SupportAgent.email == email)) is not None:
        raise HTTPException(409, "that agent exists")
    agent = SupportAgent(email=email, name=seed.name, password_hash=hash_password(seed.password),
                         created_at=visit.now)
    visit.db.add(agent)
    visit.db.flush()
    return {"id": agent.id, "email": agent.email}


class ReviewView(BaseModel):
    id: int
    kind: str
    status: str
    account_id: int | None
    submitted_at: UtcDateTime
    due_on: date
    identity_verified: bool


def _view(review: Review) -> ReviewView:
    return ReviewView(id=review.id, kind=review.kind, status=review.status, account_id=review.account_id,
                      submitted_at=review.submitted_at, due_on=review.due_on,
                      identity_verified=review.identity_verified_at is not None)


@router.get("/reviews", response_model=list[ReviewView])
def list_reviews(visit: CurrentVisit, account_id: Annotated[int | None, Query(ge=1, le=DB_INT_MAX)] = None):
    query = select(Review).order_by(Review.id)
    if account_id is not None:
        query = query.where(Review.account_id == account_id)
    return [_view(r) for r in visit.db.scalars(query)]


class ReviewSeed(BaseModel):
    kind: Literal["lost_authenticator", "phone_unbind", "account_lookup"]
    account_id: DbInt | None = None
    details: dict[str, str | bool | None] = Field(default_factory=dict)
    contact_email: str | None = Field(default=None, max_length=254, pattern=EMAIL)


@router.post("/reviews", response_model=ReviewView, status_code=201, responses=refusals(404))
def seed_review(seed: ReviewSeed, visit: CurrentVisit):
    account = _account(visit, seed.account_id) if seed.account_id is not None else None
    review = open_review(visit.exchange, visit.db, seed.kind, account, visit.now, seed.details, seed.contact_email)
    return _view(review)


class Decision(BaseModel):
    approve: bool
    note: str | None = Field(default=None, max_length=1000)


@router.post("/reviews/{review_id}/decide", response_model=ReviewView, responses=refusals(404, 409))
def decide(review_id: ReviewId, decision: Decision, visit: CurrentVisit):
    review = visit.db.get(Review, review_id)
    if review is None:
        raise HTTPException(404, "no such review")
    if review.status != "pending":
        raise HTTPException(409, "already decided")
    decide_review(visit.exchange, visit.db, review, decision.approve, visit.now, note=decision.note)
    return _view(review)


class NewPassword(BaseModel):
    password: str = Field(min_length=1, max_length=128)


@router.post("/accounts/{account_id}/reset-password", response_model=Hold, responses=refusals(404))
def seed_reset(account_id: AccountId, body: NewPassword, visit: CurrentVisit):
    hold = reset_password(visit.exchange, visit.db, _account(visit, account_id), body.password, visit.now)
    return {"hold_until": hold.until}


@router.post("/accounts/{account_id}/password-check", response_model=PasswordMatch, responses=refusals(404))
def password_check(account_id: AccountId, body: NewPassword, visit: CurrentVisit):
    return {"matches": verify_password(_account(visit, account_id).password_hash, body.password)}


class Unbind(BaseModel):
    channel: Literal["email", "sms"]


@router.post("/accounts/{account_id}/unbind", response_model=Hold, responses=refusals(404))
def seed_unbind(account_id: AccountId, body: Unbind, visit: CurrentVisit):
    hold = unbind_channel(visit.exchange, visit.db, _account(visit, account_id), body.channel, visit.now)
    return {"hold_until": hold.until}


class SignedInSession(BaseModel):
    cookie_name: str
    token: str


@router.post("/accounts/{account_id}/sessions", response_model=SignedInSession, status_code=201,
             responses=refusals(404))
def start_signed_in_session(account_id: AccountId, visit: CurrentVisit):
    """A signed-in session, as the login page and its verification step leave one, for tests that
    are not about logging in: the harness puts the token in the browser's cookie jar. It records
    no device and sends no login notice (tests about those sign in through the page)."""
    account = _account(visit, account_id)
    handle = visit.exchange.sessions.start(visit.db, visit.now, account_id=account.id)
    return {"cookie_name": COOKIE_NAME, "token": handle.new_token}


class NewEmail(BaseModel):
    new_email: str = Field(max_length=254, pattern=EMAIL)


@router.post("/accounts/{account_id}/change-email", response_model=Hold, responses=refusals(404, 409))
def seed_change_email(account_id: AccountId, body: NewEmail, visit: CurrentVisit):
    """The change the page makes after its codes, without the codes: the same address rules."""
    account = _account(visit, account_id)
    email = normalize_email(body.new_email)
    if problem := email_problem(email):
        raise HTTPException(422, problem)
    owner = account_for_email(visit.db, email)
    if owner is not None and owner.id != account.id:
        raise HTTPException(409, "that e-mail already signs in to another account")
    hold = change_email(visit.exchange, visit.db, account, email, visit.now)
    return {"hold_until": hold.until}


@router.get("/accounts/{account_id}/security", response_model=SecurityState, responses=refusals(404))
def security_state(account_id: AccountId, visit: CurrentVisit):
    account = _account(visit, account_id)
    hold = active_hold(visit.db, account.id, visit.now)
    return {
        "email": account.email, "phone": account.phone, "email_2fa": account.email_2fa,
        "sms_2fa": account.sms_2fa, "totp_bound": account.totp_secret is not None,
        "withdrawal_hold_until": hold.until if hold else None,
        "balance_usdt": str(account.balance_usdt),
    }


@router.get("/reuse-blocks", response_model=ReuseBlock)
def reuse_state(visit: CurrentVisit, email: str | None = None, phone: str | None = None):
    return {"blocked_until": reuse_block.blocked_until(visit.db, visit.now, email=email, phone=phone)}
