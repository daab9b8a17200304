"""Åtkomstlogg: the team lead's review of who saw and did what.

Filter the log (user, student, period, action) and read it; verify the hash
chain, also against a head kept outside the database; export the head to keep;
draw and document sample checks (stickprov); print one student's access
history for a guardian. Every read goes through ``services.accesslog`` (the
door), which checks the team lead's rights and logs the reading itself — so the
entries are fetched when "Show entries" is pressed, not on every keystroke.
The search and the chain's verification run off the UI thread.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from sst_desk.fileio import TargetRefused
from sst_desk.reports.access_history import write_access_history
from sst_desk.services.errors import DatabaseError
from sst_desk.workflow.access import Action, Resource, allowed
from sst_desk.workflow.logchain import KeptHead, KeptHeadError, LogRow, LogVerification
from sst_desk.ui.common.dialogs import close_button_box
from sst_desk.ui.common.context import AppContext
from sst_desk.ui.accesslog.filters import DEFAULT_DAYS, LogFilters
from sst_desk.ui.accesslog.model import ROW_ROLE, LogColumn, LogTableModel, SampleCheckModel
from sst_desk.ui.accesslog.verdict import head_error_words, verdict_words
from sst_desk.ui.common.operations import run_and_wait, run_in_background, wait_for_background_work
from sst_desk.ui.accesslog.sample_check import SampleCheckDialog, failure_text, show_error

CONTEXT = "LogReviewDialog"
LIMIT = 1000  # rows shown at once; the filters narrow the rest
GOOD_STYLE = "color: #1b5e20;"
BAD_STYLE = "color: #b00020; font-weight: bold;"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def compact(view: QTableView) -> None:
    """One line per row, as many rows on screen as fit."""
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setWordWrap(False)


class LogReviewDialog(QDialog):
    """The access log for the team lead: entries, the chain's integrity, sample checks, access histories."""

    sig_verified = Signal(object)
    """Carries the ``LogVerification`` (or the exception) once a verification has finished."""
    sig_entries_shown = Signal(object)
    """Carries the list of ``LogRow`` shown (or the exception) once a search has finished."""

    def __init__(self, context: AppContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(self.tr("Access log"))
        self.setAccessibleName(self.tr("Access log"))
        self.filters = LogFilters(context.today(), self)
        self.filters.show_button.clicked.connect(self.show_entries)
        self.filters.sig_student_changed.connect(self._update_buttons)
        self._build_table()
        integrity, samples = self._build_integrity(), self._build_samples()
        self.print_button = self._button(self.tr("Print access history…"), self.print_history)
        close = close_button_box(self)
        lower = QHBoxLayout()
        lower.addWidget(integrity, 2)
        lower.addWidget(samples, 3)
        for box in (integrity, samples):
            box.setMaximumHeight(230)
        bottom = QHBoxLayout()
        bottom.addWidget(self.print_button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.filters)
        layout.addWidget(self.count_label)
        layout.addWidget(self.table, 1)
        layout.addLayout(lower)
        layout.addLayout(bottom)
        self.resize(1100, 760)
        self.searching = False
        self.filters.load_choices(context.door)
        self._samples_loaded = False
        self.show_entries()  # the sample checks are read once the entries are in (their reading is logged after)

    @property
    def db(self):
        return self.context.db

    def _button(self, text: str, slot) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text)
        button.clicked.connect(slot)
        return button

    # --- building ---------------------------------------------------------------------------------------

    def _build_table(self) -> None:
        self.count_label = QLabel(self)
        self.model = LogTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setAccessibleName(self.tr("Log entries"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        compact(self.table)
        header = self.table.horizontalHeader()
        for column in (LogColumn.TIME, LogColumn.USER, LogColumn.ACTION, LogColumn.STUDENT):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LogColumn.DETAIL, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)

    def _build_integrity(self) -> QGroupBox:
        box = QGroupBox(self.tr("Integrity of the log"), self)
        self.verify_button = self._button(self.tr("Verify the log"), lambda: self.verify())
        self.compare_button = self._button(self.tr("Compare with a kept head…"), self.compare_with_kept_head)
        self.export_button = self._button(self.tr("Export head…"), self.export_head)
        self.result = QLabel(self.tr("Not checked yet."), self)
        self.result.setAccessibleName(self.tr("Verification result"))
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        buttons = QHBoxLayout()
        for button in (self.verify_button, self.compare_button, self.export_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout(box)
        column.addLayout(buttons)
        column.addWidget(self.result, 1)
        return box

    def _build_samples(self) -> QGroupBox:
        box = QGroupBox(self.tr("Sample checks"), self)
        self.samples = SampleCheckModel(self)
        self.sample_table = QTableView(self)
        self.sample_table.setModel(self.samples)
        self.sample_table.setAccessibleName(self.tr("Sample checks"))
        self.sample_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sample_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        compact(self.sample_table)
        header = self.sample_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.sample_button = self._button(self.tr("Sample check…"), self.sample_check)
        column = QVBoxLayout(box)
        column.addWidget(self.sample_table, 1)
        column.addWidget(self.sample_button, 0, Qt.AlignmentFlag.AlignLeft)
        return box

    # --- the entries ------------------------------------------------------------------------------------

    def show_entries(self) -> None:
        """Read the entries the filters ask for, off the UI thread (logged as a reading of the log).

        ``sig_entries_shown`` says when they are in the table. Bad filters are explained at once and
        nothing is read.
        """
        query = self.filters.query()
        if query is None or self.searching:
            return
        self.searching = True
        self.filters.show_button.setEnabled(False)
        self.count_label.setText(self.tr("Reading the log…"))
        accesslog = self.context.door.accesslog
        run_in_background(self, lambda: accesslog.query_log(**query, limit=LIMIT), self._entries_read,
                          self._entries_failed)

    def _entries_failed(self, exc: BaseException) -> None:
        if not self._samples_loaded:
            self._samples_loaded = True
            self.load_sample_checks()
        self.searching = False
        self.filters.show_button.setEnabled(True)
        self.count_label.setText("")
        show_error(self.filters.error, self._failure(exc))
        self.sig_entries_shown.emit(exc)

    def _entries_read(self, rows: list[LogRow]) -> None:
        if not self._samples_loaded:
            self._samples_loaded = True
            self.load_sample_checks()
        self.searching = False
        self.filters.show_button.setEnabled(True)
        show_error(self.filters.error, "")
        self.model.set_rows(rows)
        self.count_label.setText(
            self.tr("The newest %1 entries are shown; narrow the filters to see older ones.").replace("%1", str(LIMIT))
            if len(rows) >= LIMIT else self.tr("%1 entries, newest first.").replace("%1", str(len(rows))))
        self._update_buttons()
        self.sig_entries_shown.emit(rows)

    def selected_row(self) -> LogRow | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].data(ROW_ROLE) if rows else None

    def selected_student(self) -> tuple[int, str] | None:
        """The student of the selected entry, or else the one chosen in the filter."""
        row = self.selected_row()
        if row is not None and row.student_id is not None and not row.student_hidden:
            return row.student_id, row.student_name
        return self.filters.student()

    def _update_buttons(self) -> None:
        self.print_button.setEnabled(self.selected_student() is not None)

    # --- integrity ----------------------------------------------------------------------------------------

    def verify(self, kept: KeptHead | None = None) -> None:
        """Check the chain off the UI thread (a long log takes seconds); ``sig_verified`` says when it is done."""
        self._set_busy(True)
        self.result.setStyleSheet("")
        self.result.setText(self.tr("Checking the log…"))
        accesslog = self.context.door.accesslog
        run_in_background(self, lambda: accesslog.verify_log(kept), self._verified, self._verify_failed)

    def _verified(self, verification: LogVerification) -> None:
        self._set_busy(False)
        self.result.setStyleSheet(GOOD_STYLE if verification.ok else BAD_STYLE)
        self.result.setText(verdict_words(verification, self.context.now()))
        self.sig_verified.emit(verification)

    def _verify_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        self.result.setStyleSheet(BAD_STYLE)
        self.result.setText(self._failure(exc))
        self.sig_verified.emit(exc)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.verify_button, self.compare_button, self.export_button):
            button.setEnabled(not busy)

    def compare_with_kept_head(self) -> None:
        path = self.choose_open_path(self.tr("Choose the kept head"))
        if not path:
            return
        try:
            kept = KeptHead.from_text(Path(path).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            self._bad_result(self.tr("The file %1 could not be read.").replace("%1", path))
            return
        except KeptHeadError as exc:
            self._bad_result(self.tr("The file %1 cannot be used as a kept head: %2")
                             .replace("%1", path).replace("%2", head_error_words(exc)))
            return
        self.verify(kept)

    def export_head(self) -> None:
        """Save the chain's head to a file to keep elsewhere; first make sure the log is intact (off the UI
        thread; ``sig_verified`` carries the finding, then the head is written)."""
        suggested = self._documents() / f"{self.tr('access-log-head')}-{self.context.today().isoformat()}.txt"
        path = self.choose_save_path(self.tr("Save the log's head as"), str(suggested), self.tr("Text files (*.txt)"))
        if not path:
            return
        self._set_busy(True)
        self.result.setStyleSheet("")
        self.result.setText(self.tr("Checking the log…"))
        accesslog = self.context.door.accesslog

        def checked(verification: LogVerification) -> None:
            self._set_busy(False)
            if not verification.ok and not self._confirm_export_anyway(len(verification.problems)):
                self._verified(verification)
                return
            self._write_head(Path(path))
            self.sig_verified.emit(verification)

        run_in_background(self, accesslog.verify_log, checked, self._verify_failed)

    def _write_head(self, path: Path) -> None:
        try:  # the save dialog asked before replacing; the export is logged once the file is on disk
            accesslog = self.context.door.accesslog
            head = run_and_wait(self, lambda: accesslog.export_head(path, force=True))
        except (DatabaseError, OSError, ValueError, TargetRefused) as exc:
            self._bad_result(self._failure(exc))
            return
        path = str(path)
        self.result.setStyleSheet(GOOD_STYLE)
        self.result.setText(self.tr("The head was saved to %1: entry %2, hash %3. Keep it outside this computer "
                                    "(print it, or save it on a USB stick) and compare the log with it later.")
                            .replace("%1", path).replace("%2", str(head.seq)).replace("%3", head.hash))

    def _confirm_export_anyway(self, problems: int) -> bool:
        answer = QMessageBox.warning(
            self, self.tr("Export head"),
            self.tr("The log has %1 problems: it has been changed. A head exported now would vouch for the changed "
                    "log. Export it anyway?").replace("%1", str(problems)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def _bad_result(self, text: str) -> None:
        self.result.setStyleSheet(BAD_STYLE)
        self.result.setText(text)

    # --- sample checks and histories -------------------------------------------------------------------------

    def load_sample_checks(self) -> None:
        try:
            accesslog = self.context.door.accesslog
            self.samples.set_rows(run_and_wait(self, accesslog.list_sample_checks))
        except (DatabaseError, OSError) as exc:
            show_error(self.filters.error, self._failure(exc))

    def sample_check(self) -> None:
        since, until, _ = self.filters.period()
        today = self.context.today()
        since = since or today - dt.timedelta(days=DEFAULT_DAYS)
        dialog = SampleCheckDialog(self.context.door, since, until or today, self)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.load_sample_checks()
        finally:
            dialog.deleteLater()

    def print_history(self) -> None:
        """Write the selected student's access history as a PDF for the guardian, and open it."""
        student = self.selected_student()
        if student is None:
            return
        student_id, name = student
        safe = "".join(ch for ch in name if ch.isalnum() or ch in " -_").strip() or str(student_id)
        suggested = self._documents() / f"{self.tr('Access history')} {safe}.pdf"
        path = self.choose_save_path(self.tr("Save the access history as"), str(suggested),
                                     self.tr("PDF documents (*.pdf)"))
        if not path:
            return
        chosen = path
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        actor = getattr(self.db, "actor", None)
        from sst_desk.ui.printing.report_context import report_context

        report = report_context(self.context, actor.label if actor else None)
        try:
            accesslog = self.context.door.accesslog
            history = run_and_wait(self, lambda: accesslog.student_access_history(student_id, for_print=True))
            written = write_access_history(Path(path), history.student_name, history.rows, report,
                                           force=path == chosen, database=getattr(self.db, "path", None))
        except (DatabaseError, OSError, TargetRefused) as exc:
            QMessageBox.critical(self, self.tr("Could not print"), self._failure(exc))
            return
        self.open_file(written)

    # --- seams tests replace -----------------------------------------------------------------------------------

    def choose_save_path(self, title: str, suggested: str, filters: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(self, title, suggested, filters)
        return path or None

    def choose_open_path(self, title: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(self, title, str(self._documents()),
                                              self.tr("Kept heads (*.txt);;All files (*)"))
        return path or None

    def open_file(self, path: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    @staticmethod
    def _documents() -> Path:
        return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))

    def _failure(self, exc: BaseException) -> str:
        if isinstance(exc, ValueError):
            return self.tr("The access log is empty.")
        return failure_text(exc)

    def done(self, result: int) -> None:  # noqa: D102 - a verification may still be running
        wait_for_background_work()
        super().done(result)


def open_log_review(parent: QWidget | None, context: AppContext) -> None:
    """Show the access log to whoever may read it (the team lead); others are told why not."""
    actor = getattr(context.db, "actor", None)
    if actor is not None and not allowed(actor, Resource.ACCESS_LOG, Action.READ_LOG):
        QMessageBox.information(parent, _t("Access log"), _t("Only the team lead can review the access log."))
        return
    dialog = LogReviewDialog(context, parent)
    try:
        dialog.exec()
    finally:
        dialog.deleteLater()
