"""Robustness suites run against both brands: every test here runs once per exchange."""

import pytest


@pytest.fixture(params=["pionex", "coinex"])
def brand(request) -> str:
    return request.param
