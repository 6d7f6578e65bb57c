"""Pionex lockout against a model written from the seed alone (seeds/000 line 23, with the
catalogue's safer readings PX-LOCK-04..07), driven by Hypothesis through random sequences.

The model: consecutive wrong passwords for one account, by e-mail or phone, count up; the 5th
locks it for 30 minutes from that moment; while locked every attempt is refused, the right
password too, and counts for nothing; the lock lifts by itself at 30:00 and the count starts
afresh; a successful sign-in resets the count. Each step is a sign-in by either identifier with
the right or a wrong password, or a move of the clock by a random amount across the boundaries.
Every answer the login form gives is compared with the model's. Seeded (derandomize) and bounded,
so a failure replays; Hypothesis shrinks it to the shortest sequence and prints its steps.
"""

from datetime import timedelta

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from suites.pionex.promises import LOCKOUT_THRESHOLD
from suites.pionex.rule_models import LOCK, LockoutModel, attempts_left


def _observed(answer) -> str:
    if answer.signed_in:
        return "signed in"
    if answer.lockout_message is not None:
        return "locked"
    error = answer.login_error or ""
    for left in range(LOCKOUT_THRESHOLD, 0, -1):
        if attempts_left(left) in error:
            return attempts_left(left)
    return f"unexpected answer: {answer} {error!r}"


@pytest.mark.behaviour("PX-LOCK-01", "PX-LOCK-02", "PX-LOCK-04", "PX-LOCK-06", "PX-LOCK-07")
def test_random_sign_ins_and_clock_moves_agree_with_the_lockout_model(accounts, screen_forms, time_travel, run_model):
    class Lockout(RuleBasedStateMachine):
        @initialize()
        def new_account(self):
            phone, _ = accounts.new_phone()
            self.account = accounts.create(phone=phone)
            self.model = LockoutModel(time_travel.now())

        # wrong passwords three times as often as the right one, so runs of five happen
        @rule(identifier=st.sampled_from(["email", "phone"]), right=st.sampled_from([False, False, False, True]))
        def sign_in(self, identifier, right):
            self._compare(identifier, right)

        def _compare(self, identifier, right):
            password = self.account.password if right else self.account.password + "!"
            forms = screen_forms()  # a fresh visitor: the lock belongs to the account (PX-LOCK-04)
            answer = forms.login_by(identifier, self.account, password)
            expected, got = self.model.attempt(right), _observed(answer)
            assert got == expected, (f"{identifier}, {'right' if right else 'wrong'} password at "
                                     f"{self.model.now.isoformat()}: the login form said {got!r}, "
                                     f"the seeds say {expected!r}")

        @precondition(lambda self: self.model.locked())
        @rule(offset=st.integers(-1, 1), identifier=st.sampled_from(["email", "phone"]), right=st.booleans())
        def sign_in_at_the_end_of_the_lock(self, offset, identifier, right):
            """29:59, 30:00 or 30:01 after the lock began, then a sign-in."""
            self.model.now = time_travel.to(self.model.locked_until + timedelta(seconds=offset))
            self._compare(identifier, right)

        @rule(seconds=st.one_of(st.integers(0, 120), st.integers(LOCK.seconds - 2, LOCK.seconds + 2),
                                st.integers(0, 2 * LOCK.seconds)))
        def time_passes(self, seconds):
            self.model.now = time_travel.advance(timedelta(seconds=seconds))

        @invariant()
        def clocks_agree(self):
            if hasattr(self, "model"):
                assert time_travel.now() == self.model.now

    run_model(Lockout, examples=15, steps=20)
