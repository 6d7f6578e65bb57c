"""The mock Google/Apple providers and our relying party, at the HTTP level.

The callback reaches the provider's token and JWKS endpoints over HTTP; here that client is a
TestClient on the same app, so the whole code flow runs in-process.
"""

import re
from datetime import timedelta
from html import unescape
from urllib.parse import parse_qs, urlparse

import pytest
from starlette.testclient import TestClient

from mock_exchange.idp import IdentityProvider, PROVIDERS, ProviderError, pkce_challenge, verify_id_token

LOOPBACK = ("127.0.0.1", 50000)


@pytest.fixture
def browser(app, make_client):
    app.state.exchange.http = TestClient(app, client=LOOPBACK)
    return make_client()


def _consent_form(html: str) -> dict[str, str]:
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', html))
    return {k: unescape(v) for k, v in fields.items()}


def _sign_in(browser, provider: str, identity: str, **extra) -> tuple:
    start = browser.get(f"/auth/{provider}/start")
    assert start.status_code == 303
    consent = browser.get(start.headers["location"])
    assert consent.status_code == 200, consent.text
    form = {**_consent_form(consent.text), "identity": identity, "decision": "allow", **extra}
    to_callback = browser.post(f"/idp/{provider}/authorize", data=form)
    assert to_callback.status_code == 303
    return to_callback.headers["location"], browser.get(to_callback.headers["location"])


def test_google_code_flow_signs_in_and_creates_a_passwordless_account(browser):
    _, callback = _sign_in(browser, "google", "ada@example.com")
    assert callback.status_code == 303 and callback.headers["location"] == "/account"
    page = browser.get("/account").text
    assert "ada@example.com" in page and "Google" in page


def test_a_replayed_callback_is_refused(browser):
    callback_url, first = _sign_in(browser, "google", "ada@example.com")
    assert first.status_code == 303
    replay = browser.get(callback_url)
    assert replay.status_code == 400 and "did not match a sign-in started here" in replay.text


@pytest.mark.parametrize("claim,value,", [("nonce", "another-nonce"), ("aud", "someone-else"), ("iss", "https://evil.example")])
def test_id_tokens_with_a_wrong_claim_are_refused(browser, make_client, app, claim, value):
    make_client().post("/__test__/idp/google/tamper", json={"claim": claim, "value": value})
    _, callback = _sign_in(browser, "google", "ada@example.com")
    assert callback.status_code == 400 and "could not be verified" in callback.text
    assert browser.get("/account").status_code == 303


def test_apple_hide_my_email_gives_a_relay_address(browser):
    _sign_in(browser, "apple", "ada@icloud.com", hide_email="on")
    page = browser.get("/account").text
    assert "@privaterelay.appleid.com" in page and "ada@icloud.com" not in page


def test_apple_sign_in_cannot_start_from_android(make_client):
    android = make_client(headers={"user-agent": "Mozilla/5.0 (Linux; Android 14; Pixel 7)"})
    assert android.get("/auth/apple/start").status_code == 404
    assert android.get("/auth/google/start").status_code == 303


def test_the_authorize_endpoint_refuses_an_unregistered_redirect(browser):
    start = browser.get("/auth/google/start").headers["location"]
    query = parse_qs(urlparse(start).query)
    query["redirect_uri"] = ["https://evil.example/callback"]
    bad = browser.get("/idp/google/authorize", params={k: v[0] for k, v in query.items()})
    assert bad.status_code == 400 and "redirect address is not registered" in bad.text


# --- the provider's token endpoint rules, without HTTP ---------------------------------------


@pytest.fixture
def provider(clock):
    return IdentityProvider(PROVIDERS["google"], {"client": "secret"})


def _code(provider, clock, verifier="v" * 50):
    return provider.authorize(client_id="client", redirect_uri="http://x/cb", identity_email="a@example.com",
                              hide_email=False, nonce="n", code_challenge=pkce_challenge(verifier), now=clock.now())


def _exchange(provider, clock, code, **changes):
    args = dict(code=code, client_id="client", client_secret="secret", redirect_uri="http://x/cb",
                code_verifier="v" * 50, base_url="http://x", now=clock.now())
    return provider.exchange_code(**{**args, **changes})


@pytest.mark.parametrize("change", [
    {"client_secret": "wrong"}, {"code_verifier": "w" * 50}, {"redirect_uri": "http://x/other"},
])
def test_token_endpoint_refuses_wrong_client_verifier_or_redirect(provider, clock, change):
    with pytest.raises(ProviderError):
        _exchange(provider, clock, _code(provider, clock), **change)


def test_a_code_works_once_and_expires_after_a_minute(provider, clock):
    code = _code(provider, clock)
    _exchange(provider, clock, code)
    with pytest.raises(ProviderError):
        _exchange(provider, clock, code)
    late = _code(provider, clock)
    clock.advance(timedelta(minutes=1))
    with pytest.raises(ProviderError):
        _exchange(provider, clock, late)


def test_id_token_signature_is_checked_against_the_providers_keys(provider, clock):
    token = _exchange(provider, clock, _code(provider, clock))["id_token"]
    other = IdentityProvider(PROVIDERS["google"], {"client": "secret"})
    verify_id_token(token, provider.jwks(), issuer="http://x/idp/google", client_id="client", nonce="n",
                    now=clock.now())
    with pytest.raises(Exception):
        verify_id_token(token, other.jwks(), issuer="http://x/idp/google", client_id="client", nonce="n",
                        now=clock.now())
    with pytest.raises(Exception):
        verify_id_token(token, provider.jwks(), issuer="http://x/idp/google", client_id="client", nonce="n",
                        now=clock.now() + timedelta(minutes=15))
