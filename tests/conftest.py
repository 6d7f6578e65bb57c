"""Shared helpers for the project's own HTTP-level tests of mock_exchange.

Every test gets its own app on its own SQLite file, driven in-process by Starlette's
TestClient (no browser, no subprocess). Time stands still unless a test moves it with
``clock.advance``, so boundaries ("locked until 12:30:00") can be hit exactly.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timezone
from http.cookies import SimpleCookie

import pyotp
import pytest
from starlette.testclient import TestClient

from mock_exchange.app import create_app
from mock_exchange.clock import Clock
from mock_exchange.sessions import COOKIE_NAME

LOOPBACK = ("127.0.0.1", 50000)
PASSWORD = "Tangerine-Harbour-47-kites"
_CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


class FrozenClock(Clock):
    """The product's Clock paused on a whole second: only ``advance`` moves it."""

    def __init__(self) -> None:
        super().__init__()
        self._frozen = datetime.now(timezone.utc).replace(microsecond=0)


def csrf_token_in(html: str) -> str:
    match = _CSRF.search(html)
    assert match, "the page carries no csrf_token field"
    return match.group(1)


def alert_text(html: str, testid: str) -> str:
    """The visible text of the element with this data-testid (tags stripped, spaces folded)."""
    match = re.search(rf'<(\w+)[^>]*\bdata-testid="{testid}"[^>]*>(.*?)</\1>', html, re.S)
    assert match, f"no {testid} on the page"
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(2)).split())


@dataclass
class Visitor:
    """One browser-like client: its own cookie jar, its own client address."""

    http: TestClient

    def get(self, path: str, **kwargs):
        return self.http.get(path, **kwargs)

    def csrf(self, form_page: str = "/login") -> str:
        page = self.http.get(form_page)
        assert page.status_code == 200, f"GET {form_page} -> {page.status_code}"
        return csrf_token_in(page.text)

    def submit(self, path: str, fields: dict[str, str], *, form_page: str | None = None):
        """POST a form the way a browser would: with the CSRF token of the page that holds it."""
        token = self.csrf(form_page or path)
        return self.http.post(path, data={"csrf_token": token, **fields})

    def login(self, email: str, password: str = PASSWORD):
        return self.submit("/login", {"email": email, "password": password})

    def verify(self, **codes: str):
        return self.submit("/login/verify", codes)

    @property
    def session_cookie(self) -> str | None:
        return self.http.cookies.get(COOKIE_NAME)

    def is_signed_in(self) -> bool:
        response = self.http.get("/account")
        if response.status_code == 200:
            return True
        assert response.status_code == 303 and response.headers["location"] == "/login", (
            response.status_code
        )
        return False


@dataclass
class Seeder:
    """Seeds accounts through the test API, as the suites' AccountFactory does."""

    api: TestClient
    made: list[dict] = field(default_factory=list)

    def account(self, *, factors: tuple[str, ...] = (), email: str | None = None, password: str = PASSWORD) -> dict:
        email = email or f"trader.{secrets.token_hex(4)}@example.com"
        response = self.api.post(
            "/__test__/accounts",
            json={"email": email, "password": password, "factors": list(factors)},
        )
        assert response.status_code == 201, response.text
        seeded = {**response.json(), "password": password}
        self.made.append(seeded)
        return seeded

    def email_is_free(self, email: str) -> bool:
        """True when no account holds this e-mail (seeding it then succeeds instead of 409)."""
        response = self.api.post("/__test__/accounts", json={"email": email, "password": PASSWORD})
        assert response.status_code in (201, 409), response.text
        return response.status_code == 201


def wrong_totp(secret: str, now: datetime) -> str:
    """A 6-digit code that matches none of the steps the server accepts around ``now``."""
    totp = pyotp.TOTP(secret)
    step = totp.timecode(now)
    accepted = {totp.generate_otp(s) for s in range(step - 2, step + 3)}
    return next(c for c in (f"{n:06d}" for n in range(10**6)) if c not in accepted)


@pytest.fixture
def clock() -> FrozenClock:
    return FrozenClock()


@pytest.fixture
def make_app(tmp_path, clock):
    """Build an app: ``make_app(test_mode=False)``, ``make_app("coinex")``; each on its own DB file."""
    counter = iter(range(1000))

    def build(brand: str = "pionex", *, test_mode: bool = True):
        return create_app(
            brand,
            database_path=tmp_path / f"exchange-{next(counter)}.db",
            test_mode=test_mode,
            clock=clock,
        )

    return build


@pytest.fixture
def app(make_app):
    return make_app()


@pytest.fixture
def outbox(app):
    """E-mails the app sends, captured in process (the tests run without an SMTP server)."""
    sent = []
    app.state.exchange.mailer.send = lambda to, subject, body: sent.append((to, subject, body)) or True
    return sent


@pytest.fixture
def make_client(app):
    """A TestClient on ``app`` (or another), loopback by default, redirects left unfollowed."""

    def build(client: tuple[str, int] = LOOPBACK, *, on=None, **kwargs) -> TestClient:
        return TestClient(on or app, client=client, follow_redirects=False, **kwargs)

    return build


@pytest.fixture
def new_visitor(make_client):
    """A fresh visitor (own cookie jar); pass ``client=("198.51.100.7", 4000)`` for another address."""
    return lambda client=LOOPBACK: Visitor(make_client(client))


@pytest.fixture
def visitor(new_visitor) -> Visitor:
    return new_visitor()


@pytest.fixture
def seed(make_client) -> Seeder:
    return Seeder(make_client(LOOPBACK))


def set_cookie_morsel(response, name: str = COOKIE_NAME):
    """The parsed Set-Cookie for ``name`` on this response, or None."""
    for header in response.headers.get_list("set-cookie"):
        jar = SimpleCookie()
        jar.load(header)
        if name in jar:
            return jar[name]
    return None


# --- the plain helpers above, as fixtures for the test modules ------------------------------


@pytest.fixture(name="alert_text")
def _alert_text_fixture():
    return alert_text


@pytest.fixture(name="csrf_token_in")
def _csrf_token_in_fixture():
    return csrf_token_in


@pytest.fixture(name="wrong_totp")
def _wrong_totp_fixture():
    return wrong_totp


@pytest.fixture(name="set_cookie_morsel")
def _set_cookie_morsel_fixture():
    return set_cookie_morsel
