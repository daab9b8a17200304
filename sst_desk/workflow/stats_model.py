"""The shapes of the team's statistics (issue 15): what goes in, what comes out. Pure data.

``CaseFacts`` is one case as the statistics see it — codes, dates, numbers and the
ids of its workers; no name, no personnummer, nothing a person could be told from.
``sst_desk.persistence`` builds them in a few grouped queries (absence figures
included), ``sst_desk.workflow.statistics.compute`` turns a list of them and a
``StatsRequest`` into ``Statistics``: plain tables whose cells of fewer than
``min_cell`` students are already suppressed (primary and secondary). The window,
the PDF report, the CSV/XLSX export and ``sst-desk stats`` all render the same
``Statistics``; none of them recomputes or unsuppresses anything.

Rows and columns are CODES (an enum's value, a school's name, a worker's user id as
text, an årskurs as text): only ``ui/`` and ``reports/`` turn them into words, with
``sst_desk.vocabulary``. The definitions of every figure are in docs/statistics.md.
"""

from __future__ import annotations

import datetime as dt
import enum
from dataclasses import dataclass, field

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

SUPPRESSED_TEXT = "<5"  # what a primary suppressed cell shows when the threshold is the default 5
SECONDARY_TEXT = ".."  # what a secondary suppressed cell shows (it holds at least the threshold)
DEFAULT_MIN_CELL = 5


class Dimension(enum.StrEnum):
    """What the rows of the main tables are broken down by."""

    SCHOOL = "school"
    GRADE = "grade"  # årskurs; "" when unknown
    GENDER = "gender"
    LEVEL = "level"  # nivå 1–3
    ASSESSMENT = "assessment"  # with or without needs-assessment
    WORKER = "worker"  # a responsible case member (a case with two workers counts under each)


@dataclass(frozen=True, slots=True)
class StatsRequest:
    """A period and a breakdown. ``today`` is the day "now" means (stages now, the latest 4 weeks)."""

    start: dt.date
    end: dt.date
    today: dt.date
    breakdown: Dimension | None = None
    min_cell: int = DEFAULT_MIN_CELL


@dataclass(frozen=True, slots=True)
class CaseFacts:
    """One case, as the statistics count it. Absence figures are percent (0–100) or None when unknown."""

    case_id: int
    student_id: int
    school: str
    grade: int | None
    gender: Gender
    level: Level
    assessment: Assessment
    raised_by: RaisedBy
    raised_on: dt.date
    stage: Stage  # the stage now
    enrolled_on: dt.date | None = None
    closed_on: dt.date | None = None
    closing_reason: ClosingReason | None = None
    gymnasiebehorighet: Behorighet | None = None
    # (stage, the day the case entered it) in time order, from the case's transitions (first: aktualisering)
    stage_entries: tuple[tuple[Stage, dt.date], ...] = ()
    workers: tuple[int, ...] = ()  # user ids of the case members
    referrals: tuple[tuple[ReferralKind, dt.date], ...] = ()  # (kind, made_on)
    # (planned_on, held, held_on) of each boosterträff; held None = not yet, False = did not take place
    boosters: tuple[tuple[dt.date, bool | None, dt.date | None], ...] = ()
    # each goal of the case's plans with its LATEST rating (None when never rated): (area, rating)
    goals: tuple[tuple[GoalArea, Rating | None], ...] = ()
    insatser: tuple[str, ...] = ()  # catalogue keys of the insatser in the case's plans (each once)
    absence_baseline: float | None = None  # the 8 weeks before inskrivning
    absence_latest: float | None = None  # the latest 4 weeks up to today (or up to avslut when closed)
    absence_at_close: float | None = None  # the 4 weeks before avslut (closed cases only)


@dataclass(frozen=True, slots=True)
class Cell:
    """A count of students, or None when suppressed (fewer than the threshold, or to protect such a cell)."""

    count: int | None
    primary: bool = False  # suppressed because it is itself below the threshold (False for secondary ones)

    @property
    def suppressed(self) -> bool:
        return self.count is None


def cell_text(cell: Cell, min_cell: int) -> str:
    """THE text of a cell, for every renderer (window, PDF, CSV/XLSX, ``sst-desk stats``): the number, or
    for a suppressed cell its mark — "<5" (``f"<{min_cell}"``) when it is itself below the threshold
    (primary), ".." when it is hidden to protect another (secondary: it holds at least ``min_cell``, so "<5"
    would be false). The marks tell a reader bounds (primary 0 … min_cell − 1, secondary ≥ min_cell);
    ``sst_desk.workflow.suppression`` keeps every hidden cell undeterminable with them
    (docs/statistics.md). The legend is ``sst_desk.vocabulary.stats_marks_legend``."""
    if cell.count is not None:
        return str(cell.count)
    return f"<{min_cell}" if cell.primary else SECONDARY_TEXT


@dataclass(frozen=True, slots=True)
class CountTable:
    """A table of student counts with its margins; every cell already suppressed where it must be."""

    key: str  # what is counted, a stable code ("active", "raised", "closing_reason" … see docs/statistics.md)
    row_dimension: str  # a Dimension value, or the code of a category ("raised_by", "closing_reason" …)
    column_dimension: str  # "gender" for most tables
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: tuple[tuple[Cell, ...], ...]  # [row][column]
    row_totals: tuple[Cell, ...]
    column_totals: tuple[Cell, ...]
    total: Cell


@dataclass(frozen=True, slots=True)
class Distribution:
    """Numbers of one group (a breakdown row, an insats, a stage): ``n`` students and their figures.

    Every figure is None when ``n`` is below the threshold (``suppressed``): a median of three children
    tells about each of them.
    """

    group: str  # a code: a breakdown value, a catalogue key, a stage, or "" for everyone
    n: int | None
    median: float | None = None
    q1: float | None = None
    q3: float | None = None
    mean: float | None = None
    # (lower bound, upper bound, students) of each bin of the histogram, None counts suppressed
    bins: tuple[tuple[float, float, int | None], ...] = ()
    n_primary: bool = False  # n suppressed because the group is below the threshold (else secondary)
    primary_bins: frozenset[int] = frozenset()  # indexes of the suppressed bins below the threshold

    @property
    def suppressed(self) -> bool:
        return self.n is None

    @property
    def n_cell(self) -> Cell:
        """``n`` as a cell (for ``cell_text``)."""
        return Cell(self.n, primary=self.n is None and self.n_primary)

    def bin_cell(self, index: int) -> Cell:
        """The count of bin ``index`` as a cell (for ``cell_text``)."""
        count = self.bins[index][2]
        return Cell(count, primary=count is None and index in self.primary_bins)


@dataclass(frozen=True, slots=True)
class Statistics:
    """Everything the statistics view, report, export and command show for one request."""

    request: StatsRequest
    case_count: int  # cases counted (the scope the person may see), for the log line; not shown per cell
    counts: tuple[CountTable, ...] = ()
    # the change in absence (percentage points; negative = less absence) per breakdown row and for all:
    # keys "change_latest" (baseline → latest 4 weeks) and "change_at_close" (baseline → avslut)
    absence: dict[str, tuple[Distribution, ...]] = field(default_factory=dict)
    stage_days: tuple[Distribution, ...] = ()  # median days in each stage (group = the Stage value)
    insatser: tuple[Distribution, ...] = ()  # per catalogue key: students who had it, their change_at_close
    notes: tuple[str, ...] = ()  # codes of caveats ("no_attendance", "few_cases" …), words in ui/reports
    # display names for codes that are not the workflow's enums (filled by the service, not by compute):
    worker_names: dict[str, str] = field(default_factory=dict)  # str(user id) → "Sara Lind"
    insats_names: dict[str, str] = field(default_factory=dict)  # catalogue key → the catalogue entry's name
