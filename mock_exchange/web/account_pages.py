"""The signed-in account overview: login e-mail and balance."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from sqlalchemy import select

from ..models import TradingBot
from .json_api import SERVICE_TAG, Health
from .dependencies import CurrentVisit, SignedIn
from .rendering import render

router = APIRouter()


@router.get("/")
def home(visit: CurrentVisit):
    target = "/account" if visit.signed_in_account() else "/login"
    return RedirectResponse(target, status_code=303)


@router.get("/account")
def account_page(request: Request, account: SignedIn, visit: CurrentVisit):
    bots = visit.db.scalars(
        select(TradingBot).where(TradingBot.account_id == account.id).order_by(TradingBot.id)
    ).all()
    return render(request, "account.html", account=account, bots=bots)


@router.get("/healthz", tags=[SERVICE_TAG], response_model=Health)
def health():
    return {"status": "ok"}
