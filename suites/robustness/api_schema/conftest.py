"""A dedicated exchange per brand for the fuzzer, started on first use and kept for the module.

Each brand's server has its own SQLite file, test mode and the run's --fault, so the fuzzer's
state changes (clock moves, maintenance, new accounts) reach no other test. Servers are kept in
one module fixture rather than a brand-parametrized one, so a random test order (flake-check)
does not restart them between tests.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
import schemathesis

from fixtures.servers import ExchangeServer, ServerPool

from .fuzzing import described_operations


@dataclass
class FuzzTarget:
    server: ExchangeServer
    operations: dict[str, object]  # label -> schemathesis operation, from the server's /openapi.json

    @property
    def base_url(self) -> str:
        return self.server.api_url


@dataclass
class FuzzTargets:
    servers: ServerPool
    described: dict[str, dict[str, object]] = field(default_factory=dict)  # brand -> its operations

    def __getitem__(self, brand: str) -> FuzzTarget:
        server = self.servers.server(brand)
        if brand not in self.described:
            schema = schemathesis.openapi.from_url(f"{server.api_url}/openapi.json")
            self.described[brand] = described_operations(schema)
        return FuzzTarget(server, self.described[brand])


@pytest.fixture(scope="module")
def fuzz_targets(tmp_path_factory, smtp_catcher, pytestconfig):
    pool = ServerPool(tmp_path_factory.mktemp("fuzz"), smtp_catcher.port, fault=pytestconfig.getoption("--fault"))
    yield FuzzTargets(pool)
    pool.stop_all()


@pytest.fixture
def fuzz_target(fuzz_targets, brand) -> FuzzTarget:
    """The brand's fuzz server, reached in setup: a server that cannot start (or a --fault that no
    longer applies) is a setup error, which the fault runner does not count as a catch."""
    return fuzz_targets[brand]
