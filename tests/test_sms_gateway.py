"""The HTTP SMS gateway (fixtures/sms_gateway.py) and the exchange posting to it as to a provider."""

import httpx
import pytest
from starlette.testclient import TestClient

from fixtures.sms_gateway import RemoteSmsBox, SmsGateway
from mock_exchange.app import create_app
from tests.conftest import PASSWORD, Visitor


@pytest.fixture
def gateway():
    started = SmsGateway().start()
    yield started
    started.stop()


def test_the_gateway_keeps_what_is_posted_and_answers_it_by_number(gateway):
    for to, body in [("+46701234567", "first"), ("+46709999999", "other"), ("+46701234567", "second")]:
        assert httpx.post(gateway.url, json={"to": to, "body": body}).status_code == 201
    read = RemoteSmsBox(gateway.url).messages("+46701234567")
    assert [m["body"] for m in read] == ["first", "second"]
    assert all(m["to"] == "+46701234567" and m["received_at"] for m in read)
    assert [m["body"] for m in httpx.get(gateway.url, params={"since": 2}).json()] == ["second"]


@pytest.mark.parametrize(("request_kwargs", "status", "words"), [
    ({"content": b"not json"}, 400, '"to"'),
    ({"json": {"to": "+46701234567"}}, 400, '"body"'),
    ({"content": b"x" * 5000}, 413, "4096 bytes"),
])
def test_the_gateway_refuses_a_bad_post_readably_and_keeps_nothing(gateway, request_kwargs, status, words):
    answer = httpx.post(gateway.url, **request_kwargs)
    assert answer.status_code == status and words in answer.json()["error"]
    assert gateway.messages() == []


def test_a_bad_read_gets_a_readable_refusal(gateway):
    answer = httpx.get(gateway.url, params={"since": "yesterday"})
    assert answer.status_code == 400 and "since" in answer.json()["error"]
    assert httpx.get(gateway.url.replace("/messages", "/nothing")).status_code == 404


def test_the_exchange_posts_each_sms_to_its_provider(tmp_path, gateway):
    app = create_app("pionex", database_path=tmp_path / "db.sqlite3", test_mode=False, sms_provider_url=gateway.url)
    visitor = Visitor(TestClient(app, follow_redirects=False))
    answer = visitor.submit("/signup", {"method": "phone", "country": "SE", "phone": "0701234567",
                                        "password": PASSWORD}, form_page="/signup")
    assert answer.status_code == 303
    [sms] = RemoteSmsBox(gateway.url).messages("+46701234567")
    assert "sign-up code" in sms["body"]


def test_an_unreachable_provider_costs_the_sms_not_the_page(tmp_path):
    app = create_app("pionex", database_path=tmp_path / "db.sqlite3", test_mode=False,
                     sms_provider_url="http://127.0.0.1:9/messages")
    visitor = Visitor(TestClient(app, follow_redirects=False))
    answer = visitor.submit("/signup", {"method": "phone", "country": "SE", "phone": "0701234567",
                                        "password": PASSWORD}, form_page="/signup")
    assert answer.status_code == 303  # the page goes on; the provider's outage is in the log
