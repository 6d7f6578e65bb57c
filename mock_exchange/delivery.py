"""How the exchange reaches people: e-mail over real SMTP, SMS into a gateway outbox, and, where
a provider is configured, posted to its HTTP API the way an exchange posts to an SMS provider."""

from __future__ import annotations

import logging
import smtplib
from email.message import EmailMessage
from email.utils import formataddr, make_msgid

from datetime import datetime, timedelta

import httpx
from sqlalchemy import select
from sqlalchemy.orm import Session

from .brands import Brand
from .clock import Clock, as_utc
from .models import SmsMessage

log = logging.getLogger("mock_exchange.delivery")
QUOTA_WINDOW = timedelta(hours=1)


class Mailer:
    def __init__(self, brand: Brand, host: str | None, port: int | None) -> None:
        self.brand = brand
        self.host = host
        self.port = port

    def send(self, to: str, subject: str, body: str) -> bool:
        """Send one message; a mail outage is logged, never turned into an error page."""
        message = EmailMessage()
        message["From"] = formataddr((self.brand.name, self.brand.no_reply_email))
        message["Reply-To"] = self.brand.service_email
        message["To"] = to
        message["Subject"] = subject
        message["Message-ID"] = make_msgid(domain=self.brand.domain)
        message.set_content(body)
        if not self.host or not self.port:
            log.warning("no SMTP server configured; e-mail to %s not sent: %s", to, subject)
            return False
        try:
            with smtplib.SMTP(self.host, self.port, timeout=10) as smtp:
                smtp.send_message(message)
        except (OSError, smtplib.SMTPException) as error:
            log.error("e-mail to %s failed: %s", to, error)
            return False
        log.info("e-mail sent to %s: %s", to, subject)
        return True


class SmsQuotaExceeded(Exception):
    """More SMS to one number in an hour than the policy allows; nothing is sent."""

    def __init__(self, phone: str, retry_at: datetime) -> None:
        super().__init__(f"SMS quota for {phone} used up until {retry_at.isoformat()}")
        self.phone = phone
        self.retry_at = retry_at


class SmsGateway:
    def __init__(self, clock: Clock, per_number_per_hour: int, provider_url: str | None = None) -> None:
        self.clock = clock
        self.per_number_per_hour = per_number_per_hour
        self.provider_url = provider_url  # POST {"to", "body"} here for each SMS (None: the outbox only)

    def send(self, db: Session, phone: str, body: str, notice: bool = False) -> None:
        """Queue one SMS. Codes and other messages count toward the number's hourly quota;
        security notices (``notice=True``) are always sent and count toward nothing."""
        now = self.clock.now()
        if not notice:
            window = db.scalars(
                select(SmsMessage.sent_at)
                .where(SmsMessage.phone == phone, SmsMessage.notice.is_(False),
                       SmsMessage.sent_at > now - QUOTA_WINDOW)
                .order_by(SmsMessage.sent_at)
            ).all()
            if len(window) >= self.per_number_per_hour:
                raise SmsQuotaExceeded(phone, as_utc(window[-self.per_number_per_hour]) + QUOTA_WINDOW)
        db.add(SmsMessage(phone=phone, body=body, sent_at=now, notice=notice))
        log.info("SMS to %s: %s", phone, body)
        if self.provider_url:
            self._post(phone, body)

    def _post(self, phone: str, body: str) -> None:
        """Hand the SMS to the provider; an outage is logged, never turned into an error page."""
        try:
            httpx.post(self.provider_url, json={"to": phone, "body": body}, timeout=10).raise_for_status()
        except httpx.HTTPError as error:
            log.error("SMS to %s not accepted by %s: %s", phone, self.provider_url, error)
