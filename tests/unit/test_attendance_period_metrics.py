"""PERIOD and PERCENT records in the metrics (issue 11): when a summary counts, and how shares weigh."""

from __future__ import annotations

import datetime as dt

import pytest

from sst_desk.workflow.attendance import (
    AttendanceRecord,
    Granularity,
    PeriodKind,
    Thresholds,
    Unit,
    by_period,
    effective,
    school_days,
    summarize,
    term_status,
)

D = dt.date


def period(start, end, absent, scheduled=100.0, unit=Unit.PERCENT, valid=None, invalid=None):
    return AttendanceRecord(start, Granularity.PERIOD, scheduled, absent, valid, invalid, unit, end)


def day(on, absent, scheduled=60.0, unit=Unit.MINUTES):
    return AttendanceRecord(on, Granularity.DAY, scheduled, absent, unit=unit)


def test_school_days_count_weekdays_of_the_span():
    assert school_days(period(D(2026, 11, 2), D(2026, 11, 8), 0)) == 5  # Mon–Sun
    assert school_days(period(D(2026, 11, 7), D(2026, 11, 8), 0)) == 1  # a weekend only: at least one
    assert school_days(period(D(2026, 8, 17), D(2026, 12, 18), 0)) == 90


def test_a_period_counts_only_in_a_window_that_holds_all_of_it():
    record = period(D(2026, 9, 1), D(2026, 9, 30), 35.1)
    assert summarize([record], D(2026, 9, 1), D(2026, 9, 30)).absence_percent == pytest.approx(35.1)
    assert summarize([record], D(2026, 7, 1), D(2026, 12, 31)).absence_percent == pytest.approx(35.1)
    part = summarize([record], D(2026, 9, 1), D(2026, 9, 15))
    assert part.absence_percent is None and part.records == 0  # never 0 %
    assert [s.absence_percent for s in by_period([record], PeriodKind.MONTH)] == [pytest.approx(35.1)]
    assert [s.absence_percent for s in by_period([record], PeriodKind.WEEK)] == [None]


def test_days_inside_a_counted_period_are_dropped_but_count_where_the_period_does_not():
    record = period(D(2026, 9, 1), D(2026, 9, 30), 10.0)
    days = [day(D(2026, 9, 7), 60.0), day(D(2026, 10, 5), 30.0)]
    month = summarize([record, *days], D(2026, 9, 1), D(2026, 9, 30))
    assert month.absence_percent == pytest.approx(10.0) and month.records == 1
    week = summarize([record, *days], D(2026, 9, 7), D(2026, 9, 13))  # the period is not whole here
    assert week.absence_percent == pytest.approx(100.0)
    # September (the period: 22 school days at 10 %) and one October day at 50 %, weighted by school days
    both = summarize([record, *days], D(2026, 9, 1), D(2026, 10, 31))
    assert both.absence_percent == pytest.approx((22 * 10.0 + 1 * 50.0) / 23)


def test_overlapping_periods_the_one_ending_latest_wins():
    early = period(D(2026, 8, 17), D(2026, 10, 30), 20.0)
    late = period(D(2026, 9, 1), D(2026, 11, 30), 5.0)
    assert effective([early, late]) == [late]
    summary = summarize([early, late], D(2026, 7, 1), D(2026, 12, 31))
    assert summary.absence_percent == pytest.approx(5.0)
    longer = period(D(2026, 8, 1), D(2026, 11, 30), 7.0)
    assert effective([late, longer]) == [longer]  # the same end: the longer wins


def test_percent_shares_weigh_by_the_days_they_stand_for():
    autumn = period(D(2026, 8, 17), D(2026, 11, 27), 10.0)  # 75 school days
    week = period(D(2026, 11, 30), D(2026, 12, 4), 50.0)  # 5 school days
    summary = summarize([autumn, week], D(2026, 7, 1), D(2026, 12, 31))
    assert summary.absence_percent == pytest.approx((75 * 10.0 + 5 * 50.0) / 80)
    assert summary.unit is Unit.PERCENT


def test_percent_valid_and_invalid_are_percentages():
    record = period(D(2026, 9, 1), D(2026, 9, 30), 12.0, valid=8.0, invalid=4.0)
    summary = summarize([record], D(2026, 9, 1), D(2026, 9, 30))
    assert (summary.valid_percent, summary.invalid_percent) == (pytest.approx(8.0), pytest.approx(4.0))
    unknown = summarize([period(D(2026, 9, 1), D(2026, 9, 30), 12.0)], D(2026, 9, 1), D(2026, 9, 30))
    assert unknown.valid_percent is None and unknown.invalid_percent is None


def test_periods_never_form_runs_or_occasions_and_break_them():
    records = [day(D(2026, 8, 28), 60.0), period(D(2026, 8, 31), D(2026, 9, 4), 100.0),
               day(D(2026, 9, 7), 60.0)]
    summary = summarize(records, D(2026, 8, 1), D(2026, 9, 30))
    assert summary.occasions == 2
    assert summary.longest_continuous is not None and summary.longest_continuous.periods == 1
    only = summarize([period(D(2026, 8, 31), D(2026, 9, 4), 100.0)], D(2026, 8, 1), D(2026, 9, 30))
    assert only.occasions == 0 and only.longest_continuous is None and only.absence_percent == 100.0


def test_term_status_flags_a_whole_period_and_not_a_running_one():
    thresholds = Thresholds()
    done = period(D(2026, 8, 17), D(2026, 10, 30), 12.0)
    summary, flag = term_status([done], D(2026, 11, 10), thresholds)
    assert summary is not None and summary.absence_percent == pytest.approx(12.0) and flag.value == "warn"
    running = period(D(2026, 8, 17), D(2026, 12, 18), 12.0)  # ends after today: not whole in the window
    assert term_status([running], D(2026, 11, 10), thresholds) == (None, thresholds.flag(None))
