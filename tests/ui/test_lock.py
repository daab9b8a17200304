"""Locking SST Desk: on demand (Ctrl+L) and after idle time; unlocking keeps every window and unsaved edit.

The unlock dialog is modal, so each test prepares its answer before the lock (``person.answer_dialog``).
A test that makes the idle time short (50 ms) makes it run out once: the unlock restores the real idle
time (``idle_soon``), or the lock comes back 50 ms after every unlock and, with nobody to answer it,
waits for ever (that hung the suite on a busy machine).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QLineEdit, QMessageBox, QPlainTextEdit

from sst_desk.ui.common.lock import IdleLock, UnlockDialog
from sst_desk.workflow.codes import Level, RaisedBy, Stage
from sst_desk.workflow.entities import Case, Student

from person import NOW, PATIENCE_MS, answer_dialog, click, fill, find, open_window, shown_errors
from team import log_actions
from doors import door

PASSWORD = "ui-test-losenord"  # the database fixture's password for "testare"
TYPED = "Eleven berättar att rasterna är svåra."


@pytest.fixture
def locker(context):
    lock = IdleLock(context, 10)
    context.locker = lock
    yield lock
    lock.timer.stop()
    QApplication.instance().removeEventFilter(lock)
    context.locker = None
    lock.deleteLater()


def new_case(db) -> int:
    student = Student(first_name="Alva", last_name="Testsson", school="Ekbackeskolan", grade=7)
    return door(db).cases.add_case(Case(student=student, raised_on=NOW.date(), level=Level.NIVA_2,
                            raised_by=RaisedBy.ELEVHALSA)).id


@pytest.fixture
def typed_case(main_window, context):
    """A case window with text typed into "Reason", not saved."""
    window = open_window(main_window, new_case(context.db))
    window.stepper.setCurrentRow(Stage.AKTUALISERING.order)
    fill(window, "Reason", TYPED)
    assert window.isWindowModified()
    return window


def idle_soon(locker: IdleLock, ms: int = 50) -> None:
    """Let the idle time run out after ``ms``, once: the real idle time (10 minutes) is back the moment the
    lock is over, so no second lock follows the unlock while the test or its teardown runs."""
    def back_to_minutes() -> None:
        locker.timer.timeout.disconnect(back_to_minutes)
        locker.timer.setInterval(10 * 60_000)

    locker.timer.timeout.connect(back_to_minutes)
    locker.timer.setInterval(ms)
    locker.timer.start()


def on_screen(unlock_dialog) -> list[str]:
    """What can be read on screen besides the unlock dialog: window titles and the text in them."""
    shown: list[str] = []
    for window in QApplication.topLevelWidgets():
        if window.isVisible() and window is not unlock_dialog:
            shown.append(window.windowTitle())
            shown += [w.text() for kind in (QLabel, QLineEdit) for w in window.findChildren(kind)
                      if w.isVisible() and w.text()]
            shown += [w.toPlainText() for w in window.findChildren(QPlainTextEdit)
                      if w.isVisible() and w.toPlainText()]
    return shown


def unlock_with(*passwords: str, seen: dict | None = None) -> Callable[[QDialog], None]:
    """Answer the unlock dialog with each password in turn; record what was on screen in ``seen``."""
    def handler(dialog) -> None:
        assert isinstance(dialog, UnlockDialog), dialog
        if seen is not None:
            seen["visible"] = on_screen(dialog)
            seen["errors"] = []
        for password in passwords:
            fill(dialog, "Password", password)
            click(dialog, "Unlock")
            if seen is not None and dialog.isVisible():
                seen["errors"].append((shown_errors(dialog), find(dialog, "Password", QLineEdit).text()))
    return handler


def test_locking_hides_every_window_and_the_password_brings_them_back_unsaved(
        main_window, context, locker, typed_case):
    seen: dict = {}
    errors = answer_dialog(unlock_with("inte-mitt-lösen", PASSWORD, seen=seen))
    locker.lock()
    assert not errors, errors
    assert seen["visible"] == []  # neither the case list nor the case (with its typed text) shows
    assert seen["errors"] == [(["The password is wrong."], "")]
    assert main_window.isVisible() and typed_case.isVisible()
    assert find(typed_case, "Reason", QPlainTextEdit).toPlainText() == TYPED
    assert typed_case.isWindowModified()  # kept, not saved
    assert not locker.locked and locker.timer.isActive()
    actions = [action for action, _detail in log_actions(context.db)]
    lock_at = actions.index("lock")
    assert actions[lock_at:lock_at + 3] == ["lock", "sign_in_failed", "unlock"]
    assert door(context.db).cases.load_case(typed_case.case.id).reason != TYPED


def test_ctrl_l_locks_from_the_main_window_and_from_a_case_window(main_window, context, locker, typed_case, qtbot):
    for window in (main_window, typed_case):
        seen: dict = {}
        errors = answer_dialog(unlock_with(PASSWORD, seen=seen))
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
        assert not errors, errors
        assert seen["visible"] == [], window.windowTitle()
        assert main_window.isVisible() and typed_case.isVisible()
    assert [a for a, _ in log_actions(context.db)].count("lock") == 2


def test_the_lock_comes_by_itself_after_the_idle_time(main_window, context, locker, typed_case, qtbot):
    seen: dict = {}
    errors = answer_dialog(unlock_with(PASSWORD, seen=seen))
    idle_soon(locker)
    qtbot.waitUntil(lambda: "visible" in seen and not locker.locked, timeout=PATIENCE_MS)
    assert not errors, errors
    assert seen["visible"] == []
    assert typed_case.isVisible() and typed_case.isWindowModified()
    assert "lock" in [a for a, _ in log_actions(context.db)]


def test_input_restarts_the_idle_time(main_window, locker, qtbot):
    """Input starts the countdown again from the full idle time. (Was measured against 300 ms waits, which a
    busy machine stretches: now the countdown is stopped first, and only the input can start it again.)"""
    locker.timer.setInterval(60_000)
    for touch in (lambda: QTest.keyClick(main_window.search, Qt.Key.Key_A),
                  lambda: (QTest.mouseMove(main_window.table.viewport()),
                           QTest.mouseClick(main_window.table.viewport(), Qt.MouseButton.LeftButton))):
        locker.timer.stop()
        main_window.search.setFocus()
        touch()
        assert locker.timer.isActive() and locker.timer.remainingTime() > 50_000
    assert not locker.locked


def test_the_time_set_in_the_settings_is_used(context, locker):
    locker.set_minutes(3)
    assert locker.timer.interval() == 3 * 60_000
    locker.set_minutes(0)  # at least a minute: a zero would lock while the person types
    assert locker.timer.interval() == 60_000
    locker.set_minutes(500)
    assert locker.timer.interval() == 120 * 60_000


# --- a lock while a dialog waits for an answer ---------------------------------------------------------


def when_open(kind: type, handler: Callable[[QDialog], None], timeout_ms: int = 5000) -> list:
    """Run ``handler`` on the next modal dialog of type ``kind``; it may leave the dialog open."""
    return answer_dialog(handler, timeout_ms=timeout_ms, kind=kind, may_stay_open=True)


def test_an_idle_lock_during_the_save_question_keeps_the_question_and_the_edits(
        main_window, context, locker, typed_case, qtbot):
    """Regression: hiding a message box ends its exec() with no button: "Save?" counted as "Discard",
    and the case window closed without its typed text."""
    seen: dict = {}
    reports: list[list] = []

    def unlocked(dialog) -> None:
        unlock_with(PASSWORD, seen=seen)(dialog)
        reports.append(when_open(QMessageBox, lambda box: (seen.setdefault("question", box.text()),
                                                           box.button(QMessageBox.StandardButton.Cancel).click())))

    reports.append(when_open(UnlockDialog, unlocked))
    idle_soon(locker, 100)
    assert typed_case.close() is False  # the question comes; the idle lock comes while it waits
    qtbot.waitUntil(lambda: "question" in seen or any(reports), timeout=PATIENCE_MS)
    assert not any(reports), reports
    assert "Alva Testsson has unsaved changes" in seen["question"]
    assert seen["visible"] == ["SST Desk is locked"]  # the question's window, emptied while locked
    assert typed_case.isVisible() and typed_case.isWindowModified()
    assert find(typed_case, "Reason", QPlainTextEdit).toPlainText() == TYPED


def test_an_idle_lock_during_an_edit_keeps_what_was_typed_in_the_form(main_window, context, locker, qtbot):
    """Regression: hiding an open form ended it as if Cancel was pressed; what was typed in it was lost."""
    from sst_desk.ui.common.dialogs import RecordDialog
    from sst_desk.workflow.process import Move, apply, open_case

    case = Case(student=Student("Alva", "Testsson", "Ekbackeskolan"), raised_on=NOW.date(), criteria_met=True)
    open_case(case, by="testare", at=NOW)
    apply(case, Move.ENROL, by="testare", at=NOW)
    window = open_window(main_window, door(context.db).cases.add_case(case).id)
    window.stepper.setCurrentRow(Stage.INSKRIVNING.order)
    seen: dict = {}
    reports: list[list] = []

    def typing(form) -> None:
        fill(form, "Name", "Maja Testsson")
        idle_soon(locker)  # the person leaves the form open and walks away

    def unlocked(dialog) -> None:
        unlock_with(PASSWORD, seen=seen)(dialog)
        reports.append(when_open(RecordDialog, lambda form: (
            seen.setdefault("kept", find(form, "Name", QLineEdit).text()), click(form, "OK"))))

    reports.append(when_open(RecordDialog, typing))
    reports.append(when_open(UnlockDialog, unlocked))
    click(window, "Add guardian")
    qtbot.waitUntil(lambda: "kept" in seen or any(reports), timeout=PATIENCE_MS)
    assert not any(reports), reports
    assert seen["kept"] == "Maja Testsson"
    assert [g.name for g in window.case.student.guardians] == ["Maja Testsson"]
    assert window.isWindowModified()
    assert seen["visible"] == ["SST Desk is locked"]  # the form's window, emptied while locked


def test_quit_while_locked_asks_first_and_is_logged(main_window, context, locker, typed_case, monkeypatch):
    """A colleague who needs the laptop may quit SST Desk; unsaved edits are lost, so it asks first."""
    from person import accept_message_box

    quits: list[int] = []
    monkeypatch.setattr(type(QApplication.instance()), "exit", staticmethod(lambda code=0: quits.append(code)))
    seen: dict = {}

    def quit_twice(dialog) -> None:
        reports = accept_message_box(QMessageBox.StandardButton.No)
        click(dialog, "Quit SST Desk")
        seen["after no"] = (dialog.isVisible(), list(quits))
        seen["reports"] = [reports, accept_message_box(QMessageBox.StandardButton.Yes)]
        click(dialog, "Quit SST Desk")

    errors = answer_dialog(quit_twice)
    locker.lock()
    assert not errors and not any(seen["reports"]), (errors, seen["reports"])
    assert seen["after no"] == (True, [])
    assert quits == [0]
    assert [a for a, _ in log_actions(context.db)][-2:] == ["lock", "sign_out"]
