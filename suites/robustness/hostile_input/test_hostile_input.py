"""Hostile values in every field of every HTML form, typed through a real browser.

One case = one form, one field, one hostile value; every other field holds a plausible value.
Each case proves, for both exchanges:

- SEC-INPUT-01: the answer is never a 5xx or a stack trace; a value the field cannot hold is
  refused with a 4xx (413 when over-long, 400 for NUL bytes) and a readable error on the page.
- SEC-INPUT-02: no injected script runs (a dialog listener records any ``alert``) and no element
  is built from injected markup: what comes back is encoded.
- SEC-INPUT-03: the account is unchanged afterwards (lock state, failures, sessions, bound
  factors, balance, holds) and its password still works, tampered hidden fields included.
"""

from __future__ import annotations

import pytest

from .forms import FORMS
from .kinds import HIDDEN_KINDS
from .payloads import PRE_CHECK, for_kind

CASES = [
    pytest.param(spec.key, name, kind, payload, id=f"{spec.key}-{name}-{payload.name}")
    for spec in FORMS
    for name, kind in spec.fields.items()
    for payload in (PRE_CHECK if spec.pre_check_only else for_kind(kind))
]


@pytest.mark.behaviour("SEC-INPUT-01", "SEC-INPUT-02", "SEC-INPUT-03")
@pytest.mark.parametrize("form_key, field, kind, payload", CASES)
def test_hostile_value_is_refused_readably_and_changes_nothing(workbenches, exchange, form_key, field, kind, payload):
    bench = workbenches.get(exchange, form_key)
    if not bench.open_form(reuse=bench.may_reuse_page):  # an earlier accepted value moved the flow on
        bench = workbenches.get(exchange, form_key, fresh=True)
        assert bench.open_form(), f"{bench.spec.action} is not on {bench.spec.page} for a fresh browser"
    bench.may_reuse_page = kind not in HIDDEN_KINDS  # a page re-rendered from tampered hidden values is not reused
    before = bench.snapshot(reuse_last=True)

    outcome = bench.submit(bench.spec.action, {**bench.partner_values(), field: payload.value})

    where = f"{form_key}.{field} = {payload.name} -> {outcome.status} at {outcome.url}"
    # SEC-INPUT-01
    assert outcome.status < 500 and not outcome.shows_trace, f"server error: {where}\n{outcome.text[:500]}"
    if outcome.status >= 400:
        assert outcome.error_text, f"refused without a readable error on the page: {where}"
        if payload.status is not None:
            assert outcome.status == payload.status, f"expected {payload.status}: {where}: {outcome.error_text}"
    else:
        assert payload.may_be_accepted_by(kind), f"a {kind.value} field accepted a hostile value: {where}"
    # SEC-INPUT-02
    assert not outcome.dialogs, f"injected script ran: {outcome.dialogs} ({where})"
    assert outcome.injected == 0, f"injected markup became {outcome.injected} element(s) on the page ({where})"
    # SEC-INPUT-03
    assert bench.snapshot() == before, f"the account changed: {where}"
    assert bench.password_still_works(), f"the account's password no longer works: {where}"
