"""The skollinje chart model: axis, weekly points with gaps, stages, insatser, goal lines and events."""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from pathlib import Path

import pytest

from sst_desk.workflow.attendance import AttendanceRecord, Granularity, Thresholds
from sst_desk.workflow.codes import EventKind, GoalArea, PlanStatus, Stage
from sst_desk.workflow.entities import CaseEvent, Goal, Handlingsplan, Insats
from sst_desk.workflow.skollinje import (
    EventMark,
    InsatsSpan,
    StageSpan,
    build_skollinje,
)

sys.path.insert(0, str(Path(__file__).parent))
from builders import RAISED_ON, TODAY, make_case, make_case_at

D = dt.date
FIRST_WEEK, LAST_WEEK = D(2026, 5, 4), D(2026, 11, 9)
SUMMER = (D(2026, 6, 22), D(2026, 8, 10))  # sommarlov: weeks exported with nothing scheduled
NOT_EXPORTED = D(2026, 10, 26)  # höstlov, missing from the export altogether
PLAN_DAY = D(2026, 9, 14)  # the day make_case_at starts planering (the plan's created_on)


def weekly() -> list[AttendanceRecord]:
    """40 % absence before the plan, 20 % from it; nothing scheduled over the summer."""
    records = []
    monday = FIRST_WEEK
    while monday <= LAST_WEEK:
        if monday != NOT_EXPORTED:
            lov = SUMMER[0] <= monday <= SUMMER[1]
            absent = 0 if lov else (600 if monday < PLAN_DAY else 300)
            records.append(AttendanceRecord(monday, Granularity.WEEK, 0 if lov else 1500, absent))
        monday += dt.timedelta(weeks=1)
    return records


def with_attendance_goal(case, *, target: float | None = 20.0):
    plan = case.current_plan
    attendance = next(g for g in plan.goals if g.area is GoalArea.SKOLNARVARO)
    attendance.position = 2  # printed second: the wellbeing goal has position 1
    attendance.target_absence_percent = target
    return case


def test_axis_and_weekly_points_with_gaps():
    case = make_case_at(Stage.GENOMFORANDE)
    model = build_skollinje(case, weekly(), today=TODAY)
    assert (model.start, model.end) == (FIRST_WEEK, TODAY)
    assert model.bucket == "week"
    assert len(model.points) == 29  # Mon 4 May … the week of Mon 16 Nov, 28 weeks later
    by_start = {p.start: p for p in model.points}
    assert by_start[FIRST_WEEK].absence_percent == 40.0 and by_start[FIRST_WEEK].end == D(2026, 5, 10)
    assert by_start[D(2026, 9, 14)].absence_percent == 20.0
    assert by_start[D(2026, 7, 6)].absence_percent is None  # summer: nothing scheduled
    assert by_start[NOT_EXPORTED].absence_percent is None and by_start[NOT_EXPORTED].scheduled == 0
    assert by_start[D(2026, 11, 16)].absence_percent is None  # after the last record
    assert model.has_data


def test_axis_starts_at_aktualisering_without_earlier_records():
    case = make_case_at(Stage.INSKRIVNING)
    model = build_skollinje(case, [], today=D(2026, 8, 26))
    assert (model.start, model.end) == (RAISED_ON, D(2026, 8, 26))
    assert [p.start for p in model.points] == [D(2026, 8, 17), D(2026, 8, 24)]
    assert not model.has_data


def test_stages_follow_the_transitions():
    model = build_skollinje(make_case_at(Stage.GENOMFORANDE), weekly(), today=TODAY)
    assert model.stages == [
        StageSpan(Stage.AKTUALISERING, D(2026, 8, 17), D(2026, 8, 23)),
        StageSpan(Stage.INSKRIVNING, D(2026, 8, 24), D(2026, 8, 30)),
        StageSpan(Stage.KARTLAGGNING, D(2026, 8, 31), D(2026, 9, 13)),
        StageSpan(Stage.PLANERING, D(2026, 9, 14), D(2026, 9, 20)),
        StageSpan(Stage.GENOMFORANDE, D(2026, 9, 21), TODAY),
    ]
    fresh = build_skollinje(make_case(), [], today=D(2026, 8, 20))
    assert fresh.stages == [StageSpan(Stage.AKTUALISERING, RAISED_ON, D(2026, 8, 20))]


def test_stages_use_the_local_day_of_aware_times():
    case = make_case_at(Stage.KARTLAGGNING, tzinfo=dt.UTC)
    spans = build_skollinje(case, [], today=TODAY).stages
    assert [s.start for s in spans] == [RAISED_ON] + [t.at.astimezone().date() for t in case.transitions]


def test_closed_case_runs_to_the_boosterträff():
    case = make_case_at(Stage.VIDMAKTHALLANDE)
    model = build_skollinje(case, weekly(), today=D(2026, 11, 21))
    assert case.booster is not None and case.booster.planned_on > TODAY
    assert model.end == case.booster.planned_on
    assert model.stages[-1] == StageSpan(Stage.VIDMAKTHALLANDE, D(2026, 11, 20), case.booster.planned_on)


def test_insatser_from_every_plan_once_each_without_undated_ones():
    case = make_case_at(Stage.GENOMFORANDE)
    current = case.current_plan
    current.insatser[0].start_on = D(2026, 9, 21)
    current.insatser[0].end_on = D(2027, 1, 31)
    old = Handlingsplan(version=0, status=PlanStatus.SUPERSEDED, created_on=D(2026, 9, 1), insatser=[
        Insats(name="Närvarouppföljning", start_on=D(2026, 9, 21)),  # the same insats: listed once
        Insats(name="Föräldrastöd", start_on=D(2026, 9, 2), end_on=D(2026, 9, 18)),
    ])
    case.plans.insert(0, old)
    model = build_skollinje(case, weekly(), today=TODAY)
    assert model.insatser == [
        InsatsSpan("Föräldrastöd", D(2026, 9, 2), D(2026, 9, 18)),
        InsatsSpan("Närvarouppföljning", D(2026, 9, 21), D(2027, 1, 31)),  # the current version's end
    ]  # "Motiverande samtal" has no start date: left out


def test_goal_line_from_the_baseline_before_the_plan_to_the_target():
    case = with_attendance_goal(make_case_at(Stage.GENOMFORANDE))
    [goal] = build_skollinje(case, weekly(), today=TODAY).goals
    assert goal.number == 2  # its place in the printed plan
    assert goal.description == "Närvaro över 80 %"
    assert (goal.start, goal.end) == (PLAN_DAY, D(2026, 11, 16))
    # 8 weeks before 14 Sep: four summer weeks with nothing scheduled, four at 40 %.
    assert goal.start_percent == 40.0
    assert goal.target_percent == 20.0


def test_goals_without_target_or_on_other_areas_are_not_drawn():
    case = with_attendance_goal(make_case_at(Stage.GENOMFORANDE), target=None)
    case.current_plan.goals.append(Goal("Trivs", area=GoalArea.TRIVSEL, target_absence_percent=5.0))
    assert build_skollinje(case, weekly(), today=TODAY).goals == []


def test_goal_without_follow_up_date_runs_90_days_and_stretches_the_axis():
    case = with_attendance_goal(make_case_at(Stage.GENOMFORANDE))
    case.current_plan.follow_up_on = None
    model = build_skollinje(case, [], today=TODAY)
    [goal] = model.goals
    assert goal.end == PLAN_DAY + dt.timedelta(days=90) == D(2026, 12, 13)
    assert goal.start_percent is None  # no data before the plan
    assert model.end == D(2026, 12, 13)


def test_events_sorted_and_thresholds_carried():
    case = make_case_at(Stage.GENOMFORANDE)
    case.events += [CaseEvent(D(2026, 10, 5), EventKind.SJUKDOM, "Influensa"),
                    CaseEvent(D(2026, 9, 1), EventKind.SKOLBYTE, "Ny skola")]
    model = build_skollinje(case, weekly(), today=TODAY, thresholds=Thresholds(15, 40))
    assert model.events == [EventMark(D(2026, 9, 1), EventKind.SKOLBYTE, "Ny skola"),
                            EventMark(D(2026, 10, 5), EventKind.SJUKDOM, "Influensa")]
    assert (model.warn_percent, model.alert_percent) == (15, 40)


def test_a_long_axis_is_drawn_by_month():
    case = make_case_at(Stage.GENOMFORANDE)
    old = [AttendanceRecord(D(2022, 3, 14), Granularity.DAY, 300, 150),
           AttendanceRecord(D(2022, 3, 15), Granularity.DAY, 300, 0)]
    model = build_skollinje(case, old + weekly(), today=TODAY)
    assert model.bucket == "month"
    assert model.points[0] == dataclasses.replace(model.points[0], start=D(2022, 3, 1), end=D(2022, 3, 31))
    assert model.points[0].absence_percent == 25.0  # 150 / 600
    assert len(model.points) == 57  # March 2022 … November 2026
    may = next(p for p in model.points if p.start == D(2026, 5, 1))
    assert may.absence_percent == 40.0
    assert build_skollinje(case, old + weekly(), today=TODAY, bucket="week").bucket == "week"
    with pytest.raises(ValueError):
        build_skollinje(case, [], today=TODAY, bucket="day")


def test_a_period_summary_is_a_segment_not_days_and_a_percent_only_student_has_a_chart():
    from sst_desk.workflow.attendance import Unit
    from sst_desk.workflow.skollinje import PeriodSegment

    case = make_case_at(Stage.GENOMFORANDE)
    summary = AttendanceRecord(D(2026, 8, 17), Granularity.PERIOD, 100.0, 35.1, 20.0, 15.1, Unit.PERCENT,
                               D(2026, 11, 20))
    model = build_skollinje(case, [summary], today=TODAY)
    assert model.periods == [PeriodSegment(D(2026, 8, 17), D(2026, 11, 20), pytest.approx(35.1),
                                           pytest.approx(20.0), pytest.approx(15.1))]
    assert all(p.absence_percent is None for p in model.points)  # no week holds the whole period
    assert model.has_data and model.end >= D(2026, 11, 20)
