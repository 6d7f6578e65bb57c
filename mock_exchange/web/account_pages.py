"""The signed-in account overview: login e-mail and balance."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from sqlalchemy import select

from ..models import TradingBot
from .json_api import SERVICE_TAG, Health
from .rendering import render
from .visit import visit_of

router = APIRouter()


@router.get("/")
def home(request: Request):
    target = "/account" if visit_of(request).signed_in_account() else "/login"
    return RedirectResponse(target, status_code=303)


@router.get("/account")
def account_page(request: Request):
    account = visit_of(request).signed_in_account()
    if account is None:
        return RedirectResponse("/login", status_code=303)
    bots = visit_of(request).db.scalars(
        select(TradingBot).where(TradingBot.account_id == account.id).order_by(TradingBot.id)
    ).all()
    return render(request, "account.html", account=account, bots=bots)


@router.get("/healthz", tags=[SERVICE_TAG], response_model=Health)
def health():
    return {"status": "ok"}
