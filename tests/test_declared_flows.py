"""A brand serves a flow only when its profile declares it (mock_exchange/brands.py `flows`):
elsewhere the flow's paths are unknown (404) and no page links to them. And every declared flow
is read somewhere in the mock exchange, so a declaration cannot be left meaning nothing."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from fixtures import brands, verdict
from fixtures.catalogue import CATALOGUE_PATH, load_catalogue
from mock_exchange.app import create_app
from mock_exchange.brands import BRANDS, COINEX
from mock_exchange.mobile_reset import choose_check
from mock_exchange.models import Account
from tests.conftest import LOOPBACK, Seeder, Visitor

MOCK = Path(__file__).resolve().parent.parent / "mock_exchange"

# flow -> (path, what the path answers where the flow is served, (page, the link's data-testid) pairs)
GATED = {
    "status_page": ("/status", 200, [("/login", "footer-status"), ("/help", "footer-status")]),
    "lost_authenticator_form": ("/login/lost-2fa", 303,  # to the login page: no sign-in is waiting here
                                [("/help/2fa-code-errors", "lost-2fa-link")]),
    "google_login": ("/auth/google/start", 303, [("/login", "continue-with-google"),
                                                 ("/signup", "continue-with-google")]),
    "apple_login": ("/auth/apple/start", 303, [("/login", "continue-with-apple"), ("/signup", "continue-with-apple")]),
}
CASES = [pytest.param(flow, brand, id=f"{flow}-{brand}") for flow in GATED for brand in brands.NAMES]


@pytest.fixture
def client_of(tmp_path):
    def build(profile) -> TestClient:
        app = create_app(profile, database_path=tmp_path / f"{profile.key}-{len(list(tmp_path.iterdir()))}.db",
                         test_mode=True)
        return TestClient(app, client=LOOPBACK, follow_redirects=False)
    return build


def _links(html: str, testid: str) -> bool:
    return f'data-testid="{testid}"' in html


@pytest.mark.parametrize(("flow", "brand"), CASES)
def test_a_flow_is_served_and_linked_exactly_where_its_brand_declares_it(client_of, flow, brand):
    client = client_of(BRANDS[brand])
    path, served_status, links = GATED[flow]
    declared = BRANDS[brand].has(flow)

    answer = client.get(path)

    assert answer.status_code == (served_status if declared else 404), (flow, brand, answer.status_code)
    for page, testid in links:
        assert _links(client.get(page).text, testid) == declared, f"{brand} {page}: link {testid}"


@pytest.mark.parametrize("brand", brands.NAMES)
def test_the_verification_step_offers_the_lost_authenticator_form_only_where_declared(client_of, brand):
    client = client_of(BRANDS[brand])
    account = Seeder(client).account(factors=("totp",))
    visitor = Visitor(client)
    assert visitor.login(account["email"]).headers["location"] == "/login/verify"

    page = client.get("/login/verify").text

    assert _links(page, "to-lost-2fa") == BRANDS[brand].has("lost_authenticator_form")


def test_a_brand_without_google_sign_in_refuses_the_callback_too(client_of):
    undeclared = replace(COINEX, key="nogoogle", flows=COINEX.flows - {"google_login"})
    client = client_of(undeclared)
    assert client.get("/auth/google/callback?state=x&code=y").status_code == 404
    assert client.get("/auth/google/start").status_code == 404


def test_without_security_questions_a_mobile_reset_goes_to_manual_review(client_of):
    """An account the questions would fit (only the phone bound, password known, low balance)."""
    without = replace(COINEX, key="noquestions", flows=COINEX.flows - {"security_questions"})
    for profile, expected in ((COINEX, "questions"), (without, "documents")):
        exchange = client_of(profile).app.state.exchange
        with exchange.database() as db:
            account = Account(email="a@example.com", email_login=True, phone="+46701234567", sms_2fa=True,
                              created_at=exchange.clock.now())
            db.add(account)
            db.flush()
            assert choose_check(exchange, db, account, password_unavailable=False) == expected, profile.key


def test_every_declared_flow_is_read_by_the_mock_exchange():
    sources = [path for pattern in ("*.py", "*.html") for path in MOCK.rglob(pattern) if path.name != "brands.py"]
    text = "\n".join(path.read_text(encoding="utf-8") for path in sources)
    provider_flows = re.search(r'has\(f"\{provider\}_login"\)', text) is not None  # social_login asks per provider
    unread = sorted(flow for flow in brands.FLOWS
                    if f'"{flow}"' not in text and not (provider_flows and flow in ("google_login", "apple_login")))
    assert unread == [], f"flows declared in mock_exchange/brands.py that no handler or template reads: {unread}"


def test_a_security_requirement_on_a_flow_applies_only_to_the_brands_offering_it():
    """The OIDC checks are owed by the brands with Google or Apple sign-in: a brand without them
    neither owes them in its release verdict nor counts a test run on another brand as its own."""
    catalogue = load_catalogue()
    oidc = catalogue["SEC-OIDC-01"]
    assert oidc.brands == tuple(b for b in brands.NAMES if {"google_login", "apple_login"} & BRANDS[b].flows)
    assert catalogue["SEC-LOCK-02"].brands == brands.NAMES
    rows = {(row.id, row.brand) for row in verdict.checklist({}, {oidc.id: oidc})}
    assert rows == {(oidc.id, brand) for brand in oidc.brands}


def test_a_requirement_naming_an_undeclared_flow_stops_the_catalogue(tmp_path):
    security = tmp_path / "security.toml"
    security.write_text('[[requirement]]\nid = "SEC-X-01"\narea = "x"\nstandard = "OWASP ASVS 5.0"\n'
                        'reference = "V1"\nurl = "https://example.org"\nseverity = "minor"\nsummary = "s"\n'
                        'flows = ["fax_login"]\n')
    with pytest.raises(ValueError, match=r"SEC-X-01 names flows \['fax_login'\] that no brand profile declares"):
        load_catalogue(CATALOGUE_PATH, security)
