"""Tiers (fixtures/tiers.py): smoke reaches every blocker and critical behaviour, regression every
behaviour on each brand, full everything; an unknown tier stops the run naming the choices."""

import json
import subprocess
import sys

import pytest

from fixtures import brands
from fixtures.catalogue import PROJECT_ROOT, load_catalogue

PYTEST = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:randomly"]
BEHAVIOUR_SUITES = (*(f"suites/{brand}/" for brand in brands.NAMES), "suites/security/")


@pytest.fixture(scope="module")
def collected(tmp_path_factory) -> dict[str, dict[str, dict]]:
    """{tier: {nodeid: {"ids": [...], ...}}} from one collection per tier, run side by side."""
    folder = tmp_path_factory.mktemp("tiers")
    runs = {tier: subprocess.Popen([*PYTEST, "suites", "--collect-only", "-q", f"--tier={tier}",
                                    f"--list-variants={folder / tier}.json"],
                                   cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            for tier in ("smoke", "regression", "full")}
    for tier, run in runs.items():
        out, _ = run.communicate(timeout=300)
        assert run.returncode == 0, f"{tier}: {out[-3000:]}"
    return {tier: json.loads((folder / f"{tier}.json").read_text()) for tier in runs}


def _reached(tests: dict[str, dict]) -> set[tuple[str, str]]:
    """(ID, brand) pairs the tests name; a security test reaches the brand in its node ID."""
    pairs = set()
    for nodeid, test in tests.items():
        for behaviour_id in test["ids"]:
            pairs.update((behaviour_id, brand) for brand in brands.NAMES if brand in nodeid.lower())
            if behaviour_id.startswith(("PX-", "CX-")):
                pairs.add((behaviour_id, "pionex" if behaviour_id.startswith("PX-") else "coinex"))
    return pairs


def test_smoke_names_every_blocker_and_critical_behaviour_and_is_a_small_part_of_the_regression(collected):
    smoke, regression = collected["smoke"], collected["regression"]
    named = {i for test in smoke.values() for i in test["ids"]}
    severe = {b.id for b in load_catalogue().values() if b.severity in ("blocker", "critical")}

    assert severe - named == set()
    assert set(smoke) < set(collected["full"])
    assert len(smoke) <= len(regression) // 2, f"smoke has {len(smoke)} tests, regression {len(regression)}"


def test_regression_is_the_behaviour_suites_and_reaches_every_behaviour_on_its_brands(collected):
    regression, full = collected["regression"], collected["full"]
    wanted = {(b.id, brand) for b in load_catalogue().values()
              for brand in b.brands}
    reachable = _reached(full) & wanted

    assert {n for n in full if n.startswith(BEHAVIOUR_SUITES)} <= set(regression)
    assert reachable - _reached(regression) == set()
    assert len(regression) < len(full) // 4, "hostile input and accessibility belong to the full tier only"


def test_an_unknown_tier_stops_the_run_naming_the_tiers():
    pytest_run = subprocess.run([*PYTEST, "suites", "--collect-only", "-q", "--tier=nightly"],
                                cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120)
    cli_run = subprocess.run([sys.executable, "-m", "fixtures.cli", "run", "--tier", "nightly"],
                             cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=120)

    for run in (pytest_run, cli_run):
        assert run.returncode not in (0, 5)
        assert "invalid choice: 'nightly'" in run.stderr and "'smoke', 'regression', 'full'" in run.stderr
