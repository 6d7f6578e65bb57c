"""The floor of a browser test, for `exchange-e2e bench`: a new context, one page, one element.

Not collected by `make test` (the file name does not start with test_); the benchmark names it
on the command line. Each run pays what every suite test pays at least: a fresh context and
page (pytest-playwright), the trace the harness records, one page visit and one check.
"""

import pytest
from playwright.sync_api import expect

RUNS = 30


@pytest.mark.parametrize("run", range(RUNS))
def test_floor_one_page_one_element(page, run):
    page.goto("/login")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
