"""The upload forms (CoinEx support ticket, unlock and disable-2FA requests) check the CSRF token.

Backs the wapiti entry of seeds/scan-allow-list.toml: wapiti 3.0.4 sends every text field of a
multipart form as a file part, so its forged and unforged posts are both refused unread (400) and
it reports "token not checked". Here the token is checked as a browser sends the form.
"""

from __future__ import annotations

import pytest

from tests.conftest import Visitor, csrf_token_in

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
FORMS = {
    "/support/ticket": ({"topic": "login", "contact": "a@example.com", "description": "Cannot sign in",
                         "steps_tried": "Reset the password", "device": "iPhone 14", "client_version": "Chrome 115"},
                        {"screenshots": ("shot.png", PNG, "image/png")}),
    "/support/unlock": ({"email": "a@example.com", "password": "Tangerine-Harbour-47-kites"},
                        {"id_photo": ("id.png", PNG, "image/png"), "selfie": ("me.png", PNG, "image/png")}),
    "/support/disable-2fa": ({"email": "a@example.com", "password": "Tangerine-Harbour-47-kites"},
                             {"id_photo": ("id.png", PNG, "image/png"), "selfie": ("me.png", PNG, "image/png")}),
}


@pytest.fixture
def coinex_visitor(make_app, make_client) -> Visitor:
    return Visitor(make_client(on=make_app("coinex")))


@pytest.mark.parametrize("path", list(FORMS))
@pytest.mark.parametrize("token", ["missing", "wrong"])
def test_an_upload_form_without_the_sessions_token_is_refused_as_forged(coinex_visitor, path, token):
    fields, files = FORMS[path]
    coinex_visitor.get(path)  # the visitor has a session, as a victim would
    sent = dict(fields) if token == "missing" else {**fields, "csrf_token": "not-this-sessions-token"}
    answer = coinex_visitor.http.post(path, data=sent, files=files)
    assert answer.status_code == 403, (answer.status_code, answer.text[:300])
    assert "did not come from this site" in answer.text


@pytest.mark.parametrize("path", list(FORMS))
def test_the_form_with_the_token_gets_past_the_forgery_check(coinex_visitor, path):
    fields, files = FORMS[path]
    token = csrf_token_in(coinex_visitor.get(path).text)
    answer = coinex_visitor.http.post(path, data={**fields, "csrf_token": token}, files=files)
    assert answer.status_code != 403, answer.text[:300]
