"""CoinEx: unlocking a security-locked account and disabling a lost 2FA through support
(seeds/003 lines 5-6): an ID photo and a selfie, decided by a reviewer, never by a timer."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from pages import AccountPage, LoginPage, VerificationPage
from pages.help_center_page import HelpCenterPage
from pages.support_ticket_page import IdentityTicketPage, ReviewChecklistPage
from suites.coinex.evidence import png, text_named_png


@pytest.mark.behaviour("CX-UNFAM-03")
@pytest.mark.variant(decision="approve")
def test_review_lock_lifts_only_when_support_approves_the_id_and_selfie(page, accounts, exchange, time_travel, request):
    account = accounts.create()
    exchange.api.coinex_review_lock(account.id)
    login = LoginPage(page).open()
    login.login(account.email, account.password)
    login.submit_verification_ticket()
    ticket = IdentityTicketPage(page)
    ticket.assert_current()
    ticket.submit(account.email, png(name="passport.png"), text_named_png("selfie.png"))
    expect(ticket.field_error("selfie")).to_contain_text("PNG or JPEG")
    assert exchange.api.reviews(account.id) == []
    ticket.submit(account.email, png(name="passport.png"), png(name="selfie.png"))
    expect(ticket.submitted).to_contain_text("stays locked until the review is approved")
    (review,) = exchange.api.reviews(account.id)

    time_travel.advance(timedelta(days=30))  # no timer lifts it
    login.open().login(account.email, account.password)
    expect(login.security_lock_message).to_be_visible()

    agent = ReviewChecklistPage(request.getfixturevalue("support_agent").page)  # an agent on duty now
    agent.open_review(review["id"])
    expect(agent.evidence).to_have_count(2)
    agent.record_checklist("ID photo", "selfie")
    agent.approve("ID and selfie match")
    expect(agent.status).to_have_text("approved")
    state = exchange.api.coinex_profile(account.id)
    assert state["review_locked"] is False and state["unfamiliar_failures"] == 0
    login.open().login(account.email, account.password)
    AccountPage(page).assert_current()


@pytest.mark.behaviour("CX-UNFAM-03")
@pytest.mark.variant(decision="reject")
def test_a_rejected_unlock_ticket_keeps_the_account_locked(page, accounts, exchange, inbox, support_agent):
    account = accounts.create()
    exchange.api.coinex_review_lock(account.id)
    review = exchange.api.coinex_review(account.id, "unlock_account")

    agent = ReviewChecklistPage(support_agent.page)
    agent.open_review(review["id"])
    agent.record_checklist("valid identity document")  # the selfie is someone else
    expect(agent.error).to_contain_text("cannot be approved")
    agent.reject("The selfie does not match the ID photo")
    expect(agent.status).to_have_text("rejected")

    mail = inbox.wait_for(to=account.email, subject_contains="not approved")
    assert "stays locked" in mail.body
    assert exchange.api.coinex_profile(account.id)["review_locked"] is True
    login = LoginPage(page).open()
    login.login(account.email, account.password)
    expect(login.security_lock_message).to_be_visible()


@pytest.mark.behaviour("CX-LOSTGA-01")
@pytest.mark.variant(decision="approve")
def test_without_backup_codes_support_disables_2fa_only_after_verifying_identity(
        page, accounts, exchange, sign_in, support_agent):
    account = accounts.create(factors=("totp",))
    HelpCenterPage(page).open().lost_2fa_device_and_backup_codes()
    ticket = IdentityTicketPage(page)
    ticket.submit(account.email, png(name="id.png"), png(name="selfie.png"), password=account.password)
    expect(ticket.submitted).to_contain_text("2FA is still required")
    (review,) = exchange.api.reviews(account.id)
    assert review["kind"] == "disable_2fa" and review["status"] == "pending"

    login = LoginPage(page).open()
    login.login(account.email, account.password)
    verification = VerificationPage(page)
    expect(verification.instructions).to_contain_text("Google Authenticator")  # still required while pending
    page.goto("/login")

    agent = ReviewChecklistPage(support_agent.page)
    agent.open_review(review["id"])
    expect(agent.evidence).to_have_count(2)
    agent.approve("no checklist yet")
    expect(agent.error).to_contain_text("Verify")  # identity first
    agent.record_checklist("ID photo", "selfie")
    agent.approve("ID and selfie match the account holder")
    expect(agent.status).to_have_text("approved")
    assert exchange.api.coinex_profile(account.id)["totp_bound"] is False
    login.open().login(account.email, account.password)
    AccountPage(page).assert_current()


@pytest.mark.behaviour("CX-LOSTGA-01")
@pytest.mark.variant(decision="reject")
def test_a_rejected_identity_check_keeps_2fa_required(page, accounts, exchange, inbox, support_agent):
    account = accounts.create(factors=("totp",))
    review = exchange.api.coinex_review(account.id, "disable_2fa")

    agent = ReviewChecklistPage(support_agent.page)
    agent.open_review(review["id"])
    agent.record_checklist("selfie")  # the ID photo is not the account holder's
    expect(agent.error).to_contain_text("cannot be approved")
    agent.reject("The ID photo is not in the account holder's name")
    expect(agent.status).to_have_text("rejected")

    mail = inbox.wait_for(to=account.email, subject_contains="not approved")
    assert "2FA stays required" in mail.body
    assert exchange.api.coinex_profile(account.id)["totp_bound"] is True
    LoginPage(page).open().login(account.email, account.password)
    expect(VerificationPage(page).instructions).to_contain_text("Google Authenticator")
