"""CoinEx: a successful sign-up notifies the registered address."""

import pytest

from pages import SignupPage


@pytest.mark.behaviour("CX-SIGNUP-01")
def test_sign_up_sends_a_notification_to_the_registered_address(page, accounts, inbox):
    email = accounts.new_email()
    SignupPage(page).open().sign_up(email, accounts.new_password()).assert_current()

    mail = inbox.wait_for(to=email, subject_contains="registered")
    assert "CoinEx" in mail.sender
    assert email in mail.body
