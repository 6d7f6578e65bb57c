"""Telling the account holder: security notices, review outcomes, and the account banners.

Every security change is announced to the address and number on file *before* the change
(so a changed e-mail's notice goes to the old address, an unbound phone's SMS to the old
number). Review outcomes come from the brand's service address (seeds/001 line 46).
"""

from __future__ import annotations

import logging
import smtplib
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import formataddr, make_msgid

from sqlalchemy import select
from sqlalchemy.orm import Session, object_session

from .exchange import Exchange
from .models import Account, Review
from .withdrawal_hold import active_hold

log = logging.getLogger("mock_exchange.notices")


def notify_security_change(exchange: Exchange, db: Session, account: Account, what: str) -> None:
    """Announce a change to the e-mail and phone on file, before the change is made."""
    brand = exchange.brand
    text = (
        f"{what}. If this was not you, contact {brand.service_email} at once: "
        f"withdrawals from your account are suspended for {brand.policy.withdrawal_hold_hours} hours."
    )
    if account.email:
        exchange.mailer.send(account.email, f"{brand.name} security notice: {what}", f"{text}\n")
    if account.phone:
        exchange.sms.send(db, account.phone, f"[{brand.name}] Security notice: {text}", notice=True)


def send_from_service(exchange: Exchange, to: str, subject: str, body: str) -> bool:
    """An e-mail from the brand's service address (review outcomes), over the same SMTP server."""
    mailer, brand = exchange.mailer, exchange.brand
    message = EmailMessage()
    message["From"] = formataddr((f"{brand.name} Support", brand.service_email))
    message["To"] = to
    message["Subject"] = subject
    message["Message-ID"] = make_msgid(domain=brand.domain)
    message.set_content(body)
    if not mailer.host or not mailer.port:
        log.warning("no SMTP server configured; e-mail to %s not sent: %s", to, subject)
        return False
    try:
        with smtplib.SMTP(mailer.host, mailer.port, timeout=10) as smtp:
            smtp.send_message(message)
    except (OSError, smtplib.SMTPException) as error:
        log.error("e-mail to %s failed: %s", to, error)
        return False
    log.info("e-mail sent to %s from %s: %s", to, brand.service_email, subject)
    return True


@dataclass(frozen=True)
class Banner:
    testid: str
    message_id: str
    text: str
    link: tuple[str, str] | None = None  # (href, label)
    until_iso: str | None = None


def account_banners(exchange: Exchange, account: Account, now) -> list[Banner]:
    """The banners above the account overview (and the withdrawal page's hold banner)."""
    db = object_session(account)
    banners = []
    hold = active_hold(db, account.id, now)
    if hold is not None:
        banners.append(Banner(
            "withdrawal-hold-banner", "withdraw.hold",
            f"Withdrawals are suspended until {hold.until_text} because {hold.reason_text}. "
            f"This protects your assets for {exchange.brand.policy.withdrawal_hold_hours} hours "
            "after a security change.",
            until_iso=hold.until.isoformat(),
        ))
    if not account.totp_secret:
        approved = db.scalar(select(Review.id).where(
            Review.account_id == account.id, Review.kind == "lost_authenticator", Review.status == "approved"))
        if approved is not None:
            banners.append(Banner(
                "bind-authenticator-banner", "account.rebind_authenticator",
                "Your Google Authenticator was reset after your request was approved. "
                "Bind Google Authenticator again now to keep your account secure.",
                link=("/security/authenticator", "Bind Google Authenticator"),
            ))
    return banners
