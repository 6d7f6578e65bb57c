"""A scripted browser-less client for the checks a browser cannot make: timing a form's answer,
sending a header a proxy would add, or a request no page would send."""

from __future__ import annotations

import re
import statistics
import time
from dataclasses import dataclass, field

import httpx
import pytest

CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')
SESSION_COOKIE = "exchange_session"


@dataclass
class FormClient:
    base_url: str
    headers: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.http = httpx.Client(base_url=self.base_url, headers=self.headers, follow_redirects=False, timeout=30)

    def token_for(self, path: str) -> str:
        page = self.http.get(path)
        found = CSRF_FIELD.search(page.text)
        assert found, f"{path} has no form with a CSRF token (status {page.status_code})"
        return found.group(1)

    def submit(self, path: str, fields: dict[str, str], form_page: str | None = None) -> httpx.Response:
        """Open the form page (for its token and session), then post the form as a browser would."""
        token = self.token_for(form_page or path)
        return self.http.post(path, data={"csrf_token": token, **fields})

    def timed_submit(self, path: str, fields: dict[str, str],
                     form_page: str | None = None) -> tuple[httpx.Response, float]:
        token = self.token_for(form_page or path)
        started = time.perf_counter()
        response = self.http.post(path, data={"csrf_token": token, **fields})
        return response, time.perf_counter() - started

    def close(self) -> None:
        self.http.close()


@pytest.fixture
def form_client(exchange):
    """``form_client()`` makes a fresh cookie jar (a new visitor); extra headers as keywords."""
    made: list[FormClient] = []

    def make(**headers: str) -> FormClient:
        client = FormClient(exchange.base_url, headers)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


def visible_text(html: str) -> str:
    """The page's words without markup or per-session values, to compare two answers."""
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r'value="[^"]*"|content="[^"]*"', "", html)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def quiet_ms(samples: list[float]) -> float:
    """The time a quiet machine takes: scheduling noise only ever adds delay, so the mean of
    the fastest fifth tracks the server's own work better than the mean or the median."""
    fastest = sorted(samples)[: max(3, len(samples) // 5)]
    return statistics.fmean(fastest) * 1000
