"""The running exchange: one brand, one clock, one database, and the services built on them."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import sessionmaker

from .brands import Brand
from .clock import Clock
from .codes import CodeBook
from .delivery import Mailer, SmsGateway
from .lockout import Lockout
from .sessions import SessionStore


@dataclass
class Exchange:
    brand: Brand
    clock: Clock
    database: sessionmaker
    mailer: Mailer
    test_mode: bool
    secret_key: bytes
    sms: SmsGateway = field(init=False)
    lockout: Lockout = field(init=False)
    sessions: SessionStore = field(init=False)
    codes: CodeBook = field(init=False)

    def __post_init__(self) -> None:
        self.sms = SmsGateway(self.clock)
        self.lockout = Lockout(self.brand.policy)
        self.sessions = SessionStore(self.brand.policy)
        self.codes = CodeBook(self.brand.policy, self.secret_key)
