"""The database tables of the mock exchange (SQLAlchemy 2, one SQLite file per server)."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, Numeric, String, Text, text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Account(Base):
    __tablename__ = "accounts"

    id: Mapped[int] = mapped_column(primary_key=True)
    # How the account was registered: email | phone | google | apple. Each registration is a
    # separate account (seeds/000:8): a Google account and an e-mail account may share an
    # address, but only one account can sign in with that address and a password.
    registered_via: Mapped[str] = mapped_column(String(8), default="email")
    email: Mapped[str | None] = mapped_column(String(254), index=True)
    email_login: Mapped[bool] = mapped_column(default=False)  # e-mail + password signs in here
    phone: Mapped[str | None] = mapped_column(String(32), unique=True)  # E.164; bound to one account
    google_sub: Mapped[str | None] = mapped_column(String(255), unique=True)
    apple_sub: Mapped[str | None] = mapped_column(String(255), unique=True)
    password_hash: Mapped[str | None] = mapped_column(String(255))
    totp_secret: Mapped[str | None] = mapped_column(String(64))
    totp_last_step: Mapped[int | None]  # the last accepted TOTP time step: a code works once
    sms_2fa: Mapped[bool] = mapped_column(default=False)
    email_2fa: Mapped[bool] = mapped_column(default=False)
    balance_usdt: Mapped[Decimal] = mapped_column(Numeric(24, 8), default=Decimal("0"))
    created_at: Mapped[datetime]

    __table_args__ = (
        Index("one_password_login_per_email", "email", unique=True, sqlite_where=text("email_login = 1")),
    )


class LoginThrottle(Base):
    """Consecutive failures and the lock they cause, keyed on the login target.

    The key is ``account:<id>`` for a known account and ``ident:<identifier>`` for an unknown
    one, so an unknown address locks exactly like a known one (no account enumeration) and the
    lock follows the account, not the client's IP address.
    """

    __tablename__ = "login_throttle"

    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    locked_until: Mapped[datetime | None]


class WebSession(Base):
    """A server-side session; the cookie holds only a random id whose hash is stored here."""

    __tablename__ = "web_sessions"

    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"))
    # set between the password and the verification step; the session is not signed in yet
    pending_account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"))
    csrf_token: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]


class SmsMessage(Base):
    """The SMS gateway's outbox: what would have been sent to a phone."""

    __tablename__ = "sms_outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    phone: Mapped[str] = mapped_column(String(32), index=True)
    body: Mapped[str] = mapped_column(Text)
    sent_at: Mapped[datetime]


class OneTimeCode(Base):
    """A 6-digit code sent by e-mail or SMS. Only its keyed hash is stored."""

    __tablename__ = "one_time_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(32))  # login, reset, unbind, ...
    channel: Mapped[str] = mapped_column(String(8))  # email | sms
    code_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    voided: Mapped[bool] = mapped_column(default=False)
