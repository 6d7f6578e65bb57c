"""Unbind SMS or e-mail while signed in, change the account e-mail, and bind them again.

Seeds/001 lines 48-61 (unbind) and 23-29 (change e-mail): only with SMS, e-mail and Google
Authenticator all bound; Unbind -> notice of the 24-hour withdrawal suspension and the 30-day
block -> Next -> Google Authenticator code -> Confirm -> the e-mail and SMS codes -> Confirm.
For an account that signs in with its e-mail, "Unbind" next to E-mail verification changes the
e-mail: after the codes, the new address is verified with a code sent to it. Binding an e-mail
or phone again is refused while its 30-day block runs (safer reading: the same account too).
"""

from __future__ import annotations

import phonenumbers
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import RedirectResponse

from .. import flow_state, reuse_block
from ..identities import account_for_email, account_for_phone
from ..models import Account
from ..security_changes import bind_email, bind_phone, change_email, unbind_channel
from .account_locks import lock_holding
from .dependencies import AnsweredEarly, CurrentVisit, PostedForm, SignedIn
from .forms import email_problem, normalize_email
from .rendering import render
from .step_codes import check_codes, send_codes, wrong_codes_message
from .visit import Visit, visit_of

router = APIRouter()
TEMPLATE = "security/unbind.html"
CHANNELS = ("email", "sms")
NAMES = {"email": "E-mail verification", "sms": "SMS verification", "totp": "Google Authenticator"}


async def _channel(channel: str) -> str:
    if channel not in CHANNELS:
        raise HTTPException(404)
    return channel


Channel = Annotated[str, Depends(_channel)]


def bound(account: Account) -> dict[str, bool]:
    return {
        "email": bool(account.email) and (account.email_login or account.email_2fa),
        "sms": bool(account.phone) and (account.sms_2fa or account.registered_via == "phone"),
        "totp": bool(account.totp_secret),
    }


def missing_for_unbind(account: Account) -> list[str]:
    """What must be bound before e-mail or SMS can be unbound (all three at once, seeds/001 line 50)."""
    return [factor for factor, is_bound in bound(account).items() if not is_bound]


def is_change_email(account: Account, channel: str) -> bool:
    return channel == "email" and account.email_login


def _flow(channel: str) -> str:
    return f"unbind_{channel}"


def _state(visit: Visit, channel: str) -> dict:
    return flow_state.load(visit.db, visit.session, _flow(channel), visit.now)


def _save(visit: Visit, channel: str, data: dict) -> None:
    flow_state.save(visit.db, visit.session, _flow(channel), data, visit.now)


def _page(request: Request, account: Account, channel: str, page_id: str, status_code: int = 200, **context):
    return render(request, TEMPLATE, status_code, page_id=page_id, channel=channel, names=NAMES,
                  change_email=is_change_email(account, channel), **context)


def _refused(request: Request, account: Account, channel: str):
    if (held := lock_holding(visit_of(request), account)) is not None:
        return _page(request, account, channel, "unbind-refused", 423, missing=[],
                     error=("unbind.locked", held.message))
    missing = missing_for_unbind(account)
    if channel == "sms" and account.registered_via == "phone" and not missing:
        return _page(request, account, channel, "unbind-refused", 409, missing=[], error=(
            "unbind.login_phone",
            "Your phone number is how you log in, so it cannot be unbound here. Contact support."))
    if missing:
        action = "change your account e-mail" if is_change_email(account, channel) else f"unbind {NAMES[channel]}"
        needed = " and ".join(NAMES[m] for m in missing)
        return _page(request, account, channel, "unbind-refused", 409, missing=missing, error=(
            "unbind.requirements",
            f"To {action}, SMS verification, e-mail verification and Google Authenticator must all be bound. "
            f"Bind {needed} first."))
    return None


def _out_of_order(request: Request, account: Account, channel: str):
    return _current(request, account, channel, 409, error=("unbind.out_of_order", "Start with the notice and Next."))


def _current(request: Request, account: Account, channel: str, status_code: int = 200, **context):
    visit = visit_of(request)
    step = _state(visit, channel).get("step", "notice")
    page = {"notice": "unbind-notice", "totp": "unbind-totp", "codes": "unbind-codes",
            "new_email": "change-email-new", "new_email_code": "change-email-code"}[step]
    return _page(request, account, channel, page, status_code, state=_state(visit, channel), **context)


def _unbindable(request: Request, channel: Channel, account: SignedIn) -> Account:
    """The signed-in account, if it may unbind or change this channel now; else the refusal page."""
    if (refused := _refused(request, account, channel)) is not None:
        raise AnsweredEarly(refused)
    return account


Unbindable = Annotated[Account, Depends(_unbindable)]


@router.get("/security/unbind/{channel}")
def unbind_page(request: Request, channel: Channel, account: Unbindable):
    return _current(request, account, channel)


@router.post("/security/unbind/{channel}/next")
def unbind_next(form: PostedForm, channel: Channel, account: Unbindable, visit: CurrentVisit):
    _save(visit, channel, {"step": "totp"})
    return RedirectResponse(f"/security/unbind/{channel}", status_code=303)


@router.post("/security/unbind/{channel}/totp")
def unbind_totp(request: Request, form: PostedForm, channel: Channel, account: Unbindable, visit: CurrentVisit):
    state = _state(visit, channel)
    if state.get("step") != "totp":
        return _out_of_order(request, account, channel)
    checked = check_codes(visit, account, "unbind", ["totp"], form)
    if not checked.all_right:
        return _current(request, account, channel, 401, totp_help=True, error=(
            "unbind.invalid_totp", "The Google Authenticator code is wrong or has expired. Nothing was changed."))
    checked.burn(visit, account)
    send_codes(visit, account, "unbind", ["email", "sms"])
    _save(visit, channel, {"step": "codes"})
    return RedirectResponse(f"/security/unbind/{channel}", status_code=303)


@router.post("/security/unbind/{channel}/resend")
def unbind_resend(request: Request, form: PostedForm, channel: Channel, account: Unbindable, visit: CurrentVisit):
    if _state(visit, channel).get("step") != "codes":
        return _out_of_order(request, account, channel)
    send_codes(visit, account, "unbind", ["email", "sms"])
    return _current(request, account, channel, notice="New codes sent by e-mail and SMS.")


@router.post("/security/unbind/{channel}/codes")
def unbind_codes(request: Request, form: PostedForm, channel: Channel, account: Unbindable, visit: CurrentVisit):
    if _state(visit, channel).get("step") != "codes":
        return _out_of_order(request, account, channel)
    checked = check_codes(visit, account, "unbind", ["email", "sms"], form)
    if not checked.all_right:
        return _current(request, account, channel, 401,
                        error=("unbind.invalid_code", wrong_codes_message(checked.wrong)))
    checked.burn(visit, account)
    if is_change_email(account, channel):
        _save(visit, channel, {"step": "new_email"})
        return RedirectResponse(f"/security/unbind/{channel}", status_code=303)
    old = account.email if channel == "email" else account.phone
    hold = unbind_channel(visit.exchange, visit.db, account, channel, visit.now)
    flow_state.clear(visit.db, visit.session, _flow(channel))
    return _page(request, account, channel, "unbind-done", hold=hold, old=old)


def _new_email_problem(visit: Visit, account: Account, email: str) -> tuple[str, str] | None:
    if problem := email_problem(email):
        return "change_email.invalid", problem
    if email == account.email:
        return "change_email.same", "This is already your account e-mail. Enter the new address."
    if until := reuse_block.blocked_until(visit.db, visit.now, email=email):
        return "reuse.blocked", reuse_block.refusal_message("email", until)
    if account_for_email(visit.db, email) is not None:
        return "change_email.unavailable", "This e-mail address cannot be used. Choose another."
    return None


def _email_change(request: Request, account: SignedIn) -> Account:
    return _unbindable(request, "email", account)


EmailChanger = Annotated[Account, Depends(_email_change)]


@router.post("/security/unbind/email/new-email")
def change_email_address(request: Request, form: PostedForm, account: EmailChanger, visit: CurrentVisit):
    channel = "email"
    if _state(visit, channel).get("step") not in ("new_email", "new_email_code"):
        return _out_of_order(request, account, channel)
    email = normalize_email(form.get("new_email", ""))
    if problem := _new_email_problem(visit, account, email):
        return _page(request, account, channel, "change-email-new", 400, new_email=email, error=problem)
    send_codes(visit, account, "change_email", ["email"], email=email,
               subject_owner=f"change_email:{account.id}:{email}")
    _save(visit, channel, {"step": "new_email_code", "new_email": email})
    return RedirectResponse(f"/security/unbind/{channel}", status_code=303)


@router.post("/security/unbind/email/new-email/code")
def change_email_code(request: Request, form: PostedForm, account: EmailChanger, visit: CurrentVisit):
    channel = "email"
    state = _state(visit, channel)
    if state.get("step") != "new_email_code" or not is_change_email(account, channel):
        return _out_of_order(request, account, channel)
    new_email = state["new_email"]
    owner = f"change_email:{account.id}:{new_email}"
    checked = check_codes(visit, account, "change_email", ["email"], form, subject_owner=owner)
    if not checked.all_right:
        return _current(request, account, channel, 401, error=(
            "change_email.invalid_code", "The code sent to the new address is wrong or has expired."))
    if problem := _new_email_problem(visit, account, new_email):
        return _page(request, account, channel, "change-email-new", 400, new_email=new_email, error=problem)
    checked.burn(visit, account)
    old = account.email
    hold = change_email(visit.exchange, visit.db, account, new_email, visit.now)
    flow_state.clear(visit.db, visit.session, _flow(channel))
    return _page(request, account, channel, "change-email-done", hold=hold, old=old)


# --- binding an e-mail or phone (again) ------------------------------------------------------

BIND_TEMPLATE = "security/bind_method.html"


def _bind_page(request: Request, channel: str, page_id: str, status_code: int = 200, **context):
    return render(request, BIND_TEMPLATE, status_code, page_id=page_id, channel=channel, names=NAMES, **context)


def _parse_destination(channel: str, value: str) -> tuple[str | None, str | None]:
    value = value.strip()
    if channel == "email":
        email = normalize_email(value)
        return (None, problem) if (problem := email_problem(email)) else (email, None)
    try:
        parsed = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is None or not phonenumbers.is_valid_number(parsed):
        return None, "Enter the phone number with its country code, like +46 70 123 45 67."
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164), None


def _destination(channel: str, value: str) -> dict[str, str]:
    """The keyword a reuse-block or code lookup takes for this channel's address."""
    return {"email": value} if channel == "email" else {"phone": value}


def _already_bound(account: Account, channel: str) -> bool:
    return bool(account.phone) if channel == "sms" else bool(account.email)


@router.get("/security/bind/{channel}")
def bind_page(request: Request, channel: Channel, account: SignedIn, visit: CurrentVisit):
    if _already_bound(account, channel):
        return RedirectResponse("/security", status_code=303)
    state = flow_state.load(visit.db, visit.session, f"bind_{channel}", visit.now)
    return _bind_page(request, channel, "bind-code" if state.get("value") else "bind-method", value=state.get("value"))


@router.post("/security/bind/{channel}")
def bind_submit(request: Request, form: PostedForm, channel: Channel, account: SignedIn, visit: CurrentVisit):
    if _already_bound(account, channel):
        return _bind_page(request, channel, "bind-method", 409,
                          error=("bind.already_bound", f"{NAMES[channel]} is already bound."))
    raw = form.get("destination", "")
    value, problem = _parse_destination(channel, raw)
    if problem:
        return _bind_page(request, channel, "bind-method", 400, value=raw, error=("bind.invalid", problem))
    until = reuse_block.blocked_until(visit.db, visit.now, **_destination(channel, value))
    if until is not None:
        return _bind_page(request, channel, "bind-method", 409, value=value, error=(
            "reuse.blocked", reuse_block.refusal_message("email" if channel == "email" else "phone", until)))
    taken = account_for_phone(visit.db, value) if channel == "sms" else account_for_email(visit.db, value)
    if taken is not None and taken.id != account.id:
        return _bind_page(request, channel, "bind-method", 409, value=value, error=(
            "bind.unavailable", "This cannot be bound to your account. Use another one."))
    owner = f"bind_{channel}:{account.id}:{value}"
    send_codes(visit, account, f"bind_{channel}", [channel], subject_owner=owner,
               **_destination(channel, value))
    flow_state.save(visit.db, visit.session, f"bind_{channel}", {"value": value}, visit.now)
    return RedirectResponse(f"/security/bind/{channel}", status_code=303)


@router.post("/security/bind/{channel}/code")
def bind_code(request: Request, form: PostedForm, channel: Channel, account: SignedIn, visit: CurrentVisit):
    value = flow_state.load(visit.db, visit.session, f"bind_{channel}", visit.now).get("value")
    if not value or _already_bound(account, channel):
        return RedirectResponse(f"/security/bind/{channel}", status_code=303)
    owner = f"bind_{channel}:{account.id}:{value}"
    checked = check_codes(visit, account, f"bind_{channel}", [channel], form, subject_owner=owner)
    if not checked.all_right:
        return _bind_page(request, channel, "bind-code", 401, value=value, error=(
            "bind.invalid_code", "The verification code is wrong or has expired."))
    if reuse_block.blocked_until(visit.db, visit.now, **_destination(channel, value)):
        return _bind_page(request, channel, "bind-method", 409, error=("reuse.blocked", "This cannot be bound yet."))
    checked.burn(visit, account)
    (bind_phone if channel == "sms" else bind_email)(visit.exchange, visit.db, account, value, visit.now)
    flow_state.clear(visit.db, visit.session, f"bind_{channel}")
    return _bind_page(request, channel, "bind-done", value=value)


@router.get("/help/2fa-code-errors")
def totp_help(request: Request):
    return render(request, "security/totp_help.html")
