"""The benchmark's arithmetic and the servers' timing file (exchange-e2e bench)."""

import asyncio

from fixtures.bench import Run, busy_cores, cpu_ticks, markdown, percentile, summarise, usable_cores
from mock_exchange.timings import RequestTimings, read_timings


def _run(name, workers, wall, seconds, timings=(), failed=()):
    outcomes = {f"t{i}": {"outcome": "failed" if f"t{i}" in failed else "passed", "seconds": s}
                for i, s in enumerate(seconds)}
    return Run(name, workers, wall, outcomes, list(timings), 1 if failed else 0)


def test_percentile_is_nearest_rank():
    values = list(range(1, 101))
    assert percentile(values, 0.50) == 50
    assert percentile(values, 0.95) == 95
    assert percentile([7.0], 0.95) == 7.0


def test_summary_compares_the_suites_with_the_floor_and_judges_each_target():
    floor = _run("floor", 1, 10, [0.5, 0.4, 0.6])
    serial = _run("n1", 1, 100, [1.0, 1.0, 1.6, 6.0], timings=[10, 20, 30, 400])
    parallel = _run("n2", 2, 62.5, [1.0] * 4, failed=("t3",))

    summary = summarise(floor, serial, parallel)

    assert summary["floor"]["median_s"] == 0.5
    assert summary["ratio_mean_to_floor"] == round(2.4 / 0.5, 2)
    assert summary["wall"]["speedup"] == 1.6
    assert summary["suites"]["over_5_s"] == 1
    assert summary["server"]["n1"] == {"requests": 4, "p50_ms": 20, "p95_ms": 400}
    assert summary["failures"]["n2"] == ["t3"]
    assert list(summary["targets"].values())[:3] == [False, False, False]
    table = markdown(summary)
    assert "| speed-up at -n 2 | 1.60 |" in table and "**no**" in table and "`t3`" in table


def test_every_request_gets_a_line_with_its_status_and_a_clean_path(tmp_path):
    async def app(scope, receive, send):
        await send({"type": "http.response.start", "status": 418, "headers": []})
        await send({"type": "http.response.body", "body": b""})

    async def noop(message):
        return None

    timed = RequestTimings(app, tmp_path / "t.tsv")
    asyncio.run(timed({"type": "http", "method": "POST", "path": "/login\t\nx"}, None, noop))
    timed.out.close()

    [(method, path, status, ms)] = read_timings([tmp_path / "t.tsv"])
    assert (method, path, status) == ("POST", "/login  x", 418)
    assert ms >= 0


def test_busy_cores_come_from_the_share_of_non_idle_ticks():
    assert busy_cores((100, 1000), (400, 1400), cores=2) == 1.5  # 300 busy of 400 ticks on 2 cores
    assert busy_cores(None, (1, 2), cores=2) is None
    assert busy_cores((5, 10), (5, 10), cores=2) is None
    ticks = cpu_ticks()  # None where there is no /proc/stat
    assert ticks is None or 0 <= ticks[0] <= ticks[1]


def test_the_table_shows_the_speedup_ceiling_the_first_worker_leaves():
    floor = _run("floor", 1, 10, [0.5])
    serial = _run("n1", 1, 100, [1.0])
    serial.busy_cores = 1.6
    parallel = _run("n2", 2, 80, [1.0])
    parallel.busy_cores = 1.9

    summary = summarise(floor, serial, parallel)

    assert summary["cpu"]["n1_busy_cores"] == 1.6
    assert summary["cpu"]["speedup_ceiling"] == round(usable_cores() / 1.6, 2)
    assert "| cores busy (of" in markdown(summary)


def test_the_table_shows_each_tier_against_its_target_and_the_shard_balance():
    floor = _run("floor", 1, 10, [0.5])
    serial = _run("n1", 1, 100, [4.0, 1.0, 1.0, 1.0, 1.0])
    parallel = _run("n2", 2, 700, [1.0] * 5)
    tiers = {"smoke": _run("smoke", 2, 80, [1.0]), "regression": _run("regression", 2, 301, [1.0], failed=("t0",))}

    summary = summarise(floor, serial, parallel, tiers, committed_durations={"t0": 1.0})

    assert summary["tiers"]["smoke"] == {"tests": 1, "wall_s": 80, "target_s": 90.0, "failed": 0}
    targets = summary["targets"]
    assert targets["smoke tier at -n 2 <= 90 s"] is True
    assert targets["regression tier at -n 2 <= 300 s"] is False
    assert targets["full tier at -n 2 <= 600 s"] is False
    # measured: one 4 s test alone, the four 1 s tests spread over the other three shards
    assert sorted(summary["shards"]["measured"]["shards_s"]) == [1.0, 1.0, 2.0, 4.0]
    assert summary["shards"]["measured"]["max_over_mean"] == 2.0
    # planned from the committed file, where only t0 (1 s there) is timed: pytest-split gives the
    # others its mean too, so the 4 s test may share a shard, which the measured seconds show
    committed = summary["shards"]["committed"]
    assert committed["timed"] == 1
    assert sum(committed["shards_s"]) == 8.0 and max(committed["shards_s"]) >= 4.0
    assert committed["max_over_mean"] == round(max(committed["shards_s"]) / 2.0, 3)
    assert targets["slowest of 4 shards <= 1.15 x mean"] is False
    table = markdown(summary)
    assert "| smoke | 1 | 80 s | 90 s | 0 |" in table
    assert "Failed at the regression tier: `t0`" in table


def test_where_the_time_goes_per_area_and_repeated_visit():
    from fixtures.bench import repeated_visits, seconds_per_area

    outcomes = {"suites/pionex/lockout/test_a.py::t": {"seconds": 2.0},
                "suites/pionex/lockout/test_b.py::t": {"seconds": 1.0},
                "suites/accessibility/test_c.py::t[x]": {"seconds": 5.0}}
    assert seconds_per_area(outcomes) == [{"area": "suites/accessibility", "tests": 1, "seconds": 5.0},
                                          {"area": "suites/pionex/lockout", "tests": 2, "seconds": 3.0}]
    requests = [("GET", "/login?next=/a", 200, 500.0), ("GET", "/login", 200, 700.0), ("POST", "/login", 303, 100.0),
                ("GET", "/once", 200, 9000.0)]
    assert repeated_visits(requests) == [{"visit": "GET /login", "count": 2, "server_s": 1.2}]
