"""The sentences for a refused password (``security.passwords.PasswordProblem.code``), in ONE place.

Context "Accounts": the window's account dialogs (``ui/accounts/forms.py``) and the command line
(``sst-desk password``, ``serve --init``) say the same thing in the same words. ``%1`` is the length limit.
"""

from __future__ import annotations

from collections.abc import Callable

from sst_desk.security.passwords import MAX_LENGTH, MIN_LENGTH


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - Qt's name, so lupdate finds the strings
    return text


PASSWORD_WORDS: dict[str, str] = {
    "mismatch": QT_TRANSLATE_NOOP("Accounts", "The two passwords differ. Type the same password twice."),
    "too_short": QT_TRANSLATE_NOOP("Accounts", "A password has at least %1 characters."),
    "too_long": QT_TRANSLATE_NOOP("Accounts", "A password has at most %1 characters."),
    "spaces": QT_TRANSLATE_NOOP("Accounts", "A password cannot begin or end with a space."),
    "contains_name": QT_TRANSLATE_NOOP("Accounts", "A password cannot contain the user name."),
    "too_simple": QT_TRANSLATE_NOOP(
        "Accounts", "The password has too few different characters. A few words in a row are easy to remember and "
                    "hard to guess."),
    "same_as_old": QT_TRANSLATE_NOOP("Accounts", "Choose a password other than the current one."),
    # zxcvbn found it too easy to guess (security/passwords.py, weakness): say why, and what works.
    "weak_common": QT_TRANSLATE_NOOP(
        "Accounts", "The password is too easy to guess: it is one of the most common passwords, or close to one. "
                    "Use three or four words that do not belong together."),
    "weak_personal": QT_TRANSLATE_NOOP(
        "Accounts", "The password is too easy to guess: it is built on a name, the team, a month, a season or a "
                    "word like 'lösenord'. Use three or four words that do not belong together."),
    "weak_pattern": QT_TRANSLATE_NOOP(
        "Accounts", "The password is too easy to guess: it is built on a sequence, a repeat or a row of keys. "
                    "Use three or four words that do not belong together."),
    "weak_date": QT_TRANSLATE_NOOP(
        "Accounts", "The password is too easy to guess: it is built on a date or a year. Use three or four words "
                    "that do not belong together."),
    "weak_guessable": QT_TRANSLATE_NOOP(
        "Accounts", "The password is too easy to guess. Use three or four words that do not belong together."),
}


def password_sentence(code: str, translate: Callable[[str, str], str]) -> str:
    """The sentence for the problem ``code``, through ``translate(context, source)``."""
    source = PASSWORD_WORDS.get(code)
    if source is None:
        return translate("Accounts", "This password cannot be used.")
    limit = MAX_LENGTH if code == "too_long" else MIN_LENGTH
    return translate("Accounts", source).replace("%1", str(limit))
