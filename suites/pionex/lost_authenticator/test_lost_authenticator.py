"""Pionex: a lost Google Authenticator is reset after a reviewed request
(seeds/000 lines 14-15, seeds/001 lines 38-47)."""

from datetime import date, datetime, time, timedelta, timezone

import pytest
from playwright.sync_api import expect

from pages import AccountPage, LoginPage, VerificationPage
from pages.authenticator_page import AuthenticatorSetupPage
from pages.lost_2fa_page import Lost2faPage
from suites.pionex.promises import NATIONAL_HOLIDAYS, REVIEW_BUSINESS_DAYS, SERVICE_EMAIL
from suites.pionex.rule_models import review_due


def _request_reset(page, account, deliveries, registered_month: str) -> Lost2faPage:
    LoginPage(page).open().login(account.email, account.password)
    verification = VerificationPage(page)
    verification.assert_current()
    verification.lost_2fa()
    lost = Lost2faPage(page)
    lost.assert_current()
    expect(lost.intro).to_contain_text(f"within {REVIEW_BUSINESS_DAYS} business days")
    mark = deliveries.mark()
    lost.send_code()
    lost.submit_request(deliveries.email_code(account.email, "lost 2fa", since=mark), registered_month,
                        str(account.balance_usdt))
    lost.assert_step("lost-2fa-submitted")
    return lost


def _seeded_request(exchange, account, registered_month: str) -> int:
    review = exchange.api.create_review("lost_authenticator", account.id, {
        "registered_month": registered_month, "balance_usdt": str(account.balance_usdt), "code_verified": True})
    return review["id"]


@pytest.mark.behaviour("PX-LOSTGA-01", "PX-LOSTGA-02")
def test_lost_2fa_request_goes_to_review_and_the_authenticator_stays_required(
        page, accounts, deliveries, exchange, sign_in, time_travel):
    account = accounts.create(factors=("totp",), balance_usdt=250)
    lost = _request_reset(page, account, deliveries, time_travel.now().strftime("%Y-%m"))
    expect(lost.submitted).to_contain_text(f"within {REVIEW_BUSINESS_DAYS} business days")
    expect(lost.due_date).to_be_visible()
    (review,) = exchange.api.reviews(account.id)
    assert review["kind"] == "lost_authenticator" and review["status"] == "pending"

    page.goto("/account")  # the request signs nobody in
    LoginPage(page).assert_current()
    LoginPage(page).login(account.email, account.password)
    verification = VerificationPage(page)
    verification.assert_current()
    expect(verification.instructions).to_contain_text("Google Authenticator")
    verification.submit_code(sign_in.totp(account))
    AccountPage(page).assert_current()


def _next_friday_morning(now: datetime) -> datetime:
    friday = now.date() + timedelta(days=(4 - now.weekday()) % 7 or 7)
    # keep the three business days after it clear of the year-end holidays the seed excludes
    while any((friday + timedelta(days=d)).strftime("%m-%d") in ("12-24", "12-25", "12-26", "12-31", "01-01")
              for d in range(3, 6)):
        friday += timedelta(days=7)
    return datetime.combine(friday, time(9, 0), tzinfo=timezone.utc)


@pytest.mark.behaviour("PX-LOSTGA-04")
@pytest.mark.variant(weekday="friday")
def test_a_request_made_on_friday_is_due_the_next_wednesday(page, accounts, deliveries, time_travel):
    time_travel.to(_next_friday_morning(time_travel.now()))
    account = accounts.create(factors=("totp",), balance_usdt=10)
    friday = time_travel.now().date()
    assert friday.weekday() == 4
    lost = _request_reset(page, account, deliveries, time_travel.now().strftime("%Y-%m"))
    wednesday = friday + timedelta(days=5)
    expect(lost.due_date).to_have_attribute("datetime", wednesday.isoformat())
    expect(lost.due_date).to_contain_text("Wednesday")


@pytest.mark.behaviour("PX-LOSTGA-03", "PX-LOSTGA-06")
@pytest.mark.variant(decision="approve")
def test_agent_approves_and_the_user_signs_in_without_the_authenticator_and_binds_again(
        page, accounts, exchange, inbox, support_agent, time_travel):
    account = accounts.create(factors=("totp",), balance_usdt=75)
    review_id = _seeded_request(exchange, account, time_travel.now().strftime("%Y-%m"))

    support_agent.open_review(review_id)
    expect(support_agent.account_hidden).to_be_visible()
    expect(support_agent.checks.filter(has_text="✘")).to_have_count(0)
    support_agent.verify_identity()
    expect(support_agent.account_email).to_have_text(account.email)
    support_agent.approve("Checks passed")
    expect(support_agent.status).to_have_text("approved")

    mail = inbox.wait_for(to=account.email, subject_contains="approved")
    assert "unbound" in mail.body
    LoginPage(page).open().login(account.email, account.password)
    account_page = AccountPage(page)
    account_page.assert_current()  # no authenticator step any more
    expect(account_page.bind_authenticator_banner).to_contain_text("Bind Google Authenticator again")
    account_page.bind_authenticator_again()
    AuthenticatorSetupPage(page).assert_step("authenticator-verify")


@pytest.mark.behaviour("PX-LOSTGA-03", "PX-LOSTGA-05")
@pytest.mark.variant(decision="reject")
def test_rejected_request_emails_alternatives_and_the_authenticator_stays(
        page, accounts, exchange, inbox, support_agent, time_travel):
    account = accounts.create(factors=("totp",), balance_usdt=75)
    review_id = _seeded_request(exchange, account, "1999-01")  # a registration month that is not the account's

    support_agent.open_review(review_id)
    expect(support_agent.checks.filter(has_text="✘")).not_to_have_count(0)
    support_agent.reject("Registration month does not match the account")
    expect(support_agent.status).to_have_text("rejected")

    mail = inbox.wait_for(to=account.email, subject_contains="not approved")
    assert SERVICE_EMAIL in mail.sender
    assert "Alternatives" in mail.body and "16-character key" in mail.body
    assert exchange.api.security_state(account.id)["totp_bound"] is True
    LoginPage(page).open().login(account.email, account.password)
    verification = VerificationPage(page)
    expect(verification.instructions).to_contain_text("Google Authenticator")


# --- the review's due date on every calendar the sentence allows (PX-LOSTGA-04) ------------
# The Friday test above goes through the screens; these post the same forms for the other days
# of the week and for windows holding a national holiday.

def _holiday_within(start: date, days: int) -> bool:
    return any(((start + timedelta(days=d)).month, (start + timedelta(days=d)).day) in NATIONAL_HOLIDAYS
               for d in range(days))


def _next_clear(now: datetime, weekday: int) -> datetime:
    """09:00 on the next such weekday whose review window holds no holiday."""
    day = now.date() + timedelta(days=1)
    while day.weekday() != weekday or _holiday_within(day, 8):
        day += timedelta(days=1)
    return datetime.combine(day, time(9, 0), tzinfo=timezone.utc)


def _next_holiday_window(now: datetime, month: int, day_of_month: int) -> datetime:
    """09:00 on the working day before the next (month, day) holiday that falls on a weekday."""
    year = now.year
    while True:
        holiday = date(year, month, day_of_month)
        submitted = holiday - timedelta(days=1)
        while submitted.weekday() >= 5 or _holiday_within(submitted, 1):
            submitted -= timedelta(days=1)
        moment = datetime.combine(submitted, time(9, 0), tzinfo=timezone.utc)
        if holiday.weekday() < 5 and moment > now:
            return moment
        year += 1


def _due_date_posted(screen_forms, accounts, deliveries, time_travel) -> tuple[date, date]:
    account = accounts.create(factors=("totp",), balance_usdt=10)
    forms = screen_forms()
    forms.login(account.email, account.password)
    mark = deliveries.mark()
    forms.request_lost_2fa_code()
    code = deliveries.email_code(account.email, "lost 2fa", since=mark)
    return time_travel.now().date(), forms.submit_lost_2fa_request(code, time_travel.now().strftime("%Y-%m"), "10")


HOLIDAY_WINDOWS = {"christmas-and-boxing-day": (12, 25), "new-years-day": (1, 1)}
WEEKDAYS = {"Monday": 0, "Tuesday": 1, "Wednesday": 2, "Thursday": 3, "Saturday": 5, "Sunday": 6}


@pytest.mark.behaviour("PX-LOSTGA-04")
@pytest.mark.parametrize("weekday", WEEKDAYS)
def test_a_request_is_due_three_business_days_later_whatever_the_day_it_is_made(
        weekday, screen_forms, accounts, deliveries, time_travel):
    time_travel.to(_next_clear(time_travel.now(), WEEKDAYS[weekday]))
    submitted, due = _due_date_posted(screen_forms, accounts, deliveries, time_travel)
    assert submitted.strftime("%A") == weekday
    assert due == review_due(submitted), (
        f"made on {submitted:%A %d %B}, due {due:%A %d %B}; the seeds give {review_due(submitted):%A %d %B}")


@pytest.mark.behaviour("PX-LOSTGA-04")
@pytest.mark.parametrize("holiday", HOLIDAY_WINDOWS)
def test_a_national_holiday_inside_the_review_window_does_not_count(
        holiday, screen_forms, accounts, deliveries, time_travel):
    time_travel.to(_next_holiday_window(time_travel.now(), *HOLIDAY_WINDOWS[holiday]))
    submitted, due = _due_date_posted(screen_forms, accounts, deliveries, time_travel)
    counting_holidays = review_due(submitted, holidays=())
    assert due == review_due(submitted) != counting_holidays, (
        f"made on {submitted:%A %d %B %Y}, due {due:%A %d %B}; the seeds give {review_due(submitted):%A %d %B} "
        f"({counting_holidays:%A %d %B} would count the holiday as a working day)")
