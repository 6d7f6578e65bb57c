"""CoinEx: Forgot Password from the login page, and only the new password afterwards (seeds/003 line 3)."""

import pytest
from playwright.sync_api import expect

from pages import AccountPage, LoginPage
from pages.forgot_password_page import ForgotPasswordPage


@pytest.mark.behaviour("CX-FORGOT-01", "CX-LOGIN-02")
def test_forgot_password_on_the_login_page_then_only_the_new_password_signs_in(page, accounts, deliveries):
    account = accounts.create()
    login = LoginPage(page).open()
    login.forgot_password()
    forgot = ForgotPasswordPage(page)
    forgot.assert_current()
    mark = deliveries.mark()
    forgot.submit_identifier(account.email)
    forgot.pass_robot_check()
    forgot.submit_code(deliveries.email_code(account.email, "password reset code", since=mark))
    new_password = accounts.new_password()
    forgot.set_new_password(new_password)
    forgot.assert_step("forgot-done")

    login.open().login(account.email, account.password)
    expect(login.error).to_contain_text("Incorrect e-mail or password")
    login.login(account.email, new_password)
    AccountPage(page).assert_current()
