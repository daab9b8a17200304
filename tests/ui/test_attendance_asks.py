"""The questions the attendance import asks when a file cannot settle its date order, school year or period."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMessageBox, QWidget

from person import answer_dialog, click, fill, find

SHOTS = Path("/tmp/shots_ui")
TODAY = dt.date(2026, 11, 20)


def shot(dialog: QDialog, name: str) -> None:
    QApplication.processEvents()
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / name))


def test_both_readings_of_an_ambiguous_date():
    from sst_desk.ui.attendance.asks import both_readings

    assert both_readings("11/2/2026") == (dt.date(2026, 2, 11), dt.date(2026, 11, 2))
    assert both_readings("3.4.26") == (dt.date(2026, 4, 3), dt.date(2026, 3, 4))
    assert both_readings("13/2/2026") == (dt.date(2026, 2, 13), None)
    assert both_readings("v. 46") == (None, None)


def test_the_date_order_is_asked_with_the_example_read_both_ways(qtbot):
    from sst_desk.importers.attendance_spec import DateOrder, ImportOptions, ProblemCode, RowProblem
    from sst_desk.ui.attendance.asks import ask

    parent = QWidget()
    qtbot.addWidget(parent)
    seen: dict = {}

    def pick_november(box: QDialog) -> None:
        assert isinstance(box, QMessageBox)
        seen["text"] = box.text()
        seen["buttons"] = [b.text() for b in box.buttons()]
        shot(box, "ask_date_order.png")
        click(box, "2 November 2026")

    errors = answer_dialog(pick_november)
    options = ask(parent, RowProblem(0, ProblemCode.DATE_ORDER_AMBIGUOUS, value="11/2/2026"),
                  ImportOptions(skip_duplicates=True), TODAY)
    assert not errors, errors
    assert "11/2/2026" in seen["text"]
    assert "11 February 2026" in seen["buttons"] and "2 November 2026" in seen["buttons"]
    assert options == ImportOptions(date_order=DateOrder.MDY, skip_duplicates=True)


def test_cancelling_the_date_order_question_reads_nothing(qtbot):
    from sst_desk.importers.attendance_spec import ImportOptions, ProblemCode, RowProblem
    from sst_desk.ui.attendance.asks import ask

    parent = QWidget()
    qtbot.addWidget(parent)
    errors = answer_dialog(lambda box: click(box, "Cancel"))
    assert ask(parent, RowProblem(0, ProblemCode.DATE_ORDER_AMBIGUOUS, value="1/2/2026"), ImportOptions(),
               TODAY) is None
    assert not errors, errors


def test_the_school_year_is_chosen_as_a_lasar(qtbot):
    from sst_desk.importers.attendance_spec import ImportOptions, ProblemCode, RowProblem
    from sst_desk.ui.attendance.asks import SchoolYearDialog, ask

    parent = QWidget()
    qtbot.addWidget(parent)

    def choose(dialog: QDialog) -> None:
        assert isinstance(dialog, SchoolYearDialog)
        assert find(dialog, "School year").currentText() == "2026/27"  # the läsår running on TODAY
        shot(dialog, "ask_school_year.png")
        fill(dialog, "School year", "2025/26")
        click(dialog, "OK")

    errors = answer_dialog(choose)
    options = ask(parent, RowProblem(0, ProblemCode.WEEK_YEAR_UNKNOWN), ImportOptions(), TODAY)
    assert not errors, errors
    assert options == ImportOptions(school_year=2025)


def test_a_period_that_ends_before_it_starts_is_refused_in_the_question(qtbot):
    from sst_desk.importers.attendance_spec import ImportOptions, ProblemCode, RowProblem
    from sst_desk.ui.attendance.asks import PeriodDialog, ask

    parent = QWidget()
    qtbot.addWidget(parent)
    said: list[str] = []

    def give(dialog: QDialog) -> None:
        assert isinstance(dialog, PeriodDialog)
        find(dialog, "Period from").setDate(dt.date(2026, 8, 17))
        find(dialog, "Period to").setDate(dt.date(2026, 8, 1))
        click(dialog, "OK")
        assert dialog.isVisible()
        said.append(find(dialog, "Period problem", QLabel).text())
        shot(dialog, "ask_period_refused.png")
        find(dialog, "Period to").setDate(dt.date(2026, 12, 18))
        click(dialog, "OK")

    errors = answer_dialog(give)
    options = ask(parent, RowProblem(0, ProblemCode.PERIOD_UNKNOWN), ImportOptions(), TODAY)
    assert not errors, errors
    assert said == ["The period ends before it starts."]
    assert options == ImportOptions(period=(dt.date(2026, 8, 17), dt.date(2026, 12, 18)))
