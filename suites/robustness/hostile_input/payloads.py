"""The hostile values typed into form fields, by class.

Each payload names the field kinds for which it may be *legitimate* input (a ``<script>`` tag is
a valid password and a valid support message; it is never a valid e-mail address). For every
other kind the form must refuse it with a readable 4xx. ``status`` pins the exact code where the
rule is known (413 for over-long values, 400 for NUL bytes).

Injected markup carries ``data-hostile`` so a test can prove no element was created from it,
and calls ``alert`` so a dialog listener proves no script ran.
"""

from __future__ import annotations

from dataclasses import dataclass

from .kinds import HIDDEN_KINDS, Kind

INJECTED_MARKER = "data-hostile"  # the attribute every injected element carries
FREE = frozenset({Kind.TEXT, Kind.PASSWORD, Kind.OPTIONAL, Kind.CONTACT})  # text a person may legitimately type


@dataclass(frozen=True)
class Payload:
    name: str
    value: str
    group: str
    legit_for: frozenset = frozenset()
    status: int | None = None  # the exact 4xx expected, where the rule is known

    def may_be_accepted_by(self, kind: Kind) -> bool:
        return kind in self.legit_for


def _group(group: str, legit_for: frozenset, *items: tuple[str, str], status: int | None = None) -> list[Payload]:
    return [Payload(name, value, group, legit_for, status) for name, value in items]


EMPTY = _group("empty", frozenset({Kind.OPTIONAL, Kind.DEFAULTED}),
               ("empty", ""), ("spaces_only", "   "), ("tabs_and_newlines", "\t\r\n"))
OVERSIZE = _group("oversize", frozenset(), ("100_kB", "A" * 100_000), ("5000_chars", "x" * 5000), status=413)
NUL = _group("nul", frozenset(), ("nul_byte", "abc\x00def"), ("only_nul", "\x00"), status=400)
UNICODE = _group(
    "unicode", FREE | {Kind.DEFAULTED},
    ("rtl_override", "user\u202egnp.exe"),
    ("zero_width", "a\u200bb\u200dc\ufeff"),
    ("emoji", "\U0001f600\U0001f4b0\U0001f680" * 5),
    ("combining_marks", "Z\u0351\u0336\u0352a\u0337\u035dl\u0334\u0342g\u0335o"),
    ("lone_surrogate", "ab\ud800cd"),
    ("fullwidth_digits", "\uff11\uff12\uff13\uff14\uff15\uff16"),
    ("arabic_indic_digits", "\u0661\u0662\u0663\u0664\u0665\u0666"),
)
MARKUP = _group(
    "markup", FREE | {Kind.DEFAULTED},
    ("script_tag", "<script>alert('hostile')</script>"),
    ("img_onerror", "<img src=x onerror=\"alert('hostile')\" data-hostile>"),
    ("attribute_breakout", "\"><svg data-hostile onload=\"alert('hostile')\">"),
    ("textarea_breakout", "</textarea><b data-hostile>x</b><script>alert('hostile')</script>"),
    ("javascript_url", "javascript:alert('hostile')"),
    ("template_braces", "{{ 7*7 }}{% raw %}${7*7}"),
)
SQL = _group(
    "sql", FREE | {Kind.DEFAULTED},
    ("sql_or_true", "' OR '1'='1"),
    ("sql_comment", "admin'--"),
    ("sql_drop", "1; DROP TABLE accounts;--"),
    ("sql_union", "x' UNION SELECT password_hash FROM accounts--"),
)
MALFORMED_EMAIL = _group(
    "email", FREE | {Kind.DEFAULTED},
    ("email_no_domain", "name@"),
    ("email_no_local", "@example.com"),
    ("email_double_at", "name@@example.com"),
    ("email_space", "na me@example.com"),
    ("email_dot_dot_domain", "name@example..com"),
    ("email_markup_local", "<svg/onload=alert('hostile')>@example.com"),
    ("email_header_injection", "name@example.com\r\nBcc: victim@example.com"),
)
MALFORMED_PHONE = _group(
    "phone", FREE | {Kind.DEFAULTED},
    ("phone_plus_only", "+"),
    ("phone_too_short", "123"),
    ("phone_too_long", "+4670123456789012345"),
    ("phone_letters", "07O-CALL-ME"),
    ("phone_unknown_country", "+999 123 4567"),
    ("phone_tel_url", "tel:+46701234567;ext=<script>"),
)
AMOUNT = _group(
    "amount", FREE | {Kind.DEFAULTED},
    ("amount_negative", "-1"),
    ("amount_tiny_negative", "-0.00000001"),
    ("amount_huge", "9" * 40),
    ("amount_exponent_overflow", "1e999999999"),
    ("amount_nan", "NaN"),
    ("amount_infinity", "Infinity"),
    ("amount_hex", "0x10"),
    ("amount_comma", "1,5"),
    ("amount_arabic_digits", "\u0663"),
)

COMMON = [*EMPTY, *OVERSIZE, *NUL, *UNICODE, *MARKUP, *SQL]
# A tampered hidden field also gets values that look like the real thing but are not.
TAMPERED = _group("tampered", frozenset({Kind.DEFAULTED}),
                  ("forged_value", "forged-0123456789abcdef"),
                  ("other_session_token", "Zm9yZ2VkLXRva2VuLWZyb20tYW5vdGhlci1zZXNzaW9u"))
CATALOGUE: list[Payload] = [*COMMON, *MALFORMED_EMAIL, *MALFORMED_PHONE, *AMOUNT, *TAMPERED]
HIDDEN_SET = ("empty", "100_kB", "nul_byte", "arabic_indic_digits", "emoji", "script_tag", "attribute_breakout",
              "sql_or_true", "forged_value", "other_session_token")
BY_KIND_EXTRA = {Kind.EMAIL: MALFORMED_EMAIL, Kind.IDENTIFIER: [*MALFORMED_EMAIL, *MALFORMED_PHONE],
                 Kind.PHONE: MALFORMED_PHONE, Kind.AMOUNT: AMOUNT, Kind.CONTACT: MALFORMED_EMAIL}


def for_kind(kind: Kind) -> list[Payload]:
    """The payloads a field of this kind gets: hidden and fixed-choice fields get a short tampering
    set; typed fields get every common class plus the malformed values of their own kind."""
    if kind in HIDDEN_KINDS:
        return [by_name(name) for name in HIDDEN_SET]
    return [*COMMON, *BY_KIND_EXTRA.get(kind, [])]


# Forms whose wrong submissions count towards a lockout (the sign-in code step) get only the
# values the form reader refuses before any check runs; see forms.py.
PRE_CHECK = [*OVERSIZE, *NUL]


def by_name(name: str) -> Payload:
    return next(p for p in CATALOGUE if p.name == name)
