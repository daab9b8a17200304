"""Issue 10: a registerutdrag from the window names its files by case number, asks before replacing one, and is
logged only once written."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from person import PATIENCE_MS
from sst_desk.ui.admin.extract_dialog import export_registerutdrag
from sst_desk.workflow.codes import Stage
from sst_desk.workflow.entities import Case, Student
from doors import door


def add_case(db, first: str, school: str) -> int:
    student = Student(first_name=first, last_name="Testsson", school=school, grade=7)
    case = Case(student=student, raised_on=dt.date(2026, 9, 2), stage=Stage.AKTUALISERING, reason="Frånvaro")
    return door(db).cases.add_case(case).id


def press_in_next_boxes(buttons: list[QMessageBox.StandardButton], seen: list[str]) -> None:
    """Press each of ``buttons`` in the next message boxes, as each becomes the active modal window."""

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, poll)
            return
        seen.append(box.text())
        box.button(buttons.pop(0)).click()
        if buttons:
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


def exports_logged(context) -> int:
    from doors import door

    actor, context.db.actor = context.db.actor, None  # raw storage access: reading the log is not the worker's
    try:
        return len(door(context.db).accesslog.query_log(action="export"))
    finally:
        context.db.actor = actor


def written(qtbot, export):
    """What a registerutdrag written in the background ended with: (pdf, json), or None."""
    qtbot.waitUntil(lambda: export.done, timeout=PATIENCE_MS)
    return export.result


def test_two_students_with_the_same_name_and_a_second_extract_of_the_same_case(qtbot, main_window, context,
                                                                               tmp_path):
    """Regression: the files were named by the student's name, so a second "Ella Testsson" replaced the first one's
    registerutdrag without a word. Now: named by case number; the same case twice on one day asks first."""
    first, second = add_case(context.db, "Ella", "Ekbackeskolan"), add_case(context.db, "Ella", "Norrskolan")
    seen: list[str] = []
    press_in_next_boxes([QMessageBox.StandardButton.Ok], seen)
    one = written(qtbot, export_registerutdrag(main_window, context, first, tmp_path))
    press_in_next_boxes([QMessageBox.StandardButton.Ok], seen)
    two = written(qtbot, export_registerutdrag(main_window, context, second, tmp_path))
    assert one is not None and two is not None
    assert {p.name for p in (*one, *two)} == {f"Registerutdrag ärende {case} {context.now().date()}.{ext}"
                                             for case in (first, second) for ext in ("pdf", "json")}
    logged = exports_logged(context)
    kept = one[0].read_bytes()

    press_in_next_boxes([QMessageBox.StandardButton.No], seen)  # "already there: replace it?" — no
    assert written(qtbot, export_registerutdrag(main_window, context, first, tmp_path)) is None
    assert seen[-1].startswith("A registerutdrag of this case made today is already in ")
    assert one[0].read_bytes() == kept and exports_logged(context) == logged  # nothing written, nothing logged

    press_in_next_boxes([QMessageBox.StandardButton.Yes, QMessageBox.StandardButton.Ok], seen)
    assert written(qtbot, export_registerutdrag(main_window, context, first, tmp_path)) is not None
    assert exports_logged(context) == logged + 1
