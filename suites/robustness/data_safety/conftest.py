"""Data-safety tests run against a dedicated server per brand and module, never the shared one:
they hammer it, hold its database locks and restart it."""

import pytest

from fixtures.servers import ExchangeServer


@pytest.fixture(scope="module", params=["pionex", "coinex"])
def brand(request) -> str:
    return request.param


@pytest.fixture(scope="module")
def dedicated_server(brand, tmp_path_factory, smtp_catcher, pytestconfig):
    server = ExchangeServer(brand, tmp_path_factory.mktemp(f"data-safety-{brand}"), smtp_catcher.port,
                            restartable=True, fault=pytestconfig.getoption("--fault"))
    server.start()
    yield server
    server.stop()
