"""Reset Mobile Number (seeds/004 lines 1-45): instructions -> e-mail + password -> e-mail code ->
the information check the system picks -> reset, or pending manual review.

Where the wizard stands is kept server-side (flow_state, flow "mobile_reset"), so a later step
cannot be reached by posting to its URL; the security-question attempts are counted on the
account, so a new session does not bring them back.
"""

from __future__ import annotations

import secrets
from typing import Annotated

from fastapi import APIRouter, Depends, Request
from fastapi.responses import RedirectResponse
from sqlalchemy import select

from .. import flow_state, security_questions
from ..checklist_reviews import open_coinex_review
from ..identities import account_for_email
from ..kyc import profile_of
from ..lockout import throttle_key
from ..mobile_reset import attempts_left, choose_check, reset_mobile
from ..models import Account, CoinexProfile, EvidenceFile, FlowState, Review
from ..passwords import verify_password
from ..phones import countries
from .uploads import Upload, brand_upload, image_problem, image_type, problem_status
from .account_locks import lock_holding
from .dependencies import CurrentVisit, PostedForm
from .forms import email_problem, normalize_email
from .rendering import render
from .visit import Visit, visit_of

router = APIRouter()
FLOW = "mobile_reset"
PURPOSE = "mobile_reset"
NOTICE_KINDS = {"deposit": "Deposit notification", "withdrawal": "Withdrawal notification",
                "signup": "Successful sign-up notification", "login": "Successful login notification"}
BIO_STAGES = ("intro", "continue", "device", "country", "tips", "capture")
FACE_TIPS = (  # seeds/004 lines 28-31
    "Prepare your camera: make sure it works properly.",
    "Choose a well-lit area: avoid dark or backlit places.",
    "Keep your face fully visible and centred within the frame.",
    "Do not wear a hat, glasses or a mask.",
)


def _state(visit: Visit) -> dict:
    return flow_state.load(visit.db, visit.session, FLOW, visit.now)


def _save(visit: Visit, state: dict) -> None:
    flow_state.save(visit.db, visit.ensure_session(), FLOW, state, visit.now)


def _account(visit: Visit, state: dict) -> Account | None:
    return visit.db.get(Account, state["account_id"]) if state.get("account_id") else None


def _page(request: Request, page_id: str, status_code: int = 200, **context):
    visit = visit_of(request)
    state = _state(visit)
    account = _account(visit, state)
    if account is not None and page_id in ("mobile-reset-attention", "mobile-reset-questions",
                                           "mobile-reset-questions-failed"):
        context.setdefault("attempts_left", attempts_left(visit.exchange, visit.db, account))
        context.setdefault("questions", security_questions.questions_for(visit.db, account))
    return render(request, "mobile_reset.html", status_code, page_id=page_id, state=state, countries=countries(),
                  notice_kinds=NOTICE_KINDS, face_tips=FACE_TIPS, account=visit.signed_in_account(), **context)


def _current_page(request: Request):
    visit = visit_of(request)
    state = _state(visit)
    step = state.get("step", "instructions")
    if step == "pending":
        review = visit.db.get(Review, state.get("review_id") or 0)
        if review is not None and review.status == "approved":
            return _page(request, "mobile-reset-done")
        if review is not None and review.status == "rejected":
            return _page(request, "mobile-reset-rejected", review=review)
        return _page(request, "mobile-reset-pending", review=review)
    if step == "questions":
        return _page(request, "mobile-reset-questions" if state.get("started") else "mobile-reset-attention")
    if step == "biometric":
        return _page(request, "mobile-reset-biometric", stage=state.get("stage", "intro"))
    return _page(request, f"mobile-reset-{step}")


@router.get("/reset-mobile")
def reset_page(request: Request):
    return _current_page(request)


def _post(handler):
    def endpoint(request: Request, form: PostedForm, visit: CurrentVisit):
        return handler(request, form, visit)
    return endpoint


def _to_wizard() -> RedirectResponse:
    return RedirectResponse("/reset-mobile", status_code=303)


def _out_of_step(request: Request):
    return _page(request, "mobile-reset-instructions", 409, error=(
        "reset.out_of_step", "That step is not open yet. Start the mobile reset from the beginning."))


def _agree(request: Request, form: dict[str, str], visit: Visit):
    if form.get("agree") != "yes":
        return _page(request, "mobile-reset-instructions", 400, error=(
            "reset.agree_required", "Read the reset instructions and tick \"I Agree\" before you confirm the reset."))
    _save(visit, {"step": "credentials"})
    return _to_wizard()


def _credentials(request: Request, form: dict[str, str], visit: Visit):
    state = _state(visit)
    if state.get("step") != "credentials":
        return _out_of_step(request)
    email, password = normalize_email(form.get("email", "")), form.get("password", "")
    if problem := email_problem(email):
        return _page(request, "mobile-reset-credentials", 400, email=email, error=("reset.email_invalid", problem))
    if not password:
        return _page(request, "mobile-reset-credentials", 400, email=email, error=(
            "reset.password_missing", "Enter your password, or use Forgot Password."))
    account = account_for_email(visit.db, email)
    key = throttle_key(account, email)
    lockout = visit.exchange.lockout
    if lockout.state(visit.db, key).is_locked(visit.now):
        return _page(request, "mobile-reset-credentials", 423, email=email, error=(
            "reset.locked", "Too many failed attempts: this account is locked for now. Try again later."))
    if (held := lock_holding(visit, account)) is not None:
        return _page(request, "mobile-reset-credentials", 423, email=email, error=("reset.locked", held.message))
    if not verify_password(account.password_hash if account else None, password):
        lockout.record_failure(visit.db, key, visit.now)
        return _page(request, "mobile-reset-credentials", 401, email=email, error=(
            "reset.invalid_credentials",
            "Incorrect e-mail or password. If you forgot the password, use Forgot Password."))
    if not account.phone:  # the password is right, so saying this reveals nothing to a stranger
        return _page(request, "mobile-reset-credentials", 409, email=email, error=(
            "reset.no_mobile", "No mobile number is bound to this account, so there is nothing to reset."))
    _send_code(visit, account)
    _save(visit, {"step": "code", "account_id": account.id, "email": email, "password_unavailable": False})
    return _to_wizard()


def _forgot_password(request: Request, form: dict[str, str], visit: Visit):
    """Line 7: a forgotten password leads to document verification (the password can be changed after)."""
    state = _state(visit)
    if state.get("step") != "credentials":
        return _out_of_step(request)
    email = normalize_email(form.get("email", ""))
    if problem := email_problem(email):
        return _page(request, "mobile-reset-credentials", 400, email=email, forgot=True,
                     error=("reset.email_invalid", problem))
    account = account_for_email(visit.db, email)
    if account is not None:  # an unknown address sees the same screens; nothing is sent
        _send_code(visit, account)
    _save(visit, {"step": "code", "account_id": account.id if account else None, "email": email,
                  "password_unavailable": True})
    return _to_wizard()


def _send_code(visit: Visit, account: Account) -> None:
    brand = visit.brand
    code = visit.exchange.codes.issue(visit.db, account, PURPOSE, "email", visit.now)
    visit.exchange.mailer.send(
        account.email, f"{brand.name} verification code (mobile reset)",
        f"Your {brand.name} verification code for resetting your mobile number is {code}. It expires in "
        f"{brand.policy.code_lifetime_minutes} minutes. Never share it.")


def _code(request: Request, form: dict[str, str], visit: Visit):
    state = _state(visit)
    if state.get("step") != "code":
        return _out_of_step(request)
    account = _account(visit, state)
    if (held := lock_holding(visit, account)) is not None:  # evaluate no code while locked
        return _page(request, "mobile-reset-code", 423, error=("reset.locked", held.message))
    found = (visit.exchange.codes.find_valid(visit.db, account, PURPOSE, "email", form.get("code", ""), visit.now)
             if account else None)
    if found is None:
        if account is not None:
            visit.exchange.lockout.record_failure(visit.db, throttle_key(account, ""), visit.now)
        return _page(request, "mobile-reset-code", 401, error=(
            "reset.invalid_code", "The e-mail verification code is wrong or has expired."))
    found.used_at = visit.now
    check = choose_check(visit.exchange, visit.db, account, state.get("password_unavailable", False))
    _save(visit, {**state, "step": check, "check": check, "code_verified": True})
    return _to_wizard()


# --- Case 1: security questions ----------------------------------------------------------------


def _questions_open(visit: Visit, state: dict) -> Account | None:
    account = _account(visit, state)
    if account is None or state.get("check") != "questions" or not state.get("code_verified"):
        return None
    if attempts_left(visit.exchange, visit.db, account) == 0:
        return None
    return account


def _questions_closed(request: Request):
    visit = visit_of(request)
    state = _state(visit)
    if state.get("check") == "questions":
        _save(visit, {**state, "step": "questions-failed"})
        return _page(request, "mobile-reset-questions-failed", 403, error=(
            "reset.no_attempts", "You have used all your attempts. You can only reset your mobile by submitting "
                                 "documents for manual review."))
    return _out_of_step(request)


def _start_questions(request: Request, form: dict[str, str], visit: Visit):
    state = _state(visit)
    if _questions_open(visit, state) is None:
        return _questions_closed(request)
    _save(visit, {**state, "step": "questions", "started": True})
    return _to_wizard()


def _answer(request: Request, form: dict[str, str], visit: Visit):
    state = _state(visit)
    account = _questions_open(visit, state)
    if account is None or not state.get("started"):
        return _questions_closed(request)
    questions = security_questions.questions_for(visit.db, account)
    answers = security_questions.answers_from(form, questions)
    if answers is None:
        return _page(request, "mobile-reset-questions", 400, error=(
            "reset.answer_all", "Answer all 4 questions before you submit."))
    if security_questions.all_correct(questions, answers):
        hold = reset_mobile(visit.exchange, visit.db, account, visit.now)
        _save(visit, {**state, "step": "done", "hold_until": hold.until_text})
        return _to_wizard()
    profile_of(visit.db, account).question_failures += 1
    _save(visit, {**state, "step": "questions-failed", "started": False})
    return _to_wizard()


# --- Case 2: biometric verification -----------------------------------------------------------


def _biometric(request: Request, form: dict[str, str], visit: Visit, stage: str):
    state = _state(visit)
    if state.get("check") != "biometric" or state.get("step") != "biometric" or state.get("stage", "intro") != stage:
        return _out_of_step(request)
    update = {}
    if stage == "device":
        device = form.get("device")
        if device not in ("this_device", "phone"):
            return _page(request, "mobile-reset-biometric", 400, stage=stage, error=(
                "reset.device_missing", "Choose Continue on this device or Continue on phone."))
        update["device"] = device
        if device == "phone":
            update["handoff"] = secrets.token_urlsafe(16)
    if stage == "country":
        if form.get("country") not in {c.region for c in countries()}:
            return _page(request, "mobile-reset-biometric", 400, stage=stage, error=(
                "reset.country_missing", "Select your country of residence."))
        update["country"] = form["country"]
    following = BIO_STAGES[BIO_STAGES.index(stage) + 1]
    _save(visit, {**state, **update, "stage": following})
    return _to_wizard()


@router.get("/reset-mobile/continue/{token}")
def handoff(request: Request, token: str, visit: CurrentVisit):
    """Continue on phone: the link opened on the phone carries the wizard over to its browser."""
    if len(token) > 64:
        return _out_of_step(request)
    latest = select(FlowState).where(FlowState.flow == FLOW).order_by(FlowState.id.desc()).limit(500)
    for row in visit.db.scalars(latest):
        import json
        data = json.loads(row.data)
        if (data.get("handoff") and secrets.compare_digest(data["handoff"].encode(), token.encode())
                and data.get("stage") == "country"):
            _save(visit, {**data, "handoff": None, "device": "phone"})
            return _to_wizard()
    return _page(request, "mobile-reset-instructions", 404, error=(
        "reset.handoff_unknown", "This link has expired. Start the reset again on this phone."))


FaceUpload = Annotated[Upload, Depends(brand_upload(("face",), max_files=1))]


@router.post("/reset-mobile/biometric/capture")
def capture(request: Request, upload: FaceUpload, visit: CurrentVisit):
    state = _state(visit)
    if state.get("check") != "biometric" or state.get("stage") != "capture":
        return _out_of_step(request)
    data = (upload.files.get("face") or [None])[0]
    if problem := image_problem(data, "camera picture", visit.brand.policy.upload_max_bytes):
        return _page(request, "mobile-reset-biometric", problem_status([problem]), stage="capture",
                     error=("reset.capture_invalid", problem))
    account = _account(visit, state)
    review = open_coinex_review(visit.exchange, visit.db, "mobile_reset_biometric", account, visit.now, {
        "country_of_residence": state.get("country"), "continued_on": state.get("device"),
        "primary_verification": f"KYC level {profile_of(visit.db, account).kyc_level}"})
    visit.db.add(EvidenceFile(review_id=review.id, role="face",
                              content_type=image_type(data), data=data, created_at=visit.now))
    _save(visit, {**state, "step": "pending", "review_id": review.id})
    return _to_wizard()


# --- Case 3: documents ------------------------------------------------------------------------


def _choose_documents(request: Request, form: dict[str, str], visit: Visit):
    """[Submit Documents] after a failed attempt, or after a rejected manual review."""
    state = _state(visit)
    review = visit.db.get(Review, state.get("review_id") or 0)
    failed_questions = state.get("step") == "questions-failed"
    rejected = state.get("step") == "pending" and review is not None and review.status == "rejected"
    if not (state.get("code_verified") and (failed_questions or rejected or state.get("check") == "documents")):
        return _out_of_step(request)
    _save(visit, {**state, "step": "documents", "documents_allowed": True})
    return _to_wizard()


DocumentsUpload = Annotated[Upload, Depends(brand_upload(("email_screenshot", "transaction_screenshot"), max_files=2))]


@router.post("/reset-mobile/documents")
def submit_documents(request: Request, upload: DocumentsUpload, visit: CurrentVisit):
    fields, files = upload.fields, upload.files
    state = _state(visit)
    if state.get("step") != "documents" or not state.get("code_verified"):
        return _out_of_step(request)
    limit = visit.brand.policy.upload_max_bytes
    errors = {}
    if fields.get("email_kind") not in NOTICE_KINDS:
        errors["email_kind"] = ("Only CoinEx deposit, withdrawal, successful sign-up or successful login "
                                "notifications are accepted.")
    if fields.get("direction") not in ("deposit", "withdrawal"):
        errors["direction"] = "Say whether the transaction was a deposit to CoinEx or a withdrawal from it."
    email_shot = (files.get("email_screenshot") or [None])[0]
    tx_shot = (files.get("transaction_screenshot") or [None])[0]
    if problem := image_problem(email_shot, "e-mail screenshot", limit):
        errors["email_screenshot"] = problem
    if problem := image_problem(tx_shot, "transaction screenshot", limit):
        errors["transaction_screenshot"] = problem
    if errors:
        return _page(request, "mobile-reset-documents", problem_status(list(errors.values())), errors=errors,
                     fields=fields, error=("reset.documents_invalid", "Check the highlighted fields."))
    account = _account(visit, state)
    if account is None:  # an unknown address (forgot-password route): same screens, nothing is filed
        _save(visit, {**state, "step": "pending", "review_id": None})
        return _to_wizard()
    review = open_coinex_review(visit.exchange, visit.db, "mobile_reset_documents", account, visit.now, {
        "email_notice": NOTICE_KINDS[fields["email_kind"]],
        "transaction": "deposit to CoinEx (screenshot from the sending side)" if fields["direction"] == "deposit"
                       else "withdrawal from CoinEx (screenshot from the receiving side)",
        "password_forgotten": bool(state.get("password_unavailable"))})
    for role, data in (("email_screenshot", email_shot), ("transaction_screenshot", tx_shot)):
        visit.db.add(EvidenceFile(review_id=review.id, role=role,
                                  content_type=image_type(data), data=data, created_at=visit.now))
    _save(visit, {**state, "step": "pending", "review_id": review.id})
    return _to_wizard()


router.add_api_route("/reset-mobile/agree", _post(_agree), methods=["POST"])
router.add_api_route("/reset-mobile/credentials", _post(_credentials), methods=["POST"])
router.add_api_route("/reset-mobile/forgot-password", _post(_forgot_password), methods=["POST"])
router.add_api_route("/reset-mobile/code", _post(_code), methods=["POST"])
router.add_api_route("/reset-mobile/questions/start", _post(_start_questions), methods=["POST"])
router.add_api_route("/reset-mobile/questions", _post(_answer), methods=["POST"])
router.add_api_route("/reset-mobile/questions/continue", _post(_start_questions), methods=["POST"])
router.add_api_route("/reset-mobile/documents/choose", _post(_choose_documents), methods=["POST"])
for _stage in BIO_STAGES[:-1]:
    router.add_api_route(f"/reset-mobile/biometric/{_stage}",
                         _post(lambda request, form, visit, stage=_stage: _biometric(request, form, visit, stage)),
                         methods=["POST"])


@router.post("/reset-mobile/restart")
def restart(form: PostedForm, visit: CurrentVisit):
    flow_state.clear(visit.db, visit.session, FLOW)
    return _to_wizard()


def mobile_reset_banner(request: Request, account: Account) -> dict | None:
    """After a reset (line 45): mobile verification is disabled; urge the user to bind 2FA and a number."""
    visit = visit_of(request)
    if account is None or not visit.brand.has("mobile_reset"):
        return None
    profile = visit.db.get(CoinexProfile, account.id)
    if profile is None or profile.mobile_reset_at is None or (account.totp_secret and account.phone):
        return None
    return {"totp_missing": not account.totp_secret, "phone_missing": not account.phone}
