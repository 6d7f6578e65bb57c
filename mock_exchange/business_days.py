"""Business days for manual reviews: weekends and the brand's holidays do not count.

Seeds/000 line 15: lost-authenticator requests are "reviewed and processed within 3 business
days"; seeds/001 line 45: "1-3 arbetsdagar ... (exklusive nationella helgdagar)". A request
made on Friday is due on Wednesday; one made on Saturday is due on Wednesday too.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta


def add_business_days(start: date, days: int, holidays: Iterable[date] = ()) -> date:
    """The date ``days`` business days after ``start`` (the day of submission does not count)."""
    if days < 0:
        raise ValueError("days must not be negative")
    closed = set(holidays)
    day = start
    counted = 0
    while counted < days:
        day += timedelta(days=1)
        if day.weekday() < 5 and day not in closed:
            counted += 1
    return day
