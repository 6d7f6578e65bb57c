"""Phone numbers: the country-code chooser and validation with Google's libphonenumber rules."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import phonenumbers

# The chooser's English region names, taken from libphonenumber's own locale table
# (phonenumbers.geocoder). That module loads every geocoding table on import, about 2 s of a
# server start, so the names are kept here; tests/test_phones.py checks they still match.
REGION_NAMES_FILE = Path(__file__).parent / "data" / "region_names.json"

MAX_NUMBER_CHARS = 32


@dataclass(frozen=True)
class Country:
    region: str  # ISO 3166 alpha-2, e.g. "SE"
    name: str
    calling_code: int

    @property
    def label(self) -> str:
        return f"{self.name} (+{self.calling_code})"


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    names = json.loads(REGION_NAMES_FILE.read_text(encoding="utf-8"))
    found = []
    for region in phonenumbers.SUPPORTED_REGIONS:
        name = names.get(region, region)
        found.append(Country(region, name, phonenumbers.country_code_for_region(region)))
    return tuple(sorted(found, key=lambda c: c.name))


def country(region: str) -> Country | None:
    return next((c for c in countries() if c.region == region), None)


class PhoneProblem(ValueError):
    """A readable reason the number cannot be used."""


def to_e164(region: str, number: str) -> str:
    """The number in E.164 (+46701234567), or PhoneProblem with a message for the user."""
    chosen = country(region)
    if chosen is None:
        raise PhoneProblem("Choose your country or region code.")
    digits = number.strip()
    if not digits:
        raise PhoneProblem("Enter your phone number.")
    if len(digits) > MAX_NUMBER_CHARS or any(ch not in "0123456789 -()+" for ch in digits):
        raise PhoneProblem("Enter the phone number with digits only.")
    try:
        parsed = phonenumbers.parse(digits, region)
    except phonenumbers.NumberParseException:
        raise PhoneProblem("Enter the phone number with digits only.") from None
    if parsed.country_code != chosen.calling_code or not phonenumbers.is_valid_number(parsed):
        raise PhoneProblem(
            f"This is not a valid {chosen.name} (+{chosen.calling_code}) number. "
            "Check the country code and the number."
        )
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def display(e164: str) -> str:
    try:
        return phonenumbers.format_number(phonenumbers.parse(e164), phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    except phonenumbers.NumberParseException:
        return e164
