"""Workbenches for the hostile-input cases, and the case count at the end of the run."""

from __future__ import annotations

from pathlib import Path

import pytest

from .forms import BY_KEY
from .workbench import Workbench

CASE_TEST = "test_hostile_value_is_refused_readably_and_changes_nothing"
HERE = Path(__file__).resolve().parent


class WorkbenchPool:
    """Keeps the workbench of the form being tested; opens a new one when the form changes."""

    def __init__(self, browser) -> None:
        self.browser = browser
        self.current: tuple[str, str] | None = None
        self.bench: Workbench | None = None
        self.opened = 0

    def get(self, target, form_key: str, fresh: bool = False) -> Workbench:
        key = (target.brand, form_key)
        if fresh or key != self.current or self.bench is None:
            self.close()
            self.bench = Workbench.open(self.browser, target, BY_KEY[form_key])
            self.current = key
            self.opened += 1
        return self.bench

    def close(self) -> None:
        if self.bench is not None:
            self.bench.close()
        self.bench, self.current = None, None


def _workbench_key(item) -> tuple[str, str]:
    params = item.callspec.params
    return params.get("brand", ""), params["form_key"]


def _form_not_on_this_brand(item) -> bool:
    """A case of a form its brand does not show (FormSpec.brands: a flow only some brands offer)."""
    params = item.callspec.params if hasattr(item, "callspec") else {}
    return (item.path.is_relative_to(HERE) and "form_key" in params and "brand" in params
            and params["brand"] not in BY_KEY[params["form_key"]].brands)


def pytest_collection_modifyitems(config, items):
    """A form is tried only on the brands that show it (FormSpec.brands); the other brands'
    cases are deselected.

    Cases of one form and brand run back to back, so they share one workbench instead of a
    new account, browser context and sign-in per case. Only the grouping is fixed: groups keep
    the order their first case had, and cases within a group the order they came in, so under
    `flake-check` both are still random. pytest-randomly shuffles before this hook and expects
    grouping plugins to apply a stable regroup like this one on top of it."""
    if elsewhere := [item for item in items if _form_not_on_this_brand(item)]:
        config.hook.pytest_deselected(items=elsewhere)
        items[:] = [item for item in items if not _form_not_on_this_brand(item)]
    positions = [index for index, item in enumerate(items) if getattr(item, "originalname", "") == CASE_TEST]
    cases = [items[index] for index in positions]
    first_seen: dict[tuple[str, str], int] = {}
    for item in cases:
        first_seen.setdefault(_workbench_key(item), len(first_seen))
    cases.sort(key=lambda item: first_seen[_workbench_key(item)])
    for index, item in zip(positions, cases):
        items[index] = item


@pytest.fixture(scope="session")
def workbenches(browser):
    pool = WorkbenchPool(browser)
    yield pool
    pool.close()


_tally = {"run": 0, "passed": 0, "seconds": 0.0}


def pytest_runtest_logreport(report):
    if report.when == "call" and CASE_TEST in report.nodeid:
        _tally["run"] += 1
        _tally["passed"] += report.passed
        _tally["seconds"] += report.duration


def pytest_terminal_summary(terminalreporter):
    if _tally["run"]:
        per_case = _tally["seconds"] / _tally["run"]
        terminalreporter.write_line(
            f"hostile-input cases: {_tally['run']} run, {_tally['passed']} passed "
            f"({per_case:.3f} s per case, test body)")
