"""Team → Import attendance…: a kurator's weekly export, mapped, previewed, checked and imported, driven by labels."""

from __future__ import annotations

import datetime as dt
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QDialog, QLabel, QLineEdit, QTableView

from person import NOW, PATIENCE_MS, click, fill, find, reload

from conftest import UI_PASSWORD
from doors import door

SHOTS = Path("/tmp/shots_dlg")
NOT_IN_FILE = "\u2014 not in the file \u2014"
HEADER = "Personnummer;Elev;Datum;Schemalagd tid (min);Total frånvaro (min);Giltig frånvaro (min);Ogiltig frånvaro (min)"
MONDAY = dt.date(2026, 11, 16)


# --- the team's students and the school's exports --------------------------------------------------------------

def personnummer(born: dt.date, serial: int) -> str:
    from sst_desk.demo.generate import fictional_personal_id

    return fictional_personal_id(born, serial)


STUDENTS = [  # fictional: test serials 980–999
    (personnummer(dt.date(2012, 3, 14), 981), "Alva", "Testsson"),
    (personnummer(dt.date(2011, 9, 2), 982), "Bo", "Provsson"),
    (personnummer(dt.date(2013, 1, 28), 983), "Cleo", "Exempelsdotter"),
]
STRANGER = personnummer(dt.date(2012, 6, 6), 984)  # not in the register


def add_students(db) -> None:
    from sst_desk.workflow.codes import Level, RaisedBy
    from sst_desk.workflow.entities import Case, Student

    for pid, first, last in STUDENTS:
        student = Student(first_name=first, last_name=last, school="Ekbackeskolan", grade=7, personal_id=pid)
        door(db).cases.add_case(Case(student=student, raised_on=NOW.date() - dt.timedelta(days=30), level=Level.NIVA_2,
                         raised_by=RaisedBy.ELEVHALSA))


# The same export with headers that name no unit: any unit may be chosen for it (with "(min)" in the headers,
# only minutes may: check_spec's UNIT_MISMATCH).
UNITLESS_HEADER = HEADER.replace(" (min)", "")


def write_export(path: Path, rows: list[str], header: str = HEADER) -> Path:
    """A school's CSV export as it comes out of the school system: Windows-1252, semicolons."""
    path.write_bytes(("\r\n".join([header, *rows]) + "\r\n").encode("cp1252"))
    return path


def week_rows(students=STUDENTS, start: dt.date = MONDAY, absent: int = 40) -> list[str]:
    rows = []
    for offset in range(5):
        day = start + dt.timedelta(days=offset)
        for pid, first, last in students:
            rows.append(f"{pid};{first} {last};{day.isoformat()};360;{absent};{absent // 2};{absent - absent // 2}")
    return rows


def attendance_rows(db) -> int:
    from sst_desk.persistence import mapping

    with db.engine.connect() as connection:
        return connection.execute(sa.select(sa.func.count()).select_from(mapping.attendance)).scalar_one()


# --- driving the dialog ----------------------------------------------------------------------------------------

@pytest.fixture
def dialog(qtbot, context):
    from sst_desk.ui.attendance.import_dialog import AttendanceImportDialog

    add_students(context.db)
    shown = AttendanceImportDialog(context)
    qtbot.addWidget(shown)
    shown.show()
    yield shown
    from sst_desk.ui.common.operations import wait_for_background_work

    wait_for_background_work()


def choose(qtbot, dialog, path: Path, monkeypatch) -> None:
    """Click "Choose file…" and pick ``path`` in the file dialog; wait for the preview."""
    monkeypatch.setattr("sst_desk.ui.attendance.import_dialog.QFileDialog.getOpenFileName",
                        lambda *a, **k: (str(path), ""))
    click(dialog, "Choose file…")
    settle(qtbot, dialog)


def settle(qtbot, dialog) -> None:
    """Let the debounced preview run."""
    qtbot.waitUntil(lambda: not dialog._preview_timer.isActive(), timeout=PATIENCE_MS)


def run(qtbot, dialog, button: str, timeout: int = 30_000):
    """Press Check or Import and wait until the run ends; its ImportResult (None on failure)."""
    with qtbot.waitSignal(dialog.sig_finished, timeout=timeout) as blocker:
        click(dialog, button, wait=False)
    return blocker.args[0]


def table_rows(dialog, name: str) -> list[list[str]]:
    view = find(dialog, name, QTableView)
    model = view.model()
    return [[model.index(r, c).data() or "" for c in range(model.columnCount())] for r in range(model.rowCount())]


def combo(dialog, name: str) -> QComboBox:
    return find(dialog, name, QComboBox)


def error_under(dialog, name: str) -> str:
    """The message shown under the input labelled ``name``."""
    return find(dialog, name).parent().findChild(QLabel).text()


def grab(dialog, name: str) -> None:
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()  # lay out what the last step changed
    SHOTS.mkdir(parents=True, exist_ok=True)
    dialog.grab().save(str(SHOTS / name))


# --- the walk --------------------------------------------------------------------------------------------------

def test_choosing_a_file_shows_its_headers_and_suggests_the_columns(qtbot, dialog, tmp_path, monkeypatch):
    path = write_export(tmp_path / "narvaro v47.csv", week_rows())
    choose(qtbot, dialog, path, monkeypatch)

    assert find(dialog, "File", QLineEdit).text() == str(path)
    assert find(dialog, "File format", QLabel).text() == "CSV, semicolon, Windows-1252"
    student = combo(dialog, "Student identifier")
    assert [student.itemText(i) for i in range(student.count())] == [NOT_IN_FILE, *HEADER.split(";")]
    assert student.currentText() == "Personnummer"
    assert combo(dialog, "Date").currentText() == "Datum"
    assert combo(dialog, "Week").currentText() == NOT_IN_FILE
    assert combo(dialog, "Saved mapping").currentText() == "New mapping"

    raw = table_rows(dialog, "File preview")
    assert raw[0] == HEADER.split(";") and len(raw) == 16
    header = find(dialog, "File preview", QTableView).model().headerData(0, Qt.Orientation.Horizontal)
    assert header == "A: Student identifier"
    read = table_rows(dialog, "What will be read")
    assert len(read) == 15
    assert read[0] == ["2", STUDENTS[0][0], "2026-11-16", "360 min", "40 min", "20 min", "20 min"]
    grab(dialog, "1-file-chosen-preview.png")


def test_the_preview_follows_the_mapping(qtbot, dialog, tmp_path, monkeypatch):
    choose(qtbot, dialog, write_export(tmp_path / "v47.csv", week_rows(), UNITLESS_HEADER), monkeypatch)
    fill(dialog, "Time is counted in", "hours")
    settle(qtbot, dialog)
    assert table_rows(dialog, "What will be read")[0][3:5] == ["21600 min", "2400 min"]

    fill(dialog, "Student identifier", NOT_IN_FILE)
    assert error_under(dialog, "Student identifier") == "Choose the column that holds this."
    settle(qtbot, dialog)
    assert table_rows(dialog, "What will be read") == []
    assert dialog.start(False) is False
    assert find(dialog, "Mapping status", QLabel).text().startswith("Complete the column mapping first")

    # Headers that say "(min)" counted as hours: every number would be 60 times too big. Shown, nothing read.
    choose(qtbot, dialog, write_export(tmp_path / "v47 min.csv", week_rows()), monkeypatch)
    fill(dialog, "Time is counted in", "hours")
    settle(qtbot, dialog)
    assert error_under(dialog, "All absence").startswith("The column's header names another unit")
    assert table_rows(dialog, "What will be read") == []


def test_a_sample_export_is_mapped_by_suggestion(qtbot, dialog, context, tmp_path, monkeypatch):
    """The school system's real shape: Windows-1252, decimal commas, a class and a note column."""
    from sst_desk.importers.samples import write_csv_export

    export = write_csv_export(tmp_path / "export.csv", [(pid, f"{first} {last}") for pid, first, last in STUDENTS],
                              MONDAY - dt.timedelta(weeks=4), MONDAY + dt.timedelta(days=4), seed=4)
    choose(qtbot, dialog, export.path, monkeypatch)
    assert dialog.spec().columns == export.spec.columns
    fill(dialog, "Mapping name", "Exempelskolan")
    result = run(qtbot, dialog, "Import")
    assert result.committed and result.rows_read == len(export.rows) and not result.unmatched
    assert attendance_rows(context.db) == result.stored > 0


def test_an_excel_export_with_a_merged_header(qtbot, dialog, tmp_path, monkeypatch):
    from sst_desk.importers.samples import write_xlsx_export

    export = write_xlsx_export(tmp_path / "export.xlsx", [(pid, f"{first} {last}") for pid, first, last in STUDENTS],
                               MONDAY - dt.timedelta(weeks=4), MONDAY + dt.timedelta(days=4), granularity="week")
    choose(qtbot, dialog, export.path, monkeypatch)
    assert find(dialog, "File format", QLabel).text() == "Excel, sheet Frånvaro"
    assert not find(dialog, "Sheet", QComboBox, visible=False).isVisible()  # one sheet: nothing to choose
    assert combo(dialog, "Week").currentText() == "Vecka"
    assert dialog.spec().columns == export.spec.columns
    read = table_rows(dialog, "What will be read")
    assert read and read[0][2].startswith("Week ")


def test_a_workbook_with_several_sheets_offers_them(qtbot, dialog, context, tmp_path, monkeypatch):
    from openpyxl import load_workbook

    from sst_desk.importers.samples import write_xlsx_export

    export = write_xlsx_export(tmp_path / "export.xlsx", [(pid, f"{first} {last}") for pid, first, last in STUDENTS],
                               MONDAY, MONDAY + dt.timedelta(days=4))
    workbook = load_workbook(export.path)
    workbook.create_sheet("Instruktioner", 0).append(["Exporterad från skolsystemet"])
    workbook.save(export.path)

    choose(qtbot, dialog, export.path, monkeypatch)
    sheet = combo(dialog, "Sheet")
    assert sheet.isVisible() and [sheet.itemText(i) for i in range(sheet.count())] == ["Instruktioner", "Frånvaro"]
    # The sheet that holds the data is opened, not the instruction sheet in front of it (issue 11).
    assert combo(dialog, "Sheet").currentText() == "Frånvaro"
    assert find(dialog, "File format", QLabel).text() == "Excel, sheet Frånvaro"
    fill(dialog, "Sheet", "Instruktioner")
    settle(qtbot, dialog)
    assert find(dialog, "File format", QLabel).text() == "Excel, sheet Instruktioner"
    fill(dialog, "Sheet", "Frånvaro")
    settle(qtbot, dialog)
    assert combo(dialog, "All absence").currentText() == "Frånvaro (min) Totalt"
    assert len(table_rows(dialog, "What will be read")) == 15
    fill(dialog, "Mapping name", "Ekbackeskolan Excel")
    assert run(qtbot, dialog, "Import").stored == 15

    # The saved mapping remembers the sheet: next time the right sheet is read at once.
    assert door(context.db).attendance.attendance_mapping("Ekbackeskolan Excel").sheet == "Frånvaro"
    fill(dialog, "Sheet", "Instruktioner")
    fill(dialog, "Saved mapping", "New mapping")
    fill(dialog, "Saved mapping", "Ekbackeskolan Excel")
    assert combo(dialog, "Sheet").currentText() == "Frånvaro"


def test_a_file_that_cannot_be_opened_is_said_in_words(qtbot, dialog, tmp_path, monkeypatch):
    empty = tmp_path / "tom.csv"
    empty.write_bytes(b"")
    choose(qtbot, dialog, empty, monkeypatch)
    assert find(dialog, "File problem", QLabel).text() == "The file is empty."
    assert not find(dialog, "Import").isEnabled()


def test_a_bad_line_refuses_the_whole_import(qtbot, dialog, context, tmp_path, monkeypatch):
    rows = week_rows()
    rows[3] = rows[3].replace(";40;", ";x;", 1)  # line 5 of the file
    choose(qtbot, dialog, write_export(tmp_path / "v47 fel.csv", rows), monkeypatch)
    read = table_rows(dialog, "What will be read")
    assert read[3][:2] == ["5", "Column \u201cTotal frånvaro (min)\u201d: Not a number. (\u201cx\u201d)"]

    fill(dialog, "Mapping name", "Ekbackeskolan vecka")
    result = run(qtbot, dialog, "Import")
    assert result.problem_count == 1 and not result.committed
    assert find(dialog, "Import result", QLabel).text() == (
        "One problem was found in the file. Nothing was imported. Correct the file or the mapping and try again.")
    assert table_rows(dialog, "Problems") == [["5", "Total frånvaro (min)", "Not a number.", "x"]]
    assert attendance_rows(context.db) == 0
    grab(dialog, "2-refused-with-problems.png")


def test_students_not_in_the_register_are_listed_and_the_others_stored(qtbot, dialog, context, tmp_path,
                                                                         monkeypatch):
    students = [*STUDENTS, (STRANGER, "Okänd", "Elev")]
    choose(qtbot, dialog, write_export(tmp_path / "v47.csv", week_rows(students)), monkeypatch)
    fill(dialog, "Mapping name", "Ekbackeskolan vecka")
    result = run(qtbot, dialog, "Import")
    assert result.committed and result.stored == 15
    assert attendance_rows(context.db) == 15
    assert table_rows(dialog, "Not among your students") == [[STRANGER, "5", "5", "not among your students"]]
    summary = find(dialog, "Import result", QLabel).text()
    assert "20 rows read, 15 of them matched to 3 students." in summary
    assert "5 rows for students who are not among your students (1) were not imported" in summary
    grab(dialog, "3-unmatched-students.png")


def test_importing_the_same_file_twice_changes_nothing(qtbot, dialog, context, tmp_path, monkeypatch):
    choose(qtbot, dialog, write_export(tmp_path / "v47.csv", week_rows()), monkeypatch)
    fill(dialog, "Mapping name", "Ekbackeskolan vecka")
    first = run(qtbot, dialog, "Import")
    assert first.stored == 15
    second = run(qtbot, dialog, "Import")
    assert second.stored == 0 and second.previously_imported is not None
    assert "This file was imported before (" in find(dialog, "Import result", QLabel).text()
    assert "\u2014 nothing changed." in find(dialog, "Import result", QLabel).text()
    assert attendance_rows(context.db) == 15


def test_check_stores_nothing(qtbot, dialog, context, tmp_path, monkeypatch):
    choose(qtbot, dialog, write_export(tmp_path / "v47.csv", week_rows()), monkeypatch)
    result = run(qtbot, dialog, "Check")
    assert result.dry_run and result.stored == 15 and not result.committed
    assert "Nothing was stored yet." in find(dialog, "Import result", QLabel).text()
    assert attendance_rows(context.db) == 0


def test_a_saved_mapping_fills_the_form_next_time(qtbot, dialog, context, tmp_path, monkeypatch):
    from sst_desk.ui.attendance.import_dialog import AttendanceImportDialog

    choose(qtbot, dialog, write_export(tmp_path / "v47.csv", week_rows(), UNITLESS_HEADER), monkeypatch)
    click(dialog, "Save mapping")
    assert error_under(dialog, "Mapping name").startswith("Give the mapping a name")
    fill(dialog, "Mapping name", "Ekbackeskolan vecka")
    fill(dialog, "School", "Ekbackeskolan")
    fill(dialog, "Time is counted in", "hours")
    fill(dialog, "Valid absence", NOT_IN_FILE)
    click(dialog, "Save mapping")
    assert find(dialog, "Mapping status", QLabel).text() == "The mapping \u201cEkbackeskolan vecka\u201d was saved."
    dialog.close()

    again = AttendanceImportDialog(context)
    qtbot.addWidget(again)
    again.show()
    fill(again, "Saved mapping", "Ekbackeskolan vecka")
    assert find(again, "Mapping name", QLineEdit).text() == "Ekbackeskolan vecka"
    assert find(again, "School", QLineEdit).text() == "Ekbackeskolan"
    assert combo(again, "Time is counted in").currentText() == "hours"
    assert combo(again, "Student identifier").currentText() == "Personnummer"
    assert combo(again, "Valid absence").currentText() == NOT_IN_FILE

    # Next week's file: the saved mapping that fits it is chosen at once.
    third = AttendanceImportDialog(context)
    qtbot.addWidget(third)
    third.show()
    choose(qtbot, third, write_export(tmp_path / "v48.csv", week_rows(start=MONDAY + dt.timedelta(7)),
                                      UNITLESS_HEADER), monkeypatch)
    assert combo(third, "Saved mapping").currentText() == "Ekbackeskolan vecka"
    assert combo(third, "Time is counted in").currentText() == "hours"


def test_cancelling_a_long_import_stores_nothing(qtbot, dialog, context, tmp_path, monkeypatch):
    from sst_desk.importers.people import fake_students
    from sst_desk.importers.samples import write_csv_export

    students = [(pid, f"{first} {last}") for pid, first, last in STUDENTS] + fake_students(100, seed=3)
    export = write_csv_export(tmp_path / "hela läsåret.csv", students, dt.date(2025, 8, 18), dt.date(2026, 6, 10),
                              per_lesson=True)  # a row per lesson: about 85,000 lines
    choose(qtbot, dialog, export.path, monkeypatch)
    fill(dialog, "Mapping name", "Ekbackeskolan lektioner")
    seen = threading.Event()
    dialog.sig_progress.connect(lambda *_: (find(dialog, "Cancel import").click(), seen.set()))
    from sst_desk.services import attendance as attendance_services

    importer = attendance_services.import_attendance

    def paced(uow, actor, path, spec, *, progress, **options):
        """The worker waits until the dialog has seen its progress (on a fast disk it may be done before)."""
        def report(done):
            progress(done)
            seen.wait(10)
        return importer(uow, actor, path, spec, progress=report, **options)

    monkeypatch.setattr(attendance_services, "import_attendance", paced)
    result = run(qtbot, dialog, "Import", timeout=60_000)
    assert result is not None and result.cancelled and not result.committed
    assert find(dialog, "Import result", QLabel).text() == "Cancelled. Nothing was imported."
    assert attendance_rows(context.db) == 0
    assert find(dialog, "Import").isEnabled()
    assert door(context.db).attendance.attendance_mappings() == []  # not saved either: nothing was imported


def test_escape_during_an_import_cancels_it_then_closes(qtbot, dialog, context, tmp_path, monkeypatch):
    from sst_desk.importers.people import fake_students
    from sst_desk.importers.samples import write_csv_export

    export = write_csv_export(tmp_path / "hela läsåret.csv", fake_students(100, seed=3), dt.date(2025, 8, 18),
                              dt.date(2026, 6, 10), per_lesson=True)
    choose(qtbot, dialog, export.path, monkeypatch)
    fill(dialog, "Mapping name", "Ekbackeskolan lektioner")
    with qtbot.waitSignal(dialog.sig_finished, timeout=60_000) as finished:
        click(dialog, "Import", wait=False)  # Escape comes while it runs
        assert dialog.running
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
        assert dialog.isVisible()  # not before the run has stopped
    assert finished.args[0].cancelled
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert attendance_rows(context.db) == 0


def test_escape_closes_at_once_when_nothing_runs(qtbot, dialog):
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_a_refusal_by_the_database_is_one_sentence(qtbot, dialog, context, tmp_path, monkeypatch):
    choose(qtbot, dialog, write_export(tmp_path / "v47.csv", week_rows()), monkeypatch)
    fill(dialog, "Mapping name", "Ekbackeskolan vecka")
    from sst_desk.security import signin

    other = signin.sign_in(context.db.path, "admin", UI_PASSWORD)  # the administrator may not import
    kurator, context.db.actor = context.db.actor, other.actor
    other.close()
    try:
        assert run(qtbot, dialog, "Import") is None
    finally:
        context.db.actor = kurator
    assert find(dialog, "Import result", QLabel).text() == "You do not have permission to do this."
    assert attendance_rows(context.db) == 0


def test_every_input_is_named_by_its_label(dialog):
    labelled = [label for label in dialog.findChildren(QLabel) if label.buddy() is not None]
    assert len(labelled) >= 15
    for label in labelled:
        assert label.buddy().accessibleName() == label.text().replace("&", ""), label.text()


def test_the_preview_models_are_sound(qtbot, qtmodeltester, dialog, tmp_path, monkeypatch):
    rows = week_rows()
    rows[1] = rows[1].replace(";360;", ";-1;", 1)
    choose(qtbot, dialog, write_export(tmp_path / "v47.csv", rows), monkeypatch)
    qtmodeltester.check(dialog.file_model)
    qtmodeltester.check(dialog.read_model)


# --- the main window ---------------------------------------------------------------------------------------------

def test_the_team_menu_imports_and_the_case_list_reloads(qtbot, main_window, tmp_path, monkeypatch):
    add_students(main_window.context.db)
    reload(main_window)
    action = main_window.team_actions["Import attendance…"]
    assert action.isVisible()
    action.trigger()
    from sst_desk.ui.attendance.import_dialog import AttendanceImportDialog

    dialog = main_window.findChild(AttendanceImportDialog)
    assert dialog is not None and dialog.isVisible()
    choose(qtbot, dialog, write_export(tmp_path / "v47.csv", week_rows(absent=180)), monkeypatch)
    fill(dialog, "Mapping name", "Ekbackeskolan vecka")
    with qtbot.waitSignal(main_window.sig_rows_loaded, timeout=20_000):
        assert run(qtbot, dialog, "Import").committed
    dialog.close()


@pytest.mark.parametrize(("role", "shown"), [("kurator", True), ("administrator", False)])
def test_the_action_is_for_those_who_may_import(qtbot, qapp, tmp_path, role, shown):
    from sst_desk.app import build_context
    from sst_desk.security import signin
    from sst_desk.settings import Settings
    from sst_desk.ui.caselist.main_window import MainWindow
    from sst_desk.workflow.access import Role

    file = tmp_path / "team.sqlite3"
    admin = signin.create_first_administrator(file, "admin", "Ada Admin", UI_PASSWORD)
    signin.add_account(admin, "kim", "Kim Kurator", Role.KURATOR, UI_PASSWORD)
    admin.close()
    db = signin.sign_in(file, "kim" if role == "kurator" else "admin", UI_PASSWORD)
    try:
        context = build_context(db, Settings.from_file(str(tmp_path / "settings.ini")))
        context.clock = lambda: NOW
        window = MainWindow(context)
        assert window.team_actions["Import attendance…"].isVisible() is shown
        window.deleteLater()
    finally:
        from sst_desk.ui.common.operations import wait_for_background_work

        wait_for_background_work()
        db.close()


def test_a_worker_imports_only_her_students_and_the_others_read_alike(qtbot, dialog, context, tmp_path,
                                                                      monkeypatch):
    """What broke (issue 10): the dialog told a worker which personnummer were in the register ("not found"
    for the rest), stored attendance for students she does not work with, and a check was not logged."""
    from sst_desk.persistence import Database, mapping
    from sst_desk.workflow.codes import Level, RaisedBy
    from sst_desk.workflow.entities import Case, Student

    colleagues = personnummer(dt.date(2012, 5, 5), 985)  # another worker's student
    protected = personnummer(dt.date(2012, 7, 7), 986)  # a protected student, not hers
    raw = Database.open(context.db.path, key=context.db.key)  # no one signed in: the case has no member
    try:
        for pid, first, is_protected in ((colleagues, "Dana", False), (protected, "Eli", True)):
            student = Student(first_name=first, last_name="Annansson", school="Ekbackeskolan", grade=7,
                              personal_id=pid, protected_identity=is_protected)
            door(raw).cases.add_case(Case(student=student, raised_on=NOW.date(), level=Level.NIVA_2,
                              raised_by=RaisedBy.ELEVHALSA))
    finally:
        raw.close()
    students = [STUDENTS[0], (colleagues, "Dana Annansson", ""), (protected, "Eli Annansson", ""),
                (STRANGER, "Okänd", "Elev")]
    choose(qtbot, dialog, write_export(tmp_path / "v47.csv", week_rows(students)), monkeypatch)
    fill(dialog, "Mapping name", "Ekbackeskolan vecka")
    for button in ("Check", "Import"):
        result = run(qtbot, dialog, button)
        assert result.students == 1
        rows = table_rows(dialog, "Not among your students")
        assert sorted(rows) == sorted([[pid, first_line, "5", "not among your students"]
                                       for pid, first_line in ((colleagues, "3"), (protected, "4"),
                                                               (STRANGER, "5"))])
    assert attendance_rows(context.db) == 5  # only her student's five days
    with context.db.engine.connect() as connection:
        details = list(connection.execute(sa.select(mapping.access_log.c.detail).where(
            mapping.access_log.c.action == "import").order_by(mapping.access_log.c.seq)).scalars())
    assert len(details) == 2 and "dry run" in details[0] and "dry run" not in details[1], details
    grab(dialog, "4-not-among-your-students.png")


# --- issue 11: what the file cannot settle is asked; copies are listed; notices before the import ----------------

def stored_days(db) -> list[dt.date]:
    from sst_desk.persistence import mapping

    with db.engine.connect() as connection:
        return sorted(set(connection.execute(sa.select(mapping.attendance.c.period_start)).scalars()))


def test_the_file_chooser_offers_every_spreadsheet_kind(qtbot, dialog, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr("sst_desk.ui.attendance.import_dialog.QFileDialog.getOpenFileName",
                        lambda parent, title, folder, filters: (asked.append(filters), ("", ""))[1])
    click(dialog, "Choose file…")
    assert asked and all(kind in asked[0] for kind in ("*.csv", "*.txt", "*.xlsx", "*.xlsm", "*.xls ", "*.ods"))


def test_the_per_period_choice_is_saved_with_the_mapping(qtbot, dialog, context, tmp_path, monkeypatch):
    choose(qtbot, dialog, write_export(tmp_path / "v47.csv", week_rows()), monkeypatch)
    box = find(dialog, "One row per student for a period (absence per student)")
    assert not box.isChecked()
    box.click()
    assert dialog.spec().per_period
    for role in ("First name", "Last name", "Absence kind (valid/invalid)", "Period from", "Period to"):
        assert combo(dialog, role).currentText() == NOT_IN_FILE
    assert "percent" in [combo(dialog, "Time is counted in").itemText(i)
                         for i in range(combo(dialog, "Time is counted in").count())]
    fill(dialog, "Mapping name", "Per elev")
    click(dialog, "Save mapping")
    assert door(context.db).attendance.attendance_mapping("Per elev").per_period
    grab(dialog, "issue11-per-period-form.png")


def test_dates_that_read_both_ways_are_asked_and_the_answer_is_stored(qtbot, dialog, context, tmp_path, monkeypatch):
    """11/2/2026 was stored as 11 February without a word (issue 11): the dialog asks, shows both readings."""
    from person import answer_dialog

    rows = [f"{pid};{first} {last};3/4/2026;360;40;20;20" for pid, first, last in STUDENTS]
    choose(qtbot, dialog, write_export(tmp_path / "us.csv", rows), monkeypatch)
    fill(dialog, "Mapping name", "Ekbackeskolan US")
    buttons: list[str] = []

    def march(box) -> None:
        buttons.extend(b.text() for b in box.buttons())
        grab(box, "issue11-ask-date-order.png")
        click(box, "4 March 2026")

    errors = answer_dialog(march)
    with qtbot.waitSignal(dialog.sig_imported, timeout=30_000):
        click(dialog, "Import", wait=False)
    assert not errors, errors
    assert "3 April 2026" in buttons and "4 March 2026" in buttons
    assert stored_days(context.db) == [dt.date(2026, 3, 4)]


def test_copied_rows_are_listed_and_skipped_only_when_asked(qtbot, dialog, context, tmp_path, monkeypatch):
    """The same rows pasted twice were summed (600 of 600 minutes instead of 300 of 300; issue 11)."""
    rows = week_rows()
    choose(qtbot, dialog, write_export(tmp_path / "dubbel.csv", [*rows, rows[0], rows[1]]), monkeypatch)
    fill(dialog, "Mapping name", "Ekbackeskolan vecka")
    result = run(qtbot, dialog, "Check")
    assert result.problem_count == 2
    problems = table_rows(dialog, "Problems")
    assert [p[2] for p in problems] == ["Line 17 is a copy of line 2.", "Line 18 is a copy of line 3."]
    assert find(dialog, "Skip the copies").isVisible()
    grab(dialog, "issue11-duplicates-listed.png")

    with qtbot.waitSignal(dialog.sig_finished, timeout=30_000) as checked:
        click(dialog, "Skip the copies")
    assert checked.args[0].ok
    assert "2 rows copy an earlier row and are skipped." in find(dialog, "Notices", QLabel).text()
    assert "Line 17 is a copy of line 2. Skipped." in find(dialog, "Notices", QLabel).text()
    result = run(qtbot, dialog, "Import, skipping the copies")
    assert result.committed and result.records == 15
    assert attendance_rows(context.db) == 15
    grab(dialog, "issue11-copies-skipped.png")


def test_rows_after_today_are_pointed_out_before_the_import(qtbot, dialog, context, tmp_path, monkeypatch):
    rows = [*week_rows(), *week_rows(start=dt.date(2031, 3, 3))]
    choose(qtbot, dialog, write_export(tmp_path / "framtid.csv", rows), monkeypatch)
    fill(dialog, "Mapping name", "Ekbackeskolan vecka")
    run(qtbot, dialog, "Check")
    notices = find(dialog, "Notices", QLabel).text()
    assert "15 rows are dated after today and will not be stored." in notices
    assert "Line 17: A date after today: not stored." in notices
    result = run(qtbot, dialog, "Import")
    assert result.committed and max(stored_days(context.db)) < dt.date(2031, 1, 1)


def test_a_per_student_percent_export_is_suggested_as_such(qtbot, dialog, tmp_path, monkeypatch):
    """Skola24's "frånvaro per elev": first and last name, one row per student, absence in percent."""
    path = tmp_path / "franvaro per elev.csv"
    lines = ["Förnamn;Efternamn;Anmäld frånvaro (%);Ej anmäld frånvaro (%)"]
    lines += [f"{first};{last};3,5;1,2" for _pid, first, last in STUDENTS]
    path.write_bytes("\r\n".join(lines).encode("cp1252"))
    choose(qtbot, dialog, path, monkeypatch)
    assert find(dialog, "One row per student for a period (absence per student)").isChecked()
    assert combo(dialog, "Time is counted in").currentText() == "percent"
    assert combo(dialog, "First name").currentText() == "Förnamn"
    assert combo(dialog, "Last name").currentText() == "Efternamn"
    assert combo(dialog, "Valid absence").currentText() == "Anmäld frånvaro (%)"
    assert combo(dialog, "Invalid absence").currentText() == "Ej anmäld frånvaro (%)"
    grab(dialog, "issue11-per-student-percent.png")
