"""Skollinjen in the case window: a worker reads the chart by mouse and keyboard, notes events, sets a goal's target.

Attendance rows are put straight into the ``attendance`` table (the import has its own tests).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
import sqlalchemy as sa
from person import (
    NOW,
    answer_dialog,
    click,
    fill,
    fill_dialog,
    find,
    select_row,
    shown_errors,
)
from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QApplication, QLabel

from sst_desk.ui.skollinje import text
from sst_desk.workflow.attendance import Granularity, Unit
from sst_desk.workflow.codes import Stage
from sst_desk.workflow.entities import Case, Student
from sst_desk.workflow.process import open_case

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "unit"))
from builders import make_case_at
from doors import door
from person import open_window, settle

FIRST_MONDAY = dt.date(2026, 8, 31)
# (scheduled, absent, valid, invalid) in minutes per week: absence rising to 20 %, an autumn holiday (v. 44).
WEEKS = [(1500, 0, 0, 0), (1500, 60, 60, 0), (1500, 120, 60, 60), (1500, 150, 90, 60), (1500, 300, 100, 200),
         (1500, 300, 150, 150), (1500, 225, 75, 150), (1500, 300, 60, 240), (0, 0, 0, 0), (1500, 300, 0, 300),
         (1500, 450, 150, 300), (1500, 300, 100, 200)]


def _add_attendance(db, student_id: int) -> None:
    from sst_desk.persistence.mapping import attendance

    rows = [{"student_id": student_id, "period_start": FIRST_MONDAY + dt.timedelta(weeks=n),
             "granularity": Granularity.WEEK, "unit": Unit.MINUTES, "scheduled": s, "absent": a, "valid": v,
             "invalid": i}
            for n, (s, a, v, i) in enumerate(WEEKS)]
    with db.engine.begin() as connection:
        connection.execute(sa.insert(attendance), rows)


def _open(main_window, context, case: Case, *, attendance: bool = True):
    stored = door(context.db).cases.add_case(case)
    if attendance:
        _add_attendance(context.db, stored.student.id)
    window = open_window(main_window, stored.id)
    window.stepper.setCurrentRow(window.stack.indexOf(window.skollinje))
    QApplication.processEvents()
    settle()  # the attendance is read in the background once the page is shown
    return window


def _new_case() -> Case:
    case = Case(student=Student("Kim", "Testsson", "Ekbackens skola"), raised_on=dt.date(2026, 9, 1))
    open_case(case, by="testare", at=NOW)
    return case


def _chart(window):
    chart = find(window, "School line")
    chart.resize(900, 380)
    return chart


def test_the_school_line_is_a_step_of_its_own_before_the_history(main_window, context):
    window = _open(main_window, context, _new_case(), attendance=False)
    titles = [window.stepper.item(row).text() for row in range(window.stepper.count())]
    assert titles[-2:] == ["School line", "History"]
    assert window.stack.currentWidget() is window.skollinje


def test_a_case_without_attendance_shows_the_empty_sentence(main_window, context):
    window = _open(main_window, context, _new_case(), attendance=False)
    chart = _chart(window)
    assert chart.is_empty()
    assert "No attendance imported yet" in chart.accessibleDescription()
    assert chart.text_at(QPointF(450, 190)) == ""
    assert not window.skollinje.figures.isVisible()  # no panel of dashes


def test_hover_shows_the_weeks_numbers(main_window, context, qtbot):
    window = _open(main_window, context, _new_case())
    chart = _chart(window)
    assert not chart.is_empty()
    points = chart.model.points
    index = next(i for i, p in enumerate(points) if p.absence_percent is not None and abs(p.absence_percent - 30) < 1e-6)
    pos = chart.bucket_position(index)
    tip = chart.text_at(pos)
    assert text.percent(30.0) in tip
    assert points[index].start.isoformat() in tip
    assert text.amount(1500, Unit.MINUTES) in tip  # 25 h scheduled
    # the same text through Qt's tooltip event, as a resting mouse sends it
    QApplication.sendEvent(chart, QHelpEvent(QEvent.Type.ToolTip, pos.toPoint(), chart.mapToGlobal(pos.toPoint())))
    assert chart.hover_text == tip
    # the holiday week is a gap, not 0 %
    holiday = next(i for i, p in enumerate(points) if p.start == FIRST_MONDAY + dt.timedelta(weeks=8))
    assert points[holiday].absence_percent is None
    assert "Nothing scheduled" in chart.text_at(chart.bucket_position(holiday))
    # and a mouse move over a week also sets it
    qtbot.mouseMove(chart, chart.bucket_position(0).toPoint())
    assert chart.hover_text.startswith("Week")


def test_the_keyboard_moves_a_highlighted_week_and_says_its_numbers(main_window, context, qtbot):
    window = _open(main_window, context, _new_case())
    chart = _chart(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    chart.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(chart.hasFocus)
    last = chart.highlighted
    assert chart.model.points[last].absence_percent is not None
    qtbot.keyClick(chart, Qt.Key.Key_Left)
    assert chart.highlighted == last - 1
    caption = find(window, "Highlighted period", QLabel).text()
    point = chart.model.points[last - 1]
    assert caption.startswith(text.bucket_title(point, chart.model.bucket))
    assert text.percent(point.absence_percent) in caption
    assert chart.accessibleDescription() == caption
    qtbot.keyClick(chart, Qt.Key.Key_Right)
    qtbot.keyClick(chart, Qt.Key.Key_Right)  # stays on the last week
    assert chart.highlighted == len(chart.model.points) - 1
    qtbot.keyClick(chart, Qt.Key.Key_Home)
    assert chart.highlighted == 0


def test_the_key_figures_and_the_flag_badge(main_window, context):
    case = _new_case()
    case.enrolled_on = dt.date(2026, 10, 26)
    window = _open(main_window, context, case)
    assert find(window, "Absence", QLabel).text() not in ("", "–")
    assert find(window, "Baseline at enrolment", QLabel).text() != "–"
    assert "percentage points" in find(window, "Change since enrolment", QLabel).text()
    # the term's absence is well over 10 % and under 50 %: the warning badge, with words
    badge = find(window, "Over 10 % this term", QLabel)
    assert badge.isVisible() and "Over 10 % this term" in badge.text()


def test_absence_month_by_month(main_window, context):
    window = _open(main_window, context, _new_case())
    chart = find(window, "School line")
    weekly = len(chart.model.points)
    choose = find(window, "Show absence")
    choose.setCurrentIndex(choose.findText("Month by month"))
    assert chart.model.bucket == "month" and len(chart.model.points) < weekly
    september = next(p for p in chart.model.points if p.start == dt.date(2026, 9, 1))
    # a week counts in the month of its Thursday: the weeks of 31 August, 7, 14 and 21 September (the week of
    # 28 September has its Thursday on 1 October): 0 + 60 + 120 + 150 of 4 × 1500 minutes
    assert september.absence_percent == pytest.approx(100 * (0 + 60 + 120 + 150) / (4 * 1500))


def test_add_an_event_and_save(main_window, context):
    window = _open(main_window, context, _new_case())
    errors = answer_dialog(fill_dialog({"Date": "2026-10-05", "Kind": "Illness", "Note": "Influensa en vecka."}))
    click(window, "Add event")
    assert not errors, errors
    assert window.isWindowModified()
    assert [m.kind.value for m in find(window, "School line").model.events] == ["sjukdom"]
    assert window.save()
    settle()
    stored = door(context.db).cases.load_case(window.case.id)
    assert [(e.on, e.kind.value, e.note) for e in stored.events] == [(dt.date(2026, 10, 5), "sjukdom",
                                                                      "Influensa en vecka.")]
    select_row(window, "Events", "2026-10-05")
    assert find(window, "Events").model().rowCount() == 1


def test_bad_event_input_is_marked_next_to_the_field(main_window, context):
    window = _open(main_window, context, _new_case(), attendance=False)
    seen: list[list[str]] = []

    def try_bad(dialog):
        fill(dialog, "Date", "")
        fill(dialog, "Note", "x" * 501)
        click(dialog, "OK")
        seen.append(shown_errors(dialog))
        fill(dialog, "Date", "2026-02-30")
        click(dialog, "OK")
        seen.append(shown_errors(dialog))
        dialog.reject()

    errors = answer_dialog(try_bad, may_stay_open=True)
    click(window, "Add event")
    assert not errors, errors
    assert "This field must be filled in." in seen[0]
    assert "Write at most 500 characters." in seen[0]
    assert any("2026-02-30 is not a date" in message for message in seen[1])  # issue 10: says why
    assert window.case.events == []
    assert not window.isWindowModified()


def test_a_goals_target_absence_round_trips(main_window, context):
    case = make_case_at(Stage.GENOMFORANDE, tzinfo=dt.UTC)
    window = _open(main_window, context, case, attendance=False)
    window.stepper.setCurrentRow(Stage.PLANERING.order)
    goal = window.case.current_plan.goals[0].description
    select_row(window, "Goals", goal)
    seen: list[list[str]] = []

    def bad_then_good(dialog):
        for value in ("120", "lite"):
            fill(dialog, "Target absence (%)", value)
            click(dialog, "OK")
            seen.append(shown_errors(dialog))
        fill(dialog, "Target absence (%)", "12,5")
        click(dialog, "OK")

    errors = answer_dialog(bad_then_good)
    click(window, "Edit goal")
    assert not errors, errors
    assert seen == [["A percentage must be between 0 and 100."], ["Write a number, for example 12,5."]]
    assert window.save()
    settle()
    stored = door(context.db).cases.load_case(window.case.id)
    assert stored.current_plan.goals[0].target_absence_percent == 12.5
    select_row(window, "Goals", goal)
    answer_dialog(lambda dialog: (seen.append([find(dialog, "Target absence (%)").text()]), dialog.reject()),
                  may_stay_open=True)
    click(window, "Edit goal")
    assert seen[-1] == ["12,5"]


def test_chart_handles_two_weeks_and_reports_no_point_outside_the_plot(qapp):
    from sst_desk.ui.skollinje.chart import SkollinjeChart
    from sst_desk.workflow.skollinje import Point, Skollinje

    start = dt.date(2026, 11, 9)
    points = [Point(start, start + dt.timedelta(days=6), 12.0, 4.0, 8.0, 1500, 180),
              Point(start + dt.timedelta(weeks=1), start + dt.timedelta(days=13), 0.0, 0.0, 0.0, 1500, 0)]
    chart = SkollinjeChart()
    chart.resize(600, 320)
    chart.set_model(Skollinje(start=start, end=start + dt.timedelta(days=13), bucket="week", points=points))
    assert not chart.grab().isNull()
    assert text.percent(12.0) in chart.text_at(chart.bucket_position(0))
    assert chart.text_at(QPointF(2, 2)) == ""  # the title row
    assert chart.bucket_at(-5) is None
