"""Pionex: signing in with a passkey, and why a phishing site cannot (seeds/002 lines 1-4, 11-16, 21-22)."""

import base64
import json

import pytest
from playwright.sync_api import expect

from fixtures.devices import ANDROID, IOS
from fixtures.passkeys import VirtualAuthenticator
from pages import AccountPage, LoginPage, PasskeysPage
from suites.pionex.passkey.steps import ALL_FACTORS, create_passkey, sign_in_with_codes


@pytest.fixture
def passkey_account(page, accounts, exchange, inbox, authenticator, sign_in):
    """An account with all three factors and one passkey on this page's authenticator; signed out."""
    account = accounts.create(factors=ALL_FACTORS, balance_usdt=42)  # with a fresh phone
    sign_in_with_codes(page, account, sign_in)
    create_passkey(page, account, sign_in, inbox, name="This device")
    page.context.clear_cookies()
    return account


@pytest.mark.behaviour("PX-PASSKEY-01")
def test_a_passkey_signs_in_without_password_or_codes(page, passkey_account, inbox):
    mark = inbox.count()
    login = LoginPage(page).open()
    login.login_with_passkey()

    account_page = AccountPage(page)
    expect(account_page.login_email).to_have_text(passkey_account.email)
    expect(account_page.balance).to_have_text("42.00 USDT")
    assert inbox.messages(to=passkey_account.email, since=mark) == [], "no code should have been sent"


@pytest.mark.behaviour("PX-PASSKEY-05")
def test_opening_the_site_with_a_live_session_asks_for_no_passkey(page, passkey_account, authenticator):
    LoginPage(page).open().login_with_passkey()
    AccountPage(page).assert_current()
    uses = authenticator.credentials()[0]["signCount"]

    reopened = page.context.new_page()
    reopened.goto(AccountPage.path)
    expect(AccountPage(reopened).login_email).to_have_text(passkey_account.email)
    assert authenticator.credentials()[0]["signCount"] == uses, "the authenticator was asked again"


@pytest.mark.behaviour("PX-PASSKEY-06")
def test_an_account_without_a_passkey_keeps_signing_in_with_codes(page, accounts, exchange, sign_in):
    account = accounts.create(factors=ALL_FACTORS)
    sign_in_with_codes(page, account, sign_in)
    expect(PasskeysPage(page).open().none_yet).to_contain_text("keep using your codes")


@pytest.mark.behaviour("PX-PASSKEY-07")
def test_a_synced_passkey_works_on_a_new_device_without_setup(page, new_context, passkey_account, authenticator):
    new_phone = new_context().new_page()
    VirtualAuthenticator.sharing_credentials_of(authenticator, new_phone)
    LoginPage(new_phone).open().login_with_passkey()
    expect(AccountPage(new_phone).login_email).to_have_text(passkey_account.email)


@pytest.mark.behaviour("PX-PASSKEY-07")
@pytest.mark.parametrize("platform", ["ios", "android"])
def test_a_passkey_synced_to_a_new_phone_signs_in_there_without_setup(
        platform, device_page, passkey_account, authenticator):
    """The same Apple ID (iOS) or Google account (Android) on the new phone: the passkey syncs."""
    new_phone = device_page(IOS if platform == "ios" else ANDROID)
    synced = VirtualAuthenticator.sharing_credentials_of(authenticator, new_phone)
    LoginPage(new_phone).open().login_with_passkey()
    expect(AccountPage(new_phone).login_email).to_have_text(passkey_account.email)
    assert synced.credentials()[0]["signCount"] >= 1
    expect(PasskeysPage(new_phone).open().names).to_have_text(["This device"])  # no second passkey was set up


@pytest.mark.behaviour("PX-PASSKEY-02")
def test_a_phishing_site_relaying_the_exchange_cannot_use_the_passkey(page, passkey_account, phishing_site, accounts):
    page.goto(f"{phishing_site}/login")
    login = LoginPage(page)
    login.assert_current()  # the relay serves the real page, from another origin
    login.login_with_passkey()

    expect(login.passkey_error).to_contain_text("not accepted")
    page.goto(f"{phishing_site}/account")
    LoginPage(page).assert_current()


@pytest.mark.behaviour("PX-PASSKEY-02")
def test_a_passkey_is_not_offered_to_another_host_name(page, passkey_account, exchange):
    other_host = exchange.base_url.replace("localhost", "127.0.0.1")
    page.goto(f"{other_host}/login")
    login = LoginPage(page)
    login.login_with_passkey()
    expect(login.passkey_error).to_be_visible()
    page.goto(f"{other_host}/account")
    LoginPage(page).assert_current()


@pytest.mark.behaviour("PX-PASSKEY-10")
def test_a_replayed_assertion_is_refused(page, passkey_account):
    captured = []
    page.route("**/login/passkey", lambda route: (captured.append(route.request.post_data), route.continue_()))
    LoginPage(page).open().login_with_passkey()
    AccountPage(page).assert_current()
    assert captured, "the passkey assertion was not seen"

    page.context.clear_cookies()
    login = LoginPage(page).open()
    fresh = login.post_as_script("/login/passkey/options")
    assert fresh.ok
    replay = login.post_as_script("/login/passkey", captured[0])
    assert replay.status == 401, f"a replayed assertion was answered {replay.status}"
    page.goto(AccountPage.path)
    LoginPage(page).assert_current()


@pytest.mark.behaviour("PX-PASSKEY-10")
def test_an_assertion_stolen_in_transit_cannot_be_replayed_later(page, new_context, passkey_account):
    stolen = []

    def intercept(route):  # the assertion never reaches the exchange: an attacker keeps it
        stolen.append(route.request.post_data)
        route.abort()

    page.route("**/login/passkey", intercept)
    login = LoginPage(page).open()
    login.login_with_passkey()
    expect(login.passkey_error).to_be_visible()
    assert stolen, "the passkey assertion was not seen"

    attacker = new_context().new_page()
    attackers_login = LoginPage(attacker).open()
    fresh = attackers_login.post_as_script("/login/passkey/options")
    assert fresh.ok
    replay = attackers_login.post_as_script("/login/passkey", stolen[0])
    assert replay.status == 401, f"a stolen assertion was answered {replay.status}"
    attacker.goto(AccountPage.path)
    LoginPage(attacker).assert_current()


@pytest.mark.behaviour("PX-PASSKEY-10")
def test_an_assertion_without_user_verification_is_refused(page, passkey_account, authenticator):
    login = LoginPage(page).open()
    authenticator.set_user_verified(False)
    status = page.evaluate(
        """async (headers) => {
            const options = await (await fetch("/login/passkey/options", {method: "POST", headers, body: "{}"})).json();
            options.userVerification = "discouraged";  // a tampered client skipping the biometric
            const credential = await navigator.credentials.get(
                {publicKey: PublicKeyCredential.parseRequestOptionsFromJSON(options)});
            const answer = await fetch("/login/passkey",
                {method: "POST", headers, body: JSON.stringify({credential: credential.toJSON()})});
            return answer.status;
        }""",
        login.script_headers(),
    )
    assert status == 401, f"an assertion without user verification was answered {status}"
    page.goto(AccountPage.path)
    LoginPage(page).assert_current()


@pytest.mark.behaviour("PX-PASSKEY-10")
def test_the_password_alone_never_passes_passkey_verification(page, passkey_account, authenticator):
    login = LoginPage(page).open()
    # CDP gives the id in standard base64; WebAuthn JSON uses base64url without padding
    cdp_id = authenticator.credentials()[0]["credentialId"]
    credential_id = base64.urlsafe_b64encode(base64.b64decode(cdp_id)).rstrip(b"=").decode()
    forged = {"credential": {"id": credential_id, "rawId": credential_id, "type": "public-key", "response": {
        "clientDataJSON": passkey_account.password, "authenticatorData": passkey_account.password,
        "signature": passkey_account.password}}}
    login.post_as_script("/login/passkey/options")
    answer = login.post_as_script("/login/passkey", json.dumps(forged))
    assert answer.status == 401
    page.goto(AccountPage.path)
    LoginPage(page).assert_current()
