"""`exchange-e2e run --brand NAME` (pytest --brand NAME, make e2e BRAND=NAME): that brand's suites
and the shared suites' tests for it, nothing of the others; a brand the suites do not know, or
one the target does not serve, stops the run at once with the known brands or the fix."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from fixtures import brands, cli, targets
from fixtures.catalogue import PROJECT_ROOT
from tests.processes import environ_without_overrides

PYTEST = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:randomly", "--collect-only", "-q"]
# one file of each brand, shared suites parametrised by a conftest fixture, by parametrize calls
# (some naming one brand only) and by a table of screens per brand
PATHS = ["suites/pionex/lockout/test_lockout.py", "suites/coinex/troubleshooting", "suites/security/test_throttling.py",
         "suites/security/test_lock_doors.py", "suites/security/test_passkey_notices.py",
         "suites/robustness/api_schema", "suites/accessibility"]


def brand_of(nodeid: str) -> str | None:
    """The brand a node ID names: its suite folder, or a brand among its parameter IDs."""
    path, _, rest = nodeid.partition("::")
    folder = path.split("/")[1]
    if folder in brands.NAMES:
        return folder
    named = {part for part in rest.partition("[")[2].rstrip("]").split("-") if part in brands.NAMES}
    assert len(named) <= 1, f"{nodeid} names several brands"
    return named.pop() if named else None


def _node_ids(out: str) -> list[str]:
    return [line for line in out.splitlines() if "::" in line]


@pytest.fixture(scope="module")
def collected() -> dict[str | None, list[str]]:
    """{None: every test of PATHS, brand: what --brand brand collects}, collected side by side."""
    runs = {brand: subprocess.Popen([*PYTEST, *PATHS, *([f"--brand={brand}"] if brand else [])], cwd=PROJECT_ROOT,
                                    env=environ_without_overrides(), stdout=subprocess.PIPE,
                                    stderr=subprocess.STDOUT, text=True)
            for brand in (None, *brands.NAMES)}
    found = {}
    for brand, run in runs.items():
        out, _ = run.communicate(timeout=300)
        assert run.returncode == 0, out[-3000:]
        found[brand] = _node_ids(out)
    return found


def test_brand_collects_exactly_that_brands_tests(collected):
    whole = collected[None]
    assert {brand_of(nodeid) for nodeid in whole} == set(brands.NAMES), "every test here runs against one brand"
    for brand in brands.NAMES:
        assert collected[brand], f"--brand {brand} collected nothing"
        assert collected[brand] == [nodeid for nodeid in whole if brand_of(nodeid) == brand]
    assert sorted(sum((collected[brand] for brand in brands.NAMES), [])) == sorted(whole)


def test_exchange_e2e_run_passes_brand_to_the_run(collected, monkeypatch, tmp_path, capfd):
    for name, folder in (("RESULTS_DIR", "allure-results"), ("OUTPUT_DIR", "test-results")):
        monkeypatch.setattr(cli, name, tmp_path / folder)
    monkeypatch.setattr(cli, "LAST_RUN", tmp_path / "test-results" / "last-run.json")
    for key in [key for key in os.environ if key.startswith(targets.ENV_PREFIX)]:
        monkeypatch.delenv(key)
    brand = brands.NAMES[-1]

    code = cli.main(["run", "--brand", brand, "--no-report", "-n", "0", "-p", "no:randomly", "--collect-only", "-q",
                     *PATHS])

    out = capfd.readouterr().out
    assert code == 0, out[-3000:]
    assert f"--brand={brand}" in out.splitlines()[0]
    assert _node_ids(out) == collected[brand]


def _run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "fixtures.cli", "run", *args], cwd=PROJECT_ROOT,
                          env=environ_without_overrides(), capture_output=True, text=True, timeout=60)


def test_an_unknown_brand_stops_the_run_at_once_naming_the_known_ones(tmp_path):
    message = f"--brand 'binance' is not a brand the suites know; choose one of: {', '.join(brands.NAMES)}"
    earlier = PROJECT_ROOT / "allure-results" / f"earlier-run-{tmp_path.name}.json"  # what a run would remove first
    earlier.parent.mkdir(exist_ok=True)
    earlier.write_text("{}")
    try:
        run = _run_cli("--brand", "binance")
        assert run.returncode == 2 and message in run.stderr, run.stderr
        assert earlier.exists(), "the run removed the last results before checking its brand"
    finally:
        earlier.unlink(missing_ok=True)
    pytest_run = subprocess.run([*PYTEST, "suites/coinex/troubleshooting", "--brand=binance"], cwd=PROJECT_ROOT,
                                env=environ_without_overrides(), capture_output=True, text=True, timeout=120)
    assert pytest_run.returncode == pytest.ExitCode.USAGE_ERROR and message in pytest_run.stderr


def test_a_brand_the_target_does_not_serve_is_a_conflict_naming_the_fix(tmp_path):
    served, other = brands.NAMES[:2]
    profile = tmp_path / "one-brand.toml"
    profile.write_text(f'name = "one-brand"\nbrand = "{served}"\n')

    run = _run_cli("--target", str(profile), "--brand", other)

    assert run.returncode == 2
    assert (f"--brand {other} conflicts with target one-brand, which serves {served} (brand = \"{served}\" in "
            f"{profile}); drop --brand, or choose a target that serves {other}") in run.stderr


def test_for_brand_narrows_the_target_or_names_the_conflict():
    served, other = brands.NAMES[:2]
    embedded = targets.Target(name="embedded", source="targets/embedded.toml")
    assert embedded.brands == brands.NAMES
    assert targets.for_brand(embedded, None) is embedded
    assert targets.for_brand(embedded, other).brands == (other,)
    one = targets.Target(name="s", source="targets/s.toml", brand=served)
    assert targets.for_brand(one, served) == one
    overridden = targets.Target(name="s", source="targets/s.toml", brand=served, overridden=("brand",))
    with pytest.raises(targets.TargetError, match=f"which serves {served} \\(EXCHANGE_E2E_BRAND={served}\\); "
                                                  f"drop --brand, or choose a target that serves {other}"):
        targets.for_brand(overridden, other)
