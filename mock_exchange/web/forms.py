"""Reading submitted forms safely: bounded sizes, text only, CSRF checked first."""

from __future__ import annotations

import json
import re
from decimal import Decimal

from fastapi import Request
from starlette.datastructures import UploadFile

from ..sessions import csrf_matches
from .visit import visit_of

MAX_FIELD_CHARS = 4096
# RFC 5322 "atext" in the local part (no <, >, quotes, brackets or spaces) and dot-separated
# LDH labels in the domain, ASCII only: an address that could carry markup or header breaks is refused.
EMAIL_PATTERN = re.compile(
    r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}$"
)
AMOUNT_PATTERN = re.compile(r"^[0-9]{1,15}(?:\.[0-9]{1,8})?$")


class FormRejected(Exception):
    """A form that cannot be processed at all; rendered as a readable 4xx page."""

    def __init__(self, status_code: int, message_id: str, message: str) -> None:
        super().__init__(message)
        self.status_code = status_code
        self.message_id = message_id
        self.message = message


async def checked_form(request: Request) -> dict[str, str]:
    """The submitted fields as stripped text, after the CSRF token has been verified."""
    try:
        raw = await request.form(max_files=0, max_fields=50)
    except Exception as error:  # malformed multipart or urlencoded bodies
        raise FormRejected(400, "form.malformed",
                           "The form could not be read. Reload the page and try again.") from error
    fields: dict[str, str] = {}
    for name, value in raw.multi_items():
        if isinstance(value, UploadFile):
            raise FormRejected(400, "form.unexpected_file", "This form does not accept files.")
        if len(value) > MAX_FIELD_CHARS:
            raise FormRejected(413, "form.too_long", "A field is far too long. Shorten it and try again.")
        if "\x00" in value:
            raise FormRejected(400, "form.bad_characters", "A field contains characters that are not allowed.")
        fields[name] = value.strip() if name != "password" else value
    if not csrf_matches(visit_of(request).session, fields.get("csrf_token")):
        raise FormRejected(403, "form.csrf",
                           "This form has expired or did not come from this site. Reload the page and try again.")
    return fields


def normalize_email(value: str) -> str:
    return value.strip().lower()


def email_problem(value: str) -> str | None:
    if not value:
        return "Enter your e-mail address."
    local = value.rpartition("@")[0]
    if len(value) > 254 or len(local) > 64 or not EMAIL_PATTERN.match(value):
        return "Enter a valid e-mail address, like name@example.com."
    return None


def parse_amount(value: str) -> Decimal | None:
    """A non-negative amount typed as plain ASCII digits with at most 8 decimals, else None.

    Decimal() alone also takes "Infinity", "NaN", "1e999999999" and non-ASCII digits ("\u0663" is 3).
    """
    return Decimal(value) if AMOUNT_PATTERN.match(value) else None


MAX_JSON_BYTES = 64 * 1024


async def checked_json(request: Request) -> dict:
    """A JSON body (bounded), after the X-CSRF-Token header has been verified."""
    if not csrf_matches(visit_of(request).session, request.headers.get("x-csrf-token")):
        raise FormRejected(403, "form.csrf", "This page has expired. Reload it and try again.")
    body = await request.body()
    if len(body) > MAX_JSON_BYTES:
        raise FormRejected(413, "json.too_large", "The request is too large.")
    try:
        value = json.loads(body or b"{}")
    except ValueError as error:
        raise FormRejected(400, "json.malformed", "The request could not be read.") from error
    if not isinstance(value, dict):
        raise FormRejected(400, "json.malformed", "The request could not be read.")
    return value
