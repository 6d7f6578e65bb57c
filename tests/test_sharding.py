"""Sharding across CI machines: pytest-split shards by the committed .test_durations,
shard i of n runs a disjoint part, and the shards' Allure results merge into one report."""

import json
import subprocess
import sys

from fixtures.catalogue import PROJECT_ROOT

DURATIONS = PROJECT_ROOT / ".test_durations"
SMALL_SUITE = "suites/pionex/sign_in"
PYTEST = [sys.executable, "-m", "pytest", "-p", "no:cacheprovider"]


def _collect(*args: str) -> subprocess.Popen:
    return subprocess.Popen([*PYTEST, "--collect-only", "-q", *args], cwd=PROJECT_ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def _node_ids(process: subprocess.Popen) -> list[str]:
    out, _ = process.communicate(timeout=300)
    assert process.returncode == 0, out[-3000:]
    return [line for line in out.splitlines() if "::" in line]


def test_shards_are_disjoint_and_together_are_the_whole_suite():
    runs = [_collect("suites"), *(_collect("suites", "--splits", "2", "--group", str(i)) for i in (1, 2))]
    whole, first, second = (_node_ids(run) for run in runs)

    assert first and second
    assert not set(first) & set(second)
    assert sorted(first + second) == sorted(whole)
    timed = json.loads(DURATIONS.read_text())
    untimed = [node for node in whole if node not in timed]
    assert len(untimed) <= len(whole) // 10, (
        f"{len(untimed)} of {len(whole)} tests have no committed duration, so shards drift out of balance: "
        f"run `make bench ARGS=--update-durations` (first: {untimed[:5]})")


def _result_names(folder) -> list[str]:
    return [json.loads(path.read_text())["fullName"] for path in folder.glob("*-result.json")]


def test_two_shards_merge_into_one_allure_report(tmp_path):
    shards = [tmp_path / "shard-1", tmp_path / "shard-2"]
    for group, folder in enumerate(shards, start=1):
        run = subprocess.run([*PYTEST, SMALL_SUITE, "-q", "-n", "0", "--splits", "2", "--group", str(group),
                              f"--alluredir={folder}", f"--basetemp={tmp_path / f'tmp-{group}'}"],
                             cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=600)
        assert run.returncode == 0, run.stdout[-3000:]
    expected = len(_node_ids(_collect(SMALL_SUITE)))
    first, second = (_result_names(folder) for folder in shards)
    assert first and second and not set(first) & set(second)

    merged, report = tmp_path / "merged", tmp_path / "report"
    built = subprocess.run([sys.executable, "-m", "fixtures.cli", "report", *map(str, shards),
                            f"--results={merged}", f"--output={report}"],
                           cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=300)

    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-2000:]
    assert sorted(_result_names(merged)) == sorted(first + second)
    stats = json.loads((report / "summary.json").read_text())["stats"]
    assert stats["total"] == expected == len(first) + len(second)
    assert stats.get("passed") == expected
    assert (report / "index.html").is_file()
