"""SEC-A11Y-01 and SEC-A11Y-02 on every screen of both brands (the table in screens.py)."""

from __future__ import annotations

import pytest

from fixtures import accessibility, brands

from .screens import SCREENS, Screen

BRANDS = brands.NAMES


def _cases(only_with_fields: bool = False):
    return [
        pytest.param(brand, screen, id=f"{brand}-{screen.name}")
        for screen in SCREENS
        for brand in BRANDS
        if brand in screen.brands and (screen.fields or not only_with_fields)
    ]


@pytest.mark.behaviour("SEC-A11Y-01")
@pytest.mark.parametrize(("brand", "screen"), _cases())
def test_screen_has_no_serious_or_critical_axe_violation(screen_states, brand, screen: Screen):
    state = screen_states.of(brand, screen)
    accessibility.attach(f"axe violations on {screen.name}", accessibility.summarise(state.violations))
    blocking = accessibility.blocking(state.violations)
    assert not blocking, (
        f"{brand} {screen.name}: serious or critical axe violations\n{accessibility.describe(blocking)}")
    if not screen.fields:
        assert state.field_count == 0, (
            f"{screen.name} shows {state.field_count} form field(s): "
            "mark it fields=True in screens.py so SEC-A11Y-02 checks them")


@pytest.mark.behaviour("SEC-A11Y-02")
@pytest.mark.parametrize(("brand", "screen"), _cases(only_with_fields=True))
def test_every_form_field_has_a_programmatic_label(screen_states, brand, screen: Screen):
    state = screen_states.of(brand, screen)
    assert state.field_count > 0, f"{screen.name} shows no form field: mark it fields=False"
    violations = accessibility.label_violations(state.violations)
    accessibility.attach(f"axe label violations on {screen.name}", accessibility.summarise(violations))
    assert not violations, f"{brand} {screen.name}: form fields without a label\n{accessibility.describe(violations)}"
    assert not state.unlabelled, (f"{brand} {screen.name}: fields with no accessible name:\n"
                                  + "\n".join(state.unlabelled))
