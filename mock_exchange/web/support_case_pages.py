"""Asking support for what self-service cannot do: a phone number no longer in use
(seeds/000 lines 16-17) and a forgotten registration e-mail or phone (lines 12-13).

The request lands in the back-office queue; support verifies the identity before looking the
account up or unbinding anything. The page says the same whether or not an account matches.
"""

from __future__ import annotations

import re

import phonenumbers
from fastapi import APIRouter, Request

from ..identities import account_for_email, account_for_phone
from ..security_changes import open_review
from .dependencies import CurrentVisit, PostedForm
from .forms import email_problem, normalize_email, parse_amount
from .rendering import render

router = APIRouter()
TOPICS = {"phone_gone": "phone_unbind", "forgot_account": "account_lookup"}
MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")


def _phone(value: str) -> str | None:
    try:
        parsed = phonenumbers.parse(value.strip(), None)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(parsed):
        return None
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def _page(request: Request, topic: str, status_code: int = 200, **context):
    return render(request, "support_case.html", status_code, topic=topic, page_id="support-case", **context)


@router.get("/support/case")
def support_case_page(request: Request, topic: str = "phone_gone"):
    return _page(request, topic if topic in TOPICS else "phone_gone")


@router.post("/support/case")
def support_case_submit(request: Request, form: PostedForm, visit: CurrentVisit):
    topic = form.get("topic", "")
    if topic not in TOPICS:
        return _page(request, "phone_gone", 400, error="Choose what you need help with.")
    contact = normalize_email(form.get("contact_email", ""))
    month, balance = form.get("registered_month", ""), form.get("balance_usdt", "")
    errors = []
    if problem := email_problem(contact):
        errors.append(f"Contact e-mail: {problem}")
    if not MONTH.match(month):
        errors.append("Enter the month you registered as YYYY-MM.")
    if parse_amount(balance) is None:
        errors.append("Enter your approximate balance in USDT as a number (0 if you do not know).")
    details = {"registered_month": month, "balance_usdt": balance}
    account = None
    if topic == "phone_gone":
        old_phone = _phone(form.get("old_phone", ""))
        if old_phone is None:
            errors.append("Enter the old phone number with its country code, like +46 70 123 45 67.")
        details["old_phone"] = old_phone
        details["account_email"] = contact
        account = account_for_email(visit.db, contact) if not email_problem(contact) else None
    else:
        remembered = form.get("remembered", "").strip()
        if remembered.startswith("+"):
            phone = _phone(remembered)
            account = account_for_phone(visit.db, phone) if phone else None
        elif remembered:
            account = account_for_email(visit.db, normalize_email(remembered))
        else:
            errors.append("Tell us any phone number or e-mail address you may have registered with.")
        details["remembered"] = remembered
    if errors:
        return _page(request, topic, 400, error=" ".join(errors), values=form)
    review = open_review(visit.exchange, visit.db, TOPICS[topic], account, visit.now, details, contact_email=contact)
    brand = visit.brand
    visit.exchange.mailer.send(contact, f"{brand.name} support: request #{review.id} received",
                               f"We received your request #{review.id}. Support will verify your identity and reply "
                               f"by {review.due_on:%A %d %B %Y}.\n")
    return render(request, "support_case.html", topic=topic, page_id="support-case-submitted", review=review)
