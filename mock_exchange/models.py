"""The database tables of the mock exchange (SQLAlchemy 2, one SQLite file per server)."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, LargeBinary, Numeric, String, Text, text
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
    # failed passwords from devices this account never signed in from, and the lock they cause
    # (a lock that only a support review lifts; seeds/003 line 5)
    unfamiliar_failures: Mapped[int] = mapped_column(default=0)
    review_locked: Mapped[bool] = mapped_column(default=False)
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
    pending_channel: Mapped[str | None] = mapped_column(String(8))  # the factor the step asks for
    # a sign-up waiting for its code: {"phone": ..., "password_hash": ...} as JSON
    pending_signup: Mapped[str | None] = mapped_column(Text)
    # "Continue with Google/Apple" in flight: checked when the provider sends the user back
    oauth_provider: Mapped[str | None] = mapped_column(String(16))
    oauth_state: Mapped[str | None] = mapped_column(String(64))
    oauth_nonce: Mapped[str | None] = mapped_column(String(64))
    oauth_verifier: Mapped[str | None] = mapped_column(String(128))
    # a WebAuthn ceremony in flight: its one-time challenge and what it is for
    webauthn_challenge: Mapped[str | None] = mapped_column(String(128))
    webauthn_purpose: Mapped[str | None] = mapped_column(String(16))
    # when the codes for creating a passkey were last confirmed (the identity check)
    passkey_setup_verified_at: Mapped[datetime | None]
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
    notice: Mapped[bool] = mapped_column(default=False)  # security notices do not use up the quota


class OneTimeCode(Base):
    """A 6-digit code sent by e-mail or SMS. Only its keyed hash is stored."""

    __tablename__ = "one_time_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    subject: Mapped[str] = mapped_column(String(300), index=True)  # "account:<id>" or an address
    purpose: Mapped[str] = mapped_column(String(32))  # login, reset, unbind, ...
    channel: Mapped[str] = mapped_column(String(8))  # email | sms
    code_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
    voided: Mapped[bool] = mapped_column(default=False)


# --- recovery and security settings ------------------------------------------------


class FlowState(Base):
    """Where a multi-step flow (forgot password, unbind, bind, ...) stands for one web session.

    Keyed by the session record, so a step cannot be skipped by posting to a later URL and a
    flow cannot be continued from another browser.
    """

    __tablename__ = "flow_states"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_hash: Mapped[str] = mapped_column(String(64), index=True)
    flow: Mapped[str] = mapped_column(String(32))
    data: Mapped[str] = mapped_column(Text, default="{}")  # JSON
    updated_at: Mapped[datetime]


class WithdrawalHold(Base):
    """Withdrawals are suspended for the account until ``until`` (seeds/001 lines 18, 28, 55)."""

    __tablename__ = "withdrawal_holds"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    reason: Mapped[str] = mapped_column(String(32))  # password_reset | unbind_sms | change_email | ...
    created_at: Mapped[datetime]
    until: Mapped[datetime]


class Withdrawal(Base):
    __tablename__ = "withdrawals"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    address: Mapped[str] = mapped_column(String(128))
    amount_usdt: Mapped[Decimal] = mapped_column(Numeric(24, 8))
    created_at: Mapped[datetime]


class ReuseBlock(Base):
    """An unbound e-mail or phone that may not register or be bound again until ``until``."""

    __tablename__ = "reuse_blocks"

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(8))  # email | phone
    value: Mapped[str] = mapped_column(String(254), index=True)
    created_at: Mapped[datetime]
    until: Mapped[datetime]


class Review(Base):
    """A request a support agent decides in the back office."""

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    # lost_authenticator | phone_unbind | account_lookup
    kind: Mapped[str] = mapped_column(String(24))
    account_id: Mapped[int | None] = mapped_column(ForeignKey("accounts.id"), index=True)
    status: Mapped[str] = mapped_column(String(12), default="pending")  # pending | approved | rejected
    details: Mapped[str] = mapped_column(Text, default="{}")  # JSON: what the customer told us
    contact_email: Mapped[str | None] = mapped_column(String(254))
    submitted_at: Mapped[datetime]
    due_on: Mapped[date]
    identity_verified_at: Mapped[datetime | None]
    decided_at: Mapped[datetime | None]
    decided_by: Mapped[int | None] = mapped_column(ForeignKey("support_agents.id"))
    note: Mapped[str | None] = mapped_column(Text)


class SupportAgent(Base):
    __tablename__ = "support_agents"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str] = mapped_column(String(255))
    created_at: Mapped[datetime]


class BackofficeSession(Base):
    """A support agent's session: its own cookie and table, apart from customers' sessions."""

    __tablename__ = "backoffice_sessions"

    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("support_agents.id"))
    created_at: Mapped[datetime]
    last_seen_at: Mapped[datetime]
    ended_at: Mapped[datetime | None]


class TradingBot(Base):
    """A trading bot record; it belongs to exactly one account (accounts never share assets)."""

    __tablename__ = "trading_bots"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    created_at: Mapped[datetime]


class SupportChat(Base):
    """A live-chat conversation opened from the help links; agents answer from the back office."""

    __tablename__ = "support_chats"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact: Mapped[str] = mapped_column(String(254))  # e-mail or phone the user gave
    message: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime]


class Passkey(Base):
    """A WebAuthn credential: only its id and public key; biometrics never leave the device."""

    __tablename__ = "passkeys"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    credential_id: Mapped[str] = mapped_column(String(1400), unique=True)  # base64url
    public_key: Mapped[bytes] = mapped_column(LargeBinary)
    sign_count: Mapped[int] = mapped_column(default=0)
    name: Mapped[str] = mapped_column(String(60))
    created_at: Mapped[datetime]
    last_used_at: Mapped[datetime | None]


class KnownDevice(Base):
    """A browser (its long-lived device cookie) that has signed in to an account before."""

    __tablename__ = "known_devices"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    device_hash: Mapped[str] = mapped_column(String(64), index=True)
    first_seen_at: Mapped[datetime]


class BackupCode(Base):
    """A one-time 2FA backup code (a NIST 800-63B look-up secret); only its hash is kept."""

    __tablename__ = "backup_codes"

    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime]
    used_at: Mapped[datetime | None]


# --- CoinEx: mobile reset, evidence uploads, support tickets ------------------------


class CoinexProfile(Base):
    """What CoinEx knows about an account beyond the login data: KYC level and the facts the
    security questions of a mobile reset are built from (seeds/004 lines 12-13, seeds/003 line 5)."""

    __tablename__ = "coinex_profiles"

    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"), primary_key=True)
    kyc_level: Mapped[int] = mapped_column(default=0)  # 0 none, 1 Primary, 2 Advanced verification
    holdings: Mapped[str] = mapped_column(String(200), default="USDT")  # coin symbols, comma-separated
    last_deposit_usdt: Mapped[Decimal | None] = mapped_column(Numeric(24, 8))
    question_failures: Mapped[int] = mapped_column(default=0)  # security-question attempts used
    mobile_reset_at: Mapped[datetime | None]


class EvidenceFile(Base):
    """A screenshot, photo or camera frame a customer uploaded for a review or ticket."""

    __tablename__ = "evidence_files"

    id: Mapped[int] = mapped_column(primary_key=True)
    review_id: Mapped[int | None] = mapped_column(ForeignKey("reviews.id"), index=True)
    ticket_id: Mapped[int | None] = mapped_column(ForeignKey("support_tickets.id"), index=True)
    # email_screenshot | transaction_screenshot | face | id_photo | selfie | screenshot
    role: Mapped[str] = mapped_column(String(32))
    content_type: Mapped[str] = mapped_column(String(32))
    data: Mapped[bytes] = mapped_column(LargeBinary)
    created_at: Mapped[datetime]


class SupportTicket(Base):
    """A support ticket (seeds/003 lines 23-29); ``reference`` is what the customer is shown."""

    __tablename__ = "support_tickets"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    contact: Mapped[str] = mapped_column(String(254), index=True)
    topic: Mapped[str] = mapped_column(String(32))
    description: Mapped[str] = mapped_column(Text)
    error_message: Mapped[str] = mapped_column(Text, default="")
    steps_tried: Mapped[str] = mapped_column(Text)
    device: Mapped[str] = mapped_column(String(200))
    client_version: Mapped[str] = mapped_column(String(200))
    status: Mapped[str] = mapped_column(String(12), default="open")  # open | closed
    created_at: Mapped[datetime]
