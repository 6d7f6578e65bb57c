"""Finding the account behind what a person types: an e-mail address or a phone number.

An e-mail signs in (and resets a password) only on the account where it is the password login
(``email_login``); a phone number is bound to at most one account and finds that account.
Accounts made through Google or Apple are found by their provider's subject, never by e-mail.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from .models import Account


def account_for_email(db: Session, email: str) -> Account | None:
    return db.scalar(select(Account).where(Account.email == email, Account.email_login.is_(True)))


def account_for_phone(db: Session, phone: str) -> Account | None:
    return db.scalar(select(Account).where(Account.phone == phone))

