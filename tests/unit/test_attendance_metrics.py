"""Attendance metrics (issue 4): every expectation below is computed by hand in the comments next to it."""

from __future__ import annotations

import datetime as dt

import pytest

from sst_desk.workflow.attendance import (
    AttendanceRecord,
    Flag,
    Granularity,
    PeriodKind,
    Run,
    Thresholds,
    Unit,
    baseline,
    by_period,
    change_since_baseline,
    period_bounds,
    summarize,
    term_bounds,
    term_status,
)

D = dt.date
DAY, WEEK = Granularity.DAY, Granularity.WEEK


def day(on: dt.date, absent: float = 0, scheduled: float = 300, **kwargs) -> AttendanceRecord:
    return AttendanceRecord(on, DAY, scheduled, absent, **kwargs)


def week(monday: dt.date, absent: float = 0, scheduled: float = 1500, **kwargs) -> AttendanceRecord:
    assert monday.weekday() == 0
    return AttendanceRecord(monday, WEEK, scheduled, absent, **kwargs)


def school_week(monday: dt.date, absences: dict[int, float] | None = None) -> list[AttendanceRecord]:
    """Monday to Friday, 300 minutes a day, ``absences`` by weekday index (0 = Monday)."""
    absences = absences or {}
    return [day(monday + dt.timedelta(days=i), absences.get(i, 0)) for i in range(5)]


MON = D(2025, 9, 1)  # Monday of ISO week 36


# --- periods -------------------------------------------------------------------------------------------

def test_term_and_period_bounds():
    assert term_bounds(D(2025, 6, 30)) == (D(2025, 1, 1), D(2025, 6, 30))
    assert term_bounds(D(2025, 7, 1)) == (D(2025, 7, 1), D(2025, 12, 31))
    assert period_bounds(D(2025, 9, 4), PeriodKind.WEEK) == (D(2025, 9, 1), D(2025, 9, 7))
    assert period_bounds(D(2024, 2, 10), PeriodKind.MONTH) == (D(2024, 2, 1), D(2024, 2, 29))
    assert period_bounds(D(2025, 12, 31), PeriodKind.MONTH) == (D(2025, 12, 1), D(2025, 12, 31))
    assert period_bounds(D(2025, 3, 3), PeriodKind.TERM) == (D(2025, 1, 1), D(2025, 6, 30))


# --- holidays, partial weeks, empty weeks -------------------------------------------------------------

def test_a_holiday_inside_a_run_neither_breaks_nor_extends_it():
    # Mon, Tue absent; Wed a helgdag (nothing scheduled); Thu absent; Fri present.
    records = school_week(MON, {0: 300, 1: 300, 3: 300})
    records[2] = day(MON + dt.timedelta(days=2), 0, scheduled=0)
    s = summarize(records, MON, MON + dt.timedelta(days=6))
    assert s.records == 4  # the holiday is not counted
    assert (s.scheduled, s.absent) == (1200, 900)
    assert s.absence_percent == 75.0  # 900 / 1200
    assert s.longest_continuous == Run(MON, D(2025, 9, 4), 3, DAY)  # Mon, Tue, Thu
    assert s.occasions == 1
    assert s.scattered_occasions == 0  # 3 records long, all full


def test_a_partial_week_counts_only_the_days_with_data():
    # Three days of data (Mon–Wed), 60 minutes absent on Tuesday: 60 / 900 = 6.67 %.
    records = school_week(MON, {1: 60})[:3]
    [s] = by_period(records, PeriodKind.WEEK)
    assert (s.start, s.end) == (MON, D(2025, 9, 7))
    assert s.records == 3
    assert s.absence_percent == pytest.approx(100 * 60 / 900)
    assert s.occasions == 1 and s.scattered_occasions == 1
    assert s.longest_continuous is None  # partial absence is not a continuous absence


def test_a_week_with_nothing_scheduled_has_no_percentage_not_zero():
    lov = week(D(2025, 10, 27), 0, scheduled=0)  # höstlov
    [s] = by_period([lov], PeriodKind.WEEK)  # the week is there, as a gap
    assert s.absence_percent is None
    assert s.valid_percent is None and s.invalid_percent is None
    assert s.records == 0 and s.scheduled == 0
    assert s.longest_continuous is None and s.occasions == 0
    assert term_status([lov], D(2025, 10, 31), Thresholds()) == (None, Flag.NONE)


# --- boundaries ----------------------------------------------------------------------------------------

def test_term_boundary_splits_days_and_attributes_weeks_by_thursday():
    days = [day(D(2025, 6, 30), 300), day(D(2025, 7, 1), 0)]  # Monday in VT, Tuesday in HT
    vt, ht = by_period(days, PeriodKind.TERM)
    assert (vt.start, vt.end, vt.absence_percent) == (D(2025, 1, 1), D(2025, 6, 30), 100.0)
    assert (ht.start, ht.end, ht.absence_percent) == (D(2025, 7, 1), D(2025, 12, 31), 0.0)
    # The ISO week Mon 30 June – Sun 6 July has its Thursday (3 July) in HT: the whole week goes there.
    weeks = [week(D(2025, 6, 23), 150), week(D(2025, 6, 30), 750)]
    vt, ht = by_period(weeks, PeriodKind.TERM)
    assert vt.absence_percent == 10.0 and vt.records == 1  # 150 / 1500
    assert ht.absence_percent == 50.0 and ht.records == 1  # 750 / 1500


def test_a_week_straddling_two_months_belongs_to_the_month_of_its_thursday():
    # Week 40 runs Mon 29 Sep – Sun 5 Oct; its Thursday is 2 October.
    records = [week(D(2025, 9, 22), 300), week(D(2025, 9, 29), 600)]
    september, october = by_period(records, PeriodKind.MONTH)
    assert (september.start, september.end, september.absent) == (D(2025, 9, 1), D(2025, 9, 30), 300)
    assert (october.start, october.end, october.absent) == (D(2025, 10, 1), D(2025, 10, 31), 600)
    # A summarize() window takes a week only when the week's Thursday is inside it.
    assert summarize(records, D(2025, 9, 29), D(2025, 10, 1)).records == 0
    assert summarize(records, D(2025, 10, 2), D(2025, 10, 2)).absent == 600


def test_by_period_cuts_the_first_and_last_period_to_the_window():
    records = school_week(MON, {0: 300, 4: 300})
    [s] = by_period(records, PeriodKind.MONTH, D(2025, 9, 2), D(2025, 9, 4))
    assert (s.start, s.end) == (D(2025, 9, 2), D(2025, 9, 4))
    assert (s.records, s.absent) == (3, 0)  # Tue–Thu, the absent Monday and Friday are outside


# --- continuous absence and ströfrånvaro ----------------------------------------------------------------

def test_stroefranvaro_against_a_long_continuous_absence():
    # Four school weeks; short absences on four separate days: two whole days, two late mornings.
    scattered = (school_week(MON, {1: 300}) + school_week(D(2025, 9, 8), {3: 45})
                 + school_week(D(2025, 9, 15), {0: 300}) + school_week(D(2025, 9, 22), {2: 60}))
    s = summarize(scattered, MON, D(2025, 9, 28))
    assert s.occasions == 4 and s.scattered_occasions == 4
    assert s.scattered  # 4 >= 3, and 4 short occasions in 4 weeks >= one per 4 weeks
    assert s.longest_continuous == Run(D(2025, 9, 15), D(2025, 9, 15), 1, DAY)  # two 1-day runs: the latest
    # Same four weeks, but ten school days in a row absent (Mon 8 – Fri 19 Sep).
    long = school_week(MON) + school_week(D(2025, 9, 8), dict.fromkeys(range(5), 300)) \
        + school_week(D(2025, 9, 15), dict.fromkeys(range(5), 300)) + school_week(D(2025, 9, 22))
    s = summarize(long, MON, D(2025, 9, 28))
    assert s.occasions == 1 and s.scattered_occasions == 0 and not s.scattered
    assert s.longest_continuous == Run(D(2025, 9, 8), D(2025, 9, 19), 10, DAY)
    assert s.absence_percent == 50.0  # 3000 / 6000


def test_longest_run_tie_goes_to_the_latest():
    records = school_week(MON, {0: 300, 1: 300, 3: 300, 4: 300})
    s = summarize(records, MON, D(2025, 9, 7))
    assert s.longest_continuous == Run(D(2025, 9, 4), D(2025, 9, 5), 2, DAY)
    assert s.occasions == 2 and s.scattered_occasions == 0  # two full two-day runs are not short


def test_partial_absence_on_consecutive_days_is_one_short_occasion():
    s = summarize(school_week(MON, {0: 30, 1: 30, 2: 300}), MON, D(2025, 9, 7))
    assert s.occasions == 1
    assert s.scattered_occasions == 0  # three records and one of them full: not short


def test_scattered_needs_one_short_occasion_per_four_scheduled_weeks():
    def weeks_with_short_occasions(count: int) -> list[AttendanceRecord]:
        records = []
        for n in range(count):
            records += school_week(MON + dt.timedelta(weeks=n), {2: 60} if n in (0, 4, 8) else None)
        return records

    twelve, thirteen = weeks_with_short_occasions(12), weeks_with_short_occasions(13)
    assert summarize(twelve, MON, D(2026, 1, 1)).scattered  # 3 * 4 >= 12
    assert not summarize(thirteen, MON, D(2026, 1, 1)).scattered  # 3 * 4 < 13
    assert not summarize(school_week(MON, {0: 10, 2: 10}), MON, D(2025, 9, 7)).scattered  # only 2 < 3


# --- baseline and change --------------------------------------------------------------------------------

ENROLLED = D(2025, 11, 3)  # a Monday: the baseline window is Mon 8 Sep – Sun 2 Nov
BASELINE_WEEKS = [week(MON, 1500)] + [
    week(D(2025, 9, 8) + dt.timedelta(weeks=n), absent)
    for n, absent in enumerate([150, 300, 0, 300, 150, 0, 150])
] + [week(D(2025, 10, 27), 0, scheduled=0)]  # höstlov, week 44
RECENT_WEEKS = [week(ENROLLED + dt.timedelta(weeks=n), absent) for n, absent in enumerate([300, 0, 0, 0])]


def test_baseline_is_the_eight_weeks_before_inskrivning_and_skips_the_lov_week():
    s = baseline(BASELINE_WEEKS + RECENT_WEEKS, ENROLLED)
    assert s is not None
    assert (s.start, s.end) == (D(2025, 9, 8), D(2025, 11, 2))
    assert s.records == 7  # 8 weeks, one of them höstlov; week 36 (fully absent) is too early
    assert s.absence_percent == 10.0  # 1050 / 10500
    assert baseline(RECENT_WEEKS, ENROLLED) is None
    assert baseline([week(D(2025, 10, 27), 0, scheduled=0)], ENROLLED) is None  # only lov: nothing scheduled


def test_change_since_baseline_in_percentage_points():
    change = change_since_baseline(BASELINE_WEEKS + RECENT_WEEKS, ENROLLED, D(2025, 11, 30))
    assert change is not None
    assert (change.recent.start, change.recent.end) == (D(2025, 11, 3), D(2025, 11, 30))
    assert change.recent.absence_percent == 5.0  # 300 / 6000
    assert change.points == pytest.approx(-5.0)  # 5 % - 10 %
    # Nine days after inskrivning the recent window starts at inskrivning, not in the baseline.
    early = change_since_baseline(BASELINE_WEEKS + RECENT_WEEKS, ENROLLED, D(2025, 11, 12))
    assert early is not None and early.recent.start == ENROLLED
    assert early.recent.records == 1  # week 46's Thursday (13 Nov) is after "today"
    assert early.points == pytest.approx(10.0)  # 20 % - 10 %
    assert change_since_baseline(RECENT_WEEKS, ENROLLED, D(2025, 11, 30)) is None
    quiet = change_since_baseline(BASELINE_WEEKS, ENROLLED, D(2025, 11, 30))
    assert quiet is not None and quiet.points is None and quiet.recent.absence_percent is None


# --- thresholds ------------------------------------------------------------------------------------------

def test_thresholds_exactly_at_10_and_50_percent():
    t = Thresholds()
    assert [t.flag(v) for v in (None, 0.0, 9.99, 10.0, 49.99, 50.0, 100.0)] == [
        Flag.NONE, Flag.NONE, Flag.NONE, Flag.WARN, Flag.WARN, Flag.ALERT, Flag.ALERT]
    assert Thresholds(5, 20).flag(19.9) is Flag.WARN


def test_term_status_flags_the_current_term_up_to_today():
    # HT 2025: 1 of 10 lessons absent (10 %) and then 7 of 10 days away from a new term.
    records = [AttendanceRecord(D(2025, 9, 1), DAY, 10, 1, unit=Unit.LESSONS),
               AttendanceRecord(D(2025, 6, 2), DAY, 10, 7, unit=Unit.LESSONS)]
    summary, flag = term_status(records, D(2025, 9, 2), Thresholds())
    assert summary is not None and (summary.start, summary.end) == (D(2025, 7, 1), D(2025, 9, 2))
    assert summary.absence_percent == 10.0 and flag is Flag.WARN
    summary, flag = term_status(records, D(2025, 6, 3), Thresholds())
    assert summary is not None and summary.absence_percent == 70.0 and flag is Flag.ALERT
    assert term_status(records, D(2025, 8, 31), Thresholds()) == (None, Flag.NONE)


# --- valid and invalid absence ----------------------------------------------------------------------------

def test_valid_and_invalid_derivation():
    records = [
        day(MON, 100, valid=40),  # invalid = 100 - 40 = 60
        day(D(2025, 9, 2), 50, invalid=50),  # valid = 0
        day(D(2025, 9, 3), 30),  # unknown: 30 unclassified
        day(D(2025, 9, 4), 20, valid=10, invalid=5),  # both known: 5 left unclassified
    ]
    s = summarize(records, MON, D(2025, 9, 7))
    assert (s.absent, s.valid, s.invalid, s.unclassified) == (200, 50, 115, 35)
    assert s.absence_percent == pytest.approx(100 * 200 / 1200)
    assert s.valid_percent == pytest.approx(100 * 50 / 1200)
    assert s.invalid_percent == pytest.approx(100 * 115 / 1200)


def test_unknown_classification_is_not_zero():
    s = summarize([day(MON, 60)], MON, MON)
    assert s.absence_percent == 20.0 and s.unclassified == 60
    assert s.valid_percent is None and s.invalid_percent is None
    present = summarize([day(MON, 0)], MON, MON)
    assert present.valid_percent == 0.0 and present.invalid_percent == 0.0


# --- mixed granularity and units -----------------------------------------------------------------------------

def test_a_week_record_wins_over_day_records_of_the_same_week():
    records = (school_week(D(2025, 9, 8), dict.fromkeys(range(5), 300))  # dropped: week 37 has a week record
               + [week(D(2025, 9, 8), 300)]
               + school_week(D(2025, 9, 15), {0: 300}))
    s = summarize(records, D(2025, 9, 8), D(2025, 9, 21))
    assert s.records == 6  # one week + five days
    assert (s.scheduled, s.absent) == (3000, 600)
    assert s.absence_percent == 20.0
    assert [x.records for x in by_period(records, PeriodKind.WEEK)] == [1, 5]


def test_a_run_across_a_week_record_and_days():
    records = [week(D(2025, 9, 8), 1500)] + school_week(D(2025, 9, 15), {0: 300, 1: 300})
    s = summarize(records, D(2025, 9, 8), D(2025, 9, 21))
    assert s.longest_continuous == Run(D(2025, 9, 8), D(2025, 9, 16), 3, DAY)
    assert summarize(records[:1], D(2025, 9, 8), D(2025, 9, 14)).longest_continuous == \
        Run(D(2025, 9, 8), D(2025, 9, 14), 1, WEEK)


def test_mixed_units_weight_each_units_percentage_by_its_records():
    records = [day(MON, 30), day(D(2025, 9, 2), 30),  # minutes: 60 / 600 = 10 %
               AttendanceRecord(D(2025, 9, 3), DAY, 6, 3, unit=Unit.LESSONS)]  # lessons: 50 %
    s = summarize(records, MON, D(2025, 9, 7))
    assert s.unit is None
    assert s.absence_percent == pytest.approx((2 * 10 + 1 * 50) / 3)
    assert summarize(records[:2], MON, D(2025, 9, 7)).unit is Unit.MINUTES
    assert summarize([], MON, D(2025, 9, 7)).unit is None
