"""Fails on purpose (a wrong expectation), so that its failure evidence can be inspected."""

import pytest
from playwright.sync_api import expect

from pages import LoginPage, VerificationPage


@pytest.mark.behaviour("PX-LOGIN-03")
def test_deliberately_wrong_expectation(page, accounts):
    account = accounts.create(factors=("email",))  # logging in sends an e-mail code
    page.goto("/no-such-page")  # a failed request and a console error for the evidence to show
    page.evaluate("console.error('example console error')")
    LoginPage(page).open().login(account.email, account.password)
    expect(VerificationPage(page).instructions).to_have_text("This text is never shown", timeout=1000)
