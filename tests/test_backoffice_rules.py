"""The back office: agents' own sessions, identity before look-up, and reviews via the test API."""

from __future__ import annotations

from tests.security_helpers import code_from, seed_account, signed_in

AGENT = {"email": "agent@support.example.com", "password": "Agent-password-2026"}


def agent_visitor(new_visitor, seed):
    assert seed.api.post("/__test__/agents", json=AGENT).status_code == 201
    visitor = new_visitor()
    response = visitor.submit("/backoffice/login", AGENT)
    assert response.status_code == 303 and response.headers["location"] == "/backoffice"
    return visitor


def test_the_queue_needs_an_agent_login_and_a_customer_session_is_not_one(new_visitor, seed, clock):
    customer = signed_in(new_visitor, seed_account(seed), clock)
    assert customer.get("/backoffice").headers["location"] == "/backoffice/login"
    assert new_visitor().get("/backoffice/reviews/1").headers["location"] == "/backoffice/login"
    seed.api.post("/__test__/agents", json=AGENT)
    wrong = new_visitor().submit("/backoffice/login", {**AGENT, "password": "not-it-at-all"})
    assert wrong.status_code == 401


def test_agent_cookie_is_httponly_strict_and_scoped(new_visitor, seed, set_cookie_morsel):
    seed.api.post("/__test__/agents", json=AGENT)
    response = new_visitor().submit("/backoffice/login", AGENT)
    cookie = set_cookie_morsel(response, "backoffice_session")
    assert cookie["httponly"] is True and cookie["samesite"].lower() == "strict" and cookie["path"] == "/backoffice"


def test_approval_needs_verified_identity_and_the_account_stays_hidden_until_then(new_visitor, seed, clock, outbox):
    account = seed_account(seed, factors=["totp"], balance_usdt="40")
    month = clock.now().strftime("%Y-%m")
    details = {"registered_month": month, "balance_usdt": "40", "code_verified": True}
    review = seed.api.post("/__test__/reviews", json={"kind": "lost_authenticator", "account_id": account["id"],
                                                       "details": details}).json()
    agent = agent_visitor(new_visitor, seed)
    page = agent.get(f"/backoffice/reviews/{review['id']}").text
    assert account["email"] not in page and 'data-testid="review-account-hidden"' in page
    decision = f"/backoffice/reviews/{review['id']}/decision"
    early = agent.submit(decision, {"decision": "approve"}, form_page="/backoffice")
    assert early.status_code == 409 and 'data-message-id="backoffice.verify_first"' in early.text
    verify = agent.submit(f"/backoffice/reviews/{review['id']}/verify-identity", {}, form_page="/backoffice")
    assert verify.status_code == 200
    approved = agent.submit(decision, {"decision": "approve"}, form_page="/backoffice")
    assert approved.status_code == 200 and account["email"] in approved.text
    again = agent.submit(decision, {"decision": "reject"}, form_page="/backoffice")
    assert again.status_code == 409
    assert seed.api.get(f"/__test__/accounts/{account['id']}/security").json()["totp_bound"] is False


def test_wrong_details_do_not_verify_the_identity(new_visitor, seed, clock):
    account = seed_account(seed, factors=["totp"], balance_usdt="40")
    details = {"registered_month": "1999-01", "balance_usdt": "40"}
    review = seed.api.post("/__test__/reviews", json={"kind": "lost_authenticator", "account_id": account["id"],
                                                       "details": details}).json()
    agent = agent_visitor(new_visitor, seed)
    refused = agent.submit(f"/backoffice/reviews/{review['id']}/verify-identity", {}, form_page="/backoffice")
    assert refused.status_code == 409 and account["email"] not in refused.text


def test_lost_2fa_request_keeps_the_user_signed_out_and_is_due_in_3_business_days(new_visitor, seed, clock, outbox):
    account = seed_account(seed, factors=["totp"], balance_usdt="5")
    visitor = new_visitor()
    assert visitor.login(account["email"], account["password"]).headers["location"] == "/login/verify"
    visitor.submit("/login/lost-2fa/send", {}, form_page="/login/lost-2fa")
    response = visitor.submit("/login/lost-2fa", {
        "email_code": code_from(outbox, account["email"], "lost 2fa"),
        "registered_month": clock.now().strftime("%Y-%m"),
        "balance_usdt": "5",
    })
    assert response.status_code == 200 and 'data-message-id="lost2fa.submitted"' in response.text
    assert not visitor.is_signed_in()
    (review,) = seed.api.get("/__test__/reviews", params={"account_id": account["id"]}).json()
    assert review["status"] == "pending"


def test_review_test_api_is_loopback_only(make_client):
    assert make_client(("198.51.100.7", 4000)).get("/__test__/reviews").status_code == 404
