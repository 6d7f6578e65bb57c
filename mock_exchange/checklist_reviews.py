"""Manual reviews decided by a reviewer checklist (CoinEx): mobile reset, review-lock unlock, 2FA disable.

Each kind has a reviewer checklist (what the seeds say a reviewer accepts); the back office
lets an agent approve only once every item is ticked, so evidence the seed calls invalid
(seeds/004 line 42) or a Primary verification that cannot prove ownership (line 33) ends in
a rejection that asks for more information.
"""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from .exchange import Exchange
from .mobile_reset import reset_mobile
from .models import Account, BackupCode, EvidenceFile, Review
from .notices import send_from_service
from .security_changes import open_review
from .withdrawal_hold import REASONS, start_hold

REASONS.setdefault("support_disabled_2fa", "support disabled 2FA after verifying your identity")

ID_AND_SELFIE = (
    ("id_photo", "The ID photo shows a valid identity document in the account holder's name"),
    ("selfie", "The selfie shows the same person as the ID photo"),
)
CHECKLISTS: dict[str, tuple[tuple[str, str], ...]] = {
    "mobile_reset_biometric": (
        ("face_matches", "The captured face matches the Primary verification ID photo"),
        ("ownership", "The Primary verification proves ownership of this account"),
    ),
    "mobile_reset_documents": (
        ("email_notice", "The e-mail screenshot is a CoinEx deposit, withdrawal, sign-up or login notification "
                         "showing the account's address and the e-mail body"),
        ("counterparty", "The transaction screenshot was taken on the counterparty's app or website (not an e-mail, "
                         "a block explorer or the user's own CoinEx deposit/withdrawal records)"),
        ("transaction_details", "The transaction screenshot shows coin, amount, time and address or TXID"),
    ),
    "unlock_account": ID_AND_SELFIE,
    "disable_2fa": ID_AND_SELFIE,
}
TITLES = {
    "mobile_reset_biometric": "Mobile reset: biometric verification",
    "mobile_reset_documents": "Mobile reset: documents",
    "unlock_account": "Unlock a security-locked account",
    "disable_2fa": "Disable 2FA (no backup codes)",
}


def checklist_state(review: Review) -> dict[str, bool]:
    return json.loads(review.details or "{}").get("checklist", {})


def record_checklist(review: Review, ticked: set[str], now: datetime) -> list[str]:
    """Store the agent's ticks; the labels of unticked items (empty: evidence accepted)."""
    items = CHECKLISTS[review.kind]
    details = json.loads(review.details or "{}")
    details["checklist"] = {key: key in ticked for key, _ in items}
    review.details = json.dumps(details)
    missing = [label for key, label in items if key not in ticked]
    review.identity_verified_at = None if missing else now
    return missing


def open_coinex_review(exchange: Exchange, db: Session, kind: str, account: Account, now: datetime,
                       details: dict, contact_email: str | None = None) -> Review:
    assert kind in CHECKLISTS
    return open_review(exchange, db, kind, account, now, details, contact_email or account.email)


def _mail(exchange: Exchange, review: Review, account: Account | None, subject: str, body: str) -> None:
    to = (account.email if account else None) or review.contact_email
    if to:
        send_from_service(exchange, to, f"{exchange.brand.name}: {subject}", body)


def _decide_mobile_reset(exchange, db, review, account, approve, now) -> None:
    if account is None:
        return
    if approve:
        reset_mobile(exchange, db, account, now)
        _mail(exchange, review, account, "your mobile reset was approved",
              f"Request #{review.id} was approved: your mobile number was reset and mobile verification is disabled. "
              f"Log in, bind 2FA and rebind a mobile number as soon as possible. Withdrawals are suspended for "
              f"{exchange.brand.policy.withdrawal_hold_hours} hours.\n")
    else:
        _mail(exchange, review, account, "more information is needed to reset your mobile",
              f"Request #{review.id} was not approved: what you submitted does not prove that you own the account. "
              "Additional information is required: submit documents (a CoinEx e-mail screenshot and a counterparty "
              "transaction screenshot) at Help Center -> Reset Mobile Number.\n")


def _decide_unlock(exchange, db, review, account, approve, now) -> None:
    if account is None:
        return
    if approve:
        account.review_locked = False
        account.unfamiliar_failures = 0
        _mail(exchange, review, account, "your account is unlocked",
              f"Request #{review.id} was approved after verifying your identity. You can log in again.\n")
    else:
        _mail(exchange, review, account, "your unlock request was not approved",
              f"We could not verify your identity for request #{review.id}. The account stays locked; submit a new "
              "ticket with a clear photo of your ID and a selfie.\n")


def _decide_disable_2fa(exchange, db, review, account, approve, now) -> None:
    if account is None:
        return
    if approve:
        account.totp_secret = None
        account.totp_last_step = None
        db.execute(delete(BackupCode).where(BackupCode.account_id == account.id))
        start_hold(db, account.id, now, exchange.brand.policy.withdrawal_hold_hours, "support_disabled_2fa")
        _mail(exchange, review, account, "2FA was disabled",
              f"Request #{review.id} was approved after verifying your identity: 2FA (TOTP) is disabled. Log in and "
              "bind 2FA again as soon as possible.\n")
    else:
        _mail(exchange, review, account, "your 2FA request was not approved",
              f"We could not verify your identity for request #{review.id}; 2FA stays required.\n")


# The decision of each CoinEx review kind (wired into the exchange by create_app).
REVIEW_HANDLERS = {
    "mobile_reset_biometric": _decide_mobile_reset,
    "mobile_reset_documents": _decide_mobile_reset,
    "unlock_account": _decide_unlock,
    "disable_2fa": _decide_disable_2fa,
}


def checklist_context(db, review: Review) -> dict:
    """What review.html shows for a CoinEx review: its checklist and its evidence files."""
    if review.kind not in CHECKLISTS:
        return {}
    ticked = checklist_state(review)
    files = db.scalars(select(EvidenceFile).where(EvidenceFile.review_id == review.id).order_by(EvidenceFile.id)).all()
    return {"checklist": [(key, label, ticked.get(key, False)) for key, label in CHECKLISTS[review.kind]],
            "evidence": [(f.id, f.role.replace("_", " ")) for f in files]}
