"""Pionex lockout on every variant its sentence allows (seeds/000 line 23): "After 5 consecutive
failed attempts using an incorrect password or verification code, your account is automatically
locked for 30 minutes." The account signs in by e-mail or by phone (seeds/001 lines 1-3), and its
codes come by SMS or from Google Authenticator (seeds/001 lines 4-5).

test_lockout.py walks the e-mail and password path through the screens; these post the same
forms for the other identifier and for wrong codes."""

from datetime import datetime, timedelta

import pytest

from suites.pionex.promises import LOCKOUT_MINUTES, LOCKOUT_THRESHOLD


def _locked_until(accounts, account) -> datetime:
    value = accounts.state(account)["locked_until"]
    assert value, "the server holds no lock for the account"
    return datetime.fromisoformat(value)


def _wrong(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


@pytest.mark.behaviour("PX-LOCK-01", "PX-LOCK-03")
@pytest.mark.variant(failure="password")
@pytest.mark.parametrize("identifier", ["email", "phone"])
def test_five_wrong_passwords_lock_the_account_by_either_identifier(identifier, screen_forms, accounts, time_travel):
    phone, _ = accounts.new_phone()
    account = accounts.create(phone=phone)
    forms = screen_forms()
    for attempt in range(1, LOCKOUT_THRESHOLD):
        answer = forms.login_by(identifier, account, account.password + "!")
        assert answer.lockout_message is None, f"locked after {attempt} failures: {answer.lockout_message}"
    started = time_travel.now()
    answer = forms.login_by(identifier, account, account.password + "!")
    assert answer.lockout_message and f"Wait {LOCKOUT_MINUTES} minutes" in answer.lockout_message, (
        answer.lockout_message)
    assert _locked_until(accounts, account) - started == timedelta(minutes=LOCKOUT_MINUTES)


@pytest.mark.behaviour("PX-LOCK-01", "PX-LOCK-05")
@pytest.mark.variant(identifier="email")
@pytest.mark.parametrize("failure", ["authenticator-code", "sms-code"])
def test_five_wrong_verification_codes_lock_the_account(failure, screen_forms, accounts, deliveries, time_travel):
    phone, _ = accounts.new_phone()
    account = accounts.create(phone=phone, factors=("totp",) if failure == "authenticator-code" else ("sms",))
    forms = screen_forms()
    answer = forms.login(account.email, account.password)
    assert answer.asks_for_code, answer
    right = (account.totp().at(time_travel.now()) if failure == "authenticator-code"
             else deliveries.sms_code(account.phone))
    for attempt in range(1, LOCKOUT_THRESHOLD):
        answer = forms.submit_code(_wrong(right))
        assert answer.asks_for_code and answer.code_error, f"wrong code {attempt}: {answer}"
    answer = forms.submit_code(_wrong(right))
    assert answer.lockout_message and f"Wait {LOCKOUT_MINUTES} minutes" in answer.lockout_message, answer
    assert _locked_until(accounts, account) - time_travel.now() == timedelta(minutes=LOCKOUT_MINUTES)

    answer = screen_forms().login(account.email, account.password)  # the right password, a fresh visitor
    assert answer.lockout_message and not answer.asks_for_code, answer


@pytest.mark.behaviour("PX-LOCK-02")
@pytest.mark.parametrize("identifier", ["email", "phone"])
def test_the_lock_lifts_at_exactly_30_minutes_by_either_identifier(identifier, screen_forms, accounts, time_travel):
    phone, _ = accounts.new_phone()
    account = accounts.create(phone=phone)
    forms = screen_forms()
    for _ in range(LOCKOUT_THRESHOLD):
        forms.login_by(identifier, account, account.password.swapcase())
    lock_start = time_travel.now()

    time_travel.to(lock_start + timedelta(minutes=LOCKOUT_MINUTES) - timedelta(seconds=1))
    answer = forms.login_by(identifier, account, account.password)
    assert answer.lockout_message and not answer.signed_in, f"at 29:59: {answer}"
    time_travel.to(lock_start + timedelta(minutes=LOCKOUT_MINUTES))
    answer = forms.login_by(identifier, account, account.password)
    assert answer.signed_in, f"at 30:00 the right password is still refused: {answer} {answer.lockout_message}"


@pytest.mark.behaviour("PX-LOCK-04")
@pytest.mark.parametrize("identifier", ["email", "phone"])
def test_a_lock_earned_by_one_identifier_holds_for_the_other(identifier, screen_forms, accounts):
    phone, _ = accounts.new_phone()
    account = accounts.create(phone=phone)
    other = "email" if identifier == "phone" else "phone"
    forms = screen_forms()
    for _ in range(LOCKOUT_THRESHOLD):
        forms.login_by(identifier, account, account.password + "!")
    answer = screen_forms().login_by(other, account, account.password)
    assert answer.lockout_message and not answer.signed_in, f"locked by {identifier}, then by {other}: {answer}"
    assert accounts.state(account)["live_sessions"] == 0


@pytest.mark.behaviour("PX-LOCK-05")
@pytest.mark.variant(wrong_code="sms")
def test_wrong_passwords_and_wrong_sms_codes_count_toward_one_limit(screen_forms, accounts, deliveries):
    phone, _ = accounts.new_phone()
    account = accounts.create(phone=phone, factors=("sms",))
    forms = screen_forms()
    wrong_passwords = LOCKOUT_THRESHOLD - 2
    for attempt in range(1, wrong_passwords + 1):
        answer = forms.login(account.email, account.password + "!")
        assert answer.login_error and answer.lockout_message is None, f"wrong password {attempt}: {answer}"
    answer = forms.login(account.email, account.password)
    assert answer.asks_for_code, f"the right password after {wrong_passwords} wrong ones: {answer}"

    right = deliveries.sms_code(account.phone)
    answer = forms.submit_code(_wrong(right))
    assert answer.code_error and "1 attempt left" in answer.code_error, answer.code_error
    answer = forms.submit_code(_wrong(right))
    assert answer.lockout_message and f"Wait {LOCKOUT_MINUTES} minutes" in answer.lockout_message, answer
    assert accounts.state(account)["locked_until"], "the server holds no lock for the account"
