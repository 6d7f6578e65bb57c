"""Log in with e-mail or phone number and password, and log out."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from .. import devices
from ..identities import account_for_email, account_for_phone
from ..lockout import throttle_key
from ..passwords import verify_password
from ..phones import PhoneProblem, countries, to_e164
from .dependencies import CurrentVisit, PostedForm
from .forms import email_problem, normalize_email
from .login_state import sign_in_or_verify
from .rendering import render
from .visit import visit_of

router = APIRouter()

SOCIAL_HINT = "If you registered with Google or Apple, use Continue with Google or Continue with Apple instead."


def render_login(request: Request, status_code: int = 200, **context):
    visit = visit_of(request)
    context.setdefault("method", "phone" if request.query_params.get("with") == "phone" else "email")
    context.setdefault("country", "SE")
    return render(
        request, "login.html", status_code, countries=countries(), maintenance=visit.exchange.maintenance, **context
    )


@router.get("/login")
def login_page(request: Request, visit: CurrentVisit):
    if visit.signed_in_account() is not None:
        return RedirectResponse("/account", status_code=303)
    notice = "logged_out" if request.query_params.get("logged_out") else None
    return render_login(request, notice=notice)


def locked_response(request: Request, identifier: str, locked_until, **context):
    visit = visit_of(request)
    minutes_left = max(1, int(-(-(locked_until - visit.now).total_seconds() // 60)))
    return render_login(request, 423, email=identifier, locked_until=locked_until, minutes_left=minutes_left, **context)


def held_lock_response(request: Request, held, identifier: str, **context):
    """The login page saying which lock holds the account (423)."""
    if held.kind == "review":
        return render_login(request, 423, email=identifier, review_locked=True, **context)
    return locked_response(request, identifier, held.until, **context)


@router.post("/login")
def login_submit(request: Request, form: PostedForm, visit: CurrentVisit):
    method = "phone" if form.get("method") == "phone" else "email"
    password = form.get("password", "")
    shown = {"method": method, "country": form.get("country", "SE"), "phone": form.get("phone", "")}
    if visit.exchange.maintenance:
        return render_login(request, 503, error=("login.maintenance", visit.exchange.maintenance_message()), **shown)
    if method == "phone":
        try:
            identifier = to_e164(form.get("country", ""), form.get("phone", ""))
        except PhoneProblem as problem:
            return render_login(request, 400, error=("login.phone_invalid", str(problem)), **shown)
        account = account_for_phone(visit.db, identifier)
    else:
        identifier = normalize_email(form.get("email", ""))
        if problem := email_problem(identifier):
            return render_login(request, 400, email=identifier, error=("login.email_invalid", problem), **shown)
        account = account_for_email(visit.db, identifier)
    if not password:
        return render_login(request, 400, email=identifier, error=("login.password_missing", "Enter your password."),
                            **shown)

    lockout = visit.exchange.lockout
    key = throttle_key(account, identifier)
    state = lockout.state(visit.db, key)
    if state.is_locked(visit.now):
        return locked_response(request, identifier, state.locked_until, **shown)
    if account is not None and account.review_locked:
        return render_login(request, 423, email=identifier, review_locked=True, **shown)
    if not verify_password(account.password_hash if account else None, password):
        if account is not None and _count_unfamiliar_failure(visit, account):
            return render_login(request, 423, email=identifier, review_locked=True, **shown)
        state = lockout.record_failure(visit.db, key, visit.now)
        if state.is_locked(visit.now):
            return locked_response(request, identifier, state.locked_until, **shown)
        left = lockout.attempts_left(state)
        label = "phone number" if method == "phone" else "e-mail"
        message = (
            f"Incorrect {label} or password. {left} attempt{'s' if left != 1 else ''} left before the account "
            f"is locked for {visit.brand.policy.lockout_minutes} minutes. {SOCIAL_HINT}"
        )
        return render_login(request, 401, email=identifier, error=("login.invalid_credentials", message), **shown)
    return sign_in_or_verify(visit, account)


def _count_unfamiliar_failure(visit, account) -> bool:
    """A wrong password from a device that never signed in here; True when it locks the account.

    Seeds/003 line 5: repeated failures "from an unfamiliar location" lock the account until the
    owner passes a support review (an ID photo and a selfie); the lock does not lift by itself.
    """
    if not visit.brand.has("unfamiliar_location_lock") or devices.is_known(visit.db, account, visit.device_id):
        return False
    account.unfamiliar_failures += 1
    if account.unfamiliar_failures < visit.brand.policy.unfamiliar_failure_threshold:
        return False
    account.review_locked = True
    if account.email:
        visit.exchange.mailer.send(
            account.email,
            f"{visit.brand.name}: your account was locked for your security",
            f"We locked your {visit.brand.name} account after repeated failed sign-in attempts from a device "
            "you have not used before. To unlock it, submit a verification ticket with a photo of your ID and "
            f"a selfie: {visit.exchange.public_origin or ''}/support/unlock",
        )
    return True


@router.post("/logout")
def logout(form: PostedForm, visit: CurrentVisit):
    if visit.session is not None:
        visit.exchange.sessions.end(visit.session, visit.now)
        visit.session = None
    return RedirectResponse("/login?logged_out=1", status_code=303)
