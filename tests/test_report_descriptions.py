"""Each suite test's Allure result reads as the behaviour: a title a person reads, the brand as a
parameter, a description quoting the seed lines it verifies, and every clock move as a step."""

import json
import subprocess
import sys

from fixtures.catalogue import PROJECT_ROOT, load_catalogue, seed_quote
from fixtures.reporting import describe, shown

import pytest

ONE_TEST = "suites/coinex/kyc/test_kyc_limits.py"
LOCK_LIFT = (
    "suites/pionex/lockout/test_lockout_variants.py"
    "::test_the_lock_lifts_at_exactly_30_minutes_by_either_identifier"
)
TWO_BEHAVIOURS = (
    "suites/pionex/lockout/test_lockout_variants.py"
    "::test_five_wrong_passwords_lock_the_account_by_either_identifier"
)


@pytest.fixture(scope="module")
def results(tmp_path_factory) -> list[dict]:
    """The Allure results of a browser file (CoinEx) and a clock test by two identifiers (Pionex)."""
    tmp_path = tmp_path_factory.mktemp("report")
    into = tmp_path / "allure-results"
    run = subprocess.run([sys.executable, "-m", "pytest", ONE_TEST, LOCK_LIFT, TWO_BEHAVIOURS,
                          "-q", "-n", "0", "-p", "no:cacheprovider",
                          f"--alluredir={into}", f"--basetemp={tmp_path / 'tmp'}"],
                         cwd=PROJECT_ROOT, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-3000:]
    found = [json.loads(path.read_text()) for path in into.glob("*-result.json")]
    assert len(found) >= 3
    return found


def _steps(step: dict):
    for child in step.get("steps", []):
        yield child
        yield from _steps(child)


def test_each_result_is_titled_by_its_behaviour_with_the_brand_as_a_parameter(results):
    for result in results:
        assert "[" not in result["name"] and not result["name"].startswith("test_"), result["name"]
        assert result["name"][0].isupper() and "_" not in result["name"], result["name"]
        shown = {p["name"]: p["value"] for p in result["parameters"] if p.get("mode") != "hidden"}
        brand = "CoinEx" if "/coinex/" in result["fullName"].replace(".", "/") else "Pionex"
        assert shown.get("brand") in (brand, repr(brand)), (result["name"], result["parameters"])
        assert "browser_name" not in shown, result["parameters"]
    lifts = [r for r in results if r["name"] == "The lock lifts at exactly 30 minutes by either identifier"]
    identifiers = sorted(p["value"] for r in lifts for p in r["parameters"] if p["name"] == "identifier")
    assert identifiers == ["'email'", "'phone'"]


def test_each_result_sits_once_at_every_level_of_the_tree(results):
    """The tree groups by epic, feature and story: a test with two stories would count twice."""
    both = [r for r in results if r["name"] == "Five wrong passwords lock the account by either identifier"]
    assert both and all(
        {"PX-LOCK-01", "PX-LOCK-03"} <= {label["value"] for label in r["labels"] if label["name"] == "tag"}
        for r in both
    )
    for result in results:
        for level in ("epic", "feature", "story"):
            at_level = [label for label in result["labels"] if label["name"] == level]
            assert len(at_level) == 1, (result["name"], level, result["labels"])


def test_every_clock_move_is_a_step_naming_the_moment(results):
    lift = next(r for r in results if r["name"] == "The lock lifts at exactly 30 minutes by either identifier")
    moves = [s["name"] for s in _steps(lift) if s["name"].startswith(("Server clock", "Server and page clock"))]
    assert any(" UTC (+29:59 on)" in m or "move on +29:59" in m for m in moves), moves
    assert any("(+0:01 on)" in m or "move on +0:01" in m for m in moves), moves


def test_every_message_read_is_a_step_naming_its_recipient_and_subject(results):
    kyc = [r for r in results if "kyc" in r["fullName"]]
    assert kyc
    for result in kyc:
        read = [s["name"] for s in _steps(result) if s["name"].startswith("Read the e-mail to ")]
        assert any("@" in name and '"' in name for name in read), (result["name"], read)


def test_test_api_seeding_is_one_step_naming_what_was_seeded(results):
    for result in results:
        seeded = [s for s in result.get("steps", []) if s["name"].startswith("Seeded through the test API: an account")]
        assert seeded and all("@" in s["name"] and "USDT" in s["name"] for s in seeded), (result["name"], seeded)
        assert all(not s.get("steps") for s in seeded), "the seeding's HTTP calls are one step, not several"


def test_the_result_description_quotes_each_behaviours_seed_lines_with_file_and_lines(results):
    found = results
    catalogue = load_catalogue()
    for result in found:
        ids = [label["value"] for label in result["labels"] if label["name"] == "tag" and label["value"] in catalogue]
        assert ids, result["name"]
        description = result.get("description") or ""
        for behaviour_id in ids:
            behaviour = catalogue[behaviour_id]
            cited = f"[{behaviour.reference}]({behaviour.url})" if behaviour.url else behaviour.reference
            assert f"**{behaviour_id}** ({cited})" in description, (result["name"], description)
            for line in seed_quote(behaviour).splitlines():
                assert f"> {line}" in description, (result["name"], line)
            if behaviour.silent:  # the safer reading chosen where the seed leaves a number open
                assert f"*Where the seeds are silent:* {behaviour.silent}" in description, (result["name"], description)
    assert any(catalogue[i].silent
               for r in found
               for i in (label["value"] for label in r["labels"] if label["name"] == "tag")
               if i in catalogue), "the subset should hold a behaviour with a safer reading (CX-KYC-01)"



def test_a_security_requirement_names_its_standard_linked_to_the_standards_text():
    requirement = load_catalogue()["SEC-INPUT-01"]
    assert requirement.url, "SEC-INPUT-01 cites ASVS with a link to its text"
    expected = f"**SEC-INPUT-01** ([{requirement.reference}]({requirement.url})): {requirement.summary}"
    assert expected in describe([requirement])


def test_a_parameter_that_is_an_object_shows_by_its_name_and_a_plain_one_as_it_is():
    from dataclasses import dataclass
    from enum import Enum

    @dataclass(frozen=True)
    class Payload:
        name: str
        value: str

    class Group(Enum):
        TAMPERED = "tampered"

    assert shown(Payload("other_session_token", "Zm9yZ2Vk" * 1000)) == "other_session_token"
    assert shown(Group.TAMPERED) == "TAMPERED"
    assert shown("signup") is None and shown(3) is None
