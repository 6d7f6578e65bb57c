"""Profile -> Security: the bound verification methods and what can be done with each.

Each method is a section template in templates/security/; flows that change a method live in
their own modules (one per flow) and link from their section.
"""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from .rendering import render
from .visit import visit_of

router = APIRouter()


@router.get("/security")
def security_page(request: Request):
    account = visit_of(request).signed_in_account()
    if account is None:
        return RedirectResponse("/login", status_code=303)
    return render(request, "security.html", account=account)
