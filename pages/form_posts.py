"""A screen's form posted without a browser, as a browser would post it: the form page opened
first (for its session cookie and anti-forgery token), then the form sent with that token.

The token's field and header names, and how a screen carries the token (a hidden field in each
form, a <meta> for the page's own scripts), live here and nowhere in the suites.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from html.parser import HTMLParser

import httpx

CSRF_FIELD = "csrf_token"  # the hidden field each form posts
CSRF_HEADER = "X-CSRF-Token"  # the header the page's own scripts send
_FORM_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
_META_TOKEN = re.compile(r'<meta name="csrf-token" content="([^"]+)"')


class _HiddenFields(HTMLParser):
    """The hidden fields of the form that posts to <action> (its CSRF token, a robot challenge)."""

    def __init__(self, action: str) -> None:
        super().__init__()
        self.action, self.inside, self.fields = action, False, {}

    def handle_starttag(self, tag: str, attrs: list) -> None:
        found = dict(attrs)
        if tag == "form":
            self.inside = found.get("action") == self.action
        elif tag == "input" and self.inside and found.get("type") == "hidden" and found.get("name"):
            self.fields[found["name"]] = found.get("value") or ""

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self.inside = False


def with_form_token(fields: Mapping[str, str], token: str) -> dict[str, str]:
    """The fields with a form token beside them: one a page issued, or a forged one."""
    return {CSRF_FIELD: token, **fields}


def form_token(page: httpx.Response) -> str:
    """The token the page's forms carry."""
    found = _FORM_TOKEN.search(page.text)
    if not found:
        raise AssertionError(f"GET {page.request.url.path} -> {page.status_code}: no form with a CSRF token")
    return found.group(1)


def script_headers(http: httpx.Client, path: str) -> dict[str, str]:
    """Open the page at <path>; the header its own scripts send their token in, with that token."""
    page = http.get(path)
    found = _META_TOKEN.search(page.text)
    if page.status_code != 200 or not found:
        raise AssertionError(f"GET {path} -> {page.status_code}: no csrf-token meta")
    return {CSRF_HEADER: found.group(1)}


def post_form(http: httpx.Client, path: str, fields: Mapping[str, str], form_page: str | None = None, *,
              hidden_fields: bool = False) -> httpx.Response:
    """Open the form page (<path> unless the form sits on another page) and post <fields> to
    <path> with its token. With ``hidden_fields``, the form's other hidden fields go too (a robot
    challenge, the login method), as the browser sends them; <fields> win over them."""
    page = http.get(form_page or path)
    hidden = {}
    if hidden_fields:
        parser = _HiddenFields(path)
        parser.feed(page.text)
        hidden = parser.fields
    if CSRF_FIELD not in hidden:  # a page whose form posts elsewhere than <path>, or no hidden fields asked
        hidden[CSRF_FIELD] = form_token(page)
    return http.post(path, data={**hidden, **fields})
