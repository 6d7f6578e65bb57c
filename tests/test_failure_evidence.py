"""A failed suite test carries its evidence in Allure: screenshot, trace (opened by Allure 3's
trace viewer), server log, e-mails; and keeps all of it when the report leaves plumbing out.

Runs tests/evidence_example/failing_example.py (which fails on purpose) in a child pytest with
its own Allure results folder, then reads what allure-pytest wrote.
"""

import json
import subprocess
import sys
from pathlib import Path

from fixtures.catalogue import PROJECT_ROOT
from fixtures.reporting import PLAYWRIGHT_TRACE
from fixtures.result_trim import trim_fixture_entries

EXAMPLE = PROJECT_ROOT / "tests" / "evidence_example" / "failing_example.py"


def _attachments(results: Path) -> dict[str, list[str]]:
    """Attachment names of the failed test, from its result and its fixtures' containers."""
    failed = [json.loads(p.read_text()) for p in results.glob("*-result.json")]
    failed = [r for r in failed if r["status"] == "failed"]
    assert len(failed) == 1, f"expected exactly one failed result, got {[r['status'] for r in failed]}"
    names = {"test": [a["name"] for a in failed[0].get("attachments", [])], "teardown": [],
             "types": {a["name"]: a.get("type") for a in failed[0].get("attachments", [])}}
    for container in results.glob("*-container.json"):
        data = json.loads(container.read_text())
        if failed[0]["uuid"] in data.get("children", []):
            for after in data.get("afters", []):
                names["teardown"] += [a["name"] for a in after.get("attachments", [])]
    return names


def test_a_failed_browser_test_carries_screenshot_trace_server_log_and_emails(tmp_path):
    results = tmp_path / "allure-results"
    run = subprocess.run(
        [sys.executable, "-m", "pytest", str(EXAMPLE), f"--alluredir={results}", "-p", "no:cacheprovider",
         "-p", "no:randomly", "-q", f"--rootdir={PROJECT_ROOT}"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=180,
    )
    assert run.returncode == 1, f"the example must fail (exit 1), got {run.returncode}:\n{run.stdout[-3000:]}"

    found, kept = trim_fixture_entries(results)  # what the report is built from
    assert kept < found, "no plumbing fixture was left out"
    names = _attachments(results)
    assert any(n.startswith("screenshot") for n in names["test"]), names
    assert names["types"].get("Playwright trace") == PLAYWRIGHT_TRACE, (
        "the trace does not open in Allure's trace viewer"
    )
    # on the test's own result, so the report's Attachments tab lists them, not a collapsed tear-down
    assert "server log (during this test)" in names["test"], names
    assert "e-mails sent during this test" in names["test"], names
    assert names["teardown"] == [], names
    trace = [p for p in results.glob("*-attachment.zip")]
    assert trace and trace[0].stat().st_size > 1000, "the trace attachment is missing or empty"
    log = [p.read_text() for p in results.glob("*-attachment.txt")]
    assert any("POST /login" in text for text in log), "the server log excerpt does not show the login"
    assert any("login verification code" in text for text in log), "the e-mail attachment does not hold the code mail"
    assert "browser console and failed requests" in names["test"], names
    assert any("HTTP 404: GET" in text and "/no-such-page" in text and "console error: example console error" in text
               for text in log), "the browser's console errors and failed requests are not in the evidence"
