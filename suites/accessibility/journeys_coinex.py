"""Journeys through the CoinEx flows with many steps on one URL: Reset Mobile Number (help centre
wizard) and Security -> Mobile (change or unbind). Each ends on the step to audit."""

from __future__ import annotations

from pages.mobile_change_page import MobileChangePage
from pages.mobile_reset_page import MobileResetPage
from suites.coinex.evidence import png
from suites.coinex.mobile_reset.helpers import (
    answer_wrong,
    only_phone_bound,
    through_email_code,
)

from .driver import Driver
from .journeys_public import WRONG_CODE

# --- Reset Mobile Number ---------------------------------------------------------------------------


def reset_instructions_error(d: Driver) -> None:
    MobileResetPage(d.page).open().confirm_reset(agree=False)


def reset_credentials(d: Driver) -> None:
    MobileResetPage(d.page).open().confirm_reset()


def reset_credentials_error(d: Driver) -> None:
    reset_credentials(d)
    MobileResetPage(d.page).enter_credentials(d.accounts.new_email(), "wrong password")


def reset_code(d: Driver) -> None:
    account = d.with_phone()
    reset = MobileResetPage(d.page).open()
    reset.confirm_reset()
    reset.enter_credentials(account.email, account.password)


def reset_code_error(d: Driver) -> None:
    reset_code(d)
    MobileResetPage(d.page).enter_email_code(WRONG_CODE)


def _past_email_code(d: Driver, **profile):
    seeded = only_phone_bound(d.accounts, d.exchange, **profile)
    return seeded, through_email_code(d.page, d.deliveries, seeded.account)


def reset_attention(d: Driver) -> None:
    _past_email_code(d)


def reset_questions(d: Driver) -> None:
    _, reset = _past_email_code(d)
    reset.start_questions()


def reset_questions_unanswered(d: Driver) -> None:
    reset_questions(d)
    MobileResetPage(d.page).submit_answers()


def reset_questions_failed(d: Driver) -> None:
    seeded, reset = _past_email_code(d)
    reset.start_questions()
    answer_wrong(reset, seeded)


def reset_documents(d: Driver) -> None:
    reset_questions_failed(d)
    MobileResetPage(d.page).submit_documents_instead()


def reset_documents_errors(d: Driver) -> None:
    reset_documents(d)
    MobileResetPage(d.page).submit_documents(None, None, None, None)


def reset_pending(d: Driver) -> None:
    reset_documents(d)
    MobileResetPage(d.page).submit_documents("Successful login notification", png(), "deposit",
                                             png(name="transaction.png"))


def reset_rejected(d: Driver) -> None:
    reset_pending(d)
    (review,) = [r for r in d.api.reviews() if r["status"] == "pending" and r["kind"] == "mobile_reset_documents"][-1:]
    d.api.decide_review(review["id"], approve=False)
    MobileResetPage(d.page).open()


def reset_done(d: Driver) -> None:
    from suites.coinex.mobile_reset.helpers import answer_right

    seeded, reset = _past_email_code(d)
    reset.start_questions()
    answer_right(reset, seeded)


def reset_biometric(stage: str):
    """The biometric path (an account with Primary verification), walked to ``stage``."""
    def journey(d: Driver) -> None:
        _, reset = _past_email_code(d, kyc_level=1, factors=("sms", "totp"))
        if stage == "intro":
            return
        reset.click("Facial Recognition")
        if stage == "continue":
            return
        reset.click("Continue")
        if stage == "device":
            return
        reset.click("Continue on phone" if stage == "country-phone" else "Continue on this device")
        if stage in ("country", "country-phone"):
            return
        reset.choose_country("Sweden")
        if stage == "tips":
            return
        reset.click("Continue")
    return journey


def reset_handoff(d: Driver) -> None:
    reset_biometric("country-phone")(d)
    d.page.goto(MobileResetPage(d.page).handoff_link.get_attribute("href"))


# --- Security -> Mobile ----------------------------------------------------------------------------


def _mobile(d: Driver, action: str | None = None):
    account = d.with_phone(factors=("sms", "totp"))
    d.sign_in.with_session(d.page, account)
    mobile = MobileChangePage(d.page).open()
    if action:
        mobile.choose(action)
    return account, mobile


def mobile_manage(d: Driver) -> None:
    _mobile(d)


def mobile_instructions(action: str):
    def journey(d: Driver) -> None:
        _mobile(d, action)
    return journey


def _mobile_email_step(d: Driver, action: str):
    account, mobile = _mobile(d, action)
    mark = d.deliveries.mark()
    mobile.continue_after_instructions()
    return account, mobile, mark


def mobile_email(d: Driver) -> None:
    _mobile_email_step(d, "change")


def mobile_email_error(d: Driver) -> None:
    _, mobile, _ = _mobile_email_step(d, "change")
    mobile.enter_email_code(WRONG_CODE)


def _mobile_2fa(d: Driver, action: str = "change"):
    account, mobile, mark = _mobile_email_step(d, action)
    mobile.enter_email_code(d.deliveries.email_code(account.email, "mobile change", since=mark))
    return account, mobile


def mobile_2fa(d: Driver) -> None:
    _mobile_2fa(d)


def mobile_2fa_sms(d: Driver) -> None:
    _, mobile = _mobile_2fa(d)
    mobile.switch_tool("sms")


def _mobile_number(d: Driver):
    account, mobile = _mobile_2fa(d)
    mobile.enter_2fa_code(d.sign_in.totp(account))
    return mobile


def mobile_number(d: Driver) -> None:
    _mobile_number(d)


def _mobile_slide(d: Driver):
    mobile = _mobile_number(d)
    phone, national = d.accounts.new_phone()
    mobile.enter_new_number("SE", national)
    return mobile, phone


def mobile_slide(d: Driver) -> None:
    _mobile_slide(d)


def mobile_new_code(d: Driver) -> None:
    mobile, _ = _mobile_slide(d)
    mobile.slide_to_the_mark()


def mobile_done(d: Driver) -> None:
    mobile, phone = _mobile_slide(d)
    mobile.slide_to_the_mark()
    mobile.enter_sms_code(d.deliveries.sms_code(phone))
