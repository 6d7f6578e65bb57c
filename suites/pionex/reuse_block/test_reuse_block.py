"""Pionex: an unbound e-mail or phone is blocked for 30 days (seeds/001 lines 28 and 55)."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from pages import SignupPage
from pages.security_page import SecurityPage
from pages.unbind_page import BindMethodPage
from suites.pionex.promises import REUSE_BLOCK_DAYS


@pytest.mark.behaviour("PX-REUSE-01")
def test_an_unbound_email_cannot_register_for_30_days(page, accounts, exchange, time_travel):
    phone, _ = accounts.new_phone()
    account = accounts.create(factors=("sms", "totp"), phone=phone)
    unbound_at = time_travel.now()
    exchange.api.change_email(account.id, accounts.new_email())

    time_travel.to(unbound_at + timedelta(days=REUSE_BLOCK_DAYS) - timedelta(minutes=1))
    signup = SignupPage(page).open()
    signup.sign_up(account.email, accounts.new_password())
    signup.assert_current()
    expect(signup.email_error).to_contain_text("cannot be used to register")

    time_travel.to(unbound_at + timedelta(days=REUSE_BLOCK_DAYS, seconds=5))  # day 31
    done = SignupPage(page).open().sign_up(account.email, accounts.new_password())
    done.assert_current()


@pytest.mark.behaviour("PX-REUSE-02")
@pytest.mark.variant(kind="phone")
def test_an_unbound_phone_cannot_be_bound_again_for_30_days_not_even_to_the_same_account(
        page, accounts, deliveries, exchange, sign_in, time_travel):
    phone, _ = accounts.new_phone()
    account = accounts.create(factors=("email", "sms", "totp"), phone=phone)
    unbound_at = time_travel.now()
    exchange.api.unbind(account.id, "sms")
    account.phone = None  # the sign-in no longer asks for it

    time_travel.to(unbound_at + timedelta(days=REUSE_BLOCK_DAYS) - timedelta(minutes=1))
    sign_in.with_session(page, account)
    SecurityPage(page).open().start_bind("sms")
    bind = BindMethodPage(page)
    bind.submit_destination(phone)
    bind.assert_step("bind-method")
    expect(bind.error).to_contain_text("cannot be used to register or be bound again until")

    time_travel.to(unbound_at + timedelta(days=REUSE_BLOCK_DAYS, seconds=5))
    sign_in.with_session(page, account)
    page.goto(BindMethodPage.path)
    bind.submit_destination(phone)
    bind.assert_step("bind-code")
    bind.confirm(deliveries.sms_code(phone, "bind sms"))
    expect(bind.done_message).to_be_visible()
    assert exchange.api.security_state(account.id)["phone"] == phone


# --- the other kind, and the boundary to the second (seeds/001 lines 28 and 55) -------------
# The e-mail's block is caused through the change-e-mail screens in
# suites/pionex/change_email; these post the sign-up form for a phone number.

@pytest.mark.behaviour("PX-REUSE-01", "PX-REUSE-02")
@pytest.mark.variant(kind="phone")
def test_an_unbound_phone_cannot_register_until_exactly_30_days_have_passed(
        screen_forms, accounts, exchange, time_travel):
    phone, national = accounts.new_phone()
    account = accounts.create(factors=("email", "sms"), phone=phone)
    unbound_at = time_travel.now()
    exchange.api.unbind(account.id, "sms")

    time_travel.to(unbound_at + timedelta(days=REUSE_BLOCK_DAYS) - timedelta(seconds=1))
    answer = screen_forms().sign_up_with_phone("SE", national, accounts.new_password())
    assert (answer.phone_error and "phone number" in answer.phone_error
            and "cannot be used to register" in answer.phone_error), answer

    time_travel.to(unbound_at + timedelta(days=REUSE_BLOCK_DAYS))
    answer = screen_forms().sign_up_with_phone("SE", national, accounts.new_password())
    assert answer.asks_for_sign_up_code and not answer.phone_error, f"after 30 days: {answer} {answer.phone_error}"


@pytest.mark.behaviour("PX-REUSE-01")
@pytest.mark.variant(kind="email")
def test_an_unbound_email_is_refused_by_name_until_exactly_30_days_have_passed(
        screen_forms, accounts, exchange, time_travel):
    account = accounts.create()
    unbound_at = time_travel.now()
    exchange.api.change_email(account.id, accounts.new_email())

    time_travel.to(unbound_at + timedelta(days=REUSE_BLOCK_DAYS) - timedelta(seconds=1))
    answer = screen_forms().sign_up(account.email, accounts.new_password())
    assert answer.email_error and "e-mail address" in answer.email_error, answer
    time_travel.to(unbound_at + timedelta(days=REUSE_BLOCK_DAYS))
    answer = screen_forms().sign_up(account.email, accounts.new_password())
    assert answer.signed_up and not answer.email_error, f"after 30 days: {answer} {answer.email_error}"


@pytest.mark.behaviour("PX-REUSE-02")
@pytest.mark.variant(kind="email")
def test_an_unbound_email_cannot_be_bound_again_until_exactly_30_days_not_even_to_the_same_account(
    screen_forms, accounts, deliveries, exchange, sign_in, time_travel
):
    phone, national = accounts.new_phone()
    # an account that signs in by phone, with e-mail verification bound beside SMS and the authenticator
    account = accounts.create(factors=("email", "sms", "totp"), phone=phone, registered_via="phone")
    email = account.email
    unbound_at = time_travel.now()
    exchange.api.unbind(account.id, "email")

    def signed_in():
        forms = screen_forms()
        assert forms.login_with_phone("SE", national, account.password).asks_for_code
        assert forms.submit_code(sign_in.totp(account)).signed_in
        return forms

    time_travel.to(unbound_at + timedelta(days=REUSE_BLOCK_DAYS) - timedelta(seconds=1))
    refused = signed_in().bind_destination("email", email)
    assert refused.step == "bind-method", str(refused)
    assert "cannot be used to register or be bound again until" in (refused.bind_error or ""), refused.bind_error
    assert exchange.api.security_state(account.id)["email"] != email

    time_travel.to(unbound_at + timedelta(days=REUSE_BLOCK_DAYS))
    forms = signed_in()
    mark = deliveries.mark()
    asked = forms.bind_destination("email", email)
    assert asked.step == "bind-code" and not asked.bind_error, f"after 30 days: {asked} {asked.bind_error}"
    done = forms.confirm_bind_code("email", deliveries.email_code(email, "bind email", since=mark))
    assert done.step == "bind-done", f"{done} {done.bind_error}"
    assert exchange.api.security_state(account.id)["email"] == email
