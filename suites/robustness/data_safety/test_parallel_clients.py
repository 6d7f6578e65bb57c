"""SEC-DATA-02: parallel clients hammering the login form and the code step lose no account."""

from __future__ import annotations

import secrets
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from fixtures.reporting import attach_text
from fixtures.test_api_client import TestApiClient

from .form_client import FormClient

CLIENTS = 8
HAMMER_SECONDS = 2.5  # bounded: after this (and its MIN_ROUNDS) a client starts no new request
MIN_ROUNDS = 8  # each client sends at least this many requests, however busy the machine is
MIN_REQUESTS = CLIENTS * MIN_ROUNDS  # a hammering lighter than this proves nothing about parallel writers


def _password() -> str:
    return f"Hammer-{secrets.token_hex(6)}"


def _hammer(base_url: str, account: dict, deadline: float) -> list[httpx.Response]:
    """One client: wrong passwords and wrong codes for its account, then the right password."""
    client = FormClient(base_url)
    try:
        round_ = 0
        while round_ < MIN_ROUNDS or time.monotonic() < deadline:
            round_ += 1
            if round_ % 2:
                client.login(account["email"], account["password"] + "-wrong")
            elif client.login(account["email"], account["password"]).status_code == 303:
                client.verify("000000")  # the e-mail code step: a wrong code
        return client.responses
    finally:
        client.close()


def _register(api: TestApiClient, deadline: float) -> list[dict]:
    """Meanwhile, new accounts keep being created."""
    made = []
    while time.monotonic() < deadline:
        password = _password()
        seeded = api.create_account(email=f"during.{secrets.token_hex(5)}@example.com", password=password)
        made.append({**seeded, "password": password})
    return made


@pytest.mark.behaviour("SEC-DATA-02")
def test_parallel_logins_and_code_checks_cause_no_server_error_and_lose_no_account(dedicated_server):
    """8 clients hammer the login form and the code step for a bounded time while accounts are
    created: no 5xx, and every account still exists with its password afterwards."""
    api = TestApiClient(dedicated_server.api_url)
    before = []
    for _ in range(CLIENTS):
        password = _password()
        seeded = api.create_account(email=f"before.{secrets.token_hex(5)}@example.com", password=password,
                                    factors=["email"])
        before.append({**seeded, "password": password})

    deadline = time.monotonic() + HAMMER_SECONDS
    with ThreadPoolExecutor(CLIENTS + 1) as pool:
        hammers = [pool.submit(_hammer, dedicated_server.api_url, account, deadline) for account in before]
        registrar = pool.submit(_register, api, deadline)
        responses = [response for hammer in hammers for response in hammer.result()]
        during = registrar.result()

    statuses = Counter(response.status_code for response in responses)
    report = f"{len(responses)} requests from {CLIENTS} clients, statuses {dict(sorted(statuses.items()))}, " \
             f"{len(during)} accounts created meanwhile"
    print(f"\n[{dedicated_server.brand}] {report}")
    attach_text("hammering", report)
    server_errors = [f"{r.request.method} {r.request.url.path} -> {r.status_code}" for r in responses
                     if r.status_code >= 500]
    assert not server_errors, f"{len(server_errors)} server errors, e.g. {server_errors[:5]}"
    assert len(responses) >= MIN_REQUESTS, f"too little load to prove anything: {report}"
    assert statuses[401] and statuses[303], f"the hammering never reached the password check: {report}"
    def kept(account: dict) -> bool:  # argon2 verifies on the server: checked several at a time
        return (api.account_state(account["id"])["email"] == account["email"]
                and api.password_matches(account["id"], account["password"]))

    with ThreadPoolExecutor(4) as pool:
        lost = [account["id"] for account, ok in zip(before + during, pool.map(kept, before + during)) if not ok]
    assert not lost, f"accounts lost or without their password after the hammering: {lost}"
