"""One-time codes (CodeBook) and TOTP step matching, at the server's clock."""

from __future__ import annotations

import hashlib
import re
import sqlite3
from datetime import timedelta

import pyotp
import pytest

from mock_exchange.brands import Policy
from mock_exchange.codes import CodeBook, matching_totp_step, new_totp_secret
from mock_exchange.database import open_database
from mock_exchange.models import Account, OneTimeCode

KEY = b"k" * 32


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "codes.db"


@pytest.fixture
def db(db_path):
    session = open_database(db_path)()
    yield session
    session.close()


@pytest.fixture
def account(db, clock):
    account = Account(email="codes@example.com", password_hash=None, created_at=clock.now())
    db.add(account)
    db.flush()
    return account


@pytest.fixture
def book() -> CodeBook:
    return CodeBook(Policy(), KEY)


def _issue_distinct(book, db, account, now, previous: str) -> str:
    while (code := book.issue(db, account, "login", "email", now)) == previous:
        pass  # 1 in a million: a new code equal to the old one proves nothing
    return code


def test_code_is_six_digits(book, db, account, clock):
    codes = {book.issue(db, account, "login", "email", clock.now()) for _ in range(20)}
    assert all(re.fullmatch(r"\d{6}", code) for code in codes)
    assert len(codes) > 1  # random, not a constant


def test_new_code_voids_the_old_one(book, db, account, clock):
    old = book.issue(db, account, "login", "email", clock.now())
    new = _issue_distinct(book, db, account, clock.now(), old)
    assert book.find_valid(db, account, "login", "email", old, clock.now()) is None
    assert book.find_valid(db, account, "login", "email", new, clock.now()) is not None


def test_new_code_on_another_channel_leaves_the_first_alive(book, db, account, clock):
    email_code = book.issue(db, account, "login", "email", clock.now())
    book.issue(db, account, "login", "sms", clock.now())
    assert book.find_valid(db, account, "login", "email", email_code, clock.now()) is not None


def test_code_expires_after_10_minutes(book, db, account, clock):
    code = book.issue(db, account, "login", "email", clock.now())
    clock.advance(timedelta(minutes=9, seconds=59))
    assert book.find_valid(db, account, "login", "email", code, clock.now()) is not None
    clock.advance(timedelta(seconds=1))
    assert book.find_valid(db, account, "login", "email", code, clock.now()) is None


def test_used_code_is_not_valid_again(book, db, account, clock):
    code = book.issue(db, account, "login", "email", clock.now())
    found = book.find_valid(db, account, "login", "email", code, clock.now())
    found.used_at = clock.now()
    db.flush()
    assert book.find_valid(db, account, "login", "email", code, clock.now()) is None


def test_code_is_bound_to_its_purpose(book, db, account, clock):
    code = book.issue(db, account, "login", "email", clock.now())
    assert book.find_valid(db, account, "reset", "email", code, clock.now()) is None


def test_only_a_keyed_hash_is_stored(book, db, db_path, account, clock):
    code = book.issue(db, account, "login", "email", clock.now())
    db.commit()
    rows = sqlite3.connect(db_path).execute("SELECT * FROM one_time_codes").fetchall()
    assert len(rows) == 1
    assert not any(code in str(value) for value in rows[0])
    stored = db.query(OneTimeCode).one().code_hash
    assert stored != hashlib.sha256(code.encode()).hexdigest()  # not a plain, guessable hash
    assert CodeBook(Policy(), b"another-key" * 3).find_valid(db, account, "login", "email", code, clock.now()) is None


# --- TOTP ------------------------------------------------------------------------------------


@pytest.fixture
def totp_account(clock):
    """An account whose codes for steps -2..+2 around now are all different (a collision proves nothing)."""
    while True:
        account = Account(email="totp@example.com", totp_secret=new_totp_secret(), totp_last_step=None)
        totp = pyotp.TOTP(account.totp_secret)
        step = totp.timecode(clock.now())
        if len({totp.generate_otp(step + k) for k in range(-2, 3)}) == 5:
            return account


def _code(account, clock, steps_from_now: int) -> tuple[int, str]:
    totp = pyotp.TOTP(account.totp_secret)
    step = totp.timecode(clock.now()) + steps_from_now
    return step, totp.generate_otp(step)


def test_current_totp_code_matches(totp_account, clock):
    step, code = _code(totp_account, clock, 0)
    assert matching_totp_step(totp_account, code, clock.now()) == step


@pytest.mark.parametrize("drift", [-1, 1])
def test_one_step_of_drift_is_accepted(totp_account, clock, drift):
    step, code = _code(totp_account, clock, drift)
    assert matching_totp_step(totp_account, code, clock.now()) == step


@pytest.mark.parametrize("drift", [-2, 2])
def test_two_steps_of_drift_are_refused(totp_account, clock, drift):
    _, code = _code(totp_account, clock, drift)
    assert matching_totp_step(totp_account, code, clock.now()) is None


def test_an_accepted_step_is_never_accepted_again(totp_account, clock):
    step, code = _code(totp_account, clock, 0)
    totp_account.totp_last_step = step
    assert matching_totp_step(totp_account, code, clock.now()) is None
    assert matching_totp_step(totp_account, _code(totp_account, clock, -1)[1], clock.now()) is None  # older
    later_step, later = _code(totp_account, clock, 1)
    assert matching_totp_step(totp_account, later, clock.now()) == later_step  # the next one still works


def test_totp_follows_the_server_clock(totp_account, clock):
    _, code = _code(totp_account, clock, 0)
    clock.advance(timedelta(seconds=90))  # three steps later: the old code is out of the window
    assert matching_totp_step(totp_account, code, clock.now()) is None
