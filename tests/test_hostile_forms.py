"""Hostile form input gets a readable 4xx page, never a 500 (TestClient re-raises server errors)."""

from __future__ import annotations

import pytest

FORMS = ["/login", "/signup"]
GOOD = {"email": "hostile@example.com", "password": "Tangerine-Harbour-47-kites"}


def _readable(response, message_id: str) -> None:
    assert response.headers["content-type"].startswith("text/html")
    assert f'data-message-id="{message_id}"' in response.text


@pytest.mark.parametrize("path", FORMS)
@pytest.mark.parametrize("field", ["email", "password"])
def test_a_5000_character_field_is_413(visitor, path, field, alert_text):
    response = visitor.submit(path, {**GOOD, field: "a" * 5000})
    assert response.status_code == 413
    _readable(response, "form.too_long")
    assert "too long" in alert_text(response.text, "error-message")


@pytest.mark.parametrize("path", FORMS)
def test_a_nul_byte_is_400(visitor, path):
    response = visitor.submit(path, {**GOOD, "email": "hos\x00tile@example.com"})
    assert response.status_code == 400
    _readable(response, "form.bad_characters")


@pytest.mark.parametrize("path, missing, testid", [
    ("/login", {}, "login-error"),
    ("/login", {"email": GOOD["email"]}, "login-error"),
    ("/login", {"password": GOOD["password"]}, "login-error"),
    ("/signup", {}, "email-error"),
    ("/signup", {"email": GOOD["email"]}, "password-error"),
])
def test_missing_fields_are_400_with_a_message(visitor, path, missing, testid, alert_text):
    response = visitor.submit(path, missing)
    assert response.status_code == 400
    assert alert_text(response.text, testid)  # says what to fix


@pytest.mark.parametrize("path", FORMS)
def test_an_empty_body_is_refused_readably(visitor, path):
    visitor.get(path)
    response = visitor.http.post(path, content=b"", headers={"content-type": "application/x-www-form-urlencoded"})
    assert response.status_code == 403
    _readable(response, "form.csrf")


SCRIPT_EMAIL = "<script>alert(1)</script>@example.com"


@pytest.mark.parametrize("path, password", [("/login", "Wrong-password-123"), ("/signup", "short")])
def test_a_script_email_is_escaped_when_the_form_comes_back(visitor, path, password):
    response = visitor.submit(path, {"email": SCRIPT_EMAIL, "password": password})
    assert response.status_code in (400, 401)
    assert "<script>alert(1)</script>" not in response.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;@example.com" in response.text
