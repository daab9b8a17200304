""""Nytt ärende" as a new user met it (issue 10): a duplicate across the register, Escape with typed data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from sst_desk.workflow.entities import Case, Student
from sst_desk.workflow.process import open_case

from person import NOW, answer_dialog, click, fill, find
from doors import door

PID = "20121212-1212"


def _case_of_a_colleague(db) -> None:
    """A kurator's case for the student with ``PID``; Tess (the signed-in skolsocionom) cannot see it."""
    from sst_desk.persistence import accounts
    from sst_desk.security import signin
    from sst_desk.workflow.access import Role

    tess = db.actor
    db.actor = accounts.find_user(db, "admin").actor()
    eva = signin.add_account(db, "eva", "Eva Kurator", Role.KURATOR, "Kanelbulle-Trappsteg-7931")
    db.actor = eva.actor()
    case = Case(student=Student("Hemlig", "Elevsson", "Ekbackens skola", personal_id=PID), raised_on=NOW.date())
    open_case(case, by="eva", at=NOW)
    door(db).cases.add_case(case)
    db.actor = tess


def _type_student(dialog) -> None:
    for name, value in {"First name": "Kim", "Last name": "Testsson", "School": "Ekbackens skola",
                        "Personal identity number": "121212-1212"}.items():
        fill(dialog, name, value)


def test_a_student_with_a_case_the_worker_cannot_see_is_not_registered_twice(main_window, context):
    """What broke: the duplicate warning looked only at the person's own cases, so a kurator's student
    was registered a second time. The warning names no other case: the worker may not see it."""
    _case_of_a_colleague(context.db)
    assert door(context.db).cases.case_rows(NOW.date()) == []  # Tess sees none of it
    said: list[str] = []

    def handler(dialog) -> None:
        _type_student(dialog)
        answer_dialog(lambda box: (said.append(box.text()), box.button(QMessageBox.StandardButton.Ok).click()))
        click(dialog, "Create case")
        assert dialog.isVisible(), "the dialog stays open with what was typed"
        dialog.reject()

    errors = answer_dialog(handler)
    main_window.new_action.trigger()
    assert not errors, errors
    assert said == ["The student already has a case in the team. Ask the team lead before you register "
                    "the student again."]
    assert "Hemlig" not in said[0] and "Eva" not in said[0]
    context.db.actor = None  # raw access: count every case in the register
    assert len(door(context.db).cases.case_rows(NOW.date())) == 1


def test_a_new_student_is_still_created(main_window, context):
    """The register-wide check lets a student nobody has registered through."""
    def handler(dialog) -> None:
        _type_student(dialog)
        click(dialog, "Create case")

    errors = answer_dialog(handler)
    main_window.new_action.trigger()
    assert not errors, errors
    assert [r.personal_id for r in door(context.db).cases.case_rows(NOW.date())] == [PID]


def test_escape_in_a_new_case_with_typed_data_asks_before_discarding(main_window, context, qtbot):
    """What broke: Escape in "Nytt ärende" threw the typed data away without asking."""
    from sst_desk.ui.case.new_case import NewCaseDialog

    dialog = NewCaseDialog(context, main_window)
    dialog.show()
    fill(dialog, "First name", "Kim")
    asked: list[str] = []
    errors = answer_dialog(lambda box: (asked.append(box.text()), box.button(QMessageBox.StandardButton.Cancel).click()))
    qtbot.keyClick(find(dialog, "First name"), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: bool(asked) or bool(errors))
    assert not errors, errors
    assert asked == ["What you typed in the new case will be lost. Discard it?"]
    assert dialog.isVisible() and find(dialog, "First name").text() == "Kim"
    errors = answer_dialog(lambda box: box.button(QMessageBox.StandardButton.Discard).click())
    qtbot.keyClick(find(dialog, "First name"), Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert not errors, errors
    assert dialog.result() == NewCaseDialog.DialogCode.Rejected
    dialog.deleteLater()


def test_escape_in_an_empty_new_case_closes_at_once(main_window, context, qtbot):
    """Nothing typed, nothing to lose: no question."""
    from sst_desk.ui.case.new_case import NewCaseDialog

    dialog = NewCaseDialog(context, main_window)
    dialog.show()
    qtbot.keyClick(find(dialog, "First name"), Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    dialog.deleteLater()
