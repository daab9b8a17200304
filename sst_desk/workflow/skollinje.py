"""Skollinjen: the student's schooling over time, as one chart model for the screen and for print.

``build_skollinje`` turns a case, its attendance records and its events into a
``Skollinje``: absence per week (or month) on a shared time axis with the
case's stages, each insats's start and end, the goal line of each attendance
goal, the worker's events and the flag thresholds. The Qt widget
(``sst_desk.ui.skollinje``) and the reportlab drawing
(``sst_desk.reports.skollinje``) both draw exactly this, so screen and paper agree.
Pure Python: codes, dates and numbers, no words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .codes import EventKind, Stage


@dataclass(frozen=True, slots=True)
class Point:
    """Absence in one bucket of the chart (a week, or a month when the span is long)."""

    start: dt.date
    end: dt.date  # inclusive
    absence_percent: float | None  # None: nothing scheduled (lov): a gap in the line, not 0 %
    valid_percent: float | None
    invalid_percent: float | None
    scheduled: float
    absent: float


@dataclass(frozen=True, slots=True)
class StageSpan:
    stage: Stage
    start: dt.date
    end: dt.date  # inclusive; the last span ends at the chart's end


@dataclass(frozen=True, slots=True)
class InsatsSpan:
    name: str
    start: dt.date
    end: dt.date | None  # None: still running (drawn to the chart's end)


@dataclass(frozen=True, slots=True)
class GoalLine:
    """An attendance goal: from the baseline at the plan's start to the target at the follow-up date."""

    number: int  # the goal's number in the plan (1-based), as printed
    description: str
    start: dt.date
    start_percent: float | None  # the baseline absence; None: no data before the plan
    end: dt.date
    target_percent: float  # the target absence


@dataclass(frozen=True, slots=True)
class EventMark:
    on: dt.date
    kind: EventKind
    note: str


@dataclass(frozen=True)
class Skollinje:
    start: dt.date  # the time axis
    end: dt.date
    bucket: str  # "week" or "month"
    points: list[Point] = field(default_factory=list)
    stages: list[StageSpan] = field(default_factory=list)
    insatser: list[InsatsSpan] = field(default_factory=list)
    goals: list[GoalLine] = field(default_factory=list)
    events: list[EventMark] = field(default_factory=list)
    warn_percent: float = 10.0
    alert_percent: float = 50.0

    @property
    def has_data(self) -> bool:
        return any(p.absence_percent is not None for p in self.points)
