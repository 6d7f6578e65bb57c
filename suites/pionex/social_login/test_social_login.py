"""Pionex: Continue with Google / Apple (seeds/000 lines 1-4; 001 lines 6-12)."""

import pytest
from playwright.sync_api import expect

from pages import AccountPage, LoginPage, SocialErrorPage
from suites.pionex.promises import APPLE_RELAY_DOMAIN


@pytest.mark.behaviour("PX-SOCIAL-04")
def test_continue_with_google_signs_in_through_the_code_flow(page, accounts):
    identity = accounts.new_email()
    LoginPage(page).open().continue_with("google").choose_identity(identity)

    account_page = AccountPage(page)
    account_page.assert_current()
    expect(account_page.login_email).to_have_text(identity)
    expect(account_page.registered_via).to_have_text("Google")


@pytest.mark.behaviour("PX-SOCIAL-05")
def test_continue_with_apple_on_desktop_asks_apple_id_and_password_then_signs_in(page, accounts):
    identity = accounts.new_email()
    consent = LoginPage(page).open().continue_with("apple")
    expect(consent.apple_id_field).to_be_visible()
    consent.choose_identity(identity, password=accounts.new_password())

    expect(AccountPage(page).login_email).to_have_text(identity)
    expect(AccountPage(page).registered_via).to_have_text("Apple")


@pytest.mark.behaviour("PX-SOCIAL-02")
def test_hide_my_email_relay_address_is_shown_as_the_login_email_without_error(page, accounts):
    LoginPage(page).open().continue_with("apple").choose_identity(accounts.new_email(), hide_my_email=True)

    account_page = AccountPage(page)
    account_page.assert_current()
    expect(account_page.login_email).to_contain_text(APPLE_RELAY_DOMAIN)
    expect(account_page.alerts).to_have_count(0)


@pytest.mark.behaviour("PX-SOCIAL-01")
@pytest.mark.variant(provider="google")
def test_google_account_has_no_password_and_the_error_points_to_the_continue_button(page, accounts):
    identity = accounts.new_email()
    account = accounts.create(registered_via="google", email=identity, password=None)
    login = LoginPage(page).open()
    login.login(identity, accounts.new_password())

    expect(login.error).to_contain_text("Continue with Google")
    assert accounts.state(account)["live_sessions"] == 0
    login.continue_with("google").choose_identity(identity)
    expect(AccountPage(page).uid).to_have_text(str(account.id))


@pytest.mark.behaviour("PX-SOCIAL-04")
def test_a_callback_with_a_state_not_issued_here_signs_nobody_in(page):
    page.goto("/auth/google/callback?code=stolen-code&state=forged-state")
    expect(SocialErrorPage(page).message).to_contain_text("did not match a sign-in started here")
    page.goto(AccountPage.path)
    LoginPage(page).assert_current()


@pytest.mark.behaviour("PX-SOCIAL-04")
def test_an_id_token_with_a_foreign_nonce_is_refused(page, accounts, exchange):
    consent = LoginPage(page).open().continue_with("google")
    exchange.api.tamper_next_id_token("google", "nonce", "nonce-from-another-sign-in")
    consent.choose_identity(accounts.new_email())

    expect(SocialErrorPage(page).message).to_contain_text("could not be verified")
    page.goto(AccountPage.path)
    LoginPage(page).assert_current()


@pytest.mark.behaviour("PX-SOCIAL-04")
def test_cancelling_at_the_provider_signs_nobody_in(page):
    LoginPage(page).open().continue_with("google").cancel()
    expect(SocialErrorPage(page).message).to_contain_text("cancelled")
    page.goto(AccountPage.path)
    LoginPage(page).assert_current()


@pytest.mark.behaviour("PX-SOCIAL-01")
@pytest.mark.variant(provider="apple")
def test_apple_account_has_no_password_and_continue_with_apple_signs_it_in(screen_forms, accounts):
    identity = accounts.new_email()
    account = accounts.create(registered_via="apple", email=identity, password=None)
    forms = screen_forms()  # a desktop browser's form posts: Apple is offered off Android (seeds/000 line 6)
    answer = forms.login(identity, accounts.new_password())
    assert not answer.signed_in and answer.login_error, answer
    assert "Continue with Apple" in answer.login_error, answer.login_error
    assert accounts.state(account)["live_sessions"] == 0

    answer = forms.continue_with("apple", identity, password=accounts.new_password())
    assert answer.signed_in, answer
    assert answer.account_uid == str(account.id), (
        f"Continue with Apple opened UID {answer.account_uid}, not {account.id}")
    assert answer.registered_via == "Apple"
