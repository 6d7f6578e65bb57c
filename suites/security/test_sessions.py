"""Sessions: cookie attributes, a new id at sign-in, and server-side ends (ASVS 5.0 V3.3, V7.2, V7.4)."""

import httpx
import pytest
from playwright.sync_api import expect

from pages import AccountPage, LoginPage
from pages.forgot_password_page import ForgotPasswordPage
from suites.security.http_client import SESSION_COOKIE
from suites.security.sessions import opens_the_account, replayed_in_a_new_context, session_cookie


@pytest.mark.behaviour("SEC-SESSION-01")
def test_session_cookie_is_httponly_and_samesite_and_secure_behind_https(page, exchange, accounts, sign_in):
    account = accounts.create()
    sign_in(page, account)
    cookie = session_cookie(page.context)
    assert cookie["httpOnly"], "page scripts can read the session cookie"
    assert cookie["sameSite"] in ("Lax", "Strict"), cookie
    assert page.evaluate("document.cookie").find(SESSION_COOKIE) == -1, "document.cookie shows the session"

    # Served over HTTPS (a TLS-terminating proxy on loopback says so), the cookie must be Secure.
    answer = httpx.get(f"{exchange.base_url}/login", headers={"X-Forwarded-Proto": "https"})
    set_cookie = [v for k, v in answer.headers.multi_items() if k == "set-cookie" and v.startswith(SESSION_COOKIE)]
    assert set_cookie, "the login page started no session"
    attributes = [part.strip().lower() for part in set_cookie[0].split(";")]
    assert "secure" in attributes and "httponly" in attributes, set_cookie[0]


@pytest.mark.behaviour("SEC-SESSION-02")
def test_signing_in_issues_a_new_session_id_and_the_old_one_stays_signed_out(page, new_context, accounts):
    account = accounts.create()
    login = LoginPage(page).open()
    before = session_cookie(page.context)  # the anonymous session an attacker could have planted

    login.login(account.email, account.password)
    AccountPage(page).assert_current()
    after = session_cookie(page.context)
    assert after["value"] != before["value"], "the session id survived sign-in (session fixation)"

    planted = replayed_in_a_new_context(new_context, before)
    assert not opens_the_account(planted), "the pre-sign-in session id opens the account"


@pytest.mark.behaviour("SEC-SESSION-03")
def test_logging_out_ends_the_session_on_the_server(page, new_context, accounts):
    account = accounts.create()
    LoginPage(page).open().login(account.email, account.password)
    AccountPage(page).assert_current()
    stolen = session_cookie(page.context)
    assert opens_the_account(replayed_in_a_new_context(new_context, stolen)), "the copy should work before logout"

    AccountPage(page).log_out()
    LoginPage(page).assert_current()

    assert not opens_the_account(replayed_in_a_new_context(new_context, stolen)), (
        "the old cookie still opens the account")
    assert accounts.state(account)["live_sessions"] == 0


@pytest.mark.behaviour("SEC-SESSION-04")
def test_resetting_the_password_ends_every_session_of_the_account(page, new_context, accounts, deliveries, sign_in):
    account = accounts.create()
    elsewhere = new_context().new_page()
    sign_in(elsewhere, account)
    stolen = session_cookie(elsewhere.context)

    forgot = ForgotPasswordPage(page).open()
    mark = deliveries.mark()
    forgot.submit_identifier(account.email)
    forgot.assert_step("forgot-robot")
    forgot.pass_robot_check()
    forgot.submit_code(deliveries.email_code(account.email, "password reset code", since=mark))
    forgot.set_new_password(accounts.new_password())
    forgot.assert_step("forgot-done")

    assert not opens_the_account(replayed_in_a_new_context(new_context, stolen)), (
        "a pre-reset cookie still opens the account")
    elsewhere.reload()
    expect(LoginPage(elsewhere).submit_button).to_be_visible()
    assert accounts.state(account)["live_sessions"] == 0
