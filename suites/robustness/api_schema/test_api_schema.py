"""Schemathesis against the OpenAPI description of the JSON endpoints and the test API.

Each brand gets a dedicated exchange server (its own SQLite file, test mode, and the run's
--fault if there is one), so the fuzzer's state changes (clock moves, maintenance, new accounts)
reach no other test. Generation is
derandomized: the same inputs every run. The run happens once per brand; the two tests read it.
"""

from __future__ import annotations

import pytest

from fixtures.reporting import attach_text
from fixtures.servers import ExchangeServer

from .fuzzing import FuzzRun, fuzz, json_routes

MAX_EXAMPLES = 5  # per operation and round (valid, invalid, real objects): ~450 requests, ~25 s per brand


@pytest.fixture(scope="module")
def fuzz_run(brand, tmp_path_factory, smtp_catcher, pytestconfig) -> FuzzRun:
    server = ExchangeServer(brand, tmp_path_factory.mktemp(f"fuzz-{brand}"), smtp_catcher.port,
                            fault=pytestconfig.getoption("--fault"))
    server.start()
    try:
        run = fuzz(server.api_url, max_examples=MAX_EXAMPLES)
    finally:
        server.stop()
    run.json_routes = json_routes()
    print(f"\n[{brand}] {run.summary()}")
    return run


@pytest.mark.behaviour("SEC-API-01", "SEC-INPUT-04")
def test_generated_input_never_gets_a_server_error_from_a_json_endpoint(fuzz_run: FuzzRun):
    """Valid and schema-violating requests to every JSON endpoint and test-API operation get no
    5xx (only the documented 503 of passkey sign-in during maintenance), every 4xx is a JSON
    error, and input that violates the description is refused."""
    attach_text("fuzz summary", fuzz_run.summary() + "\n" + "\n".join(fuzz_run.operations))
    fuzzed = {tuple(label.split(" ", 1)) for label in fuzz_run.operations}
    undocumented = sorted(fuzz_run.json_routes - fuzzed)
    assert not undocumented, f"JSON routes missing from the OpenAPI description, so never fuzzed: {undocumented}"
    assert len(fuzz_run.operations) >= len(fuzz_run.json_routes)
    assert not fuzz_run.server_errors, "server errors:\n\n" + "\n\n".join(fuzz_run.server_errors)
    assert not fuzz_run.refusals_not_json, "4xx answers that are not JSON:\n\n" + "\n\n".join(fuzz_run.refusals_not_json)
    assert not fuzz_run.invalid_accepted, "invalid input accepted:\n\n" + "\n\n".join(fuzz_run.invalid_accepted)


@pytest.mark.behaviour("SEC-API-02")
def test_every_json_response_matches_the_documented_schema(fuzz_run: FuzzRun):
    """Status code, content type, headers and body of every answer match the OpenAPI description."""
    assert fuzz_run.cases > len(fuzz_run.operations) * 2, "the fuzzer sent almost nothing"
    assert not fuzz_run.nonconforming, "responses off the documented schema:\n\n" + "\n\n".join(fuzz_run.nonconforming)
