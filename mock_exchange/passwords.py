"""Password hashing (argon2id) and the password rules shared by sign-up and reset.

Rules follow NIST SP 800-63B §3.1.1.2: a minimum length, a generous maximum, no composition
rules, and a refusal of passwords that are commonly used or contain the account identifier.
"""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from .brands import Policy

# OWASP's minimum argon2id configuration: 19 MiB, 2 iterations, 1 lane.
_hasher = PasswordHasher(time_cost=2, memory_cost=19 * 1024, parallelism=1)
# Verified against when the account does not exist, so both paths cost one argon2 run.
_DUMMY_HASH = _hasher.hash("not-a-real-password-but-the-same-cost")

COMMON_PASSWORDS = frozenset(
    {
        "password", "password1", "password123", "12345678", "123456789", "1234567890",
        "qwerty123", "qwertyuiop", "11111111", "iloveyou", "letmein1", "abc12345",
        "bitcoin1", "crypto123", "passw0rd", "welcome1", "00000000", "88888888",
    }
)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """True only for the right password; a missing hash still costs one verification."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def password_problems(password: str, policy: Policy, identifier: str = "") -> list[str]:
    """The reasons a new password is refused, as the user should read them (empty = fine)."""
    problems = []
    if len(password) < policy.password_min_length:
        problems.append(f"Use at least {policy.password_min_length} characters.")
    if len(password) > policy.password_max_length:
        problems.append(f"Use at most {policy.password_max_length} characters.")
    if password.lower() in COMMON_PASSWORDS:
        problems.append("This password is too common; choose another.")
    local_part = identifier.split("@")[0].lower()
    if len(local_part) >= 4 and local_part in password.lower():
        problems.append("The password must not contain your e-mail address.")
    return problems
