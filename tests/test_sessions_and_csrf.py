"""Server-side sessions: cookie flags, rotation at login, CSRF on every form, logout, expiry."""

from __future__ import annotations

from datetime import timedelta

from mock_exchange.sessions import COOKIE_NAME


def _signed_in(new_visitor, seed):
    account = seed.account()
    visitor = new_visitor()
    assert visitor.login(account["email"]).status_code == 303
    return visitor, account


def test_session_cookie_is_httponly_lax_and_not_secure_over_http(visitor, seed, set_cookie_morsel):
    account = seed.account()
    for response in (visitor.get("/login"), visitor.login(account["email"])):
        cookie = set_cookie_morsel(response)
        assert cookie is not None, "no session cookie set"
        assert cookie["httponly"] is True
        assert cookie["samesite"].lower() == "lax"
        assert not cookie["secure"]
        assert cookie["path"] == "/"


def test_secure_flag_is_set_over_https(make_client, set_cookie_morsel):
    response = make_client(base_url="https://testserver").get("/login")
    assert set_cookie_morsel(response)["secure"] is True


def test_session_id_changes_at_login(visitor, seed):
    account = seed.account()
    visitor.get("/login")
    before = visitor.session_cookie
    assert before
    assert visitor.login(account["email"]).status_code == 303
    assert visitor.session_cookie and visitor.session_cookie != before
    assert visitor.is_signed_in()


def test_login_without_csrf_token_is_refused(visitor, seed, alert_text, set_cookie_morsel):
    account = seed.account()
    visitor.get("/login")
    response = visitor.http.post("/login", data={"email": account["email"], "password": account["password"]})
    assert response.status_code == 403
    assert 'data-message-id="form.csrf"' in response.text
    assert "did not come from this site" in alert_text(response.text, "error-message")
    assert set_cookie_morsel(response) is None
    assert not visitor.is_signed_in()


def test_login_with_another_sessions_token_is_refused(new_visitor, seed):
    account = seed.account()
    victim, attacker = new_visitor(), new_visitor()
    stolen = victim.csrf("/login")
    attacker.get("/login")
    response = attacker.http.post(
        "/login", data={"csrf_token": stolen, **{"email": account["email"], "password": account["password"]}}
    )
    assert response.status_code == 403
    assert not attacker.is_signed_in()


def test_logout_ends_the_session_on_the_server(new_visitor, seed, make_client):
    visitor, _ = _signed_in(new_visitor, seed)
    old_cookie = visitor.session_cookie
    response = visitor.submit("/logout", {}, form_page="/account")
    assert response.status_code == 303 and response.headers["location"].startswith("/login")
    replay = make_client(cookies={COOKIE_NAME: old_cookie}).get("/account")
    assert replay.status_code == 303 and replay.headers["location"] == "/login"


def test_get_changes_nothing(new_visitor, seed):
    visitor, _ = _signed_in(new_visitor, seed)
    assert visitor.get("/logout").status_code == 405
    assert visitor.is_signed_in()


def test_session_expires_after_60_idle_minutes(new_visitor, seed, clock):
    visitor, _ = _signed_in(new_visitor, seed)
    clock.advance(timedelta(minutes=59, seconds=59))
    assert visitor.is_signed_in()  # activity restarts the idle timer
    clock.advance(timedelta(minutes=59, seconds=59))
    assert visitor.is_signed_in()
    clock.advance(timedelta(minutes=60))
    assert not visitor.is_signed_in()


def test_session_ends_after_12_hours_even_when_active(new_visitor, seed, clock):
    visitor, _ = _signed_in(new_visitor, seed)
    for _ in range(12):
        clock.advance(timedelta(minutes=59, seconds=59))
        assert visitor.is_signed_in()
    clock.advance(timedelta(seconds=12))  # exactly 12 h after login
    assert not visitor.is_signed_in()
