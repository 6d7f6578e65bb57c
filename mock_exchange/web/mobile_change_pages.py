"""Change or unbind the mobile number (seeds/004 lines 46-59).

Security Settings -> Mobile -> Manage -> Change / Unbind -> instructions + Continue -> e-mail
code -> one 2FA tool of the user's choice ("Switch verification tool") -> unbind is done; a
change goes on: country code + new number -> slide-to-verify pattern check (checked by the
server; no SMS is sent before it passes) -> 6-digit SMS code to the new number -> changed.
"""

from __future__ import annotations

import json
import secrets
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse
from sqlalchemy import select
from sqlalchemy.orm import object_session

from .. import codes as second_factors
from .. import flow_state
from ..identities import account_for_phone
from ..models import Account, Passkey
from ..passkeys import authentication_options
from ..phones import PhoneProblem, countries, display, to_e164
from ..reuse_block import blocked_until
from .dependencies import CurrentVisit, PostedForm, PostedJson, SignedIn
from .json_api import CREDENTIAL, NO_BODY, PublicKeyOptions, Redirect, fetch_endpoint
from .passkey_pages import accept_assertion, passkeys_of, relying_party
from .rendering import render
from .step_codes import send_codes
from .visit import Visit, visit_of

router = APIRouter()
FLOW = "mobile_change"
ACTIONS = ("change", "unbind")
TOOL_LABELS = {"totp": "TOTP (authenticator app)", "sms": "Mobile (SMS code)", "passkey": "Passkey"}
RESET_HREF = "/reset-mobile"  # "Security authentication unavailable?" (line 55)
SLIDE_TOLERANCE = 3  # percent of the track either side of the target


def tools_of(account: Account) -> list[str]:
    tools = []
    if account.totp_secret:
        tools.append("totp")
    if account.phone and account.sms_2fa:
        tools.append("sms")
    db = object_session(account)
    if db is not None and db.scalar(select(Passkey.id).where(Passkey.account_id == account.id).limit(1)):
        tools.append("passkey")
    return tools


def _state(visit: Visit, action: str) -> dict:
    state = flow_state.load(visit.db, visit.session, FLOW, visit.now)
    return state if state.get("action") == action else {"action": action, "step": "instructions"}


def _save(visit: Visit, state: dict) -> None:
    flow_state.save(visit.db, visit.session, FLOW, state, visit.now)


def _page(request: Request, account: Account, action: str, status_code: int = 200, **context):
    visit = visit_of(request)
    state = _state(visit, action)
    step = context.pop("step", state.get("step", "instructions"))
    return render(request, "mobile_change.html", status_code, page_id=f"mobile-{action}-{step}",
                  action=action, state=state, tools=tools_of(account), tool_labels=TOOL_LABELS, countries=countries(),
                  phone_display=display(account.phone) if account.phone else None, account=account,
                  reset_href=RESET_HREF, **context)


@router.get("/security/mobile")
def manage(request: Request, account: SignedIn):
    return render(request, "mobile_change.html", page_id="mobile-manage", action=None, state={},
                  account=account, phone_display=display(account.phone) if account.phone else None)


async def _action(action: str) -> str:
    if action not in ACTIONS:
        raise HTTPException(404)
    return action


Action = Annotated[str, Depends(_action)]


@router.get("/security/mobile/{action}")
def flow_page(request: Request, account: SignedIn, action: Action):
    return _page(request, account, action)


def _again(action: str) -> RedirectResponse:
    return RedirectResponse(f"/security/mobile/{action}", status_code=303)


@router.post("/security/mobile/{action}/{step}")
def flow_post(request: Request, form: PostedForm, action: Action, step: str, account: SignedIn,
              visit: CurrentVisit):
    state = _state(visit, action)
    handler = STEPS.get(step)
    if handler is None:
        raise HTTPException(404)
    expected, run = handler
    if state.get("step") not in expected or (action == "unbind" and step in ("number", "slide", "new-code")):
        return _page(request, account, action, 409, step="instructions", error=(
            "mobile.out_of_step", "That step is not open yet. Start again from the instructions."))
    return run(request, visit, account, action, state, form)


def _continue(request, visit, account, action, state, form):
    if action == "unbind" and not account.phone:
        return _page(request, account, action, 409, error=("mobile.none_bound", "No mobile number is bound."))
    if not account.email:
        return _page(request, account, action, 409, error=(
            "mobile.email_needed",
            "Bind an e-mail address first: the first step needs the e-mail verification code."))
    send_codes(visit, account, "mobile_change", ["email"])
    _save(visit, {"action": action, "step": "email"})
    return _again(action)


def _email_code(request, visit, account, action, state, form):
    found = visit.exchange.codes.find_valid(visit.db, account, "mobile_change", "email", form.get("email_code", ""),
                                            visit.now)
    if found is None:
        return _page(request, account, action, 401, error=(
            "mobile.invalid_email_code", "The e-mail verification code is wrong or has expired."))
    found.used_at = visit.now
    tools = tools_of(account)
    if not tools:  # nothing else bound (e.g. after a mobile reset): the e-mail code is the check
        _save(visit, {**state, "step": "number" if action == "change" else "done"})
        return _again(action)
    _save(visit, {**state, "step": "2fa", "tool": tools[0]})
    return _again(action)


def _switch(request, visit, account, action, state, form):
    tool = form.get("tool", "")
    if tool not in tools_of(account):
        return _page(request, account, action, 400, error=(
            "mobile.tool_unavailable", "That verification tool is not bound."))
    _save(visit, {**state, "tool": tool, "sms_sent": False})
    return _again(action)


def _send_sms(request, visit, account, action, state, form):
    if state.get("tool") != "sms":
        return _page(request, account, action, 400, error=("mobile.no_sms", "Nothing is sent for this tool."))
    send_codes(visit, account, "mobile_change_2fa", ["sms"])
    _save(visit, {**state, "sms_sent": True})
    return _again(action)


def _second_factor(request, visit, account, action, state, form):
    tool, code = state.get("tool"), form.get("code", "")
    found = step = None
    if tool == "totp":
        step = second_factors.matching_totp_step(account, code, visit.now)
        passed = step is not None
    elif tool == "sms":
        found = visit.exchange.codes.find_valid(visit.db, account, "mobile_change_2fa", "sms", code, visit.now)
        passed = found is not None
    else:
        passed = False
    if not passed:
        return _page(request, account, action, 401, error=(
            "mobile.invalid_2fa",
            "The verification code is wrong or has expired. Try again, or switch verification tool."))
    if found is not None:
        found.used_at = visit.now
    if step is not None:
        account.totp_last_step = step
    _after_second_factor(visit, account, action, state)
    return _again(action)


def _after_second_factor(visit: Visit, account: Account, action: str, state: dict) -> None:
    if action == "unbind":
        _unbind(visit, account)
        _save(visit, {**state, "step": "done"})
    else:
        _save(visit, {**state, "step": "number"})


# --- a passkey as the 2FA tool (WebAuthn assertion; static/mobile_passkey.js) -------------------


def _passkey_step(visit: Visit, action: str) -> tuple[Account | None, dict | None]:
    """The signed-in account and its flow state, when the flow waits for a passkey; else state None."""
    account = visit.signed_in_account()
    state = _state(visit, action) if account is not None else {}
    if account is None or state.get("step") != "2fa" or state.get("tool") != "passkey":
        return account, None
    return account, state


@fetch_endpoint(router, "/security/mobile/{action}/passkey/options",
                summary="Options for the passkey step of a mobile change", body=NO_BODY, ok=PublicKeyOptions,
                errors={404: "No such action.", 409: "No change waiting for a passkey."})
def passkey_options(request: Request, body: PostedJson, action: Action, visit: CurrentVisit):
    account, state = _passkey_step(visit, action)
    if state is None:
        return JSONResponse({"error": "Start again from Security Settings."}, status_code=409)
    options, challenge = authentication_options(relying_party(request), passkeys_of(visit, account))
    visit.session.record.webauthn_challenge = challenge
    visit.session.record.webauthn_purpose = "mobile_change"
    return JSONResponse(content=json.loads(options))


@fetch_endpoint(router, "/security/mobile/{action}/passkey/verify",
                summary="Pass the 2FA step of a mobile change with a passkey",
                body={"type": "object", "properties": {"credential": CREDENTIAL}}, ok=Redirect,
                errors={401: "The passkey was not accepted.", 404: "No such action.",
                        409: "No change waiting for a passkey."})
def passkey_verify(request: Request, body: PostedJson, action: Action, visit: CurrentVisit):
    account, state = _passkey_step(visit, action)
    if state is None:
        return JSONResponse({"error": "Start again from Security Settings."}, status_code=409)
    if accept_assertion(request, "mobile_change", body.get("credential") or {}, account) is None:
        return JSONResponse({"error": "The passkey was not accepted. Try again or switch verification tool."},
                            status_code=401)
    _after_second_factor(visit, account, action, state)
    return JSONResponse({"redirect": f"/security/mobile/{action}"})


def _unbind(visit: Visit, account: Account) -> None:
    brand = visit.brand
    old = account.phone
    text = (f"Mobile verification ({display(old)}) was unbound from your {brand.name} account. "
            f"If this was not you, contact {brand.service_email}.")
    if account.email:
        visit.exchange.mailer.send(account.email, f"{brand.name} security notice: mobile unbound", text)
    visit.exchange.sms.send(visit.db, old, f"[{brand.name}] {text}", notice=True)
    account.phone = None
    account.sms_2fa = False


def _number(request, visit, account, action, state, form):
    region, number = form.get("country", ""), form.get("phone", "")
    try:
        phone = to_e164(region, number)
    except PhoneProblem as problem:
        return _page(request, account, action, 400, country=region, phone=number,
                     error=("mobile.phone_invalid", str(problem)))
    if phone == account.phone:
        return _page(request, account, action, 400, country=region, phone=number, error=(
            "mobile.same_number", "That is the number already bound. Enter the new number."))
    owner = account_for_phone(visit.db, phone)
    if owner is not None or blocked_until(visit.db, visit.now, phone=phone):
        return _page(request, account, action, 409, country=region, phone=number, error=(
            "mobile.phone_taken", "This number cannot be bound to your account. Use another number."))
    _save(visit, {**state, "step": "slide", "new_phone": phone, "target": _new_target()})
    return _again(action)


def _new_target() -> int:
    return 15 + secrets.randbelow(71)  # 15..85 % of the track


def _slide(request, visit, account, action, state, form):
    try:
        position = int(form.get("position", ""))
    except ValueError:
        position = -100
    if abs(position - state.get("target", -1000)) > SLIDE_TOLERANCE:
        _save(visit, {**state, "target": _new_target()})
        return _page(request, account, action, 400, step="slide",
                     error=("mobile.slide_failed",
                            "The puzzle piece did not fit. Slide again to complete the pattern."))
    brand = visit.brand
    code = visit.exchange.codes.issue(visit.db, state["new_phone"], "mobile_change_new", "sms", visit.now)
    visit.exchange.sms.send(visit.db, state["new_phone"],
                            f"[{brand.name}] Your verification code for binding this mobile number is {code}. "
                            f"It expires in {brand.policy.code_lifetime_minutes} minutes. Never share it.")
    _save(visit, {**state, "step": "new-code", "slide_passed": True})
    return _again(action)


def _new_code(request, visit, account, action, state, form):
    if not state.get("slide_passed"):
        return _page(request, account, action, 409, error=(
            "mobile.slide_first", "Complete the pattern verification first."))
    found = visit.exchange.codes.find_valid(visit.db, state["new_phone"], "mobile_change_new", "sms",
                                            form.get("code", ""), visit.now)
    if found is None:
        return _page(request, account, action, 401, error=(
            "mobile.invalid_sms_code", "The SMS code is wrong or has expired. Your mobile number was not changed."))
    found.used_at = visit.now
    brand = visit.brand
    new = state["new_phone"]
    text = (f"The mobile number of your {brand.name} account is being changed to {display(new)}. "
            f"If this was not you, contact {brand.service_email}.")
    if account.email:
        visit.exchange.mailer.send(account.email, f"{brand.name} security notice: mobile number changed", text)
    if account.phone:
        visit.exchange.sms.send(visit.db, account.phone, f"[{brand.name}] {text}", notice=True)
    account.phone = new
    account.sms_2fa = True
    _save(visit, {**state, "step": "done"})
    return _again(action)


def _begin(request, visit, account, action, state, form):
    """Change / Unbind on the Manage page: the flow starts afresh at its instructions."""
    _save(visit, {"action": action, "step": "instructions"})
    return _again(action)


STEPS = {
    "begin": (("instructions", "email", "2fa", "number", "slide", "new-code", "done"), _begin),
    "continue": (("instructions", "email", "2fa", "number", "slide", "new-code", "done"), _continue),
    "email": (("email",), _email_code),
    "switch": (("2fa",), _switch),
    "send-sms": (("2fa",), _send_sms),
    "2fa": (("2fa",), _second_factor),
    "number": (("number",), _number),
    "slide": (("slide",), _slide),
    "new-code": (("new-code",), _new_code),
}
