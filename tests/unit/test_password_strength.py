"""A new password must be hard to guess (zxcvbn, score >= 3), and the refusal says why.

Regression: ``1234567890``, ``password12`` and ``sommar2026`` were accepted as passwords for a database of
children's case records.
"""

from __future__ import annotations

import pytest

from sst_desk.security.passwords import MIN_SCORE, PasswordProblem, check_new_password, weakness


@pytest.mark.parametrize(("password", "code"), [
    ("1234567890", "weak_common"),
    ("password12", "weak_common"),
    ("sommar2026", "weak_personal"),  # a season and a year: the first thing anyone here would try
    ("qwertyuiopå", "weak_common"),
    ("abcdefghij12", "weak_pattern"),
])
def test_common_and_guessable_passwords_are_refused_with_the_reason(password: str, code: str) -> None:
    """Regression: these passed the old length-and-variety rule."""
    with pytest.raises(PasswordProblem) as caught:
        check_new_password(password, username="sara")
    assert caught.value.code == code
    assert "guess" in str(caught.value) and "words" in str(caught.value)


def test_the_persons_names_and_the_team_count_as_guessable() -> None:
    """A password made of the full name and the team's name is refused; the same shape with other words is not."""
    with pytest.raises(PasswordProblem) as caught:
        check_new_password("lindqvist2026", username="sara", personal=["Sara Lindqvist", "Ekbackeskolan"])
    assert caught.value.code == "weak_personal"
    check_new_password("lindqvist2026", username="karin", personal=["Karin Berg"])  # not her name: fine


@pytest.mark.parametrize("password", ["korrekt häst batteri häftklammer", "knorrande-tekanna-vid-fjället",
                                      "mitt-eget-lösen", "Kanariefågeln sjunger 2026!"])
def test_a_good_passphrase_is_accepted(password: str) -> None:
    check_new_password(password, username="sara", repeated=password, personal=["Sara Lind"])
    assert weakness(password) is None


def test_the_order_of_the_checks_says_the_simplest_problem_first() -> None:
    """Too short is said before too guessable; a mismatch only once the password itself is fine."""
    with pytest.raises(PasswordProblem) as short:
        check_new_password("12345")
    assert short.value.code == "too_short"
    with pytest.raises(PasswordProblem) as mismatch:
        check_new_password("korrekt häst batteri", repeated="korrekt häst")
    assert mismatch.value.code == "mismatch"
    assert MIN_SCORE == 3


def test_a_very_long_password_is_checked_quickly() -> None:
    """Regression: zxcvbn raises ValueError beyond 72 characters (a traceback for a long passphrase); only the
    first 72 are given to it, which also keeps it quick."""
    import time

    started = time.monotonic()
    check_new_password(("ett långt lösen med många ord " * 8).strip())
    assert time.monotonic() - started < 5
