"""Stand-ins for the attendance metrics, the skollinje builder and ``Database.attendance_for_case``.

Written in parallel by other engineers; until their code is merged, ``install`` puts these small
doubles in place (through pytest's monkeypatch, only where the real thing is missing), so the page
tests run against the agreed API. Once the real functions exist, ``install`` changes nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from sst_desk.workflow import attendance, skollinje


class Flag(str, Enum):
    NONE = "none"
    WARN = "warn"
    ALERT = "alert"


@dataclass(frozen=True)
class Thresholds:
    warn_percent: float = 10.0
    alert_percent: float = 50.0

    def flag(self, percent: float | None) -> Flag:
        if percent is None:
            return Flag.NONE
        return Flag.ALERT if percent > self.alert_percent else Flag.WARN if percent > self.warn_percent else Flag.NONE


@dataclass(frozen=True)
class Run:
    start: dt.date
    end: dt.date
    periods: int
    granularity: attendance.Granularity


@dataclass(frozen=True)
class Summary:
    start: dt.date
    end: dt.date
    scheduled: float
    absent: float
    valid: float
    invalid: float
    unclassified: float
    absence_percent: float | None
    valid_percent: float | None
    invalid_percent: float | None
    longest_continuous: Run | None
    occasions: int
    scattered_occasions: int
    scattered: bool
    unit: object
    records: int


@dataclass(frozen=True)
class Change:
    baseline: Summary
    recent: Summary
    points: float | None


def summarize(records, start, end) -> Summary:
    inside = [r for r in records if start <= r.period_start <= end]
    scheduled = sum(r.scheduled for r in inside)
    absent = sum(r.absent for r in inside)
    valid = sum(r.valid or 0 for r in inside)
    invalid = sum(r.invalid or 0 for r in inside)

    def share(x):
        return None if not scheduled else 100 * x / scheduled

    whole = [r for r in inside if r.scheduled and r.absent >= r.scheduled]
    run = Run(whole[0].period_start, whole[0].period_end, 1, whole[0].granularity) if whole else None
    occasions = sum(1 for r in inside if r.absent)
    scattered = sum(1 for r in inside if 0 < r.absent < r.scheduled)
    return Summary(start, end, scheduled, absent, valid, invalid, absent - valid - invalid, share(absent), share(valid),
                   share(invalid), run, occasions, scattered, scattered >= 3, inside[0].unit if inside else None,
                   len(inside))


def term_bounds(day):
    return (dt.date(day.year, 8, 1), dt.date(day.year, 12, 31)) if day.month >= 7 else (
        dt.date(day.year, 1, 1), dt.date(day.year, 6, 30))


def term_status(records, today, thresholds):
    start, end = term_bounds(today)
    summary = summarize(records, start, min(end, today))
    if not summary.records:
        return None, Flag.NONE
    return summary, thresholds.flag(summary.absence_percent)


def baseline(records, enrolled_on, weeks=8):
    summary = summarize(records, enrolled_on - dt.timedelta(weeks=weeks), enrolled_on - dt.timedelta(days=1))
    return summary if summary.records else None


def change_since_baseline(records, enrolled_on, today, recent_weeks=4):
    base = baseline(records, enrolled_on)
    recent = summarize(records, today - dt.timedelta(weeks=recent_weeks), today)
    if base is None or not recent.records:
        return None
    points = None if None in (base.absence_percent, recent.absence_percent) else (
        recent.absence_percent - base.absence_percent)
    return Change(base, recent, points)


def build_skollinje(case, records, *, today, thresholds=Thresholds(), bucket=None):
    points = [skollinje.Point(r.period_start, r.period_end, 100 * r.absent / r.scheduled if r.scheduled else None,
                              100 * (r.valid or 0) / r.scheduled if r.scheduled else None,
                              100 * (r.invalid or 0) / r.scheduled if r.scheduled else None, r.scheduled, r.absent)
              for r in sorted(records, key=lambda r: r.period_start)]
    start = points[0].start if points else today
    plan = case.current_plan
    goals = [skollinje.GoalLine(n, g.description, plan.created_on, None, plan.follow_up_on or today,
                                g.target_absence_percent)
             for n, g in enumerate(plan.goals if plan else [], 1) if g.target_absence_percent is not None]
    return skollinje.Skollinje(
        start=start, end=today, bucket="week", points=points, goals=goals,
        events=[skollinje.EventMark(e.on, e.kind, e.note) for e in case.events],
        warn_percent=thresholds.warn_percent, alert_percent=thresholds.alert_percent)


def attendance_for_case(db):
    """The lead's ``Database.attendance_for_case``: the case's student's rows of the attendance table."""
    import sqlalchemy as sa

    from sst_desk.persistence.mapping import attendance as table

    def read(case_id: int):
        student_id = db.load_case(case_id).student.id
        with db.engine.connect() as connection:
            rows = connection.execute(sa.select(table).where(table.c.student_id == student_id)
                                      .order_by(table.c.period_start)).all()
        return [attendance.AttendanceRecord(r.period_start, r.granularity, r.scheduled, r.absent, r.valid, r.invalid,
                                            r.unit) for r in rows]

    return read


def install(monkeypatch, db) -> None:
    """Put each double in place where the real thing has not landed yet."""
    for name, double in (("Flag", Flag), ("Thresholds", Thresholds), ("summarize", summarize),
                         ("term_bounds", term_bounds), ("term_status", term_status), ("baseline", baseline),
                         ("change_since_baseline", change_since_baseline)):
        if not hasattr(attendance, name):
            monkeypatch.setattr(attendance, name, double, raising=False)
    if not hasattr(skollinje, "build_skollinje"):
        monkeypatch.setattr(skollinje, "build_skollinje", build_skollinje, raising=False)
    if not hasattr(db, "attendance_for_case"):
        monkeypatch.setattr(db, "attendance_for_case", attendance_for_case(db), raising=False)
