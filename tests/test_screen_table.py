"""The accessibility suite's screen table covers the whole mock exchange: a new screen cannot escape it.

A check of the mock's own routes and templates, so it lives here and not in suites/ (which see a
deployment only through its screens)."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import mock_exchange
from mock_exchange.app import SCREENS as SCREEN_MODULES

from suites.accessibility.screens import NON_SCREENS, SCREENS

TEMPLATES = Path(mock_exchange.__file__).resolve().parent / "templates"
FIXED_PAGE_ID = re.compile(r"{%\s*block page_id\s*%}([a-z0-9-]+){%\s*endblock")


def _get_routes() -> set[str]:
    return {
        route.path
        for module in SCREEN_MODULES
        for route in module.router.routes
        if "GET" in (getattr(route, "methods", None) or ())
    }


def test_every_get_route_is_a_checked_screen_or_a_listed_non_screen():
    routes = _get_routes()
    in_table = {screen.route for screen in SCREENS}
    unchecked = sorted(routes - in_table - set(NON_SCREENS))
    assert not unchecked, ("GET routes with no row in suites/accessibility/screens.py (add a Screen, or a "
                           f"NON_SCREENS entry with the reason): {unchecked}")
    stale = sorted((in_table | set(NON_SCREENS)) - routes - {"(any unknown path)"})
    assert not stale, f"screens.py names routes the app no longer has: {stale}"
    both = sorted(in_table & set(NON_SCREENS))
    assert not both, f"routes listed both as a screen and as a non-screen: {both}"


def test_every_page_a_template_declares_is_in_the_table():
    declared = {m.group(1) for path in TEMPLATES.rglob("*.html") for m in FIXED_PAGE_ID.finditer(path.read_text())}
    missing = sorted(declared - {screen.page_id for screen in SCREENS})
    assert not missing, f"templates declare screens (main data-page) the table never reaches: {missing}"


def test_screen_names_are_unique():
    repeated = [name for name, count in Counter(s.name for s in SCREENS).items() if count > 1]
    assert not repeated, f"screen names used twice in screens.py: {repeated}"
