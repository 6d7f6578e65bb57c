"""Pionex: the 24-hour withdrawal hold after every change the seeds name, and after a second
change made while a hold is already running.

Seeds/001 line 18 (a password reset, asked for by e-mail or by phone), line 28 (an e-mail
change), line 55 (unbinding e-mail or SMS verification): "withdrawals will be disabled for 24
hours". Each change starts its own 24 hours, so a change inside a running hold suspends
withdrawals until 24 hours after that change (the safer reading in the catalogue).

Each change is made here by posting the forms its screens post (the screens themselves are
walked in test_forgot_password.py, test_unbind.py and test_change_email.py), and the withdrawal
form is tried one second before and exactly at the end of the hold.
"""

from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest

from suites.pionex.promises import WITHDRAWAL_HOLD_HOURS

ADDRESS = "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE"
HOLD = timedelta(hours=WITHDRAWAL_HOLD_HOURS)
SECOND_CHANGE_AFTER = timedelta(hours=12)  # well inside the first hold


@dataclass
class Change:
    """What a change left: when it was made, the words a refusal gives, the factors and the password."""

    at: datetime
    reason: str
    factors: tuple[str, ...]
    password: str
    email: str | None  # the login e-mail after the change; None: the account signs in by phone


def _signed_in(screen_forms, sign_in, account, email: str | None, password: str):
    """Signed in by the login form (by phone when the change left no e-mail login) and the code."""
    return sign_in.through_forms(screen_forms(), account, email, password, by_phone=email is None)


def _reset_password(identifier: str, account, screen_forms, accounts, deliveries, time_travel) -> Change:
    forms = screen_forms()
    mark = deliveries.mark()
    asked = forms.forgot_password(account.email if identifier == "email" else account.phone)
    assert asked.step == "forgot-code", asked
    code = (deliveries.email_code(account.email, "password reset code", since=mark) if identifier == "email"
            else deliveries.sms_code(account.phone, "password reset"))
    assert forms.confirm_reset_code(code).step == "forgot-new-password"
    new_password = accounts.new_password()
    at = time_travel.to_next_authenticator_step()
    done = forms.set_new_password(new_password)
    assert done.step == "forgot-done", done
    return Change(at, "password was reset", ("email", "sms", "totp"), new_password, account.email)


def _unbind(channel: str, forms, account, deliveries, sign_in, time_travel) -> Change:
    forms.start_unbind(channel)
    mark = deliveries.mark()
    assert forms.confirm_unbind_authenticator(channel, sign_in.totp(account)).step == "unbind-codes"
    email_code = deliveries.email_code(account.email, "unbind", since=mark)
    sms_code = deliveries.sms_code(account.phone, "unbind")
    at = time_travel.to_next_authenticator_step()
    done = forms.confirm_unbind_codes(channel, email_code, sms_code)
    assert done.step == "unbind-done", done
    left = ("sms", "totp") if channel == "email" else ("email", "totp")
    reason = "e-mail verification was unbound" if channel == "email" else "SMS verification was unbound"
    return Change(at, reason, left, account.password, None if channel == "email" else account.email)


def _change_email(forms, account, accounts, deliveries, sign_in, time_travel) -> Change:
    forms.start_unbind("email")
    mark = deliveries.mark()
    forms.confirm_unbind_authenticator("email", sign_in.totp(account))
    forms.confirm_unbind_codes("email", deliveries.email_code(account.email, "unbind", since=mark),
                               deliveries.sms_code(account.phone, "unbind"))
    new_email = accounts.new_email()
    mark = deliveries.mark()
    assert forms.enter_new_email(new_email).step == "change-email-code"
    code = deliveries.email_code(new_email, "change email", since=mark)
    at = time_travel.to_next_authenticator_step()
    done = forms.confirm_new_email(code)
    assert done.step == "change-email-done", done
    return Change(at, "account e-mail was changed", ("email", "sms", "totp"), account.password, new_email)


def _make(trigger: str, account, screen_forms, accounts, deliveries, sign_in, time_travel) -> Change:
    if trigger.startswith("reset-by-"):
        return _reset_password(trigger.removeprefix("reset-by-"), account, screen_forms, accounts, deliveries,
                               time_travel)
    login_email = None if trigger == "unbind-email" else account.email
    forms = _signed_in(screen_forms, sign_in, account, login_email, account.password)
    if trigger == "change-email":
        return _change_email(forms, account, accounts, deliveries, sign_in, time_travel)
    return _unbind(trigger.removeprefix("unbind-"), forms, account, deliveries, sign_in, time_travel)


def _withdraw(forms, account, change: Change, deliveries, sign_in):
    """A withdrawal of 1 USDT with every code the account still asks for."""
    mark = deliveries.mark()
    sms_before = len(deliveries.sms(account.phone))
    forms.send_withdrawal_codes()
    codes = {"totp": sign_in.totp(account)}
    if "email" in change.factors:
        codes["email"] = deliveries.email_code(change.email or account.email, "withdraw", since=mark)
    if "sms" in change.factors:
        assert len(deliveries.sms(account.phone)) > sms_before, "no withdrawal code came by SMS"
        codes["sms"] = deliveries.sms_code(account.phone, "withdraw")
    return forms.withdraw(ADDRESS, "1", **codes)


def _assert_refused_until_exactly_24_hours_after(
        trigger, running, screen_forms, accounts, exchange, deliveries, sign_in, time_travel):
    phone, _ = accounts.new_phone()
    # unbinding the e-mail of an e-mail account changes its login (PX-HOLD-03); the e-mail
    # verification itself is unbound from an account that signs in by phone
    registered_via = "phone" if trigger == "unbind-email" else "email"
    account = accounts.create(factors=("email", "sms", "totp"), phone=phone, balance_usdt=50,
                              registered_via=registered_via)
    first_hold_ends = None
    if running == "inside-a-hold":  # a first change (a reset, same password) 12 hours before this one
        first_hold_ends = exchange.api.reset_password(account.id, account.password)
        time_travel.advance(SECOND_CHANGE_AFTER)

    change = _make(trigger, account, screen_forms, accounts, deliveries, sign_in, time_travel)
    hold_ends = change.at + HOLD
    forms = _signed_in(screen_forms, sign_in, account, change.email, change.password)
    shown = forms.withdrawal_page()
    assert shown.hold_until == hold_ends, f"{shown.hold_banner!r}: the hold should end {HOLD} after the change"
    assert change.reason in shown.hold_banner

    if first_hold_ends is not None:  # the first hold is over; the second change still holds
        time_travel.to(first_hold_ends)
        forms = _signed_in(screen_forms, sign_in, account, change.email, change.password)
        refused = _withdraw(forms, account, change, deliveries, sign_in)
        assert refused.withdrawal_error and change.reason in refused.withdrawal_error, refused.withdrawal_error

    time_travel.to(hold_ends - timedelta(minutes=2))
    forms = _signed_in(screen_forms, sign_in, account, change.email, change.password)  # a day's sessions end
    time_travel.to(hold_ends - timedelta(seconds=1))
    refused = _withdraw(forms, account, change, deliveries, sign_in)
    assert refused.withdrawal_error and "Withdrawal refused" in refused.withdrawal_error, (
        f"{refused}: {refused.withdrawal_done}")
    assert change.reason in refused.withdrawal_error
    assert refused.balance == "50.00 USDT"

    time_travel.to(hold_ends)
    allowed = _withdraw(forms, account, change, deliveries, sign_in)
    assert time_travel.now() == hold_ends, "the withdrawal must be tried at the hold's end exactly"
    assert allowed.withdrawal_done, f"{allowed}: {allowed.withdrawal_error}"
    assert allowed.balance == "49.00 USDT"


RUNNING = pytest.mark.parametrize("running", ["no-hold", "inside-a-hold"])


@pytest.mark.behaviour("PX-HOLD-01")
@RUNNING
@pytest.mark.parametrize("identifier", ["email", "phone"])
def test_withdrawals_are_refused_until_exactly_24_hours_after_a_password_reset(
        identifier, running, screen_forms, accounts, exchange, deliveries, sign_in, time_travel):
    _assert_refused_until_exactly_24_hours_after(f"reset-by-{identifier}", running, screen_forms, accounts, exchange,
                                          deliveries, sign_in, time_travel)


@pytest.mark.behaviour("PX-HOLD-03")
@RUNNING
def test_withdrawals_are_refused_until_exactly_24_hours_after_an_email_change(
        running, screen_forms, accounts, exchange, deliveries, sign_in, time_travel):
    _assert_refused_until_exactly_24_hours_after("change-email", running, screen_forms, accounts, exchange,
                                          deliveries, sign_in, time_travel)


@pytest.mark.behaviour("PX-HOLD-04")
@RUNNING
@pytest.mark.parametrize("kind", ["email", "sms"])
def test_withdrawals_are_refused_until_exactly_24_hours_after_unbinding_a_verification(
        kind, running, screen_forms, accounts, exchange, deliveries, sign_in, time_travel):
    _assert_refused_until_exactly_24_hours_after(f"unbind-{kind}", running, screen_forms, accounts, exchange,
                                          deliveries, sign_in, time_travel)
