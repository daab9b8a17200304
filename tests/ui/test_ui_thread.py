"""The UI thread never touches the database: the case list, opening, saving and printing a case run in the background.

Every SQL statement is seen by SQLAlchemy's ``before_cursor_execute`` on the engine; the test notes the
thread each one runs on while a person works through a real window, and none may be the UI thread. Over
a network (the team server) a statement on the UI thread freezes the window.
"""

from __future__ import annotations

import threading

import sqlalchemy as sa

from sst_desk.workflow.codes import Stage
from sst_desk.workflow.consent_rules import consent_missing

from doors import door
from person import NOW, PATIENCE_MS, fill


def test_list_open_edit_save_print_never_run_a_statement_on_the_ui_thread(main_window, context, qtbot):
    from sst_desk.demo.generate import populate
    from sst_desk.ui.common.operations import operations_running

    populate(context.db, students=8, seed=3, today=NOW.date())  # the data is made before anyone watches
    case_id = next(r.case_id for r in door(context.db).cases.case_rows(NOW.date())
                   if r.stage is Stage.GENOMFORANDE
                   and not consent_missing(door(context.db).cases.load_case(r.case_id), NOW.date()))
    seen: list[tuple[threading.Thread, str]] = []

    def note(_conn, _cursor, statement, _parameters, _context, _many) -> None:
        seen.append((threading.current_thread(), statement))

    sa.event.listen(context.db.engine, "before_cursor_execute", note)
    try:
        with qtbot.waitSignal(main_window.sig_rows_loaded, timeout=PATIENCE_MS):
            main_window.reload()
        with qtbot.waitSignal(main_window.sig_case_opened, timeout=PATIENCE_MS):
            assert main_window.open_case(case_id) is None  # it opens when the case has been read
        window = main_window.case_windows[case_id]
        fill(window, "School", "Ekbackeskolan")
        assert window.isWindowModified()
        with qtbot.waitSignal(window.sig_saved, timeout=PATIENCE_MS):
            window.save_action.trigger()
            assert window.saving and not window.save_action.isEnabled()  # no second save while one is written
            window.close()  # nor a close mid-write
            assert window.isVisible()
        assert not window.isWindowModified() and window.save_action.isEnabled()
        with qtbot.waitSignal(window.sig_document_shown, timeout=PATIENCE_MS):
            window.print_action.trigger()
        qtbot.waitUntil(lambda: operations_running() == 0, timeout=PATIENCE_MS)
        window.previews[-1].close()
    finally:
        sa.event.remove(context.db.engine, "before_cursor_execute", note)
    on_ui_thread = [statement for thread, statement in seen if thread is threading.main_thread()]
    assert len(seen) > 10, "the walk ran no statements: it tested nothing"
    assert on_ui_thread == [], on_ui_thread[:5]
    assert door(context.db).cases.load_case(case_id).student.school == "Ekbackeskolan"
