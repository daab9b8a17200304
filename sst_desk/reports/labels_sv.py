"""Swedish words for the workflow's codes as they appear on paper, and the other words printed documents use.

The words for codes come from ``sst_desk.vocabulary``, the one table the window's
labels are translated from too, so paper and screen say the same; a PDF reads
the same whatever language the screen is set to. ``label()`` works for any
workflow enum member; a test checks that every member has a label.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from sst_desk.vocabulary import CODE_WORDS
from sst_desk.workflow.codes import Stage

# Keyed by enum class first: str-valued members of different enums compare equal.
LABELS: dict[type[Enum], dict[Any, str]] = {
    cls: {code: words.sv for code, words in table.items()} for cls, table in CODE_WORDS.items()
}


def label(code: Enum | None, missing: str = "") -> str:
    """The Swedish word for a workflow code; ``missing`` for None."""
    if code is None:
        return missing
    return LABELS[type(code)][code]


def grade_label(grade: int | None) -> str:
    """The value printed after "Årskurs": 0 is förskoleklass, 10–13 are gymnasiet år 1–4."""
    if grade is None:
        return "uppgift saknas"
    if grade == 0:
        return "förskoleklass"
    if 10 <= grade <= 13:
        return f"gymnasiet år {grade - 9}"
    return str(grade)


# --- Added for the kartläggning, uppföljning, avslut and kallelse documents (issue 5) ---

WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")


def weekday_label(day: Any) -> str:
    """The Swedish weekday of a date, lower case as Swedish writes it ("onsdag")."""
    return WEEKDAYS[day.weekday()]


def percent_label(value: float | None, missing: str = "uppgift saknas") -> str:
    """A percentage the Swedish way: decimal comma, a space before the sign ("12,5 %", "46 %")."""
    if value is None:
        return missing
    text = f"{value:.1f}".rstrip("0").rstrip(".")
    return text.replace(".", ",") + " %"


# What the team decided when an uppföljning round ended (the stage the case moved to).
FOLLOW_UP_OUTCOMES: dict[Stage, str] = {
    Stage.GENOMFORANDE: "Arbetet fortsätter enligt samma plan.",
    Stage.PLANERING: "Planen revideras: en ny version av handlingsplanen tas fram.",
    Stage.AVSLUTAD: "Ärendet avslutas.",
}


# --- Added for skollinjen (issue 4) ---

MONTHS_SHORT = ("jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def term_label(day: Any) -> str:
    """The term of a date as schools write it: "VT 2026" (Jan–Jun), "HT 2026" (Jul–Dec)."""
    return f"{'VT' if day.month <= 6 else 'HT'} {day.year}"


def points_label(value: float) -> str:
    """A change in percentage points, signed, with a true minus sign: "−5,3 procentenheter"."""
    text = f"{abs(value):.1f}".rstrip("0").rstrip(".").replace(".", ",")
    if text == "0":
        return "±0 procentenheter"
    return f"{'+' if value > 0 else '−'}{text} procentenheter"
