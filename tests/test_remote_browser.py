"""Remote browsers: the suites drive a browser served by `playwright run-server`.

A local run-server stands in for a browser machine. It is started with --unsafe so that it
accepts CHROMIUM_PATH (this machine has Debian's Chromium, not Playwright's download).
"""

import os
import subprocess
import sys

from fixtures.browser import find_chromium
from fixtures.catalogue import PROJECT_ROOT
from fixtures.outcomes import read

from fixtures.processes import start
from tests.processes import free_port, stop, wait_until_listening

SUITE = "suites/pionex/sign_in/test_login.py"


def _run_suite(endpoint: str, results, tmp_path):
    return subprocess.run(
        [sys.executable, "-m", "pytest", SUITE, "-n", "0", "-q", "-p", "no:cacheprovider",
         f"--browser-endpoint={endpoint}", f"--results-json={results}", f"--basetemp={tmp_path / 'run'}"],
        cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300,
        env={**os.environ, "CHROMIUM_PATH": find_chromium()},
    )


def test_a_suite_runs_in_a_browser_served_by_playwright_run_server(tmp_path):
    port, log = free_port(), tmp_path / "run-server.log"
    with open(log, "w") as handle:
        server = start(
            [sys.executable, "-m", "playwright", "run-server", "--host", "127.0.0.1", "--port", str(port), "--unsafe"],
            stdout=handle, stderr=subprocess.STDOUT, env={**os.environ, "DEBUG": "pw:server"},
        )
    try:
        wait_until_listening(server, port, log)
        results = tmp_path / "results.json"
        run = _run_suite(f"ws://127.0.0.1:{port}/", results, tmp_path)
    finally:
        stop(server)

    outcomes = read(results)
    assert run.returncode == 0, run.stdout[-4000:]
    assert outcomes and {entry["outcome"] for entry in outcomes.values()} == {"passed"}
    served = log.read_text()
    assert 'engaged launch mode for "chromium"' in served, f"the run-server launched no browser:\n{served[-2000:]}"


def test_an_unreachable_browser_endpoint_fails_the_run_instead_of_launching_locally(tmp_path):
    results = tmp_path / "results.json"
    run = _run_suite(f"ws://127.0.0.1:{free_port()}/", results, tmp_path)

    outcomes = read(results)
    assert run.returncode != 0
    assert outcomes and {entry["outcome"] for entry in outcomes.values()} == {"error"}, run.stdout[-2000:]
