"""Schemathesis against the OpenAPI description of the JSON endpoints and the test API.

One test per brand and JSON operation (about 40 each), so a failure names its endpoint and no
test runs for long. The operations come from json_operations.txt, which tests/ keeps equal to the
mock's routers, not from the description, so an endpoint missing from the description fails its
own test instead of going unfuzzed. Generation is derandomized: the same inputs every run.
"""

from __future__ import annotations

import pytest

from fixtures import brands
from fixtures.reporting import attach_text

from .fuzzing import fuzz_operation, json_operations

MAX_EXAMPLES = 5  # per operation and round (valid, invalid, real objects): ~10-15 requests per test
ROUTES = json_operations()


@pytest.mark.behaviour("SEC-API-01", "SEC-API-02", "SEC-INPUT-04")
@pytest.mark.parametrize("operation", ROUTES)
@pytest.mark.parametrize("brand", brands.NAMES)
def test_json_endpoint_answers_generated_input_without_server_error_and_as_documented(fuzz_target, operation):
    """Valid and schema-violating requests get no 5xx (only the documented 503 of passkey sign-in
    during maintenance); every 4xx is a JSON error; input that violates the description is
    refused; status, content type, headers and body match the description (SEC-API-02)."""
    assert operation in fuzz_target.operations, f"{operation} is missing from /openapi.json, so it cannot be fuzzed"
    run = fuzz_operation(fuzz_target.base_url, fuzz_target.operations[operation], max_examples=MAX_EXAMPLES)
    attach_text("fuzz summary", run.summary())
    assert run.cases >= 1, f"the fuzzer sent nothing: {run.summary()}"
    assert not run.server_errors, "server errors:\n\n" + "\n\n".join(run.server_errors)
    assert not run.refusals_not_json, "4xx answers that are not JSON:\n\n" + "\n\n".join(run.refusals_not_json)
    assert not run.invalid_accepted, "invalid input accepted:\n\n" + "\n\n".join(run.invalid_accepted)
    assert not run.nonconforming, "responses off the documented schema:\n\n" + "\n\n".join(run.nonconforming)


@pytest.mark.behaviour("SEC-API-02")
@pytest.mark.parametrize("brand", brands.NAMES)
def test_every_described_json_operation_is_a_route_the_fuzzer_covers(fuzz_target):
    """Nothing in the description escapes the per-endpoint tests above."""
    described = set(fuzz_target.operations)
    assert described, "the description lists no JSON operation"
    assert sorted(described - set(ROUTES)) == [], "described operations with no fuzz test"
