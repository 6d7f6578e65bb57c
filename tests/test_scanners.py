"""`exchange-e2e scan` decides on its own rules: the allow-list explains findings, nothing else does,
and the server's 5xx answers and tracebacks are counted. (The scans themselves run in `make scan`.)"""

from __future__ import annotations

import pytest

from fixtures.scanners import ALLOW_LIST, Finding, explain, load_allow_list, server_errors


def test_the_shipped_allow_list_gives_a_reason_for_every_entry():
    entries = load_allow_list(ALLOW_LIST)
    assert all(len(entry["reason"].split()) >= 10 for entry in entries), "a reason says how it was checked"


def test_an_entry_without_a_reason_stops_the_scan(tmp_path):
    path = tmp_path / "allow.toml"
    path.write_text('[[allow]]\ntool = "wapiti"\nkind = "Cross Site Request Forgery"\nwhere = "/x"\nreason = " "\n')
    with pytest.raises(ValueError, match="reason"):
        load_allow_list(path)


def test_only_a_matching_entry_explains_a_finding():
    allow = [{"tool": "wapiti", "kind": "Cross Site Request Forgery", "where": "/support/.*", "reason": "checked"}]
    matched = Finding("wapiti", "coinex", "Cross Site Request Forgery", "/support/unlock", "")
    other_path = Finding("wapiti", "coinex", "Cross Site Request Forgery", "/login", "")
    other_kind = Finding("wapiti", "coinex", "SQL Injection", "/support/unlock", "")
    other_tool = Finding("sqlmap", "coinex", "Cross Site Request Forgery", "/support/unlock", "")
    for finding in (matched, other_path, other_kind, other_tool):
        explain(finding, allow)
    assert matched.allowed_because == "checked"
    assert [f.allowed_because for f in (other_path, other_kind, other_tool)] == [None, None, None]


def test_server_errors_counts_5xx_answers_and_tracebacks(tmp_path):
    timings, log = tmp_path / "timings.tsv", tmp_path / "server.log"
    timings.write_text("GET\t/login\t200\t3.1\nPOST\t/login\t500\t9.0\nPOST\t/signup\t503\t2.2\nGET\t/x\t404\t1.0\n")
    log.write_text("INFO ok\nTraceback (most recent call last):\n  File ...\nValueError\n")
    assert server_errors(timings, log) == (4, 2, 1)
