"""No account enumeration on login, sign-up and forgot-password: same wording, same status,
and response times that differ by less than a stated bound (ASVS 5.0 V6.3.8).

Timing: the exchange hashes passwords with argon2id. A path that skips the hash for one kind
of address answers faster by one hash, so the bound is half the cost of one hash, measured in
the same run (a wrong password minus an empty one, which is refused before any hashing), and
never below 15 ms. On an idle core a hash costs ~35 ms; on a loaded CI machine both the hash and
the noise grow, and the bound grows with them. Each side takes 25 samples, interleaved so
machine load falls on both alike, and is summarised by the mean of its fastest fifth (noise
only adds delay; the quiet samples show the server's own work)."""

import pytest

from pages.screen_forms import visible_text
from suites.security.http_client import quiet_ms

SAMPLES = 25
BOUND_FLOOR_MS = 15.0


def _hash_bound_ms(accounts, form_client) -> float:
    """Half of one argon2 verification as the client sees it: a wrong password for a fresh
    address (hashed against the dummy hash) minus an empty one (refused before any hashing)."""
    hashed, refused_early = [], []
    for _ in range(12):
        hashed.append(form_client().timed_submit(
            "/login", {"email": accounts.new_email(), "password": "Wrong-password-1"})[1])
        refused_early.append(form_client().timed_submit("/login", {"email": accounts.new_email(), "password": ""})[1])
    return max(BOUND_FLOOR_MS, (quiet_ms(hashed) - quiet_ms(refused_early)) / 2)


def _timing_gap_ms(known: list, unknown: list, addresses: list[str], bound_ms: float) -> float:
    """Each list holds (response, seconds). Same status, same page (addresses blanked), close medians."""
    def page_of(response, address):
        return (response.status_code, response.headers.get("location"),
                visible_text(response.text).replace(address, "ADDRESS"))

    known_pages = {page_of(r, a) for (r, _), a in zip(known, addresses[::2])}
    unknown_pages = {page_of(r, a) for (r, _), a in zip(unknown, addresses[1::2])}
    assert known_pages == unknown_pages and len(known_pages) == 1, (
        f"known and unknown addresses get different answers:\n{known_pages}\nvs\n{unknown_pages}")
    known_ms, unknown_ms = quiet_ms([t for _, t in known]), quiet_ms([t for _, t in unknown])
    print(f"fastest fifth: known {known_ms:.1f} ms, unknown {unknown_ms:.1f} ms, bound {bound_ms:.1f} ms")
    return abs(known_ms - unknown_ms)


def _interleaved(form_client, path: str, fields_for, addresses: list[str]) -> tuple[list, list]:
    known, unknown = [], []
    for index, address in enumerate(addresses):
        result = form_client().timed_submit(path, fields_for(address))
        (known if index % 2 == 0 else unknown).append(result)
    return known, unknown


@pytest.mark.behaviour("SEC-ENUM-01")
def test_login_answers_a_known_and_an_unknown_address_alike(accounts, form_client):
    addresses = []
    for _ in range(SAMPLES):  # a fresh account each time: one failure each, far from the lockout
        addresses += [accounts.create().email, accounts.new_email()]
    known, unknown = _interleaved(form_client, "/login",
                                  lambda a: {"email": a, "password": "Wrong-password-123"}, addresses)
    bound_ms = _hash_bound_ms(accounts, form_client)
    assert _timing_gap_ms(known, unknown, addresses, bound_ms) < bound_ms, "response times tell accounts apart"


@pytest.mark.behaviour("SEC-ENUM-01")
def test_sign_up_answers_a_registered_and_a_new_address_alike(accounts, form_client):
    addresses = []
    for _ in range(SAMPLES):
        addresses += [accounts.create().email, accounts.new_email()]
    password = accounts.new_password()
    known, unknown = _interleaved(form_client, "/signup", lambda a: {"email": a, "password": password}, addresses)
    bound_ms = _hash_bound_ms(accounts, form_client)
    assert _timing_gap_ms(known, unknown, addresses, bound_ms) < bound_ms, "response times tell accounts apart"


@pytest.mark.behaviour("SEC-ENUM-01")
def test_forgot_password_answers_a_known_and_an_unknown_address_alike(accounts, form_client):
    addresses = []
    for _ in range(SAMPLES):
        addresses += [accounts.create().email, accounts.new_email()]
    known, unknown = _interleaved(form_client, "/forgot-password", lambda a: {"identifier": a}, addresses)
    bound_ms = _hash_bound_ms(accounts, form_client)
    assert _timing_gap_ms(known, unknown, addresses, bound_ms) < bound_ms, "response times tell accounts apart"
