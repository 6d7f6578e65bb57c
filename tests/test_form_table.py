"""The hostile-input suite's form table covers every POST route of the mock exchange.

A check of the mock's own routes, so it lives here and not in suites/ (which see a deployment only
through its screens); the forms each page shows are checked by the suite itself.
"""

from __future__ import annotations

import re

from mock_exchange.app import SCREENS
from suites.robustness.hostile_input.forms import ELSEWHERE, FORMS


def _route_pattern(path: str) -> re.Pattern:
    return re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", path) + "$")


POST_ROUTES = sorted({route.path for screens in SCREENS for route in screens.router.routes
                      if "POST" in getattr(route, "methods", ())})


def _covered(path: str) -> bool:
    pattern = _route_pattern(path)
    return any(pattern.match(spec.action) for spec in FORMS)


def test_every_post_route_is_in_the_table():  # the routes are the same app for both brands
    missing = [path for path in POST_ROUTES if not _covered(path) and path not in ELSEWHERE]
    assert not missing, f"POST routes with no hostile-input cases and no reason in ELSEWHERE: {missing}"
    stale = [path for path in ELSEWHERE if path not in POST_ROUTES]
    assert not stale, f"ELSEWHERE names routes that no longer exist: {stale}"
