"""Profile -> Security: the bound verification methods and what can be done with each.

Each method is a section template in templates/security/; flows that change a method live in
their own modules (one per flow) and link from their section.
"""

from __future__ import annotations

from fastapi import APIRouter, Request

from .dependencies import SignedIn
from .rendering import render

router = APIRouter()


@router.get("/security")
def security_page(request: Request, account: SignedIn):
    return render(request, "security.html", account=account)
