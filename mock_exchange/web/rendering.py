"""Jinja2 rendering with the brand and the CSRF token available to every template."""

from __future__ import annotations

from pathlib import Path

from fastapi import Request
from fastapi.templating import Jinja2Templates

from .visit import visit_of

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).resolve().parent.parent / "templates"))
# The sections of Profile -> Security, in order; each is templates/security/<name>.html.
TEMPLATES.env.globals["security_sections"] = ["password", "email", "sms", "mobile", "authenticator", "passkey"]


def platform_of(request: Request) -> str:
    """android, ios or web, from the user agent (what decides e.g. whether Apple sign-in shows)."""
    agent = request.headers.get("user-agent", "")
    if "Android" in agent:
        return "android"
    if any(device in agent for device in ("iPhone", "iPad", "iPod")):
        return "ios"
    return "web"


def render(request: Request, template: str, status_code: int = 200, **context):
    visit = visit_of(request)
    session = visit.ensure_session()
    context.setdefault("account", visit.signed_in_account())
    return TEMPLATES.TemplateResponse(
        request,
        template,
        {"brand": visit.brand, "csrf_token": session.record.csrf_token, "now": visit.now,
         "platform": platform_of(request), **context},
        status_code=status_code,
    )
