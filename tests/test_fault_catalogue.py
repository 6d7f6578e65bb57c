"""The fault catalogue stays honest: every mutation still applies, and names real behaviours."""

import importlib.util
from pathlib import Path

import pytest

from fixtures.catalogue import load_catalogue
from fixtures.faults import FAULTS


@pytest.mark.parametrize("fault", FAULTS, ids=lambda f: f.name)
def test_each_mutation_matches_its_module_exactly_once(fault):
    for mutation in fault.mutations:
        source = Path(importlib.util.find_spec(mutation.module).origin).read_text()
        assert source.count(mutation.find) == 1, f"{fault.name}: {mutation.find!r} in {mutation.module}"
        assert mutation.find != mutation.replace


def test_faults_name_known_behaviours_and_have_unique_names():
    catalogue = load_catalogue()
    names = [f.name for f in FAULTS]
    assert len(names) == len(set(names))
    for fault in FAULTS:
        assert fault.breaks and set(fault.breaks) <= set(catalogue), fault.name


def test_every_feature_area_has_at_least_one_fault():
    catalogue = load_catalogue()
    broken_areas = {catalogue[i].area for fault in FAULTS for i in fault.breaks}
    assert {b.area for b in catalogue.values()} <= broken_areas, "areas no fault breaks"


def test_there_are_at_least_40_faults():
    assert len(FAULTS) >= 40
