"""A signed-in session alone changes no authentication detail: the e-mail, the phone and the
authenticator each need fresh codes first (ASVS 5.0 V7.5.1; NIST SP 800-63B §7.2).

Each case posts a later step of a change flow straight from a signed-in browser, skipping the
step that asks for the codes, as a hijacked session (or a stolen cookie) would."""

import pyotp
import pytest

from pages import AccountPage
from pages.base_page import BasePage

NEW_PHONE = ("SE", "0701234567")


def _post_from_the_session(page, path: str, fields: dict[str, str]):
    return BasePage(page).post_form(path, fields, max_redirects=0)


def _skipped_contact_steps(brand: str, accounts) -> list[tuple[str, dict[str, str]]]:
    if brand == "pionex":
        return [("/security/unbind/email/new-email", {"new_email": accounts.new_email()}),
                ("/security/unbind/email/new-email/code", {"code": "123456"}),
                ("/security/unbind/email/codes", {"email_code": "123456", "sms_code": "123456"})]
    return [("/security/mobile/change/number", {"country": NEW_PHONE[0], "phone": NEW_PHONE[1]}),
            ("/security/mobile/change/new-code", {"code": "123456"}),
            ("/security/mobile/change/2fa", {"code": "123456"})]


def _post_steps(page, exchange, inbox, account, steps):
    before = exchange.api.security_state(account.id)
    mails_before = len(inbox.messages(to=account.email))

    refused = {path: _post_from_the_session(page, path, fields).status for path, fields in steps}

    changed = exchange.api.security_state(account.id) != before
    notices = [m.subject for m in inbox.messages(to=account.email)[mails_before:]
               if "security notice" in m.subject.lower()]
    return refused, changed, notices


@pytest.mark.behaviour("SEC-REAUTH-01")
def test_a_signed_in_session_cannot_skip_the_codes_to_change_email_or_phone(
        page, brand, accounts, exchange, sign_in, inbox):
    # Every factor bound, so the only thing between the session and the change is the codes step.
    phone, _ = accounts.new_phone()
    account = accounts.create(factors=("email", "sms", "totp"), phone=phone)
    sign_in.with_session(page, account)
    AccountPage(page).open()

    answers, changed, notices = _post_steps(
        page, exchange, inbox, account, _skipped_contact_steps(brand, accounts))

    assert all(400 <= status < 500 for status in answers.values()), f"steps posted without the codes: {answers}"
    assert not changed, "a step without fresh codes changed the account"
    assert not notices, f"a change was announced: {notices}"


@pytest.mark.behaviour("SEC-REAUTH-01")
def test_a_signed_in_session_cannot_bind_an_authenticator_without_its_codes(
        page, accounts, exchange, sign_in, inbox):
    phone, _ = accounts.new_phone()
    account = accounts.create(factors=("email", "sms"), phone=phone)
    sign_in.with_session(page, account)
    AccountPage(page).open()
    secret = pyotp.random_base32()

    answers, changed, notices = _post_steps(
        page, exchange, inbox, account, [("/security/authenticator/bind", {"totp_code": pyotp.TOTP(secret).now()})])

    assert all(400 <= status < 500 for status in answers.values()), f"bound without the codes: {answers}"
    assert not changed, "an authenticator was bound without fresh codes"
    assert not notices, f"a change was announced: {notices}"
