"""Team → Statistics… on a real demo database: the team lead's figures and exports, a kurator's own cases,
and no entry for the administrator. Nothing is stood in for: the window calls the door, the service counts
(``workflow.statistics.compute``), the files come from the report builders and are read back."""

from __future__ import annotations

import csv
import datetime as dt
import io
import threading

import pytest
import sqlalchemy as sa
from pypdf import PdfReader
from PySide6.QtWidgets import QComboBox, QMessageBox

from person import NOW, answer_dialog, click, find, reload
from team import log_actions
from doors import door

from conftest import UI_PASSWORD

from sst_desk.workflow.stats_model import Dimension, Statistics

SCHOOL_YEAR = "2026/27"  # NOW is 2026-11-22
START, END = dt.date(2026, 7, 1), dt.date(2027, 6, 30)


def _team(tmp_path):
    """(database file, {user name: user id}): an administrator, Tove (teamledare), Kim (kurator), Sam
    (skolsocionom); 40 demo cases of Sam's and 12 of Kim's."""
    from sst_desk.demo.generate import populate
    from sst_desk.security import signin
    from sst_desk.workflow.access import Role

    file = tmp_path / "team.sqlite3"
    admin = signin.create_first_administrator(file, "admin", "Ada Admin", UI_PASSWORD)
    ids = {"admin": admin.actor.user_id}
    for username, name, role in (("tove", "Tove Ledare", Role.TEAMLEDARE), ("kim", "Kim Kurator", Role.KURATOR),
                                 ("sam", "Sam Socionom", Role.SKOLSOCIONOM)):
        ids[username] = signin.add_account(admin, username, name, role, UI_PASSWORD).id
    admin.close()
    lead = signin.sign_in(file, "tove", UI_PASSWORD)
    populate(lead, students=40, seed=5, today=NOW.date(), members=[ids["sam"]])
    populate(lead, students=12, seed=6, today=NOW.date(), members=[ids["kim"]])
    lead.close()
    return file, ids


@pytest.fixture
def team_file(tmp_path):
    return _team(tmp_path)


@pytest.fixture
def signed_in(qapp, tmp_path, team_file):
    """``signed_in("kim")``: the main window of that person on the team's file (closed after the test)."""
    from sst_desk.app import build_context
    from sst_desk.security import signin
    from sst_desk.settings import Settings
    from sst_desk.ui.caselist.main_window import MainWindow

    opened = []

    def open_as(username: str):
        db = signin.sign_in(team_file[0], username, UI_PASSWORD)
        context = build_context(db, Settings.from_file(str(tmp_path / f"{username}.ini")))
        context.clock = lambda: NOW
        window = MainWindow(context)
        window.show()
        reload(window)
        opened.append((window, db))
        return window

    yield open_as
    from sst_desk.ui.common.operations import wait_for_background_work

    wait_for_background_work()
    for window, db in opened:
        window.close()
        window.deleteLater()
        db.close()


def pick(root, name: str, text: str) -> None:
    box = find(root, name, QComboBox)
    index = box.findText(text)
    assert index >= 0, (name, text, [box.itemText(i) for i in range(box.count())])
    box.setCurrentIndex(index)


def open_statistics(window):
    from sst_desk.ui.statistics.window import StatisticsWindow

    action = window.team_actions["Statistics…"]
    assert action.isVisible() and action.isEnabled()
    action.trigger()
    shown = window.findChild(StatisticsWindow)
    assert shown is not None and shown.isVisible()
    return shown


def show(qtbot, stats_window, breakdown: str) -> Statistics:
    pick(stats_window, "School year", SCHOOL_YEAR)
    pick(stats_window, "Breakdown", breakdown)
    with qtbot.waitSignal(stats_window.sig_shown, timeout=60_000) as blocker:
        click(stats_window, "Show", wait=False)
    stats = blocker.args[0]
    assert isinstance(stats, Statistics), stats
    return stats


def screen_texts(model) -> list[list[str]]:
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def expected_texts(table, min_cell: int) -> list[list[str]]:
    def text(cell) -> str:
        if not cell.suppressed:
            return str(cell.count)
        return f"<{min_cell}" if cell.primary else ".."

    rows = [[text(c) for c in row] + [text(total)] for row, total in zip(table.cells, table.row_totals)]
    return rows + [[text(c) for c in table.column_totals] + [text(table.total)]]


def export(qtbot, stats_window, button: str, target):
    stats_window.choose_save_path = lambda *_args: str(target)
    with qtbot.waitSignal(stats_window.sig_exported, timeout=60_000) as blocker:
        click(stats_window, button, wait=False)
    return blocker.args[0]


@pytest.fixture
def statements():
    """``statements(db)``: every SQL statement run on ``db`` from then on, with the thread that ran it."""
    watched: list[tuple[object, list]] = []

    def watch(db) -> list[tuple[threading.Thread, str]]:
        seen: list[tuple[threading.Thread, str]] = []

        def note(_conn, _cursor, statement, _parameters, _context, _many) -> None:
            seen.append((threading.current_thread(), statement))

        sa.event.listen(db.engine, "before_cursor_execute", note)
        watched.append((db.engine, note))
        return seen

    yield watch
    for engine, note in watched:
        sa.event.remove(engine, "before_cursor_execute", note)


def test_the_team_lead_sees_the_teams_figures_by_school_and_exports_them(qtbot, signed_in, tmp_path, statements):
    window = signed_in("tove")
    seen = statements(window.context.db)
    stats_window = open_statistics(window)
    assert stats_window.windowTitle() == "Statistics – the whole team"
    stats = show(qtbot, stats_window, "School")
    assert (stats.request.start, stats.request.end, stats.request.breakdown) == (START, END, Dimension.SCHOOL)
    assert stats.case_count == 52
    db = window.context.db
    tables = find(stats_window, "Tables")
    view = find(stats_window, "Count table")
    assert tables.count() == len(stats.counts) > 0
    for index, table in enumerate(stats.counts):
        tables.setCurrentRow(index)
        assert screen_texts(view.model()) == expected_texts(table, stats.request.min_cell), table.key
    active = next(t for t in stats.counts if t.key == "active")
    assert set(active.rows) <= {row.school for row in window.model.rows()}
    stats_window.resize(1280, 800)
    stats_window.grab().save("/tmp/statistics_window_demo.png")

    written = export(qtbot, stats_window, "Export CSV…", tmp_path / "statistik.csv")
    assert written == tmp_path / "statistik.csv"
    text = written.read_bytes().decode("utf-8-sig")
    lines = list(csv.reader(io.StringIO(text), delimiter=";"))
    in_file = {cell for line in lines for cell in line}
    assert "<5" in in_file and "Elever inskrivna i teamet under perioden" in in_file
    assert {str(cell.count) for cell in active.column_totals if not cell.suppressed} <= in_file

    written = export(qtbot, stats_window, "Export Excel…", tmp_path / "statistik")  # the suffix is added
    assert written == tmp_path / "statistik.xlsx"
    from python_calamine import CalamineWorkbook

    assert len(CalamineWorkbook.from_path(str(written)).sheet_names) >= 2

    written = export(qtbot, stats_window, "Report (PDF)…", tmp_path / "rapport.pdf")
    assert "statistik" in PdfReader(str(written)).pages[0].extract_text().lower()
    written = export(qtbot, stats_window, "Yearly report (PDF)…", tmp_path / "arsrapport.pdf")
    assert len(PdfReader(str(written)).pages) == 1

    on_ui_thread = [statement for thread, statement in seen if thread is threading.main_thread()]
    assert len(seen) > 10 and on_ui_thread == [], on_ui_thread[:5]  # counting and exporting run off the UI thread
    # what the window showed is the service's answer, cell by cell (the counting is compute's, tested there)
    again = door(db).statistics.team_statistics(START, END, breakdown=Dimension.SCHOOL, today=NOW.date())
    assert again.counts == stats.counts and again.case_count == stats.case_count

    logged = log_actions(db)
    assert [detail.split(";")[0] for action, detail in logged if action == "export"] == [
        "statistik csv", "statistik xlsx", "statistik pdf", "statistik yearly"]
    views = [detail for action, detail in logged if action == "statistics"]
    assert len(views) == 2 and all("cases=52" in detail for detail in views)


def test_an_export_never_writes_over_a_file_the_save_dialog_did_not_ask_about(qtbot, signed_in, tmp_path):
    window = signed_in("tove")
    stats_window = open_statistics(window)
    show(qtbot, stats_window, "None")
    kept = tmp_path / "statistik.csv"
    kept.write_bytes(b"earlier figures")
    said: list[str] = []

    def read(box) -> None:
        said.append(box.text())
        box.accept()

    answered = answer_dialog(read, kind=QMessageBox)
    refused = export(qtbot, stats_window, "Export CSV…", tmp_path / "statistik")  # the dialog saw no such file
    qtbot.waitUntil(lambda: bool(said) or bool(answered), timeout=10_000)
    assert isinstance(refused, Exception) and not answered
    assert kept.read_bytes() == b"earlier figures"
    assert said[0].startswith("The file was not written.")
    assert not [a for a, _ in log_actions(window.context.db) if a == "export"]
    written = export(qtbot, stats_window, "Export CSV…", kept)  # chosen in the dialog, which asked
    assert written == kept and kept.read_bytes() != b"earlier figures"


def test_a_kurator_sees_only_her_own_cases(qtbot, signed_in):
    window = signed_in("kim")
    stats_window = open_statistics(window)
    assert stats_window.windowTitle() == "Statistics – my cases"
    stats = show(qtbot, stats_window, "Gender")
    assert stats.case_count == len(window.model.rows()) == 12
    assert set(stats.worker_names) <= {str(window.context.db.actor.user_id)}


def test_the_menu_raises_the_window_already_open(signed_in):
    window = signed_in("kim")
    first = open_statistics(window)
    assert window.show_statistics() is first
    first.close()
    second = window.show_statistics()
    assert second is not first and second.isVisible()


def test_the_administrator_has_no_statistics_entry(signed_in):
    window = signed_in("admin")
    assert not window.team_actions["Statistics…"].isVisible()
