"""The test API exists only in test mode and answers only loopback clients (DESIGN: "a test proves both")."""

from __future__ import annotations

import pytest

SEED = {"email": "api.probe@example.com", "password": "Tangerine-Harbour-47-kites"}
ELSEWHERE = [("testclient", 50000), ("203.0.113.5", 1234)]


def _probes(client):
    return {
        "GET /__test__/clock": client.get("/__test__/clock"),
        "GET /__test__/info": client.get("/__test__/info"),
        "POST /__test__/accounts": client.post("/__test__/accounts", json=SEED),
        "POST /__test__/clock/advance": client.post("/__test__/clock/advance", json={"seconds": 1}),
    }


def _unknown_path_body(client) -> str:
    response = client.get("/__test__/no-such-endpoint")
    assert response.status_code == 404
    return response.text


def test_without_test_mode_the_test_api_does_not_exist(make_app, make_client):
    client = make_client(on=make_app(test_mode=False))  # loopback, and still nothing
    unknown = _unknown_path_body(client)
    for probe, response in _probes(client).items():
        assert (response.status_code, response.text) == (404, unknown), probe


@pytest.mark.parametrize("address", ELSEWHERE, ids=["testclient", "203.0.113.5"])
def test_non_loopback_clients_get_the_unknown_path_404(make_client, address, clock):
    client = make_client(address)
    unknown = _unknown_path_body(client)
    offset_before = clock.offset
    for probe, response in _probes(client).items():
        assert (response.status_code, response.text) == (404, unknown), probe
    assert clock.offset == offset_before  # and the refused advance did nothing


@pytest.mark.parametrize("address", ELSEWHERE, ids=["testclient", "203.0.113.5"])
def test_non_loopback_clients_get_404_not_405_for_a_wrong_method(make_client, address):
    """A 405 where an unknown path answers 404 tells a remote client the route exists."""
    client = make_client(address)
    unknown = _unknown_path_body(client)
    response = client.get("/__test__/clock/advance")
    assert (response.status_code, response.text) == (404, unknown)


@pytest.mark.parametrize("address", ELSEWHERE, ids=["testclient", "203.0.113.5"])
def test_non_loopback_clients_get_404_not_422_for_a_malformed_body(make_client, address):
    client = make_client(address)
    unknown = _unknown_path_body(client)
    response = client.post("/__test__/accounts", content=b"{not json", headers={"content-type": "application/json"})
    assert (response.status_code, response.text) == (404, unknown)


@pytest.mark.parametrize("address", [("127.0.0.1", 50000), ("::1", 50000)], ids=["127.0.0.1", "::1"])
def test_loopback_clients_are_served(make_client, address):
    client = make_client(address)
    assert client.get("/__test__/clock").status_code == 200
    assert client.get("/__test__/info").json()["brand"] == "pionex"
    assert client.post("/__test__/accounts", json=SEED).status_code == 201


def test_advancing_the_clock_through_the_api_moves_what_the_app_sees(visitor, new_visitor, seed, make_client):
    account = seed.account()
    failures = [visitor.login(account["email"], "Not-the-password-99") for _ in range(5)]
    assert [r.status_code for r in failures] == [401, 401, 401, 401, 423]
    assert new_visitor().login(account["email"]).status_code == 423
    api = make_client()
    before = api.get("/__test__/clock").json()["offset_seconds"]
    moved = api.post("/__test__/clock/advance", json={"seconds": 30 * 60})
    assert moved.status_code == 200 and moved.json()["offset_seconds"] == before + 1800
    assert new_visitor().login(account["email"]).status_code == 303


@pytest.mark.parametrize("body", [{"seconds": -1}, {"seconds": "soon"}, {}, {"seconds": 1e12}], ids=str)
def test_bad_clock_moves_are_422_never_500(make_client, body, clock):
    response = make_client().post("/__test__/clock/advance", json=body)
    assert response.status_code == 422, response.text
    assert response.json()["error"] == "request.invalid"
    assert clock.offset.total_seconds() == 0


def test_malformed_json_is_422_never_500(make_client):
    response = make_client().post(
        "/__test__/clock/advance", content=b"{not json", headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
