"""Phone numbers: chosen with a country code, validated by libphonenumber, stored in E.164."""

import re

import pytest

from mock_exchange.phones import PhoneProblem, display, to_e164


@pytest.mark.parametrize("region,typed,e164", [
    ("SE", "070-123 45 67", "+46701234567"),
    ("SE", "+46 70 123 45 67", "+46701234567"),
    ("GB", "07400 123456", "+447400123456"),
    ("US", "(201) 555-0123", "+12015550123"),
])
def test_valid_numbers_become_e164(region, typed, e164):
    assert to_e164(region, typed) == e164


@pytest.mark.parametrize("region,typed,message", [
    ("US", "0701234567", "not a valid United States (+1) number"),
    ("SE", "+12015550123", "not a valid Sweden (+46) number"),
    ("SE", "12", "not a valid Sweden"),
    ("SE", "", "Enter your phone number"),
    ("SE", "070<script>", "digits only"),
    ("SE", "0" * 40, "digits only"),
    ("ZZ", "0701234567", "Choose your country"),
])
def test_wrong_numbers_get_a_readable_reason(region, typed, message):
    with pytest.raises(PhoneProblem, match=re.escape(message)):
        to_e164(region, typed)


def test_display_is_international():
    assert display("+46701234567") == "+46 70 123 45 67"


def test_the_kept_region_names_are_libphonenumbers_english_names():
    """mock_exchange/data/region_names.json spares each server start the geocoder import; it
    must name every supported region as the installed libphonenumber does."""
    import json

    import phonenumbers
    from phonenumbers.geocoder import _region_display_name

    from mock_exchange.phones import REGION_NAMES_FILE

    kept = json.loads(REGION_NAMES_FILE.read_text(encoding="utf-8"))
    expected = {region: _region_display_name(region, "en") or region for region in phonenumbers.SUPPORTED_REGIONS}
    assert kept == expected, "regenerate mock_exchange/data/region_names.json from phonenumbers.geocoder"
