"""The suites against deployments with none of the private hooks: `exchange-e2e serve
--no-test-api` for each brand (no seeding, clock, SMS outbox or maintenance switch), its e-mail sent
to MailDev and read through MailDev's REST API, its SMS read from the gateway it posts to, accounts made through the
sign-up screens or taken from the pool of pre-made accounts its operator loaded
(targets/staging-mode.toml, the ports and the pool file given from the environment).

It holds when nothing fails, every skip gives a reason that starts "needs ", the tests skipped
at collection are exactly those whose fixture closure (as pytest computes it) needs what the
profile lacks, every account made or taken is in the ledger, and the share of the whole catalogue
that ran on the two deployments together is printed and held at its floor."""

import json
import sqlite3
import subprocess
import sys

import httpx

from fixtures.catalogue import PROJECT_ROOT
from fixtures.needs import AT_STEP
from fixtures.outcomes import read
from fixtures.processes import start
from fixtures.runnable import measure
from tests.account_pools import write_pool
from tests.mail_servers import start_maildev
from tests.processes import closure_dump_environ, free_port, stop, wait_until_listening

SUITES = {"pionex": ["suites/pionex", "suites/security"], "coinex": ["suites/coinex", "suites/security"]}
# Fixtures whose needs staging mode lacks: clock, back office, maintenance switch, servers of the test's own.
LACKING_FIXTURES = {"time_travel", "support_agent", "maintenance", "fuzz_targets", "dedicated_servers"}
SHARE_FLOOR = 0.40  # of the whole catalogue, both deployments together (issue 14)


def test_the_suites_run_against_deployments_without_a_test_api(tmp_path):
    outcomes: dict[str, dict] = {}
    for brand, suites in SUITES.items():
        for nodeid, entry in _run_against_staging(tmp_path / brand, brand, suites).items():
            if nodeid not in outcomes or outcomes[nodeid]["outcome"] == "skipped":  # the run of its own brand
                outcomes[nodeid] = entry

    measured = measure(outcomes)
    for brand in SUITES:
        mine = measure(outcomes, (brand,))
        print(f"staging mode, {brand}: {len(mine.ran)} of {mine.catalogue} {brand} + both behaviours ran "
              f"({mine.share:.0%})")
    print(f"staging mode, both deployments: {len(measured.ran)} of {measured.catalogue} catalogue behaviours ran "
          f"({measured.share:.0%})")
    assert measured.share >= SHARE_FLOOR, f"{len(measured.ran)} of {measured.catalogue} ran ({measured.share:.0%})"


def _run_against_staging(folder, brand: str, suites: list[str]) -> dict[str, dict]:
    folder.mkdir()
    port, sms_port = free_port(), free_port()
    log, pool = folder / "serve.log", folder / "account-pool.toml"
    pooled = write_pool(pool, [PROJECT_ROOT / suite for suite in suites], prefix=f"qa-pool-{folder.parent.name}")
    maildev, smtp_port, mail_url = start_maildev(folder)  # the mail catcher QA teams run in staging
    with open(log, "w") as handle:
        serve = start([sys.executable, "-m", "fixtures.cli", "serve", "--brand", brand, "--no-test-api",
                       "--port", str(port), "--smtp-host", "127.0.0.1", "--smtp-port", str(smtp_port),
                       "--sms-port", str(sms_port), "--data-dir", str(folder / "data"), "--account-pool", str(pool)],
                      cwd=PROJECT_ROOT, stdout=handle, stderr=subprocess.STDOUT)
    ledger = PROJECT_ROOT / ".e2e-ledger" / "staging-mode.jsonl"
    ledger_before = len(ledger.read_text().splitlines()) if ledger.exists() else 0
    environ = closure_dump_environ(folder, EXCHANGE_E2E_BASE_URL=f"http://localhost:{port}",
                                   EXCHANGE_E2E_BRAND=brand,
                                   EXCHANGE_E2E_MAIL="maildev", EXCHANGE_E2E_MAIL_URL=mail_url,
                                   EXCHANGE_E2E_SMS_URL=f"http://127.0.0.1:{sms_port}/messages",
                                   EXCHANGE_E2E_ACCOUNT_POOL=str(pool))
    results = folder / "results.json"
    try:
        wait_until_listening(serve, port, log, seconds=120)  # the pool's passwords are hashed before it listens
        assert httpx.get(f"http://localhost:{port}/__test__/info").status_code == 404, "the test API is mounted"
        subprocess.run([sys.executable, "-m", "pytest", *suites, "--target=staging-mode", "--collect-only", "-q",
                        "-p", "closure_dump", "-p", "no:cacheprovider"], cwd=PROJECT_ROOT, env=environ, check=True,
                       capture_output=True)
        run = subprocess.run([sys.executable, "-m", "pytest", *suites, "--target=staging-mode", "-n", "2", "-q",
                              "-p", "no:cacheprovider", f"--results-json={results}", f"--basetemp={folder / 'run'}"],
                             cwd=PROJECT_ROOT, env=environ, capture_output=True, text=True, timeout=1200)
        delivered = {address for mail in httpx.get(f"{mail_url}/email").json() for address in _recipients(mail)}
    finally:
        stop(serve)
        stop(maildev)

    print(run.stdout[-3000:])
    assert run.returncode == 0, run.stdout[-6000:]
    outcomes = read(results)
    assert {entry["outcome"] for entry in outcomes.values()} <= {"passed", "skipped"}
    skipped = {nodeid: entry["reason"] for nodeid, entry in outcomes.items() if entry["outcome"] == "skipped"}
    assert all(reason.startswith("needs ") for reason in skipped.values()), set(skipped.values())

    closure = json.loads((folder / "closure.json").read_text())
    other_brand = {nodeid for nodeid, reason in skipped.items() if f"serves {brand}" in reason}  # skipped first
    lacking = {nodeid for nodeid, names in closure.items() if LACKING_FIXTURES & set(names)} - other_brand
    at_collection = {nodeid for nodeid, reason in skipped.items()
                     if "target staging-mode has none" in reason and not reason.endswith(AT_STEP)}
    assert lacking <= set(skipped), sorted(lacking - set(skipped))[:10]
    assert at_collection == lacking, sorted(at_collection ^ lacking)[:10]

    made = [json.loads(line) for line in ledger.read_text().splitlines()[ledger_before:]]
    assert any("factors" in entry for entry in made) and {entry["target"] for entry in made} == {"staging-mode"}
    assert all(entry["email"] is None or entry["email"].startswith(("e2e-", "qa-pool-")) for entry in made)
    with sqlite3.connect(folder / "data" / f"{brand}.sqlite3") as database:  # the server's own records
        registered = {email for (email,) in database.execute("SELECT email FROM accounts WHERE email LIKE 'e2e-%'")}
    missing = registered - {entry["email"] for entry in made}  # made by the harness, or signed up by a test itself
    assert registered and not missing, f"accounts made but not in the ledger: {sorted(missing)[:5]}"
    signed_up = {entry["email"] for entry in made if "factors" in entry and not entry.get("pool") and entry["email"]}
    assert signed_up and signed_up <= delivered, "the harness's sign-up codes did not go through MailDev"

    claimed = (PROJECT_ROOT / ".e2e-ledger" / "staging-mode.pool-claims").read_text().split()
    from_the_pool = [entry for entry in made if entry.get("pool")]
    assert from_the_pool and {entry["email"] or entry["phone"] for entry in from_the_pool} <= set(claimed)
    print(f"account pool, {brand}: {len(from_the_pool)} of {pooled} pre-made accounts handed out")
    return outcomes


def _recipients(mail: dict) -> list[str]:
    return [recipient["address"].lower() for recipient in mail.get("to", [])]
