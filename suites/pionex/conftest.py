import pytest


@pytest.fixture
def brand() -> str:
    return "pionex"
