"""The Swedish of a ``Statistics`` on paper and in files: titles, row and column words, cells, figures.

Shared by the three things made from the team's statistics (``statistics.py``, the PDF for the nämnd;
``statistics_yearly.py``, the one-page yearly report; ``statistics_tables.py``, CSV and XLSX) so that they
name every table, row and cell alike. The words for codes come from ``sst_desk.vocabulary`` (the section
"Statistics"), the same table the window translates from. A code with no words there is printed as the code
itself rather than crashing: stats-core may add a table key or a category before anyone words it.

Nothing here counts or suppresses: a suppressed cell arrives as ``Cell(None)`` and is printed as
"<N" (N = the request's ``min_cell``); the number behind it is not in the data at all.
"""

from __future__ import annotations

import datetime as dt
import math

from sst_desk.vocabulary import (
    STATS_CODES,
    STATS_DIMENSIONS,
    STATS_NOTES,
    STATS_TABLES,
    stats_key_words,
    stats_marks_legend,
    stats_words,
)
from sst_desk.workflow import stats_model
from sst_desk.workflow.stats_model import Cell, CountTable, Dimension, Distribution, Statistics, StatsRequest

from sst_desk.reports.base import format_date
from sst_desk.reports.labels_sv import grade_label

MINUS = "\u2212"  # a true minus sign: "−5,3" reads as a number, "-5,3" can look like a dash
DASH = "–"  # a figure that is not given (suppressed group, nothing to measure)
TOTAL = "Totalt"

# The tables of the breakdown (rows = the breakdown's values, columns = gender), in the order a reader
# follows a case: open in the period, new, enrolled, closed, booster sessions. Category tables follow.
BREAKDOWN_KEYS = ("active", "raised", "enrolled", "closed", "booster_proposed", "booster_held")
CATEGORY_KEYS = ("raised_by", "closing_reason", "referral", "stage_now", "goal_rating", "behorighet")
# Short column heads for the overview (one column per breakdown table).
SHORT_TITLES = {
    "active": "Inskrivna under perioden", "raised": "Nya ärenden", "enrolled": "Nyinskrivna", "closed": "Avslutade",
    "booster_proposed": "Booster, planerade", "booster_held": "Booster, genomförda",
}
SHORT_NOTE = "Booster: boosterträffar som planerats respektive genomförts under perioden."
ABSENCE_KEYS = ("change_latest", "change_at_close")


def suppressed_text(request: StatsRequest) -> str:
    """The mark of a PRIMARY hidden cell: "<5" for the default threshold (a secondary one reads "..")."""
    return f"<{request.min_cell}"


def cell_text(cell: Cell, request: StatsRequest) -> str:
    """A cell's text: the number, "<5" (primary) or ".." (secondary) — ``stats_model.cell_text``."""
    return stats_model.cell_text(cell, request.min_cell)


def n_text(dist: Distribution, request: StatsRequest) -> str:
    """A group's n: the number, "<5" or ".." (``stats_model.cell_text`` of ``dist.n_cell``)."""
    return stats_model.cell_text(dist.n_cell, request.min_cell)


def marks_legend(request: StatsRequest) -> str:
    """The Swedish footnote of the two marks ("<5 = färre än 5 elever. .. = dold så att …")."""
    return stats_marks_legend(request.min_cell).sv


def table_title(key: str) -> str:
    words = stats_key_words(STATS_TABLES, key)
    return words.sv if words is not None else key


def outcome_title(key: str) -> str:
    words = stats_key_words(STATS_CODES, key)
    return words.sv if words is not None else key


def note_text(code: str) -> str:
    words = stats_key_words(STATS_NOTES, code)
    return words.sv if words is not None else code


def dimension_title(dimension: str | None) -> str:
    """The word for what the rows are: "Skola", "Kön" … ("" for no breakdown)."""
    if not dimension:
        return ""
    words = stats_words("dimension", dimension) or stats_key_words(STATS_DIMENSIONS, dimension)
    return words.sv if words is not None else dimension


def code_label(stats: Statistics, dimension: str, code: str) -> str:
    """The Swedish for one row or column code of a table whose rows/columns are ``dimension``."""
    if dimension == Dimension.WORKER.value and code:
        return stats.worker_names.get(code) or f"Handläggare (id {code})"
    if dimension == Dimension.SCHOOL.value and code:
        return code
    if dimension == Dimension.GRADE.value and code:
        try:
            grade = int(code)
        except ValueError:
            return code
        text = grade_label(grade)
        return f"Årskurs {text}" if 1 <= grade <= 9 else text[:1].upper() + text[1:]
    if dimension == "insats" and code:
        return stats.insats_names.get(code) or code
    words = stats_words(dimension, code)
    if words is not None:
        return words.sv
    if stats.insats_names.get(code):
        return stats.insats_names[code]
    return code


def period_text(request: StatsRequest) -> str:
    """A school year, a term or a from–to period in the words schools use."""
    start, end = request.start, request.end
    if start.month == 7 and start.day == 1 and end == dt.date(start.year + 1, 6, 30):
        return f"Läsåret {start.year}/{str(start.year + 1)[-2:]}"
    if start.year == end.year and (start.month, start.day, end.month, end.day) == (1, 1, 6, 30):
        return f"VT {start.year}"
    if start.year == end.year and (start.month, start.day, end.month, end.day) == (7, 1, 12, 31):
        return f"HT {start.year}"
    return f"{format_date(start)} – {format_date(end)}"


def period_dates(request: StatsRequest) -> str:
    return f"{format_date(request.start)} – {format_date(request.end)}"


def breakdown_text(request: StatsRequest) -> str:
    return f"per {dimension_title(request.breakdown.value).lower()}" if request.breakdown else "ingen uppdelning"


def reading_note(request: StatsRequest, notes: tuple[str, ...] = ()) -> list[str]:
    """The "how to read" sentences every report and export carries (``notes``: the statistics' own notes,
    printed apart; a sentence they already say is left out here)."""
    hidden = suppressed_text(request)
    lines = [
        "Siffrorna är antal elever. En elev räknas en gång i varje ruta, även om eleven haft flera ärenden "
        "under perioden; en elev som bytt skola eller årskurs kan därför finnas på två rader, och raderna "
        "kan tillsammans bli fler än totalen.",
        f"”{hidden}” betyder att färre än {request.min_cell} elever finns i rutan. Siffran döljs för att ingen "
        f"elev ska kunna pekas ut. ”{stats_model.SECONDARY_TEXT}” betyder att en ruta med minst "
        f"{request.min_cell} elever också döljs (sekundär röjandekontroll), så att en mindre grupp inte kan "
        f"räknas fram ur summorna.",
        f"Medianer och kvartiler visas bara för grupper med minst {request.min_cell} elever.",
    ]
    if request.breakdown is Dimension.WORKER and "rows_overlap" not in notes:
        lines.append("Ett ärende med två ansvariga handläggare räknas hos båda; totalen räknar varje elev en gång.")
    lines.append("Förändring i frånvaro anges i procentenheter: ett negativt tal betyder mindre frånvaro.")
    return lines


def decimal(value: float | None, digits: int = 1) -> str:
    """A figure the Swedish way: decimal comma, true minus sign ("−5,3"); "–" when not given."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return DASH
    text = f"{abs(value):.{digits}f}".replace(".", ",")
    if digits and "," in text:
        text = text.rstrip("0").rstrip(",")
    if text in ("0", ""):
        return "0"
    return (MINUS if value < 0 else "") + text


def signed(value: float | None) -> str:
    """A change in percentage points with its sign: "+2,5", "−7", "0"."""
    text = decimal(value)
    if value is not None and value > 0 and text != "0":
        return "+" + text
    return text


def quartiles(dist: Distribution, *, change: bool = True) -> str:
    if dist.q1 is None or dist.q3 is None:
        return DASH
    fmt = signed if change else decimal
    return f"{fmt(dist.q1)} till {fmt(dist.q3)}"


def bin_label(low: float, high: float) -> str:
    """A histogram bin's words: "under −20", "−20 till −10", "10 eller mer"."""
    if math.isinf(low) or low <= -100:
        return f"under {signed(high)}"
    if math.isinf(high) or high >= 100:
        return f"{signed(low)} eller mer"
    return f"{signed(low)} till {signed(high)}"


def tables_by_key(stats: Statistics) -> dict[str, CountTable]:
    return {table.key: table for table in stats.counts}


def ordered_tables(stats: Statistics) -> tuple[list[CountTable], list[CountTable]]:
    """(the breakdown tables, the category tables), each in the reading order; unknown keys at the end."""
    known = set(BREAKDOWN_KEYS) | set(CATEGORY_KEYS)
    by_key = tables_by_key(stats)
    breakdown = [by_key[k] for k in BREAKDOWN_KEYS if k in by_key]
    category = [by_key[k] for k in CATEGORY_KEYS if k in by_key]
    category += [t for t in stats.counts if t.key not in known]
    return breakdown, category


def distribution_label(stats: Statistics, dimension: str, group: str) -> str:
    """The word for a Distribution's group: "Alla elever" for "", else the breakdown value's word."""
    if group == "":
        return outcome_label_all()
    return code_label(stats, dimension, group)


def outcome_label_all() -> str:
    words = stats_key_words(STATS_CODES, "")
    return words.sv if words is not None else "Alla elever"


def sorted_groups(distributions: tuple[Distribution, ...]) -> list[Distribution]:
    """Everyone ("") first, then the groups in the order they came."""
    return sorted(distributions, key=lambda d: d.group != "")
