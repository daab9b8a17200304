"""Team → Import attendance…: read a school's attendance export (CSV or XLSX) into the team database.

The kurator chooses the weekly export, chooses the school's saved column
mapping (or maps the columns once, helped by the importer's suggestions),
sees at once what the mapping reads from the first lines, then checks or
imports. The import runs in the background with a progress bar and Cancel
(pattern of ``batch_print``); it is all or nothing (``services.attendance.import_attendance``),
so a refused or cancelled import leaves the database as it was. The mapping
form, the preview models and the result panel live in ``attendance_mapping_form``,
``attendance_preview`` and ``attendance_results``.

Issue 11: when the file cannot settle its date order, its weeks' year or its
period, the run fails with DATE_ORDER_AMBIGUOUS / WEEK_YEAR_UNKNOWN / PERIOD_UNKNOWN;
the dialog then asks (``attendance_asks``), keeps the answer in ``self.options``
for this file (reset when another file is chosen) and runs the same check or
import again. DUPLICATE_ROW problems show "Skip the copies", which checks again
with ``skip_duplicates``; the import button then says it skips them.
"""

from __future__ import annotations

import itertools
import logging
from dataclasses import replace
import threading
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sst_desk.importers.attendance_spec import (
    ImportOptions,
    MappingSpec,
    ProblemCode,
    Progress,
    RowNotice,
    RowProblem,
    today,
)
from sst_desk.ui.attendance.asks import ASKED, ask
from sst_desk.ui.attendance.mapping_form import MappingForm
from sst_desk.ui.attendance.preview import FileRowsModel, ReadModel, span_problems
from sst_desk.ui.attendance.results import ResultPanel
from sst_desk.attendance_words import problem_sentence
from sst_desk.ui.common.context import AppContext
from sst_desk.ui.common.errors import database_error_text
from sst_desk.ui.case.forms import ERROR_STYLE
from sst_desk.ui.common.operations import Operation, run_and_wait

log = logging.getLogger(__name__)
CONTEXT = "AttendanceImport"
PREVIEW_LINES = 50  # raw rows shown from the file
READ_LINES = 20  # results of read_rows shown under them
DEBOUNCE_MS = 300
# The importer reads a CSV in small buffered chunks; each read lets go of the GIL for microseconds only and
# takes it straight back, so the UI thread, woken too late each time, can starve for the whole import
# (CPython's "convoy effect", bpo-7946: measured, no repaint for 1 s over 250,000 rows). A short sleep at
# each progress report (every 5,000 rows, ~20 ms of reading) hands the UI thread the GIL; it costs ~5 %.
YIELD_SECONDS = 0.001


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class _Relay(QObject):
    """Carries the import's progress from the worker thread to the UI thread (queued)."""

    sig_progress = Signal(object, object)
    """(done, total): bytes (CSV) or rows (XLSX) read so far, of all."""


def file_format_text(table) -> str:
    """ "CSV, semicolon, Windows-1252" or "Excel, sheet Närvaro"."""
    if table.kind == "ods":
        return _t("OpenDocument, sheet %1").replace("%1", table.sheet or "")
    if table.kind != "csv":  # xlsx, xlsm, xls: whatever kind the spreadsheet reader names
        return _t("Excel, sheet %1").replace("%1", table.sheet or "")
    delimiters = {";": _t("semicolon"), ",": _t("comma"), "\t": _t("tab"), "|": _t("vertical bar")}
    delimiter = delimiters.get(table.delimiter, "\u201c" + (table.delimiter or "") + "\u201d")
    encoding = (table.encoding or "").lower().replace("_", "-")
    shown = {"cp1252": "Windows-1252", "windows-1252": "Windows-1252", "utf-8": "UTF-8", "utf-8-sig": "UTF-8",
             "utf8": "UTF-8", "latin-1": "ISO-8859-1", "iso-8859-1": "ISO-8859-1", "utf-16": "UTF-16",
             "mac-roman": "Mac Roman"}.get(encoding, table.encoding or "")
    return _t("CSV, %1, %2").replace("%1", delimiter).replace("%2", shown)


class AttendanceImportDialog(QDialog):
    """Choose a file, map its columns, see what will be read, check or import."""

    sig_imported = Signal(object)
    """Emitted after an import stored its records (the ImportResult); the main window reloads its list."""
    sig_progress = Signal(int, int)
    """(per mille done, 1000) on the UI thread while a check or import runs."""
    sig_finished = Signal(object)
    """Emitted when a check or import ended: its ImportResult, or None when it failed or could not read the file."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.table = None  # attendance_file.TableFile of the chosen file
        self.headers: list[str] = []
        self._header_row_used: int | None = None
        self._cancel = threading.Event()
        self.running = False
        self._close_when_done = False
        self._run_spec: MappingSpec | None = None
        self._rows_cache: list[tuple[int, list[str]]] | None = None
        self.options = ImportOptions()  # the person's answers for this file (asked when the file cannot tell)
        self._run_dry = True
        self.setWindowTitle(_t("Import attendance"))
        self.setMinimumSize(1000, 700)
        self.resize(1240, 820)
        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(DEBOUNCE_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self._build()
        self._load_saved()
        self._update_buttons()

    # --- building ------------------------------------------------------------------------------------------

    def _build(self) -> None:
        self.path_field = QLineEdit(self)
        self.path_field.setReadOnly(True)
        self.path_field.setPlaceholderText(_t("Choose the school's attendance export (CSV, Excel or OpenDocument)"))
        self.choose_button = QPushButton(_t("Choose file…"), self)
        self.choose_button.clicked.connect(lambda: self.choose_file())
        self.format_label = QLabel(self)
        self.format_label.setAccessibleName(_t("File format"))
        self.sheet_box = QComboBox(self)
        self.sheet_caption = QLabel(_t("Sheet"), self)
        self.sheet_caption.setBuddy(self.sheet_box)
        self.sheet_box.currentIndexChanged.connect(self._sheet_chosen)
        self.file_error = QLabel(self)
        self.file_error.setStyleSheet(ERROR_STYLE)
        self.file_error.setWordWrap(True)
        self.file_error.setAccessibleName(_t("File problem"))
        file_caption = QLabel(_t("File"), self)
        file_caption.setBuddy(self.path_field)
        for widget, name in ((self.path_field, _t("File")), (self.choose_button, _t("Choose file…")),
                             (self.sheet_box, _t("Sheet"))):
            widget.setAccessibleName(name)
        file_grid = QGridLayout()
        file_grid.addWidget(file_caption, 0, 0)
        file_grid.addWidget(self.path_field, 0, 1)
        file_grid.addWidget(self.choose_button, 0, 2)
        row = QHBoxLayout()
        row.addWidget(self.format_label)
        row.addSpacing(24)
        row.addWidget(self.sheet_caption)
        row.addWidget(self.sheet_box)
        row.addStretch(1)
        file_grid.addLayout(row, 1, 1, 1, 2)
        file_grid.addWidget(self.file_error, 2, 1, 1, 2)
        file_grid.setColumnStretch(1, 1)
        self._show_sheets()

        self.form = MappingForm(self)
        self.form.sig_changed.connect(self._mapping_changed)
        self.form.sig_saved_chosen.connect(self._saved_chosen)
        mapping_box = QGroupBox(_t("Column mapping"), self)
        scroll = QScrollArea(mapping_box)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.form)
        QVBoxLayout(mapping_box).addWidget(scroll)
        mapping_box.setMinimumWidth(400)

        self.file_model = FileRowsModel(self)
        self.file_view = self._table(_t("File preview"), self.file_model)
        self.read_model = ReadModel(self)
        self.read_view = self._table(_t("What will be read"), self.read_model)
        self.read_view.verticalHeader().hide()
        self.read_note = QLabel(self)
        self.read_note.setWordWrap(True)
        self.read_note.setStyleSheet("color: #555;")
        self.results = ResultPanel(self)
        preview_box = self._titled(_t("The file's first rows"), self.file_view)
        read_box = self._titled(_t("What will be read"), self.read_view, self.read_note)
        right = self.right_splitter = QSplitter(Qt.Orientation.Vertical, self)
        for widget in (preview_box, read_box, self.results):
            right.addWidget(widget)
            right.setCollapsible(right.indexOf(widget), False)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 3)
        right.setStretchFactor(2, 3)
        middle = QSplitter(Qt.Orientation.Horizontal, self)
        middle.addWidget(mapping_box)
        middle.addWidget(right)
        middle.setStretchFactor(1, 1)
        middle.setSizes([430, 800])

        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setAccessibleName(_t("Mapping status"))
        self.progress = QProgressBar(self)
        self.progress.setAccessibleName(_t("Import progress"))
        self.progress.setRange(0, 1000)
        self.cancel_button = QPushButton(_t("Cancel import"), self)
        self.cancel_button.setAccessibleName(_t("Cancel import"))
        self.cancel_button.clicked.connect(self.cancel)
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.cancel_button)
        self.progress.hide()
        self.cancel_button.hide()

        self.save_button = QPushButton(_t("Save mapping"), self)
        self.check_button = QPushButton(_t("Check"), self)
        self.import_button = QPushButton(_t("Import"), self)
        self.close_button = QPushButton(_t("Close"), self)
        self.skip_button = QPushButton(_t("Skip the copies"), self)
        self.skip_button.setAccessibleName(_t("Skip the copies"))
        self.skip_button.setToolTip(_t("Check again, leaving out every row that is an exact copy of an earlier row."))
        self.skip_button.setAutoDefault(False)
        self.skip_button.clicked.connect(self.skip_duplicates)
        self.skip_button.hide()
        for button, slot in ((self.save_button, self.save_mapping), (self.check_button, lambda: self.start(True)),
                             (self.import_button, lambda: self.start(False)), (self.close_button, self.reject)):
            button.setAccessibleName(button.text())
            button.setAutoDefault(False)
            button.clicked.connect(slot)
        self.check_button.setToolTip(_t("Read the whole file and show what an import would do; nothing is stored."))
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        for button in (self.skip_button, self.check_button, self.import_button, self.close_button):
            buttons.addWidget(button)

        layout = QVBoxLayout(self)
        layout.addLayout(file_grid)
        layout.addWidget(middle, 1)
        layout.addWidget(self.status)
        layout.addLayout(running)
        layout.addLayout(buttons)

        chain = [self.path_field, self.choose_button, self.sheet_box, self.form.saved_box, self.form.name,
                 self.form.school, self.form.identifier, self.form.unit, self.form.header_row,
                 self.form.per_period,
                 *self.form.role_boxes.values(), self.file_view, self.read_view, self.results.problems_view,
                 self.results.unmatched_view, self.cancel_button, self.save_button, self.skip_button,
                 self.check_button,
                 self.import_button, self.close_button]
        for first, second in itertools.pairwise(chain):
            self.setTabOrder(first, second)

    def _table(self, name: str, model) -> QTableView:
        view = QTableView(self)
        view.setAccessibleName(name)
        view.setModel(model)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setTabKeyNavigation(False)  # Tab moves on; arrows move within the table
        view.setAlternatingRowColors(True)
        view.horizontalHeader().setStretchLastSection(True)
        view.verticalHeader().setDefaultSectionSize(24)
        return view

    def _titled(self, title: str, view: QWidget, note: QLabel | None = None) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(QLabel(f"<b>{title}</b>", box))
        column.addWidget(view, 1)
        if note is not None:
            column.addWidget(note)
        return box

    # --- the file ------------------------------------------------------------------------------------------

    def choose_file(self, path: str | Path | None = None) -> None:
        """Open ``path``, or ask for a file."""
        if path is None:
            folder = str(self.table.path.parent) if self.table is not None else \
                QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DownloadLocation)
            path, _ = QFileDialog.getOpenFileName(
                self, _t("Choose the attendance export"), folder,
                _t("Attendance exports (*.csv *.txt *.xlsx *.xlsm *.xls *.ods);;All files (*)"))
            if not path:
                return
        self.open_file(Path(path))

    def open_file(self, path: Path, sheet: str | None = None) -> None:
        from sst_desk.importers.attendance_file import ImportFileError, open_table

        self.results.clear()
        self.options = ImportOptions()
        self._update_import_text()
        self.path_field.setText(str(path))
        try:
            table = open_table(path, sheet)
        except ImportFileError as exc:
            self._file_failed(exc.problem)
            return
        except OSError:
            self._file_failed(RowProblem(0, ProblemCode.FILE_UNREADABLE))
            return
        self.table = table
        self._rows_cache = None
        self.file_error.clear()
        self.format_label.setText(file_format_text(table))
        self._show_sheets()
        if not self._read_headers(force=True):
            return
        if self.form.saved_spec() is None and not self.form.name.text().strip():
            fitting = self._fitting_saved()
            if fitting is not None:
                self.form.choose_saved(fitting.name)  # the school's usual export: its mapping at once
            else:
                self.form.new_mapping(self._sample_rows())
        self._mapping_changed()
        self.refresh_preview()

    def _file_failed(self, problem: RowProblem) -> None:
        self.table = None
        self.headers = []
        self.form.set_headers([])
        self.format_label.clear()
        self._show_sheets()
        self.file_error.setText(problem_sentence(problem))
        self.file_model.set_rows([], None, {})
        self.read_model.set_items([])
        self.read_note.clear()
        self._check_mapping()
        self._update_buttons()

    def _read_headers(self, force: bool = False) -> bool:
        """The headers of the chosen header row (or the guessed one); False when the file cannot give them."""
        from sst_desk.importers.attendance_file import ImportFileError

        header_row = self.form.header_row.value() or None
        if self.table is None or (not force and header_row == self._header_row_used):
            return self.table is not None
        try:
            self.headers = self._headers_at(header_row)
        except ImportFileError as exc:
            self._file_failed(exc.problem)
            return False
        self._header_row_used = header_row
        self.form.set_headers(self.headers, self._sample_rows())
        return True

    # A spreadsheet is parsed whole each time calamine opens a sheet (seconds for a big one), so the rows the
    # preview needs are read once per file and sheet, not per keystroke.

    def _preview_rows(self) -> list[tuple[int, list[str]]]:
        if self._rows_cache is None:
            self._rows_cache = self.table.preview(PREVIEW_LINES)
        return self._rows_cache

    def _sample_rows(self) -> list[list[str]]:
        """The preview's data rows under the header row (for the suggestions of kind, unit and period)."""
        header_row = self.form.header_row.value() or self._guessed_header_row()
        if header_row is None:
            return []
        return [cells for line, cells in self._preview_rows() if line > header_row]

    def _guessed_header_row(self) -> int | None:
        from sst_desk.importers.headers import guess_header_index

        rows = self._preview_rows()
        index = guess_header_index([cells for _line, cells in rows])
        return None if index is None else rows[index][0]

    def _headers_at(self, header_row: int | None) -> list[str]:
        """``TableFile.headers`` from the cached rows (the same functions), or from the file past them."""
        from sst_desk.importers.headers import combined_headers

        rows = self._preview_rows()
        row = header_row if header_row is not None else self._guessed_header_row()
        lines = [line for line, _cells in rows]
        if row is None:
            return []
        if row in lines and lines.index(row) + 3 < len(lines) or len(rows) < PREVIEW_LINES:
            return combined_headers([cells for _line, cells in rows], lines.index(row)) if row in lines else []
        return list(self.table.headers(row))

    def _show_sheets(self) -> None:
        sheets = list(self.table.sheets) if self.table is not None and self.table.kind != "csv" else []
        self.sheet_box.blockSignals(True)
        self.sheet_box.clear()
        self.sheet_box.addItems(sheets)
        if self.table is not None and self.table.sheet in sheets:
            self.sheet_box.setCurrentIndex(sheets.index(self.table.sheet))
        self.sheet_box.blockSignals(False)
        several = len(sheets) > 1
        self.sheet_box.setVisible(several)
        self.sheet_caption.setVisible(several)

    def _sheet_chosen(self, _index: int) -> None:
        if self.table is not None and self.sheet_box.currentText() and self.sheet_box.currentText() != self.table.sheet:
            self.open_file(Path(self.table.path), self.sheet_box.currentText())

    def _fitting_saved(self) -> MappingSpec | None:
        """The first saved mapping whose every column is in this file (same sheet, same header row)."""
        from sst_desk.importers.attendance_file import check_spec

        for spec in self.form.saved:
            if spec.sheet and self.table.kind != "csv" and spec.sheet != self.table.sheet:
                continue
            try:
                headers = self._headers_at(spec.header_row)
            except Exception:
                log.debug("saved mapping %s does not fit", spec.name, exc_info=True)
                continue
            if spec.columns and not check_spec(spec, headers):
                return spec
        return None

    # --- the mapping ---------------------------------------------------------------------------------------

    def _load_saved(self) -> None:
        try:
            door = self.context.door
            self.form.set_saved(run_and_wait(self, lambda: door.attendance.attendance_mappings()))
        except Exception as exc:  # noqa: BLE001 - said in words; the dialog still maps by hand
            self._say(database_error_text(exc), error=True)

    def _saved_chosen(self, spec: MappingSpec | None) -> None:
        if spec is not None and spec.sheet and self.table is not None and self.table.kind != "csv" \
                and spec.sheet in self.table.sheets and spec.sheet != self.table.sheet:
            self.open_file(Path(self.table.path), spec.sheet)

    def spec(self) -> MappingSpec:
        """The mapping as the form shows it, with the chosen sheet."""
        sheet = self.table.sheet if self.table is not None and self.table.kind != "csv" else None
        return self.form.spec(sheet)

    def _mapping_changed(self) -> None:
        self._read_headers()
        self._check_mapping()
        self._update_buttons()
        self._preview_timer.start()

    def _check_mapping(self) -> list[RowProblem]:
        """check_spec's problems, shown under their choosers (or in the status line)."""
        from sst_desk.importers.attendance_file import check_spec

        problems = check_spec(self.spec(), self.headers) if self.table is not None else []
        rest = self.form.show_problems(problems)
        self._say(" ".join(problem_sentence(p) for p in rest), error=True)
        return problems

    def _say(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)
        self.status.setVisible(bool(text))

    def save_mapping(self) -> bool:
        spec = self.spec()
        if not spec.name:
            self.form.show_name_problem(_t("Give the mapping a name, such as the school and the export."))
            self.form.name.setFocus()
            return False
        try:
            door = self.context.door
            run_and_wait(self, lambda: door.attendance.save_attendance_mapping(spec))
        except Exception as exc:  # noqa: BLE001 - AccessDeniedError, DatabaseError: said in words
            self._say(database_error_text(exc), error=True)
            return False
        self._load_saved()  # keeps the choice; then choose the one just saved
        if self.form.saved_spec() is None or self.form.saved_spec().name != spec.name:
            self.form.blockSignals(True)
            self.form.choose_saved(spec.name)
            self.form.blockSignals(False)
        self._say(_t("The mapping \u201c%1\u201d was saved.").replace("%1", spec.name))
        return True

    # --- the preview ---------------------------------------------------------------------------------------

    def refresh_preview(self) -> None:
        """The file's first rows and what the mapping reads from them (stops reading after READ_LINES)."""
        from sst_desk.importers.attendance_file import ImportFileError, read_rows

        self._preview_timer.stop()
        if self.table is None:
            self.file_model.set_rows([], None, {})
            self.read_model.set_items([])
            return
        spec = self.spec()
        try:
            rows = self._preview_rows()
            header_row = spec.header_row or self._guessed_header_row()
        except ImportFileError as exc:
            self._file_failed(exc.problem)
            return
        roles: dict[int, list] = {}
        for role, header in spec.columns.items():
            if header in self.headers:
                roles.setdefault(self.headers.index(header), []).append(role)
        self.file_model.set_rows(rows, header_row, roles)
        self.file_view.resizeColumnsToContents()
        items: list = []
        note = ""
        if self._check_mapping():
            note = _t("Choose the columns above to see what will be read.")
        else:
            reader = read_rows(self.table.path, spec, options=self.options)
            try:
                # Notices (weekend, future, copies skipped) are the check's to list; the preview shows rows.
                items = list(itertools.islice((i for i in reader if not isinstance(i, RowNotice)), READ_LINES))
            except ImportFileError as exc:
                note = problem_sentence(exc.problem)
                if exc.problem.code in ASKED:
                    note += " " + _t("Check or Import asks you, then reads the file with your answer.")
            except Exception:
                log.exception("Attendance preview failed")
                note = _t("The preview could not read the file; Check shows what is wrong.")
            finally:
                reader.close()
            if not items and not note:
                note = _t("There are no rows under the header row.")
        self.read_model.set_items(items)
        span_problems(self.read_view, self.read_model)
        self.read_view.resizeColumnsToContents()
        self.read_note.setText(note)
        self.read_note.setVisible(bool(note))

    # --- checking and importing ----------------------------------------------------------------------------

    def _update_buttons(self) -> None:
        idle = not self.running
        ready = idle and self.table is not None
        self.check_button.setEnabled(ready)
        self.import_button.setEnabled(ready)
        self.save_button.setEnabled(idle)
        self.choose_button.setEnabled(idle)
        self.sheet_box.setEnabled(idle)
        self.form.setEnabled(idle)

    def start(self, dry_run: bool) -> bool:
        """Check (``dry_run``) or import the chosen file in the background; False if it cannot start."""
        if self.running or self.table is None:
            return False
        spec = self.spec()
        if self._check_mapping():
            self._say(_t("Complete the column mapping first: the problems are shown next to the choices."), error=True)
            return False
        if not dry_run and not spec.name:
            self.form.show_name_problem(_t("Give the mapping a name; it is saved with the import for next time."))
            self.form.name.setFocus()
            return False
        self._preview_timer.stop()
        self._cancel.clear()
        self._run_spec = spec
        self._run_dry = dry_run
        self.skip_button.hide()
        self.running = True
        self.results.clear()
        self._say("")
        self.progress.setRange(0, 0)  # busy until the first progress arrives
        self.progress.setFormat(_t("Checking… %p %") if dry_run else _t("Importing… %p %"))
        self.progress.show()
        self.cancel_button.setEnabled(True)
        self.cancel_button.show()
        self._update_buttons()
        relay = _Relay(self)
        relay.sig_progress.connect(self._progress_arrived)
        door, path, cancelled, options = self.context.door, Path(self.table.path), self._cancel.is_set, self.options

        def report(progress: Progress) -> None:
            relay.sig_progress.emit(progress.done, progress.total)
            time.sleep(YIELD_SECONDS)

        Operation(self, lambda: door.attendance.import_attendance(path, spec, dry_run=dry_run, progress=report,
                                                                  cancelled=cancelled, options=options)) \
            .success(self._done).failure(self._failed).run_in_background()
        self.cancel_button.setFocus()
        return True

    def _progress_arrived(self, done: int, total: int) -> None:
        if not self.running or self._cancel.is_set():
            return
        per_mille = min(1000, 1000 * done // total) if total else 0
        self.progress.setRange(0, 1000)
        self.progress.setValue(per_mille)
        self.sig_progress.emit(per_mille, 1000)

    def cancel(self) -> None:
        """Stop the running check or import; nothing is stored (the import rolls back)."""
        if self.running:
            self._cancel.set()
            self.cancel_button.setEnabled(False)
            self.progress.setFormat(_t("Cancelling…"))

    def _finish(self) -> None:
        self.running = False
        self.progress.hide()
        self.cancel_button.hide()
        self._update_buttons()

    def _show_results(self) -> None:
        """Make room for the result: the previews shrink, the tables of problems and students come first."""
        total = sum(self.right_splitter.sizes()) or 600
        self.right_splitter.setSizes([total // 4, total // 4, total - 2 * (total // 4)])

    def _done(self, result) -> None:
        self._finish()
        self.results.show_result(result)
        self._show_results()
        duplicates = any(p.code is ProblemCode.DUPLICATE_ROW for p in result.problems)
        self.skip_button.setVisible(duplicates and not self.options.skip_duplicates)
        if result.committed:
            self._save_after_import()
            self.sig_imported.emit(result)
        self.sig_finished.emit(result)
        self._close_if_asked()

    def _save_after_import(self) -> None:
        spec = self._run_spec
        if spec is None or not spec.name:
            return
        saved = self.form.saved_spec()
        try:
            door = self.context.door
            run_and_wait(self, lambda: door.attendance.save_attendance_mapping(spec))
        except Exception as exc:  # noqa: BLE001 - the records are stored; only the mapping was not
            self._say(database_error_text(exc), error=True)
            return
        self._load_saved()
        if saved is None or saved.name != spec.name:
            self.form.blockSignals(True)
            self.form.choose_saved(spec.name)
            self.form.blockSignals(False)

    def _failed(self, error: BaseException) -> None:
        from sst_desk.importers.attendance_file import ImportCancelled, ImportFileError

        self._finish()
        if isinstance(error, ImportCancelled):
            self.results.show_message(_t("Cancelled. Nothing was imported."))
        elif isinstance(error, ImportFileError) and error.problem.code in ASKED and not self._close_when_done:
            self.sig_finished.emit(None)
            # Asked after this callback returns: the answer re-runs the same check or import.
            QTimer.singleShot(0, lambda: self._ask(error.problem))
            return
        elif isinstance(error, ImportFileError):
            self.results.show_message(problem_sentence(error.problem) + " " + _t("Nothing was imported."),
                                      error=True)
        else:  # AccessDeniedError, DatabaseError, OSError: one sentence, never a traceback
            self.results.show_message(database_error_text(error), error=True)
        self._show_results()
        self.sig_finished.emit(None)
        self._close_if_asked()

    def _ask(self, problem: RowProblem) -> None:
        """The file cannot settle its date order, year or period: ask, then run again with the answer."""
        answered = ask(self, problem, self.options, today())
        if answered is None:
            self.results.show_message(problem_sentence(problem) + " " + _t("Nothing was imported."), error=True)
            self._show_results()
            return
        self.options = answered
        self._update_import_text()
        self.refresh_preview()
        self.start(self._run_dry)

    def skip_duplicates(self) -> None:
        """Check again without the rows that copy an earlier row (they are listed as skipped)."""
        self.options = replace(self.options, skip_duplicates=True)
        self.skip_button.hide()
        self._update_import_text()
        self.start(True)

    def _update_import_text(self) -> None:
        """The import button says what it will do."""
        text = _t("Import, skipping the copies") if self.options.skip_duplicates else _t("Import")
        self.import_button.setText(text)
        self.import_button.setAccessibleName(text)

    def _close_if_asked(self) -> None:
        if self._close_when_done:
            self._close_when_done = False
            super().reject()

    # --- closing -------------------------------------------------------------------------------------------

    def reject(self) -> None:
        """Esc and Close: close at once when nothing runs; otherwise cancel the run and close when it stops."""
        if self.running:
            self._close_when_done = True
            self.cancel()
            return
        super().reject()

    def closeEvent(self, event) -> None:
        if self.running:
            self._close_when_done = True
            self.cancel()
            event.ignore()
            return
        super().closeEvent(event)


def open_attendance_import(parent: QWidget | None, context: AppContext) -> AttendanceImportDialog:
    """Show the import dialog (modal to ``parent``); returns it."""
    dialog = AttendanceImportDialog(context, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    return dialog
