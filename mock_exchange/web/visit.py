"""One request's view of the exchange: its database session, its web session and the time.

A middleware opens a Visit per request, commits it when the handler is done (before the
response leaves), and sets the session cookie when the handler started a new session.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fastapi import Request
from starlette.concurrency import run_in_threadpool
from sqlalchemy.orm import Session

from ..exchange import Exchange
from ..models import Account
from ..devices import DEVICE_COOKIE, new_device_id
from ..sessions import COOKIE_NAME, SessionHandle


@dataclass
class Visit:
    exchange: Exchange
    db: Session
    now: datetime
    session: SessionHandle | None
    device_id: str | None = None  # this browser's long-lived device cookie, if it has one
    device_cookie_to_set: str | None = None

    @property
    def brand(self):
        return self.exchange.brand

    def ensure_session(self) -> SessionHandle:
        """The session whose CSRF token the page's forms carry (anonymous if need be)."""
        if self.session is None:
            self.session = self.exchange.sessions.start(self.db, self.now)
        return self.session

    def ensure_device_id(self) -> str:
        if not self.device_id:
            self.device_id = self.device_cookie_to_set = new_device_id()
        return self.device_id

    def signed_in_account(self) -> Account | None:
        if self.session is None or self.session.record.account_id is None:
            return None
        return self.db.get(Account, self.session.record.account_id)


def visit_of(request: Request) -> Visit:
    return request.state.visit


def install_visit_middleware(app, exchange: Exchange) -> None:
    @app.middleware("http")
    async def open_visit(request: Request, call_next):
        db = exchange.database()
        now = exchange.clock.now()
        try:
            # Database work runs off the event loop: a request waiting for the write lock
            # (busy timeout) must not block the loop that commits the request holding it.
            handle = await run_in_threadpool(exchange.sessions.load, db, request.cookies.get(COOKIE_NAME), now)
            device = request.cookies.get(DEVICE_COOKIE)
            visit = Visit(exchange, db, now, handle, device_id=device if device and len(device) <= 64 else None)
            request.state.visit = visit
            response = await call_next(request)
            await run_in_threadpool(db.commit if response.status_code < 500 else db.rollback)
            if visit.session is not None and visit.session.new_token:
                response.set_cookie(
                    COOKIE_NAME,
                    visit.session.new_token,
                    httponly=True,
                    samesite="lax",
                    secure=request.url.scheme == "https",
                    path="/",
                )
            if visit.device_cookie_to_set:
                response.set_cookie(
                    DEVICE_COOKIE, visit.device_cookie_to_set, max_age=400 * 24 * 3600, httponly=True,
                    samesite="lax", secure=request.url.scheme == "https", path="/",
                )
            return response
        finally:
            db.close()
