"""Time moves only when the test moves it: the server's clock pauses, and the page's with it.

On a busy runner the old running clock let a test's "move to 30:00" land in the past after a slow
sign-in at 29:59 (``cannot travel back``). Paused, a boundary is hit exactly however slow the steps.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import timedelta

from starlette.testclient import TestClient

from fixtures.catalogue import PROJECT_ROOT
from fixtures.outcomes import read
from mock_exchange.app import create_app
from mock_exchange.clock import Clock

from tests.conftest import LOOPBACK

EXAMPLE = PROJECT_ROOT / "tests" / "evidence_example" / "clock_example.py"


def test_a_paused_clock_stands_still_and_moves_exactly_by_advance():
    clock = Clock()
    frozen = clock.pause()
    assert [clock.now() for _ in range(1000)] == [frozen] * 1000
    assert clock.advance(timedelta(minutes=29, seconds=59)) == frozen + timedelta(minutes=29, seconds=59)
    assert clock.pause() == frozen + timedelta(minutes=29, seconds=59)  # pausing again changes nothing
    assert clock.offset == timedelta(minutes=29, seconds=59)


def test_a_resumed_clock_runs_on_from_where_it_stood_never_back():
    clock = Clock()
    frozen = clock.pause()
    clock.advance(timedelta(hours=24))
    resumed = clock.resume()
    assert not clock.paused and resumed >= frozen + timedelta(hours=24)
    assert clock.now() >= resumed


def test_the_test_api_pauses_moves_and_resumes_the_clock(tmp_path):
    app = create_app("pionex", database_path=tmp_path / "exchange.db", test_mode=True, clock=Clock())
    with TestClient(app, client=LOOPBACK) as api:
        paused = api.post("/__test__/clock/pause").json()
        assert paused["paused"] is True
        for _ in range(5):
            assert api.get("/__test__/clock").json()["now"] == paused["now"]
        moved = api.post("/__test__/clock/advance", json={"seconds": 1799}).json()
        assert moved["offset_seconds"] == 1799 and moved["paused"] is True
        resumed = api.post("/__test__/clock/resume").json()
        assert resumed["paused"] is False and resumed["now"] >= moved["now"]


def test_time_travel_pauses_the_server_and_the_page_together_and_releases_after(tmp_path):
    results = tmp_path / "results.json"
    run = subprocess.run(
        [sys.executable, "-m", "pytest", str(EXAMPLE), "-p", "no:cacheprovider", "-q", "-n", "0",
         f"--rootdir={PROJECT_ROOT}", f"--results-json={results}", f"--basetemp={tmp_path / 'run'}"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300,
    )
    assert run.returncode == 0, run.stdout[-4000:]
    assert sorted(entry["outcome"] for entry in read(results).values()) == ["passed", "passed"]
