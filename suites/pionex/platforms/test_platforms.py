"""Pionex: what each platform offers (seeds/000 lines 5-6; 001 lines 13-16)."""

import pytest
from playwright.sync_api import expect

from fixtures.devices import ANDROID, ANDROID_VARIANTS, DEVICES, IOS, IOS_VARIANTS, device_variants
from fixtures.messages import code_in
from pages import AccountPage, LoginPage, SecurityPasswordPage, VerificationPage


@pytest.mark.behaviour("PX-PLAT-01")
@pytest.mark.parametrize("variant_device", device_variants(*ANDROID_VARIANTS))
def test_android_login_page_has_no_apple_sign_in(device_page, variant_device):
    android = device_page(DEVICES[variant_device])
    login = LoginPage(android).open()

    expect(login.google_button).to_be_visible()
    expect(login.email_field).to_be_visible()
    expect(login.apple_button).to_have_count(0)
    response = android.goto("/auth/apple/start")
    assert response.status == 404, "Apple sign-in must not be startable from Android either"


@pytest.mark.behaviour("PX-PLAT-02")
def test_desktop_login_page_offers_apple_and_google(page):
    login = LoginPage(page).open()
    expect(login.apple_button).to_be_visible()
    expect(login.google_button).to_be_visible()


@pytest.mark.behaviour("PX-PLAT-04")
@pytest.mark.parametrize("variant_device", device_variants(*IOS_VARIANTS))
def test_ios_offers_email_phone_apple_and_google(device_page, variant_device):
    login = LoginPage(device_page(DEVICES[variant_device])).open()
    expect(login.email_field).to_be_visible()
    expect(login.phone_tab).to_be_visible()
    expect(login.apple_button).to_be_visible()
    expect(login.google_button).to_be_visible()


@pytest.mark.behaviour("PX-PLAT-03")
@pytest.mark.parametrize("variant_device", device_variants(*ANDROID_VARIANTS))
def test_android_sign_in_works_like_the_website_verification_step_included(device_page, accounts, sign_in,
                                                                           variant_device):
    account = accounts.create(factors=("totp",), balance_usdt=10)
    android = device_page(DEVICES[variant_device])
    LoginPage(android).open().login(account.email, account.password)
    verification = VerificationPage(android)
    verification.assert_current()
    verification.submit_code(sign_in.totp(account))
    expect(AccountPage(android).balance).to_have_text("10.00 USDT")


@pytest.mark.behaviour("PX-SOCIAL-03")
def test_apple_user_sets_a_password_on_ios_then_logs_in_with_it_on_android(device_page, accounts, inbox):
    iphone = device_page(IOS)
    LoginPage(iphone).open().continue_with("apple").choose_identity(accounts.new_email(), hide_my_email=True)
    account_page = AccountPage(iphone)
    uid = account_page.uid.inner_text()
    relay_email = account_page.login_email.inner_text()

    setup = SecurityPasswordPage(iphone).open()
    expect(setup.bound_email).to_have_text(relay_email)
    setup.send_code()
    code = code_in(inbox.wait_for(to=relay_email, subject_contains="confirm your e-mail").body)
    password = accounts.new_password()
    setup.set_password(code, password)
    expect(setup.done).to_contain_text("Password set")

    android = device_page(ANDROID)
    LoginPage(android).open().login(relay_email, password)
    expect(AccountPage(android).uid).to_have_text(uid)
