"""The 24-hour withdrawal suspension after a mobile reset, checked at its two edges (seeds/004
lines 43-44), whichever way the reset went: questions, biometrics or documents."""

from __future__ import annotations

from datetime import datetime, timedelta

from suites.coinex.promises import MOBILE_RESET_HOLD_HOURS

HOLD = timedelta(hours=MOBILE_RESET_HOLD_HOURS)
ADDRESS = "TQn9Y2khEsLJW1ChVWFMSMeRDow5KcbLSE"
REASON = "mobile number was reset"


def _withdraw(forms, account, deliveries, sign_in):
    """A withdrawal of 1 USDT confirmed with what is left after the reset: the authenticator, or
    a code to the e-mail when no factor is bound any more."""
    mark = deliveries.mark()
    forms.send_withdrawal_codes()
    code = ({"totp": sign_in.totp(account)} if account.totp_secret
            else {"email": deliveries.email_code(account.email, "withdraw", since=mark)})
    return forms.withdraw(ADDRESS, "1", **code)


def assert_withdrawals_refused_until_exactly_24_hours_after(reset_at: datetime, account, balance: str, left: str,
                                                            screen_forms, deliveries, sign_in, time_travel) -> None:
    """Refused one second before reset_at + 24 h, allowed at it; the page names the end and why."""
    hold_ends = reset_at + HOLD
    forms = sign_in.through_forms(screen_forms(), account)
    shown = forms.withdrawal_page()
    assert shown.hold_until == hold_ends, (
        f"the suspension should end {MOBILE_RESET_HOLD_HOURS} hours after the reset, "
        f"at {hold_ends:%Y-%m-%d %H:%M:%S}; the withdrawal page shows {shown.hold_banner!r}")
    assert REASON in (shown.hold_banner or ""), shown.hold_banner

    time_travel.to(hold_ends - timedelta(minutes=2))
    forms = sign_in.through_forms(screen_forms(), account)  # a day's sessions end
    time_travel.to(hold_ends - timedelta(seconds=1))
    refused = _withdraw(forms, account, deliveries, sign_in)
    assert refused.withdrawal_error and "suspended" in refused.withdrawal_error, f"{refused}: {refused.withdrawal_done}"
    assert REASON in refused.withdrawal_error
    assert refused.balance == balance

    time_travel.to(hold_ends)
    allowed = _withdraw(forms, account, deliveries, sign_in)
    assert time_travel.now() == hold_ends, "the withdrawal must be tried at the suspension's end exactly"
    assert allowed.withdrawal_done, f"{allowed}: {allowed.withdrawal_error}"
    assert allowed.balance == left
