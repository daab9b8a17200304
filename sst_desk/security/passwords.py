"""Password hashing with Argon2id, and the rule a new password must meet.

Parameters follow the OWASP Password Storage Cheat Sheet for Argon2id
(m = 19 MiB, t = 2, p = 1); each hash carries its parameters, so raising
them later needs no migration: ``needs_rehash`` tells when to re-hash at the
next sign-in. Tests lower the cost with ``use_cheap_parameters_for_tests``.
"""

from __future__ import annotations

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MEMORY_KIB = 19 * 1024
TIME_COST = 2
PARALLELISM = 1
MIN_LENGTH = 10
MAX_LENGTH = 256

_hasher = PasswordHasher(time_cost=TIME_COST, memory_cost=MEMORY_KIB, parallelism=PARALLELISM, type=Type.ID)


def use_cheap_parameters_for_tests() -> None:
    """Make hashing fast (tests only: thousands of sign-ins would otherwise take minutes)."""
    global _hasher
    _hasher = PasswordHasher(time_cost=1, memory_cost=64, parallelism=1, type=Type.ID)


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    """True when ``password`` matches; False for a mismatch or a damaged hash (never raises)."""
    try:
        return _hasher.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    try:
        return _hasher.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True


class PasswordProblem(ValueError):
    """Why a new password is refused: ``code`` for the UI's Swedish sentence, ``str()`` in English."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        super().__init__(message)


def check_new_password(password: str, *, username: str = "", repeated: str | None = None) -> None:
    """Raise ``PasswordProblem`` unless ``password`` may be chosen (NIST SP 800-63B: length, not symbols)."""
    if len(password) < MIN_LENGTH:
        raise PasswordProblem("too_short", f"A password has at least {MIN_LENGTH} characters.")
    if len(password) > MAX_LENGTH:
        raise PasswordProblem("too_long", f"A password has at most {MAX_LENGTH} characters.")
    if password.strip() != password or not password.strip():
        raise PasswordProblem("spaces", "A password cannot begin or end with a space.")
    if username and username.casefold() in password.casefold():
        raise PasswordProblem("contains_name", "A password cannot contain the user name.")
    if len(set(password)) < 4:
        raise PasswordProblem("too_simple", "A password needs more than a few different characters.")
    if repeated is not None and repeated != password:  # last: first say what is wrong with the password itself
        raise PasswordProblem("mismatch", "The two passwords differ.")
