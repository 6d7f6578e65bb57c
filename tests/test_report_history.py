"""Two runs in a row keep history: the second report shows the first run in its trends and a
test's status change (README "Reading the report": cache .allure-history/history.jsonl)."""

import json
import re
import time
import uuid

from playwright.sync_api import expect, sync_playwright

from fixtures import cli
from fixtures.browser import find_chromium, launch_args
from tests.report_data import report_data, results_in

NAME = "The lock lifts at exactly 30 minutes by either identifier"


def _result(status: str, at_ms: int) -> dict:
    failed = {"statusDetails": {"message": "AssertionError: at 30:00 the right password is still refused"}}
    return {"uuid": str(uuid.uuid4()), "name": NAME, "fullName": "suites.pionex.lockout#test_the_lock_lifts",
            "status": status, "stage": "finished", "start": at_ms, "stop": at_ms + 1_000,
            "labels": [{"name": "epic", "value": "Pionex"}],
            **(failed if status == "failed" else {})}


def _run(tmp_path, number: int, status: str, at_ms: int):
    results = tmp_path / f"run-{number}"
    results.mkdir()
    (results / f"{uuid.uuid4()}-result.json").write_text(json.dumps(_result(status, at_ms)))
    cli.build_report(results, tmp_path / "allure-report")  # the gate fails the second: its exit is not the subject
    return report_data(tmp_path / "allure-report" / "index.html")


def test_a_second_run_shows_the_first_in_its_trends_and_the_status_change(tmp_path):
    now = int(time.time() * 1000)
    _run(tmp_path, 1, "passed", now - 3_600_000)
    second = _run(tmp_path, 2, "failed", now)

    history = (tmp_path / ".allure-history" / "history.jsonl").read_text().splitlines()
    assert len(history) == 2, "each report appends one line to the history file CI caches"
    [result] = results_in(second)
    assert [h["status"] for h in result["history"]] == ["passed"]
    assert result["transition"] == "regressed"
    charts = second["widgets/charts.json"]["general"].values()
    dynamics = next(c for c in charts if c["type"] == "statusDynamics")["data"]
    assert [d["statistic"] for d in dynamics] == [{"total": 1, "passed": 1}, {"total": 1, "failed": 1}]
    transitions = next(c for c in charts if c["type"] == "statusTransitions")["data"]
    assert transitions[-1]["regressed"] == 1

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=launch_args())
        page = browser.new_page()
        page.goto((tmp_path / "allure-report" / "index.html").as_uri())
        page.get_by_text(NAME).first.click(timeout=30_000)  # the report parses its inlined data first
        history_tab = page.get_by_role("button", name=re.compile(r"^History\s*1$"))
        expect(history_tab).to_be_visible()
        history_tab.click()
        expect(page.get_by_text(re.compile(r"^\d+/\d+/\d{4} at [\d:]+$"))).to_have_count(1)  # the first run's entry
        browser.close()
