"""A scripted browser-less client for the checks a browser cannot make: timing a form's answer,
sending a header a proxy would add, or a request no page would send."""

from __future__ import annotations

import statistics
from dataclasses import dataclass, field

import httpx
import pytest

from pages.form_posts import post_form

SESSION_COOKIE = "exchange_session"


@dataclass
class FormClient:
    base_url: str
    headers: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.http = httpx.Client(base_url=self.base_url, headers=self.headers, follow_redirects=False, timeout=30)

    def submit(self, path: str, fields: dict[str, str], form_page: str | None = None) -> httpx.Response:
        """Open the form page (for its token and session), then post the form as a browser would."""
        return post_form(self.http, path, fields, form_page)

    def timed_submit(self, path: str, fields: dict[str, str],
                     form_page: str | None = None) -> tuple[httpx.Response, float]:
        """The answer, and the seconds from sending the post to its last byte (the opening of the
        form page before it is not counted)."""
        response = self.submit(path, fields, form_page)
        return response, response.elapsed.total_seconds()

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


def quiet_ms(samples: list[float]) -> float:
    """The time a quiet machine takes: scheduling noise only ever adds delay, so the mean of
    the fastest fifth tracks the server's own work better than the mean or the median."""
    fastest = sorted(samples)[: max(3, len(samples) // 5)]
    return statistics.fmean(fastest) * 1000
