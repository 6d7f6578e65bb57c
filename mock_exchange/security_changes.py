"""Security changes as one place does them, for the screens, the back office and the test API.

Each change: notice to the address/number on file first, then the change, then its
consequences (24-hour withdrawal hold, 30-day re-use block of what was unbound).
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy.orm import Session

from . import reuse_block
from .business_days import add_business_days
from .exchange import Exchange
from .models import Account, Review
from .notices import notify_security_change, send_from_service
from .passwords import hash_password
from .withdrawal_hold import Hold, start_hold


def _hold(exchange: Exchange, db: Session, account: Account, now: datetime, reason: str) -> Hold:
    return start_hold(db, account.id, now, exchange.brand.policy.withdrawal_hold_hours, reason)


def reset_password(exchange: Exchange, db: Session, account: Account, new_password: str, now: datetime) -> Hold:
    notify_security_change(exchange, db, account, "Your login password is being reset")
    account.password_hash = hash_password(new_password)
    exchange.sessions.end_all_for(db, account.id, now)  # every other device signs in again
    return _hold(exchange, db, account, now, "password_reset")


def unbind_channel(exchange: Exchange, db: Session, account: Account, channel: str, now: datetime,
                   reason: str | None = None) -> Hold:
    """Remove the e-mail or SMS factor (the phone number or the e-mail address) from the account."""
    label = "SMS verification (your phone number)" if channel == "sms" else "E-mail verification"
    notify_security_change(exchange, db, account, f"{label} is being unbound from your account")
    days = exchange.brand.policy.reuse_block_days
    if channel == "sms":
        reuse_block.block(db, now, days, phone=account.phone)
        account.phone = None
        account.sms_2fa = False
    else:
        reuse_block.block(db, now, days, email=account.email)
        account.email = None
        account.email_2fa = False
        account.email_login = False
    return _hold(exchange, db, account, now, reason or f"unbind_{channel}")


def change_email(exchange: Exchange, db: Session, account: Account, new_email: str, now: datetime) -> Hold:
    notify_security_change(exchange, db, account, f"Your account e-mail is being changed to {new_email}")
    reuse_block.block(db, now, exchange.brand.policy.reuse_block_days, email=account.email)
    account.email = new_email
    return _hold(exchange, db, account, now, "change_email")


def bind_phone(exchange: Exchange, db: Session, account: Account, phone: str, now: datetime) -> None:
    notify_security_change(exchange, db, account, f"SMS verification is being bound to {phone}")
    account.phone = phone
    account.sms_2fa = True


def bind_email(exchange: Exchange, db: Session, account: Account, email: str, now: datetime) -> None:
    notify_security_change(exchange, db, account, f"E-mail verification is being bound to {email}")
    account.email = email
    account.email_2fa = True


def bind_authenticator(exchange: Exchange, db: Session, account: Account, secret: str, step: int) -> None:
    notify_security_change(exchange, db, account, "Google Authenticator is being bound to your account")
    account.totp_secret = secret
    account.totp_last_step = step


# --- reviews ---------------------------------------------------------------------------------

def open_review(exchange: Exchange, db: Session, kind: str, account: Account | None, now: datetime,
                details: dict, contact_email: str | None = None) -> Review:
    brand = exchange.brand
    review = Review(
        kind=kind,
        account_id=account.id if account else None,
        details=json.dumps(details),
        contact_email=contact_email,
        submitted_at=now,
        due_on=add_business_days(now.date(), brand.policy.review_business_days, brand.holidays),
    )
    db.add(review)
    db.flush()
    return review


def decide_review(exchange: Exchange, db: Session, review: Review, approve: bool, now: datetime,
                  agent_id: int | None = None, note: str | None = None) -> None:
    if review.status != "pending":
        raise ValueError("this review has already been decided")
    review.status = "approved" if approve else "rejected"
    review.decided_at = now
    review.decided_by = agent_id
    review.note = note
    account = db.get(Account, review.account_id) if review.account_id else None
    exchange.review_handlers[review.kind](exchange, db, review, account, approve, now)


def _decide_lost_authenticator(exchange, db, review, account, approve, now) -> None:
    brand = exchange.brand
    if account is None:
        return
    to = account.email
    if approve:
        if to:
            send_from_service(
                exchange, to, f"{brand.name}: your Google Authenticator reset request was approved",
                f"Your request #{review.id} was approved and Google Authenticator has been unbound from your "
                f"{brand.name} account.\n\nLog in now and bind Google Authenticator again (Security -> Google "
                f"Authenticator -> Set). For your security, withdrawals are suspended for "
                f"{brand.policy.withdrawal_hold_hours} hours.\n",
            )
        elif account.phone:
            exchange.sms.send(db, account.phone, f"[{brand.name}] Your Google Authenticator reset was approved. "
                                                 "Log in and bind it again.", notice=True)
        account.totp_secret = None
        account.totp_last_step = None
        _hold(exchange, db, account, now, "authenticator_reset")
    else:
        if to:
            send_from_service(
                exchange, to, f"{brand.name}: your Google Authenticator reset request was not approved",
                f"We could not approve request #{review.id}: the information given did not let us confirm that "
                f"you own the account. Your Google Authenticator stays bound.\n\nAlternatives:\n"
                f"- Restore the authenticator with the 16-character key you recorded when binding it "
                f"(Google Authenticator: + -> Enter a setup key, time based).\n"
                f"- Move it from your old phone (Transfer accounts -> Export accounts).\n"
                f"- Submit a new request with more account details, or write to {brand.service_email} "
                f"with a screenshot of the error.\n",
            )


def _decide_phone_unbind(exchange, db, review, account, approve, now) -> None:
    brand = exchange.brand
    if approve and account is not None and account.phone:
        unbind_channel(exchange, db, account, "sms", now, reason="support_unbind_phone")
    if review.contact_email:
        outcome = ("approved: the old phone number has been unbound. Log in with your e-mail and password."
                   if approve else "not approved: we could not verify your identity.")
        send_from_service(exchange, review.contact_email, f"{brand.name}: your phone unbinding request",
                          f"Your request #{review.id} was {outcome}\n")


def _decide_account_lookup(exchange, db, review, account, approve, now) -> None:
    brand = exchange.brand
    if approve and account is not None and account.email:
        send_from_service(
            exchange, account.email, f"{brand.name}: the address you registered with",
            f"You asked support which address your {brand.name} account uses. It is this one: {account.email}\n",
        )
    elif review.contact_email and not approve:
        send_from_service(exchange, review.contact_email, f"{brand.name}: your account look-up request",
                          f"We could not verify your identity for request #{review.id}, so we cannot look "
                          "the account up. Reply with more details about the account.\n")


# The decision of each review kind this module opens (kind -> handler(exchange, db, review,
# account, approve, now)); create_app gives the exchange these and CoinEx's (checklist_reviews).
REVIEW_HANDLERS = {
    "lost_authenticator": _decide_lost_authenticator,
    "phone_unbind": _decide_phone_unbind,
    "account_lookup": _decide_account_lookup,
}
