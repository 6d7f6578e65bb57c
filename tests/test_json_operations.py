"""The fuzzer's list of JSON operations (suites/robustness/api_schema/json_operations.txt) is the
mock exchange's: found here from its routers, not from its description, so the suite can read
the list without importing the mock and an endpoint missing from /openapi.json still gets a
test of its own (which then fails)."""

import inspect

from fastapi.routing import APIRoute

from mock_exchange.app import SCREENS, TEST_API
from mock_exchange.web.json_api import JSON_TAGS, JsonRoute
from suites.robustness.api_schema.fuzzing import JSON_TAG_PREFIX, OPERATIONS_FILE, TEST_API_PREFIX, json_operations


def json_routes() -> set[str]:
    """Every "METHOD /path" the app serves as JSON: the test API, JSON-contract routes, and any
    handler that reads JSON or answers with it."""
    found = set()
    for module in (*SCREENS, *TEST_API):
        for route in module.router.routes:
            if not isinstance(route, APIRoute):
                continue
            source = inspect.getsource(route.endpoint)
            if (route.path.startswith(TEST_API_PREFIX) or isinstance(route, JsonRoute)
                    or set(route.tags) & set(JSON_TAGS) or "checked_json" in source or "JSONResponse" in source):
                found |= {f"{method} {route.path}" for method in route.methods}
    return found


def test_the_fuzzers_operation_list_is_every_json_route_of_the_mock():
    listed = json_operations()
    assert listed == sorted(set(listed)), f"{OPERATIONS_FILE.name}: keep it sorted, one operation per line"
    served = json_routes()
    assert not served - set(listed), (f"JSON routes missing from {OPERATIONS_FILE}: {sorted(served - set(listed))}; "
                                      "add them, one per line, sorted")
    unserved = sorted(set(listed) - served)
    assert not unserved, f"{OPERATIONS_FILE} lists routes the mock does not serve: {unserved}"


def test_the_suites_json_tag_prefix_names_every_json_tag():
    assert JSON_TAGS and all(tag.startswith(JSON_TAG_PREFIX) for tag in JSON_TAGS)
