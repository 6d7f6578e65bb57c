"""The app factory: ``create_app(brand=...)`` builds one brand's exchange on one database."""

from __future__ import annotations

import logging
import secrets
from pathlib import Path

from fastapi import FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

from . import checklist_reviews, security_changes
from .brands import Brand, get_brand
from .clock import Clock
from .database import open_database
from .delivery import Mailer, SmsQuotaExceeded
from .exchange import Exchange
from .web import (
    account_pages,
    auth_pages,
    authenticator_pages,
    backoffice_pages,
    idp_pages,
    lost_2fa_pages,
    mobile_change_pages,
    mobile_reset_pages,
    passkey_pages,
    passkey_withdrawal,
    password_setup_pages,
    recovery_pages,
    review_checklist_pages,
    security_pages,
    signup_pages,
    social_login,
    status_pages,
    support_case_pages,
    support_pages,
    support_ticket_pages,
    test_api,
    test_api_identity,
    test_api_reviews,
    unbind_pages,
    verification_pages,
    withdrawal_pages,
)
from .web.dependencies import AnsweredEarly
from .web.forms import FormRejected
from .web.rendering import TEMPLATES
from .web.visit import install_visit_middleware

log = logging.getLogger("mock_exchange")
STATIC_DIR = Path(__file__).resolve().parent / "static"

# The screens, by area, in registration order (the first matching route wins).
SCREENS = (
    # sign-up, sign-in, the verification step, Google/Apple and their mock providers, help
    auth_pages, signup_pages, verification_pages, social_login, idp_pages, support_pages, password_setup_pages,
    status_pages, account_pages, security_pages,
    # passkeys
    passkey_pages, passkey_withdrawal,
    # recovery and security settings, the back office
    recovery_pages, withdrawal_pages, authenticator_pages, unbind_pages, lost_2fa_pages, support_case_pages,
    backoffice_pages,
    # CoinEx: mobile reset and change, tickets, reviewer checklists
    mobile_reset_pages, mobile_change_pages, support_ticket_pages, review_checklist_pages,
)
TEST_API = (test_api, test_api_reviews, test_api_identity)  # loopback-only, test mode only
# Screens a brand serves only when its profile declares the flow (brands.py); elsewhere their
# paths are unknown (the 404 page) and no page links to them. Google and Apple sign-in are
# declared per provider, so social_login asks the profile itself.
SCREENS_OF_FLOW = {lost_2fa_pages: "lost_authenticator_form", status_pages: "status_page"}


def create_app(
    brand: str | Brand = "pionex",
    *,
    database_path: Path | str,
    test_mode: bool = False,
    smtp_host: str | None = None,
    smtp_port: int | None = None,
    clock: Clock | None = None,
    secret_key: bytes | None = None,
    public_origin: str | None = None,
    sms_provider_url: str | None = None,
) -> FastAPI:
    profile = brand if isinstance(brand, Brand) else get_brand(brand)
    exchange = Exchange(
        brand=profile,
        clock=clock or Clock(),
        database=open_database(database_path),
        mailer=Mailer(profile, smtp_host, smtp_port),
        test_mode=test_mode,
        secret_key=secret_key or secrets.token_bytes(32),
        public_origin=public_origin,
        sms_provider_url=sms_provider_url,
        review_handlers={**security_changes.REVIEW_HANDLERS, **checklist_reviews.REVIEW_HANDLERS},
    )
    # what every page's layout asks of the account: its banners (holds, a mobile reset's advice)
    TEMPLATES.env.globals.update(account_banners_for=withdrawal_pages.account_banners_for,
                                 mobile_reset_banner_for=mobile_reset_pages.mobile_reset_banner)
    app = FastAPI(title=f"{profile.name} (mock exchange)", docs_url=None, redoc_url=None)
    app.state.exchange = exchange
    install_visit_middleware(app, exchange)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    for screens in SCREENS:
        if screens not in SCREENS_OF_FLOW or profile.has(SCREENS_OF_FLOW[screens]):
            app.include_router(screens.router)
    if test_mode:
        for api in TEST_API:
            app.include_router(api.router)
        _hide_test_api_from_others(app)
    _install_error_pages(app)
    return app


def _hide_test_api_from_others(app: FastAPI) -> None:
    """Non-loopback clients get the unknown-path 404 before routing, so neither a 405 for a
    wrong method nor a 422 for a bad body reveals that a test route exists."""

    @app.middleware("http")
    async def hide_test_api(request: Request, call_next):
        if request.url.path.startswith("/__test__") and not test_api.is_loopback(request):
            return _not_found(request)
        return await call_next(request)


def _not_found(request: Request):
    return _error(request, 404, "page.not_found", "There is no page at this address.")


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/__test__") or "application/json" in request.headers.get("accept", "")


def _error(request: Request, status_code: int, message_id: str, message: str):
    if _wants_json(request):
        return JSONResponse({"error": message_id, "detail": message}, status_code=status_code)
    exchange: Exchange = request.app.state.exchange
    return TEMPLATES.TemplateResponse(
        request,
        "error.html",
        {"brand": exchange.brand, "message_id": message_id, "message": message, "status_code": status_code,
         "account": None},
        status_code=status_code,
    )


def _install_error_pages(app: FastAPI) -> None:
    @app.exception_handler(SmsQuotaExceeded)
    async def sms_quota_exceeded(request: Request, error: SmsQuotaExceeded):
        request.state.visit.db.rollback()  # no code issued, the previous code stays valid
        return _error(
            request, 429, "sms.quota",
            f"Too many SMS were sent to this number. You can ask for a new code after "
            f"{error.retry_at:%H:%M} UTC, or choose e-mail verification.",
        )

    @app.exception_handler(AnsweredEarly)
    async def answered_early(request: Request, answer: AnsweredEarly):
        return answer.response  # the login redirect, or the page a step's precondition refused with

    @app.exception_handler(FormRejected)
    async def form_rejected(request: Request, error: FormRejected):
        return _error(request, error.status_code, error.message_id, error.message)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, error: HTTPException):
        if error.status_code == 404:
            return _not_found(request)
        if error.status_code == 405:
            return _error(request, 405, "request.method", "This page cannot be used that way.")
        return _error(request, error.status_code, "request.refused", str(error.detail))

    from starlette.exceptions import HTTPException as StarletteHTTPException

    app.add_exception_handler(StarletteHTTPException, http_error)

    @app.exception_handler(RequestValidationError)
    async def invalid_request(request: Request, error: RequestValidationError):
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e.get('loc', ())[1:]) or 'body'}: {e.get('msg')}" for e in error.errors()
        )
        return _error(request, 422, "request.invalid", problems[:2000])

    @app.exception_handler(Exception)
    async def unexpected(request: Request, error: Exception):
        log.exception("unexpected error on %s %s", request.method, request.url.path)
        return HTMLResponse("<h1>Something went wrong</h1><p>Please try again later.</p>", status_code=500)
