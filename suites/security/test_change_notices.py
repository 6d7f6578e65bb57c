"""Every change of an authentication detail is announced to the contacts on file
(ASVS 5.0 V6.3.7). The e-mail change and the SMS unbind are checked in suites/pionex
(change_email, unbind); the password reset here, on both brands."""

import pytest

from pages.forgot_password_page import ForgotPasswordPage


@pytest.mark.behaviour("SEC-NOTICE-01")
def test_a_password_reset_is_announced_to_the_email_and_the_phone_on_file(page, accounts, deliveries):
    phone, _ = accounts.new_phone()
    account = accounts.create(factors=("sms",), phone=phone)
    sms_before = len(deliveries.sms(phone))
    forgot = ForgotPasswordPage(page).open()
    mark = deliveries.mark()
    forgot.submit_identifier(account.email)
    forgot.pass_robot_check()
    forgot.submit_code(deliveries.email_code(account.email, "password reset code", since=mark))
    forgot.set_new_password(accounts.new_password())
    forgot.assert_step("forgot-done")

    notice = deliveries.email(account.email, "security notice", since=mark)
    assert "password" in notice.body.lower(), notice.body
    texts = deliveries.sms(phone)[sms_before:]
    assert any("Security notice" in text and "password" in text.lower() for text in texts), texts
