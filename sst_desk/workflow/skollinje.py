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
from collections.abc import Sequence
from dataclasses import dataclass, field

from sst_desk.workflow.attendance import (
    Granularity,
    AttendanceRecord,
    PeriodKind,
    Thresholds,
    anchor,
    baseline,
    effective,
    period_bounds,
    summarize,
)
from sst_desk.workflow.codes import EventKind, GoalArea, Stage
from sst_desk.workflow.entities import Case
from sst_desk.workflow.process import local_date


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
class PeriodSegment:
    """A PERIOD record ("frånvaro per elev"): one figure for its whole span, drawn as a horizontal segment
    across its weeks, never as days or as a point of the weekly line (workflow.attendance: it counts only
    in a window holding all of it, so no week or month bucket shows it)."""

    start: dt.date
    end: dt.date  # inclusive
    absence_percent: float | None  # None: nothing scheduled
    valid_percent: float | None
    invalid_percent: float | None


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
    periods: list[PeriodSegment] = field(default_factory=list)  # PERIOD records, in date order
    stages: list[StageSpan] = field(default_factory=list)
    insatser: list[InsatsSpan] = field(default_factory=list)
    goals: list[GoalLine] = field(default_factory=list)
    events: list[EventMark] = field(default_factory=list)
    warn_percent: float = 10.0
    alert_percent: float = 50.0

    @property
    def has_data(self) -> bool:
        return (any(p.absence_percent is not None for p in self.points)
                or any(p.absence_percent is not None for p in self.periods))


# --- Building the model ----------------------------------------------------------------------------------

# Weekly points up to about four years; a longer axis is drawn by month so the line stays readable.
MONTH_BUCKETS_AFTER_DAYS = 4 * 365 + 1
BASELINE_WEEKS = 8
DEFAULT_GOAL_DAYS = 90  # a goal without a follow-up date is drawn over this many days
DEFAULT_THRESHOLDS = Thresholds()


def build_skollinje(case: Case, records: Sequence[AttendanceRecord], *, today: dt.date,
                    thresholds: Thresholds = DEFAULT_THRESHOLDS, bucket: str | None = None) -> Skollinje:
    """The chart model of ``case`` with its attendance ``records`` as of ``today``.

    ``bucket`` is "week" or "month"; None chooses weeks, or months when the axis is over four years long.
    """
    items = effective(records)
    goals = _goals(case, items)
    start, end = _axis(case, items, goals, today)
    if bucket is None:
        bucket = "month" if (end - start).days > MONTH_BUCKETS_AFTER_DAYS else "week"
    if bucket not in ("week", "month"):
        raise ValueError(f"unknown bucket {bucket!r}")
    return Skollinje(
        start=start, end=end, bucket=bucket,
        points=_points(items, start, end, PeriodKind.WEEK if bucket == "week" else PeriodKind.MONTH),
        periods=_periods(items),
        stages=_stages(case, end),
        insatser=_insatser(case),
        goals=goals,
        events=[EventMark(e.on, e.kind, e.note) for e in sorted(case.events, key=lambda e: e.on)],
        warn_percent=thresholds.warn_percent,
        alert_percent=thresholds.alert_percent,
    )


def _axis(case: Case, records: list[AttendanceRecord], goals: list[GoalLine],
          today: dt.date) -> tuple[dt.date, dt.date]:
    """From the first record or aktualisering to the last record, the case's "now" and the goals' ends."""
    start = min([case.raised_on, *(r.period_start for r in records[:1])])
    # The last record by start may not end last: a PERIOD record can run past later days
    ends = [max(r.period_end for r in records)] if records else []
    ends += [g.end for g in goals]
    if case.stage in (Stage.AVSLUTAD, Stage.VIDMAKTHALLANDE):
        ends.append(case.closed_on or today)
        booster = case.booster
        if booster is not None:
            ends.append(booster.held_on or booster.planned_on)
    else:
        ends.append(today)
    return start, max(ends)


def _points(records: list[AttendanceRecord], start: dt.date, end: dt.date, kind: PeriodKind) -> list[Point]:
    """One point per week (or month) of the axis; a bucket with nothing scheduled is a gap (None)."""
    groups: dict[dt.date, list[AttendanceRecord]] = {}
    for record in records:
        groups.setdefault(period_bounds(anchor(record), kind)[0], []).append(record)
    points = []
    first, last = period_bounds(start, kind)
    while first <= end:
        summary = summarize(groups.get(first, ()), first, last)
        points.append(Point(first, last, summary.absence_percent, summary.valid_percent,
                            summary.invalid_percent, summary.scheduled, summary.absent))
        first, last = period_bounds(last + dt.timedelta(days=1), kind)
    return points


def _periods(records: list[AttendanceRecord]) -> list[PeriodSegment]:
    """The effective PERIOD records as segments, each summed over exactly its own span."""
    segments = []
    for record in records:
        if record.granularity is Granularity.PERIOD:
            summary = summarize([record], record.period_start, record.period_end)
            segments.append(PeriodSegment(record.period_start, record.period_end, summary.absence_percent,
                                          summary.valid_percent, summary.invalid_percent))
    return segments


def _stages(case: Case, end: dt.date) -> list[StageSpan]:
    """The stages from aktualisering, each until the day before the next; the last until the axis ends."""
    transitions = sorted(case.transitions, key=lambda t: t.at)
    first = transitions[0].from_stage if transitions and transitions[0].from_stage else (
        Stage.AKTUALISERING if transitions else case.stage)
    starts = [(first, case.raised_on)] + [(t.to_stage, local_date(t.at)) for t in transitions]
    spans = []
    for (stage, begin), (_, following) in zip(starts, [*starts[1:], (None, end + dt.timedelta(days=1))],
                                              strict=True):
        if following > begin:  # several steps on one day: only the last one shows
            spans.append(StageSpan(stage, begin, following - dt.timedelta(days=1)))
    return spans


def _insatser(case: Case) -> list[InsatsSpan]:
    """Every dated insats of every plan version, once per (name, start), in start order."""
    seen: dict[tuple[str, dt.date], InsatsSpan] = {}
    for plan in sorted(case.plans, key=lambda p: p.version):
        for insats in sorted(plan.insatser, key=lambda i: i.position):
            if insats.start_on is not None:
                # A later version's copy of the same insats carries its latest end date.
                seen[(insats.name, insats.start_on)] = InsatsSpan(insats.name, insats.start_on, insats.end_on)
    return sorted(seen.values(), key=lambda s: (s.start, s.name))


def _goals(case: Case, records: list[AttendanceRecord]) -> list[GoalLine]:
    """The current plan's attendance goals with a target, numbered as the plan prints them."""
    plan = case.current_plan
    if plan is None:
        return []
    start = plan.created_on or case.enrolled_on or case.raised_on
    base = baseline(records, start, BASELINE_WEEKS)
    end = plan.follow_up_on or start + dt.timedelta(days=DEFAULT_GOAL_DAYS)
    ordered = sorted(plan.goals, key=lambda g: g.position)  # stable: as handlingsplan numbers them
    return [
        GoalLine(number, goal.description, start, base.absence_percent if base else None, end,
                 goal.target_absence_percent)
        for number, goal in enumerate(ordered, start=1)
        if goal.area is GoalArea.SKOLNARVARO and goal.target_absence_percent is not None
    ]
