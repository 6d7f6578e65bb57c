"""Pionex: registering by e-mail, and the confirmation e-mail that records the address."""

import pytest
from playwright.sync_api import expect

from pages import AccountPage, LoginPage, SignupPage
from suites.pionex.promises import NO_REPLY_EMAIL, SERVICE_EMAIL


@pytest.mark.behaviour("PX-SIGNUP-01")
def test_confirmation_email_names_the_registered_address(page, accounts, inbox):
    email, password = accounts.new_email(), accounts.new_password()
    done = SignupPage(page).open().sign_up(email, password)
    done.assert_current()
    expect(done.registered_email).to_have_text(email)

    mail = inbox.wait_for(to=email, subject_contains="registered")
    assert email in mail.body
    assert NO_REPLY_EMAIL in mail.sender or SERVICE_EMAIL in mail.sender

    LoginPage(page).open().login(email, password)
    expect(AccountPage(page).login_email).to_have_text(email)
