"""The Google/Apple callback checks state, nonce and audience (ASVS 5.0 V10.2, V10.5), on the
brands that offer Google and Apple sign-in (Pionex; CoinEx's documented login has neither)."""

import pytest
from playwright.sync_api import expect

from pages import AccountPage, LoginPage
from fixtures import brands
from pages.idp_consent_page import IdpConsentPage, SocialErrorPage

pytestmark = pytest.mark.parametrize("brand", brands.offering("google_login"))


def _signed_out(page) -> None:
    page.goto(AccountPage.path)
    LoginPage(page).assert_current()


@pytest.mark.behaviour("SEC-OIDC-01")
def test_a_sign_in_started_in_another_browser_cannot_finish_in_this_one(page, new_context, accounts):
    """Login CSRF through OAuth: the attacker starts a Google sign-in, and sends the provider link
    (with the state issued to the attacker's browser) to the victim, who completes it."""
    attacker = new_context().new_page()
    LoginPage(attacker).open().continue_with("google")
    link = attacker.url
    assert "state=" in link, f"the provider link carries no state: {link}"

    LoginPage(page).open()  # the victim's browser has its own session, with no sign-in pending
    page.goto(link)
    IdpConsentPage(page).choose_identity(accounts.new_email())
    expect(SocialErrorPage(page).message).to_contain_text("did not match a sign-in started here")
    _signed_out(page)


@pytest.mark.behaviour("SEC-OIDC-02")
def test_an_id_token_carrying_another_sign_ins_nonce_is_refused(page, accounts, exchange):
    consent = LoginPage(page).open().continue_with("google")
    exchange.api.tamper_next_id_token("google", "nonce", "nonce-from-another-sign-in")
    consent.choose_identity(accounts.new_email())
    expect(SocialErrorPage(page).message).to_contain_text("could not be verified")
    _signed_out(page)


@pytest.mark.behaviour("SEC-OIDC-03")
@pytest.mark.parametrize("provider", ["google", "apple"])
def test_an_id_token_issued_for_another_client_is_refused(page, accounts, exchange, provider):
    consent = LoginPage(page).open().continue_with(provider)
    exchange.api.tamper_next_id_token(provider, "aud", "another-relying-party")
    consent.choose_identity(accounts.new_email(), password="apple-password" if provider == "apple" else None)
    expect(SocialErrorPage(page).message).to_contain_text("could not be verified")
    _signed_out(page)
