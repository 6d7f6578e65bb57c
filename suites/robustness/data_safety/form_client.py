"""A browserless client for the HTML forms: a session cookie and the page's CSRF token, as a
browser would send them (mock_exchange/web/forms.py checks both)."""

from __future__ import annotations

import re

import httpx

CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')


class FormClient:
    def __init__(self, base_url: str, timeout: float = 30) -> None:
        self.http = httpx.Client(base_url=base_url, timeout=timeout, follow_redirects=False)
        self.responses: list[httpx.Response] = []

    def _get(self, path: str) -> str:
        page = self._record(self.http.get(path))
        found = CSRF_FIELD.search(page.text)
        if not found:
            raise AssertionError(f"GET {path} -> {page.status_code}: no form with a CSRF token")
        return found.group(1)

    def _record(self, response: httpx.Response) -> httpx.Response:
        self.responses.append(response)
        return response

    def login(self, email: str, password: str) -> httpx.Response:
        token = self._get("/login")
        return self._record(self.http.post("/login", data={"csrf_token": token, "method": "email", "email": email,
                                                           "password": password}))

    def verify(self, code: str) -> httpx.Response:
        token = self._get("/login/verify")
        return self._record(self.http.post("/login/verify", data={"csrf_token": token, "code": code}))

    def close(self) -> None:
        self.http.close()
