"""Each screen state is reached and audited once per run, and both checks read it.

SEC-A11Y-01 (axe) and SEC-A11Y-02 (labels) look at the same screen after the same journey; the
journey (accounts, sign-in, codes) is what a case costs, so the first of the two to run reaches
the screen, makes one axe pass (fixtures.accessibility.audit answers both) and reads the form
fields; it writes what it saw to the run's temporary folder, shared by the xdist workers of this
run and by no other run. The second reads it there and says in the report which test reached
the screen. A journey that fails writes nothing: the other check reaches the screen again.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

import allure
import pytest
from playwright.sync_api import expect

from fixtures import accessibility
from pages.flow_steps import StepPage

from .screens import Screen


@dataclass(frozen=True)
class ScreenState:
    violations: list[dict]
    field_count: int
    unlabelled: list[str]
    reached_by: str  # node ID of the test whose journey reached the screen


def reach(driver, screen: Screen) -> None:
    with allure.step(f"Reach the {screen.name} screen"):
        screen.journey(driver)
    reached = StepPage(driver.page)
    expect(reached.screen(screen.page_id), f"the journey should end on {screen.page_id}").to_be_visible()
    if screen.shows:
        expect(reached.state_mark(screen.shows), f"{screen.name} should show {screen.shows}").to_be_attached()


class ScreenStates:
    def __init__(self, request: pytest.FixtureRequest, folder: Path) -> None:
        self._request = request
        self._folder = folder

    def of(self, brand: str, screen: Screen) -> ScreenState:
        path = self._folder / f"{brand}-{screen.name}.json"
        if path.exists():
            state = ScreenState(**json.loads(path.read_text()))
            with allure.step(f"The {screen.name} screen was reached and audited in this run by {state.reached_by}"):
                return state
        driver = self._request.getfixturevalue("driver")  # a browser page only when no test reached it yet
        reach(driver, screen)
        with allure.step(f"Audit the {screen.name} screen (axe-core, form fields)"):
            state = ScreenState(driver.audit(), accessibility.visible_field_count(driver.page),
                                accessibility.unlabelled_fields(driver.page), self._request.node.nodeid)
        partial = path.with_name(f"{path.name}.{os.getpid()}")
        partial.write_text(json.dumps(asdict(state)))
        partial.replace(path)  # whole or absent for a reader on the other worker
        return state


def run_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder of this run: under xdist, beside the workers' own temporary folders."""
    base = tmp_path_factory.getbasetemp()
    folder = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "screen-states"
    folder.mkdir(exist_ok=True)
    return folder
