"""Pionex: help when logging in fails (seeds/000 lines 24-32)."""

import pytest
from playwright.sync_api import expect

from pages import AccountPage, LoginPage, SupportPage, VerificationPage
from suites.pionex.promises import APP_DOWNLOAD_URL, SERVICE_EMAIL


@pytest.mark.behaviour("PX-SUPPORT-02")
def test_login_page_leads_to_live_chat_and_the_service_address(page, accounts):
    login = LoginPage(page).open()
    expect(login.help_service_email).to_have_attribute("href", f"mailto:{SERVICE_EMAIL}")
    expect(login.help_forgot_password).to_have_attribute("href", "/forgot-password")

    login.open_support()
    support = SupportPage(page)
    support.assert_current()
    expect(support.service_email).to_have_text(SERVICE_EMAIL)
    support.start_live_chat(accounts.new_email(), "I cannot log in: 'Incorrect e-mail or password'.")
    expect(support.chat_started).to_contain_text("Live chat #")


@pytest.mark.behaviour("PX-SUPPORT-03")
def test_a_login_error_is_on_screen_where_a_screenshot_captures_it(page, accounts):
    account = accounts.create()
    login = LoginPage(page).open()
    login.login(account.email, "not-the-password-1")

    expect(login.error).to_be_visible()
    expect(login.error).to_be_in_viewport()
    expect(login.error).to_have_attribute("role", "alert")
    assert len(login.error.screenshot()) > 0


@pytest.mark.behaviour("PX-TROUBLE-01")
def test_verification_page_finishes_loading_ready_for_the_code(page, accounts):
    account = accounts.create(factors=("totp",))
    LoginPage(page).open().login(account.email, account.password)
    verification = VerificationPage(page)
    page.wait_for_load_state("load")
    expect(verification.code_field).to_be_editable()
    expect(verification.code_field).to_be_focused()


@pytest.mark.behaviour("PX-TROUBLE-02")
def test_site_links_to_the_official_app_download(page):
    expect(LoginPage(page).open().app_links).to_have_attribute("href", APP_DOWNLOAD_URL)


@pytest.mark.behaviour("PX-TROUBLE-03")
def test_sign_in_works_after_clearing_cookies_and_in_a_fresh_incognito_context(page, new_context, accounts):
    account = accounts.create()
    LoginPage(page).open().login(account.email, account.password)
    AccountPage(page).assert_current()

    page.context.clear_cookies()
    page.goto(AccountPage.path)
    login = LoginPage(page)
    login.assert_current()
    login.login(account.email, account.password)
    AccountPage(page).assert_current()

    incognito = new_context().new_page()
    LoginPage(incognito).open().login(account.email, account.password)
    expect(AccountPage(incognito).login_email).to_have_text(account.email)
