"""Words for the workflow's codes on screen, through Qt's translation system (context "Labels").

The workflow speaks in enums; ``sst_desk.vocabulary`` is the one table of their
words (English and Swedish) that paper uses too. ``label()`` asks Qt for the
translation of the code's English, with its enum class as disambiguation; the
Swedish in the .ts is written from the same table by
``scripts/update_translations.py``, so screen and paper cannot drift apart.
"""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QCoreApplication

from sst_desk.vocabulary import CODE_WORDS, STATS_WORDS, disambiguation, stats_key_words, stats_words, words

CONTEXT = "Labels"  # the same as vocabulary.CONTEXT: a literal, so the translation script finds grade_label's words

# (code, English source) for every code with words, in the table's order.
_PAIRS: list[tuple[Enum, str]] = [(code, w.en) for table in CODE_WORDS.values() for code, w in table.items()]


def label(code: Enum | None) -> str:
    """The translated word for a workflow code ("" for None)."""
    if code is None:
        return ""
    return QCoreApplication.translate(CONTEXT, words(code).en, disambiguation(code))


def choices(enum_type: type[Enum], *, empty: str | None = None) -> list[tuple[object, str]]:
    """(value, label) pairs for a combo box, optionally led by an empty choice."""
    pairs: list[tuple[object, str]] = [(None, empty)] if empty is not None else []
    return pairs + [(member, label(member)) for member in enum_type]


def grade_label(grade: int | None) -> str:
    if grade is None:
        return ""
    if grade == 0:
        return QCoreApplication.translate(CONTEXT, "Preschool class")
    if grade >= 10:
        return QCoreApplication.translate(CONTEXT, "Upper secondary year %1").replace("%1", str(grade - 9))
    return str(grade)


def grade_choices() -> list[tuple[object, str]]:
    empty = QCoreApplication.translate(CONTEXT, "—")
    return [(None, empty)] + [(g, grade_label(g)) for g in range(0, 14)]



def statistics_label(kind: str, key: str) -> str:
    """The translated words of a statistics text code: a table key (``vocabulary.STATS_TABLES``), an outcome
    key or special code (``STATS_CODES``), a note (``STATS_NOTES``); a code with no words is shown as it is."""
    known = stats_key_words(kind, key)
    return QCoreApplication.translate(CONTEXT, known.en, kind) if known is not None else key


def statistics_code_label(dimension: str, code: str) -> str:
    """The translated words of a row or column code of a statistics table whose rows/columns are ``dimension``,
    as ``vocabulary.stats_words`` finds them (an enum's words, "" as everyone / not rated / not recorded / not
    known, the special codes). School names, worker ids, årskurser and insatser are named by the caller; a
    code with no words is shown as it is."""
    found = stats_words(dimension, code)
    if found is None:
        return code
    return QCoreApplication.translate(CONTEXT, found.en, _STATS_DISAMBIGUATION.get(id(found), ""))


# The Qt disambiguation of each of the vocabulary's Words (its enum class, or its statistics kind): the message
# a Words found by ``stats_words`` is translated as.
_STATS_DISAMBIGUATION: dict[int, str] = {
    **{id(w): cls.__name__ for cls, table in CODE_WORDS.items() for w in table.values()},
    **{id(w): kind for kind, table in STATS_WORDS.items() for w in table.values()},
}
