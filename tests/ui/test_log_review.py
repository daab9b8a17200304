"""Åtkomstlogg, driven as the team lead does: filter and read the log, verify it (and find tampering), keep its
head and compare with it, document a sample check, print a student's access history for a guardian."""

from __future__ import annotations

import datetime as dt
import io
import os
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QTableView,
    QWidget,
)

from sst_desk.persistence import Database, accounts, cipher
from sst_desk.workflow.access import Action, Role
from sst_desk.workflow.codes import Level, RaisedBy
from sst_desk.workflow.entities import Case, Student
from sst_desk.workflow.logchain import KeptHead, LogRow, SampleCheck, SampleOutcome

from person import PATIENCE_MS, accept_message_box, answer_dialog, click, fill, find, shown_errors
from doors import door

PEOPLE = {"lead": ("Lena Ledare", Role.TEAMLEDARE), "sara": ("Sara Socionom", Role.SKOLSOCIONOM),
          "kim": ("Kim Kurator", Role.KURATOR)}


@pytest.fixture
def team(qapp, tmp_path):
    """An encrypted database where Sara and Kim have worked; the team lead is signed in."""
    from sst_desk.app import build_context
    from sst_desk.settings import Settings

    key = os.urandom(32)
    db = Database.open(tmp_path / "team.sqlite3", key=key)
    actors = {u: accounts.add_user(db, u, name, role, "hash").actor() for u, (name, role) in PEOPLE.items()}
    ids = {}
    for who, first in (("sara", "Alva"), ("kim", "Bo")):
        db.actor = actors[who]
        student = Student(first_name=first, last_name="Testsson", school="Ekbackeskolan", grade=7)
        case = door(db).cases.add_case(Case(student=student, raised_on=dt.date(2026, 11, 2), level=Level.NIVA_2,
                                raised_by=RaisedBy.ELEVHALSA))
        door(db).cases.load_case(case.id)
        ids[first] = case.id
    db.actor = actors["sara"]
    door(db).cases.record_case_action(ids["Alva"], Action.PRINT, "handlingsplan")
    db.actor = actors["lead"]
    context = build_context(db, Settings.from_file(str(tmp_path / "settings.ini")))
    context.clock = lambda: dt.datetime.now(dt.UTC)  # the log is written with the real clock
    yield context, key, actors
    db.close()


@pytest.fixture
def dialog(team, qtbot):
    from sst_desk.ui.accesslog.review import LogReviewDialog

    context = team[0]
    window = LogReviewDialog(context)
    window.show()
    qtbot.waitUntil(lambda: not window.searching, timeout=PATIENCE_MS)  # the first reading runs in the background
    yield window
    window.done(0)
    window.deleteLater()


def show_entries(qtbot, window) -> None:
    """Press "Show entries" and wait for the reading (off the UI thread) to reach the table."""
    with qtbot.waitSignal(window.sig_entries_shown, timeout=PATIENCE_MS):
        click(window, "Show entries")


def table_rows(window) -> list[LogRow]:
    return find(window, "Log entries", QTableView).model().rows()


def verify(qtbot, window, button: str = "Verify the log") -> str:
    with qtbot.waitSignal(window.sig_verified, timeout=PATIENCE_MS):
        click(window, button)
    return find(window, "Verification result", QLabel).text()


def test_the_lead_reads_who_did_what(dialog):
    rows = table_rows(dialog)
    assert {r.username for r in rows} == {"sara", "kim"}  # the lead's own reading is logged after it
    model = find(dialog, "Log entries", QTableView).model()
    texts = [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]
    assert ["Sara Socionom (school social worker)", "Printed", "Alva Testsson"] == texts[0][1:4]
    assert texts[0][4] == "case 1  ·  Handlingsplan"  # the document named in words (issue 10), not its code
    assert "entries, newest first" in dialog.count_label.text()


def test_filters_narrow_the_entries(dialog, qtbot):
    fill(dialog, "User", "Kim Kurator (kim)")
    show_entries(qtbot, dialog)
    assert {r.username for r in table_rows(dialog)} == {"kim"}
    fill(dialog, "User", "All users")
    fill(dialog, "Action", "Opened the case")
    show_entries(qtbot, dialog)
    assert {r.action for r in table_rows(dialog)} == {"view"} and len(table_rows(dialog)) == 2
    fill(dialog, "Action", "All actions")
    find(dialog, "Student", QComboBox).setEditText("alva testsson")  # typed, any case
    show_entries(qtbot, dialog)
    assert {r.student_name for r in table_rows(dialog)} == {"Alva Testsson"}
    tomorrow = (dt.date.today() + dt.timedelta(days=1)).isoformat()
    fill(dialog, "From", tomorrow)
    fill(dialog, "To", tomorrow)
    show_entries(qtbot, dialog)
    assert table_rows(dialog) == []


def test_bad_filters_are_explained_next_to_the_field_and_nothing_is_read(dialog):
    before = table_rows(dialog)
    fill(dialog, "From", "2026-13-01")
    click(dialog, "Show entries")
    assert shown_errors(dialog) == ["Write the date as YYYY-MM-DD."]
    fill(dialog, "From", "2026-11-30")
    fill(dialog, "To", "2026-11-01")
    click(dialog, "Show entries")
    assert shown_errors(dialog) == ["The period cannot end before it starts."]
    fill(dialog, "To", "")
    find(dialog, "Student", QComboBox).setEditText("Nobody Atall")
    click(dialog, "Show entries")
    assert shown_errors(dialog) == ["No student by that name in the log."]
    assert table_rows(dialog) == before


def test_verify_finds_an_intact_log_then_a_changed_entry(dialog, qtbot, team):
    text = verify(qtbot, dialog)
    assert text.startswith("The log is intact:") and "kept head" in text
    context, key, _ = team
    conn = cipher.connect(context.db.path, key)
    conn.execute("UPDATE access_log SET detail = 'nothing' WHERE seq = 6")
    conn.commit()
    conn.close()
    text = verify(qtbot, dialog)
    assert text.startswith("The log has been tampered with (problems found: 1).")
    assert "Entry 6 was changed after it was written." in text


def test_a_deleted_head_row_is_reported_as_tampering_in_the_window(dialog, qtbot, team):
    """What broke (issue 10): deleting the log_head row made every sign-in fail with "unexpected error
    (IntegrityError)". Work goes on, and the review window says the log was tampered with."""
    context, key, _ = team
    conn = cipher.connect(context.db.path, key)
    conn.execute("DELETE FROM log_head")
    conn.commit()
    conn.close()
    text = verify(qtbot, dialog)
    assert text.startswith("The log has been tampered with (problems found: 1).")
    assert "its record of the newest entry was deleted" in text
    text = verify(qtbot, dialog)  # the first verification wrote to the log again: still reported
    assert "its record of the newest entry was deleted" in text
    dialog.grab().save("/tmp/shots_dlg/log-head-deleted.png")


def test_export_the_head_and_compare_with_it_later(dialog, qtbot, tmp_path, monkeypatch):
    stick = tmp_path / "usb" / "head.txt"
    stick.parent.mkdir()
    monkeypatch.setattr(dialog, "choose_save_path", lambda title, suggested, filters: str(stick))
    with qtbot.waitSignal(dialog.sig_verified, timeout=PATIENCE_MS):  # the log is checked first, off the UI thread
        click(dialog, "Export head…")
    kept = KeptHead.from_text(stick.read_text(encoding="utf-8"))
    result = find(dialog, "Verification result", QLabel).text()
    assert str(stick) in result and kept.hash in result
    monkeypatch.setattr(dialog, "choose_open_path", lambda title: str(stick))
    text = verify(qtbot, dialog, "Compare with a kept head…")
    assert text.startswith("The log is intact and matches the head kept on") and f"(entry {kept.seq})" in text


def test_a_file_that_is_not_a_kept_head_is_refused_with_the_reason(dialog, tmp_path, monkeypatch):
    wrong = tmp_path / "note.txt"
    wrong.write_text("format: sst-desk-log-head/1\nseq: 3\nhash: 1234\nat: 2026-11-22T09:00:00+00:00\n")
    monkeypatch.setattr(dialog, "choose_open_path", lambda title: str(wrong))
    click(dialog, "Compare with a kept head…")
    assert find(dialog, "Verification result", QLabel).text() == (
        f"The file {wrong} cannot be used as a kept head: the hash must be 64 characters, 0–9 and a–f.")
    monkeypatch.setattr(dialog, "choose_open_path", lambda title: str(tmp_path / "gone.txt"))
    click(dialog, "Compare with a kept head…")
    assert "could not be read" in find(dialog, "Verification result", QLabel).text()


def test_a_tampered_log_asks_before_its_head_is_exported(dialog, team, qtbot, tmp_path, monkeypatch):
    context, key, _ = team
    conn = cipher.connect(context.db.path, key)
    conn.execute("DELETE FROM access_log WHERE seq = 4")
    conn.commit()
    conn.close()
    target = tmp_path / "head.txt"
    monkeypatch.setattr(dialog, "choose_save_path", lambda title, suggested, filters: str(target))
    errors = accept_message_box(QMessageBox.StandardButton.No)
    with qtbot.waitSignal(dialog.sig_verified, timeout=PATIENCE_MS):
        click(dialog, "Export head…")
    assert not errors, errors
    assert not target.exists()
    assert "One or more entries just before 5 are missing (deleted)." in find(dialog, "Verification result", QLabel).text()


def test_a_sample_check_is_drawn_looked_at_and_documented(dialog, team):
    seen: dict = {}

    def check(box) -> None:
        click(box, "Save sample check")  # nothing drawn yet
        seen["first"] = shown_errors(box)
        find(box, "Number of entries", QSpinBox).setValue(3)
        click(box, "Draw entries")
        seen["drawn"] = find(box, "Drawn entries", QTableView).model().rows()
        fill(box, "Outcome", "Needs follow-up")
        click(box, "Save sample check")
        seen["second"] = shown_errors(box)
        fill(box, "Note", "Fråga Kim varför Alvas ärende öppnades.")
        click(box, "Save sample check")

    errors = answer_dialog(check)
    click(dialog, "Sample check…")
    assert not errors, errors
    assert seen["first"] == ["Draw the entries first."]
    assert seen["second"] == ["Say what must be followed up."]
    assert len(seen["drawn"]) == 3 and all(r.student_id is not None for r in seen["drawn"])
    (stored,) = door(team[0].db).accesslog.list_sample_checks()
    assert stored.outcome is SampleOutcome.FOLLOW_UP and stored.seqs == tuple(r.seq for r in seen["drawn"])
    samples = find(dialog, "Sample checks", QTableView).model()
    assert samples.rowCount() == 1 and samples.index(0, 4).data() == "Needs follow-up"


def test_print_a_students_access_history_for_a_guardian(dialog, tmp_path, monkeypatch):
    assert not find(dialog, "Print access history…", QAbstractButton).isEnabled()
    fill(dialog, "Student", "Alva Testsson")
    assert find(dialog, "Print access history…", QAbstractButton).isEnabled()
    target = tmp_path / "Åtkomsthistorik Alva"
    opened: list[Path] = []
    monkeypatch.setattr(dialog, "choose_save_path", lambda title, suggested, filters: str(target))
    monkeypatch.setattr(dialog, "open_file", opened.append)
    click(dialog, "Print access history…")
    assert opened == [target.with_suffix(".pdf")]
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(opened[0].read_bytes())).pages)
    assert "Åtkomsthistorik" in text and "Alva Testsson" in text and "Skrev ut: handlingsplan" in text
    assert "Bo Testsson" not in text


def test_printing_follows_the_selected_entry(dialog, qtbot):
    show_entries(qtbot, dialog)  # now the lead's first reading is there too, about no student
    view = find(dialog, "Log entries", QTableView)
    rows = table_rows(dialog)
    view.selectRow(next(i for i, r in enumerate(rows) if r.student_name == "Bo Testsson"))
    assert dialog.selected_student()[1] == "Bo Testsson"
    view.selectRow(next(i for i, r in enumerate(rows) if r.student_id is None))
    assert dialog.selected_student() is None
    assert not find(dialog, "Print access history…", QAbstractButton).isEnabled()


def test_only_the_team_lead_opens_the_review(team):
    from sst_desk.ui.accesslog.review import open_log_review

    context, _, actors = team
    context.db.actor = actors["sara"]
    seen: list[str] = []

    def note(box) -> None:
        seen.append(box.text())
        box.button(QMessageBox.StandardButton.Ok).click()

    errors = answer_dialog(note)
    open_log_review(None, context)
    assert not errors and seen == ["Only the team lead can review the access log."]
    context.db.actor = actors["lead"]
    titles: list[str] = []
    errors = answer_dialog(lambda d: (titles.append(d.windowTitle()), click(d, "Close")))
    open_log_review(None, context)
    assert not errors and titles == ["Access log"]


def test_every_input_has_an_accessible_name(dialog):
    kinds = (QLineEdit, QComboBox, QAbstractButton, QTableView, QSpinBox, QPlainTextEdit)
    unnamed = [w for w in dialog.findChildren(QWidget) if isinstance(w, kinds) and w.isVisible()
               and not w.accessibleName() and w.objectName() != "qt_calendar_navigationbar"]
    assert unnamed == []


def test_the_models_follow_qts_rules(qtmodeltester):
    from sst_desk.ui.accesslog.model import LogTableModel, SampleCheckModel

    at = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)
    log = LogTableModel()
    log.set_rows([LogRow(1, at, 1, "sara", "Sara", "skolsocionom", "view", 1, 1, "Alva", ""),
                  LogRow(2, at, None, "x", "", None, "sign_in_failed", None, None, "", ""),
                  LogRow(3, at, 2, "kim", "Kim", "kurator", "denied", 2, 5, "", "case:view", student_hidden=True)])
    qtmodeltester.check(log)
    assert log.index(2, 3).data() == "Protected identity"
    samples = SampleCheckModel()
    samples.set_rows([SampleCheck(1, at, "lead", at.date(), at.date(), (1, 2), SampleOutcome.OK, "")])
    qtmodeltester.check(samples)


def test_a_keyed_log_read_without_the_server_is_not_called_tampered():
    """A team server's log verified with the owner's credentials: the window says to verify on the server."""
    from sst_desk.ui.accesslog.verdict import verdict_words
    from sst_desk.workflow.logchain import ChainProblem, LogVerification, ProblemCode

    now = dt.datetime(2026, 12, 6, 12, 0, tzinfo=dt.UTC)
    needs_key = LogVerification([ChainProblem(ProblemCode.KEY_NEEDED, 1)], entries=40, head=None, kept_head=None,
                                keyed=True)
    text = verdict_words(needs_key, now)
    assert "team server's secret key" in text and "tampered" not in text and "40 entries" in text
    anchored = LogVerification([], entries=40, head=None, kept_head=None, anchor=KeptHead(38, "a" * 64, now),
                               anchors=12, keyed=True)
    assert "anchored outside the database (the newest: entry 38)" in verdict_words(anchored, now)
    wrong = LogVerification([ChainProblem(ProblemCode.KEY_WRONG, 1)], entries=40, head=None, kept_head=None)
    assert "another secret key" in verdict_words(wrong, now)
