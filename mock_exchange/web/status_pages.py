"""The public status page: announcements of maintenance and outages (seeds/003 line 21)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from .rendering import render
from .visit import visit_of

router = APIRouter()


@router.get("/status")
def status_page(request: Request):
    exchange = visit_of(request).exchange
    return render(request, "status.html", maintenance=exchange.maintenance, message=exchange.maintenance_message())
