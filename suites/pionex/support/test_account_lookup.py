"""Pionex: support looks up a forgotten registration e-mail only after verifying the identity
(seeds/000 lines 12-13)."""

import pytest
from playwright.sync_api import expect

from pages.support_case_page import SupportCasePage


@pytest.mark.behaviour("PX-SUPPORT-01")
def test_support_reveals_the_account_only_after_the_identity_checks_pass(
        page, accounts, inbox, support_agent, time_travel):
    phone, _ = accounts.new_phone()
    account = accounts.create(phone=phone, factors=("sms",), balance_usdt=300)
    month = time_travel.now().strftime("%Y-%m")
    contact = accounts.new_email()

    impostor = SupportCasePage(page).open_topic("forgot_account")
    impostor.ask_account_lookup(phone, contact, month, "5000")  # the wrong balance
    impostor_case = impostor.review_id()
    support_agent.open_review(impostor_case)
    support_agent.verify_identity()
    expect(support_agent.error).to_contain_text("identity not verified")
    expect(support_agent.account_hidden).to_be_visible()
    support_agent.approve()
    expect(support_agent.error).to_contain_text("Verify the customer's identity before approving")
    expect(support_agent.account_email).to_be_hidden()

    owner = SupportCasePage(page).open_topic("forgot_account")
    owner.ask_account_lookup(phone, contact, month, "300")
    owner_case = owner.review_id()
    support_agent.open_review(owner_case)
    expect(support_agent.account_hidden).to_be_visible()
    support_agent.verify_identity()
    expect(support_agent.account_email).to_have_text(account.email)
    support_agent.approve("Identity verified by phone, month and balance")
    expect(support_agent.status).to_have_text("approved")
    reminder = inbox.wait_for(to=account.email, subject_contains="the address you registered with")
    assert account.email in reminder.body
