"""Attendance (närvaro) as the team measures it: records from the school's exports, and their metrics.

Pure Python (no Qt, no database). One ``AttendanceRecord`` is what one line of a
school's export says about one student: a day or an ISO week, the scheduled time
(minutes, or lessons) and how much of it the student was absent, split into
giltig (valid) and ogiltig (invalid) absence where the export says so.

Definitions (docs/attendance.md says the same for the team, with examples):

- Which period a record belongs to: a DAY record by its day; a WEEK record by its
  Thursday (the ISO rule that puts a week in the year — here also in the month,
  the term and any window given to ``summarize``). A day inside an ISO week that
  also has a WEEK record is dropped: the week record wins.
- Records with nothing scheduled (lov, helgdag) are skipped: they count for
  nothing, neither break nor extend a run, and a period with only them has no
  percentage (None, never 0 %).
- PERIOD records ("frånvaro per elev", a summary from period_start to end): of
  overlapping ones the one ending latest wins (tie: the longer). One counts in a
  window (summarize, by_period, term_status, baseline, change) only when the window
  holds its whole span; there, days and weeks overlapping its span are dropped (the
  period wins). A window holding only part of it gets no figure from it (None when
  nothing else counts, never 0 %). PERIOD records never form or join a run or an
  occasion; they break one. A new export of the same period start replaces the
  stored one (natural key student, period_start, granularity), even a longer one.
- Absence % = absent × 100 / scheduled. PERCENT records (scheduled 100, absent the
  percentage) average their shares weighted by the school days (Mon–Fri) each stands
  for: a day 1, a week 5, a PERIOD record the weekdays in its span. With units mixed
  in one window, each unit's percentage is weighted by its school days the same way.
- Giltig/ogiltig: when only one is known the other is the rest of the absence;
  when neither is known the absence is unclassified. With absence but nothing
  classified the valid and invalid percentages are None (unknown, not 0 %).
- Continuous absence (sammanhängande frånvaro): a maximal run of consecutive
  scheduled records, each fully absent. The longest has the most records; on a
  tie, the latest.
- Absence occasion (frånvarotillfälle): a maximal run of consecutive scheduled
  records with any absence. It is short — ströfrånvaro — when it is one record
  long or partial in every record. Ströfrånvaro is flagged when there are at
  least 3 short occasions and at least one per 4 scheduled weeks on average.
- Baseline: the 8 whole weeks before inskrivning, ending the day before. Change:
  the last 4 weeks up to today (not before inskrivning) minus the baseline, in
  percentage points (procentenheter). Terms: VT Jan 1–Jun 30, HT Jul 1–Dec 31.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import Enum


class Granularity(str, Enum):
    """What one record covers."""

    DAY = "day"
    WEEK = "week"  # period_start is the Monday of the ISO week
    PERIOD = "period"  # a summary from period_start to end, both included ("frånvaro per elev"; issue 11)


class Unit(str, Enum):
    """What scheduled time and absence are counted in (hours are stored as minutes)."""

    MINUTES = "minutes"
    LESSONS = "lessons"
    PERCENT = "percent"  # a share: scheduled 100, absent the percentage (exports that give only %; issue 11)


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
    end: dt.date | None = None  # PERIOD only: the last day of the period

    @property
    def period_end(self) -> dt.date:
        if self.granularity is Granularity.DAY:
            return self.period_start
        if self.granularity is Granularity.PERIOD and self.end is not None:
            return self.end
        return self.period_start + dt.timedelta(days=6)


# --- Metrics -------------------------------------------------------------------------------------------


class PeriodKind(str, Enum):
    """The periods attendance is summed over."""

    WEEK = "week"  # ISO week, Monday to Sunday
    MONTH = "month"
    TERM = "term"  # vårtermin Jan 1–Jun 30, hösttermin Jul 1–Dec 31


class Flag(str, Enum):
    """How worrying an absence percentage is, against the team's thresholds."""

    NONE = "none"
    WARN = "warn"
    ALERT = "alert"


# Percentages are computed as absent * 100 / scheduled; this tolerance keeps a value that is
# exactly at a threshold on paper (10 %) from slipping under it through float rounding.
_EPSILON = 1e-9


@dataclass(frozen=True)
class Thresholds:
    """The team's flag thresholds (settings ABSENCE_WARN_PERCENT / ABSENCE_ALERT_PERCENT)."""

    warn_percent: float = 10.0
    alert_percent: float = 50.0

    def flag(self, percent: float | None) -> Flag:
        """None (nothing scheduled) → NONE; at or above alert → ALERT; at or above warn → WARN."""
        if percent is None:
            return Flag.NONE
        if percent >= self.alert_percent - _EPSILON:
            return Flag.ALERT
        if percent >= self.warn_percent - _EPSILON:
            return Flag.WARN
        return Flag.NONE


@dataclass(frozen=True)
class Run:
    """A continuous absence: consecutive scheduled records, each fully absent."""

    start: dt.date  # first day of the first record
    end: dt.date  # last day (period_end) of the last record
    periods: int  # how many scheduled records (days, or weeks)
    granularity: Granularity  # of the records; DAY when a run mixes days and weeks


@dataclass(frozen=True)
class Summary:
    """Attendance in one period: sums, percentages, the longest continuous absence, absence occasions."""

    start: dt.date  # the period asked for (inclusive)
    end: dt.date
    scheduled: float
    absent: float
    valid: float
    invalid: float
    unclassified: float
    absence_percent: float | None  # None when nothing scheduled (never 0 % for a lov)
    valid_percent: float | None
    invalid_percent: float | None
    longest_continuous: Run | None
    occasions: int  # frånvarotillfällen
    scattered_occasions: int  # the short ones: ströfrånvaro
    scattered: bool  # ströfrånvaro flagged (see SCATTERED_MIN and SCATTERED_WEEKS_PER_OCCASION)
    unit: Unit | None  # the records' unit; None if none or mixed
    records: int  # scheduled records counted


# Ströfrånvaro is flagged with at least this many short occasions …
SCATTERED_MIN = 3
# … and at least one short occasion per this many scheduled weeks, on average over the period.
SCATTERED_WEEKS_PER_OCCASION = 4


def term_bounds(day: dt.date) -> tuple[dt.date, dt.date]:
    """The term of ``day``: vårtermin Jan 1–Jun 30, hösttermin Jul 1–Dec 31 (the summer counts to HT)."""
    if day.month <= 6:
        return dt.date(day.year, 1, 1), dt.date(day.year, 6, 30)
    return dt.date(day.year, 7, 1), dt.date(day.year, 12, 31)


def period_bounds(day: dt.date, kind: PeriodKind) -> tuple[dt.date, dt.date]:
    """The first and last day of the week, month or term that holds ``day``."""
    if kind is PeriodKind.WEEK:
        monday = day - dt.timedelta(days=day.weekday())
        return monday, monday + dt.timedelta(days=6)
    if kind is PeriodKind.MONTH:
        first = day.replace(day=1)
        following = (first + dt.timedelta(days=32)).replace(day=1)
        return first, following - dt.timedelta(days=1)
    return term_bounds(day)


def anchor(record: AttendanceRecord) -> dt.date:
    """The day a record belongs to when periods are cut: a day is itself, an ISO week is its Thursday,
    a PERIOD record its first day (but a PERIOD record counts only in a window holding all of it:
    ``counted``)."""
    if record.granularity is Granularity.WEEK:
        return record.period_start + dt.timedelta(days=3)
    return record.period_start


def school_days(record: AttendanceRecord) -> int:
    """The weekdays (Monday–Friday) a record stands for: a day 1, a week 5, a PERIOD record those in its
    span (at least 1). Holidays are not known here; this only weighs units and percentages against each
    other."""
    if record.granularity is Granularity.DAY:
        return 1
    if record.granularity is Granularity.WEEK:
        return 5
    first, last = record.period_start, record.period_end
    span = (last - first).days + 1
    weeks, rest = divmod(span, 7)
    days = weeks * 5 + sum(1 for i in range(rest) if (first.weekday() + i) % 7 < 5)
    return max(days, 1)


def _resolve_periods(periods: list[AttendanceRecord]) -> list[AttendanceRecord]:
    """Overlapping PERIOD records: the one ending latest wins (tie: the longer); the others are dropped."""
    kept: list[AttendanceRecord] = []
    for record in sorted(periods, key=lambda r: (r.period_end, -r.period_start.toordinal()), reverse=True):
        if all(record.period_end < k.period_start or record.period_start > k.period_end for k in kept):
            kept.append(record)
    return kept


def effective(records: Iterable[AttendanceRecord]) -> list[AttendanceRecord]:
    """The records that count, in date order: a day inside a week that also has a week record is dropped;
    of overlapping PERIOD records only the winner stays (``_resolve_periods``). Finer records inside a
    PERIOD record's span stay here: whether the period or they count depends on the window (``counted``)."""
    items = list(records)
    periods = [r for r in items if r.granularity is Granularity.PERIOD]
    if periods:
        items = [r for r in items if r.granularity is not Granularity.PERIOD] + _resolve_periods(periods)
    weeks = {r.period_start for r in items if r.granularity is Granularity.WEEK}
    if weeks:
        items = [r for r in items if r.granularity is not Granularity.DAY
                 or r.period_start - dt.timedelta(days=r.period_start.weekday()) not in weeks]
    return sorted(items, key=lambda r: (r.period_start, r.granularity is not Granularity.DAY,
                                        r.granularity is Granularity.PERIOD))


def counted(records: Iterable[AttendanceRecord], start: dt.date, end: dt.date) -> list[AttendanceRecord]:
    """Of ``effective`` records, those that count in the window [start, end], in date order.

    Days and weeks by their anchor day; a PERIOD record only when the window holds its whole span, and
    then a day or week that overlaps that span is dropped (the period wins, like a week over its days).
    A PERIOD record only partly inside the window says nothing there (the finer records, if any, do).
    """
    inside = [r for r in records if (start <= r.period_start and r.period_end <= end)
              if r.granularity is Granularity.PERIOD]
    result = [r for r in records if r.granularity is not Granularity.PERIOD and start <= anchor(r) <= end]
    if inside:
        result = [r for r in result
                  if all(r.period_end < p.period_start or r.period_start > p.period_end for p in inside)]
        result = sorted(result + inside, key=lambda r: (r.period_start, r.granularity is not Granularity.DAY))
    return result


def summarize(records: Iterable[AttendanceRecord], start: dt.date, end: dt.date) -> Summary:
    """Attendance from ``start`` to ``end`` (inclusive) of the records that count there (``counted``)."""
    return _summary(counted(effective(records), start, end), start, end)


def by_period(records: Iterable[AttendanceRecord], kind: PeriodKind, start: dt.date | None = None,
              end: dt.date | None = None) -> list[Summary]:
    """One Summary per period that has any record in [start, end], chronological.

    A period cut by ``start`` or ``end`` is summed (and dated) only over its part inside them. A PERIOD
    record belongs to the period holding its first day and counts there only if it lies wholly inside.
    """
    groups: dict[tuple[dt.date, dt.date], list[AttendanceRecord]] = {}
    for record in effective(records):
        day = anchor(record)
        if (start is not None and day < start) or (end is not None and day > end):
            continue
        groups.setdefault(period_bounds(day, kind), []).append(record)
    result = []
    for (first, last), items in sorted(groups.items()):
        first = max(first, start) if start is not None else first
        last = min(last, end) if end is not None else last
        result.append(_summary(counted(items, first, last), first, last))
    return result


def baseline(records: Iterable[AttendanceRecord], enrolled_on: dt.date, weeks: int = 8) -> Summary | None:
    """The ``weeks`` whole weeks before inskrivning, ending the day before; None if nothing scheduled there."""
    summary = summarize(records, enrolled_on - dt.timedelta(weeks=weeks), enrolled_on - dt.timedelta(days=1))
    return summary if summary.records else None


@dataclass(frozen=True)
class Change:
    """Absence now against the baseline at inskrivning."""

    baseline: Summary
    recent: Summary
    points: float | None  # recent - baseline, in percentage points (procentenheter)


def change_since_baseline(records: Iterable[AttendanceRecord], enrolled_on: dt.date, today: dt.date,
                          recent_weeks: int = 4) -> Change | None:
    """The last ``recent_weeks`` weeks up to ``today`` (not before inskrivning) against the baseline.

    None when there is no baseline or ``today`` is before inskrivning; ``points`` is None when nothing
    was scheduled recently.
    """
    items = effective(records)
    base = baseline(items, enrolled_on)  # effective() again on its own output changes nothing
    if base is None or today < enrolled_on:
        return None
    recent = summarize(items, max(enrolled_on, today - dt.timedelta(weeks=recent_weeks, days=-1)), today)
    points = None
    if recent.absence_percent is not None and base.absence_percent is not None:
        points = recent.absence_percent - base.absence_percent
    return Change(base, recent, points)


def term_status(records: Iterable[AttendanceRecord], today: dt.date,
                thresholds: Thresholds) -> tuple[Summary | None, Flag]:
    """The current term up to ``today`` and its flag; (None, NONE) if nothing was scheduled."""
    summary = summarize(records, term_bounds(today)[0], today)
    if summary.absence_percent is None:
        return None, Flag.NONE
    return summary, thresholds.flag(summary.absence_percent)


# --- Internals -----------------------------------------------------------------------------------------


@dataclass
class _Totals:
    """Sums for the records of one unit."""

    records: int = 0
    scheduled: float = 0.0
    absent: float = 0.0
    valid: float = 0.0
    invalid: float = 0.0
    unclassified: float = 0.0
    days: int = 0  # school days the records stand for (``school_days``): a unit's weight in a mix
    # Percentages weighted by school days (PERCENT: a record's share stands for its days, not for "one")
    absent_pct_days: float = 0.0
    valid_pct_days: float = 0.0
    invalid_pct_days: float = 0.0

    def add(self, record: AttendanceRecord) -> None:
        absent = min(max(record.absent, 0.0), record.scheduled)  # an export's overshoot is not > 100 %
        valid, invalid = _split(absent, record.valid, record.invalid)
        days = school_days(record)
        self.days += days
        self.absent_pct_days += days * absent * 100 / record.scheduled
        self.valid_pct_days += days * valid * 100 / record.scheduled
        self.invalid_pct_days += days * invalid * 100 / record.scheduled
        self.records += 1
        self.scheduled += record.scheduled
        self.absent += absent
        self.valid += valid
        self.invalid += invalid
        self.unclassified += absent - valid - invalid


def _split(absent: float, valid: float | None, invalid: float | None) -> tuple[float, float]:
    """Valid and invalid absence: one known gives the other as the rest of the absence; none known, 0 and 0."""
    if valid is not None and invalid is not None:
        valid = min(max(valid, 0.0), absent)
        return valid, min(max(invalid, 0.0), absent - valid)
    if valid is not None:
        valid = min(max(valid, 0.0), absent)
        return valid, absent - valid
    if invalid is not None:
        invalid = min(max(invalid, 0.0), absent)
        return absent - invalid, invalid
    return 0.0, 0.0


def _weighted(parts: list[tuple[_Totals, float]]) -> float:
    """Percentages per unit weighted by their school days (one unit: the plain percentage)."""
    count = sum(totals.days for totals, _ in parts)
    return sum(totals.days * value for totals, value in parts) / count


def _unit_percents(unit: Unit, t: _Totals) -> tuple[float, float, float]:
    """A unit's absence, valid and invalid %: minutes and lessons sum (absent × 100 / scheduled); PERCENT
    records average their shares weighted by the school days each stands for."""
    if unit is Unit.PERCENT:
        return t.absent_pct_days / t.days, t.valid_pct_days / t.days, t.invalid_pct_days / t.days
    return t.absent * 100 / t.scheduled, t.valid * 100 / t.scheduled, t.invalid * 100 / t.scheduled


def _summary(records: list[AttendanceRecord], start: dt.date, end: dt.date) -> Summary:
    """The Summary of ``records``: effective, in date order, already inside [start, end]."""
    scheduled = [r for r in records if r.scheduled > 0]
    by_unit: dict[Unit, _Totals] = {}
    for record in scheduled:
        by_unit.setdefault(record.unit, _Totals()).add(record)
    units = list(by_unit.values())
    percents = [(t, _unit_percents(u, t)) for u, t in by_unit.items()]
    total = _Totals(
        records=len(scheduled),
        scheduled=sum(t.scheduled for t in units),
        absent=sum(t.absent for t in units),
        valid=sum(t.valid for t in units),
        invalid=sum(t.invalid for t in units),
        unclassified=sum(t.unclassified for t in units),
    )
    absence = valid_pct = invalid_pct = None
    if units:
        absence = _weighted([(t, p[0]) for t, p in percents])
        # Unknown is not zero: with absence but nothing classified, say nothing about valid/invalid.
        if total.absent == 0 or total.valid + total.invalid > 0:
            valid_pct = _weighted([(t, p[1]) for t, p in percents])
            invalid_pct = _weighted([(t, p[2]) for t, p in percents])
    occasions = _occasions(scheduled)
    short = [o for o in occasions if _is_short(o)]
    weeks = len({r.period_start - dt.timedelta(days=r.period_start.weekday()) for r in scheduled
                 if r.granularity is not Granularity.PERIOD})
    return Summary(
        start=start, end=end, scheduled=total.scheduled, absent=total.absent, valid=total.valid,
        invalid=total.invalid, unclassified=total.unclassified, absence_percent=absence,
        valid_percent=valid_pct, invalid_percent=invalid_pct, longest_continuous=_longest_run(scheduled),
        occasions=len(occasions), scattered_occasions=len(short),
        scattered=len(short) >= SCATTERED_MIN and len(short) * SCATTERED_WEEKS_PER_OCCASION >= weeks,
        unit=next(iter(by_unit)) if len(by_unit) == 1 else None, records=len(scheduled),
    )


def _is_full(record: AttendanceRecord) -> bool:
    """Fully absent; never a PERIOD record (a summary says nothing of continuous absence)."""
    return record.absent >= record.scheduled and record.granularity is not Granularity.PERIOD


def _stretches(scheduled: list[AttendanceRecord], member: Callable[[AttendanceRecord], bool]
               ) -> list[list[AttendanceRecord]]:
    """Maximal runs of consecutive records (in the given order) for which ``member`` holds."""
    stretches: list[list[AttendanceRecord]] = []
    current: list[AttendanceRecord] = []
    for record in scheduled:
        if member(record):
            current.append(record)
        elif current:
            stretches.append(current)
            current = []
    if current:
        stretches.append(current)
    return stretches


def _occasions(scheduled: list[AttendanceRecord]) -> list[list[AttendanceRecord]]:
    # A PERIOD record is a summary: it is never part of an occasion, and it breaks one (unknown inside).
    return _stretches(scheduled, lambda r: r.absent > 0 and r.granularity is not Granularity.PERIOD)


def _is_short(occasion: list[AttendanceRecord]) -> bool:
    """Ströfrånvaro: one record long, or only partial absence in every record of it."""
    return len(occasion) == 1 or not any(_is_full(r) for r in occasion)


def _longest_run(scheduled: list[AttendanceRecord]) -> Run | None:
    """The run of fully absent records with the most periods; on a tie, the latest."""
    best: list[AttendanceRecord] | None = None
    for stretch in _stretches(scheduled, _is_full):
        if best is None or len(stretch) >= len(best):
            best = stretch
    if best is None:
        return None
    kinds = {r.granularity for r in best}
    granularity = kinds.pop() if len(kinds) == 1 else Granularity.DAY
    return Run(best[0].period_start, best[-1].period_end, len(best), granularity)
