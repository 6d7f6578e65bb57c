"""Pionex: each registration method is a separate account (seeds/000 lines 7-9)."""

import pytest
from playwright.sync_api import expect

from fixtures.messages import code_in
from pages import AccountPage, LoginPage, SignupPage


@pytest.mark.behaviour("PX-ACCTS-01", "PX-ACCTS-02")
@pytest.mark.variant(registration="google")
def test_google_account_with_the_same_email_holds_nothing_of_the_email_account(page, accounts):
    email = accounts.new_email()
    funded = accounts.create(email=email, balance_usdt=500, bots=("BTC grid bot",))

    LoginPage(page).open().continue_with("google").choose_identity(email)
    account_page = AccountPage(page)
    expect(account_page.login_email).to_have_text(email)
    expect(account_page.balance).to_have_text("0.00 USDT")
    expect(account_page.no_bots).to_be_visible()
    expect(account_page.uid).not_to_have_text(str(funded.id))
    expect(account_page.alerts).to_have_count(0)


@pytest.mark.behaviour("PX-ACCTS-01", "PX-ACCTS-03")
@pytest.mark.variant(registration="phone")
def test_logging_out_and_in_with_the_other_method_finds_the_assets(page, accounts):
    phone, national = accounts.new_phone()
    password = accounts.new_password()
    email_account = accounts.create(password=password)
    phone_account = accounts.create(registered_via="phone", email=None, phone=phone, password=password,
                                    balance_usdt=1200, bots=("ETH DCA bot", "BTC grid bot"))

    LoginPage(page).open().login(email_account.email, password)
    account_page = AccountPage(page)
    expect(account_page.balance).to_have_text("0.00 USDT")
    expect(account_page.no_bots).to_be_visible()

    account_page.log_out()
    LoginPage(page).login_with_phone("SE", national, password)
    expect(account_page.uid).to_have_text(str(phone_account.id))
    expect(account_page.balance).to_have_text("1,200.00 USDT")
    expect(account_page.bots).to_have_text(["ETH DCA bot", "BTC grid bot"])


@pytest.mark.behaviour("PX-SIGNUP-02")
def test_one_person_can_register_by_email_phone_google_and_apple_as_four_accounts(page, accounts, exchange, inbox):
    person = accounts.new_email()
    password = accounts.new_password()
    phone, national = accounts.new_phone()
    account_page = AccountPage(page)
    uids = set()

    SignupPage(page).open().sign_up(person, password).assert_current()
    LoginPage(page).open().login(person, password)
    uids.add(account_page.uid.inner_text())
    account_page.log_out()

    code_page = SignupPage(page).open().sign_up_with_phone("SE", national, password)
    code_page.confirm(code_in(exchange.api.sms(phone)[-1]["body"])).assert_current()
    LoginPage(page).open().login_with_phone("SE", national, password)
    uids.add(account_page.uid.inner_text())
    account_page.log_out()

    for provider in ("google", "apple"):
        LoginPage(page).continue_with(provider).choose_identity(person)
        expect(account_page.registered_via).to_have_text(provider.capitalize())
        uids.add(account_page.uid.inner_text())
        account_page.log_out()

    assert len(uids) == 4, f"expected four separate accounts, got UIDs {uids}"


@pytest.mark.behaviour("PX-ACCTS-01")
@pytest.mark.parametrize("registration", ["another-email", "apple"])
def test_another_registration_of_the_same_person_holds_nothing_of_the_funded_account(
        registration, screen_forms, accounts):
    email, password = accounts.new_email(), accounts.new_password()
    funded = accounts.create(email=email, password=password, balance_usdt=500, bots=("BTC grid bot",))
    forms = screen_forms()
    if registration == "apple":  # an Apple ID on the same address (seeds/000 line 8: still its own account)
        answer = forms.continue_with("apple", email, password=accounts.new_password())
        assert answer.registered_via == "Apple", answer.registered_via
    else:  # the same name at another mail provider, and the same password
        other = accounts.create(email=email.replace("@example.com", "@example.org"), password=password)
        answer = forms.login(other.email, password)
        assert answer.account_uid == str(other.id), f"signed in as UID {answer.account_uid}, not {other.id}"

    assert answer.signed_in, answer
    assert answer.account_uid != str(funded.id), f"the {registration} registration opened the funded account"
    assert answer.account_balance == "0.00 USDT", answer.account_balance
    assert answer.shows_no_bots, "the other account's bots are listed"
