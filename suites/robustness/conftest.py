"""Robustness suites run against both brands: every test here runs once per exchange."""

import pytest

from fixtures import brands


@pytest.fixture(params=brands.NAMES)
def brand(request) -> str:
    return request.param
