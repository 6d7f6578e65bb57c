"""A page on another origin of the same site (another port of the exchange's host): the browser
sends the exchange's SameSite=Lax cookie along with its forms, so only the anti-forgery token
can stop them. Nothing listens on that origin; the test serves the page through routing."""

from __future__ import annotations

import html
from urllib.parse import urlsplit

from playwright.sync_api import Page, Response

from suites.security.http_client import SESSION_COOKIE


def attacker_origin(exchange_base_url: str) -> str:
    return f"http://{urlsplit(exchange_base_url).hostname}:9"


def submit_forged_form(page: Page, exchange_base_url: str, action: str, fields: dict[str, str]) -> Response:
    """Open the attacker's page, which posts a hidden form to the exchange on load.
    Returns the exchange's answer; asserts the victim's session cookie went with it."""
    origin = attacker_origin(exchange_base_url)
    inputs = "".join(f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">'
                     for k, v in fields.items())
    body = (f'<html><body><h1>You won a prize</h1><form method="post" action="{exchange_base_url}{action}">{inputs}'
            f'</form><script>document.forms[0].submit()</script></body></html>')
    page.context.route(f"{origin}/**", lambda route: route.fulfill(status=200, content_type="text/html", body=body))
    with page.expect_response(
            lambda r: r.url == f"{exchange_base_url}{action}" and r.request.method == "POST") as answer:
        page.goto(f"{origin}/prize")
    response = answer.value
    cookie_header = response.request.all_headers().get("cookie", "")
    assert SESSION_COOKIE in cookie_header, "the browser did not send the session cookie: the check proves nothing"
    return response
