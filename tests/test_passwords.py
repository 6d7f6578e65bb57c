"""Password hashing (argon2id) and the sign-up password rules (NIST SP 800-63B)."""

from __future__ import annotations

from mock_exchange.brands import Policy
from mock_exchange.passwords import hash_password, password_problems, verify_password

GOOD = "Tangerine-Harbour-47-kites"


def test_hash_is_argon2id_and_salted():
    first, second = hash_password(GOOD), hash_password(GOOD)
    assert first.startswith("$argon2id$") and GOOD not in first
    assert first != second  # a fresh salt each time


def test_verify_accepts_the_right_password_only():
    stored = hash_password(GOOD)
    assert verify_password(stored, GOOD) is True
    assert verify_password(stored, GOOD.lower()) is False
    assert verify_password(stored, "") is False


def test_verify_without_a_hash_is_false():
    assert verify_password(None, GOOD) is False
    assert verify_password(None, "not-a-real-password-but-the-same-cost") is False  # not even the dummy's


def test_a_good_password_has_no_problems():
    assert password_problems(GOOD, Policy(), "alice.smith@example.com") == []
    assert password_problems("a" * 7 + "Z", Policy()) == []  # exactly 8 is enough
    assert password_problems("x" * 128, Policy()) == []  # exactly 128 is allowed


def test_short_password_is_refused():
    assert password_problems("Ab3-xyz", Policy()) == ["Use at least 8 characters."]


def test_too_long_password_is_refused():
    assert password_problems("x" * 129, Policy()) == ["Use at most 128 characters."]


def test_common_password_is_refused_in_any_case():
    for common in ("password123", "PassWord123", "bitcoin1"):
        assert "This password is too common; choose another." in password_problems(common, Policy())


def test_password_containing_the_email_local_part_is_refused():
    problems = password_problems("xx-Alice.Smith-2024", Policy(), "alice.smith@example.com")
    assert problems == ["The password must not contain your e-mail address."]


def _signup(visitor, email, password):
    return visitor.submit("/signup", {"email": email, "password": password})


def test_signup_refuses_a_short_password_readably_and_creates_nothing(visitor, new_visitor, seed, alert_text):
    email = "short.pw@example.com"
    response = _signup(visitor, email, "Ab3-xyz")
    assert response.status_code == 400
    assert "at least 8 characters" in alert_text(response.text, "password-error")
    assert new_visitor().login(email, "Ab3-xyz").status_code == 401
    assert seed.email_is_free(email)


def test_signup_refuses_a_malformed_email_readably_and_creates_nothing(visitor, seed, alert_text):
    for malformed in ("not-an-email", "two@@example.com", "spaces in@example.com"):
        response = _signup(visitor, malformed, GOOD)
        assert response.status_code == 400, malformed
        assert "valid e-mail address" in alert_text(response.text, "email-error")
        assert seed.email_is_free(malformed), malformed


def test_signup_with_valid_fields_creates_an_account_that_can_log_in(visitor, new_visitor, seed):
    # the positive control for the two tests above: their "no account" checks can see one
    email = "new.trader@example.com"
    response = _signup(visitor, email, GOOD)
    assert response.status_code == 200 and 'data-testid="signup-done"' in response.text
    assert new_visitor().login(email, GOOD).status_code == 303
    assert not seed.email_is_free(email)
