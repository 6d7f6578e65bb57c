"""CoinEx: the system picks the information check from the account's state (seeds/004 lines 1-3, 10, 18-22)."""

import pytest

from pages.mobile_reset_page import MobileResetPage
from suites.coinex.mobile_reset.helpers import only_phone_bound, through_email_code
from suites.coinex.promises import HIGH_VALUE_USDT, SECURITY_QUESTION_ATTEMPTS


@pytest.mark.behaviour("CX-MRESET-01", "CX-MRESET-06", "CX-BIO-01")
@pytest.mark.parametrize(("case", "setup", "expected"), [
    ("only the phone bound", {}, "mobile-reset-attention"),
    ("phone and authenticator unavailable, no Primary verification", {"factors": ("sms", "totp")},
     "mobile-reset-documents"),
    ("phone and authenticator unavailable, Primary verification", {"factors": ("sms", "totp"), "kyc_level": 1},
     "mobile-reset-biometric"),
])
def test_the_system_not_the_user_picks_the_check(
        page, accounts, exchange, time_travel, deliveries, case, setup, expected):
    seeded = only_phone_bound(accounts, exchange, **setup)
    reset = through_email_code(page, deliveries, seeded.account)
    reset.assert_step(expected)
    if expected != "mobile-reset-attention":  # no way to ask for the questions instead
        assert reset.post_form("/reset-mobile/questions/start").status >= 400
        reset.open()
        reset.assert_step(expected)


@pytest.mark.behaviour("CX-BIO-02")
@pytest.mark.parametrize("trigger", ["attempts-used-up", "security-tool-unavailable", "password-unavailable",
                                     "high-value"])
def test_each_trigger_the_seed_names_sends_the_reset_to_manual_review(
        page, accounts, exchange, time_travel, deliveries, trigger):
    """seeds/004 lines 19-22 name three circumstances (the second with two tools): each one alone
    replaces the questions with the biometric review (the account has Primary verification)."""
    setup = {"kyc_level": 1}
    if trigger == "attempts-used-up":
        setup["question_failures"] = SECURITY_QUESTION_ATTEMPTS
    if trigger == "security-tool-unavailable":  # the authenticator is bound besides the phone
        setup["factors"] = ("sms", "totp")
    if trigger == "high-value":
        setup["balance_usdt"] = HIGH_VALUE_USDT + 1
    seeded = only_phone_bound(accounts, exchange, **setup)
    account = seeded.account
    reset = MobileResetPage(page)
    if trigger == "password-unavailable":
        reset.open()
        reset.confirm_reset()
        mark = deliveries.mark()
        reset.forgot_password(account.email)
        reset.enter_email_code(deliveries.email_code(account.email, "mobile reset", since=mark))
    else:
        reset = through_email_code(page, deliveries, account)
    reset.assert_step("mobile-reset-biometric")


@pytest.mark.behaviour("CX-BIO-02")
def test_a_balance_at_the_threshold_still_gets_the_questions(page, accounts, exchange, time_travel, deliveries):
    seeded = only_phone_bound(accounts, exchange, kyc_level=1, balance_usdt=HIGH_VALUE_USDT)
    through_email_code(page, deliveries, seeded.account).assert_step("mobile-reset-attention")
