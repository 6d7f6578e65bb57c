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

from fixtures.servers import ExchangeServer

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
    workdir_factory: object
    smtp_port: int
    fault: str | None
    started: dict[str, FuzzTarget] = field(default_factory=dict)

    def __getitem__(self, brand: str) -> FuzzTarget:
        target = self.started.get(brand)
        if target is not None and not target.server.running:
            pytest.fail(f"the {brand} fuzz server died during an earlier test; see that test's failure and its log "
                        f"{target.server.log.path}")
        if target is None:
            server = ExchangeServer(brand, self.workdir_factory.mktemp(f"fuzz-{brand}"), self.smtp_port, fault=self.fault)
            server.start()
            try:
                schema = schemathesis.openapi.from_url(f"{server.api_url}/openapi.json")
            except BaseException:
                server.stop()
                raise
            target = self.started[brand] = FuzzTarget(server, described_operations(schema))
        return target

    def stop(self) -> None:
        for target in self.started.values():
            target.server.stop()


@pytest.fixture(scope="module")
def fuzz_targets(tmp_path_factory, smtp_catcher, pytestconfig):
    targets = FuzzTargets(tmp_path_factory, smtp_catcher.port, pytestconfig.getoption("--fault"))
    yield targets
    targets.stop()


@pytest.fixture
def fuzz_target(fuzz_targets, brand) -> FuzzTarget:
    """The brand's fuzz server, reached in setup: a server that cannot start (or a --fault that no
    longer applies) is a setup error, which the fault runner does not count as a catch."""
    return fuzz_targets[brand]
