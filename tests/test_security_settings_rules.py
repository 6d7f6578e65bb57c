"""Security settings at the HTTP level: unbind, change e-mail, bind again, the 30-day re-use
block, binding Google Authenticator (seeds/001 lines 23-29, 36-37, 48-76)."""

from __future__ import annotations

import re
from datetime import timedelta

import pyotp
import pytest

from mock_exchange import reuse_block
from tests.security_helpers import code_from, seed_account, signed_in, sms_code, totp_now

PHONE = "+46701234567"


def test_unbind_steps_cannot_be_posted_out_of_order_or_without_all_three_factors(new_visitor, seed, clock):
    account = seed_account(seed, factors=["email", "totp"])
    visitor = signed_in(new_visitor, account, clock)
    refused = visitor.submit("/security/unbind/email/next", {}, form_page="/security")
    assert refused.status_code == 409 and 'data-message-id="unbind.requirements"' in refused.text

    full = seed_account(seed, factors=["email", "sms", "totp"], phone=PHONE)
    visitor = signed_in(new_visitor, full, clock)
    early = visitor.submit("/security/unbind/sms/codes", {"email_code": "000000", "sms_code": "000000"},
                           form_page="/security")
    assert early.status_code == 409 and 'data-message-id="unbind.out_of_order"' in early.text
    assert seed.api.get(f"/__test__/accounts/{full['id']}/security").json()["phone"] == PHONE


def test_unbinding_sms_blocks_the_number_for_30_days_for_every_account(new_visitor, seed, clock, outbox):
    account = seed_account(seed, factors=["email", "sms", "totp"], phone=PHONE)
    visitor = signed_in(new_visitor, account, clock)
    visitor.submit("/security/unbind/sms/next", {}, form_page="/security")
    assert visitor.submit("/security/unbind/sms/totp", {"totp_code": totp_now(account, clock)},
                          form_page="/security").status_code == 303
    done = visitor.submit("/security/unbind/sms/codes", {
        "email_code": code_from(outbox, account["email"], "unbind"), "sms_code": sms_code(seed, PHONE, "unbind")},
        form_page="/security")
    assert done.status_code == 200 and 'data-message-id="unbind.done"' in done.text
    notice = [m["body"] for m in seed.api.get("/__test__/sms", params={"phone": PHONE}).json()][-1]
    assert "Security notice" in notice  # the old number was told before the change

    other = seed_account(seed, factors=["totp"])
    other_visitor = signed_in(new_visitor, other, clock)
    for who in (visitor, other_visitor):
        refused = who.submit("/security/bind/sms", {"destination": PHONE}, form_page="/security/bind/sms")
        assert refused.status_code == 409 and 'data-message-id="reuse.blocked"' in refused.text

    assert reuse_block.blocked_until  # the function the sign-up uses
    state = seed.api.get("/__test__/reuse-blocks", params={"phone": PHONE}).json()
    assert state["blocked_until"]
    clock.advance(timedelta(days=30) - timedelta(seconds=31 * 3 + 1))
    assert seed.api.get("/__test__/reuse-blocks", params={"phone": PHONE}).json()["blocked_until"]
    clock.advance(timedelta(seconds=31 * 3 + 1))
    assert seed.api.get("/__test__/reuse-blocks", params={"phone": PHONE}).json()["blocked_until"] is None


def test_change_email_refuses_a_blocked_or_taken_new_address(new_visitor, seed, clock, outbox):
    taken = seed_account(seed)
    account = seed_account(seed, factors=["sms", "totp"], phone=PHONE)
    visitor = signed_in(new_visitor, account, clock)
    visitor.submit("/security/unbind/email/next", {}, form_page="/security")
    visitor.submit("/security/unbind/email/totp", {"totp_code": totp_now(account, clock)}, form_page="/security")
    response = visitor.submit("/security/unbind/email/codes", {
        "email_code": code_from(outbox, account["email"], "unbind"), "sms_code": sms_code(seed, PHONE, "unbind")},
        form_page="/security")
    assert response.headers["location"] == "/security/unbind/email"
    for address, message_id in ((taken["email"], "change_email.unavailable"), ("bad", "change_email.invalid"),
                                (account["email"], "change_email.same")):
        refused = visitor.submit("/security/unbind/email/new-email", {"new_email": address}, form_page="/security")
        assert refused.status_code == 400 and f'data-message-id="{message_id}"' in refused.text


def test_authenticator_binding_needs_the_identity_code_first(new_visitor, seed, clock, outbox):
    account = seed_account(seed)
    visitor = signed_in(new_visitor, account, clock)
    page = visitor.get("/security/authenticator").text
    assert 'data-page="authenticator-verify"' in page and "authenticator-key" not in page
    early = visitor.submit("/security/authenticator/bind", {"totp_code": "123456"}, form_page="/security")
    assert early.status_code == 403 and 'data-message-id="authenticator.identity_first"' in early.text
    visitor.submit("/security/authenticator/send", {}, form_page="/security")
    wrong = visitor.submit("/security/authenticator/verify", {"email_code": "000000"}, form_page="/security")
    assert wrong.status_code == 401
    code = code_from(outbox, account["email"], "bind authenticator")
    visitor.submit("/security/authenticator/verify", {"email_code": code}, form_page="/security")
    page = visitor.get("/security/authenticator").text
    key = re.search(r'data-testid="authenticator-key">([A-Z2-7]+)<', page).group(1)
    assert len(key) == 16 and "<svg" in page and f"secret={key}" in page
    bound = visitor.submit("/security/authenticator/bind", {"totp_code": pyotp.TOTP(key).at(clock.now())},
                           form_page="/security")
    assert bound.status_code == 200 and 'data-message-id="authenticator.bound"' in bound.text
    again = visitor.submit("/security/authenticator/send", {}, form_page="/security")
    assert again.status_code == 409


@pytest.mark.parametrize("path", ["/security/unbind/sms/next", "/security/bind/sms", "/security/authenticator/send",
                                  "/withdraw", "/login/lost-2fa", "/support/case", "/backoffice/login"])
def test_every_new_form_refuses_a_missing_csrf_token(visitor, path):
    visitor.get("/login")
    response = visitor.http.post(path, data={"x": "y"})
    assert response.status_code == 403 and 'data-message-id="form.csrf"' in response.text


@pytest.mark.parametrize("path", [
    "/security/unbind/sms", "/security/bind/email", "/security/authenticator", "/withdraw",
])
def test_signed_out_visitors_are_sent_to_login(visitor, path):
    response = visitor.get(path)
    assert response.status_code == 303 and response.headers["location"] == "/login"


def test_an_unknown_channel_is_404(new_visitor, seed, clock):
    visitor = signed_in(new_visitor, seed_account(seed), clock)
    assert visitor.get("/security/unbind/fax").status_code == 404


NEW_FORMS = [
    "/forgot-password", "/forgot-password/robot", "/forgot-password/code", "/forgot-password/new",
    "/withdraw", "/withdraw/codes", "/security/authenticator/send", "/security/authenticator/verify",
    "/security/authenticator/bind", "/security/unbind/sms/next", "/security/unbind/sms/totp",
    "/security/unbind/sms/codes", "/security/unbind/sms/resend", "/security/unbind/email/new-email",
    "/security/unbind/email/new-email/code", "/security/bind/sms", "/security/bind/sms/code",
    "/security/bind/email", "/login/lost-2fa/send", "/login/lost-2fa", "/support/case", "/backoffice/login",
    "/backoffice/reviews/1/verify-identity", "/backoffice/reviews/1/decision",
]
JUNK = {"identifier": "+", "code": "12345x", "password": "", "amount": "-1", "address": "<script>", "totp_code": "abc",
        "email_code": "", "sms_code": "9" * 7, "new_email": "@", "destination": "+0", "registered_month": "2024-13",
        "balance_usdt": "1e999999", "topic": "nope", "decision": "maybe", "challenge": "", "not_a_robot": "no"}


@pytest.mark.parametrize("path", NEW_FORMS)
@pytest.mark.parametrize("fields", [{}, JUNK], ids=["empty", "junk"])
def test_empty_or_junk_input_never_breaks_a_new_form(new_visitor, seed, clock, outbox, path, fields):
    account = seed_account(seed, factors=["email", "sms", "totp"], phone=PHONE)
    visitor = signed_in(new_visitor, account, clock)
    response = visitor.submit(path, fields, form_page="/security")
    assert response.status_code < 500
    assert response.status_code in (200, 303, 400, 401, 403, 404, 409, 413, 422, 423), response.status_code
