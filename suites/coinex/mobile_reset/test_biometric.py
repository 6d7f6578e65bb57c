"""CoinEx: biometric verification in the mobile reset and its manual review (seeds/004 lines 18-33).

The page captures a frame with getUserMedia; Chromium runs with a fake camera
(--use-fake-device-for-media-stream --use-fake-ui-for-media-stream, fixtures/browser.py).
"""

import pytest
from playwright.sync_api import expect

from pages.mobile_reset_page import MobileResetPage
from pages.support_ticket_page import ReviewChecklistPage
from suites.coinex.mobile_reset.helpers import only_phone_bound, through_email_code
from suites.coinex.promises import FACE_TIPS
from suites.coinex.withdrawal_hold.hold_checks import assert_withdrawals_refused_until_exactly_24_hours_after


def _to_capture(page, accounts, exchange, time_travel, deliveries, device="Continue on this device"):
    seeded = only_phone_bound(accounts, exchange, kyc_level=1, factors=("sms", "totp"))
    reset = through_email_code(page, deliveries, seeded.account)
    reset.assert_step("mobile-reset-biometric")
    reset.click("Facial Recognition")
    reset.click("Continue")
    reset.click(device)
    return seeded.account, reset


@pytest.mark.behaviour("CX-BIO-03", "CX-BIO-04", "CX-BIO-05", "CX-HOLD-01")
@pytest.mark.variant(decision="approve", route="biometric")
def test_face_capture_goes_to_review_the_mobile_stays_until_approved_then_withdrawals_wait_24_hours(
        page, accounts, exchange, time_travel, deliveries, support_agent, screen_forms, sign_in):
    account, reset = _to_capture(page, accounts, exchange, time_travel, deliveries)
    reset.choose_country("Sweden")
    for tip in FACE_TIPS:
        expect(reset.face_tips).to_contain_text(tip)
    reset.click("Continue")
    expect(reset.camera_status).to_contain_text("Camera ready")
    reset.capture_face()
    reset.assert_step("mobile-reset-pending")
    expect(reset.pending).to_contain_text("not reset until a reviewer approves")

    (review,) = exchange.api.reviews(account.id)
    assert review["kind"] == "mobile_reset_biometric" and review["status"] == "pending"
    assert exchange.api.coinex_profile(account.id)["phone"] == account.phone
    agent = ReviewChecklistPage(support_agent.page)
    agent.open_review(review["id"])
    expect(agent.evidence).to_have_count(1)
    agent.record_checklist("captured face matches", "proves ownership")
    reset_at = time_travel.to_next_authenticator_step()
    agent.approve("Face matches the ID photo; Primary verification proves ownership")
    expect(agent.status).to_have_text("approved")
    assert exchange.api.coinex_profile(account.id)["phone"] is None
    reset.open()
    reset.assert_step("mobile-reset-done")
    assert_withdrawals_refused_until_exactly_24_hours_after(reset_at, account, "200.00 USDT", "199.00 USDT",
                                                            screen_forms, deliveries, sign_in, time_travel)


@pytest.mark.behaviour("CX-BIO-03")
def test_continue_on_phone_carries_the_check_over_to_the_phone(
        page, device_page, accounts, exchange, time_travel, deliveries):
    account, reset = _to_capture(page, accounts, exchange, time_travel, deliveries, device="Continue on phone")
    link = reset.handoff_link.get_attribute("href")
    phone = MobileResetPage(device_page("Pixel 7"))
    phone.page.goto(link)
    phone.assert_step("mobile-reset-biometric")
    phone.choose_country("Sweden")
    expect(phone.face_tips).to_be_visible()


@pytest.mark.behaviour("CX-BIO-05", "CX-BIO-06")
@pytest.mark.variant(decision="reject")
def test_reviewer_rejects_when_primary_verification_cannot_prove_ownership(
        page, accounts, exchange, time_travel, deliveries, support_agent):
    account, reset = _to_capture(page, accounts, exchange, time_travel, deliveries)
    reset.choose_country("Sweden")
    reset.click("Continue")
    expect(reset.camera_status).to_contain_text("Camera ready")
    reset.capture_face()
    reset.assert_step("mobile-reset-pending")
    (review,) = exchange.api.reviews(account.id)

    agent = ReviewChecklistPage(support_agent.page)
    agent.open_review(review["id"])
    expect(agent.evidence).to_have_count(1)
    agent.record_checklist("captured face matches")  # the face passed; ownership not proven
    expect(agent.error).to_contain_text("cannot be approved")
    agent.approve("face ok")
    expect(agent.error).to_contain_text("Verify")
    expect(agent.status).to_have_text("pending")
    agent.reject("Primary verification does not prove ownership")
    expect(agent.status).to_have_text("rejected")

    assert exchange.api.coinex_profile(account.id)["phone"] == account.phone
    mark = deliveries.mark()
    reset.open()
    reset.assert_step("mobile-reset-rejected")
    expect(reset.rejected).to_contain_text("Additional information is required")
    reset.submit_documents_instead()
    reset.assert_step("mobile-reset-documents")
    del mark
