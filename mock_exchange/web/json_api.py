"""The JSON endpoints' contract: how they are documented in /openapi.json and how they refuse.

The pages' scripts call a few endpoints with fetch() (passkey ceremonies, the mock providers'
token and key endpoints). Their handlers read the raw request, so the body, the CSRF header and
every answer are declared here by hand, and a refusal is always a JSON ``{"error": ...}`` with a
4xx status, whatever the client's Accept header says (an HTML error page would reach the
script as an unreadable body). tests: suites/robustness/api_schema fuzzes every operation
declared with these helpers against this description.
"""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Security
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.routing import APIRoute
from fastapi.security import APIKeyCookie, APIKeyHeader
from pydantic import BaseModel, ConfigDict, Field
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..sessions import COOKIE_NAME
from .forms import MAX_JSON_BYTES, FormRejected

FETCH_TAG = "JSON: page scripts"
PROVIDER_TAG = "JSON: mock identity providers"
SERVICE_TAG = "JSON: service"
JSON_TAGS = (FETCH_TAG, PROVIDER_TAG, SERVICE_TAG)  # with the test API's tags: what suites/robustness/api_schema fuzzes

_csrf_header = APIKeyHeader(
    name="X-CSRF-Token", auto_error=False, scheme_name="csrfToken",
    description="The page's CSRF token (<meta name=csrf-token>); without the matching session, 403.",
)
_session_cookie = APIKeyCookie(
    name=COOKIE_NAME, auto_error=False, scheme_name="sessionCookie",
    description="The browser session the CSRF token belongs to.",
)
CSRF = [Security(_csrf_header), Security(_session_cookie)]  # documents the requirement; checked_json enforces it


class JsonError(BaseModel):
    """A refusal from a page-script endpoint: the message the page shows, and its id when it has one."""

    error: str
    code: str | None = None


class ApiError(BaseModel):
    """A refusal from the test API (or any /__test__ path): a message id and a readable detail."""

    error: str = Field(description="message id, e.g. request.invalid, page.not_found, request.refused")
    detail: str


class Health(BaseModel):
    status: str


class Redirect(BaseModel):
    redirect: str = Field(description="where the page goes next")


class PublicKeyOptions(BaseModel):
    """WebAuthn options for navigator.credentials.get/create (py_webauthn's JSON)."""

    model_config = ConfigDict(extra="allow")
    challenge: str
    timeout: int


Provider = Literal["google", "apple"]  # the mock providers' path segment: anything else is a 422
_ANY_OBJECT: dict[str, Any] = {"type": "object", "additionalProperties": True}
CREDENTIAL = {**_ANY_OBJECT, "description": "a PublicKeyCredential serialised by the page (WebAuthn JSON)"}
NO_BODY = {"type": "object", "additionalProperties": True, "description": "ignored; send {}"}
_REFUSED_BY_FORM_CHECKS = {
    400: "The body is not a JSON object.",
    403: "The CSRF token does not match the session (or there is no session).",
    413: f"The body is larger than {MAX_JSON_BYTES} bytes.",
}


def _refusal(status_code: int, message: str, code: str | None) -> JSONResponse:
    return JSONResponse(JsonError(error=message, code=code).model_dump(), status_code=status_code)


class JsonRoute(APIRoute):
    """A route whose refusals (bad CSRF, bad body, unknown path value) are JSON, never an HTML page."""

    def get_route_handler(self):
        handler = super().get_route_handler()

        async def answer_in_json(request):
            try:
                return await handler(request)
            except FormRejected as refused:
                return _refusal(refused.status_code, refused.message, refused.message_id)
            except RequestValidationError:
                return _refusal(422, "The request has a missing or invalid value.", "request.invalid")
            except StarletteHTTPException as refused:
                if refused.status_code == 404:
                    return _refusal(404, "There is no such endpoint.", "page.not_found")
                return _refusal(refused.status_code, str(refused.detail), "request.refused")

        return answer_in_json


def _errors(codes: dict[int, str]) -> dict[int | str, dict[str, Any]]:
    return {code: {"model": JsonError, "description": text} for code, text in sorted(codes.items())}


def fetch_endpoint(
    router: APIRouter,
    path: str,
    *,
    summary: str,
    body: dict[str, Any],
    ok: type[BaseModel],
    errors: dict[int, str],
    method: str = "POST",
):
    """Registers a page-script endpoint (CSRF header + session cookie, a JSON object body)."""

    def register(endpoint):
        router.add_api_route(
            path, endpoint, methods=[method], summary=summary, tags=[FETCH_TAG], dependencies=CSRF,
            response_class=JSONResponse, route_class_override=JsonRoute,
            responses={200: {"model": ok, "description": "done"}, **_errors({**_REFUSED_BY_FORM_CHECKS, **errors})},
            openapi_extra={"requestBody": {"required": False, "content": {"application/json": {"schema": body}}}},
        )
        return endpoint

    return register


def provider_endpoint(router: APIRouter, path: str, *, summary: str, ok: dict[str, Any], errors: dict[int, str],
                      method: str = "GET", form: dict[str, Any] | None = None):
    """Registers one of the mock providers' machine endpoints (token, JWKS, discovery)."""

    def register(endpoint):
        extra = ({"requestBody": {"required": True, "content": {"application/x-www-form-urlencoded": {"schema": form}}}}
                 if form else None)
        router.add_api_route(
            path, endpoint, methods=[method], summary=summary, tags=[PROVIDER_TAG],
            response_class=JSONResponse, route_class_override=JsonRoute, openapi_extra=extra,
            responses={200: {"content": {"application/json": {"schema": ok}}, "description": "done"},
                       **_errors({422: "No such provider.", **errors})},
        )
        return endpoint

    return register
