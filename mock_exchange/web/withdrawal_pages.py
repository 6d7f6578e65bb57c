"""Withdraw USDT, verified with the codes of the account's bound factors.

While a withdrawal hold runs (after a password reset, an unbind or an e-mail change), the page
says until when and every withdrawal is refused with the reason (seeds/001 lines 18, 28, 55).
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from fastapi import APIRouter, Request

from sqlalchemy import select

from ..kyc import withdrawal_refusal as kyc_refusal
from ..models import Account, Passkey, Withdrawal
from ..notices import account_banners
from ..withdrawal_hold import active_hold
from .account_locks import lock_holding
from .dependencies import CurrentVisit, PostedForm, SignedIn
from .rendering import render
from .step_codes import check_codes, send_codes, wrong_codes_message
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


def account_banners_for(request: Request, account: Account):
    visit = visit_of(request)
    return account_banners(visit.exchange, account, visit.now)


def _page(request: Request, account: Account, status_code: int = 200, **context):
    visit = visit_of(request)
    return render(request, TEMPLATE, status_code, account=account, factors=withdrawal_factors(account),
                  hold=active_hold(visit.db, account.id, visit.now),
                  passkey_withdrawal=passkey_withdrawal_state(visit, account), **context)


def passkey_withdrawal_state(visit, account: Account) -> str:
    """none (no passkey), available, or unavailable (a passkey, but not all three factors bound).

    Seeds/002 line 18: passkey withdrawals need phone, e-mail and Google Authenticator all bound.
    """
    if not visit.db.scalar(select(Passkey.id).where(Passkey.account_id == account.id).limit(1)):
        return "none"
    all_bound = bool(account.email and account.email_2fa and account.phone and account.sms_2fa and account.totp_secret)
    return "available" if all_bound else "unavailable"


@router.get("/withdraw")
def withdraw_page(request: Request, account: SignedIn, visit: CurrentVisit):
    completed = request.query_params.get("completed", "")
    withdrawal = (visit.db.get(Withdrawal, int(completed))
                  if completed.isascii() and completed.isdigit() and len(completed) <= 18 else None)
    if withdrawal is not None and withdrawal.account_id == account.id:
        return _page(request, account, done=format(withdrawal.amount_usdt.normalize(), "f"), address=withdrawal.address)
    return _page(request, account)


@router.post("/withdraw/codes")
def withdraw_send_codes(request: Request, form: PostedForm, account: SignedIn, visit: CurrentVisit):
    channels = [c for c in withdrawal_factors(account) if c != "totp"]
    send_codes(visit, account, PURPOSE, channels)
    return _page(request, account, codes_sent=channels)


@router.post("/withdraw")
def withdraw_submit(request: Request, form: PostedForm, account: SignedIn, visit: CurrentVisit):
    address, raw_amount = form.get("address", ""), form.get("amount", "")
    keep = {"address": address, "amount": raw_amount}
    refusal, amount = withdrawal_refusal(visit, account, address, raw_amount)
    if refusal is not None:
        status, message_id, message = refusal
        return _page(request, account, status, **keep, error=(message_id, message))
    checked = check_codes(visit, account, PURPOSE, withdrawal_factors(account), form)
    if not checked.all_right:
        return _page(request, account, 401, **keep, error=("withdraw.invalid_code", wrong_codes_message(checked.wrong)))
    checked.burn(visit, account)
    record_withdrawal(visit, account, address, amount)
    return _page(request, account, done=amount, address=address)


def withdrawal_refusal(visit, account: Account, address: str, raw_amount: str):
    """Why this withdrawal cannot go ahead, as (status, message id, message), or None; and the amount.

    Shared by every way of confirming a withdrawal (codes or passkey), so a hold or a limit can
    never be skipped by choosing the other way.
    """
    if (held := lock_holding(visit, account)) is not None:
        return (423, "withdraw.locked", f"Withdrawal refused: {held.message}"), None
    hold = active_hold(visit.db, account.id, visit.now)
    if hold is not None:
        return (403, "withdraw.held", f"Withdrawal refused: withdrawals are suspended until {hold.until_text} "
                                      f"because {hold.reason_text}."), None
    if not (8 <= len(address) <= 128) or not (address.isascii() and address.isalnum()):
        return (400, "withdraw.address_invalid", "Enter the destination address: 8 to 128 letters and digits."), None
    try:  # ASCII only: Decimal() also reads other scripts' digits ("\u0663" is 3)
        amount = Decimal(raw_amount) if raw_amount.isascii() else None
    except InvalidOperation:
        amount = None
    if amount is None or not amount.is_finite() or amount <= 0 or amount.as_tuple().exponent < -8:
        return (400, "withdraw.amount_invalid", "Enter an amount greater than 0, with at most 8 decimals."), None
    if amount > (account.balance_usdt or 0):
        return (400, "withdraw.insufficient", "The amount is more than your balance."), None
    if (kyc_message := kyc_refusal(visit.brand, visit.db, account, amount)) is not None:  # CoinEx KYC levels
        return (403, "withdraw.kyc_level", kyc_message), None
    return None, amount


def record_withdrawal(visit, account: Account, address: str, amount: Decimal) -> Withdrawal:
    account.balance_usdt = (account.balance_usdt or 0) - amount
    withdrawal = Withdrawal(account_id=account.id, address=address, amount_usdt=amount, created_at=visit.now)
    visit.db.add(withdrawal)
    visit.db.flush()
    return withdrawal
