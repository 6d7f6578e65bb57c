"""SEC-DATA-03: a server restart in the middle of a run keeps every account and its security state."""

from __future__ import annotations

import secrets

import pyotp
import pytest

from fixtures.test_api_client import TestApiClient

from .form_client import FormClient

WRONG_PASSWORDS_TO_LOCK = 5  # enough for either brand's lock (a timed lockout, or CoinEx's review lock)


def _account(api: TestApiClient, **seed) -> dict:
    password = f"Restart-{secrets.token_hex(6)}"
    made = api.create_account(email=f"restart.{secrets.token_hex(5)}@example.com", password=password, **seed)
    return {**made, "password": password}


def _server_totp(api: TestApiClient, secret: str) -> str:
    return pyotp.TOTP(secret).at(api.now())


@pytest.mark.behaviour("SEC-DATA-03")
def test_a_restart_keeps_every_account_its_authenticator_and_its_lock(dedicated_server):
    """Accounts made before a restart (one with Google Authenticator bound, one locked by wrong
    passwords, one plain) all exist afterwards with the same state, and each still signs in."""
    api = TestApiClient(dedicated_server.api_url)
    plain = _account(api)
    with_totp = _account(api, factors=["totp"])
    locked = _account(api)
    client = FormClient(dedicated_server.api_url)
    for _ in range(WRONG_PASSWORDS_TO_LOCK):
        client.login(locked["email"], "not-" + locked["password"])
    before = {a["id"]: api.account_state(a["id"]) for a in (plain, with_totp, locked)}
    lock = before[locked["id"]]
    # Pionex locks for a time; CoinEx locks failures from an unfamiliar device until a review
    assert lock["locked_until"] is not None or lock["review_locked"], f"the setup did not lock the account: {lock}"
    assert api.security_state(with_totp["id"])["totp_bound"]

    dedicated_server.restart()

    after = {a["id"]: api.account_state(a["id"]) for a in (plain, with_totp, locked)}
    for account_id, state in before.items():
        assert after[account_id]["email"] == state["email"]
        assert after[account_id]["failures"] == state["failures"]
        assert after[account_id]["locked_until"] == state["locked_until"]
        assert after[account_id]["review_locked"] == state["review_locked"]
    assert api.security_state(with_totp["id"])["totp_bound"], "the authenticator binding was lost"

    fresh = FormClient(dedicated_server.api_url)
    assert fresh.login(plain["email"], plain["password"]).headers.get("location") == "/account"
    second = FormClient(dedicated_server.api_url)
    assert second.login(with_totp["email"], with_totp["password"]).headers.get("location") == "/login/verify"
    assert second.verify(_server_totp(api, with_totp["totp_secret"])).headers.get("location") == "/account"
    third = FormClient(dedicated_server.api_url)
    assert third.login(locked["email"], locked["password"]).status_code == 423, "the lock did not survive"
    for one in (client, fresh, second, third):
        one.close()
