"""The test API seeds state without the screens, but never state the screens could not make:
an address change through it obeys the same address rules, with a JSON 4xx (SEC-API-01)."""

import httpx
import pytest

NOT_ADDRESSES = ["", "   ", "not-an-address", "two@at@signs.example", "space in@example.com"]


@pytest.mark.behaviour("SEC-API-01")
def test_the_test_api_refuses_to_change_an_email_to_a_non_address_or_a_taken_one(exchange, accounts):
    account, other = accounts.create(), accounts.create()
    change = f"{exchange.api.base_url}/__test__/accounts/{account.id}/change-email"

    refused = {text: httpx.post(change, json={"new_email": text}, timeout=30) for text in NOT_ADDRESSES}
    taken = httpx.post(change, json={"new_email": other.email.upper()}, timeout=30)

    assert {text: answer.status_code for text, answer in refused.items()} == dict.fromkeys(NOT_ADDRESSES, 422)
    assert all(answer.headers["content-type"].startswith("application/json") for answer in refused.values())
    assert taken.status_code == 409, taken.text
    assert exchange.api.security_state(account.id)["email"] == account.email
    assert exchange.api.security_state(other.id)["email"] == other.email
