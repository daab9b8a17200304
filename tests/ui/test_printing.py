"""Printing the handlingsplan from the case window: the current plan, or the earlier version on screen."""

from __future__ import annotations

from pypdf import PdfReader

from sst_desk.workflow.codes import PlanStatus

from person import NOW, click, fill, find, open_window, reload, save_from_preview, settle
from doors import door


def _text(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(str(path)).pages)


def test_print_the_shown_plan_version(main_window, context, tmp_path, monkeypatch):
    from sst_desk.demo.generate import populate

    populate(context.db, students=20, seed=2, today=NOW.date())
    reload(main_window)
    revised = next(r.case_id for r in main_window.model.rows()
                   if len(door(context.db).cases.load_case(r.case_id).plans) > 1)
    window = open_window(main_window, revised)
    targets = iter([tmp_path / "current.pdf", tmp_path / "earlier.pdf"])
    monkeypatch.setattr("sst_desk.ui.printing.printing.QFileDialog.getSaveFileName", lambda *a, **k: (str(next(targets)), ""))

    window.print_action.trigger()  # Ctrl+P: the current version, in the preview
    settle()
    save_from_preview(window)
    current = window.case.current_plan
    assert f"Version {current.version}" in _text(tmp_path / "current.pdf")

    window.stepper.setCurrentRow(3)
    fill(window, "Plan version", "Version 1 (earlier)")
    click(window, "Print action plan…")
    save_from_preview(window)
    earlier = _text(tmp_path / "earlier.pdf")
    assert "Version 1" in earlier and window.case.plans[0].status is PlanStatus.SUPERSEDED
    assert find(window, "Plan version").currentText() == "Version 1 (earlier)"


def test_the_preview_prints_every_page_to_the_printer(main_window, context, tmp_path):
    """"Print…" sends each page, scaled to the paper; a PDF printer stands in for a real one here."""
    from PySide6.QtPrintSupport import QPrinter
    from pypdf import PdfReader as Reader

    from sst_desk.demo.generate import populate

    populate(context.db, students=6, seed=3, today=NOW.date())
    reload(main_window)
    with_plan = next(r.case_id for r in main_window.model.rows() if door(context.db).cases.load_case(r.case_id).current_plan
                     and door(context.db).cases.load_case(r.case_id).current_plan.goals)
    window = open_window(main_window, with_plan)
    window.print_plan()
    settle()
    preview = window.previews[-1]
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert preview.print_document(printer)
    assert len(Reader(str(tmp_path / "printed.pdf")).pages) == preview.document.pageCount() >= 1


def test_every_document_of_a_closed_case_opens_in_the_preview_and_is_logged(main_window, context):
    from sst_desk.demo.generate import populate
    from sst_desk.workflow.codes import Stage

    populate(context.db, students=30, seed=5, today=NOW.date())
    reload(main_window)
    closed = next(r.case_id for r in main_window.model.rows() if r.stage is Stage.VIDMAKTHALLANDE
                  and door(context.db).cases.load_case(r.case_id).follow_ups)
    window = open_window(main_window, closed)
    window._refresh_documents()
    offered = {name for name, action in window.document_actions.items() if action.isEnabled()}
    assert {"handlingsplan", "kartlaggning", "uppfoljning", "avslut", "kallelse"} <= offered
    with context.db.uow() as uow:
        before = uow.session.execute(__import__("sqlalchemy").text(
            "SELECT count(*) FROM access_log WHERE action = 'print'")).scalar_one()
    for name in ("kartlaggning", "uppfoljning", "avslut", "kallelse"):
        window.document_actions[name].trigger()
        settle()
        preview = window.previews[-1]
        assert preview.document.pageCount() >= 1, name
        preview.close()
    with context.db.uow() as uow:
        after = uow.session.execute(__import__("sqlalchemy").text(
            "SELECT count(*) FROM access_log WHERE action = 'print'")).scalar_one()
    assert after - before == 4  # each document checked and logged before it was made


def test_a_document_the_case_holds_nothing_for_is_not_offered(main_window, context):
    import sys
    from pathlib import Path

    from sst_desk.workflow.codes import Stage

    sys.path.insert(0, str(Path(__file__).parents[1] / "unit"))  # the fictional cases of the workflow tests
    from builders import make_case_at

    import datetime as dt

    window = open_window(main_window, door(context.db).cases.add_case(make_case_at(Stage.INSKRIVNING, tzinfo=dt.timezone.utc)).id)
    window._refresh_documents()
    assert not window.document_actions["kallelse"].isEnabled()
    assert not window.document_actions["avslut"].isEnabled()


def test_save_as_pdf_never_writes_over_the_database_or_its_key_file(main_window, context, tmp_path, monkeypatch):
    """Regression (issue 10): "Save as PDF…" wrote wherever the dialog pointed — the database's key file too (then
    nobody can sign in). The save dialog's overwrite question counts as asking for an ordinary file, never for
    the database, its key file or a backup (``fileio.write_export``)."""
    import hashlib

    from PySide6.QtWidgets import QMessageBox

    from sst_desk.demo.generate import populate
    from sst_desk.security.keyfile import key_file_for

    populate(context.db, students=6, seed=3, today=NOW.date())
    reload(main_window)
    with_plan = next(r.case_id for r in main_window.model.rows() if door(context.db).cases.load_case(r.case_id).current_plan)
    window = open_window(main_window, with_plan)
    key_file = key_file_for(context.db.path)
    before = hashlib.sha256(key_file.read_bytes()).hexdigest()
    letter = tmp_path / "brev.pdf"
    letter.write_bytes(b"an earlier letter")
    hard_link = tmp_path / "keys.pdf"  # the same file as the key file under a PDF's name (st_ino)
    hard_link.hardlink_to(key_file)
    sym_link = tmp_path / "database.pdf"
    sym_link.symlink_to(context.db.path)
    targets = iter([str(hard_link), str(sym_link), str(letter)])
    monkeypatch.setattr("sst_desk.ui.printing.printing.QFileDialog.getSaveFileName", lambda *a, **k: (next(targets), ""))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *rest: warnings.append(text))

    window.print_action.trigger()
    settle()
    assert save_from_preview(window) is None  # the key file, by a second name
    window.print_action.trigger()
    settle()
    assert save_from_preview(window) is None  # the database, through a link
    window.print_action.trigger()
    settle()
    assert save_from_preview(window) == letter  # an ordinary file: the dialog asked, so it is replaced
    assert letter.read_bytes().startswith(b"%PDF")
    assert len(warnings) == 2 and all("never writes a document over it" in text for text in warnings), warnings
    assert hashlib.sha256(key_file.read_bytes()).hexdigest() == before
