"""The report's set-up and tear-down show only fixtures that did something (fixtures/result_trim.py)."""

import json

from fixtures.result_trim import shown_value, trim_fixture_entries


def _container(path, children, befores=(), afters=()):
    path.write_text(json.dumps({"uuid": path.stem, "children": list(children),
                                "befores": list(befores), "afters": list(afters)}))


def test_plumbing_goes_and_steps_attachments_and_failures_stay(tmp_path):
    quiet = {"name": "_session_faker", "status": "passed", "steps": []}
    _container(tmp_path / "a-container.json", ["t1"],
               befores=[quiet], afters=[{"name": "time_travel::<lambda>", "status": "passed"}])
    _container(tmp_path / "b-container.json", ["t1"],
               befores=[{"name": "support_agent", "status": "passed",
                         "steps": [{"name": "Sign in to the back office"}]}])
    _container(tmp_path / "c-container.json", ["t1"],
               afters=[{"name": "_failure_evidence::1", "status": "passed",
                        "attachments": [{"name": "trace", "source": "x.zip"}]}])
    _container(tmp_path / "d-container.json", ["t1"],
               befores=[{"name": "exchange", "status": "broken", "statusDetails": {}}])
    _container(tmp_path / "e-container.json", [], befores=[{"name": "x", "status": "passed", "steps": [{"name": "s"}]}])

    assert trim_fixture_entries(tmp_path) == (5, 3)
    left = {p.name: json.loads(p.read_text()) for p in tmp_path.glob("*-container.json")}
    assert sorted(left) == ["b-container.json", "c-container.json", "d-container.json"]
    assert [b["name"] for b in left["b-container.json"]["befores"]] == ["support_agent"]
    assert left["c-container.json"]["afters"][0]["attachments"][0]["source"] == "x.zip"
    assert left["d-container.json"]["befores"][0]["status"] == "broken"


def test_a_result_keeps_the_labels_the_report_groups_by_and_its_shown_parameters_short(tmp_path):
    """A hostile-input case carries a 100 kB value: whole, 2,021 of them made the report hundreds
    of MB; the report shows its start and its length (the test still sends it whole)."""
    result = {"uuid": "r", "labels": [{"name": n, "value": "v"} for n in ("epic", "feature", "story", "tag", "severity",
                                                                           "host", "thread", "package", "suite")],
              "parameters": [{"name": "payload", "value": "'" + "A" * 100_000 + "'"},
                             {"name": "brand", "value": "'Pionex'"},
                             {"name": "browser_name", "value": "'chromium'", "mode": "hidden"}]}
    (tmp_path / "r-result.json").write_text(json.dumps(result))
    trim_fixture_entries(tmp_path)
    trimmed = json.loads((tmp_path / "r-result.json").read_text())
    assert [label["name"] for label in trimmed["labels"]] == ["epic", "feature", "story", "tag", "severity"]
    payload, brand = trimmed["parameters"]  # the hidden browser parameter is not shown, so it goes
    assert len(payload["value"]) < 120 and payload["value"].endswith("(100,002 characters)"), payload
    assert brand["value"] == "'Pionex'" == shown_value("'Pionex'")
