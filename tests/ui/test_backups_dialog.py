"""Arkiv → Säkerhetskopior: "Back up now" adds a line; "Restore…" asks, closes the case windows and restores."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QMessageBox, QTableWidget

from sst_desk.persistence import backups
from sst_desk.workflow.codes import Level, RaisedBy
from sst_desk.workflow.entities import Case, Student

from person import NOW, PATIENCE_MS, answer_dialog, click, find, open_window, reload
from doors import door


def add_case(context, first: str) -> int:
    student = Student(first_name=first, last_name="Testsson", school="Ekbackeskolan", grade=7)
    case = Case(student=student, raised_on=NOW.date(), level=Level.NIVA_2, raised_by=RaisedBy.ELEVHALSA)
    return door(context.db).cases.add_case(case).id


def names(context) -> list[str]:
    """Every student in the database (raw storage access: whoever is signed in)."""
    actor, context.db.actor = context.db.actor, None
    try:
        return sorted(row.student_name for row in door(context.db).cases.case_rows(dt.date(2026, 11, 22)))
    finally:
        context.db.actor = actor


def as_administrator(context) -> None:
    """Restoring is the administrator's (BACKUPS × EDIT); the worker's case windows stay open meanwhile."""
    from sst_desk.persistence import accounts

    context.db.actor = accounts.find_user(context.db, "admin").actor()


def answer_box(button: QMessageBox.StandardButton, seen: list[str], *, then=None) -> list:
    """Press ``button`` in the next message box (the backups dialog is already modal, so wait for a box)."""

    def press(box: QMessageBox) -> None:
        seen.append(box.text())
        if then is not None:
            then()
        box.button(button).click()

    return answer_dialog(press, kind=QMessageBox)


def press_and_wait(qtbot, dialog, button: str) -> None:
    """Press "Back up now" or "Restore…" and wait until the work (off the UI thread) is over and told."""
    with qtbot.waitSignal(dialog.sig_finished, timeout=PATIENCE_MS):
        click(dialog, button)


def rows(dialog) -> int:
    return find(dialog, "Backups", QTableWidget).rowCount()


def test_back_up_now_adds_a_line(qtbot, main_window, context):
    add_case(context, "Alva")
    as_administrator(context)  # a copy of every case: administrators and team leads (the service checks)
    counts: list[int] = []

    def handler(dialog) -> None:
        counts.append(rows(dialog))
        press_and_wait(qtbot, dialog, "Back up now")
        counts.append(rows(dialog))
        table = find(dialog, "Backups", QTableWidget)
        counts.append(table.item(0, 1).text())
        click(dialog, "Close")

    errors = answer_dialog(handler)
    main_window.show_backups()
    assert not errors, errors
    assert counts == [0, 1, "Manual"]
    (made,) = backups.list_backups(context.db.path)
    assert made.kind == backups.MANUAL and backups.integrity_problems(made.path, context.db.key) == []


def test_restore_asks_closes_the_case_windows_and_restores(qtbot, main_window, context):
    add_case(context, "Alva")
    backups.take_backup(context.db, backups.MANUAL)
    bo = add_case(context, "Bo")
    reload(main_window)
    open_window(main_window, bo)
    old_db = context.db
    seen: list[str] = []
    as_administrator(context)

    def handler(dialog) -> None:
        assert rows(dialog) == 1
        answer_box(QMessageBox.StandardButton.Yes, seen,
                   then=lambda: answer_box(QMessageBox.StandardButton.Ok, seen))
        press_and_wait(qtbot, dialog, "Restore…")
        assert rows(dialog) == 2  # the backup and the copy made before restoring
        click(dialog, "Close")

    errors = answer_dialog(handler)
    main_window.show_backups()
    assert not errors, errors
    assert seen[0].startswith("Replace the database with the backup from ")
    assert seen[1].startswith("The backup from ") and seen[1].endswith(" was restored.")
    assert main_window.case_windows == {}
    assert context.db is not old_db and names(context) == ["Alva Testsson"]
    assert context.db.actor is not None and context.db.actor.username == "admin"  # still signed in
    reload(main_window)
    assert main_window.model.rowCount() == 0  # the administrator reads no cases
    kinds = sorted(info.kind for info in backups.list_backups(context.db.path))
    assert kinds == [backups.MANUAL, backups.PRE_RESTORE]


def test_no_restore_while_a_case_window_keeps_unsaved_work(main_window, context):
    add_case(context, "Alva")
    backups.take_backup(context.db, backups.MANUAL)
    bo = add_case(context, "Bo")
    window = open_window(main_window, bo)
    window.setWindowModified(True)
    seen: list[str] = []
    as_administrator(context)

    def handler(dialog) -> None:
        # Yes to "replace?", Cancel to the case window's "save?", OK to "nothing was restored".
        answer_box(QMessageBox.StandardButton.Yes, seen, then=lambda: answer_box(
            QMessageBox.StandardButton.Cancel, seen, then=lambda: answer_box(QMessageBox.StandardButton.Ok, seen)))
        click(dialog, "Restore…")
        click(dialog, "Close")

    errors = answer_dialog(handler)
    main_window.show_backups()
    assert not errors, errors
    assert seen[2] == "Nothing was restored: a case window is still open."
    assert bo in main_window.case_windows
    assert names(context) == ["Alva Testsson", "Bo Testsson"]
    assert [info.kind for info in backups.list_backups(context.db.path)] == [backups.MANUAL]


def test_only_an_administrator_or_a_team_lead_may_restore(main_window, context):
    add_case(context, "Alva")
    backups.take_backup(context.db, backups.MANUAL)
    state: list[tuple[bool, str]] = []

    def handler(dialog) -> None:
        dialog.table.selectRow(0)
        state.append((dialog.restore_button.isEnabled(), dialog.restore_button.toolTip()))
        click(dialog, "Close")

    errors = answer_dialog(handler)
    main_window.show_backups()  # as the skolsocionom
    assert not errors, errors
    assert state == [(False, "Only an administrator or a team lead can restore a backup.")]


def test_a_team_lead_restores_and_the_restore_is_logged_in_the_restored_database(qtbot, main_window, context):
    """Regression (issue 10): a restore was logged only when the account was in the restored database, so a
    restore could roll the access log back unseen; the team lead could not restore at all. Now the window goes
    through the command line's door (``restore.restore_as``): logged before, and in the restored log."""
    from sst_desk.persistence import accounts
    from doors import door
    from sst_desk.security import signin
    from sst_desk.workflow.access import Role

    worker = context.db.actor
    as_administrator(context)
    lead = signin.add_account(context.db, "ledare", "Lea Ledare", Role.TEAMLEDARE, "Lugn-Tofsvipa-Kvarn-42")
    context.db.actor = worker
    add_case(context, "Alva")
    backups.take_backup(context.db, backups.MANUAL)
    add_case(context, "Bo")
    context.db.actor = accounts.find_user(context.db, "ledare").actor()
    assert lead.username == "ledare"
    seen: list[str] = []

    def handler(dialog) -> None:
        answer_box(QMessageBox.StandardButton.Yes, seen, then=lambda: answer_box(QMessageBox.StandardButton.Ok, seen))
        press_and_wait(qtbot, dialog, "Restore…")
        click(dialog, "Close")

    errors = answer_dialog(handler)
    main_window.show_backups()
    assert not errors, errors
    assert seen[1].endswith(" was restored."), seen
    assert names(context) == ["Alva Testsson"]
    restores = door(context.db).accesslog.query_log(action="restore")  # newest first; the team lead reads the log
    assert [(r.username, r.detail.split(" manual-")[0]) for r in restores] == [
        ("ledare", "restored from the backup")]  # appended to the restored database's own log
    (pre,) = [info for info in backups.list_backups(context.db.path) if info.kind == backups.PRE_RESTORE]
    assert pre.path.exists()
