"""CoinEx: withdrawals are suspended for 24 hours after a mobile reset (seeds/004 lines 43-44).

The reset is made through the screens that make it: here by the security questions; the
biometric and document routes end with a reviewer's approval (suites/coinex/mobile_reset).
"""

import pytest

from suites.coinex.mobile_reset.helpers import answer_right, only_phone_bound, through_email_code
from suites.coinex.withdrawal_hold.hold_checks import assert_withdrawals_refused_until_exactly_24_hours_after


@pytest.mark.behaviour("CX-HOLD-01")
@pytest.mark.variant(route="questions")
def test_withdrawals_wait_exactly_24_hours_after_a_mobile_reset_by_security_questions(
        page, accounts, exchange, screen_forms, deliveries, sign_in, time_travel):
    seeded = only_phone_bound(accounts, exchange, balance_usdt=500)
    reset = through_email_code(page, deliveries, seeded.account)
    reset.assert_step("mobile-reset-attention")
    reset.start_questions()
    reset_at = time_travel.to_next_authenticator_step()
    answer_right(reset, seeded)
    reset.assert_step("mobile-reset-done")
    assert_withdrawals_refused_until_exactly_24_hours_after(reset_at, seeded.account, "500.00 USDT", "499.00 USDT",
                                                            screen_forms, deliveries, sign_in, time_travel)
