"""Sign up with an e-mail address, or with a phone number confirmed by an SMS code.

Both answer a registered address exactly like a new one (no account enumeration): the owner of
the address is told by e-mail or SMS instead.
"""

from __future__ import annotations

import json

from fastapi import APIRouter, Request
from fastapi.responses import RedirectResponse

from ..identities import account_for_email, account_for_phone
from ..models import Account
from ..passwords import hash_password, password_problems
from ..phones import PhoneProblem, countries, display, to_e164
from ..reuse_block import blocked_until, refusal_message
from .dependencies import CurrentVisit, PostedForm
from .forms import email_problem, normalize_email
from .rendering import render
from .visit import Visit

router = APIRouter()


def _render_signup(request: Request, status_code: int = 200, **context):
    context.setdefault("method", "phone" if request.query_params.get("with") == "phone" else "email")
    context.setdefault("country", "SE")
    return render(request, "signup.html", status_code, countries=countries(), **context)


@router.get("/signup")
def signup_page(request: Request):
    return _render_signup(request)


@router.post("/signup")
def signup_submit(request: Request, form: PostedForm, visit: CurrentVisit):
    if form.get("method") == "phone":
        return _signup_by_phone(request, form, visit)
    email = normalize_email(form.get("email", ""))
    password = form.get("password", "")
    errors = {}
    if problem := email_problem(email):
        errors["email"] = problem
    elif until := blocked_until(visit.db, visit.now, email=email):
        errors["email"] = refusal_message("email", until)  # seeds/001 lines 28, 55
    if problems := password_problems(password, visit.brand.policy, email):
        errors["password"] = " ".join(problems)
    if errors:
        return _render_signup(request, 400, errors=errors, email=email, method="email")

    brand = visit.brand
    if account_for_email(visit.db, email) is None:
        visit.db.add(
            Account(registered_via="email", email=email, email_login=True,
                    password_hash=hash_password(password), created_at=visit.now)
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
        hash_password(password)  # the same argon2 cost as a new account: timing must not tell (ASVS V6.3.8)
        visit.exchange.mailer.send(
            email,
            f"{brand.name}: someone tried to register your e-mail again",
            f"Someone tried to sign up for {brand.name} with {email}, which already has an account.\n"
            f"If it was you, log in or use Forgot Password. If not, you can ignore this message.\n",
        )
    return render(request, "signup_done.html", email=email)


def _signup_by_phone(request: Request, form: dict[str, str], visit: Visit):
    password = form.get("password", "")
    shown = {"method": "phone", "country": form.get("country", ""), "phone": form.get("phone", "")}
    errors = {}
    try:
        phone = to_e164(form.get("country", ""), form.get("phone", ""))
    except PhoneProblem as problem:
        errors["phone"] = str(problem)
        phone = ""
    else:
        if until := blocked_until(visit.db, visit.now, phone=phone):
            errors["phone"] = refusal_message("phone", until)
    if problems := password_problems(password, visit.brand.policy):
        errors["password"] = " ".join(problems)
    if errors:
        return _render_signup(request, 400, errors=errors, **shown)

    brand = visit.brand
    session = visit.ensure_session().record
    if account_for_phone(visit.db, phone) is None:
        session.pending_signup = json.dumps({"phone": phone, "password_hash": hash_password(password)})
        code = visit.exchange.codes.issue(visit.db, f"phone:{phone}", "signup", "sms", visit.now)
        visit.exchange.sms.send(
            visit.db, phone,
            f"[{brand.name}] Your sign-up code is {code}. It expires in {brand.policy.code_lifetime_minutes} minutes.",
        )
    else:
        session.pending_signup = json.dumps({"phone": phone, "password_hash": None})
        visit.exchange.sms.send(
            visit.db, phone,
            f"[{brand.name}] Someone tried to sign up with this number, which already has an account. "
            "If it was you, log in or use Forgot Password.",
        )
    return RedirectResponse("/signup/phone-code", status_code=303)


def _pending_signup(visit: Visit) -> dict | None:
    if visit.session is None or not visit.session.record.pending_signup:
        return None
    return json.loads(visit.session.record.pending_signup)


@router.get("/signup/phone-code")
def phone_code_page(request: Request, visit: CurrentVisit):
    pending = _pending_signup(visit)
    if pending is None:
        return RedirectResponse("/signup?with=phone", status_code=303)
    return render(request, "signup_phone_code.html", phone=display(pending["phone"]))


@router.post("/signup/phone-code")
def phone_code_submit(request: Request, form: PostedForm, visit: CurrentVisit):
    pending = _pending_signup(visit)
    if pending is None:
        return RedirectResponse("/signup?with=phone", status_code=303)
    phone = pending["phone"]
    found = visit.exchange.codes.find_valid(visit.db, f"phone:{phone}", "signup", "sms", form.get("code", ""),
                                           visit.now)
    if found is None or pending["password_hash"] is None or account_for_phone(visit.db, phone) is not None:
        return render(request, "signup_phone_code.html", 400, phone=display(phone),
                      error=("signup.invalid_code", "The code is wrong or has expired."))
    found.used_at = visit.now
    visit.session.record.pending_signup = None
    visit.db.add(Account(registered_via="phone", phone=phone, password_hash=pending["password_hash"],
                         created_at=visit.now))
    visit.exchange.sms.send(visit.db, phone, f"[{visit.brand.name}] Your account is registered with this number.")
    return render(request, "signup_done.html", phone=display(phone))
