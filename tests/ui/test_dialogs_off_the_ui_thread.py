"""The dialogs that used to read or write on the UI thread now do it in the background (issue 13: on a team
server every call is a network call, and one on the UI thread freezes the window for as long as it waits).

Every SQL statement is noted with the thread it runs on (SQLAlchemy's ``before_cursor_execute``) while a
person works through the users dialog, the access log's review (its choices, sample checks, the kept
head, an access history), the lock and unlock, a password change and a sign-out: none may be the UI thread.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
import sqlalchemy as sa
from PySide6.QtWidgets import QMessageBox

from person import PATIENCE_MS, answer_dialog, click, fill_dialog, select_row
from team import ADMIN_PW, context_for, make_team, use_cheap


@pytest.fixture(autouse=True)
def _cheap():
    use_cheap()


@contextmanager
def statements_on_the_ui_thread(_db) -> Iterator[list[str]]:
    """The statements run on the UI thread inside the block (the list is filled as they run).

    Every engine is watched: a switch-off re-keys the database, which reopens it with a new engine.
    """
    on_ui: list[str] = []
    seen: list[str] = []

    def note(_conn, _cursor, statement, _parameters, _context, _many) -> None:
        seen.append(statement)
        if threading.current_thread() is threading.main_thread():
            on_ui.append(statement)

    sa.event.listen(sa.engine.Engine, "before_cursor_execute", note)
    try:
        yield on_ui
    finally:
        sa.event.remove(sa.engine.Engine, "before_cursor_execute", note)
    assert seen, "the block ran no statement: it tested nothing"


@pytest.fixture
def team(qapp, tmp_path):
    db, people = make_team(tmp_path)
    yield context_for(db, tmp_path), people
    db.close()


def test_the_users_dialog_reads_and_changes_accounts_in_the_background(team, qtbot):
    from sst_desk.ui.accounts.users_dialog import UsersDialog, open_users

    context, _people = team
    with statements_on_the_ui_thread(context.db) as on_ui:
        errors = answer_dialog(lambda d: d.reject(), kind=UsersDialog)
        open_users(None, context)  # the accounts are read before the dialog shows
        assert not errors, errors
        dialog = UsersDialog(context, None)
        qtbot.addWidget(dialog)
        dialog.show()
        errors = answer_dialog(fill_dialog({"User name": "fia", "Full name": "Fia Dahl", "Role": "Kurator / specialpedagog",
                                            "First password": "välkommen-hit-7", "Repeat the password": "välkommen-hit-7"},
                                           ok="Add user"))
        click(dialog, "Add user…")
        assert not errors, errors
        select_row(dialog, "Users", "Fia Dahl")
        errors = answer_dialog(fill_dialog({"Full name": "Fia Dahl-Berg"}))
        click(dialog, "Edit…")
        assert not errors, errors
        errors = answer_dialog(lambda box: box.button(QMessageBox.StandardButton.Yes).click(), kind=QMessageBox)
        informed = answer_dialog(lambda box: box.accept(), kind=QMessageBox)
        click(dialog, "Switch off")
        assert not errors and not informed, (errors, informed)
    assert on_ui == [], on_ui[:5]
    assert [u.display_name for u in dialog.users if not u.active] == ["Fia Dahl-Berg"]


def test_the_lock_and_a_password_change_check_the_password_in_the_background(team, qtbot):
    from sst_desk.ui.accounts.password_dialog import ChangePasswordDialog
    from sst_desk.ui.common.lock import IdleLock, UnlockDialog

    context, _people = team
    lock = IdleLock(context, 10)
    try:
        with statements_on_the_ui_thread(context.db) as on_ui:
            errors = answer_dialog(fill_dialog({"Password": ADMIN_PW}, ok="Unlock"), kind=UnlockDialog)
            lock.lock()
            assert not errors, errors
            assert not lock.locked
            errors = answer_dialog(fill_dialog({"Current password": ADMIN_PW, "New password": "nytt-lösen-för-ada-9",
                                                "Repeat the new password": "nytt-lösen-för-ada-9"},
                                               ok="Change password"), kind=ChangePasswordDialog)
            from sst_desk.ui.accounts.password_dialog import change_password

            assert change_password(None, context)
            assert not errors, errors
    finally:
        lock.stop()
        lock.timer.stop()
    assert on_ui == [], on_ui[:5]


def test_the_log_review_reads_its_choices_sample_checks_and_head_in_the_background(qapp, tmp_path, qtbot,
                                                                                   monkeypatch):
    from sst_desk.app import build_context
    from sst_desk.security import signin
    from sst_desk.settings import Settings
    from sst_desk.ui.accesslog.review import LogReviewDialog
    from sst_desk.ui.accesslog.sample_check import SampleCheckDialog
    from sst_desk.workflow.access import Role

    admin = signin.create_first_administrator(tmp_path / "log.sqlite3", "admin", "Ada Admin", ADMIN_PW)
    signin.add_account(admin, "lena", "Lena Ledare", Role.TEAMLEDARE, ADMIN_PW)
    from sst_desk.persistence import accounts

    lead = accounts.find_user(admin, "lena")
    accounts.set_password_hash(admin, lead.id, lead.password_hash, must_change_password=False, reset=False)
    admin.close()
    db = signin.sign_in(tmp_path / "log.sqlite3", "lena", ADMIN_PW)
    try:
        context = build_context(db, Settings.from_file(str(tmp_path / "settings.ini")))
        context.clock = lambda: dt.datetime.now(dt.UTC)
        head_file = tmp_path / "head.txt"
        with statements_on_the_ui_thread(db) as on_ui:
            dialog = LogReviewDialog(context)
            qtbot.addWidget(dialog)
            dialog.show()
            qtbot.waitUntil(lambda: not dialog.searching and dialog._samples_loaded, timeout=PATIENCE_MS)
            monkeypatch.setattr(dialog, "choose_save_path", lambda *_args: str(head_file))
            with qtbot.waitSignal(dialog.sig_verified, timeout=PATIENCE_MS):
                click(dialog, "Export head…")
            qtbot.waitUntil(head_file.exists, timeout=PATIENCE_MS)

            def draw_and_save(sample: SampleCheckDialog) -> None:
                click(sample, "Draw entries")
                click(sample, "Save sample check")

            errors = answer_dialog(draw_and_save, kind=SampleCheckDialog)
            click(dialog, "Sample check…")
            assert not errors, errors
            dialog.done(0)
        assert on_ui == [], on_ui[:5]
        assert head_file.read_text(encoding="utf-8").strip()
    finally:
        db.close()


def test_signing_out_is_logged_in_the_background(main_window, context, qtbot):
    with statements_on_the_ui_thread(context.db) as on_ui:
        assert main_window.sign_out()
    assert on_ui == [], on_ui[:5]
