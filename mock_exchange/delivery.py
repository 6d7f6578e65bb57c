"""How the exchange reaches people: e-mail over real SMTP, SMS into a gateway outbox."""

from __future__ import annotations

import logging
import smtplib
from email.message import EmailMessage
from email.utils import formataddr, make_msgid

from sqlalchemy.orm import Session

from .brands import Brand
from .clock import Clock
from .models import SmsMessage

log = logging.getLogger("mock_exchange.delivery")


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


class SmsGateway:
    def __init__(self, clock: Clock) -> None:
        self.clock = clock

    def send(self, db: Session, phone: str, body: str) -> None:
        db.add(SmsMessage(phone=phone, body=body, sent_at=self.clock.now()))
        log.info("SMS to %s: %s", phone, body)
