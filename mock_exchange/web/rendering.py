"""Jinja2 rendering with the brand and the CSRF token available to every template."""

from __future__ import annotations

from pathlib import Path

from fastapi import Request
from fastapi.templating import Jinja2Templates

from .visit import visit_of

TEMPLATES = Jinja2Templates(directory=str(Path(__file__).resolve().parent.parent / "templates"))
# The sections of Profile -> Security, in order; each is templates/security/<name>.html.
TEMPLATES.env.globals["security_sections"] = ["email", "sms", "authenticator"]


def render(request: Request, template: str, status_code: int = 200, **context):
    visit = visit_of(request)
    session = visit.ensure_session()
    context.setdefault("account", visit.signed_in_account())
    return TEMPLATES.TemplateResponse(
        request,
        template,
        {"brand": visit.brand, "csrf_token": session.record.csrf_token, "now": visit.now, **context},
        status_code=status_code,
    )
