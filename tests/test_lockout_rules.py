"""The lockout rule (seed 000:23): 5 consecutive failed passwords or codes lock for 30 minutes.

The numbers are the SPEC's, written as literals on purpose: a policy drift in the app must fail here.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pyotp
from tests.security_helpers import without_tokens

WRONG = "Not-the-password-99"


def fail_times(visitor, email, times):
    return [visitor.login(email, WRONG) for _ in range(times)]


def locked_until_of(response) -> datetime:
    return datetime.fromisoformat(re.search(r'data-locked-until="([^"]+)"', response.text).group(1))


def test_four_failures_do_not_lock(visitor, new_visitor, seed, alert_text):
    account = seed.account()
    responses = fail_times(visitor, account["email"], 4)
    assert [r.status_code for r in responses] == [401] * 4
    assert "1 attempt left" in alert_text(responses[-1].text, "login-error")
    assert "locked for 30 minutes" in alert_text(responses[-1].text, "login-error")
    signed_in = new_visitor().login(account["email"])
    assert signed_in.status_code == 303 and signed_in.headers["location"] == "/account"


def test_fifth_failure_locks_with_a_readable_message(visitor, seed, clock, alert_text):
    account = seed.account()
    fail_times(visitor, account["email"], 4)
    fifth = visitor.login(account["email"], WRONG)
    assert fifth.status_code == 423
    assert 'data-message-id="login.locked"' in fifth.text
    message = alert_text(fifth.text, "lockout-message")
    assert "locked" in message and "after 5 failed attempts" in message and "Wait 30 minutes" in message
    assert locked_until_of(fifth) == clock.now() + timedelta(minutes=30)


def test_correct_password_is_refused_while_locked(visitor, seed):
    account = seed.account()
    fail_times(visitor, account["email"], 5)
    response = visitor.login(account["email"])
    assert response.status_code == 423
    assert not visitor.is_signed_in()


def test_lock_lifts_exactly_at_locked_until(visitor, new_visitor, seed, clock):
    account = seed.account()
    locked_until = locked_until_of(fail_times(visitor, account["email"], 5)[-1])
    clock.advance(locked_until - clock.now() - timedelta(seconds=1))
    assert new_visitor().login(account["email"]).status_code == 423
    clock.advance(timedelta(seconds=1))
    assert clock.now() == locked_until
    opened = new_visitor().login(account["email"])
    assert opened.status_code == 303 and opened.headers["location"] == "/account"


def test_success_resets_the_count(new_visitor, seed, alert_text):
    account = seed.account()
    fail_times(new_visitor(), account["email"], 4)
    assert new_visitor().login(account["email"]).status_code == 303
    again = fail_times(new_visitor(), account["email"], 4)
    assert [r.status_code for r in again] == [401] * 4
    assert "1 attempt left" in alert_text(again[-1].text, "login-error")


def _normalised(response, email: str) -> str:
    text = response.text.replace(email, "EMAIL")
    return without_tokens(text)


def test_unknown_email_locks_the_same_way_as_a_known_one(new_visitor, seed):
    known = seed.account()["email"]
    unknown = "nobody.here@example.com"
    known_pages = fail_times(new_visitor(), known, 5)
    unknown_pages = fail_times(new_visitor(), unknown, 5)
    assert [r.status_code for r in unknown_pages] == [401, 401, 401, 401, 423]
    assert [r.status_code for r in known_pages] == [r.status_code for r in unknown_pages]
    for known_page, unknown_page in zip(known_pages, unknown_pages):
        assert _normalised(known_page, known) == _normalised(unknown_page, unknown)
    assert new_visitor().login(unknown, "any-password-at-all").status_code == 423


def test_lock_follows_the_account_not_the_client(new_visitor, seed):
    account = seed.account()
    fail_times(new_visitor(), account["email"], 5)
    elsewhere = new_visitor(client=("198.51.100.7", 40000))  # other address, other cookie jar
    assert elsewhere.login(account["email"]).status_code == 423
    assert new_visitor().login(account["email"].upper()).status_code == 423


def _to_verify_step(visitor, account):
    response = visitor.login(account["email"])
    assert response.status_code == 303 and response.headers["location"] == "/login/verify"


def test_wrong_verification_codes_lock_the_account(visitor, new_visitor, seed, clock, wrong_totp, alert_text):
    account = seed.account(factors=("totp",))
    _to_verify_step(visitor, account)
    bad = wrong_totp(account["totp_secret"], clock.now())
    responses = [visitor.verify(code=bad) for _ in range(4)]
    assert [r.status_code for r in responses] == [401] * 4
    assert "1 attempt left" in alert_text(responses[-1].text, "verify-error")
    fifth = visitor.verify(code=bad)
    assert fifth.status_code == 423 and 'data-message-id="login.locked"' in fifth.text
    # the lock is the account's: the right password from a fresh client is refused too
    assert new_visitor().login(account["email"]).status_code == 423


def test_four_wrong_codes_then_the_right_one_signs_in(visitor, seed, clock, wrong_totp):
    account = seed.account(factors=("totp",))
    _to_verify_step(visitor, account)
    bad = wrong_totp(account["totp_secret"], clock.now())
    assert [visitor.verify(code=bad).status_code for _ in range(4)] == [401] * 4
    right = visitor.verify(code=pyotp.TOTP(account["totp_secret"]).at(clock.now()))
    assert right.status_code == 303 and right.headers["location"] == "/account"


def test_reentering_the_password_does_not_reset_code_failures(new_visitor, seed, clock, wrong_totp):
    """4 wrong codes, the right password again, 1 wrong code = 5 consecutive failures: locked.

    Otherwise someone holding the password gets unlimited authenticator guesses, 4 at a time.
    """
    account = seed.account(factors=("totp",))
    bad = wrong_totp(account["totp_secret"], clock.now())
    first = new_visitor()
    _to_verify_step(first, account)
    assert [first.verify(code=bad).status_code for _ in range(4)] == [401] * 4
    second = new_visitor()
    _to_verify_step(second, account)
    assert second.verify(code=bad).status_code == 423


def test_the_lock_page_after_wrong_codes_has_a_working_login_form(visitor, seed, clock, wrong_totp, csrf_token_in):
    """The 423 page says "wait and try again": its own form must work once the lock lifts."""
    account = seed.account(factors=("totp",))
    _to_verify_step(visitor, account)
    bad = wrong_totp(account["totp_secret"], clock.now())
    locked = [visitor.verify(code=bad) for _ in range(5)][-1]
    assert locked.status_code == 423
    clock.advance(timedelta(minutes=30))
    again = visitor.http.post(
        "/login",
        data={"csrf_token": csrf_token_in(locked.text), "email": account["email"], "password": account["password"]},
    )
    assert again.status_code == 303, f"{again.status_code}: the page's form carried a dead session's CSRF token"
