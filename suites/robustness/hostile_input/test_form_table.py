"""The form table is complete: no POST route and no form on a covered page escapes the suite."""

from __future__ import annotations

import re

import pytest

from mock_exchange.app import SCREENS

from .forms import ELSEWHERE, FORMS


def _route_pattern(path: str) -> re.Pattern:
    return re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", path) + "$")


POST_ROUTES = sorted({route.path for screens in SCREENS for route in screens.router.routes
                      if "POST" in getattr(route, "methods", ())})


def _covered(path: str) -> bool:
    pattern = _route_pattern(path)
    return any(pattern.match(spec.action) for spec in FORMS)


@pytest.mark.behaviour("SEC-INPUT-01")
@pytest.mark.parametrize("brand", ["pionex"])  # the routes are the same app for both brands
def test_every_post_route_is_in_the_table(brand):
    missing = [path for path in POST_ROUTES if not _covered(path) and path not in ELSEWHERE]
    assert not missing, f"POST routes with no hostile-input cases and no reason in ELSEWHERE: {missing}"
    stale = [path for path in ELSEWHERE if path not in POST_ROUTES]
    assert not stale, f"ELSEWHERE names routes that no longer exist: {stale}"


def _known(action: str) -> bool:
    return any(spec.action == action for spec in FORMS) or any(
        _route_pattern(path).match(action) for path in ELSEWHERE)


@pytest.mark.behaviour("SEC-INPUT-01")
@pytest.mark.parametrize("form_key", [spec.key for spec in FORMS])
def test_every_form_on_the_page_is_in_the_table(workbenches, exchange, form_key):
    bench = workbenches.get(exchange, form_key, fresh=True)
    assert bench.open_form(reuse=False), f"{bench.spec.action} is not on {bench.spec.page}"
    unknown = [action for action in bench.forms_on_page() if not _known(action)]
    assert not unknown, f"forms on {bench.spec.page} that the hostile-input table does not know: {unknown}"
