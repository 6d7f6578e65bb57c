"""Forgot password: identifier -> Next -> "I'm not a robot" -> the code -> Confirm -> new password.

Seeds/001 lines 17-22 and seeds/000 line 11. An unknown e-mail or phone goes through the same
screens with the same wording and nothing is sent (no account enumeration). The robot check is
a one-time challenge tied to the session: no code is sent before it passes, and the code step
refuses a session that skipped it. The reset ends the account's sessions and starts the
24-hour withdrawal hold.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

import phonenumbers
from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from sqlalchemy import select

from .. import flow_state
from ..identities import account_for_email, account_for_phone
from ..models import Account
from ..passwords import password_problems
from ..security_changes import reset_password
from .account_locks import lock_holding
from .dependencies import CurrentVisit, PostedForm
from .forms import email_problem, normalize_email
from .rendering import render
from .visit import Visit, visit_of

router = APIRouter()
FLOW = "forgot_password"
MAX_CODE_ATTEMPTS = 5
TEMPLATE = "recovery/forgot_password.html"


def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


def parse_identifier(value: str) -> tuple[str, str] | str:
    """(kind, normalized) for an e-mail or an international phone number, else a message."""
    value = value.strip()
    if not value:
        return "Enter the e-mail address or phone number you registered with."
    if value.startswith("+"):
        try:
            parsed = phonenumbers.parse(value, None)
        except phonenumbers.NumberParseException:
            parsed = None
        if parsed is None or not phonenumbers.is_valid_number(parsed):
            return "Enter the phone number with its country code, like +46 70 123 45 67."
        return "phone", phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    email = normalize_email(value)
    if problem := email_problem(email):
        return problem + " For a phone number, start with + and the country code."
    return "email", email


def account_for_reset(db, kind: str, value: str) -> Account | None:
    """E-mail: the account that signs in with it, or one that has it bound as e-mail 2FA
    (seeds/001 line 21). Phone: a phone account, or one with SMS 2FA on that number (line 20)."""
    if kind == "email":
        account = account_for_email(db, value)
        if account is None:
            account = db.scalar(select(Account).where(Account.email == value, Account.email_2fa.is_(True)))
        return account
    account = account_for_phone(db, value)
    if account is not None and (account.registered_via == "phone" or account.sms_2fa):
        return account
    return None


def _state(visit: Visit) -> dict:
    return flow_state.load(visit.db, visit.session, FLOW, visit.now)


def _save(visit: Visit, data: dict) -> None:
    flow_state.save(visit.db, visit.ensure_session(), FLOW, data, visit.now)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _page(request: Request, page_id: str, status_code: int = 200, **context):
    return render(request, TEMPLATE, status_code, page_id=page_id, **context)


# --- 1. the account's e-mail or phone --------------------------------------------------------


@router.get("/forgot-password")
def forgot_page(request: Request):
    return _page(request, "forgot-password")


@router.post("/forgot-password")
def forgot_submit(request: Request, form: PostedForm, visit: CurrentVisit):
    parsed = parse_identifier(form.get("identifier", ""))
    if isinstance(parsed, str):
        return _page(request, "forgot-password", 400, identifier=form.get("identifier", ""),
                     error=("forgot.identifier_invalid", parsed))
    kind, value = parsed
    account = account_for_reset(visit.db, kind, value)
    _save(visit, {"kind": kind, "identifier": value, "account_id": account.id if account else None})
    return _see_other("/forgot-password/robot")


# --- 2. "I'm not a robot" -----------------------------------------------------------------


def _robot_page(request: Request, state: dict, status_code: int = 200, **context):
    visit = visit_of(request)
    token = secrets.token_urlsafe(24)
    _save(visit, {**state, "challenge": _digest(token)})
    return _page(request, "forgot-robot", status_code, challenge=token, identifier=state["identifier"], **context)


@router.get("/forgot-password/robot")
def robot_page(request: Request, visit: CurrentVisit):
    state = _state(visit)
    if not state.get("identifier"):
        return _see_other("/forgot-password")
    if state.get("robot_passed"):
        return _see_other("/forgot-password/code")
    return _robot_page(request, state)


@router.post("/forgot-password/robot")
def robot_submit(request: Request, form: PostedForm, visit: CurrentVisit):
    state = _state(visit)
    if not state.get("identifier"):
        return _see_other("/forgot-password")
    expected = state.pop("challenge", None)
    token = form.get("challenge", "")
    if form.get("not_a_robot") != "yes":
        return _robot_page(request, state, 400, error=("forgot.robot_unticked", "Tick “I'm not a robot” to continue."))
    if not expected or not hmac.compare_digest(expected, _digest(token)):
        return _robot_page(request, state, 400, error=("forgot.robot_failed",
                                                       "The security check has expired. Tick “I'm not a robot” again."))
    state["robot_passed"] = True
    state["attempts"] = 0
    _save(visit, state)
    _send_reset_code(visit, state)
    return _see_other("/forgot-password/code")


def _send_reset_code(visit: Visit, state: dict) -> None:
    if state.get("account_id") is None:
        return  # unknown address: same screens, nothing sent
    account = visit.db.get(Account, state["account_id"])
    brand = visit.brand
    channel = "email" if state["kind"] == "email" else "sms"
    code = visit.exchange.codes.issue(visit.db, account, "reset", channel, visit.now)
    text = (f"Your {brand.name} password reset code is {code}. It expires in "
            f"{brand.policy.code_lifetime_minutes} minutes. If you did not ask for it, ignore this message.")
    if channel == "email":
        visit.exchange.mailer.send(state["identifier"], f"{brand.name} password reset code", text)
    else:
        visit.exchange.sms.send(visit.db, state["identifier"], f"[{brand.name}] {text}")


# --- 3. the code ------------------------------------------------------------------------


@router.get("/forgot-password/code")
def code_page(request: Request, visit: CurrentVisit):
    state = _state(visit)
    if not state.get("identifier"):
        return _see_other("/forgot-password")
    if not state.get("robot_passed"):
        return _see_other("/forgot-password/robot")
    return _page(request, "forgot-code", identifier=state["identifier"], kind=state["kind"])


@router.post("/forgot-password/code")
def code_submit(request: Request, form: PostedForm, visit: CurrentVisit):
    state = _state(visit)
    if not state.get("identifier"):
        return _see_other("/forgot-password")
    if not state.get("robot_passed"):
        return _page(request, "forgot-refused", 403, error=(
            "forgot.robot_required", "Complete the “I'm not a robot” check first."))
    code = form.get("code", "")
    found = None
    if state.get("account_id") is not None:
        account = visit.db.get(Account, state["account_id"])
        if (held := lock_holding(visit, account)) is not None:  # evaluate no code while locked
            return _page(request, "forgot-code", 423, identifier=state["identifier"], kind=state["kind"],
                         error=("forgot.locked", held.message))
        channel = "email" if state["kind"] == "email" else "sms"
        found = visit.exchange.codes.find_valid(visit.db, account, "reset", channel, code, visit.now)
    if found is None:
        state["attempts"] = state.get("attempts", 0) + 1
        if state["attempts"] >= MAX_CODE_ATTEMPTS:
            flow_state.clear(visit.db, visit.session, FLOW)
            return _page(request, "forgot-password", 400, error=(
                "forgot.too_many_codes", "Too many wrong codes. Start again to get a new code."))
        _save(visit, state)
        message = ("The verification code is wrong or has expired. Check the latest message and try again."
                   if code.isascii() and code.isdigit() and len(code) == 6 else "Enter the 6-digit verification code.")
        return _page(request, "forgot-code", 400, identifier=state["identifier"], kind=state["kind"],
                     error=("forgot.invalid_code", message))
    found.used_at = visit.now
    state["code_verified"] = True
    _save(visit, state)
    return _see_other("/forgot-password/new")


# --- 4. the new password ------------------------------------------------------------------


@router.get("/forgot-password/new")
def new_password_page(request: Request, visit: CurrentVisit):
    state = _state(visit)
    if not state.get("code_verified"):
        return _see_other("/forgot-password")
    return _page(request, "forgot-new-password")


@router.post("/forgot-password/new")
def new_password_submit(request: Request, form: PostedForm, visit: CurrentVisit):
    state = _state(visit)
    if not state.get("code_verified") or state.get("account_id") is None:
        return _see_other("/forgot-password")
    account = visit.db.get(Account, state["account_id"])
    password, repeated = form.get("password", ""), form.get("password_again", "")
    problems = password_problems(password, visit.brand.policy, account.email or "")
    if not problems and password != repeated:
        problems = ["The two passwords are not the same."]
    if problems:
        return _page(request, "forgot-new-password", 400, error=("forgot.password_rejected", " ".join(problems)))
    hold = reset_password(visit.exchange, visit.db, account, password, visit.now)
    flow_state.clear(visit.db, visit.session, FLOW)
    return _page(request, "forgot-done", hold=hold)
