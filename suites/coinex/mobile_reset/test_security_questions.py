"""CoinEx: resetting the mobile number with security questions (seeds/004 lines 2-17, 43-45)."""

import re

import pytest
from playwright.sync_api import expect

from pages import AccountPage, LoginPage, VerificationPage
from pages.help_center_page import HelpCenterPage
from pages.mobile_reset_page import MobileResetPage
from suites.coinex.mobile_reset.helpers import answer_right, answer_wrong, only_phone_bound, through_email_code
from suites.coinex.promises import SECURITY_QUESTION_ATTEMPTS, SECURITY_QUESTION_COUNT

NOT_HELD = "SOL"  # a coin the seeded account does not hold (it holds BTC, ETH and USDT below)


@pytest.mark.behaviour("CX-MRESET-02", "CX-MRESET-03", "CX-MRESET-04")
def test_help_center_reset_needs_i_agree_then_the_right_password(page, accounts, exchange, time_travel, deliveries):
    seeded = only_phone_bound(accounts, exchange)
    account = seeded.account
    HelpCenterPage(page).open().reset_mobile_number()
    reset = MobileResetPage(page)
    reset.assert_step("mobile-reset-instructions")
    expect(reset.instructions).to_be_visible()

    reset.confirm_reset(agree=False)
    reset.assert_step("mobile-reset-instructions")
    expect(reset.error).to_contain_text("I Agree")
    reset.confirm_reset()
    reset.assert_step("mobile-reset-credentials")

    mark = deliveries.mark()
    reset.enter_credentials(account.email, account.password.swapcase())
    reset.assert_step("mobile-reset-credentials")
    expect(reset.error).to_contain_text("Incorrect e-mail or password")
    assert deliveries.emails_to(account.email, since=mark) == []
    reset.enter_credentials(account.email, account.password)
    reset.assert_step("mobile-reset-code")


@pytest.mark.behaviour("CX-MRESET-02")
def test_security_verification_unavailable_on_the_login_step_opens_the_reset(page, accounts):
    phone, _ = accounts.new_phone()
    account = accounts.create(factors=("sms",), phone=phone)
    LoginPage(page).open().login(account.email, account.password)
    verification = VerificationPage(page)
    verification.assert_current()
    verification.security_verification_unavailable()
    MobileResetPage(page).assert_step("mobile-reset-instructions")


@pytest.mark.behaviour("CX-MRESET-05")
def test_no_information_check_before_the_email_code(page, accounts, exchange, time_travel, deliveries):
    seeded = only_phone_bound(accounts, exchange)
    account = seeded.account
    reset = MobileResetPage(page).open()
    reset.confirm_reset()
    mark = deliveries.mark()
    reset.enter_credentials(account.email, account.password)
    code = deliveries.email_code(account.email, "mobile reset", since=mark)

    skipped = reset.post_form("/reset-mobile/questions/start")
    assert skipped.status == 409  # the questions are not open before the code
    reset.enter_email_code(f"{(int(code) + 1) % 1_000_000:06d}")
    reset.assert_step("mobile-reset-code")
    expect(reset.error).to_contain_text("wrong or has expired")
    reset.enter_email_code(code)
    reset.assert_step("mobile-reset-attention")


@pytest.mark.behaviour("CX-SECQ-01", "CX-SECQ-02", "CX-MRESET-07", "CX-MRESET-08", "SEC-NOTICE-01")
@pytest.mark.variant(answer_shape=["single", "multiple"])
def test_four_right_answers_reset_the_mobile_and_back_leads_to_login(page, accounts, exchange, time_travel, deliveries):
    seeded = only_phone_bound(accounts, exchange)
    account = seeded.account
    reset = through_email_code(page, deliveries, account)
    reset.assert_step("mobile-reset-attention")
    expect(reset.attention).to_contain_text(f"{SECURITY_QUESTION_COUNT} questions")
    reset.start_questions()
    expect(reset.questions).to_have_count(SECURITY_QUESTION_COUNT)
    assert set(reset.question_kinds()) == {"single", "multiple"}
    assert exchange.api.coinex_profile(account.id)["phone"] == account.phone

    mark = deliveries.mark()
    answer_right(reset, seeded)
    reset.assert_step("mobile-reset-done")
    expect(reset.done).to_contain_text("reset successfully")
    notice = deliveries.email(account.email, "mobile number was reset", since=mark)  # SEC-NOTICE-01
    assert "mobile verification is disabled" in notice.body
    state = exchange.api.coinex_profile(account.id)
    assert state["phone"] is None and state["sms_2fa"] is False
    sms_before = len(exchange.api.sms(account.phone))

    reset.back_to_login()
    login = LoginPage(page)
    login.assert_current()
    login.login(account.email, account.password)  # mobile verification is no longer asked
    account_page = AccountPage(page)
    account_page.assert_current()
    expect(account_page.mobile_reset_banner).to_contain_text("mobile verification is disabled")
    expect(account_page.bind_2fa_link).to_be_visible()
    expect(account_page.rebind_mobile_link).to_be_visible()
    assert len(exchange.api.sms(account.phone)) == sms_before  # nothing went to the old number


@pytest.mark.behaviour("CX-SECQ-01", "CX-SECQ-02", "CX-SECQ-04")
@pytest.mark.variant(answer_shape="single")
def test_one_wrong_answer_fails_the_attempt_without_saying_which_then_continue(
        page, accounts, exchange, time_travel, deliveries):
    seeded = only_phone_bound(accounts, exchange)
    account = seeded.account
    reset = through_email_code(page, deliveries, account)
    reset.start_questions()
    answer_wrong(reset, seeded)
    reset.assert_step("mobile-reset-questions-failed")
    expect(reset.failed).to_contain_text(f"{SECURITY_QUESTION_ATTEMPTS - 1} attempts left")
    expect(reset.failed).not_to_contain_text(re.compile("bot|coin|deposit|month", re.I))
    expect(reset.submit_documents_button).to_be_visible()
    assert exchange.api.coinex_profile(account.id)["phone"] == account.phone

    reset.continue_questions()
    reset.assert_step("mobile-reset-questions")
    answer_right(reset, seeded)
    reset.assert_step("mobile-reset-done")


@pytest.mark.behaviour("CX-SECQ-04")
def test_submit_documents_after_a_failed_attempt_opens_the_document_review(
        page, accounts, exchange, time_travel, deliveries):
    seeded = only_phone_bound(accounts, exchange)
    reset = through_email_code(page, deliveries, seeded.account)
    reset.start_questions()
    answer_wrong(reset, seeded)
    reset.submit_documents_instead()
    reset.assert_step("mobile-reset-documents")


@pytest.mark.behaviour("CX-SECQ-03", "CX-SECQ-05")
def test_after_three_failed_attempts_only_documents_remain(
        page, new_context, accounts, exchange, time_travel, deliveries):
    seeded = only_phone_bound(accounts, exchange)
    account = seeded.account
    reset = through_email_code(page, deliveries, account)
    reset.start_questions()
    for attempt in range(1, SECURITY_QUESTION_ATTEMPTS + 1):
        answer_wrong(reset, seeded)
        reset.assert_step("mobile-reset-questions-failed")
        if attempt < SECURITY_QUESTION_ATTEMPTS:
            reset.continue_questions()
    expect(reset.failed).to_contain_text("only reset your mobile by submitting documents")
    expect(reset.continue_button).to_have_count(0)
    assert reset.post_form("/reset-mobile/questions/start").status == 403
    assert exchange.api.coinex_profile(account.id)["phone"] == account.phone

    elsewhere = MobileResetPage(new_context().new_page())  # a fresh start does not bring attempts back
    mark = deliveries.mark()
    elsewhere.start_through(account.email, account.password,
                            lambda: deliveries.email_code(account.email, "mobile reset", since=mark))
    elsewhere.assert_step("mobile-reset-documents")


@pytest.mark.behaviour("CX-SECQ-01", "CX-SECQ-02")
@pytest.mark.variant(answer_shape="multiple")
@pytest.mark.parametrize("ticked", ["a subset", "a superset"])
def test_a_multiple_choice_answer_passes_only_with_exactly_the_held_coins(
        ticked, screen_forms, accounts, exchange, deliveries):
    """seeds/004:13-14: answer "based on your actual account details"; only all-correct resets. Ticking
    some of the held coins, or one coin more, is a wrong answer even with the other three right."""
    seeded = only_phone_bound(accounts, exchange, holdings=("BTC", "ETH", "USDT"))
    account = seeded.account
    visitor = screen_forms()
    mark = deliveries.mark()
    visitor.start_mobile_reset(account.email, account.password,
                               lambda: deliveries.email_code(account.email, "mobile reset", since=mark))
    assert visitor.start_questions().step == "mobile-reset-questions"

    coins = seeded.coins[:-1] if ticked == "a subset" else (*seeded.coins, NOT_HELD)
    failed = visitor.answer_questions(seeded.registered, coins, seeded.deposit, seeded.bots)
    assert failed.step == "mobile-reset-questions-failed", failed
    assert f"{SECURITY_QUESTION_ATTEMPTS - 1} attempts left" in failed.questions_failed
    assert exchange.api.coinex_profile(account.id)["phone"] == account.phone

    assert visitor.continue_questions().step == "mobile-reset-questions"
    done = visitor.answer_questions(seeded.registered, seeded.coins, seeded.deposit, seeded.bots)
    assert done.step == "mobile-reset-done", done
    assert exchange.api.coinex_profile(account.id)["phone"] is None
