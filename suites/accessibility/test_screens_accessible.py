"""SEC-A11Y-01 and SEC-A11Y-02 on every screen of both brands (the table in screens.py)."""

from __future__ import annotations

import allure
import pytest
from playwright.sync_api import expect

from fixtures import accessibility

from .screens import SCREENS, Screen

BRANDS = ("pionex", "coinex")


def _cases(only_with_fields: bool = False):
    return [
        pytest.param(brand, screen, id=f"{brand}-{screen.name}")
        for screen in SCREENS
        for brand in BRANDS
        if brand in screen.brands and (screen.fields or not only_with_fields)
    ]


def _reach(driver, screen: Screen) -> None:
    with allure.step(f"Reach the {screen.name} screen"):
        screen.journey(driver)
    page = driver.page
    expect(page.locator(f'main[data-page="{screen.page_id}"]'), f"the journey should end on {screen.page_id}").to_be_visible()
    if screen.shows:
        expect(page.get_by_test_id(screen.shows).first, f"{screen.name} should show {screen.shows}").to_be_attached()


@pytest.mark.behaviour("SEC-A11Y-01")
@pytest.mark.parametrize(("brand", "screen"), _cases())
def test_screen_has_no_serious_or_critical_axe_violation(driver, brand, screen: Screen):
    _reach(driver, screen)
    violations = driver.audit()
    accessibility.attach(f"axe violations on {screen.name}", accessibility.summarise(violations))
    blocking = accessibility.blocking(violations)
    assert not blocking, f"{brand} {screen.name}: serious or critical axe violations\n{accessibility.describe(blocking)}"
    if not screen.fields:
        count = accessibility.visible_field_count(driver.page)
        assert count == 0, f"{screen.name} shows {count} form field(s): mark it fields=True in screens.py so SEC-A11Y-02 checks them"


@pytest.mark.behaviour("SEC-A11Y-02")
@pytest.mark.parametrize(("brand", "screen"), _cases(only_with_fields=True))
def test_every_form_field_has_a_programmatic_label(driver, brand, screen: Screen):
    _reach(driver, screen)
    assert accessibility.visible_field_count(driver.page) > 0, f"{screen.name} shows no form field: mark it fields=False"
    violations = driver.audit(rules=accessibility.LABEL_RULES)
    accessibility.attach(f"axe label violations on {screen.name}", accessibility.summarise(violations))
    unlabelled = accessibility.unlabelled_fields(driver.page)
    assert not violations, f"{brand} {screen.name}: form fields without a label\n{accessibility.describe(violations)}"
    assert not unlabelled, f"{brand} {screen.name}: fields with no accessible name:\n" + "\n".join(unlabelled)
