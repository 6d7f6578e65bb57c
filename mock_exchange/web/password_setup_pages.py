"""Security -> Login password: an account made with Google or Apple confirms its bound e-mail
and sets a password, after which e-mail and password sign in too (seeds/000:6)."""

from __future__ import annotations

from fastapi import APIRouter, Request

from ..identities import account_for_email
from ..passwords import hash_password, password_problems
from .dependencies import CurrentVisit, PostedForm, SignedIn
from .rendering import render

router = APIRouter(prefix="/security/password")
PURPOSE = "set_password"


def _page(request: Request, status_code: int = 200, **context):
    return render(request, "security_password.html", status_code, **context)


@router.get("")
def password_page(request: Request, account: SignedIn):
    return _page(request, account=account, code_sent=False)


@router.post("/code")
def send_code(request: Request, form: PostedForm, account: SignedIn, visit: CurrentVisit):
    if account.password_hash or not account.email:
        return _page(request, 400, account=account, code_sent=False,
                     error=("password.not_applicable", "This account cannot set a password here."))
    code = visit.exchange.codes.issue(visit.db, account, PURPOSE, "email", visit.now)
    visit.exchange.mailer.send(
        account.email,
        f"{visit.brand.name}: confirm your e-mail to set a password",
        f"Your code to confirm this e-mail and set a {visit.brand.name} login password is {code}. "
        f"It expires in {visit.brand.policy.code_lifetime_minutes} minutes.",
    )
    return _page(request, account=account, code_sent=True)


@router.post("")
def set_password(request: Request, form: PostedForm, account: SignedIn, visit: CurrentVisit):
    if account.password_hash or not account.email:
        return _page(request, 400, account=account, code_sent=False,
                     error=("password.not_applicable", "This account cannot set a password here."))
    password = form.get("password", "")
    found = visit.exchange.codes.find_valid(visit.db, account, PURPOSE, "email", form.get("code", ""), visit.now)
    if found is None:
        return _page(request, 400, account=account, code_sent=True,
                     error=("password.invalid_code", "The e-mail code is wrong or has expired."))
    if problems := password_problems(password, visit.brand.policy, account.email):
        return _page(request, 400, account=account, code_sent=True, error=("password.weak", " ".join(problems)))
    other = account_for_email(visit.db, account.email)
    if other is not None and other.id != account.id:
        return _page(request, 409, account=account, code_sent=True, error=(
            "password.email_taken",
            "This e-mail already signs in to another account with a password. "
            "Each registration is a separate account.",
        ))
    found.used_at = visit.now
    visit.exchange.mailer.send(
        account.email,
        f"{visit.brand.name}: a login password was set",
        f"A login password was set for your {visit.brand.name} account {account.email}. "
        f"If this was not you, contact {visit.brand.service_email} at once.",
    )
    account.password_hash = hash_password(password)
    account.email_login = True
    return _page(request, account=account, code_sent=False, notice=(
        "password.set", "Password set. You can now log in with your e-mail and password on any device."))
