"""Withdrawals verified by a passkey alone: only the biometric step, no codes (seeds/002 lines
9-10), and only when phone, e-mail and Google Authenticator are all bound (line 18)."""

from __future__ import annotations

import json

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse

from ..passkeys import authentication_options
from .dependencies import CurrentVisit, PostedJson
from .json_api import CREDENTIAL, NO_BODY, PublicKeyOptions, Redirect, fetch_endpoint
from .passkey_pages import accept_assertion, passkeys_of, relying_party, support_hint
from .withdrawal_pages import passkey_withdrawal_state, record_withdrawal, withdrawal_refusal

router = APIRouter()
UNAVAILABLE = ("Passkey withdrawals need phone, e-mail and Google Authenticator all bound. "
               "Bind the missing one, or confirm this withdrawal with your codes.")


@fetch_endpoint(router, "/withdraw/passkey/options", summary="Options to confirm a withdrawal with a passkey",
                body=NO_BODY, ok=PublicKeyOptions,
                errors={401: "Not signed in.", 403: "Passkey withdrawals are unavailable for this account."})
def options(request: Request, body: PostedJson, visit: CurrentVisit):
    account = visit.signed_in_account()
    if account is None:
        return JSONResponse({"error": "Log in again."}, status_code=401)
    if passkey_withdrawal_state(visit, account) != "available":
        return JSONResponse({"error": UNAVAILABLE}, status_code=403)
    options_json, challenge = authentication_options(relying_party(request), passkeys_of(visit, account))
    visit.session.record.webauthn_challenge = challenge
    visit.session.record.webauthn_purpose = "withdraw"
    return JSONResponse(content=json.loads(options_json))


@fetch_endpoint(router, "/withdraw/passkey", summary="Withdraw, confirmed by a passkey alone",
                body={"type": "object", "properties": {"address": {"type": "string"}, "amount": {"type": "string"},
                                                       "credential": CREDENTIAL}},
                ok=Redirect, errors={400: "The body is not a JSON object, or the address or amount is invalid.",
                                     401: "Not signed in, or the passkey was not accepted.",
                                     403: "Unavailable, held, or above the KYC limit."})
def withdraw_with_passkey(request: Request, body: PostedJson, visit: CurrentVisit):
    account = visit.signed_in_account()
    if account is None:
        return JSONResponse({"error": "Log in again."}, status_code=401)
    if passkey_withdrawal_state(visit, account) != "available":
        return JSONResponse({"error": UNAVAILABLE}, status_code=403)
    address, raw_amount = str(body.get("address", ""))[:200], str(body.get("amount", ""))[:50]
    refusal, amount = withdrawal_refusal(visit, account, address, raw_amount)
    if refusal is not None:
        status, _message_id, message = refusal
        return JSONResponse({"error": message}, status_code=status)
    if accept_assertion(request, "withdraw", body.get("credential") or {}, account) is None:
        return JSONResponse({"error": "The passkey was not accepted. " + support_hint(visit)}, status_code=401)
    withdrawal = record_withdrawal(visit, account, address, amount)
    return JSONResponse({"redirect": f"/withdraw?completed={withdrawal.id}"})
