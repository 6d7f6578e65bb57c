"""The mock providers' own endpoints under /idp/<google|apple>/: consent, token, JWKS."""

from __future__ import annotations

from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse
from starlette.datastructures import FormData

from ..idp import PROVIDERS, ProviderError
from .dependencies import CurrentVisit, PostedForm
from .forms import email_problem, normalize_email
from .json_api import Provider, provider_endpoint
from .rendering import render
from .visit import visit_of

router = APIRouter(prefix="/idp/{provider}")

AUTHORIZE_PARAMS = ("client_id", "redirect_uri", "state", "nonce", "code_challenge")
TOKEN_FIELDS = ("grant_type", "code", "client_id", "client_secret", "redirect_uri", "code_verifier")


def _provider(request: Request, provider: str):
    if provider not in PROVIDERS:
        raise HTTPException(404)
    return visit_of(request).exchange.providers[provider]


def _registered_redirect(request: Request, provider: str) -> str:
    return f"{str(request.base_url).rstrip('/')}/auth/{provider}/callback"


def _check_authorize_params(request: Request, provider: str, params: dict[str, str]) -> str | None:
    idp = _provider(request, provider)
    if params.get("client_id") not in idp.clients:
        return "This application is not registered with the provider."
    if params.get("redirect_uri") != _registered_redirect(request, provider):
        return "The redirect address is not registered for this application."
    if not params.get("state") or not params.get("nonce") or not params.get("code_challenge"):
        return "The sign-in request is incomplete."
    return None


@router.get("/authorize")
def authorize_page(request: Request, provider: str):
    idp = _provider(request, provider)
    params = {name: request.query_params.get(name, "")[:512] for name in AUTHORIZE_PARAMS}
    if (request.query_params.get("response_type") != "code"
            or request.query_params.get("code_challenge_method") != "S256"):
        problem = "Only the authorization-code flow with PKCE (S256) is supported."
    else:
        problem = _check_authorize_params(request, provider, params)
    if problem:
        return render(request, "idp_consent.html", 400, idp=idp.profile, params=params, problem=problem)
    return render(request, "idp_consent.html", idp=idp.profile, params=params)


@router.post("/authorize")
def authorize_submit(request: Request, form: PostedForm, provider: str, visit: CurrentVisit):
    idp = _provider(request, provider)
    params = {name: form.get(name, "") for name in AUTHORIZE_PARAMS}
    if problem := _check_authorize_params(request, provider, params):
        return render(request, "idp_consent.html", 400, idp=idp.profile, params=params, problem=problem)
    identity = normalize_email(form.get("identity", ""))
    if form.get("decision") == "cancel":
        query = urlencode({"error": "access_denied", "state": params["state"]})
        return RedirectResponse(f"{params['redirect_uri']}?{query}", status_code=303)
    if problem := email_problem(identity):
        return render(request, "idp_consent.html", 400, idp=idp.profile, params=params, identity_error=problem)
    code = idp.authorize(
        client_id=params["client_id"],
        redirect_uri=params["redirect_uri"],
        identity_email=identity,
        hide_email=form.get("hide_email") == "on",
        nonce=params["nonce"],
        code_challenge=params["code_challenge"],
        now=visit.now,
    )
    query = urlencode({"code": code, "state": params["state"]})
    return RedirectResponse(f"{params['redirect_uri']}?{query}", status_code=303)


async def _token_form(request: Request, provider: Provider) -> FormData:
    """The token request's fields, read as they come (a machine client: no CSRF token, no session).

    It names the provider so that an unknown one is refused (422) before the body is read.
    """
    return await request.form()


TokenForm = Annotated[FormData, Depends(_token_form)]


@provider_endpoint(router, "/token", method="POST", summary="OpenID Connect token endpoint (code + PKCE)",
                   form={"type": "object", "properties": {name: {"type": "string"} for name in TOKEN_FIELDS}},
                   ok={"type": "object", "required": ["id_token"], "properties": {"id_token": {"type": "string"}}},
                   errors={400: "OAuth error (error, error_description)."})
def token(request: Request, provider: Provider, form: TokenForm, visit: CurrentVisit):
    idp = _provider(request, provider)
    if form.get("grant_type") != "authorization_code":
        return JSONResponse({"error": "unsupported_grant_type"}, status_code=400)
    try:
        answer = idp.exchange_code(
            code=str(form.get("code", "")),
            client_id=str(form.get("client_id", "")),
            client_secret=str(form.get("client_secret", "")),
            redirect_uri=str(form.get("redirect_uri", "")),
            code_verifier=str(form.get("code_verifier", "")),
            base_url=str(request.base_url),
            now=visit.now,
        )
    except ProviderError as error:
        return JSONResponse({"error": error.error, "error_description": error.description}, status_code=400)
    return JSONResponse(answer, headers={"Cache-Control": "no-store"})


@provider_endpoint(router, "/jwks", summary="The provider's public signing keys",
                   ok={"type": "object", "required": ["keys"], "properties": {"keys": {"type": "array"}}},
                   errors={})
def jwks(request: Request, provider: Provider):
    return _provider(request, provider).jwks()


@provider_endpoint(router, "/.well-known/openid-configuration", summary="OpenID Connect discovery",
                   ok={"type": "object", "required": ["issuer", "token_endpoint", "jwks_uri"]},
                   errors={})
def discovery(request: Request, provider: Provider):
    return _provider(request, provider).discovery(str(request.base_url))
