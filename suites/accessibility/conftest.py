"""Accessibility suite: every screen of both brands (suites/accessibility/screens.py)."""

import pytest

from fixtures import brands

from .driver import Driver
from .screen_states import ScreenStates, run_folder


@pytest.fixture(params=brands.NAMES)
def brand(request) -> str:
    return request.param


@pytest.fixture
def driver(page, exchange, accounts, deliveries, time_travel, sign_in):
    """Drives the page to a screen; undoes what a journey switched on (maintenance mode)."""
    driver = Driver(page, exchange, accounts, deliveries, time_travel, sign_in)
    yield driver
    for cleanup in reversed(driver.cleanups):
        cleanup()


@pytest.fixture
def screen_states(request, tmp_path_factory) -> ScreenStates:
    """Screen states reached once per run and read by both checks (screen_states.py)."""
    return ScreenStates(request, run_folder(tmp_path_factory))
