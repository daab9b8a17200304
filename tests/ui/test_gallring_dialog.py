"""Gallring and registerutdrag in the app: the team lead sees what is due, confirms by typing, and is told
what was done; a registerutdrag lands in the chosen folder."""

from __future__ import annotations

import datetime as dt
import json

from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QTableWidget

from sst_desk.persistence import accounts, backups
from sst_desk.ui.admin.extract_dialog import export_registerutdrag
from sst_desk.ui.admin.gallring_dialog import GallringDialog
from sst_desk.workflow.access import Role
from sst_desk.workflow.codes import Stage
from sst_desk.workflow.entities import Case, Guardian, Student

from person import PATIENCE_MS, answer_dialog, click, fill, find
from doors import door


def add_case(db, first: str, stage: Stage = Stage.AVSLUTAD, closed_on: dt.date | None = dt.date(2020, 5, 4)) -> int:
    student = Student(first_name=first, last_name="Testsson", school="Ekbackeskolan", grade=7,
                      guardians=[Guardian(name=f"{first}s mamma", relation="mamma", phone="070-123 45 67")])
    case = Case(student=student, raised_on=dt.date(2019, 9, 2), stage=stage, closed_on=closed_on,
                reason=f"Anledning för {first}")
    return door(db).cases.add_case(case).id


def sign_in_as(db, role: Role):
    db.actor = None  # raw storage access to make the account
    db.actor = accounts.add_user(db, f"user-{role.value}", f"Person {role.value}", role, "not-a-real-hash").actor()


def press_in_next_box(button: QMessageBox.StandardButton, seen: list[str]) -> list:
    """Press ``button`` in the next message box, once one is the active modal window."""

    def press(box: QMessageBox) -> None:
        seen.append(box.text())
        box.button(button).click()

    return answer_dialog(press, kind=QMessageBox)


def assert_labels_name_their_inputs(root) -> None:
    """House rule 9: an input's accessible name is its visible label; every input and button has a name."""
    for label in root.findChildren(QLabel):
        if label.buddy() is not None:
            assert label.buddy().accessibleName() == label.text()
    for widget in root.findChildren(QLineEdit) + root.findChildren(QPlainTextEdit) + root.findChildren(QPushButton):
        assert widget.accessibleName(), widget


def open_dialog(qtbot, main_window, context) -> GallringDialog:
    """The dialog once its list (read off the UI thread) is shown."""
    dialog = GallringDialog(context, main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.loading, timeout=PATIENCE_MS)
    return dialog


def gallra(qtbot, dialog) -> None:
    """Press "Gallra…" and wait until the gallring (off the UI thread) is over and told."""
    with qtbot.waitSignal(dialog.sig_gallring_done, timeout=PATIENCE_MS):
        click(dialog, "Gallra…")


def table_rows(dialog) -> list[list[str]]:
    table = find(dialog, "Cases due for gallring", QTableWidget, visible=False)
    return [[table.item(r, c).text() for c in range(3)] for r in range(table.rowCount())]


def test_the_lead_deletes_the_chosen_due_cases_after_typing_their_number(qtbot, main_window, context):
    db = context.db
    alva = add_case(db, "Alva")
    add_case(db, "Bo", closed_on=dt.date(2021, 1, 15))
    add_case(db, "Cia", closed_on=dt.date(2024, 6, 1))  # 5 years not yet over
    add_case(db, "Dan", stage=Stage.UPPFOLJNING, closed_on=None)
    backups.take_backup(db, backups.MANUAL)
    sign_in_as(db, Role.TEAMLEDARE)
    dialog = open_dialog(qtbot, main_window, context)
    assert table_rows(dialog) == [["Alva Testsson", "2020-05-04", "2025-05-04"],
                                  ["Bo Testsson", "2021-01-15", "2026-01-15"]]
    assert not find(dialog, "Gallra…").isEnabled()
    assert_labels_name_their_inputs(dialog)
    find(dialog, "Cases due for gallring", QTableWidget).selectRow(0)
    confirm_seen: list[str] = []

    def confirm(box) -> None:
        assert_labels_name_their_inputs(box)
        confirm_seen.append(find(box, "Cases to delete", QPlainTextEdit).toPlainText())
        fill(box, "Number of cases to delete", "2")
        click(box, "Delete for good")
        confirm_seen.append(find(box, "Number of cases to delete", QLineEdit).accessibleDescription())
        fill(box, "Number of cases to delete", "1")
        click(box, "Delete for good")

    done: list[str] = []
    errors = answer_dialog(confirm)
    press_in_next_box(QMessageBox.StandardButton.Ok, done)
    gallra(qtbot, dialog)
    assert not errors, errors
    assert confirm_seen == ["Alva Testsson – case 1, closed 2020-05-04",
                            "Type 1, the number of cases, to confirm."]
    assert done and done[0].startswith("Cases deleted: 1. Students deleted (they had no other case): 1. "
                                       "A new backup was taken; older backups deleted: 1.")
    assert find(dialog, "Result", QLabel).text() == done[0]
    assert table_rows(dialog) == [["Bo Testsson", "2021-01-15", "2026-01-15"]]
    assert not find(dialog, "Gallra…").isEnabled()  # nothing is chosen for the next round
    db.actor = None
    assert sorted(r.student_name for r in door(db).cases.case_rows(dt.date(2026, 11, 22))) == [
        "Bo Testsson", "Cia Testsson", "Dan Testsson"]
    assert alva not in [r.case_id for r in door(db).cases.case_rows(dt.date(2026, 11, 22))]
    dialog.grab().save("/tmp/gallring-dialog-after.png")


def test_cancelling_the_confirmation_deletes_nothing(qtbot, main_window, context):
    add_case(context.db, "Alva")
    sign_in_as(context.db, Role.TEAMLEDARE)
    dialog = open_dialog(qtbot, main_window, context)
    click(dialog, "Select all")
    errors = answer_dialog(lambda box: click(box, "Cancel"))
    click(dialog, "Gallra…")
    assert not errors, errors
    assert len(table_rows(dialog)) == 1


def test_someone_who_is_not_the_team_lead_is_told_so(qtbot, main_window, context):
    add_case(context.db, "Alva")
    sign_in_as(context.db, Role.KURATOR)
    dialog = open_dialog(qtbot, main_window, context)
    assert "Only a team lead can see and carry out gallring." in [w.text() for w in dialog.findChildren(QLabel)
                                                                  if w.isVisible()]
    assert not find(dialog, "Gallra…").isEnabled() and not find(dialog, "Select all").isEnabled()


def written(qtbot, export):
    """What a registerutdrag written in the background ended with: (pdf, json), or None."""
    qtbot.waitUntil(lambda: export.done, timeout=PATIENCE_MS)
    return export.result


def test_a_registerutdrag_is_written_to_the_chosen_folder(qtbot, main_window, context, tmp_path):
    case_id = add_case(context.db, "Alva")
    seen: list[str] = []
    press_in_next_box(QMessageBox.StandardButton.Ok, seen)
    pdf, machine = written(qtbot, export_registerutdrag(main_window, context, case_id, tmp_path))
    assert pdf.parent == machine.parent == tmp_path
    assert pdf.read_bytes().startswith(b"%PDF")
    data = json.loads(machine.read_text("utf-8"))
    assert data["student"]["first_name"] == "Alva"
    assert "070-123 45 67" not in machine.read_text("utf-8")
    assert seen and str(tmp_path) in seen[0] and pdf.name in seen[0]


def test_a_worker_without_access_is_refused_a_registerutdrag(qtbot, main_window, context, tmp_path):
    case_id = add_case(context.db, "Alva")
    sign_in_as(context.db, Role.KURATOR)  # not a member of the case
    seen: list[str] = []
    press_in_next_box(QMessageBox.StandardButton.Ok, seen)
    folder = tmp_path / "utdrag"
    folder.mkdir()
    assert written(qtbot, export_registerutdrag(main_window, context, case_id, folder)) is None
    assert seen and seen[0].startswith("You may not make a registerutdrag for this student.")
    assert list(folder.iterdir()) == []


def test_an_interrupted_gallring_is_finished_when_the_dialog_opens(qtbot, main_window, context):
    """What broke (issue 10): an interrupted gallring left old backups behind and the dialog said only
    "No case is due". Now it finishes the purge first and says so."""
    import sqlalchemy as sa

    from sst_desk.persistence.gallring import PENDING_KEY, PendingPurge, pending
    from sst_desk.persistence.mapping import database_meta

    db = context.db
    old = backups.take_backup(db, backups.MANUAL)
    with db.uow() as uow:  # what a gallring killed right after its deletion leaves
        uow.session.execute(sa.insert(database_meta).values(
            key=PENDING_KEY, value=PendingPurge([1], "2026-11-22T08:00:00+00:00", database=db.path.name).to_json()))
        uow.commit()
    sign_in_as(db, Role.TEAMLEDARE)
    dialog = open_dialog(qtbot, main_window, context)
    assert "An interrupted gallring was finished: older backups deleted: 1." in find(dialog, "Result", QLabel).text()
    assert not old.exists() and pending(db) is None
    assert [b.kind for b in backups.list_backups(db.path)] == [backups.AUTO]
    dialog.grab().save("/tmp/shots_dlg/gallring-resumed.png")
