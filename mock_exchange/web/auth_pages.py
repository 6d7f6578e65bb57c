"""Sign up, log in (password, then the verification step), and log out."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse
from starlette.concurrency import run_in_threadpool

from .. import codes as second_factors
from ..identities import account_for_email
from ..lockout import throttle_key
from ..models import Account
from ..passwords import hash_password, password_problems, verify_password
from .forms import checked_form, email_problem, normalize_email
from .rendering import render
from .visit import Visit, visit_of

router = APIRouter()


def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


# --- sign up -------------------------------------------------------------------------------


@router.get("/signup")
def signup_page(request: Request):
    return render(request, "signup.html")


@router.post("/signup")
async def signup_submit(request: Request):
    form = await checked_form(request)
    return await run_in_threadpool(_signup, request, form)


def _signup(request: Request, form: dict[str, str]):
    visit = visit_of(request)
    email = normalize_email(form.get("email", ""))
    password = form.get("password", "")
    errors = {}
    if problem := email_problem(email):
        errors["email"] = problem
    if problems := password_problems(password, visit.brand.policy, email):
        errors["password"] = " ".join(problems)
    if errors:
        return render(request, "signup.html", 400, errors=errors, email=email)

    brand = visit.brand
    if account_for_email(visit.db, email) is None:
        visit.db.add(
            Account(
                registered_via="email", email=email, email_login=True,
                password_hash=hash_password(password), created_at=visit.now,
            )
        )
        visit.db.flush()
        visit.exchange.mailer.send(
            email,
            f"Welcome to {brand.name}: your account is registered",
            f"Your {brand.name} account has been registered with this e-mail address: {email}\n\n"
            f"Keep this message: it tells you which address you signed up with.\n"
            f"If you did not sign up, contact {brand.service_email}.\n",
        )
    else:
        # Same screen as a new registration (no account enumeration); the owner is told.
        visit.exchange.mailer.send(
            email,
            f"{brand.name}: someone tried to register your e-mail again",
            f"Someone tried to sign up for {brand.name} with {email}, which already has an account.\n"
            f"If it was you, log in or use Forgot Password. If not, you can ignore this message.\n",
        )
    return render(request, "signup_done.html", email=email)


# --- log in --------------------------------------------------------------------------------


@router.get("/login")
def login_page(request: Request):
    if visit_of(request).signed_in_account() is not None:
        return _see_other("/account")
    notice = "logged_out" if request.query_params.get("logged_out") else None
    return render(request, "login.html", notice=notice)


@router.post("/login")
async def login_submit(request: Request):
    form = await checked_form(request)
    return await run_in_threadpool(_login, request, form)


def _locked(request: Request, email: str, locked_until):
    visit = visit_of(request)
    minutes_left = max(1, int(-(-(locked_until - visit.now).total_seconds() // 60)))
    return render(request, "login.html", 423, email=email, locked_until=locked_until, minutes_left=minutes_left)


def _login(request: Request, form: dict[str, str]):
    visit = visit_of(request)
    email = normalize_email(form.get("email", ""))
    password = form.get("password", "")
    if problem := email_problem(email):
        return render(request, "login.html", 400, email=email, error=("login.email_invalid", problem))
    if not password:
        return render(request, "login.html", 400, email=email, error=("login.password_missing", "Enter your password."))

    lockout = visit.exchange.lockout
    account = account_for_email(visit.db, email)
    key = throttle_key(account, email)
    state = lockout.state(visit.db, key)
    if state.is_locked(visit.now):
        return _locked(request, email, state.locked_until)

    if not verify_password(account.password_hash if account else None, password):
        state = lockout.record_failure(visit.db, key, visit.now)
        if state.is_locked(visit.now):
            return _locked(request, email, state.locked_until)
        left = lockout.attempts_left(state)
        message = (
            f"Incorrect e-mail or password. {left} attempt{'s' if left != 1 else ''} left before the account "
            f"is locked for {visit.brand.policy.lockout_minutes} minutes."
        )
        return render(request, "login.html", 401, email=email, error=("login.invalid_credentials", message))

    if _second_factors(account):
        # Not a success yet: the count resets only when the whole sign-in succeeds, or a
        # password holder would get unlimited code guesses, four at a time.
        visit.session = visit.exchange.sessions.rotate(visit.db, visit.session, visit.now, account_id=None)
        visit.session.record.pending_account_id = account.id
        _send_login_codes(visit, account)
        return _see_other("/login/verify")
    lockout.record_success(visit.db, key)
    visit.session = visit.exchange.sessions.rotate(visit.db, visit.session, visit.now, account_id=account.id)
    return _see_other("/account")


# --- verification step ---------------------------------------------------------------------


def _second_factors(account: Account) -> list[str]:
    factors = []
    if account.email_2fa and account.email:
        factors.append("email")
    if account.sms_2fa and account.phone:
        factors.append("sms")
    if account.totp_secret:
        factors.append("totp")
    return factors


def _send_login_codes(visit: Visit, account: Account) -> None:
    brand = visit.brand
    minutes = brand.policy.code_lifetime_minutes
    for channel in _second_factors(account):
        if channel == "totp":
            continue
        code = visit.exchange.codes.issue(visit.db, account, "login", channel, visit.now)
        text = f"Your {brand.name} login verification code is {code}. It expires in {minutes} minutes."
        if channel == "email":
            visit.exchange.mailer.send(account.email, f"{brand.name} login verification code", text)
        else:
            visit.exchange.sms.send(visit.db, account.phone, f"[{brand.name}] {text}")


def pending_account(visit: Visit) -> Account | None:
    if visit.session is None or visit.session.record.pending_account_id is None:
        return None
    return visit.db.get(Account, visit.session.record.pending_account_id)


@router.get("/login/verify")
def verify_page(request: Request):
    account = pending_account(visit_of(request))
    if account is None:
        return _see_other("/login")
    return render(request, "verify.html", factors=_second_factors(account))


@router.post("/login/verify")
async def verify_submit(request: Request):
    form = await checked_form(request)
    return await run_in_threadpool(_verify, request, form)


def _verify(request: Request, form: dict[str, str]):
    visit = visit_of(request)
    account = pending_account(visit)
    if account is None:
        return _see_other("/login")
    factors = _second_factors(account)
    lockout = visit.exchange.lockout
    key = throttle_key(account, account.email or "")
    state = lockout.state(visit.db, key)
    if state.is_locked(visit.now):
        visit.session = visit.exchange.sessions.rotate(visit.db, visit.session, visit.now, account_id=None)
        return _locked(request, account.email or "", state.locked_until)

    matched_codes, totp_step, all_right = [], None, True
    for factor in factors:
        code = form.get(f"{factor}_code", "")
        if factor == "totp":
            totp_step = second_factors.matching_totp_step(account, code, visit.now)
            all_right &= totp_step is not None
        else:
            found = visit.exchange.codes.find_valid(visit.db, account, "login", factor, code, visit.now)
            matched_codes.append(found)
            all_right &= found is not None
    if not all_right:
        state = lockout.record_failure(visit.db, key, visit.now)
        if state.is_locked(visit.now):
            visit.session = visit.exchange.sessions.rotate(visit.db, visit.session, visit.now, account_id=None)
            return _locked(request, account.email or "", state.locked_until)
        left = lockout.attempts_left(state)
        message = f"A verification code is wrong or has expired. {left} attempt{'s' if left != 1 else ''} left."
        return render(request, "verify.html", 401, factors=factors, error=("verify.invalid_code", message))

    for found in matched_codes:
        found.used_at = visit.now
    if totp_step is not None:
        account.totp_last_step = totp_step
    lockout.record_success(visit.db, key)
    visit.session = visit.exchange.sessions.rotate(visit.db, visit.session, visit.now, account_id=account.id)
    return _see_other("/account")


# --- log out -------------------------------------------------------------------------------


@router.post("/logout")
async def logout(request: Request):
    await checked_form(request)
    visit = visit_of(request)
    if visit.session is not None:
        visit.exchange.sessions.end(visit.session, visit.now)
        visit.session = None
    return _see_other("/login?logged_out=1")
