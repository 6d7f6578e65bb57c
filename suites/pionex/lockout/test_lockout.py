"""Pionex: five consecutive failures lock the account for 30 minutes (seeds/000 line 23)."""

from datetime import datetime, timedelta

import pytest
from playwright.sync_api import expect

from pages import AccountPage, LoginPage, VerificationPage
from suites.pionex.promises import LOCKOUT_MINUTES, LOCKOUT_THRESHOLD


def _locked_until(accounts, account) -> datetime:
    value = accounts.state(account)["locked_until"]
    assert value, "the server holds no lock for the account"
    return datetime.fromisoformat(value)


@pytest.mark.behaviour("PX-LOCK-01", "PX-LOCK-03", "PX-LOCK-04")
def test_fifth_consecutive_failure_locks_the_account_and_the_page_says_wait_30_minutes(page, accounts):
    """What the login page shows is the whole check, so it runs on a target without a clock."""
    account = accounts.create()
    login = LoginPage(page).open()

    login.fail_login(account.email, account.password + "!", times=LOCKOUT_THRESHOLD - 1)
    expect(login.error).to_contain_text("1 attempt left")
    expect(login.lockout_message).to_be_hidden()

    login.fail_login(account.email, account.password + "!", times=1)
    expect(login.lockout_message).to_be_visible()
    expect(login.lockout_message).to_contain_text(f"Wait {LOCKOUT_MINUTES} minutes")
    login.login(account.email, account.password)  # the right password, refused while locked
    expect(login.lockout_message).to_be_visible()
    login.assert_current()  # still the login page: not signed in


@pytest.mark.behaviour("PX-LOCK-01")
def test_the_lock_the_fifth_failure_starts_runs_30_minutes(page, accounts, time_travel):
    """The server's side of the same lock, against a paused clock: none after four failures,
    30:00 from the fifth."""
    account = accounts.create()
    login = LoginPage(page).open()
    login.fail_login(account.email, account.password + "!", times=LOCKOUT_THRESHOLD - 1)
    assert accounts.state(account)["locked_until"] is None

    started = time_travel.now()
    login.fail_login(account.email, account.password + "!", times=1)
    expect(login.lockout_message).to_be_visible()
    locked_until = _locked_until(accounts, account)
    assert timedelta(minutes=LOCKOUT_MINUTES) <= locked_until - started < timedelta(minutes=LOCKOUT_MINUTES, seconds=5)


@pytest.mark.behaviour("PX-LOCK-02", "PX-LOCK-04")
def test_right_password_is_refused_until_exactly_30_minutes_have_passed(page, accounts, time_travel):
    account = accounts.create()
    login = LoginPage(page).open()
    login.fail_login(account.email, account.password.swapcase(), times=LOCKOUT_THRESHOLD)
    locked_until = _locked_until(accounts, account)

    login.login(account.email, account.password)
    expect(login.lockout_message).to_be_visible()

    time_travel.to(locked_until - timedelta(seconds=1))  # 29:59 after the lock began
    login.login(account.email, account.password)
    expect(login.lockout_message).to_be_visible()
    expect(login.lockout_message).to_contain_text("Wait 1 minute")

    time_travel.to(locked_until)  # 30:00: the lock lifts by itself
    login.login(account.email, account.password)
    AccountPage(page).assert_current()


@pytest.mark.behaviour("PX-LOCK-04")
def test_lock_follows_the_account_into_a_fresh_browser(page, new_context, accounts):
    account = accounts.create()
    LoginPage(page).open().fail_login(account.email, "not-the-password-1", times=LOCKOUT_THRESHOLD)

    other_browser = new_context().new_page()
    login = LoginPage(other_browser).open()
    login.login(account.email, account.password)
    expect(login.lockout_message).to_be_visible()
    assert accounts.state(account)["live_sessions"] == 0


@pytest.mark.behaviour("PX-LOCK-06")
def test_a_successful_login_resets_the_failure_count(page, accounts):
    account = accounts.create()
    login = LoginPage(page).open()
    login.fail_login(account.email, "not-the-password-1", times=LOCKOUT_THRESHOLD - 1)
    login.login(account.email, account.password)
    AccountPage(page).log_out()

    login.fail_login(account.email, "not-the-password-1", times=LOCKOUT_THRESHOLD - 1)
    expect(login.error).to_contain_text("1 attempt left")
    expect(login.lockout_message).to_be_hidden()
    login.login(account.email, account.password)
    AccountPage(page).assert_current()


@pytest.mark.behaviour("PX-LOCK-05")
@pytest.mark.variant(wrong_code="authenticator")
def test_wrong_passwords_and_wrong_codes_count_toward_one_limit(page, accounts, server_time):
    account = accounts.create(factors=("totp",))
    login = LoginPage(page).open()
    login.fail_login(account.email, "not-the-password-1", times=3)
    login.login(account.email, account.password)
    verification = VerificationPage(page)
    wrong = f"{(int(account.totp().at(server_time.now())) + 1) % 1_000_000:06d}"
    verification.submit_code(wrong)
    expect(verification.error).to_contain_text("1 attempt left")
    verification.submit_code(wrong)

    expect(LoginPage(page).lockout_message).to_be_visible()
    assert accounts.state(account)["locked_until"] is not None


@pytest.mark.behaviour("PX-LOCK-07")
def test_after_the_lock_lifts_five_new_failures_lock_again_for_30_minutes(page, accounts, time_travel):
    account = accounts.create()
    login = LoginPage(page).open()
    login.fail_login(account.email, "not-the-password-1", times=LOCKOUT_THRESHOLD)
    first_lock_end = _locked_until(accounts, account)
    time_travel.to(first_lock_end)

    login.fail_login(account.email, "not-the-password-1", times=LOCKOUT_THRESHOLD - 1)
    expect(login.lockout_message).to_be_hidden()
    relocked_at = time_travel.now()
    login.fail_login(account.email, "not-the-password-1", times=1)
    expect(login.lockout_message).to_be_visible()
    second_lock_end = _locked_until(accounts, account)
    assert (timedelta(minutes=LOCKOUT_MINUTES) <= second_lock_end - relocked_at
            < timedelta(minutes=LOCKOUT_MINUTES, seconds=5))
