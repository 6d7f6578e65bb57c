"""The time_travel fixture against a real served exchange and a real page (run by test_paused_clock.py).

Named without ``test_`` so `pytest tests` does not collect it; the parent runs it in a child pytest.
"""

from datetime import timedelta

import httpx


def _page_ms(page) -> float:
    return page.evaluate("Date.now()")


def test_server_and_page_clocks_stand_still_until_the_test_moves_them(page, exchange, time_travel):
    start = time_travel.now()
    page.goto(f"{exchange.base_url}/login")
    for _ in range(25):  # steps that take wall time, as a sign-in on a loaded machine does
        exchange.api.info()
    assert time_travel.now() == start
    assert abs(_page_ms(page) - start.timestamp() * 1000) < 1

    moved = time_travel.advance(timedelta(minutes=29, seconds=59))
    assert moved == start + timedelta(minutes=29, seconds=59) == time_travel.now()
    page.reload()
    assert abs(_page_ms(page) - moved.timestamp() * 1000) < 1

    time_travel.to(start + timedelta(minutes=30))  # the next second is never already in the past
    assert time_travel.now() == start + timedelta(minutes=30)


def test_after_a_time_travel_test_the_server_clock_runs_again(exchange):
    reading = httpx.get(f"{exchange.base_url}/__test__/clock").json()
    assert reading["paused"] is False
    assert reading["offset_seconds"] >= 30 * 60  # it ran on from where the last test left it
