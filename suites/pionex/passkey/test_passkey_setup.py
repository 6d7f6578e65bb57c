"""Pionex: creating, listing and removing passkeys (seeds/002 lines 5-8, 19-20, 23-24)."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from fixtures.passkeys import VirtualAuthenticator
from pages import AccountPage, LoginPage, PasskeysPage
from suites.pionex.passkey.steps import ALL_FACTORS, create_passkey, passkey_codes, sign_in_with_codes


def _account(accounts, factors=ALL_FACTORS):
    return accounts.create(factors=factors)  # with a fresh phone where SMS is among them


@pytest.mark.behaviour("PX-PASSKEY-03")
@pytest.mark.variant(wrong_code="all")
def test_create_passkey_asks_the_three_codes_then_biometrics(
        page, accounts, exchange, inbox, authenticator, time_travel, sign_in):
    account = _account(accounts)
    sign_in_with_codes(page, account, sign_in)

    skipped = AccountPage(page).post_as_script("/security/passkeys/options")
    assert skipped.status == 403, "the passkey ceremony must not start before the codes"

    identity = PasskeysPage(page).open().create()
    identity.confirm_codes(email="000000", sms="000000", totp="000000")
    expect(identity.error).to_contain_text("e-mail, SMS and Google Authenticator codes")
    assert authenticator.credentials() == []

    time_travel.advance(timedelta(seconds=31))  # a fresh authenticator step for the retry
    create_passkey(page, account, sign_in, inbox, name="My laptop")
    passkeys = PasskeysPage(page)
    expect(passkeys.names).to_have_text(["My laptop"])
    expect(passkeys.created).to_contain_text(time_travel.now().strftime("%Y-%m-%d"))
    assert len(authenticator.credentials()) == 1


WRONG_CODE_FACTOR = {"email": "email", "sms": "sms", "authenticator": "totp"}


def _another(code: str) -> str:
    return f"{(int(code) + 1) % 1_000_000:06d}"


@pytest.mark.behaviour("PX-PASSKEY-03")
@pytest.mark.parametrize("wrong_code", ["email", "sms", "authenticator"])
def test_one_wrong_code_among_the_three_refuses_the_passkey_setup(
    wrong_code, screen_forms, accounts, exchange, inbox, time_travel, sign_in
):
    account = _account(accounts)
    forms = screen_forms()
    assert forms.login(account.email, account.password).asks_for_code
    assert forms.submit_code(sign_in.totp(account)).signed_in
    mark = inbox.count()
    forms.start_passkey_setup()
    codes = passkey_codes(account, sign_in, inbox, mark)
    factor = WRONG_CODE_FACTOR[wrong_code]

    refused = forms.confirm_passkey_codes(**{**codes, factor: _another(codes[factor])})
    assert refused.step == "passkey-new", f"{refused}: a wrong {wrong_code} code must not open the ceremony"
    assert "e-mail, SMS and Google Authenticator codes" in (refused.passkey_setup_error or ""), str(refused)
    assert forms.ask_passkey_ceremony().status == 403, "the passkey ceremony must not start after a wrong code"
    assert not forms.passkeys_page().has_passkeys

    # the two other codes were right: with the third one right too, the ceremony opens
    passed = forms.confirm_passkey_codes(**codes)
    assert passed.step == "passkey-ceremony", str(passed)
    assert forms.ask_passkey_ceremony().status == 200


@pytest.mark.behaviour("PX-PASSKEY-09")
def test_three_passkeys_on_three_devices_each_sign_in(page, new_context, accounts, exchange, inbox, time_travel,
                                                       sign_in):
    account = _account(accounts)
    sign_in_with_codes(page, account, sign_in)
    signed_in = page.context.storage_state()
    devices = []
    for number in (1, 2, 3):
        device = new_context(storage_state=signed_in).new_page()
        devices.append((device, VirtualAuthenticator(device)))
        time_travel.advance(timedelta(seconds=31))
        create_passkey(device, account, sign_in, inbox, name=f"Device {number}")
    expect(PasskeysPage(page).open().names).to_have_text(["Device 1", "Device 2", "Device 3"])

    for device, device_authenticator in devices:
        device.context.clear_cookies()
        login = LoginPage(device).open()
        login.login_with_passkey()
        expect(AccountPage(device).login_email).to_have_text(account.email)
        assert device_authenticator.credentials()[0]["signCount"] >= 1


@pytest.mark.behaviour("PX-PASSKEY-03")
def test_a_removed_passkey_no_longer_signs_in(page, accounts, exchange, inbox, authenticator, sign_in):
    account = _account(accounts)
    sign_in_with_codes(page, account, sign_in)
    create_passkey(page, account, sign_in, inbox, name="Old phone")

    passkeys = PasskeysPage(page)
    passkeys.remove("Old phone")
    expect(passkeys.notice).to_have_text("Passkey removed.")
    expect(passkeys.rows).to_have_count(0)

    page.context.clear_cookies()
    login = LoginPage(page).open()
    login.login_with_passkey()
    expect(login.passkey_error).to_contain_text("not accepted")
    LoginPage(page).assert_current()


@pytest.mark.behaviour("PX-PASSKEY-11")
def test_cancelled_setup_explains_retry_and_support_and_saves_nothing(page, accounts, exchange, inbox, authenticator,
                                                                      sign_in):
    account = _account(accounts)
    sign_in_with_codes(page, account, sign_in)
    mark = inbox.count()
    ceremony = PasskeysPage(page).open().create().confirm_codes(**passkey_codes(account, sign_in, inbox, mark))

    with authenticator.refuses():
        ceremony.use_biometrics()
        expect(ceremony.error).to_contain_text("cancelled")
    expect(ceremony.error).to_contain_text("contact support")
    expect(ceremony.error).to_contain_text("screen recording")
    expect(PasskeysPage(page).open().rows).to_have_count(0)
    assert authenticator.credentials() == []


@pytest.mark.behaviour("PX-PASSKEY-11")
def test_setup_without_any_authenticator_fails_clearly_and_saves_nothing(
    page, accounts, exchange, inbox, authenticator, time_travel, sign_in
):
    account = _account(accounts)
    sign_in_with_codes(page, account, sign_in)
    mark = inbox.count()
    ceremony = PasskeysPage(page).open().create().confirm_codes(**passkey_codes(account, sign_in, inbox, mark))

    authenticator.unplug()
    ceremony.use_biometrics()
    expect(ceremony.waiting_for_device).to_be_visible()  # the timeout runs from here
    expect(ceremony.error).to_be_hidden()
    time_travel.advance(timedelta(seconds=30))  # the ceremony's timeout, on the page clock
    expect(ceremony.error).to_contain_text("no passkey is available")
    expect(ceremony.error).to_contain_text("contact support")
    expect(ceremony.waiting_for_device).to_be_hidden()
    expect(PasskeysPage(page).open().rows).to_have_count(0)
