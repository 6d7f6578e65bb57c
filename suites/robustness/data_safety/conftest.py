"""Data-safety tests run against a dedicated server per brand, never the shared one: they
hammer it, hold its database locks and restart it. One server per brand serves the package's
tests (started on first use); under a random order the three modules may be apart, and the
server is then kept, not restarted, between them."""

import pytest

from fixtures.servers import ExchangeServer, ServerPool


@pytest.fixture(scope="package")
def dedicated_servers(tmp_path_factory, smtp_catcher, pytestconfig):
    pool = ServerPool(tmp_path_factory.mktemp("data-safety"), smtp_catcher.port,
                      fault=pytestconfig.getoption("--fault"), restartable=True)
    yield pool
    pool.stop_all()


@pytest.fixture
def dedicated_server(brand, dedicated_servers) -> ExchangeServer:
    return dedicated_servers.server(brand)
