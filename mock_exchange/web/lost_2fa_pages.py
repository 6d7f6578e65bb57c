"""Lost Google Authenticator: after the password, "Lost 2-factor authentication?" -> identity check
-> a request in the back-office queue, reviewed within 3 business days (seeds/000 lines 14-15,
seeds/001 lines 38-47). The authenticator stays required until a reviewer approves.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse
from sqlalchemy import select

from .. import flow_state
from ..lockout import throttle_key
from ..models import Account, Review
from ..security_changes import open_review
from .dependencies import AnsweredEarly, CurrentVisit, PostedForm, SignInRequired
from .login_state import pending_account  # the account between the password and the code
from .rendering import render
from .step_codes import check_codes, send_codes
from .visit import Visit, visit_of

router = APIRouter()
FLOW = "lost_2fa"
PURPOSE = "lost_2fa"
TEMPLATE = "lost_2fa.html"
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def identity_channel(account: Account) -> str:
    return "email" if account.email else "sms"


def pending_request(visit: Visit, account: Account) -> Review | None:
    return visit.db.scalar(select(Review).where(
        Review.account_id == account.id, Review.kind == "lost_authenticator", Review.status == "pending"))


def _page(request: Request, account: Account, page_id: str = "lost-2fa", status_code: int = 200, **context):
    visit = visit_of(request)
    state = flow_state.load(visit.db, visit.session, FLOW, visit.now)
    channel = identity_channel(account)
    return render(request, TEMPLATE, status_code, page_id=page_id, channel=channel,
                  destination=account.email if channel == "email" else account.phone,
                  code_sent=state.get("code_sent", False), **context)


def _entry(visit: CurrentVisit) -> Account:
    """The account between its password and its code, if it has an authenticator to lose."""
    account = pending_account(visit)
    if account is None:
        raise SignInRequired()
    if not account.totp_secret:
        raise AnsweredEarly(RedirectResponse("/login/verify", status_code=303))
    return account


PendingAccount = Annotated[Account, Depends(_entry)]


@router.get("/login/lost-2fa")
def lost_2fa_page(request: Request, account: PendingAccount, visit: CurrentVisit):
    existing = pending_request(visit, account)
    if existing is not None:
        return _page(request, account, "lost-2fa-submitted", review=existing, already=True)
    return _page(request, account)


@router.post("/login/lost-2fa/send")
def lost_2fa_send(form: PostedForm, account: PendingAccount, visit: CurrentVisit):
    send_codes(visit, account, PURPOSE, [identity_channel(account)])
    flow_state.save(visit.db, visit.session, FLOW, {"code_sent": True}, visit.now)
    return RedirectResponse("/login/lost-2fa", status_code=303)


@router.post("/login/lost-2fa")
def lost_2fa_submit(request: Request, form: PostedForm, account: PendingAccount, visit: CurrentVisit):
    if pending_request(visit, account) is not None:
        return RedirectResponse("/login/lost-2fa", status_code=303)
    lockout, key = visit.exchange.lockout, throttle_key(account, "")
    if lockout.state(visit.db, key).is_locked(visit.now):
        return _page(request, account, status_code=423, error=(
            "lost2fa.locked", "Too many wrong codes: the account is locked for a while. Try again later."))
    month, balance, reason = form.get("registered_month", ""), form.get("balance_usdt", ""), form.get("reason", "")
    keep = {"registered_month": month, "balance_usdt": balance, "reason": reason}
    errors = []
    if not MONTH.match(month):
        errors.append("Enter the month you registered as YYYY-MM.")
    try:
        if Decimal(balance) < 0 or not Decimal(balance).is_finite():
            raise InvalidOperation
    except InvalidOperation:
        errors.append("Enter your approximate balance in USDT as a number (0 if you do not know).")
    if len(reason) > 1000:
        errors.append("Keep the description under 1000 characters.")
    if errors:
        return _page(request, account, status_code=400, error=("lost2fa.invalid", " ".join(errors)), **keep)
    checked = check_codes(visit, account, PURPOSE, [identity_channel(account)], form)
    if not checked.all_right:
        lockout.record_failure(visit.db, key, visit.now)
        return _page(request, account, status_code=401, error=(
            "lost2fa.invalid_code", "The verification code is wrong or has expired."), **keep)
    checked.burn(visit, account)
    review = open_review(visit.exchange, visit.db, "lost_authenticator", account, visit.now,
                         {"registered_month": month, "balance_usdt": balance, "reason": reason, "code_verified": True})
    brand = visit.brand
    if account.email:
        visit.exchange.mailer.send(
            account.email, f"{brand.name}: we received your Google Authenticator reset request",
            f"Request #{review.id} is in review. We review requests within {brand.policy.review_business_days} "
            f"business days (national holidays excluded), by {review.due_on:%A %d %B %Y}, "
            "and tell you the outcome by e-mail.\n")
    flow_state.clear(visit.db, visit.session, FLOW)
    # The sign-in does not go on: the user is not signed in, and the authenticator stays required.
    visit.session = visit.exchange.sessions.rotate(visit.db, visit.session, visit.now, account_id=None)
    return render(request, TEMPLATE, page_id="lost-2fa-submitted", review=review, account=None)
