"""The statistics' codes in words on screen: rows, columns, tables, groups (no figure is computed here).

A ``CountTable``'s rows and columns are codes whose meaning depends on the table's dimension: an enum
value (gender, level, closing reason …), a school's name, a worker's user id, an årskurs as text, or one
of the statistics' own codes ("" = everyone, "all", "not_rated" …). ``code_words`` turns one into the
words the window shows, with the same vocabulary the printed report uses (``sst_desk.vocabulary``); a code
this version has no word for is shown as it is rather than hidden.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from PySide6.QtCore import QCoreApplication

from sst_desk.vocabulary import STATS_CODES, STATS_DIMENSIONS, STATS_MARKS, STATS_NOTES, STATS_TABLES
from sst_desk.workflow.stats_model import DEFAULT_MIN_CELL, SECONDARY_TEXT, Cell, Dimension, Statistics
from sst_desk.workflow.stats_model import cell_text as model_cell_text
from sst_desk.ui.common.labels import grade_label, label, statistics_code_label, statistics_label

CONTEXT = "StatisticsWindow"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def group_words(dimension: str, code: str, stats: Statistics | None = None) -> str:
    """The words for a ``Distribution``'s group: "" is everyone there (not an unknown school or årskurs)."""
    return statistics_label(STATS_CODES, "") if code == "" else code_words(dimension, code, stats)


def code_words(dimension: str, code: str, stats: Statistics | None = None) -> str:
    """The words for ``code`` as a row or column of a table whose rows/columns are ``dimension``."""
    if dimension == Dimension.WORKER.value and stats is not None and code in stats.worker_names:
        return stats.worker_names[code]
    if dimension == "insats" and stats is not None and code in stats.insats_names:
        return stats.insats_names[code]
    if dimension == Dimension.GRADE.value and code.strip().lstrip("-").isdigit():
        return grade_label(int(code))
    if dimension == Dimension.SCHOOL.value and code:
        return code
    return statistics_code_label(dimension, code)


def table_words(key: str) -> str:
    """A count table's title (``CountTable.key``)."""
    return statistics_label(STATS_TABLES, key)


def outcome_words(key: str) -> str:
    """An outcome's name ("change_latest", "change_at_close")."""
    return statistics_label(STATS_CODES, key)


def note_words(note: str) -> str:
    return statistics_label(STATS_NOTES, note)


def heading_words(dimension: str) -> str:
    """What a category table's rows are ("Reason", "Stage" …), or the breakdown's name."""
    try:
        return label(Dimension(dimension))
    except ValueError:
        return statistics_label(STATS_DIMENSIONS, dimension)


def total_words() -> str:
    return statistics_label(STATS_CODES, "total")


def dimension_words(dimension: Dimension | None) -> str:
    """The breakdown's name ("None" when there is none)."""
    return label(dimension) if dimension is not None else _t("None")


def suppressed_text(stats: Statistics | None) -> str:
    """What a figure below the threshold shows: "<5" for the default threshold, "<N" for another."""
    return f"<{min_cell(stats)}"


def min_cell(stats: Statistics | None) -> int:
    return stats.request.min_cell if stats is not None else DEFAULT_MIN_CELL


def cell_text(cell: Cell, stats: Statistics | None) -> str:
    """A count as shown — ``stats_model.cell_text``, the one text every renderer uses: the number; "<N" when
    below the threshold (primary); ".." when hidden to protect another cell (secondary: it holds at least N)."""
    return model_cell_text(cell, min_cell(stats))


def mark_text(hidden: bool, primary: bool, value: object, stats: Statistics | None) -> str:
    """A figure that is not a ``Cell`` (a group's n, a histogram bin) shown by the same rule."""
    if not hidden:
        return str(value)
    return suppressed_text(stats) if primary else SECONDARY_TEXT


def marks_legend(stats: Statistics | None) -> str:
    """What "<5" and ".." mean, in the window's language (``vocabulary.stats_marks_legend``'s two sentences)."""
    return " ".join(statistics_label(STATS_MARKS, key).format(min_cell=min_cell(stats))
                    for key in ("primary", "secondary"))


def number_words(value: float | None, decimals: int = 1) -> str:
    """A figure with a decimal comma (the house rule, docs/ui.md) and a minus sign, rounded half away from
    zero as people round; "–" when there is none."""
    if value is None:
        return "–"
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)  # −14,25 → −14,3
    return f"{rounded:f}".replace(".", ",").replace("-", "\u2212")


def period_words(stats: Statistics) -> str:
    return f"{stats.request.start.isoformat()} – {stats.request.end.isoformat()}"
