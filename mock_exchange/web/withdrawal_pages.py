"""Withdraw USDT, verified with the codes of the account's bound factors.

While a withdrawal hold runs (after a password reset, an unbind or an e-mail change), the page
says until when and every withdrawal is refused with the reason (seeds/001 lines 18, 28, 55).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from fastapi import APIRouter, Request
from starlette.concurrency import run_in_threadpool

from ..models import Account, Withdrawal
from ..notices import account_banners
from ..withdrawal_hold import active_hold
from .forms import checked_form
from .rendering import TEMPLATES, render
from .step_codes import check_codes, send_codes, signed_in, to_login, wrong_codes_message
from .visit import visit_of

router = APIRouter()
PURPOSE = "withdraw"
TEMPLATE = "withdraw.html"


def withdrawal_factors(account: Account) -> list[str]:
    """The bound factors; an account with none confirms with a code to its e-mail (or phone)."""
    factors = []
    if account.email_2fa and account.email:
        factors.append("email")
    if account.sms_2fa and account.phone:
        factors.append("sms")
    if account.totp_secret:
        factors.append("totp")
    if not factors:
        factors.append("email" if account.email else "sms")
    return factors


def _banners_for_template(request: Request, account: Account):
    visit = visit_of(request)
    return account_banners(visit.exchange, account, visit.now)


TEMPLATES.env.globals["account_banners_for"] = _banners_for_template


def _page(request: Request, account: Account, status_code: int = 200, **context):
    visit = visit_of(request)
    return render(request, TEMPLATE, status_code, account=account, factors=withdrawal_factors(account),
                  hold=active_hold(visit.db, account.id, visit.now), **context)


@router.get("/withdraw")
def withdraw_page(request: Request):
    account = signed_in(request)
    if account is None:
        return to_login()
    return _page(request, account)


@router.post("/withdraw/codes")
async def withdraw_send_codes(request: Request):
    await checked_form(request)
    return await run_in_threadpool(_send, request)


def _send(request: Request):
    visit = visit_of(request)
    account = signed_in(request)
    if account is None:
        return to_login()
    channels = [c for c in withdrawal_factors(account) if c != "totp"]
    send_codes(visit, account, PURPOSE, channels)
    return _page(request, account, codes_sent=channels)


@router.post("/withdraw")
async def withdraw_submit(request: Request):
    form = await checked_form(request)
    return await run_in_threadpool(_withdraw, request, form)


def _withdraw(request: Request, form: dict[str, str]):
    visit = visit_of(request)
    account = signed_in(request)
    if account is None:
        return to_login()
    address, raw_amount = form.get("address", ""), form.get("amount", "")
    keep = {"address": address, "amount": raw_amount}
    hold = active_hold(visit.db, account.id, visit.now)
    if hold is not None:
        return _page(request, account, 403, **keep, error=(
            "withdraw.held", f"Withdrawal refused: withdrawals are suspended until {hold.until_text} because "
                             f"{hold.reason_text}."))
    if not (8 <= len(address) <= 128) or not address.isalnum():
        return _page(request, account, 400, **keep, error=(
            "withdraw.address_invalid", "Enter the destination address: 8 to 128 letters and digits."))
    try:
        amount = Decimal(raw_amount)
    except InvalidOperation:
        amount = None
    if amount is None or not amount.is_finite() or amount <= 0 or amount.as_tuple().exponent < -8:
        return _page(request, account, 400, **keep, error=(
            "withdraw.amount_invalid", "Enter an amount greater than 0, with at most 8 decimals."))
    if amount > (account.balance_usdt or 0):
        return _page(request, account, 400, **keep, error=(
            "withdraw.insufficient", "The amount is more than your balance."))
    checked = check_codes(visit, account, PURPOSE, withdrawal_factors(account), form)
    if not checked.all_right:
        return _page(request, account, 401, **keep, error=("withdraw.invalid_code", wrong_codes_message(checked.wrong)))
    checked.burn(visit, account)
    account.balance_usdt = (account.balance_usdt or 0) - amount
    visit.db.add(Withdrawal(account_id=account.id, address=address, amount_usdt=amount, created_at=visit.now))
    return _page(request, account, done=amount, address=address)
