"""The public status page: announcements of maintenance and outages (seeds/003 line 21)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from .dependencies import CurrentVisit
from .rendering import render

router = APIRouter()


@router.get("/status")
def status_page(request: Request, visit: CurrentVisit):
    exchange = visit.exchange
    return render(request, "status.html", maintenance=exchange.maintenance, message=exchange.maintenance_message())
