"""CoinEx support tickets (seeds/003 lines 22-29), the unlock ticket for accounts locked after
failures from an unfamiliar location (line 5), and the request to disable 2FA without backup
codes (line 6). Uploads are PNG/JPEG only, checked by their bytes, at most the brand's limit."""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from sqlalchemy import func, select

from ..checklist_reviews import open_coinex_review
from ..identities import account_for_email
from ..lockout import throttle_key
from ..models import EvidenceFile, Review, SupportTicket
from ..passwords import verify_password
from .dependencies import CurrentVisit
from .uploads import checked_upload, image_problem, image_type, problem_status
from .forms import email_problem, normalize_email
from .rendering import render
from .visit import Visit

router = APIRouter()
TOPICS = {"login": "Cannot log in", "2fa": "2FA or verification codes", "locked": "Account locked",
          "withdrawal": "Deposits and withdrawals", "app": "App or browser problem", "other": "Something else"}
REQUIRED = {
    "contact": "Enter the e-mail address or phone number registered with your account.",
    "description": "Describe the problem clearly.",
    "steps_tried": "List the steps you have already tried.",
    "device": "Name your device, e.g. iPhone 14 or Samsung Galaxy S23.",
    "client_version": "Name your browser and its version (e.g. Chrome 115.0) or the app version.",
}
MAX_SCREENSHOTS = 3
Upload = tuple[dict[str, str], dict[str, list[bytes]]]  # the text fields, and each file field's bytes


def _upload(file_fields: tuple[str, ...], max_files: int):
    """A dependency reading the multipart body (CSRF checked), each file within the brand's limit.

    Reading the upload is the only awaiting; the handler given it is a plain ``def``."""

    async def read(request: Request, visit: CurrentVisit) -> Upload:
        return await checked_upload(request, file_fields, visit.brand.policy.upload_max_bytes, max_files=max_files)

    return read


TicketUpload = Annotated[Upload, Depends(_upload(("screenshots",), MAX_SCREENSHOTS))]
IdentityUpload = Annotated[Upload, Depends(_upload(("id_photo", "selfie"), 2))]


@router.get("/support/ticket")
def ticket_page(request: Request):
    return render(request, "support_ticket.html", page_id="support-ticket", topics=TOPICS, fields={})


@router.post("/support/ticket")
def submit_ticket(request: Request, upload: TicketUpload, visit: CurrentVisit):
    fields, files = upload
    errors = {name: message for name, message in REQUIRED.items() if not fields.get(name)}
    if fields.get("topic") not in TOPICS:
        errors["topic"] = "Choose what the problem is about."
    for name in ("contact", "device", "client_version"):
        if len(fields.get(name, "")) > 200:
            errors[name] = "Keep this under 200 characters."
    screenshots = files.get("screenshots", [])
    for index, data in enumerate(screenshots, 1):
        if problem := image_problem(data, f"screenshot {index}", visit.brand.policy.upload_max_bytes):
            errors["screenshots"] = problem
    if errors:
        return render(request, "support_ticket.html", problem_status(list(errors.values())), page_id="support-ticket",
                      topics=TOPICS, fields=fields, errors=errors)
    contact = fields["contact"].lower()
    earlier = visit.db.scalar(select(SupportTicket).where(
        func.lower(SupportTicket.contact) == contact, SupportTicket.topic == fields["topic"],
        SupportTicket.status == "open"))
    if earlier is not None:
        return render(request, "support_ticket.html", 409, page_id="support-ticket-duplicate", topics=TOPICS,
                      fields=fields, ticket=earlier)
    ticket = SupportTicket(
        reference=f"CX-{secrets.token_hex(4).upper()}", contact=fields["contact"], topic=fields["topic"],
        description=fields["description"], error_message=fields.get("error_message", ""),
        steps_tried=fields["steps_tried"], device=fields["device"], client_version=fields["client_version"],
        created_at=visit.now)
    visit.db.add(ticket)
    visit.db.flush()
    for data in screenshots:
        visit.db.add(EvidenceFile(ticket_id=ticket.id, role="screenshot", content_type=image_type(data), data=data,
                                  created_at=visit.now))
    queued = visit.db.scalar(select(func.count(SupportTicket.id)).where(SupportTicket.status == "open"))
    return render(request, "support_ticket.html", 201, page_id="support-ticket-queued", topics=TOPICS, fields={},
                  ticket=ticket, queued=queued)


# --- identity verification tickets: unlock, disable 2FA -------------------------------------


@router.get("/support/unlock")
def unlock_page(request: Request):
    return render(request, "support_identity.html", page_id="support-unlock", purpose="unlock", fields={})


@router.get("/support/disable-2fa")
def disable_2fa_page(request: Request):
    return render(request, "support_identity.html", page_id="support-disable-2fa", purpose="disable_2fa", fields={})


@router.post("/support/unlock")
def submit_unlock(request: Request, upload: IdentityUpload, visit: CurrentVisit):
    return _identity_ticket(request, visit, "unlock", upload)


@router.post("/support/disable-2fa")
def submit_disable_2fa(request: Request, upload: IdentityUpload, visit: CurrentVisit):
    return _identity_ticket(request, visit, "disable_2fa", upload)


def _identity_ticket(request: Request, visit: Visit, purpose: str, upload: Upload):
    fields, files = upload
    page_id = "support-unlock" if purpose == "unlock" else "support-disable-2fa"
    limit = visit.brand.policy.upload_max_bytes
    email = normalize_email(fields.get("email", ""))
    errors = {}
    if problem := email_problem(email):
        errors["email"] = problem
    if purpose == "disable_2fa" and not fields.get("password"):
        errors["password"] = "Enter your password."
    id_photo = (files.get("id_photo") or [None])[0]
    selfie = (files.get("selfie") or [None])[0]
    if problem := image_problem(id_photo, "photo of your ID", limit):
        errors["id_photo"] = problem
    if problem := image_problem(selfie, "selfie", limit):
        errors["selfie"] = problem
    if errors:
        return render(request, "support_identity.html", problem_status(list(errors.values())), page_id=page_id,
                      purpose=purpose, fields={"email": email}, errors=errors)
    account = account_for_email(visit.db, email)
    if purpose == "disable_2fa":
        key = throttle_key(account, email)
        lockout = visit.exchange.lockout
        if lockout.state(visit.db, key).is_locked(visit.now) or not verify_password(
                account.password_hash if account else None, fields["password"]):
            if not lockout.state(visit.db, key).is_locked(visit.now):
                lockout.record_failure(visit.db, key, visit.now)
            return render(request, "support_identity.html", 401, page_id=page_id, purpose=purpose,
                          fields={"email": email}, errors={"password": "Incorrect e-mail or password."})
        eligible = account.totp_secret is not None
        kind = "disable_2fa"
    else:
        eligible = account is not None and account.review_locked
        kind = "unlock_account"
    review = None
    if eligible:
        review = visit.db.scalar(select(Review).where(Review.account_id == account.id, Review.kind == kind,
                                                      Review.status == "pending"))
        if review is None:
            review = open_coinex_review(visit.exchange, visit.db, kind, account, visit.now,
                                        {"ticket": "ID photo and selfie attached"})
            for role, data in (("id_photo", id_photo), ("selfie", selfie)):
                visit.db.add(EvidenceFile(review_id=review.id, role=role, content_type=image_type(data), data=data,
                                          created_at=visit.now))
    # The same confirmation whether or not an account matched (no account enumeration).
    return render(request, "support_identity.html", 201, page_id=f"{page_id}-submitted", purpose=purpose,
                  fields={}, due_on=review.due_on if review else None)
