"""Data-safety tests run against a dedicated server per brand, never the shared one: they
hammer it, hold its database locks and restart it. One server per brand serves the package's
tests (started on first use); under a random order the three modules may be apart, and the
server is then kept, not restarted, between them."""

import pytest

from fixtures.servers import ExchangeServer


@pytest.fixture(scope="package")
def dedicated_servers(tmp_path_factory, smtp_catcher, pytestconfig):
    started: dict[str, ExchangeServer] = {}

    def server_for(brand: str) -> ExchangeServer:
        server = started.get(brand)
        if server is not None and not server.running:
            pytest.fail(f"the {brand} data-safety server died during an earlier test (restart or hammering); "
                        f"see that test's failure and {server.log.path}")
        if server is None:
            server = ExchangeServer(brand, tmp_path_factory.mktemp(f"data-safety-{brand}"), smtp_catcher.port,
                                    restartable=True, fault=pytestconfig.getoption("--fault"))
            server.start()  # raises (and stops it) when it cannot start: nothing half-started is kept
            started[brand] = server
        return server

    yield server_for
    for server in started.values():
        server.stop()


@pytest.fixture
def dedicated_server(brand, dedicated_servers) -> ExchangeServer:
    return dedicated_servers(brand)
