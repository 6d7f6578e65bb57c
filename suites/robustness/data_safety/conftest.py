"""Data-safety tests run against a dedicated server per brand, never the shared one: they
hammer it, hold its database locks and restart it. One server per brand serves the package's
tests (started on first use), so a random test order does not restart it between tests."""

import pytest

from fixtures.servers import ExchangeServer


@pytest.fixture(scope="package")
def dedicated_servers(tmp_path_factory, smtp_catcher, pytestconfig):
    started: dict[str, ExchangeServer] = {}

    def server_for(brand: str) -> ExchangeServer:
        if brand not in started:
            started[brand] = ExchangeServer(brand, tmp_path_factory.mktemp(f"data-safety-{brand}"), smtp_catcher.port,
                                            restartable=True, fault=pytestconfig.getoption("--fault"))
            started[brand].start()
        return started[brand]

    yield server_for
    for server in started.values():
        server.stop()


@pytest.fixture
def dedicated_server(brand, dedicated_servers) -> ExchangeServer:
    return dedicated_servers(brand)
