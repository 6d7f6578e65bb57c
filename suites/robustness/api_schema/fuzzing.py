"""Schemathesis over HTTP against a dedicated mock exchange: its JSON endpoints and test API.

The exchange is a server process of its own (its own SQLite file, test mode), so the
state-changing test-API calls the fuzzer makes (clock forward, maintenance on, new accounts)
reach no other test, and a fault from fixtures/faults.py (`--fault`) is in it like in any
other server the suites start. Calls come from 127.0.0.1, which the test API answers.
"""

from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.core.failures import FailureGroup
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from pages.form_posts import post_form, script_headers

TEST_API_PREFIX = "/__test__"
JSON_TAG_PREFIX = "JSON:"  # the description's tags of JSON contracts ("JSON: page scripts", ...)
# Every JSON operation the exchange serves, "METHOD /path": kept equal to the mock's routers by
# tests/test_json_operations.py, so an endpoint missing from /openapi.json fails its own test.
OPERATIONS_FILE = Path(__file__).with_name("json_operations.txt")
CONFORMANCE = [status_code_conformance, content_type_conformance, response_headers_conformance,
               response_schema_conformance]


def json_operations() -> list[str]:
    """The operations to fuzz, "POST /__test__/accounts", from OPERATIONS_FILE."""
    lines = OPERATIONS_FILE.read_text().splitlines()
    return [line for line in lines if line and not line.startswith("#")]


def fuzz_target(schema) -> list:
    """The operations fuzzed: the test API and every operation tagged as a JSON contract."""
    operations = [result.ok() for result in schema.get_all_operations()]
    return [op for op in operations if op.path.startswith(TEST_API_PREFIX)
            or any(tag.startswith(JSON_TAG_PREFIX) for tag in op.definition.raw.get("tags", []))]


@dataclass
class FuzzRun:
    label: str  # the operation, "POST /__test__/accounts"
    cases: int = 0
    statuses: Counter = field(default_factory=Counter)
    server_errors: list[str] = field(default_factory=list)      # SEC-API-01
    refusals_not_json: list[str] = field(default_factory=list)  # SEC-API-01: a 4xx must be a JSON error
    invalid_accepted: list[str] = field(default_factory=list)   # SEC-API-01: schema-violating input got a 2xx
    nonconforming: list[str] = field(default_factory=list)      # SEC-API-02
    seconds: float = 0.0
    no_invalid_input: bool = False  # every parameter accepts any value: no invalid request exists

    def summary(self) -> str:
        return (f"{self.label}: {self.cases} generated requests in {self.seconds:.1f} s, "
                f"statuses {dict(sorted(self.statuses.items()))}")


def _anonymous(base_url: str) -> tuple[dict, dict]:
    """A fresh anonymous browser session: (cookies, headers with its CSRF token), as a page has."""
    with httpx.Client(base_url=base_url, timeout=30) as client:
        headers = script_headers(client, "/login")
        return dict(client.cookies), headers


def _existing_objects(base_url: str) -> tuple[dict, dict, dict]:
    """A signed-in session on a fresh account, and path values naming real objects."""
    with httpx.Client(base_url=base_url, timeout=30) as client:
        email, password = f"fuzz-{time.monotonic_ns()}@example.com", "correct horse battery staple"
        client.post(f"{TEST_API_PREFIX}/maintenance", json={"on": False})  # the fuzzer may have switched it on
        seeded = client.post(f"{TEST_API_PREFIX}/accounts", json={"email": email, "password": password,
                                                                  "balance_usdt": "100"})
        review = client.post(f"{TEST_API_PREFIX}/reviews", json={"kind": "lost_authenticator",
                                                                 "account_id": seeded.json()["id"]})
        signed_in = post_form(client, "/login", {"method": "email", "email": email, "password": password})
        assert signed_in.status_code == 303, f"could not sign in the fuzzing account ({signed_in.status_code})"
        headers = script_headers(client, "/account")
        path_values = {"account_id": seeded.json()["id"], "review_id": review.json()["id"],
                       "provider": "google", "action": "change"}
        return dict(client.cookies), headers, path_values


def _first(found: list[str], label: str, text: str) -> None:
    if not any(entry.startswith(label + ":") for entry in found):  # one example per operation is enough
        found.append(f"{label}: {text}")


def _passes(base_url: str, operation):
    """(mode, fixed path values, cookies, headers) for each round of generated requests.

    Every operation gets valid and schema-violating input from an anonymous session; one that
    names objects by id or needs a signed-in user gets a third round with real ones, so the
    fuzzer reaches past "no such account" and "log in again".
    """
    cookies, headers = _anonymous(base_url)  # per operation: a clock move may have expired the last one
    raw = operation.definition.raw
    yield GenerationMode.POSITIVE, {}, cookies, headers
    if raw.get("parameters") or raw.get("requestBody"):  # else nothing can be made invalid
        yield GenerationMode.NEGATIVE, {}, cookies, headers
    names = {p["name"] for p in raw.get("parameters", []) if p.get("in") == "path"}
    if names or "security" in raw:
        cookies, headers, values = _existing_objects(base_url)
        yield GenerationMode.POSITIVE, {n: v for n, v in values.items() if n in names}, cookies, headers


def maintenance_on(base_url: str) -> bool:
    return httpx.get(f"{base_url}{TEST_API_PREFIX}/maintenance", timeout=30).json()["on"]


def operation_label(method: str, path: str) -> str:
    return f"{method.upper()} {path}"


def described_operations(schema) -> dict[str, object]:
    """The fuzzed operations of the OpenAPI description, by label ("POST /__test__/accounts")."""
    return {operation_label(op.method, op.path): op for op in fuzz_target(schema)}


def fuzz_operation(base_url: str, operation, *, max_examples: int) -> FuzzRun:
    """Fuzz one JSON operation with valid (positive) and schema-violating (negative) input.

    The one 5xx allowed is the documented 503 that passkey sign-in answers while the exchange
    is in maintenance (which the fuzzer can switch on through the test API).
    """
    label = operation_label(operation.method, operation.path)
    run = FuzzRun(label)
    documented = set(operation.definition.raw.get("responses", {}))
    started = time.monotonic()
    for mode, path_values, cookies, headers in _passes(base_url, operation):

        @settings(max_examples=max_examples, derandomize=True, database=None, deadline=None,
                  phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy(generation_mode=mode, path_parameters=path_values or None))
        def exercise(case):
            run.cases += 1
            try:
                response = case.call(base_url=base_url, headers=headers, cookies=cookies)
            except Exception as crash:  # the connection dropped: the server died or hung up
                run.statuses[500] += 1
                _first(run.server_errors, label, f"{mode.value} input -> crash {crash!r}\n{case.as_curl_command()}")
                return
            run.statuses[response.status_code] += 1
            status = response.status_code
            reproduce = f"{mode.value} input -> {status}\n{case.as_curl_command()}\n{response.text[:300]}"
            if status >= 500 and not (status == 503 and "503" in documented and maintenance_on(base_url)):
                _first(run.server_errors, label, reproduce)
            content_type = (response.headers.get("content-type") or [""])[0]
            if 400 <= status < 500 and not content_type.startswith("application/json"):
                _first(run.refusals_not_json, label, reproduce)
            if mode is GenerationMode.NEGATIVE:
                try:
                    case.validate_response(response, checks=[negative_data_rejection])
                except FailureGroup as failure:
                    _first(run.invalid_accepted, label, str(failure)[:1500])
            try:
                case.validate_response(response, checks=CONFORMANCE)
            except FailureGroup as failure:
                _first(run.nonconforming, label, str(failure)[:1500])

        try:
            exercise()
        except Unsatisfiable:  # every parameter accepts any value: no invalid request exists
            run.no_invalid_input = True
    run.seconds = time.monotonic() - started
    return run
