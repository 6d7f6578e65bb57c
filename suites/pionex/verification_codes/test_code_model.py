"""Pionex login codes against a model written from the seeds and the catalogue's safer readings
(suites/pionex/rule_models.py CodeModel): each code sent replaces the one before, works once and
for 10 minutes; Resend waits 60 seconds; wrong, replaced, used and expired codes count towards the
lock of seeds/000 line 23 together with wrong passwords.

Hypothesis drives random sequences through the forms the verification screens post: sign-ins
with the right or a wrong password, the latest, a replaced, a used or a wrong code, Resend, and
clock moves up to and across 60 seconds, 10 minutes, 30 minutes and an hour idle. Every answer is compared
with the model's. Seeded and bounded; a failure shrinks to its shortest sequence.
"""

from datetime import timedelta

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from suites.pionex.promises import LOCKOUT_THRESHOLD
from suites.pionex.rule_models import CODE_LIFETIME, LOCK, RESEND_COOLDOWN, CodeModel, attempts_left


def _seconds(delta: timedelta) -> int:
    return int(delta.total_seconds())


def _observed(answer) -> str:
    if answer.signed_in:
        return "signed in"
    if answer.asks_for_code and answer.code_error is None and answer.code_notice is None:
        return "asks for code"
    if answer.lockout_message is not None:
        return "locked"
    if answer.path == "/login" and answer.login_error is None:
        return "signed out"
    words = " ".join(filter(None, (answer.code_error, answer.code_notice, answer.login_error)))
    if "new code was sent" in words:
        return "sent"
    if wait := next((w for w in words.split("Wait ")[1:2]), None):
        return f"wait {wait.split()[0]} seconds"
    for left in range(LOCKOUT_THRESHOLD, 0, -1):
        if attempts_left(left) in words:
            return attempts_left(left)
    return f"unexpected answer: {answer} {words!r}"


@pytest.mark.behaviour("PX-CODE-02", "PX-LOCK-05", "SEC-OTP-01", "SEC-OTP-02")
def test_random_codes_resends_and_clock_moves_agree_with_the_code_model(
        accounts, screen_forms, deliveries, time_travel, run_model):
    class Codes(RuleBasedStateMachine):
        @initialize()
        def new_account(self):
            self.account = accounts.create(factors=("email",))
            self.model = CodeModel(time_travel.now())
            self.forms, self.codes = None, []

        def _compare(self, what: str, answer, expected: str) -> None:
            got = _observed(answer)
            assert got == expected, (f"{what} at {self.model.now.isoformat()} (last code sent "
                                     f"{self.model.sent_at}): the screen said {got!r}, the seeds say {expected!r}")

        def _code_sent_since(self, mark: int) -> str:
            code = deliveries.email_code(self.account.email, "login verification code", since=mark)
            self.model.sent(code)
            self.codes.append(code)
            return code

        @precondition(lambda self: not self.model.pending)
        @rule(right=st.sampled_from([True, False, False]))
        def sign_in(self, right):
            self.forms, mark = screen_forms(), deliveries.mark()
            password = self.account.password if right else self.account.password + "!"
            answer = self.forms.login(self.account.email, password)
            expected = self.model.password() if right else self.model.lock.attempt(right=False)
            self._compare(f"a sign-in with the {'right' if right else 'wrong'} password", answer, expected)
            if expected == "asks for code":
                self._code_sent_since(mark)

        @precondition(lambda self: self.model.pending)
        @rule(which=st.sampled_from(["latest", "latest", "replaced", "used", "wrong"]))
        def submit_a_code(self, which):
            latest = self.codes[-1]
            code = {"latest": latest, "replaced": self.codes[-2] if len(self.codes) > 1 else latest,
                    "used": next(iter(self.model.used), latest),
                    "wrong": f"{(int(latest) + 1) % 1_000_000:06d}"}[which]
            answer = self.forms.submit_code(code)
            self._compare(f"the {which} code {code}", answer, self.model.submit(code))

        @precondition(lambda self: self.model.pending)
        @rule()
        def resend(self):
            mark = deliveries.mark()
            answer = self.forms.resend_code()
            expected = self.model.resend()
            self._compare("Resend", answer, expected)
            if expected == "sent":
                self._code_sent_since(mark)

        @rule(seconds=st.one_of(st.integers(0, 30),
                                st.integers(_seconds(RESEND_COOLDOWN) - 2, _seconds(RESEND_COOLDOWN) + 1),
                                st.integers(_seconds(CODE_LIFETIME) - 2, _seconds(CODE_LIFETIME) + 1),
                                st.integers(_seconds(LOCK) - 2, _seconds(LOCK) + 1)))
        def time_passes(self, seconds):
            self.model.now = time_travel.advance(timedelta(seconds=seconds))

        @invariant()
        def clocks_agree(self):
            if hasattr(self, "model"):
                assert time_travel.now() == self.model.now

    run_model(Codes, examples=10, steps=15)
