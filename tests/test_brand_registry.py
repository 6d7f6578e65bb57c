"""One brand registry: the brand profiles (mock_exchange/brands.py), read by the harness through
fixtures/brands.py, are the only place the brands are listed. Everything else derives its list
from there, so adding a brand is a profile, a suites/<brand>/ folder and its catalogue entries."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from fixtures import brands
from fixtures.catalogue import PROJECT_ROOT, load_catalogue
from mock_exchange.brands import BRANDS as PROFILES

SCANNED = ("fixtures", "mock_exchange", "pages", "suites", "tests")
SOURCE = PROJECT_ROOT / "mock_exchange" / "brands.py"  # the one place brands are listed
SHARED_SUITES = {"security", "accessibility", "robustness"}  # parametrised by brand, not of one


def _brand_word(names: tuple[str, ...]) -> str:
    return "|".join(re.escape(name) for name in names)


def spelled_out_lists(path: Path, names: tuple[str, ...] = brands.NAMES, root: Path = PROJECT_ROOT) -> list[str]:
    """Where ``path`` lists two or more brands by hand: a tuple, list or set of their names, a
    table keyed by them with constant values (titles), or a text naming them in a row
    ("pionex, coinex", "pionex + coinex", "pionex or coinex")."""
    word = _brand_word(names)
    in_a_row = re.compile(rf"\b({word})\b\"?(\s*(,|\+|\||\bor\b|\band\b)\s*\"?\b({word})\b\"?)+")
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
        constants = []
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            constants = node.elts
        elif isinstance(node, ast.Dict) and all(isinstance(v, ast.Constant) and isinstance(v.value, str)
                                                for v in node.values):
            constants = [key for key in node.keys if key is not None]
        named = [c.value for c in constants if isinstance(c, ast.Constant) and c.value in names]
        if len(named) >= 2 and (len(named) == len(constants) or isinstance(node, ast.Dict)):
            found.append(f"{path.relative_to(root)}:{node.lineno} lists {', '.join(named)}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and in_a_row.search(node.value):
            found.append(f"{path.relative_to(root)}:{node.lineno} names brands in a row: "
                         f"{in_a_row.search(node.value).group(0)!r}")
    return found


def test_no_brand_list_is_spelled_out_outside_the_registry():
    files = [path for folder in SCANNED for path in sorted((PROJECT_ROOT / folder).rglob("*.py"))
             if path != SOURCE and path != Path(__file__)]
    assert len(files) > 200
    spelled = [where for path in files for where in spelled_out_lists(path)]
    assert spelled == [], ("brand lists written by hand; derive them from fixtures/brands.py (brands.NAMES, "
                           "brands.TITLES, brands.offering(flow)):\n  " + "\n  ".join(spelled))


def test_the_check_finds_each_way_of_spelling_a_list(tmp_path):
    probe = tmp_path / "probe.py"
    probe.write_text('A = ("pionex", "coinex")\n'
                     'B = {"pionex": "Pionex", "coinex": "CoinEx", "both": "Security"}\n'
                     'C = "choose pionex or coinex"\n'
                     'D = ["pionex"]\n'  # one brand: a choice, not a list
                     'E = {"pionex": SHIP, "coinex": SHIP}\n'  # an expectation per brand, not a table of them
                     'F = "Pionex and CoinEx"\n'  # prose names brands by their titles
                     'G = f"add brand = \\"{x}\\" or \\"pionex\\" or \\"coinex\\""\n')
    assert spelled_out_lists(probe, ("pionex", "coinex"), tmp_path) == [
        "probe.py:1 lists pionex, coinex", "probe.py:2 lists pionex, coinex",
        "probe.py:3 names brands in a row: 'pionex or coinex'",
        'probe.py:7 names brands in a row: \'pionex" or "coinex"\'']


def test_the_registry_reads_the_profiles():
    assert brands.NAMES == tuple(PROFILES) and len(brands.NAMES) >= 2
    assert brands.TITLES == {key: profile.name for key, profile in PROFILES.items()}
    assert brands.FLOWS == frozenset().union(*(profile.flows for profile in PROFILES.values()))


def test_every_brand_has_its_suite_folder_its_catalogue_and_nothing_else_is_a_brand():
    folders = {path.name for path in (PROJECT_ROOT / "suites").iterdir()
               if path.is_dir() and not path.name.startswith(("_", "."))}
    assert folders - SHARED_SUITES == set(brands.NAMES)
    for name in brands.NAMES:
        conftest = (PROJECT_ROOT / "suites" / name / "conftest.py").read_text()
        assert f'return "{name}"' in conftest, f"suites/{name}/conftest.py does not name its brand {name!r}"
    catalogued = {b.brand for b in load_catalogue().values() if not b.is_security_requirement}
    assert catalogued == set(brands.NAMES)


def test_an_unknown_brand_is_refused_naming_the_known_ones():
    assert brands.checked("coinex") == "coinex"
    with pytest.raises(brands.UnknownBrand, match=r"--brand 'binance' is not a brand the suites know; "
                                                  rf"choose one of: {', '.join(brands.NAMES)}"):
        brands.checked("binance")


def test_offering_answers_from_the_declared_flows_and_refuses_a_typo():
    for flow in brands.FLOWS:
        assert brands.offering(flow) == tuple(key for key, p in PROFILES.items() if p.has(flow))
    with pytest.raises(ValueError, match="no brand profile declares the flow 'google_logn'"):
        brands.offering("google_logn")
