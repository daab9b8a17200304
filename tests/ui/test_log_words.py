"""The access log speaks the worker's language: no stored code is shown as it is written (issue 10).

What broke: the Swedish access log showed "attendance", "prints;rows=3" and "vidmakthallande" in its
Detail column — the codes the log stores, not words.
"""

from __future__ import annotations

import datetime as dt
import os

import pytest
from PySide6.QtWidgets import QTableView

from sst_desk.persistence import Database, accounts
from sst_desk.workflow.access import Action, Role
from sst_desk.workflow.codes import Level, RaisedBy, Stage
from sst_desk.workflow.entities import Case, Student
from sst_desk.workflow.logchain import LogAction, LogRow

from person import PATIENCE_MS, click, find
from doors import door


@pytest.fixture
def log_dialog(qapp, qtbot, tmp_path):
    """A team lead reads a log where a worker saved, printed, opened attendance and read printouts."""
    from sst_desk.app import build_context
    from sst_desk.settings import Settings
    from sst_desk.ui.accesslog.review import LogReviewDialog

    db = Database.open(tmp_path / "team.sqlite3", key=os.urandom(32))
    lead = accounts.add_user(db, "lead", "Lena Ledare", Role.TEAMLEDARE, "hash").actor()
    db.actor = accounts.add_user(db, "sara", "Sara Socionom", Role.SKOLSOCIONOM, "hash").actor()
    student = Student(first_name="Alva", last_name="Testsson", school="Ekbackeskolan", grade=7)
    case = door(db).cases.add_case(Case(student=student, raised_on=dt.date(2026, 11, 2), level=Level.NIVA_2,
                            raised_by=RaisedBy.ELEVHALSA))
    door(db).cases.save_case(case)  # a save logs the stage it leaves the case in: here aktualisering
    # The entry a save in vidmakthållande leaves (a case gets there only through every step of the process,
    # which save_case checks; what is tested here is how the log words the stage).
    with db.uow(db.actor) as tx:
        tx.log(LogAction.EDIT, case_id=case.id, student_id=case.student.id, detail=Stage.VIDMAKTHALLANDE.value)
        tx.commit()
    door(db).cases.record_case_action(case.id, Action.PRINT, "handlingsplan v2")
    door(db).attendance.attendance_for_case(case.id)
    door(db).printing.printed_documents(case.id)
    db.actor = lead
    context = build_context(db, Settings.from_file(str(tmp_path / "settings.ini")))
    context.clock = lambda: dt.datetime.now(dt.UTC)
    dialog = LogReviewDialog(context)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.searching, timeout=PATIENCE_MS)  # the first reading runs in the background
    dialog.qtbot = qtbot
    yield dialog
    dialog.done(0)
    dialog.deleteLater()
    db.close()


def _details(dialog) -> dict[str, list[str]]:
    with dialog.qtbot.waitSignal(dialog.sig_entries_shown, timeout=PATIENCE_MS):
        click(dialog, "Show entries")
    view = find(dialog, "Log entries", QTableView)
    model = view.model()
    rows: list[LogRow] = model.rows()
    found: dict[str, list[str]] = {}
    for index, row in enumerate(rows):
        found.setdefault(str(row.action), []).append(model.index(index, 4).data())
    return found


def test_the_log_detail_column_shows_words_not_codes(log_dialog):
    details = _details(log_dialog)
    shown = " | ".join(text for texts in details.values() for text in texts)
    for code in ("vidmakthallande", "prints;rows", "rows=", ";", "handlingsplan v2"):
        assert code not in shown, (code, shown)
    assert any("stage now: Booster session" in text for text in details[LogAction.EDIT])
    assert any(text.endswith("Handlingsplan, version 2") for text in details[LogAction.PRINT])
    assert any(text.endswith("attendance") for text in details[LogAction.VIEW])
    assert any("the case's printouts, lines: 1" in text for text in details[LogAction.READ_LOG])


@pytest.mark.parametrize(("action", "detail", "words"), [
    (LogAction.DENIED, "attendance:create", "attendance: create"),
    (LogAction.LIST, "12", "cases shown: 12"),
    (LogAction.LIST, "gallring:3", "cases due for gallring: 3"),
    (LogAction.READ_LOG, "query;user=sara;from=2026-11-01;rows=40", "log entries, user sara, from 2026-11-01, lines: 40"),
    (LogAction.READ_LOG, "verify;problems=2;kept=17", "check of the whole log, problems found: 2, against the kept head 17"),
    (LogAction.READ_LOG, "history;print;rows=5", "the student's access history, for printing, lines: 5"),
    (LogAction.EXPORT, "registerutdrag", "registerutdrag"),
    (LogAction.PRINT, "kallelse (batch)", "Kallelse till boosterträff (batch print)"),
    (LogAction.USER_CREATED, "4:kurator", "user 4, Kurator / specialpedagog"),
    (LogAction.SIGN_OUT, "quit while locked", "quit while locked"),
    (LogAction.IMPORT, "attendance Ekbacken v47: 120 of 130 records stored, 12 students, 3 rows unmatched",
     "attendance \u201cEkbacken v47\u201d: 120 of 130 records stored, 12 students, 3 rows not matched"),
    (LogAction.BACKUP, "/home/a/backups/x.sqlite3", "/home/a/backups/x.sqlite3"),  # free text stays as written
    # the team's statistics (issue 15): the period as written, the breakdown and the count in words
    (LogAction.STATISTICS, "2025-07-01–2026-06-30;by=school;cases=312",
     "2025-07-01–2026-06-30, by school, cases counted: 312"),
    (LogAction.STATISTICS, "2025-07-01–2025-12-31;by=none;cases=4",
     "2025-07-01–2025-12-31, by nothing (totals only), cases counted: 4"),
    (LogAction.EXPORT, "statistik xlsx;2025-07-01–2026-06-30;by=grade",
     "the team's statistics as XLSX, 2025-07-01–2026-06-30, by school year (årskurs)"),
    (LogAction.DENIED, "statistics:view", "the team's statistics: view"),
])
def test_each_kind_of_detail_in_words(qapp, action, detail, words):
    from sst_desk.ui.accesslog.details import action_detail

    assert action_detail(str(action), detail) == words
