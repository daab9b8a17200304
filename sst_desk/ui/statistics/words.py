"""The statistics' codes in words on screen: rows, columns, tables, groups (no figure is computed here).

A ``CountTable``'s rows and columns are codes whose meaning depends on the table's dimension: an enum
value (gender, level, closing reason …), a school's name, a worker's user id, an årskurs as text, or one
of the statistics' own codes ("" = everyone, "all", "not_rated" …). ``code_words`` turns one into the
words the window shows, with the same vocabulary the printed report uses (``sst_desk.vocabulary``); a code
this version has no word for is shown as it is rather than hidden.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from enum import Enum

from PySide6.QtCore import QCoreApplication

from sst_desk.workflow.codes import (
    Assessment,
    Behorighet,
    ClosingReason,
    Gender,
    GoalArea,
    Level,
    RaisedBy,
    Rating,
    ReferralKind,
    Stage,
)
from sst_desk.workflow.stats_model import DEFAULT_MIN_CELL, Dimension, Statistics
from sst_desk.ui.common.labels import grade_label, label, statistics_label

CONTEXT = "StatisticsWindow"

# Which enum a dimension's (or a category table's) codes belong to.
ENUM_OF: dict[str, type[Enum]] = {
    Dimension.GENDER.value: Gender,
    Dimension.LEVEL.value: Level,
    Dimension.ASSESSMENT.value: Assessment,
    "raised_by": RaisedBy,
    "closing_reason": ClosingReason,
    "referral": ReferralKind,
    "stage": Stage,
    "stage_now": Stage,
    "behorighet": Behorighet,
    "goal_area": GoalArea,
    "rating": Rating,
    "goal_rating": Rating,
}


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def group_words(dimension: str, code: str, stats: Statistics | None = None) -> str:
    """The words for a ``Distribution``'s group: "" is everyone there (not an unknown school or årskurs)."""
    return statistics_label("") if code == "" else code_words(dimension, code, stats)


def code_words(dimension: str, code: str, stats: Statistics | None = None) -> str:
    """The words for ``code`` as a row or column of a table whose rows/columns are ``dimension``."""
    if dimension == Dimension.WORKER.value and stats is not None and code in stats.worker_names:
        return stats.worker_names[code]
    if dimension == "insats" and stats is not None and code in stats.insats_names:
        return stats.insats_names[code]
    if dimension == Dimension.GRADE.value and code.strip().lstrip("-").isdigit():
        return grade_label(int(code))
    enum_type = ENUM_OF.get(dimension)
    if enum_type is not None:
        for enum in (enum_type, *ENUM_OF.values()):  # a goal table's rows may be areas, its columns ratings
            try:
                return label(enum(code))
            except ValueError:
                continue
    if dimension == Dimension.SCHOOL.value and code:
        return code
    if code == "" and dimension in (Dimension.SCHOOL.value, Dimension.GRADE.value, Dimension.WORKER.value):
        return statistics_label("unknown")
    return statistics_label(code)


def dimension_words(dimension: Dimension | None) -> str:
    """The breakdown's name ("None" when there is none)."""
    return label(dimension) if dimension is not None else _t("None")


def table_title(key: str) -> str:
    return statistics_label(key)


def suppressed_text(stats: Statistics | None) -> str:
    """What a hidden cell shows: "<5" for the default threshold, "<N" for another."""
    threshold = stats.request.min_cell if stats is not None else DEFAULT_MIN_CELL
    return f"<{threshold}"


def number_words(value: float | None, decimals: int = 1) -> str:
    """A figure with a decimal comma (the house rule, docs/ui.md) and a minus sign, rounded half away from
    zero as people round; "–" when there is none."""
    if value is None:
        return "–"
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)  # −14,25 → −14,3
    return f"{rounded:f}".replace(".", ",").replace("-", "\u2212")


def period_words(stats: Statistics) -> str:
    return f"{stats.request.start.isoformat()} – {stats.request.end.isoformat()}"
