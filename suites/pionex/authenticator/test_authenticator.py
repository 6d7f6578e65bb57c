"""Pionex: binding Google Authenticator on the web and in the app (seeds/001 lines 36-37, 62-76)."""

from urllib.parse import parse_qs, urlparse

import pyotp
import pytest
from playwright.sync_api import expect

from fixtures.devices import ANDROID
from pages import AccountPage, LoginPage, VerificationPage
from pages.authenticator_page import AuthenticatorSetupPage
from pages.security_page import SecurityPage
from suites.pionex.promises import AUTHENTICATOR_ACCOUNT_NAME, AUTHENTICATOR_KEY_LENGTH, TOTP_STEP_SECONDS


def _wrong(code: str) -> str:
    return f"{(int(code) + 500_000) % 1_000_000:06d}"


def _to_key_step(page, account, deliveries) -> AuthenticatorSetupPage:
    security = SecurityPage(page).open()
    expect(security.value("totp")).to_have_text("Not bound")
    security.set_authenticator()
    setup = AuthenticatorSetupPage(page)
    setup.assert_step("authenticator-verify")
    expect(setup.key).to_be_hidden()  # nothing to scan before the e-mail code
    mark = deliveries.mark()
    setup.send_identity_code()
    setup.confirm_identity(deliveries.email_code(account.email, "bind authenticator", since=mark))
    setup.assert_step("authenticator-key")
    return setup


@pytest.mark.behaviour("PX-GA-01", "PX-GA-02", "PX-GA-03")
def test_web_set_shows_qr_and_key_and_binds_only_with_the_current_code(
        page, accounts, deliveries, sign_in, server_time):
    account = accounts.create()
    sign_in.with_session(page, account)
    setup = _to_key_step(page, account, deliveries)

    expect(setup.qr_code).to_be_visible()
    uri = urlparse(setup.otpauth_uri())
    key = setup.key.inner_text()
    assert uri.scheme == "otpauth" and uri.netloc == "totp"
    assert parse_qs(uri.query)["secret"] == [key]
    assert parse_qs(uri.query).get("period", [str(TOTP_STEP_SECONDS)]) == [str(TOTP_STEP_SECONDS)]
    expect(setup.key_advice).to_contain_text("safe")
    expect(setup.key_advice).to_contain_text("restores")

    right = pyotp.TOTP(key).at(server_time.now())
    setup.bind(_wrong(right))
    expect(setup.error).to_contain_text("does not match")
    SecurityPage(page).open()
    expect(SecurityPage(page).value("totp")).to_have_text("Not bound")
    page.go_back()

    setup = AuthenticatorSetupPage(page).open()
    setup.assert_step("authenticator-key")
    setup.bind(sign_in.totp(account, secret=key))
    expect(setup.bound_message).to_be_visible()
    expect(SecurityPage(page).open().value("totp")).to_have_text("Bound")


@pytest.mark.behaviour("PX-GA-04")
def test_authenticator_restored_from_the_shown_key_alone_signs_in(page, accounts, deliveries, sign_in):
    account = accounts.create()
    sign_in.with_session(page, account)
    setup = _to_key_step(page, account, deliveries)
    key = setup.key.inner_text()
    assert len(key) == AUTHENTICATOR_KEY_LENGTH
    expect(setup.account_name).to_have_text(AUTHENTICATOR_ACCOUNT_NAME.format(account=account.email))
    setup.bind(sign_in.totp(account, secret=key))
    expect(setup.bound_message).to_be_visible()
    AccountPage(page).open().log_out()

    restored = pyotp.TOTP(key)  # a new phone: the key typed in by hand, time based
    LoginPage(page).open().login(account.email, account.password)
    verification = VerificationPage(page)
    verification.assert_current()
    verification.submit_code(sign_in.totp(account, secret=restored.secret))
    AccountPage(page).assert_current()


@pytest.mark.behaviour("PX-GA-05")
@pytest.mark.variant(code_channel="email")
def test_app_asks_for_the_email_code_before_showing_the_key(device_page, accounts, deliveries, sign_in):
    app = device_page("Pixel 7")
    account = accounts.create()
    sign_in.with_session(app, account)
    setup = AuthenticatorSetupPage(app).open()
    setup.assert_step("authenticator-verify")
    expect(setup.key).to_be_hidden()

    mark = deliveries.mark()
    setup.send_identity_code()
    setup.assert_step("authenticator-verify")  # still no key: the code must be entered first
    expect(setup.key).to_be_hidden()
    code = deliveries.email_code(account.email, "bind authenticator", since=mark)
    setup.confirm_identity(_wrong(code))
    setup.assert_step("authenticator-verify")
    expect(setup.error).to_contain_text("wrong or has expired")
    expect(setup.key).to_be_hidden()

    setup.confirm_identity(code)
    setup.assert_step("authenticator-key")
    expect(setup.account_name).to_have_text(AUTHENTICATOR_ACCOUNT_NAME.format(account=account.email))
    key = setup.key.inner_text()
    setup.bind(sign_in.totp(account, secret=key))
    expect(setup.bound_message).to_be_visible()


@pytest.mark.behaviour("PX-GA-05")
@pytest.mark.variant(code_channel="sms")
def test_app_asks_a_phone_account_for_the_sms_code_before_showing_the_key(
    playwright, screen_forms, accounts, deliveries, sign_in, server_time
):
    phone, national = accounts.new_phone()
    account = accounts.create(registered_via="phone", email=None, phone=phone)
    app = screen_forms().as_device(playwright.devices[ANDROID]["user_agent"])
    assert app.login_with_phone("SE", national, account.password).signed_in
    screen = app.authenticator_screen()
    assert screen.step == "authenticator-verify" and screen.authenticator_key is None, str(screen)

    app.send_authenticator_identity_code()
    code = deliveries.sms_code(phone, "bind authenticator")
    wrong = app.confirm_authenticator_identity(_wrong(code), channel="sms")
    assert wrong.step == "authenticator-verify" and wrong.authenticator_key is None, str(wrong)
    assert "wrong or has expired" in (wrong.authenticator_error or ""), str(wrong)

    shown = app.confirm_authenticator_identity(code, channel="sms")
    assert shown.step == "authenticator-key", str(shown)
    key = shown.authenticator_key
    assert key and len(key) == AUTHENTICATOR_KEY_LENGTH
    assert app.bind_authenticator(sign_in.totp(account, secret=key)).step == "authenticator-bound"
