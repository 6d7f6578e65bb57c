"""Browser examples run in a child pytest: failing_example.py (tests/test_failure_evidence.py)
and clock_example.py (tests/test_paused_clock.py)."""

import pytest

from fixtures.playwright_overrides import (
    browser_context_args,
    browser_type_launch_args,
    connect_options,
    delete_output_dir,
)

__all__ = ["browser_context_args", "browser_type_launch_args", "connect_options", "delete_output_dir"]


@pytest.fixture
def brand() -> str:
    return "pionex"
