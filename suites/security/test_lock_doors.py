"""A locked account stays locked at every door (SEC-LOCK-02; ASVS 5.0 V6.3.4; seeds/000 line 23,
seeds/003 line 5).

Each test locks the account as its owner's failures would, then tries one way in, or one step that
checks a code, with the RIGHT credentials: it must be refused with the lock named, and the lock
must still hold afterwards (a success that slipped through would also have cleared it).
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from pages import AccountPage, LoginPage, MobileResetPage, VerificationPage
from pages.forgot_password_page import ForgotPasswordPage
from pages.unbind_page import UnbindPage
from pages.withdrawal_page import WithdrawalPage
from suites.coinex.mobile_reset.helpers import only_phone_bound
from suites.pionex.passkey.steps import ALL_FACTORS, create_passkey, sign_in_with_codes
from suites.security.account_locks import ATTEMPTS_BEFORE_LOCK, LOCK_CASES, LOCK_IDS, LOCK_MINUTES, lock, still_locked

LOCKED = "locked"  # both locks' messages say the account is locked (PX-LOCK-03, CX-UNFAM-02)
ADDRESS = "TQ8Wd5cY3rLkVb2Ne7PzXm4Jh6Gf9Sa1Ku"
lock_cases = pytest.mark.parametrize(("brand", "kind"), LOCK_CASES, ids=LOCK_IDS)


def _refused_and_still_locked(accounts, account, kind, sessions_before: int = 0) -> None:
    state = accounts.state(account)
    assert still_locked(state, kind), f"the refused door lifted the {kind} lock: {state}"
    assert state["live_sessions"] == sessions_before, f"a session was opened for the locked account: {state}"


def _social_sign_in(page, provider: str, identity: str, accounts) -> None:
    consent = LoginPage(page).open().continue_with(provider)
    consent.choose_identity(identity, password=accounts.new_password() if provider == "apple" else None)


@pytest.mark.behaviour("SEC-LOCK-02")
@pytest.mark.parametrize("provider", ["google", "apple"])
@lock_cases
def test_social_sign_in_is_refused_while_the_account_is_locked(page, accounts, exchange, brand, kind, provider):
    identity = accounts.new_email()
    account = accounts.create(registered_via=provider, email=identity, password=None, factors=("totp",))
    lock(kind, page, account, exchange, lambda p: _social_sign_in(p, provider, identity, accounts))

    _social_sign_in(page, provider, identity, accounts)
    login = LoginPage(page)
    expect(login.lock_message).to_contain_text(LOCKED)
    page.goto(AccountPage.path)
    login.assert_current()
    _refused_and_still_locked(accounts, account, kind)


@pytest.mark.behaviour("SEC-LOCK-02")
@pytest.mark.parametrize("identifier", ["email", "phone"])
@lock_cases
def test_the_right_password_is_refused_while_the_account_is_locked(page, accounts, exchange, brand, kind, identifier):
    phone, national = accounts.new_phone()
    account = accounts.create(phone=phone, factors=("totp",))
    lock(kind, page, account, exchange)

    login = LoginPage(page).open()
    if identifier == "email":
        login.login(account.email, account.password)
    else:
        login.login_with_phone("SE", national, account.password)  # new_phone gives Swedish numbers
    expect(login.lock_message).to_contain_text(LOCKED)
    _refused_and_still_locked(accounts, account, kind)


@pytest.mark.behaviour("SEC-LOCK-02")
@lock_cases
def test_passkey_sign_in_is_refused_while_the_account_is_locked(page, accounts, exchange, inbox, authenticator,
                                                                  brand, kind, sign_in):
    account = accounts.create(factors=ALL_FACTORS)  # with a fresh phone
    sign_in_with_codes(page, account, sign_in)
    create_passkey(page, account, sign_in, inbox, name="This device")
    AccountPage(page).open().log_out()
    lock(kind, page, account, exchange)

    login = LoginPage(page).open()
    login.login_with_passkey()
    expect(login.passkey_error).to_contain_text(LOCKED)
    _refused_and_still_locked(accounts, account, kind)


@pytest.mark.behaviour("SEC-LOCK-02")
@lock_cases
def test_the_right_code_at_the_verification_step_is_refused_once_the_account_is_locked(
        page, new_context, accounts, exchange, brand, kind):
    account = accounts.create(factors=("totp",))
    waiting = new_context().new_page()  # the password passed, the code step open
    LoginPage(waiting).open().login(account.email, account.password)
    VerificationPage(waiting).assert_current()
    lock(kind, page, account, exchange)  # meanwhile, elsewhere

    VerificationPage(waiting).submit_code(account.totp().at(exchange.api.now()))
    expect(LoginPage(waiting).lock_message).to_contain_text(LOCKED)
    _refused_and_still_locked(accounts, account, kind)


@pytest.mark.behaviour("SEC-LOCK-02")
@lock_cases
def test_forgot_password_refuses_the_right_code_while_the_account_is_locked(page, accounts, exchange, deliveries,
                                                                              brand, kind, time_travel):
    account = accounts.create(factors=("totp",))
    lock(kind, page, account, exchange)

    forgot = ForgotPasswordPage(page).open()
    mark = deliveries.mark()
    forgot.submit_identifier(account.email)
    forgot.pass_robot_check()
    forgot.submit_code(deliveries.email_code(account.email, "", since=mark))
    expect(forgot.error).to_contain_text(LOCKED)
    if kind == "attempts":  # the clock stands still: the whole lock is still ahead (PX-LOCK-03)
        expect(forgot.error).to_contain_text(f"Wait {LOCK_MINUTES} minutes")
    forgot.assert_step("forgot-code")
    _refused_and_still_locked(accounts, account, kind)


def _at_the_mobile_reset_code_step(page, account, deliveries) -> tuple[MobileResetPage, str]:
    """I Agree, e-mail and password: the e-mail code step is open; returns it and the sent code."""
    reset = MobileResetPage(page)
    mark = deliveries.mark()
    reset.open()
    reset.confirm_reset()
    reset.enter_credentials(account.email, account.password)
    return reset, deliveries.email_code(account.email, "mobile reset", since=mark)


@pytest.mark.behaviour("SEC-LOCK-02")
@pytest.mark.parametrize("brand", ["coinex"])
def test_mobile_reset_stops_taking_codes_once_five_wrong_codes_locked_the_account(page, accounts, exchange,
                                                                                  deliveries, brand):
    account = only_phone_bound(accounts, exchange).account
    reset, code = _at_the_mobile_reset_code_step(page, account, deliveries)
    for _ in range(ATTEMPTS_BEFORE_LOCK):
        reset.enter_email_code(f"{(int(code) + 1) % 1_000_000:06d}")
    assert accounts.state(account)["locked_until"] is not None, "five wrong codes did not lock the account"

    reset.enter_email_code(code)
    expect(reset.error).to_contain_text(LOCKED)
    reset.assert_step("mobile-reset-code")
    _refused_and_still_locked(accounts, account, "attempts")


@pytest.mark.behaviour("SEC-LOCK-02")
@pytest.mark.parametrize("brand", ["coinex"])
def test_mobile_reset_refuses_the_right_code_under_the_review_lock(page, accounts, exchange, deliveries, brand):
    account = only_phone_bound(accounts, exchange).account
    reset, code = _at_the_mobile_reset_code_step(page, account, deliveries)
    lock("review", page, account, exchange)

    reset.enter_email_code(code)
    expect(reset.error).to_contain_text(LOCKED)
    reset.assert_step("mobile-reset-code")
    _refused_and_still_locked(accounts, account, "review")


@pytest.mark.behaviour("SEC-LOCK-02")
@lock_cases
def test_unbinding_is_refused_to_a_signed_in_session_while_the_account_is_locked(page, new_context, accounts,
                                                                                exchange, sign_in, brand, kind):
    account = accounts.create(factors=ALL_FACTORS)  # with a fresh phone
    sign_in.with_session(page, account)
    lock(kind, new_context().new_page(), account, exchange)  # by failures in another browser

    unbind = UnbindPage(page).open()
    expect(unbind.error).to_contain_text(LOCKED)
    expect(unbind.next_button).to_have_count(0)
    _refused_and_still_locked(accounts, account, kind, sessions_before=1)


@pytest.mark.behaviour("SEC-LOCK-02")
@lock_cases
def test_a_withdrawal_with_the_right_code_is_refused_while_the_account_is_locked(page, new_context, accounts,
                                                                                exchange, sign_in, brand, kind):
    account = accounts.create(factors=("totp",), balance_usdt=500)
    sign_in.with_session(page, account)
    lock(kind, new_context().new_page(), account, exchange)  # by failures in another browser

    withdrawal = WithdrawalPage(page).open()
    withdrawal.withdraw(ADDRESS, "100", totp=sign_in.totp(account))
    expect(withdrawal.error).to_contain_text(LOCKED)
    expect(withdrawal.balance).to_have_text("500.00 USDT")
    _refused_and_still_locked(accounts, account, kind, sessions_before=1)


@pytest.mark.behaviour("SEC-LOCK-02")
@pytest.mark.parametrize(("brand", "kind"), [("coinex", "attempts"), ("coinex", "review")],
                         ids=["coinex-5-failures", "coinex-review"])
def test_a_passkey_at_the_verification_step_is_refused_once_the_account_is_locked(
        page, new_context, accounts, exchange, inbox, authenticator, brand, kind, sign_in):
    account = accounts.create(factors=ALL_FACTORS)  # with a fresh phone
    sign_in_with_codes(page, account, sign_in)
    create_passkey(page, account, sign_in, inbox, name="Phone")
    AccountPage(page).open().log_out()
    LoginPage(page).open().login(account.email, account.password)  # the password passed; the code step open
    verification = VerificationPage(page)
    verification.switch_to("passkey")
    lock(kind, new_context().new_page(), account, exchange)  # meanwhile, elsewhere

    verification.verify_with_passkey()
    expect(verification.passkey_error).to_contain_text(LOCKED)
    _refused_and_still_locked(accounts, account, kind)
