"""Recovery rules at the HTTP level: forgot password, its robot check, the withdrawal hold,
business days for reviews (seeds/000 lines 10-15, seeds/001 lines 17-22, 43-45)."""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest

from mock_exchange.brands import PIONEX
from mock_exchange.business_days import add_business_days
from tests.security_helpers import code_from, seed_account, without_tokens

NEW_PASSWORD = "Lantern-Meadow-82-otters"
ADDRESS = "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE"


def challenge_of(html: str) -> str:
    return re.search(r'name="challenge" value="([^"]+)"', html).group(1)


def start_reset(visitor, identifier: str):
    response = visitor.submit("/forgot-password", {"identifier": identifier})
    assert response.status_code == 303 and response.headers["location"] == "/forgot-password/robot"
    return visitor.get("/forgot-password/robot")


def pass_robot(visitor, identifier: str):
    robot = start_reset(visitor, identifier)
    response = visitor.http.post("/forgot-password/robot", data={
        "csrf_token": visitor.csrf("/forgot-password"), "challenge": challenge_of(robot.text), "not_a_robot": "yes"})
    assert response.status_code == 303 and response.headers["location"] == "/forgot-password/code"


def test_the_code_step_refuses_a_session_that_skipped_the_robot_check(visitor, seed, outbox):
    account = seed_account(seed)
    start_reset(visitor, account["email"])
    response = visitor.submit("/forgot-password/code", {"code": "123456"}, form_page="/forgot-password")
    assert response.status_code == 403
    assert 'data-message-id="forgot.robot_required"' in response.text
    assert visitor.get("/forgot-password/code").headers["location"] == "/forgot-password/robot"
    assert outbox == []


@pytest.mark.parametrize("fields, message_id", [
    ({"not_a_robot": "yes", "challenge": "forged-token"}, "forgot.robot_failed"),
    ({"challenge": "from-page"}, "forgot.robot_unticked"),
])
def test_a_forged_or_unticked_robot_check_sends_nothing(visitor, seed, outbox, fields, message_id):
    account = seed_account(seed)
    robot = start_reset(visitor, account["email"])
    if fields.get("challenge") == "from-page":
        fields = {**fields, "challenge": challenge_of(robot.text)}
    response = visitor.http.post("/forgot-password/robot", data={
        "csrf_token": visitor.csrf("/forgot-password"), **fields})
    assert response.status_code == 400
    assert f'data-message-id="{message_id}"' in response.text
    assert outbox == []


def test_a_robot_challenge_works_once_and_only_in_its_own_session(new_visitor, seed, outbox):
    account = seed_account(seed)
    owner, other = new_visitor(), new_visitor()
    token = challenge_of(start_reset(owner, account["email"]).text)
    start_reset(other, account["email"])
    stolen = other.http.post("/forgot-password/robot", data={
        "csrf_token": other.csrf("/forgot-password"), "challenge": token, "not_a_robot": "yes"})
    assert stolen.status_code == 400 and outbox == []


def test_unknown_and_known_addresses_get_identical_screens(new_visitor, seed, outbox):
    account = seed_account(seed)
    pages = []
    for identifier in (account["email"], "nobody.here@example.com"):
        visitor = new_visitor()
        pass_robot(visitor, identifier)
        code_page = visitor.get("/forgot-password/code").text
        wrong = visitor.submit("/forgot-password/code", {"code": "000000"}, form_page="/forgot-password")
        assert wrong.status_code == 400

        def strip(html):
            return without_tokens(html).replace(identifier, "ID")

        pages.append((strip(code_page), strip(wrong.text)))
    assert pages[0] == pages[1]
    assert [to for to, _, _ in outbox] == [account["email"]]


def test_reset_sets_a_checked_password_ends_sessions_and_holds_withdrawals_for_exactly_24_hours(
    new_visitor, seed, outbox, clock, alert_text
):
    account = seed_account(seed, balance_usdt="100")
    signed_in = new_visitor()
    assert signed_in.login(account["email"]).status_code == 303 and signed_in.is_signed_in()

    visitor = new_visitor()
    pass_robot(visitor, account["email"])
    code = code_from(outbox, account["email"], "password reset code")
    accepted = visitor.submit("/forgot-password/code", {"code": code}, form_page="/forgot-password")
    assert accepted.headers["location"] == "/forgot-password/new"
    weak = visitor.submit("/forgot-password/new", {"password": "short", "password_again": "short"},
                          form_page="/forgot-password/new")
    assert weak.status_code == 400 and "at least 8" in alert_text(weak.text, "forgot-error")
    mismatch = visitor.submit("/forgot-password/new", {"password": NEW_PASSWORD, "password_again": NEW_PASSWORD + "x"},
                              form_page="/forgot-password/new")
    assert mismatch.status_code == 400
    done = visitor.submit("/forgot-password/new", {"password": NEW_PASSWORD, "password_again": NEW_PASSWORD},
                          form_page="/forgot-password/new")
    assert done.status_code == 200 and 'data-message-id="forgot.done"' in done.text
    assert not signed_in.is_signed_in()
    assert visitor.get("/forgot-password/code").headers["location"] == "/forgot-password"  # the flow is over

    fields = {"address": ADDRESS, "amount": "10", "email_code": "000000"}
    clock.advance(timedelta(hours=23, minutes=59, seconds=59))
    user = new_visitor()
    assert user.login(account["email"], NEW_PASSWORD).status_code == 303
    held = user.submit("/withdraw", fields)
    assert held.status_code == 403 and 'data-message-id="withdraw.held"' in held.text
    clock.advance(timedelta(seconds=1))
    user.submit("/withdraw/codes", {}, form_page="/withdraw")
    fields["email_code"] = code_from(outbox, account["email"], "withdraw")
    allowed = user.submit("/withdraw", fields)
    assert allowed.status_code == 200 and 'data-testid="withdraw-done"' in allowed.text


@pytest.mark.parametrize("amount, message_id", [
    ("0", "withdraw.amount_invalid"), ("abc", "withdraw.amount_invalid"),
    ("NaN", "withdraw.amount_invalid"), ("0.000000001", "withdraw.amount_invalid"),
    ("1e400", "withdraw.insufficient"), ("1000", "withdraw.insufficient"),
])
def test_bad_withdrawal_amounts_are_400(visitor, seed, amount, message_id):
    account = seed_account(seed, balance_usdt="100")
    visitor.login(account["email"])
    response = visitor.submit("/withdraw", {"address": ADDRESS, "amount": amount, "email_code": "000000"})
    assert response.status_code == 400 and f'data-message-id="{message_id}"' in response.text


@pytest.mark.parametrize("submitted, due", [
    (date(2026, 11, 27), date(2026, 12, 2)),  # Friday -> Wednesday
    (date(2026, 11, 28), date(2026, 12, 2)),  # Saturday -> Wednesday
    (date(2026, 11, 23), date(2026, 11, 26)),  # Monday -> Thursday
    (date(2026, 12, 23), date(2026, 12, 29)),  # Wednesday: 24th, (25th-27th closed), 28th, 29th
])
def test_reviews_are_due_three_business_days_later_without_weekends_or_holidays(submitted, due):
    assert add_business_days(submitted, 3, PIONEX.holidays) == due


def test_pionex_holidays_are_never_business_days():
    assert date(2026, 12, 25) in PIONEX.holidays and date(2027, 1, 1) in PIONEX.holidays
    assert add_business_days(date(2026, 12, 31), 1, PIONEX.holidays) == date(2027, 1, 4)


@pytest.mark.parametrize("path", [
    "/forgot-password", "/forgot-password/robot", "/forgot-password/code", "/forgot-password/new",
])
def test_forgot_password_forms_refuse_a_missing_csrf_token(visitor, path):
    visitor.get("/forgot-password")
    response = visitor.http.post(path, data={"identifier": "x@example.com", "code": "123456"})
    assert response.status_code == 403 and 'data-message-id="form.csrf"' in response.text


@pytest.mark.parametrize("identifier", ["", "not-an-address", "+1234", "+46 70", "a" * 300])
def test_a_bad_identifier_is_400_with_a_message(visitor, identifier, alert_text):
    response = visitor.submit("/forgot-password", {"identifier": identifier})
    assert response.status_code == 400 and alert_text(response.text, "forgot-error")
