"""Password hashing with Argon2id, and the rule a new password must meet.

A new password must also be hard to guess: ``zxcvbn`` (a well-kept strength
estimator with lists of common passwords, names, words, dates and keyboard
patterns) must give it a score of at least ``MIN_SCORE`` (3 of 4: "safely
unguessable", about 10^8 guesses), after being told the words a guesser here
would try first: the user name and full name, the team, and Swedish months,
seasons and words like "lösenord", "skola" and "sst".

Parameters follow the OWASP Password Storage Cheat Sheet for Argon2id
(m = 19 MiB, t = 2, p = 1); each hash carries its parameters, so raising
them later needs no migration: ``needs_rehash`` tells when to re-hash at the
next sign-in. Tests lower the cost with ``use_cheap_parameters_for_tests``.
"""

from __future__ import annotations

from collections.abc import Iterable

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MEMORY_KIB = 19 * 1024
TIME_COST = 2
PARALLELISM = 1
MIN_LENGTH = 10
MAX_LENGTH = 256
MIN_SCORE = 3  # zxcvbn: 0 too guessable … 4 very unguessable
_ZXCVBN_MAX = 72  # zxcvbn refuses longer input (ValueError); the first 72 characters decide the score anyway

# What someone guessing a password in a Swedish school social team tries first (besides the person's names).
LOCAL_WORDS: tuple[str, ...] = (
    "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
    "november", "december", "vinter", "vår", "var", "sommar", "höst", "host", "jul", "påsk", "lösenord",
    "losenord", "lösen", "sst", "skola", "skolan", "elev", "kurator", "socionom", "skolsocionom", "team",
    "sverige", "stockholm", "göteborg", "malmö", "desk", "sstdesk", "hej", "hemlig", "hemligt", "qwerty",
)

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


def check_new_password(password: str, *, username: str = "", repeated: str | None = None,
                       personal: Iterable[str] = ()) -> None:
    """Raise ``PasswordProblem`` unless ``password`` may be chosen (NIST SP 800-63B: length and guessability).

    ``personal``: more words a guesser would try (the full name, the team's name); the user name, the
    months, seasons and ``LOCAL_WORDS`` are always included.
    """
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
    _check_guessable(password, [username, *personal])
    if repeated is not None and repeated != password:  # last: first say what is wrong with the password itself
        raise PasswordProblem("mismatch", "The two passwords differ.")


def guess_words(extra: Iterable[str]) -> list[str]:
    """The words zxcvbn is told to expect: ``extra`` (names, the team; split into words) and ``LOCAL_WORDS``."""
    words: list[str] = []
    for text in extra:
        text = (text or "").strip().casefold()
        if text:
            words.append(text)
            words += [part for part in text.replace("-", " ").replace(".", " ").split() if len(part) > 1]
    return words + list(LOCAL_WORDS)


def weakness(password: str, extra: Iterable[str] = ()) -> str | None:
    """Why zxcvbn finds ``password`` too easy to guess (a code, see ``_check_guessable``), or None."""
    from zxcvbn import zxcvbn

    result = zxcvbn(password[:_ZXCVBN_MAX], user_inputs=guess_words(extra))
    if result["score"] >= MIN_SCORE:
        return None
    patterns = {(m.get("pattern"), m.get("dictionary_name")) for m in result["sequence"]}
    if ("dictionary", "passwords") in patterns:
        return "common"
    if ("dictionary", "user_inputs") in patterns:
        return "personal"
    if any(kind in ("sequence", "repeat", "spatial") for kind, _name in patterns):
        return "pattern"
    if any(kind in ("date", "regex") for kind, _name in patterns):
        return "date"
    return "guessable"


_WEAK_MESSAGES = {
    "common": "The password is too easy to guess: it is one of the most common passwords, or close to one.",
    "personal": "The password is too easy to guess: it is built on a name, the team, a month, a season or a word "
                "like 'lösenord'.",
    "pattern": "The password is too easy to guess: it is built on a sequence, a repeat or a row of keys.",
    "date": "The password is too easy to guess: it is built on a date or a year.",
    "guessable": "The password is too easy to guess.",
}


def _check_guessable(password: str, extra: list[str]) -> None:
    reason = weakness(password, extra)
    if reason is not None:
        # code "weak_<reason>": the UI says why in Swedish (ui/accounts/forms.py).
        raise PasswordProblem(f"weak_{reason}", _WEAK_MESSAGES[reason] + " Use three or four words that do not belong together.")
