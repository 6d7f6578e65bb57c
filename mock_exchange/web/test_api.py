"""The test API under /__test__/: seed accounts, move the clock, read the SMS outbox.

It is mounted only when the server starts in test mode, and even then it answers only
loopback clients: anyone else gets the same 404 as for a path that does not exist.
"""

from __future__ import annotations

import ipaddress
from datetime import datetime, timedelta
from decimal import Decimal
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, HTTPException, Path, Request
from pydantic import AfterValidator, BaseModel, Field
from sqlalchemy import select, text

from ..clock import as_utc
from .. import account_seeding
from ..lockout import throttle_key
from ..models import Account, SmsMessage, WebSession
from .dependencies import CurrentVisit
from .json_api import ApiError

DB_INT_MAX = 2**63 - 1  # SQLite's INTEGER: larger ids are refused as invalid (422), not crashed on
AccountId = Annotated[int, Path(ge=1, le=DB_INT_MAX, description="an account id from POST /__test__/accounts")]
DbInt = Annotated[int, Field(ge=1, le=DB_INT_MAX)]
# E-mail addresses go into mail headers: no control characters or line breaks (a malformed address
# is still accepted, so tests can ask whether one is free).
EMAIL = r"^[^\x00-\x1f\x7f-\x9f\u2028\u2029]*$"
UtcDateTime = Annotated[datetime, AfterValidator(as_utc)]  # SQLite hands back naive times; all are UTC


def is_loopback(request: Request) -> bool:
    host = request.client.host if request.client else ""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def loopback_only(request: Request) -> None:
    """Defence in depth behind the app's middleware, which answers 404 before routing."""
    if not is_loopback(request):
        raise HTTPException(status_code=404, detail="Not Found")



def refusals(*extra: int) -> dict[int | str, dict]:
    """The documented error answers: 422 for an invalid request, plus the given codes."""
    texts = {400: "The body is not valid JSON.", 404: "No such account (or other object).",
             409: "Conflicts with what exists.",
             422: "A missing or invalid value (message id request.invalid)."}
    return {code: {"model": ApiError, "description": texts[code]} for code in sorted({400, 422, *extra})}


router = APIRouter(prefix="/__test__", dependencies=[Depends(loopback_only)], tags=["test API"],
                   responses=refusals())

Factor = Literal["email", "sms", "totp"]


class AccountSeed(BaseModel):
    registered_via: Literal["email", "phone", "google", "apple"] = "email"
    email: str | None = Field(default=None, max_length=254, pattern=EMAIL)
    phone: str | None = Field(default=None, max_length=32, description="E.164, e.g. +46701234567")
    password: str | None = Field(default=None, max_length=128)
    factors: list[Factor] = Field(default_factory=list, description="second factors to bind")
    totp_secret: str | None = Field(default=None, max_length=64)
    balance_usdt: Decimal = Field(default=Decimal("0"), ge=0, le=Decimal("1e15"))
    bots: list[str] = Field(default_factory=list, max_length=20, description="trading bot names")
    backup_codes: bool = Field(default=False, description="hand out a set of 2FA backup codes (returned once)")
    social_identity: str | None = Field(
        default=None, max_length=254,
        description="for google/apple accounts: the identity chosen at the provider (default: email)",
    )


class SeededAccount(BaseModel):
    id: int
    email: str | None
    phone: str | None
    totp_secret: str | None
    backup_codes: list[str] = Field(default_factory=list)


class AccountState(BaseModel):
    id: int
    email: str | None
    review_locked: bool = False
    failures: int
    locked_until: UtcDateTime | None
    live_sessions: int


class ClockMove(BaseModel):
    seconds: float = Field(ge=0, le=10 * 365 * 24 * 3600)


class ClockReading(BaseModel):
    now: UtcDateTime
    offset_seconds: float
    paused: bool


class Sms(BaseModel):
    phone: str
    body: str
    sent_at: UtcDateTime


@router.post("/accounts", response_model=SeededAccount, status_code=201, responses=refusals(409))
def seed_account(seed: AccountSeed, visit: CurrentVisit):
    if not seed.email and not seed.phone:
        raise HTTPException(422, "an account needs an e-mail or a phone number")
    subject = None
    if seed.registered_via in ("google", "apple"):
        provider = visit.exchange.providers[seed.registered_via]
        subject = provider.subject_for((seed.social_identity or seed.email or "").strip().lower())
    try:
        seeded = account_seeding.seed_account(visit.db, account_seeding.AccountSeed(
            registered_via=seed.registered_via, email=seed.email, phone=seed.phone, password=seed.password,
            factors=tuple(seed.factors), totp_secret=seed.totp_secret, balance_usdt=seed.balance_usdt,
            bots=tuple(seed.bots), backup_codes=seed.backup_codes, social_subject=subject,
        ), visit.now, visit.brand.policy.backup_code_count)
    except account_seeding.SeedConflict as conflict:
        raise HTTPException(409, str(conflict)) from None
    account = seeded.account
    return SeededAccount(id=account.id, email=account.email, phone=account.phone, totp_secret=account.totp_secret,
                         backup_codes=seeded.backup_codes)


@router.get("/accounts/{account_id}", response_model=AccountState, responses=refusals(404))
def account_state(account_id: AccountId, visit: CurrentVisit):
    account = visit.db.get(Account, account_id)
    if account is None:
        raise HTTPException(404, "no such account")
    lock = visit.exchange.lockout.state(visit.db, throttle_key(account, account.email or ""))
    live = visit.db.scalars(
        select(WebSession).where(WebSession.account_id == account.id, WebSession.ended_at.is_(None))
    ).all()
    return AccountState(
        id=account.id,
        email=account.email,
        review_locked=account.review_locked,
        failures=lock.failures,
        locked_until=lock.locked_until,
        live_sessions=len(live),
    )


def _reading(clock) -> ClockReading:
    return ClockReading(now=clock.now(), offset_seconds=clock.offset.total_seconds(), paused=clock.paused)


@router.get("/clock", response_model=ClockReading)
def read_clock(visit: CurrentVisit):
    return _reading(visit.exchange.clock)


@router.post("/clock/advance", response_model=ClockReading)
def advance_clock(move: ClockMove, visit: CurrentVisit):
    clock = visit.exchange.clock
    clock.advance(timedelta(seconds=move.seconds))
    return _reading(clock)


@router.post("/clock/pause", response_model=ClockReading)
def pause_clock(visit: CurrentVisit):
    """Test mode: time stands still until the test moves it (boundaries hit exactly on a slow machine)."""
    clock = visit.exchange.clock
    clock.pause()
    return _reading(clock)


@router.post("/clock/resume", response_model=ClockReading)
def resume_clock(visit: CurrentVisit):
    """Time runs on from where it stood; it never moves back."""
    clock = visit.exchange.clock
    clock.resume()
    return _reading(clock)


@router.get("/sms", response_model=list[Sms])
def sms_outbox(visit: CurrentVisit, phone: str | None = None):
    db = visit.db
    query = select(SmsMessage).order_by(SmsMessage.id)
    if phone:
        query = query.where(SmsMessage.phone == phone)
    return [Sms(phone=m.phone, body=m.body, sent_at=as_utc(m.sent_at)) for m in db.scalars(query)]


class DatabaseSettings(BaseModel):
    """What the server's own database connections run with (SEC-DATA-01)."""

    journal_mode: str
    busy_timeout_ms: int


class ExchangeInfo(BaseModel):
    brand: str
    name: str
    service_email: str
    no_reply_email: str
    database: DatabaseSettings


@router.get("/info", response_model=ExchangeInfo)
def exchange_info(visit: CurrentVisit):
    """Which brand this deployment is, so a harness pointed at a URL can tell."""
    brand = visit.brand
    database = DatabaseSettings(journal_mode=visit.db.execute(text("PRAGMA journal_mode")).scalar(),
                                busy_timeout_ms=visit.db.execute(text("PRAGMA busy_timeout")).scalar())
    return ExchangeInfo(brand=brand.key, name=brand.name, service_email=brand.service_email,
                        no_reply_email=brand.no_reply_email, database=database)


class Maintenance(BaseModel):
    on: bool


@router.get("/maintenance", response_model=Maintenance)
def get_maintenance(visit: CurrentVisit):
    """Whether maintenance mode is on (a harness that did not switch it can ask)."""
    return Maintenance(on=visit.exchange.maintenance)


@router.post("/maintenance", response_model=Maintenance)
def set_maintenance(change: Maintenance, visit: CurrentVisit):
    """Switch maintenance mode: the login page shows a banner and refuses sign-in."""
    visit.exchange.maintenance = change.on
    return Maintenance(on=visit.exchange.maintenance)


class TokenTampering(BaseModel):
    claim: Literal["nonce", "aud", "iss", "sub"]
    value: str = Field(max_length=256)


@router.post("/idp/{provider}/tamper", status_code=204, response_model=None)
def tamper_next_token(provider: Literal["google", "apple"], change: TokenTampering, visit: CurrentVisit):
    """Make the mock provider put a wrong claim in its next ID token (a misbehaving provider)."""
    visit.exchange.providers[provider].next_token_overrides[change.claim] = change.value
