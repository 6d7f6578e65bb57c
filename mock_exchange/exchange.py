"""The running exchange: one brand, one clock, one database, and the services built on them."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

import httpx

from sqlalchemy.orm import sessionmaker

from .brands import Brand
from .clock import Clock
from .codes import CodeBook
from .delivery import Mailer, SmsGateway
from .idp import PROVIDERS, IdentityProvider
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
    # The origin users reach this exchange at (e.g. https://www.pionex.com). Passkeys are bound
    # to it: the WebAuthn RP ID is its host name and assertions must come from exactly it.
    public_origin: str | None = None
    # review kind -> how a decision on it is carried out (create_app wires them)
    review_handlers: dict = field(default_factory=dict)
    sms_provider_url: str | None = None  # an SMS provider's HTTP API each SMS is posted to
    sms: SmsGateway = field(init=False)
    lockout: Lockout = field(init=False)
    sessions: SessionStore = field(init=False)
    codes: CodeBook = field(init=False)
    maintenance: bool = field(default=False, init=False)  # switched by the test API
    # "Continue with Google/Apple": the mock providers, our registration with them, and the
    # HTTP client the callback uses to reach their token and JWKS endpoints (injectable).
    providers: dict[str, IdentityProvider] = field(init=False)
    oidc_client_id: str = field(init=False)
    oidc_client_secret: str = field(init=False)
    http: httpx.Client = field(default_factory=lambda: httpx.Client(timeout=10))

    def __post_init__(self) -> None:
        self.sms = SmsGateway(self.clock, self.brand.policy.sms_per_number_per_hour, self.sms_provider_url)
        self.lockout = Lockout(self.brand.policy)
        self.sessions = SessionStore(self.brand.policy)
        self.codes = CodeBook(self.brand.policy, self.secret_key)
        self.oidc_client_id = f"{self.brand.key}-exchange"
        self.oidc_client_secret = secrets.token_urlsafe(32)
        clients = {self.oidc_client_id: self.oidc_client_secret}
        self.providers = {key: IdentityProvider(profile, clients) for key, profile in PROVIDERS.items()}

    def maintenance_message(self) -> str:
        return (
            f"{self.brand.name} is under maintenance and sign-in is paused. Your assets are safe; "
            "please try again later and check the status page for updates."
        )
