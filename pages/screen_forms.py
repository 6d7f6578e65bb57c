"""The forms the screens post, sent without a browser: for the variants of a behaviour that one
browser test already covers through the screens (a rule tried for every weekday, say).

Each method is the intent a page object offers and posts what that page's form posts (the CSRF
token of the form page and the session cookie included); field names and test ids live here
and in the page objects, nowhere in the suites.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser
from urllib.parse import urlsplit

import allure
import httpx

CSRF_FIELD = re.compile(r'name="csrf_token" value="([^"]+)"')


class _TextOf(HTMLParser):
    """The text inside the first element carrying data-testid=<test_id>, and its attributes."""

    def __init__(self, test_id: str) -> None:
        super().__init__()
        self.test_id, self.depth, self.text, self.attributes = test_id, 0, [], None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if self.depth:
            self.depth += 1
        elif self.attributes is None and ("data-testid", self.test_id) in attrs:
            self.depth, self.attributes = 1, dict(attrs)

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.text.append(data)


@dataclass
class Answer:
    """What the browser would show after the post: where it landed and the screen's words."""

    response: httpx.Response

    @property
    def path(self) -> str:
        return urlsplit(str(self.response.url)).path

    def text_of(self, test_id: str) -> str | None:
        """The words of the element with this test id, or None when the screen has none."""
        parser = _TextOf(test_id)
        parser.feed(self.response.text)
        return " ".join("".join(parser.text).split()) if parser.attributes is not None else None

    def attribute_of(self, test_id: str, name: str) -> str | None:
        parser = _TextOf(test_id)
        parser.feed(self.response.text)
        return (parser.attributes or {}).get(name)

    # the login screens' answers
    @property
    def signed_in(self) -> bool:
        return self.path == "/account"

    @property
    def asks_for_code(self) -> bool:
        return self.path == "/login/verify"

    @property
    def lockout_message(self) -> str | None:
        return self.text_of("lockout-message")

    @property
    def login_error(self) -> str | None:
        return self.text_of("login-error")

    @property
    def code_error(self) -> str | None:
        return self.text_of("verify-error")

    # the sign-up screen's answers
    @property
    def email_error(self) -> str | None:
        return self.text_of("email-error")

    @property
    def phone_error(self) -> str | None:
        return self.text_of("phone-error")

    @property
    def signed_up(self) -> bool:
        return self.text_of("signup-done") is not None

    @property
    def asks_for_sign_up_code(self) -> bool:
        return self.path == "/signup/phone-code"

    def __str__(self) -> str:
        return f"{self.response.request.method} {self.response.request.url.path} -> {self.response.status_code} at {self.path}"


class ScreenForms:
    def __init__(self, base_url: str) -> None:
        self.http = httpx.Client(base_url=base_url, timeout=30, follow_redirects=True)

    def _post(self, path: str, fields: dict[str, str], form_page: str | None = None) -> Answer:
        page = self.http.get(form_page or path)
        found = CSRF_FIELD.search(page.text)
        assert found, f"GET {form_page or path} -> {page.status_code}: no form with a CSRF token"
        return Answer(self.http.post(path, data={"csrf_token": found.group(1), **fields}))

    def login(self, email: str, password: str) -> Answer:
        with allure.step(f"Post the login form: {email}"):
            return self._post("/login", {"method": "email", "email": email, "password": password})

    def login_with_phone(self, region: str, national_number: str, password: str) -> Answer:
        with allure.step(f"Post the login form: phone {national_number} ({region})"):
            return self._post("/login", {"method": "phone", "country": region, "phone": national_number,
                                         "password": password}, form_page="/login?with=phone")

    def submit_code(self, code: str) -> Answer:
        with allure.step(f"Post the verification code {code}"):
            return self._post("/login/verify", {"code": code})

    def sign_up(self, email: str, password: str) -> Answer:
        with allure.step(f"Post the sign-up form: {email}"):
            return self._post("/signup", {"method": "email", "email": email, "password": password})

    def sign_up_with_phone(self, region: str, national_number: str, password: str) -> Answer:
        with allure.step(f"Post the sign-up form: phone {national_number} ({region})"):
            return self._post("/signup", {"method": "phone", "country": region, "phone": national_number,
                                          "password": password}, form_page="/signup?with=phone")

    def request_lost_2fa_code(self) -> Answer:
        with allure.step("Post 'Send code' on the lost-2FA form"):
            return self._post("/login/lost-2fa/send", {}, form_page="/login/lost-2fa")

    def submit_lost_2fa_request(self, code: str, registered_month: str, balance_usdt: str) -> date:
        """The request's review due date, as the confirmation screen shows it."""
        with allure.step(f"Post the lost-2FA request (registered {registered_month}, balance {balance_usdt})"):
            answer = self._post("/login/lost-2fa", {
                "email_code": code, "registered_month": registered_month, "balance_usdt": balance_usdt,
                "reason": "New phone, the authenticator app is gone"})
        due = answer.attribute_of("lost-2fa-due-date", "datetime")
        assert due, f"{answer}: no due date on the answer"
        return date.fromisoformat(due)

    def close(self) -> None:
        self.http.close()
