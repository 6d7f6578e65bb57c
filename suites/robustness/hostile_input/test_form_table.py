"""The form table is complete: no form on a covered page escapes the suite (the POST routes:
tests/test_form_table.py)."""

from __future__ import annotations

import re

import pytest

from .forms import ELSEWHERE, FORMS


def _route_pattern(path: str) -> re.Pattern:
    return re.compile("^" + re.sub(r"\{[^}]+\}", "[^/]+", path) + "$")


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
