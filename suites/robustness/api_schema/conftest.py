"""One fuzz run per brand, shared by the module's tests (SEC-API-01 and SEC-API-02 read it)."""

import pytest


@pytest.fixture(scope="module", params=["pionex", "coinex"])
def brand(request) -> str:
    return request.param
