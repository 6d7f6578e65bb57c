"""Support: the help centre, the live-chat entry and the brand's service address (seeds/000:32)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from ..models import SupportChat
from .dependencies import CurrentVisit, PostedForm
from .rendering import render

router = APIRouter()
MAX_MESSAGE = 2000


@router.get("/support")
def support_page(request: Request):
    return render(request, "support.html")


@router.get("/help")
def help_center(request: Request):
    return render(request, "help.html")


@router.post("/support/chat")
def start_chat(request: Request, form: PostedForm, visit: CurrentVisit):
    contact, message = form.get("contact", ""), form.get("message", "")
    errors = {}
    if not contact or len(contact) > 254:
        errors["contact"] = "Enter the e-mail address or phone number of your account."
    if not message:
        errors["message"] = "Describe the problem, and paste the error message you see."
    elif len(message) > MAX_MESSAGE:
        errors["message"] = f"Keep the message under {MAX_MESSAGE} characters."
    if errors:
        return render(request, "support.html", 400, errors=errors, contact=contact, message=message)
    chat = SupportChat(contact=contact, message=message, created_at=visit.now)
    visit.db.add(chat)
    visit.db.flush()
    return render(request, "support.html", chat_id=chat.id)
