"""Pionex lost-2FA review due dates against the seeds' calendar (rule_models.review_due:
3 business days, weekends and national holidays excluded, the day of submission not counted),
for requests made at moments Hypothesis picks: any hour, across midnight, weekends and the
holidays of a year. Each request posts the forms the lost-2FA screen posts and compares the due
date the confirmation shows with the model's. Seeded and bounded.
"""

from datetime import datetime, time, timedelta

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, rule

from suites.pionex.rule_models import review_due


@pytest.mark.behaviour("PX-LOSTGA-04")
def test_requests_made_at_random_moments_are_due_when_the_seeds_calendar_says(
        screen_forms, accounts, deliveries, time_travel, run_model):
    class Reviews(RuleBasedStateMachine):
        @rule()
        def request_a_review(self):
            account = accounts.create(factors=("totp",), balance_usdt=10)
            forms = screen_forms()
            forms.login(account.email, account.password)
            mark = deliveries.mark()
            forms.request_lost_2fa_code()
            code = deliveries.email_code(account.email, "lost 2fa", since=mark)
            submitted = time_travel.now()
            due = forms.submit_lost_2fa_request(code, submitted.strftime("%Y-%m"), "10")
            assert due == review_due(submitted.date()), (
                f"made {submitted:%A %d %B %Y %H:%M:%S} UTC, due {due:%A %d %B}; "
                f"the seeds give {review_due(submitted.date()):%A %d %B}")

        @rule(days=st.integers(0, 40), hours=st.integers(0, 23))
        def time_passes(self, days, hours):
            time_travel.advance(timedelta(days=days, hours=hours))

        @rule(second=st.sampled_from([-1, 0]))
        def to_midnight(self, second):
            """One second before the next midnight, or midnight itself: the day the request is made."""
            now = time_travel.now()
            midnight = datetime.combine(now.date() + timedelta(days=1), time(0), tzinfo=now.tzinfo)
            time_travel.to(midnight + timedelta(seconds=second))

    run_model(Reviews, examples=6, steps=12)
