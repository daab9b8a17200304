"""Gallring: when a closed case has been kept long enough and must be deleted (pure: no Qt, no database).

The team keeps a case file for a set number of whole years (the setting
``RETENTION_YEARS``, decided by the authority's dokumenthanteringsplan) after
the case's last event: the later of avslut and its boosterträff — the date the
boosterträff was held, or the date it was planned when it has not been (or
never was) held. A case that is still open is never due, however old.

Years are counted the way Swedish law counts time (lag (1930:173) om
beräkning av lagstadgad tid): the period ends on the day with the same number
in the same month; when that month has no such day (29 February in a common
year) it ends on the month's last day (28 February). The case is due from that
day on. ``process.add_months`` already clamps this way, so it is reused.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sst_desk.workflow.codes import Stage
from sst_desk.workflow.process import add_months

CLOSED_STAGES = frozenset({Stage.AVSLUTAD, Stage.VIDMAKTHALLANDE})
MIN_YEARS, MAX_YEARS = 1, 50


@dataclass(frozen=True)
class BoosterDates:
    """One boosterträff as retention sees it: planned, and whether and when it was held."""

    planned_on: dt.date
    held: bool | None = None
    held_on: dt.date | None = None

    @property
    def last_day(self) -> dt.date:
        """The day that counts: when it was held, otherwise when it was planned."""
        return self.held_on if self.held and self.held_on is not None else self.planned_on


@dataclass(frozen=True)
class RetentionRow:
    """What the rule needs to know about one case (read cheaply by ``persistence.gallring``)."""

    case_id: int
    stage: Stage
    closed_on: dt.date | None
    boosters: tuple[BoosterDates, ...] = ()


@dataclass(frozen=True)
class Due:
    """A case due for gallring: the row, the day its retention started and the day it ended."""

    row: RetentionRow
    kept_from: dt.date
    due_on: dt.date


def check_years(years: int) -> int:
    if isinstance(years, bool) or not isinstance(years, int) or not MIN_YEARS <= years <= MAX_YEARS:
        raise ValueError(f"the retention period is a whole number of years from {MIN_YEARS} to {MAX_YEARS}")
    return years


def add_years(day: dt.date, years: int) -> dt.date:
    """``day`` ``years`` later; 29 February becomes 28 February in a common year (lag 1930:173)."""
    return add_months(day, 12 * years)


def kept_from(row: RetentionRow) -> dt.date | None:
    """The day retention is counted from; None for an open case, or a closed one without a closing date."""
    if row.stage not in CLOSED_STAGES or row.closed_on is None:
        return None
    return max([row.closed_on, *(b.last_day for b in row.boosters)])


def due_on(row: RetentionRow, years: int) -> dt.date | None:
    """The first day the case may and must be gallrad; None while it is open."""
    start = kept_from(row)
    return add_years(start, check_years(years)) if start is not None else None


def is_due(row: RetentionRow, years: int, today: dt.date) -> bool:
    day = due_on(row, years)
    return day is not None and day <= today


def due_cases(rows: Iterable[RetentionRow], years: int, today: dt.date) -> list[Due]:
    """The cases due for gallring on ``today``, the longest overdue first."""
    check_years(years)
    found = []
    for row in rows:
        start = kept_from(row)
        if start is None:
            continue
        day = add_years(start, years)
        if day <= today:
            found.append(Due(row, start, day))
    return sorted(found, key=lambda d: (d.due_on, d.row.case_id))


# --- what a gallring hands back (plain: the same from a local database or a team server) ------------


@dataclass(frozen=True)
class DueCase:
    """One case due for gallring, as the team lead's list shows it."""

    case_id: int
    student_id: int
    student_name: str  # empty for a protected student whose case the team lead is not a member of
    protected: bool
    closed_on: dt.date
    due_on: dt.date


@dataclass(frozen=True)
class GallringResult:
    """What ``gallra`` did: counts, the fresh backup, and whether every trace could be cleared."""

    cases: int
    students: int
    guardians: int
    backup: Path | None = None
    backups_deleted: int = 0
    leftovers: tuple[Path, ...] = ()  # older backup files that could not be deleted
    wal_cleared: bool = True
    vacuumed: bool = True

    @property
    def complete(self) -> bool:
        return self.wal_cleared and self.vacuumed and not self.leftovers


class NotDueError(ValueError):
    """Some of the cases asked for are open, not yet due, or gone; nothing was deleted."""

    def __init__(self, case_ids: Iterable[int]) -> None:
        self.case_ids = tuple(sorted(case_ids))
        super().__init__(f"cases {', '.join(map(str, self.case_ids))} are not due for gallring; nothing was deleted")
