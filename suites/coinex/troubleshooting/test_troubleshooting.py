"""CoinEx: the troubleshooting advice holds for the site (seeds/003 lines 2-3, 7-19)."""

import pytest
from playwright.sync_api import expect

from pages import AccountPage, LoginPage, VerificationPage
from pages.status_page import StatusPage
from suites.coinex.promises import APP_STORE_HOSTS, OFFICIAL_URL


@pytest.mark.behaviour("CX-LOGIN-03")
def test_login_page_names_the_official_address(page):
    expect(LoginPage(page).open().official_url).to_contain_text(OFFICIAL_URL)


@pytest.mark.behaviour("CX-LOGIN-05")
def test_a_successful_login_sends_a_notification_from_coinex(page, accounts, inbox):
    account = accounts.create()
    LoginPage(page).open().login(account.email, account.password)
    AccountPage(page).assert_current()
    mail = inbox.wait_for(to=account.email, subject_contains="successful login")
    assert "CoinEx" in mail.sender and account.email in mail.body


@pytest.mark.behaviour("CX-TROUBLE-01")
def test_a_dropped_connection_fails_visibly_and_a_retry_signs_in(page, accounts):
    account = accounts.create()
    login = LoginPage(page).open()
    page.context.set_offline(True)
    with pytest.raises(Exception, match="ERR_INTERNET_DISCONNECTED"):
        page.goto("/login")
    page.context.set_offline(False)
    login.open().login(account.email, account.password)
    AccountPage(page).assert_current()


@pytest.mark.behaviour("CX-TROUBLE-02")
def test_sign_in_needs_no_earlier_browser_state(page, new_context, accounts):
    account = accounts.create()
    LoginPage(page).open().login(account.email, account.password)
    page.context.clear_cookies()
    page.goto(AccountPage.path)
    LoginPage(page).login(account.email, account.password)
    AccountPage(page).assert_current()

    private_window = new_context().new_page()
    LoginPage(private_window).open().login(account.email, account.password)
    AccountPage(private_window).assert_current()


@pytest.mark.behaviour("CX-TROUBLE-03")
def test_app_links_point_only_to_the_official_stores(page):
    links = LoginPage(page).open().app_links
    expect(links).to_have_count(len(APP_STORE_HOSTS))
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert all(any(href.startswith(f"https://{host}/") for host in APP_STORE_HOSTS) for href in hrefs), hrefs


@pytest.mark.behaviour("CX-TROUBLE-04")
def test_a_fresh_install_has_no_session_and_asks_password_and_2fa_again(page, new_context, accounts, server_time):
    account = accounts.create(factors=("totp",))
    LoginPage(page).open().login(account.email, account.password)
    VerificationPage(page).submit_code(account.totp().at(server_time.now()))
    AccountPage(page).assert_current()

    reinstalled = new_context().new_page()
    reinstalled.goto(AccountPage.path)
    login = LoginPage(reinstalled)
    login.assert_current()
    login.login(account.email, account.password)
    VerificationPage(reinstalled).assert_current()


@pytest.mark.behaviour("CX-MAINT-02")
def test_status_page_announces_maintenance(page, maintenance):
    status = StatusPage(page).open()
    expect(status.announcement).to_contain_text("Maintenance in progress")
    maintenance.set_maintenance(False)
    page.reload()
    expect(status.announcement).to_contain_text("All systems operational")
