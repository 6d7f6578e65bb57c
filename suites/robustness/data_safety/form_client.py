"""A browserless client for the HTML forms: a session cookie and the page's CSRF token, as a
browser would send them (mock_exchange/web/forms.py checks both). Every answer it got, the form
pages' included, is kept in ``responses``."""

from __future__ import annotations

import httpx

from pages.form_posts import post_form


class FormClient:
    def __init__(self, base_url: str, timeout: float = 30) -> None:
        self.responses: list[httpx.Response] = []
        self.http = httpx.Client(base_url=base_url, timeout=timeout, follow_redirects=False,
                                 event_hooks={"response": [self.responses.append]})

    def login(self, email: str, password: str) -> httpx.Response:
        return post_form(self.http, "/login", {"method": "email", "email": email, "password": password})

    def verify(self, code: str) -> httpx.Response:
        return post_form(self.http, "/login/verify", {"code": code})

    def close(self) -> None:
        self.http.close()
