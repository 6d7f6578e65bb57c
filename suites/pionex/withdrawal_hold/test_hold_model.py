"""Pionex withdrawal holds and re-use blocks against a model written from the seeds alone,
driven by Hypothesis through random sequences of security changes, withdrawals, sign-ups and
clock moves.

The model (seeds/001 lines 18, 24-28, 48-55): a password reset, an e-mail change and an SMS
unbind each suspend withdrawals for 24 hours from that change (a change inside a running hold
counts its own 24 hours: the catalogue's safer reading); an address or number taken off the
account cannot register again for 30 days; changing the e-mail needs SMS verification bound.
Each step posts the forms the screens post and compares the answer with the model: a
withdrawal is refused exactly while a hold runs, a sign-up with an unbound address exactly
while its block runs, a change of e-mail exactly while SMS is unbound. Seeded (derandomize)
and bounded; Hypothesis shrinks a failure to its shortest sequence and prints its steps.
"""

from datetime import timedelta

import pytest
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule

from suites.pionex.rule_models import BLOCK, HOLD, AccountRules

HOLD_SECONDS, BLOCK_SECONDS = int(HOLD.total_seconds()), int(BLOCK.total_seconds())
ADDRESS = "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE"


@pytest.mark.behaviour("PX-HOLD-01", "PX-HOLD-03", "PX-HOLD-04", "PX-REUSE-01", "PX-EMAIL-02")
def test_random_security_changes_withdrawals_and_sign_ups_agree_with_the_hold_and_block_model(
        accounts, screen_forms, deliveries, sign_in, time_travel, run_model):
    class Holds(RuleBasedStateMachine):
        @initialize()
        def new_account(self):
            phone, _ = accounts.new_phone()
            self.account = accounts.create(factors=("email", "sms", "totp"), phone=phone, balance_usdt=1000)
            self.model = AccountRules(self.account.email, phone, self.account.password)

        def _signed_in(self):
            return sign_in.through_forms(screen_forms(), self.account, self.model.email, self.model.password)

        def _unbind_with_codes(self, forms, channel: str):
            """Unbinds the channel; returns the server's time of the change (after the code
            from the authenticator, which may have moved the clock on to a fresh 30-second step)."""
            forms.start_unbind(channel)
            mark = deliveries.mark()
            forms.confirm_unbind_authenticator(channel, sign_in.totp(self.account))
            at = time_travel.now()
            assert forms.confirm_unbind_codes(channel, deliveries.email_code(self.model.email, "unbind", since=mark),
                                              deliveries.sms_code(self.model.phone, "unbind")).step in (
                "unbind-done", "change-email-new")
            return at

        @rule()
        def reset_the_password(self):
            forms = screen_forms()
            mark = deliveries.mark()
            forms.forgot_password(self.model.email)
            forms.confirm_reset_code(deliveries.email_code(self.model.email, "password reset code", since=mark))
            new_password, at = accounts.new_password(), time_travel.now()
            assert forms.set_new_password(new_password).step == "forgot-done"
            self.model.password = new_password
            self.model.change(at)

        @rule()
        def change_the_email(self):
            forms = self._signed_in()
            refused = forms.unbind_screen("email").step == "unbind-refused"
            assert refused == (not self.model.sms_bound), (
                f"changing the e-mail {'was refused' if refused else 'went ahead'} with SMS "
                f"{'bound' if self.model.sms_bound else 'unbound'} "
                "(seeds/001 line 24: it needs SMS and Google Authenticator)")
            if refused:
                return
            self._unbind_with_codes(forms, "email")
            new_email, mark = accounts.new_email(), deliveries.mark()
            forms.enter_new_email(new_email)
            code, at = deliveries.email_code(new_email, "change email", since=mark), time_travel.now()
            assert forms.confirm_new_email(code).step == "change-email-done"
            self.model.unbound("email", self.model.email, at)
            self.model.email = new_email

        @precondition(lambda self: self.model.sms_bound)
        @rule()
        def unbind_sms(self):
            forms = self._signed_in()
            at = self._unbind_with_codes(forms, "sms")
            self.model.sms_bound = False
            self.model.unbound("phone", self.model.phone, at)

        @rule(at_the_end=st.sampled_from([None, -1, 0]))
        def withdraw(self, at_the_end):
            """Now, or one second before or exactly at the end of the running hold."""
            forms = self._signed_in()
            if at_the_end is not None and self.model.held(time_travel.now()):
                time_travel.to(self.model.hold_until - timedelta(minutes=2))
                forms = self._signed_in()
                time_travel.to(self.model.hold_until + timedelta(seconds=at_the_end))
            mark = deliveries.mark()
            forms.send_withdrawal_codes()
            codes = {"totp": sign_in.totp(self.account),
                     "email": deliveries.email_code(self.model.email, "withdraw", since=mark)}
            if self.model.sms_bound:
                codes["sms"] = deliveries.sms_code(self.model.phone, "withdraw")
            at = time_travel.now()
            answer = forms.withdraw(ADDRESS, "1", **codes)
            held = self.model.held(at)
            assert bool(answer.withdrawal_done) == (not held), (
                f"a withdrawal at {at.isoformat()} with the hold ending {self.model.hold_until}: "
                f"{answer.withdrawal_done or answer.withdrawal_error!r}")
            if not held:
                self.model.balance -= 1
            assert answer.balance == f"{self.model.balance:,.2f} USDT"

        @precondition(lambda self: self.model.blocked)
        @rule(data=st.data(), at_the_end=st.sampled_from([None, -1, 0]))
        def sign_up_with_an_unbound_address(self, data, at_the_end):
            kind, value = data.draw(st.sampled_from(sorted(self.model.blocked)))
            if at_the_end is not None and self.model.blocks(kind, value, time_travel.now()):
                time_travel.to(self.model.blocked[(kind, value)] + timedelta(seconds=at_the_end))
            forms, at = screen_forms(), time_travel.now()
            answer = (forms.sign_up(value, accounts.new_password()) if kind == "email"
                      else forms.sign_up_with_phone("SE", "0" + value.removeprefix("+46"), accounts.new_password()))
            error = (answer.email_error if kind == "email" else answer.phone_error) or ""
            refused = "was unbound" in error
            assert refused == self.model.blocks(kind, value, at), (
                f"signing up with the unbound {kind} {value} at {at.isoformat()}, its block ending "
                f"{self.model.blocked[(kind, value)].isoformat()}: {error or answer!s}")
            if not refused:  # registered, or on its way: the model no longer follows that address
                del self.model.blocked[(kind, value)]

        @rule(seconds=st.one_of(st.integers(0, 3_600), st.integers(HOLD_SECONDS - 60, HOLD_SECONDS + 60),
                                st.integers(BLOCK_SECONDS - 60, BLOCK_SECONDS + 60)))
        def time_passes(self, seconds):
            time_travel.advance(timedelta(seconds=seconds))

    run_model(Holds, examples=8, steps=10)
