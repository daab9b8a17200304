"""The team lead's batch print dialog and the case's list of printouts, driven by accessible names."""

from __future__ import annotations

import threading

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from person import NOW, answer_dialog, click, fill, find

from conftest import UI_PASSWORD


@pytest.fixture
def lead_context(qapp, tmp_path):
    """A database with demo cases, signed in as Tove Ledare, teamledare."""
    from sst_desk.app import build_context
    from sst_desk.demo.generate import populate
    from sst_desk.security import signin
    from sst_desk.settings import Settings
    from sst_desk.workflow.access import Role

    file = tmp_path / "lead.sqlite3"
    admin = signin.create_first_administrator(file, "admin", "Ada Admin", UI_PASSWORD)
    signin.add_account(admin, "tove", "Tove Ledare", Role.TEAMLEDARE, UI_PASSWORD)
    admin.close()
    db = signin.sign_in(file, "tove", UI_PASSWORD)
    populate(db, students=30, seed=5, today=NOW.date())
    context = build_context(db, Settings.from_file(str(tmp_path / "settings.ini")))
    context.clock = lambda: NOW
    yield context
    from sst_desk.ui.common.operations import wait_for_background_work

    wait_for_background_work()
    db.close()


@pytest.fixture
def dialog(qtbot, lead_context):
    from sst_desk.ui.printing.batch_print import open_batch_print

    shown = open_batch_print(None, lead_context)
    qtbot.addWidget(shown)
    return shown


def _summary(texts: list[str]):
    def read(box) -> None:
        assert isinstance(box, QMessageBox), box
        texts.append(box.text())
        box.accept()
    return read


def test_choose_and_count(dialog, lead_context):
    total = len(dialog.candidates.case_ids(team=True))
    assert total > 0
    assert find(dialog, "Plans to print").text() == f"Cases with a current action plan: {total}"
    assert not find(dialog, "School").isEnabled()
    click(dialog, "One school")
    school = dialog.candidates.schools[0]
    fill(dialog, "School", school)
    in_school = len(dialog.candidates.case_ids(school=school))
    assert 0 < in_school < total
    assert find(dialog, "Plans to print").text() == f"Cases with a current action plan: {in_school}"
    dialog.grab().save("/tmp/batch_print_dialog.png")


def test_print_writes_one_pdf_and_names_the_skipped(qtbot, dialog, lead_context, tmp_path, monkeypatch):
    target = tmp_path / "alla.pdf"
    monkeypatch.setattr("sst_desk.ui.printing.batch_print.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    texts: list[str] = []
    errors = answer_dialog(_summary(texts), kind=QMessageBox, timeout_ms=20_000)
    click(dialog, "Print…")
    qtbot.waitUntil(lambda: bool(texts) or bool(errors), timeout=20_000)
    assert not errors
    outcome = dialog.outcome
    assert outcome.written and outcome.skipped and target.exists()
    assert f"{len(outcome.written)} action plans were written to {target}." in texts[0]
    assert f"{len(outcome.skipped)} skipped without a valid consent:" in texts[0]
    assert outcome.skipped[0].student.full_name in texts[0]
    assert len(PdfReader(target).outline) == len(outcome.written)

    from sst_desk.ui.printing.printed_list import PrintedList

    printed = PrintedList(lead_context, outcome.written[0].id, load=False)
    qtbot.addWidget(printed)
    with qtbot.waitSignal(printed.sig_loaded, timeout=20_000):  # read in the background
        printed.reload()
    rows = printed.rows()
    version = outcome.written[0].current_plan.version
    assert [(doc, who) for _, doc, who in rows] == [(f"Handlingsplan v{version} (batch)", "Tove Ledare")]
    assert rows[0][0].startswith(NOW.date().isoformat()[:4])
    printed.resize(520, 160)
    printed.grab().save("/tmp/printed_list.png")
    never = PrintedList(lead_context, outcome.skipped[0].id, load=False)
    qtbot.addWidget(never)
    with qtbot.waitSignal(never.sig_loaded, timeout=20_000):
        never.reload()
    assert never.rows() == [] and find(never, "Printouts note").text() == "No document of this case has been printed."


def test_cancel_leaves_no_file_and_no_log(qtbot, dialog, lead_context, tmp_path, monkeypatch):
    import sst_desk.reports.batch as batch

    target = tmp_path / "avbruten.pdf"
    monkeypatch.setattr("sst_desk.ui.printing.batch_print.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    started, go_on = threading.Event(), threading.Event()
    real = batch.build_handlingsplan

    def slow(case, context, **options):
        started.set()
        go_on.wait(10)
        return real(case, context, **options)

    monkeypatch.setattr(batch, "build_handlingsplan", slow)
    texts: list[str] = []
    click(dialog, "Print…", wait=False)  # the plans are made in the background; Cancel comes meanwhile
    qtbot.waitUntil(started.is_set, timeout=20_000)
    progress = next(w for w in dialog.findChildren(QProgressDialog) if w.isVisible())
    errors = answer_dialog(_summary(texts), kind=QMessageBox, timeout_ms=20_000)
    click(progress, "Cancel printing", wait=False)
    go_on.set()
    qtbot.waitUntil(lambda: bool(texts) or bool(errors), timeout=20_000)
    assert not errors and texts == ["Cancelled. Nothing was written."]
    assert not target.exists() and not list(tmp_path.glob("*.pdf*"))
    from doors import door

    assert door(lead_context.db).accesslog.query_log(action="print") == []
