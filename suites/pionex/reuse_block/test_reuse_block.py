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
def test_an_unbound_phone_cannot_be_bound_again_for_30_days_not_even_to_the_same_account(page, accounts, deliveries, exchange, sign_in, time_travel):
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
