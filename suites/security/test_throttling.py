"""Failed-attempt limiting follows the account, not the client address
(ASVS 5.0 V6.3.1; NIST SP 800-63B §5.2.2). The exchange sits behind a proxy on loopback that
names the client in X-Forwarded-For, so each request below comes from another address."""

import pytest

LOCKOUT_THRESHOLD = 5  # seeds/000 line 23 (Pionex); CoinEx locks sooner from unfamiliar devices


def _locked(state: dict) -> bool:
    return bool(state["locked_until"]) or state["review_locked"]


def _login(form_client, address: str, email: str, password: str):
    return form_client(**{"X-Forwarded-For": address}).submit("/login", {"email": email, "password": password})


@pytest.mark.behaviour("SEC-LOCK-01")
def test_failures_spread_over_many_addresses_still_lock_the_account(accounts, form_client):
    account = accounts.create()
    for number in range(1, LOCKOUT_THRESHOLD + 1):
        answer = _login(form_client, f"203.0.113.{number}", account.email, "Wrong-password-123")
        assert 400 <= answer.status_code < 500, answer.status_code
    assert _locked(accounts.state(account)), "failures from different addresses did not add up"

    answer = _login(form_client, "198.51.100.77", account.email, account.password)
    assert answer.status_code != 303, "a fresh address opened the locked account"
    assert _locked(accounts.state(account))


@pytest.mark.behaviour("SEC-LOCK-01")
def test_one_address_failing_on_many_accounts_locks_none_of_them(accounts, form_client):
    victims = [accounts.create() for _ in range(LOCKOUT_THRESHOLD + 1)]
    for victim in victims:  # password spraying: one try per account, all from one address
        answer = _login(form_client, "203.0.113.200", victim.email, "Wrong-password-123")
        assert 400 <= answer.status_code < 500, answer.status_code
    assert not any(_locked(accounts.state(v)) for v in victims), "accounts were locked for another's failures"
    assert all(accounts.state(v)["failures"] == 1 for v in victims)

    bystander = accounts.create()
    answer = _login(form_client, "203.0.113.200", bystander.email, bystander.password)
    assert answer.status_code == 303 and answer.headers["location"].endswith("/account"), (
        f"the address was blocked for everyone: {answer.status_code} {answer.headers.get('location')}")
