"""The slow administrative work runs off the UI thread (issue 12): the log review's search and its chain
verification, gallring (reading the list and deleting), a manual backup and a registerutdrag. Each use case
is wrapped to note the thread it runs on; none may be the UI thread, and the window answers meanwhile."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from PySide6.QtWidgets import QMessageBox

from person import PATIENCE_MS, answer_dialog, click, fill
from sst_desk.services import accesslog, backups, extract, gallring
from sst_desk.workflow.access import Role
from sst_desk.workflow.codes import Stage
from test_gallring_dialog import add_case, open_dialog, press_in_next_box, sign_in_as


@pytest.fixture
def threads(monkeypatch) -> dict[str, list[bool]]:
    """``name → [ran on the UI thread?, …]`` for each wrapped use case."""
    seen: dict[str, list[bool]] = {}

    def watch(module, name: str) -> None:
        original = getattr(module, name)

        def noted(*args, **kwargs):
            seen.setdefault(name, []).append(threading.current_thread() is threading.main_thread())
            return original(*args, **kwargs)

        monkeypatch.setattr(module, name, noted)

    for module, names in ((accesslog, ("query_log", "verify_log")), (gallring, ("cases_due", "gallra")),
                          (backups, ("make_backup",)), (extract, ("write_registerutdrag",))):
        for name in names:
            watch(module, name)
    return seen


def test_the_log_search_and_its_verification_run_in_the_background(qtbot, context, threads):
    from sst_desk.ui.accesslog.review import LogReviewDialog

    sign_in_as(context.db, Role.TEAMLEDARE)
    dialog = LogReviewDialog(context)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.searching, timeout=PATIENCE_MS)
    with qtbot.waitSignal(dialog.sig_entries_shown, timeout=PATIENCE_MS):
        click(dialog, "Show entries")
    with qtbot.waitSignal(dialog.sig_verified, timeout=PATIENCE_MS):
        click(dialog, "Verify the log")
    assert threads == {"query_log": [False, False], "verify_log": [False]}


def test_gallring_reads_and_deletes_in_the_background(qtbot, main_window, context, threads):
    add_case(context.db, "Alva")
    add_case(context.db, "Bo", stage=Stage.UPPFOLJNING, closed_on=None)
    sign_in_as(context.db, Role.TEAMLEDARE)
    dialog = open_dialog(qtbot, main_window, context)
    click(dialog, "Select all")

    def confirm(box) -> None:
        fill(box, "Number of cases to delete", "1")
        click(box, "Delete for good")

    errors = answer_dialog(confirm)
    press_in_next_box(QMessageBox.StandardButton.Ok, [])
    with qtbot.waitSignal(dialog.sig_gallring_done, timeout=PATIENCE_MS) as done:
        click(dialog, "Gallra…")
    assert not errors, errors
    assert done.args[0].cases == 1
    assert threads == {"cases_due": [False, False], "gallra": [False]}  # the list, then the list after


def test_a_backup_and_a_registerutdrag_are_made_in_the_background(qtbot, main_window, context, threads, tmp_path):
    from sst_desk.ui.admin.backups_dialog import BackupsDialog
    from sst_desk.ui.admin.extract_dialog import export_registerutdrag

    case_id = add_case(context.db, "Alva", closed_on=dt.date(2026, 5, 4))
    press_in_next_box(QMessageBox.StandardButton.Ok, [])
    export = export_registerutdrag(main_window, context, case_id, tmp_path)
    qtbot.waitUntil(lambda: export.done, timeout=PATIENCE_MS)
    assert export.result is not None
    sign_in_as(context.db, Role.ADMINISTRATOR)
    dialog = BackupsDialog(context, main_window)
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.waitSignal(dialog.sig_finished, timeout=PATIENCE_MS):
        click(dialog, "Back up now")
    assert threads == {"write_registerutdrag": [False], "make_backup": [False]}
