"""The release verdict per brand and the checklist (fixtures/verdict.py), and that the report carries them."""

import argparse
import json
import uuid

from playwright.sync_api import expect, sync_playwright

from fixtures import cli, verdict
from fixtures.browser import find_chromium, launch_args
from fixtures.catalogue import SEEDS_DIR, Behaviour, load_catalogue, seed_quote


def _behaviour(id_, brand, severity, source="004_70c24985f7ab962c.txt", lines="14"):
    return Behaviour(id=id_, brand=brand, area="a", source=source if brand != "both" else "OWASP ASVS 5.0",
                     lines=lines if brand != "both" else "V6.3.1", kind="rule", severity=severity,
                     summary=f"{id_} holds")


CATALOGUE = {b.id: b for b in (
    _behaviour("PX-A", "pionex", "blocker"), _behaviour("PX-B", "pionex", "normal"),
    _behaviour("CX-A", "coinex", "critical"), _behaviour("SEC-A", "both", "critical"),
)}


def _result(outcome, *ids, brand=None):
    entry = {"outcome": outcome, "behaviours": list(ids), "seconds": 1.0}
    return {**entry, "brand": brand} if brand else entry


def _verdicts(results, tier="full"):
    rows = verdict.checklist(results, CATALOGUE)
    return {v.brand: v for v in verdict.verdicts(rows, tier)}, rows


def test_a_brand_ships_when_every_blocker_and_critical_behaviour_ran_on_it_and_passed():
    results = {"t1": _result("passed", "PX-A"), "t2": _result("passed", "CX-A"),
               "t3[pionex]": _result("passed", "SEC-A", brand="pionex"),
               "t3[coinex]": _result("passed", "SEC-A", brand="coinex")}
    by_brand, _ = _verdicts(results)
    assert by_brand["pionex"].verdict == by_brand["coinex"].verdict == verdict.SHIP


def test_a_failed_critical_behaviour_stops_only_its_brand_and_is_named():
    results = {"t1": _result("passed", "PX-A"), "t2": _result("failed", "CX-A"),
               "t3[pionex]": _result("passed", "SEC-A", brand="pionex"),
               "t3[coinex]": _result("passed", "SEC-A", brand="coinex")}
    by_brand, rows = _verdicts(results)
    assert by_brand["pionex"].verdict == verdict.SHIP
    assert by_brand["coinex"].verdict == verdict.DO_NOT_SHIP
    assert "failed: CX-A" in by_brand["coinex"].reasons[0]
    assert {r.id: r.status for r in rows if r.brand == "coinex"} == {"CX-A": "failed", "SEC-A": "passed"}


def test_a_security_requirement_that_ran_on_one_brand_only_has_not_run_on_the_other():
    results = {"t1": _result("passed", "PX-A"), "t2": _result("passed", "CX-A"),
               "t3[pionex]": _result("passed", "SEC-A", brand="pionex"),
               "t4": _result("skipped", "SEC-A", brand="coinex")}
    by_brand, _ = _verdicts(results)
    assert by_brand["pionex"].verdict == verdict.SHIP
    assert by_brand["coinex"].verdict == verdict.DO_NOT_SHIP
    assert by_brand["coinex"].reasons == ["1 blocker/critical behaviour(s) did not run: SEC-A"]


def test_a_run_for_one_brand_judges_that_brand_and_says_nothing_of_the_other(tmp_path):
    results = {"t1": _result("passed", "PX-A"), "t3[pionex]": _result("passed", "SEC-A", brand="pionex")}
    rows = verdict.checklist(results, CATALOGUE)
    assert {v.brand: v.verdict for v in verdict.verdicts(rows, "full", ("pionex",))} == {"pionex": verdict.SHIP}
    written = verdict.write(results, "full", tmp_path, None, ("pionex",))  # --brand pionex, or a Pionex target
    assert [v.brand for v in written] == ["pionex"]
    checklist = (tmp_path / "release-checklist.md").read_text()
    assert "CoinEx" not in checklist and "## Pionex" in checklist, checklist


def test_a_normal_behaviour_is_listed_but_does_not_decide():
    results = {"t1": _result("passed", "PX-A"), "t2": _result("passed", "CX-A"), "t3": _result("passed", "SEC-A"),
               "t5": _result("failed", "PX-B")}
    by_brand, rows = _verdicts(results)
    assert by_brand["pionex"].verdict == verdict.SHIP  # a result with no brand counts for both brands
    assert next(r for r in rows if r.id == "PX-B").status == "failed"


def test_only_the_full_tier_can_say_ship():
    results = {"t1": _result("passed", "PX-A"), "t2": _result("passed", "CX-A"), "t3": _result("passed", "SEC-A")}
    for tier in ("smoke", "regression"):
        by_brand, _ = _verdicts(results, tier)
        assert by_brand["pionex"].verdict == by_brand["coinex"].verdict == verdict.DO_NOT_SHIP
        assert by_brand["pionex"].reasons == [f"the {tier} tier runs a selection; only a full run can say ship"]


def test_the_checklist_quotes_the_seed_lines_verbatim():
    cx_secq_02 = load_catalogue()["CX-SECQ-02"]  # seeds/004 line 14
    seed_line = (SEEDS_DIR / cx_secq_02.source).read_text(encoding="utf-8").splitlines()[13].strip()
    assert seed_line and seed_quote(cx_secq_02) == seed_line
    ranged = load_catalogue()["CX-HOLD-01"]  # lines 43-44
    assert len(seed_quote(ranged).splitlines()) == 2


def test_the_allure_results_get_the_checklist_and_an_error_per_brand_that_may_not_ship(tmp_path, monkeypatch):
    monkeypatch.setattr(verdict, "load_catalogue", lambda: CATALOGUE)
    results_dir = tmp_path / "allure-results"
    results_dir.mkdir()
    outcomes = {"t1": _result("passed", "PX-A"), "t3": _result("passed", "SEC-A")}
    written = verdict.write(outcomes, "full", tmp_path / "out", results_dir)

    assert [v.verdict for v in written] == [verdict.SHIP, verdict.DO_NOT_SHIP]
    [globals_file] = results_dir.glob("*-globals.json")
    globals_ = json.loads(globals_file.read_text())
    [attachment] = globals_["attachments"]
    page = (results_dir / attachment["source"]).read_text()
    assert attachment["type"] == "text/html" and "data-verdict='do not ship'" in page and "<tr data-id=CX-A>" in page
    assert [e["message"] for e in globals_["errors"]] == [
        "CoinEx: DO NOT SHIP - 1 blocker/critical behaviour(s) did not run: CX-A"
    ]
    saved = json.loads((tmp_path / "out" / "release-checklist.json").read_text())
    assert saved["tier"] == "full" and len(saved["behaviours"]) == 5  # SEC-A once per brand
    assert "| CX-A | critical | not run |" in (tmp_path / "out" / "release-checklist.md").read_text()


def _passed_result(name: str) -> dict:
    return {"uuid": str(uuid.uuid4()), "historyId": name, "name": name, "fullName": f"tests.{name}",
            "status": "passed", "stage": "finished", "start": 1, "stop": 2,
            "labels": [{"name": "epic", "value": "CoinEx"}]}


def test_the_report_shows_the_verdict_in_its_metadata_and_the_checklist_and_errors_in_its_globals(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(verdict, "load_catalogue", lambda: CATALOGUE)
    results_dir, report = tmp_path / "allure-results", tmp_path / "report"
    results_dir.mkdir()
    (results_dir / "one-result.json").write_text(json.dumps(_passed_result("test_one")))
    outcomes = {"t1": _result("passed", "PX-A"), "t3": _result("passed", "SEC-A")}
    written = verdict.write(outcomes, "full", tmp_path / "out", results_dir)
    cli.write_environment(results_dir, None, "full", verdict.one_line(written))

    assert cli.build_report(results_dir, report) == 0

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=find_chromium(), args=launch_args())
        page = browser.new_page()
        requested, errors = [], []
        page.on("request", lambda request: requested.append(request.url))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.goto((report / "index.html").as_uri())
        # The report's script parses its inlined data before it draws; a busy runner can take longer than 5 s.
        try:
            expect(page.get_by_role("heading", name="exchange-login-e2e")).to_be_visible(timeout=30_000)
        except AssertionError as not_drawn:
            raise AssertionError(f"the report did not render; its page errors: {errors}") from not_drawn
        expect(page.get_by_text("Pionex: ship; CoinEx: do not ship")).to_be_visible()  # the metadata
        page.get_by_text("Global Errors").first.click()
        coinex_error = page.get_by_text("CoinEx: DO NOT SHIP - 1 blocker/critical behaviour(s) did not run: CX-A")
        expect(coinex_error).to_be_visible()
        page.get_by_text("Global Attachments").first.click()
        expect(page.get_by_text("Release checklist and verdict per brand")).to_be_visible()
        browser.close()
    assert errors == [], f"the report logged errors: {errors}"
    outside = [url for url in requested if not url.startswith(("file:", "data:", "blob:"))]
    assert outside == [], f"the report calls out of itself (no internet on a CI runner; no third party): {outside}"


def _shard(folder, *results):
    """A CI shard's results: its tests (tags = behaviours, brand parameter) and its own verdict."""
    folder.mkdir()
    for status, behaviour_id, brand in results:
        result = {**_passed_result(f"test_{behaviour_id}_{brand}"), "status": status,
                  "labels": [{"name": "tag", "value": behaviour_id}],
                  "parameters": [{"name": "brand", "value": repr(brand)}]}
        (folder / f"{uuid.uuid4()}-result.json").write_text(json.dumps(result))
    outcomes = verdict.outcomes_from_allure(folder)
    written = verdict.write(outcomes, "full", folder / "out", folder)
    cli.write_environment(folder, None, "full", verdict.one_line(written))
    return written


def test_a_report_merged_from_shards_judges_the_verdict_on_the_whole_run(tmp_path, monkeypatch):
    monkeypatch.setattr(verdict, "load_catalogue", lambda: CATALOGUE)
    monkeypatch.setattr(cli, "OUTPUT_DIR", tmp_path / "test-results")
    monkeypatch.setattr(cli, "build_report", lambda results, output: 0)  # the merge's data is the subject here
    first = _shard(tmp_path / "shard-1", ("passed", "PX-A", "Pionex"), ("passed", "SEC-A", "Pionex"))
    second = _shard(tmp_path / "shard-2", ("passed", "CX-A", "CoinEx"), ("passed", "SEC-A", "CoinEx"))
    assert [v.verdict for v in first] == [verdict.SHIP, verdict.DO_NOT_SHIP]  # each shard saw a part
    assert [v.verdict for v in second] == [verdict.DO_NOT_SHIP, verdict.SHIP]

    merged = tmp_path / "merged"
    args = argparse.Namespace(results=merged, output=tmp_path / "report",
                              shards=[tmp_path / "shard-1", tmp_path / "shard-2"])
    assert cli.report_command(args) == 0

    [globals_file] = merged.glob("*-globals.json")  # the shards' own verdicts are gone
    assert json.loads(globals_file.read_text())["errors"] == []
    assert len(list(merged.glob("*-attachment.html"))) == 1
    saved = json.loads((tmp_path / "test-results" / "release-checklist.json").read_text())
    assert [v["verdict"] for v in saved["verdicts"]] == [verdict.SHIP, verdict.SHIP]
    assert "verdict=Pionex: ship; CoinEx: ship" in (merged / "environment.properties").read_text()


def test_a_failure_in_one_shard_stops_its_brand_in_the_merged_verdict(tmp_path, monkeypatch):
    monkeypatch.setattr(verdict, "load_catalogue", lambda: CATALOGUE)
    monkeypatch.setattr(cli, "OUTPUT_DIR", tmp_path / "test-results")
    monkeypatch.setattr(cli, "build_report", lambda results, output: 0)
    _shard(tmp_path / "shard-1", ("passed", "PX-A", "Pionex"), ("passed", "SEC-A", "Pionex"))
    _shard(tmp_path / "shard-2", ("failed", "CX-A", "CoinEx"), ("passed", "SEC-A", "CoinEx"))
    args = argparse.Namespace(results=tmp_path / "merged", output=tmp_path / "report",
                              shards=[tmp_path / "shard-1", tmp_path / "shard-2"])
    cli.report_command(args)
    saved = json.loads((tmp_path / "test-results" / "release-checklist.json").read_text())
    by_brand = {v["brand"]: v["verdict"] for v in saved["verdicts"]}
    assert by_brand == {"pionex": verdict.SHIP, "coinex": verdict.DO_NOT_SHIP}
