"""CoinEx rules below the screens: images recognised by their bytes, the questions built
from the account, the check the system picks, and KYC withdrawal limits."""

from __future__ import annotations

from datetime import datetime, timezone
from decimal import Decimal
from types import SimpleNamespace

import pytest

from mock_exchange import security_questions
from mock_exchange.brands import COINEX, PIONEX
from mock_exchange.database import open_database
from mock_exchange.kyc import profile_of, withdrawal_refusal
from mock_exchange.mobile_reset import choose_check
from mock_exchange.models import Account, TradingBot
from mock_exchange.web.uploads import image_problem, image_type

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 16


@pytest.fixture
def db(tmp_path):
    session = open_database(tmp_path / "coinex.db")()
    yield session
    session.close()


def _account(db, **fields) -> Account:
    account = Account(email="a@example.com", email_login=True, created_at=datetime(2026, 3, 14, tzinfo=timezone.utc),
                      balance_usdt=Decimal("100"), **fields)
    db.add(account)
    db.flush()
    return account


def test_images_are_recognised_by_their_bytes_not_their_name():
    assert image_type(PNG) == "image/png" and image_type(JPEG) == "image/jpeg"
    assert image_type(b"GIF89a....") is None
    assert image_problem(b"not an image", "screenshot", 1024) == "The screenshot must be a PNG or JPEG image."
    assert "larger than" in image_problem(PNG + b"\x00" * 2048, "screenshot", 1024)
    assert image_problem(None, "screenshot", 1024).startswith("Choose")
    assert image_problem(PNG, "screenshot", 1024) is None


def test_four_questions_from_the_accounts_own_data_all_must_be_right(db):
    account = _account(db)
    profile = profile_of(db, account)
    profile.holdings, profile.last_deposit_usdt = "BTC,ETH", Decimal("2500")
    db.add(TradingBot(account_id=account.id, name="Grid", created_at=account.created_at))
    questions = security_questions.questions_for(db, account)
    assert len(questions) == 4 and {q.multiple for q in questions} == {True, False}
    right = {"registered": "2026-03", "coins_BTC": "yes", "coins_ETH": "yes", "deposit": "1000-10000", "bots": "yes"}
    answers = security_questions.answers_from(right, questions)
    assert security_questions.all_correct(questions, answers)
    one_coin_short = security_questions.answers_from({**right, "coins_ETH": ""}, questions)
    assert not security_questions.all_correct(questions, one_coin_short)
    assert security_questions.answers_from({**right, "bots": ""}, questions) is None  # unanswered: no attempt


@pytest.mark.parametrize(("setup", "password_unavailable", "expected"), [
    ({}, False, "questions"),
    ({}, True, "documents"),
    ({"kyc_level": 1}, True, "biometric"),
    ({"kyc_level": 1, "totp": True}, False, "biometric"),
    ({"balance": COINEX.policy.high_value_usdt + 1}, False, "documents"),
    ({"balance": COINEX.policy.high_value_usdt}, False, "questions"),
    ({"failures": COINEX.policy.security_question_attempts}, False, "documents"),
])
def test_the_system_picks_the_information_check(db, setup, password_unavailable, expected):
    account = _account(db, totp_secret="JBSWY3DPEHPK3PXP" if setup.get("totp") else None)
    account.balance_usdt = Decimal(setup.get("balance", 100))
    profile = profile_of(db, account)
    profile.kyc_level = setup.get("kyc_level", 0)
    profile.question_failures = setup.get("failures", 0)
    exchange = SimpleNamespace(brand=COINEX)
    assert choose_check(exchange, db, account, password_unavailable) == expected


def test_kyc_limits_name_the_missing_level_and_only_apply_where_the_brand_has_them(db):
    account = _account(db)
    limit = dict((level, cap) for level, _, cap in COINEX.policy.kyc_withdrawal_limits)
    assert withdrawal_refusal(COINEX, db, account, Decimal(limit[0])) is None
    message = withdrawal_refusal(COINEX, db, account, Decimal(limit[0] + 1))
    assert "Primary verification (KYC level 1)" in message
    assert withdrawal_refusal(PIONEX, db, account, Decimal(limit[0] + 1)) is None
    profile_of(db, account).kyc_level = 1
    assert withdrawal_refusal(COINEX, db, account, Decimal(limit[0] + 1)) is None
