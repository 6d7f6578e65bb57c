"""Another deployment: --target served points the suites at an exchange they did not start.

`exchange-e2e serve` runs in its own process, as a person would start it; the suites reach
it only through the profile README gives (targets/served.toml: the site, its test API and the
e-mail catcher's HTTP view), with the ports overridden from the environment as a CI job would.
"""

import re
import sqlite3
import subprocess
import sys

from fixtures.catalogue import PROJECT_ROOT
from fixtures.outcomes import read

from fixtures.processes import start
from tests.processes import environ_without_overrides, free_port, stop, wait_until_listening

SUITES = ["suites/pionex/sign_in/test_login.py", "suites/pionex/lockout"]


def test_suites_pass_against_a_separately_started_exchange(tmp_path):
    port, smtp_port, mail_port = free_port(), free_port(), free_port()
    data, log = tmp_path / "data", tmp_path / "serve.log"
    with open(log, "w") as handle:
        serve = start(
            [sys.executable, "-m", "fixtures.cli", "serve", "--brand", "pionex", "--port", str(port),
             "--smtp-port", str(smtp_port), "--mail-port", str(mail_port), "--data-dir", str(data)],
            cwd=PROJECT_ROOT, stdout=handle, stderr=subprocess.STDOUT,
        )
    try:
        wait_until_listening(serve, port, log)
        mail_url = re.search(r"as JSON at (\S+)", log.read_text()).group(1)  # what serve prints
        results = tmp_path / "results.json"
        overrides = {"EXCHANGE_E2E_BASE_URL": f"http://localhost:{port}", "EXCHANGE_E2E_MAIL_URL": mail_url}
        run = subprocess.run(
            [sys.executable, "-m", "pytest", *SUITES, "-n", "0", "-q", "-p", "no:cacheprovider", "--target=served",
             f"--results-json={results}", f"--basetemp={tmp_path / 'run'}"],
            cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=600, env=environ_without_overrides(**overrides),
        )
    finally:
        stop(serve)

    outcomes = read(results)
    assert run.returncode == 0, run.stdout[-4000:]
    assert len(outcomes) >= 7 and {entry["outcome"] for entry in outcomes.values()} == {"passed"}
    ran = re.search(r"target served: \d+ of \d+ catalogue behaviours \(pionex \+ both\) ran", run.stdout)
    assert ran, run.stdout[-2000:]
    # The accounts the tests made are in the served exchange's database: no embedded mock ran.
    with sqlite3.connect(data / "pionex.sqlite3") as database:
        accounts = database.execute("SELECT count(*) FROM accounts").fetchone()[0]
    assert accounts >= len(outcomes)
