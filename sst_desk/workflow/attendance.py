"""Attendance (närvaro) as the team measures it: records from the school's exports, and their metrics.

Pure Python (no Qt, no database). One ``AttendanceRecord`` is what one line of a
school's export says about one student: a day or an ISO week, the scheduled time
(minutes, or lessons) and how much of it the student was absent, split into
giltig (valid) and ogiltig (invalid) absence where the export says so.

Definitions (also in docs/attendance.md):
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum


class Granularity(str, Enum):
    """What one record covers."""

    DAY = "day"
    WEEK = "week"  # period_start is the Monday of the ISO week


class Unit(str, Enum):
    """What scheduled time and absence are counted in (hours are stored as minutes)."""

    MINUTES = "minutes"
    LESSONS = "lessons"


@dataclass(frozen=True, slots=True)
class AttendanceRecord:
    """One student's scheduled time and absence for one day or week."""

    period_start: dt.date
    granularity: Granularity
    scheduled: float  # 0 = nothing scheduled (lov, helgdag): no percentage, never 0 %
    absent: float  # all absence, 0 <= absent <= scheduled
    valid: float | None = None  # giltig frånvaro, where the export says
    invalid: float | None = None  # ogiltig frånvaro, where the export says
    unit: Unit = Unit.MINUTES

    @property
    def period_end(self) -> dt.date:
        return self.period_start if self.granularity is Granularity.DAY else self.period_start + dt.timedelta(days=6)


def term_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    """The term ``day`` is in: vårtermin 1 January – 30 June, hösttermin 1 July – 31 December."""
    if day.month <= 6:
        return dt.date(day.year, 1, 1), dt.date(day.year, 6, 30)
    return dt.date(day.year, 7, 1), dt.date(day.year, 12, 31)


class Flag(str, Enum):
    NONE = "none"
    WARN = "warn"
    ALERT = "alert"


@dataclass(frozen=True)
class Thresholds:
    """The absence (%) at which a student is flagged: ``warn`` (default 10 %) and ``alert`` (50 % of a term)."""

    warn_percent: float = 10.0
    alert_percent: float = 50.0

    def flag(self, percent: float | None) -> Flag:
        if percent is None:
            return Flag.NONE
        if percent >= self.alert_percent:
            return Flag.ALERT
        return Flag.WARN if percent >= self.warn_percent else Flag.NONE
