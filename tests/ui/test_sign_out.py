"""Arkiv → Logga ut: a colleague signs in without SST Desk being quit (issue 10).

What broke: there was no way to sign out; the only way to let a colleague in was to quit the app.
"""

from __future__ import annotations

import shiboken6

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from sst_desk.workflow.entities import Case, Student
from sst_desk.workflow.process import open_case

from conftest import UI_PASSWORD
from person import NOW, answer_dialog, fill, open_window
from doors import door

NEW_PASSWORD = "Kanelbulle-Trappsteg-7931"


def _open_edited_case(main_window, context):
    case = Case(student=Student("Kim", "Testsson", "Ekbackens skola"), raised_on=NOW.date())
    open_case(case, by="testare", at=NOW)
    window = open_window(main_window, door(context.db).cases.add_case(case).id)
    fill(window, "School", "Ekbackeskolan")
    assert window.isWindowModified()
    return window


def _log_actions(db) -> list[str]:
    import sqlalchemy as sa

    from sst_desk.persistence.mapping import access_log

    with db.uow() as uow:
        return [r.action for r in uow.session.execute(sa.select(access_log.c.action).order_by(access_log.c.seq))]


def test_sign_out_asks_about_unsaved_changes_and_cancel_keeps_everything(main_window, context):
    window = _open_edited_case(main_window, context)
    signed_out: list[bool] = []
    main_window.sig_signed_out.connect(lambda: signed_out.append(True))
    errors = answer_dialog(lambda box: box.button(QMessageBox.StandardButton.Cancel).click(), kind=QMessageBox)
    main_window.sign_out_action.trigger()
    assert not errors, errors
    assert signed_out == [] and context.db.actor is not None
    assert window.isVisible() and main_window.isVisible()


def test_sign_out_closes_the_cases_logs_it_and_forgets_who_was_signed_in(main_window, context):
    window = _open_edited_case(main_window, context)
    signed_out: list[bool] = []
    main_window.sig_signed_out.connect(lambda: signed_out.append(True))
    errors = answer_dialog(lambda box: box.button(QMessageBox.StandardButton.Discard).click(), kind=QMessageBox)
    main_window.sign_out_action.trigger()
    assert not errors, errors
    assert signed_out == [True]
    assert context.db.actor is None
    # The sign-out is logged in the background, and the closed case window (deleted on close) may be gone by now.
    assert not shiboken6.isValid(window) or not window.isVisible()
    assert not main_window.isVisible() and main_window.case_windows == {}
    assert _log_actions(context.db)[-1] == "sign_out"
    assert door(context.db).cases.load_case(window.case.id).student.school == "Ekbackens skola"  # discarded, as answered


def test_after_signing_out_the_next_person_signs_in_in_the_same_process(qtbot, database, tmp_path):
    """The app's loop (``run_session``): sign out in the menu, the real sign-in dialog comes back (and is not
    ended at once by a Quit left over from the closed window), a colleague signs in and works."""
    from sst_desk.app import run_session
    from sst_desk.security import signin
    from sst_desk.settings import Settings
    from sst_desk.ui.caselist.main_window import MainWindow
    from sst_desk.ui.accounts.signin_dialog import SignInDialog, sign_in_for_window
    from sst_desk.ui.common.startup import open_for_window

    from person import click

    signin.change_own_password(database, UI_PASSWORD, NEW_PASSWORD, NEW_PASSWORD)  # no forced change now
    check = signin.sign_in(database.path, "admin", UI_PASSWORD)
    assert not signin.must_change_password(check)
    check.close()
    settings = Settings.from_file(str(tmp_path / "settings.ini"))
    file = database.path
    asked: list[str] = []

    def sign_in_again():
        asked.append("sign-in dialog")
        if len(asked) > 1:
            return None
        return sign_in_for_window(str(file), settings, file, lambda key: open_for_window(str(file), settings, key))

    seen: list[str] = []
    waited = [0]

    def person_at_the_laptop() -> None:
        waited[0] += 1
        if waited[0] > 1500:  # 30 s: never hang the run
            QApplication.exit(2)
            return
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, SignInDialog) and "sign-in" not in seen:
            seen.append("sign-in")
            fill(dialog, "User name", "admin")
            fill(dialog, "Password", UI_PASSWORD)
            click(dialog, "Sign in")
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if windows:
            window = windows[0]
            who = window.context.db.actor.username if window.context.db.actor is not None else ""
            if who == "testare" and "testare" not in seen:
                seen.append(who)
                window.sign_out_action.trigger()  # Arkiv → Logga ut
            elif who == "admin":
                seen.append(who)
                window.close()  # Arkiv → Avsluta: the app ends
                return
        QTimer.singleShot(20, person_at_the_laptop)

    QTimer.singleShot(0, person_at_the_laptop)
    code = run_session(QApplication.instance(), settings, database, sign_in_again)
    assert code == 0
    assert seen == ["testare", "sign-in", "admin"]
    assert asked == ["sign-in dialog"]
    # nothing left behind that would end the next dialog at once
    from PySide6.QtWidgets import QDialog

    answered = answer_dialog(lambda d: d.accept())
    probe = QDialog()
    assert probe.exec() == QDialog.DialogCode.Accepted, answered
    probe.deleteLater()
