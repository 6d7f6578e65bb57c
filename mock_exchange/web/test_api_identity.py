"""Test API for CoinEx flows: KYC level and question facts, seeded resets, review
locks, identity tickets, and the mobile-reset flags. Loopback only, like the rest of /__test__/."""

from __future__ import annotations

from decimal import Decimal

from fastapi import APIRouter, Depends, HTTPException
from pydantic import BaseModel, Field
from sqlalchemy import select

from ..kyc import profile_of
from ..mobile_reset import reset_mobile
from ..models import Account, SupportTicket
from ..security_changes import open_review
from ..withdrawal_hold import active_hold
from .dependencies import CurrentVisit
from .test_api import AccountId, UtcDateTime, loopback_only, refusals
from .visit import Visit

router = APIRouter(prefix="/__test__/coinex", dependencies=[Depends(loopback_only)], tags=["test API: CoinEx"],
                   responses=refusals(404))


class Profile(BaseModel):
    kyc_level: int
    holdings: str
    question_failures: int
    mobile_reset_at: UtcDateTime | None
    phone: str | None
    sms_2fa: bool
    totp_bound: bool
    review_locked: bool
    unfamiliar_failures: int
    withdrawal_hold_until: UtcDateTime | None


class Hold(BaseModel):
    hold_until: UtcDateTime


class ReviewLock(BaseModel):
    review_locked: bool


class Ticket(BaseModel):
    reference: str
    contact: str
    topic: str
    description: str
    error_message: str | None
    steps_tried: str | None
    device: str | None
    client_version: str | None
    status: str


class SeededReview(BaseModel):
    id: int
    kind: str
    status: str


def _account(visit: Visit, account_id: int) -> Account:
    account = visit.db.get(Account, account_id)
    if account is None:
        raise HTTPException(404, "no such account")
    return account


class ProfileSeed(BaseModel):
    kyc_level: int | None = Field(default=None, ge=0, le=2)
    holdings: list[str] | None = Field(default=None, max_length=10)
    last_deposit_usdt: Decimal | None = Field(default=None, ge=0, le=Decimal("1e15"))
    question_failures: int | None = Field(default=None, ge=0, le=10)


@router.post("/accounts/{account_id}/profile", response_model=Profile)
def seed_profile(account_id: AccountId, seed: ProfileSeed, visit: CurrentVisit):
    profile = profile_of(visit.db, _account(visit, account_id))
    if seed.kyc_level is not None:
        profile.kyc_level = seed.kyc_level
    if seed.holdings is not None:
        profile.holdings = ",".join(c.strip().upper()[:10] for c in seed.holdings)
    if seed.last_deposit_usdt is not None:
        profile.last_deposit_usdt = seed.last_deposit_usdt
    if seed.question_failures is not None:
        profile.question_failures = seed.question_failures
    return profile_view(account_id, visit)


@router.get("/accounts/{account_id}/profile", response_model=Profile)
def profile_view(account_id: AccountId, visit: CurrentVisit):
    account = _account(visit, account_id)
    profile = profile_of(visit.db, account)
    hold = active_hold(visit.db, account.id, visit.now)
    return {"kyc_level": profile.kyc_level, "holdings": profile.holdings,
            "question_failures": profile.question_failures, "mobile_reset_at": profile.mobile_reset_at,
            "phone": account.phone, "sms_2fa": account.sms_2fa,
            "totp_bound": account.totp_secret is not None, "review_locked": account.review_locked,
            "unfamiliar_failures": account.unfamiliar_failures,
            "withdrawal_hold_until": hold.until if hold else None}


@router.post("/accounts/{account_id}/mobile-reset", response_model=Hold)
def seed_mobile_reset(account_id: AccountId, visit: CurrentVisit):
    hold = reset_mobile(visit.exchange, visit.db, _account(visit, account_id), visit.now)
    return {"hold_until": hold.until}


@router.post("/accounts/{account_id}/review-lock", response_model=ReviewLock)
def seed_review_lock(account_id: AccountId, visit: CurrentVisit):
    account = _account(visit, account_id)
    account.review_locked = True
    account.unfamiliar_failures = visit.brand.policy.unfamiliar_failure_threshold
    return {"review_locked": True}


@router.get("/tickets", response_model=list[Ticket])
def tickets(visit: CurrentVisit, contact: str | None = None):
    query = select(SupportTicket).order_by(SupportTicket.id)
    if contact:
        query = query.where(SupportTicket.contact == contact)
    return [{"reference": t.reference, "contact": t.contact, "topic": t.topic, "description": t.description,
             "error_message": t.error_message, "steps_tried": t.steps_tried, "device": t.device,
             "client_version": t.client_version, "status": t.status}
            for t in visit.db.scalars(query)]


class CoinexReviewSeed(BaseModel):
    kind: str = Field(pattern="^(mobile_reset_biometric|mobile_reset_documents|unlock_account|disable_2fa)$")
    details: dict[str, str | bool | None] = Field(default_factory=dict)


@router.post("/accounts/{account_id}/reviews", status_code=201, response_model=SeededReview)
def seed_review(account_id: AccountId, seed: CoinexReviewSeed, visit: CurrentVisit):
    account = _account(visit, account_id)
    review = open_review(visit.exchange, visit.db, seed.kind, account, visit.now, seed.details, account.email)
    return {"id": review.id, "kind": review.kind, "status": review.status}
