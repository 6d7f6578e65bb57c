"""CoinEx: document review in the mobile reset (seeds/004 lines 7, 34-42)."""

import pytest
from playwright.sync_api import expect

from pages import AccountPage, LoginPage
from pages.forgot_password_page import ForgotPasswordPage
from pages.mobile_reset_page import MobileResetPage
from pages.support_ticket_page import ReviewChecklistPage
from suites.coinex.evidence import oversized_jpeg, png, text_named_png
from suites.coinex.mobile_reset.helpers import only_phone_bound, through_email_code
from suites.coinex.promises import EMAIL_NOTICE_KINDS, UPLOAD_LIMIT_MB
from suites.coinex.withdrawal_hold.hold_checks import assert_withdrawals_refused_until_exactly_24_hours_after


def _at_documents(page, accounts, exchange, time_travel, deliveries):
    seeded = only_phone_bound(accounts, exchange, factors=("sms", "totp"))
    reset = through_email_code(page, deliveries, seeded.account)
    reset.assert_step("mobile-reset-documents")
    return seeded.account, reset


def _submit(page, reset, **overrides):
    values = {"email_kind": EMAIL_NOTICE_KINDS[0], "email_shot": png(), "direction": "deposit",
              "transaction_shot": png(name="sent-from-wallet.png"), **overrides}
    with page.expect_response(lambda r: r.url.endswith("/reset-mobile/documents")) as response:
        reset.submit_documents(**values)
    return response.value.status


@pytest.mark.behaviour("CX-DOCS-01", "CX-DOCS-02")
def test_documents_take_a_coinex_notice_and_a_counterparty_screenshot_as_real_images(
        page, accounts, exchange, time_travel, deliveries):
    account, reset = _at_documents(page, accounts, exchange, time_travel, deliveries)
    expect(reset.notice_kinds).to_have_text(list(EMAIL_NOTICE_KINDS))
    expect(reset.documents_form).to_contain_text("coin, amount, time and address or TXID")

    assert _submit(page, reset, email_kind=None, direction=None, transaction_shot=None) == 400
    expect(reset.field_error("email_kind")).to_contain_text(
        "deposit, withdrawal, successful sign-up or successful login")
    expect(reset.field_error("transaction_screenshot")).to_contain_text("Choose the transaction screenshot")
    assert _submit(page, reset, email_shot=text_named_png()) == 400
    expect(reset.field_error("email_screenshot")).to_contain_text("must be a PNG or JPEG image")
    assert _submit(page, reset, transaction_shot=oversized_jpeg(UPLOAD_LIMIT_MB)) == 413
    expect(reset.field_error("transaction_screenshot")).to_contain_text(f"larger than {UPLOAD_LIMIT_MB} MB")
    assert exchange.api.reviews(account.id) == []

    promo = reset.post_form("/reset-mobile/documents", {
        "email_kind": "promotion", "direction": "deposit", "email_screenshot": png(), "transaction_screenshot": png()},
        multipart=True)
    assert promo.status == 400  # only the four notice kinds, even past the form

    assert _submit(page, reset) == 303  # accepted: on to the pending page
    reset.assert_step("mobile-reset-pending")
    (review,) = exchange.api.reviews(account.id)
    assert review["kind"] == "mobile_reset_documents" and review["status"] == "pending"
    assert exchange.api.coinex_profile(account.id)["phone"] == account.phone


@pytest.mark.behaviour("CX-DOCS-03")
@pytest.mark.variant(decision="reject")
def test_reviewer_rejects_a_block_explorer_screenshot(page, accounts, exchange, time_travel, deliveries, support_agent):
    account, reset = _at_documents(page, accounts, exchange, time_travel, deliveries)
    _submit(page, reset, transaction_shot=png(name="explorer-tx.png"))
    (review,) = exchange.api.reviews(account.id)

    agent = ReviewChecklistPage(support_agent.page)
    agent.open_review(review["id"])
    expect(agent.evidence).to_have_count(2)
    expect(agent.checklist).to_contain_text("not an e-mail, a block explorer or the user's own CoinEx")
    agent.record_checklist("e-mail screenshot is a CoinEx", "shows coin, amount, time")  # not from the counterparty
    expect(agent.error).to_contain_text("cannot be approved")
    agent.approve()
    expect(agent.status).to_have_text("pending")
    agent.reject("Block explorer screenshot: invalid")
    expect(agent.status).to_have_text("rejected")
    assert exchange.api.coinex_profile(account.id)["phone"] == account.phone
    reset.open()
    reset.assert_step("mobile-reset-rejected")


@pytest.mark.behaviour("CX-DOCS-03", "CX-HOLD-01")
@pytest.mark.variant(decision="approve", route="documents")
def test_reviewer_approves_evidence_that_meets_the_checklist_then_withdrawals_wait_24_hours(
        page, accounts, exchange, time_travel, deliveries, support_agent, screen_forms, sign_in):
    account, reset = _at_documents(page, accounts, exchange, time_travel, deliveries)
    _submit(page, reset)
    (review,) = exchange.api.reviews(account.id)
    agent = ReviewChecklistPage(support_agent.page)
    agent.open_review(review["id"])
    agent.record_checklist("e-mail screenshot is a CoinEx", "counterparty", "shows coin, amount, time")
    reset_at = time_travel.to_next_authenticator_step()
    agent.approve()
    expect(agent.status).to_have_text("approved")
    assert exchange.api.coinex_profile(account.id)["phone"] is None
    reset.open()
    reset.assert_step("mobile-reset-done")
    assert_withdrawals_refused_until_exactly_24_hours_after(reset_at, account, "200.00 USDT", "199.00 USDT",
                                                            screen_forms, deliveries, sign_in, time_travel)


@pytest.mark.behaviour("CX-FORGOT-02")
def test_forgot_password_in_the_reset_leads_to_documents_then_the_password_can_be_reset(
        page, accounts, exchange, time_travel, deliveries):
    seeded = only_phone_bound(accounts, exchange)  # would get questions with its password
    account = seeded.account
    reset = MobileResetPage(page).open()
    reset.confirm_reset()
    mark = deliveries.mark()
    reset.forgot_password(account.email)
    reset.enter_email_code(deliveries.email_code(account.email, "mobile reset", since=mark))
    reset.assert_step("mobile-reset-documents")
    _submit(page, reset)
    reset.assert_step("mobile-reset-pending")
    (review,) = exchange.api.reviews(account.id)
    exchange.api.decide_review(review["id"], approve=True)
    reset.open()
    reset.assert_step("mobile-reset-done")
    assert exchange.api.coinex_profile(account.id)["phone"] is None

    LoginPage(page).open().forgot_password()  # the mobile no longer blocks it: reset the password now
    forgot = ForgotPasswordPage(page)
    mark = deliveries.mark()
    forgot.submit_identifier(account.email)
    forgot.pass_robot_check()
    forgot.submit_code(deliveries.email_code(account.email, "password reset code", since=mark))
    new_password = accounts.new_password()
    forgot.set_new_password(new_password)
    forgot.assert_step("forgot-done")
    LoginPage(page).open().login(account.email, new_password)
    AccountPage(page).assert_current()
