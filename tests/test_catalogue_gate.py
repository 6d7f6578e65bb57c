"""The traceability gate: every documented behaviour has a suite test, every suite test names
catalogue IDs, and only IDs that exist. It also prints the coverage figure."""

import json
import re
import subprocess
import sys

from fixtures.catalogue import PROJECT_ROOT, SEVERITY_ORDER, Behaviour, load_catalogue
from fixtures.traceability import index_by_id, suite_tests, variant_gaps

ID_PATTERN = re.compile(r"^(PX|CX)-[A-Z]+-\d{2}$")
SECURITY_ID_PATTERN = re.compile(r"^SEC-[A-Z0-9]+-\d{2}$")
STANDARDS = ("OWASP ASVS 5.0", "NIST SP 800-63B", "WCAG 2.2")


def test_catalogue_ids_are_well_formed_and_cite_real_seed_lines():
    catalogue = load_catalogue()
    seed_behaviours = [b for b in catalogue.values() if not b.is_security_requirement]
    assert len(seed_behaviours) > 100, "the catalogue should hold every documented behaviour of the five seeds"
    for behaviour in seed_behaviours:
        assert ID_PATTERN.match(behaviour.id), behaviour.id
        seed = PROJECT_ROOT / "seeds" / behaviour.source
        assert seed.is_file(), f"{behaviour.id} cites a missing seed {behaviour.source}"
        last_line = int(behaviour.lines.split("-")[-1])
        assert last_line <= len(seed.read_text().splitlines()), f"{behaviour.id} cites lines past the end"


def test_security_requirements_cite_a_standard_with_a_link():
    requirements = [b for b in load_catalogue().values() if b.is_security_requirement]
    assert len(requirements) >= 20, "seeds/security.toml should hold the ASVS / NIST checks"
    for requirement in requirements:
        assert SECURITY_ID_PATTERN.match(requirement.id), requirement.id
        assert all(part in STANDARDS for part in requirement.source.split(" + ")), requirement.source
        assert requirement.lines and requirement.url.startswith("https://"), requirement.id
        assert requirement.severity in SEVERITY_ORDER, requirement.id


def test_every_suite_test_names_at_least_one_behaviour():
    unnamed = [t.nodeid for t in suite_tests() if not t.ids]
    assert not unnamed, f"suite tests that name no catalogue ID: {unnamed}"


def test_no_suite_test_names_an_unknown_behaviour():
    catalogue = load_catalogue()
    unknown = {t.nodeid: [i for i in t.ids if i not in catalogue] for t in suite_tests()}
    unknown = {k: v for k, v in unknown.items() if v}
    assert not unknown, f"suite tests naming IDs missing from seeds/catalogue.toml and seeds/security.toml: {unknown}"


def test_every_catalogue_behaviour_has_a_suite_test(capsys):
    catalogue = load_catalogue()
    covered = index_by_id(suite_tests())
    missing = sorted(set(catalogue) - set(covered))
    with capsys.disabled():
        print(f"\ncatalogue coverage: {len(catalogue) - len(missing)}/{len(catalogue)} behaviours have a suite test")
    assert not missing, f"documented behaviours without a suite test ({len(missing)}): {' '.join(missing)}"



def _collected_suite_tests(tmp_path) -> dict[str, dict]:
    listing = tmp_path / "variants.json"
    collected = subprocess.run(
        [sys.executable, "-m", "pytest", "suites", "--collect-only", "-q", "-p", "no:cacheprovider",
         "-p", "no:randomly", f"--list-variants={listing}"], cwd=PROJECT_ROOT, capture_output=True, text=True)
    assert collected.returncode == 0, collected.stdout[-3000:] + collected.stderr[-3000:]
    return json.loads(listing.read_text())


def test_every_listed_variant_has_a_suite_test(tmp_path, capsys):
    """Each variant a behaviour's sentences allow (seeds/catalogue.toml `variants`) is tried by a
    suite test naming the behaviour: through a parameter of the dimension's name, or a variant
    marker. A test naming a value the catalogue does not list is an error too."""
    catalogue = load_catalogue()
    unknown, missing = variant_gaps(catalogue, _collected_suite_tests(tmp_path))
    listed = sum(len(b.variant_names) for b in catalogue.values())
    with capsys.disabled():
        print(f"\nvariant coverage: {listed - sum(len(v) for v in missing.values())}/{listed} variants of "
              f"{sum(1 for b in catalogue.values() if b.variants)} behaviours have a suite test")
    assert not unknown, "\n".join(unknown)
    assert not missing, f"listed variants without a suite test: {missing}"


def test_the_variant_gate_names_a_missing_and_an_unlisted_variant():
    behaviour = Behaviour("PX-LOCK-01", "pionex", "lockout", "000.txt", "23", "rule", "blocker", "locks",
                          variants=(("identifier", ("email", "phone")),))
    tests = {"a::by_email": {"ids": ["PX-LOCK-01"], "variants": {"identifier": "email"}},
             "a::by_username": {"ids": ["PX-LOCK-01"], "variants": {"identifier": "username", "brand": "x"}}}
    unknown, missing = variant_gaps({"PX-LOCK-01": behaviour}, tests)
    assert unknown == ["a::by_username: PX-LOCK-01 lists no identifier=username"]
    assert missing == {"PX-LOCK-01": ["identifier=phone"]}
    tests["a::by_phone"] = {"ids": ["PX-LOCK-01"], "variants": {"identifier": "phone"}}
    assert variant_gaps({"PX-LOCK-01": behaviour}, tests)[1] == {}


def test_a_test_walking_several_values_covers_each_and_an_unlisted_one_is_named():
    behaviour = Behaviour("PX-UNBIND-04", "pionex", "unbind", "001.txt", "56-58", "rule", "critical", "codes",
                          variants=(("wrong_code", ("authenticator", "email", "sms")),))
    tests = {"a::each_wrong_code": {"ids": ["PX-UNBIND-04"], "variants": {"wrong_code": ["authenticator", "sms"]}}}
    assert variant_gaps({"PX-UNBIND-04": behaviour}, tests)[1] == {"PX-UNBIND-04": ["wrong_code=email"]}
    tests["a::each_wrong_code"]["variants"]["wrong_code"].extend(["email", "backup"])
    unknown, missing = variant_gaps({"PX-UNBIND-04": behaviour}, tests)
    assert unknown == ["a::each_wrong_code: PX-UNBIND-04 lists no wrong_code=backup"] and missing == {}
