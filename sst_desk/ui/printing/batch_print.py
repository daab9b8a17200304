"""The team lead's batch print: every current handlingsplan of a school, a worker or the team as one PDF.

The dialog reads the case list once (which cases have a plan in force, who is
responsible for each) and counts as the lead chooses. "Print…" asks where to
save, then loads the cases and builds the PDF in the background with a
progress dialog; Cancel stops it and nothing is written or logged. Cases
without a valid samtycke are skipped (a batch cannot state a legal ground per
case) and named in the summary. See ``reports.batch`` and ``services.printing``
(the same use cases as ``sst-desk print batch``).
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGridLayout,
    QLabel,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from sst_desk.ui.common.context import AppContext
from sst_desk.ui.common.errors import database_error_text
from sst_desk.ui.common.operations import Operation, run_and_wait

CONTEXT = "BatchPrint"
MAX_NAMES = 15  # skipped students named in the summary; the rest are counted


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class _Progress(QObject):
    """Carries progress from the worker thread to the UI thread (queued)."""

    sig_step = Signal(int, int)
    """(steps done, steps in all): loading the cases, then building their plans."""


class BatchPrintDialog(QDialog):
    def __init__(self, context: AppContext, parent: QWidget | None = None, candidates=None) -> None:
        """``candidates`` (``services.printing.BatchCandidates``) are read in the background when not given."""
        super().__init__(parent)
        self.context = context
        self.setWindowTitle(_t("Print action plans"))
        self.setMinimumWidth(440)
        if candidates is None:
            door, today = context.door, context.today()
            candidates = run_and_wait(parent or self, lambda: door.printing.batch_candidates(today))
        self.candidates = candidates
        self.outcome = None  # the last BatchOutcome (tests, and the caller)
        self._cancel = threading.Event()
        self._progress: QProgressDialog | None = None
        self._build()
        self._update_count()

    def _build(self) -> None:
        intro = QLabel(_t("All current action plans (cases in genomförande or uppföljning) as one PDF. "
                          "Cases without a valid consent are skipped."))
        intro.setWordWrap(True)
        self.all_cases = QRadioButton(_t("All cases I can see"))
        self.by_school = QRadioButton(_t("One school"))
        self.by_worker = QRadioButton(_t("One worker's cases"))
        self.school = QComboBox()
        self.school.addItems(self.candidates.schools)
        self.worker = QComboBox()
        for user_id, name in self.candidates.workers:
            self.worker.addItem(name, user_id)
        for widget, name in ((self.all_cases, _t("All cases I can see")), (self.by_school, _t("One school")),
                             (self.by_worker, _t("One worker's cases")), (self.school, _t("School")),
                             (self.worker, _t("Worker"))):
            widget.setAccessibleName(name)
        self.choice = QButtonGroup(self)
        grid = QGridLayout()
        for row, (radio, combo) in enumerate(((self.all_cases, None), (self.by_school, self.school),
                                              (self.by_worker, self.worker))):
            self.choice.addButton(radio)
            grid.addWidget(radio, row, 0)
            if combo is not None:
                grid.addWidget(combo, row, 1)
                combo.currentIndexChanged.connect(self._update_count)
        self.all_cases.setChecked(True)
        self.choice.buttonToggled.connect(self._update_count)
        self.count = QLabel()
        self.count.setAccessibleName(_t("Plans to print"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = buttons.addButton(_t("Print…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button.setAccessibleName(_t("Print…"))
        self.print_button.clicked.connect(self.print_batch)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for item in (intro, grid, self.count, buttons):
            (layout.addLayout if isinstance(item, QGridLayout) else layout.addWidget)(item)
        self.setTabOrder(self.all_cases, self.by_school)
        self.setTabOrder(self.by_school, self.school)
        self.setTabOrder(self.school, self.by_worker)
        self.setTabOrder(self.by_worker, self.worker)
        self.setTabOrder(self.worker, self.print_button)

    # --- choosing -----------------------------------------------------------------------------------------

    def chosen_ids(self) -> list[int]:
        if self.by_school.isChecked():
            return self.candidates.case_ids(school=self.school.currentText()) if self.school.count() else []
        if self.by_worker.isChecked():
            worker = self.worker.currentData()
            return self.candidates.case_ids(worker_id=int(worker)) if worker is not None else []
        return self.candidates.case_ids(team=True)

    def scope_title(self) -> str:
        """The PDF's title (Swedish, like the documents)."""
        if self.by_school.isChecked():
            return f"Handlingsplaner – {self.school.currentText()}"
        if self.by_worker.isChecked():
            return f"Handlingsplaner – {self.worker.currentText()}"
        return "Handlingsplaner – hela teamet"

    def _update_count(self, *_args) -> None:
        self.school.setEnabled(self.by_school.isChecked())
        self.worker.setEnabled(self.by_worker.isChecked())
        n = len(self.chosen_ids())
        self.count.setText(_t("No case with a current action plan.") if n == 0 else
                           _t("Cases with a current action plan: %1").replace("%1", str(n)))
        self.print_button.setEnabled(n > 0)

    # --- printing -----------------------------------------------------------------------------------------

    def print_batch(self, target: str | None = None) -> None:
        ids = self.chosen_ids()
        if not ids:
            return
        asked = not target
        if not target:
            folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
            default = str(Path(folder) / f"{self.scope_title()}.pdf")
            target, _ = QFileDialog.getSaveFileName(self, _t("Save the action plans as"), default,
                                                    _t("PDF documents (*.pdf)"))
            if not target:
                return
        force = asked and target.lower().endswith(".pdf")  # the save dialog asked about this very name
        if not force:
            target += ".pdf"
        self._start(ids, Path(target), force=force)

    def _start(self, ids: list[int], target: Path, force: bool = False) -> None:
        from sst_desk.reports.kinds import report_context

        self._cancel.clear()
        progress = QProgressDialog(_t("Printing the action plans…"), _t("Cancel"), 0, 2 * len(ids), self)
        progress.setWindowTitle(_t("Print action plans"))
        progress.setAccessibleName(_t("Printing progress"))
        cancel = QPushButton(_t("Cancel"))
        cancel.setAccessibleName(_t("Cancel printing"))
        progress.setCancelButton(cancel)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(0)
        progress.setAutoClose(False)
        progress.setAutoReset(False)
        progress.canceled.connect(self._cancel.set)
        self._progress = progress
        relay = _Progress(self)
        relay.sig_step.connect(lambda done, total: progress.setValue(done) if not self._cancel.is_set() else None)
        door, today = self.context.door, self.context.today()
        report = report_context(self.context.team, self.context.user, today)
        title = self.scope_title()
        self.print_button.setEnabled(False)
        progress.show()

        def work():
            return door.printing.print_batch(ids, report=report, today=today, target=target, force=force, title=title,
                                             progress=relay.sig_step.emit, cancelled=self._cancel.is_set)

        Operation(self, work).success(self._done).failure(self._failed).run_in_background()

    def _finish(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None
        self.print_button.setEnabled(bool(self.chosen_ids()))

    def _done(self, outcome) -> None:
        self._finish()
        self.outcome = outcome
        text = _t("%1 action plans were written to %2.").replace("%1", str(len(outcome.written))).replace(
            "%2", str(outcome.path))
        if outcome.skipped:
            names = [f"{c.student.full_name} ({c.student.school})" if c.student.school and
                     not c.student.protected_identity else c.student.full_name for c in outcome.skipped]
            shown = "\n".join(names[:MAX_NAMES]) + (
                "\n" + _t("… and %1 more").replace("%1", str(len(names) - MAX_NAMES)) if len(names) > MAX_NAMES else "")
            text += "\n\n" + _t("%1 skipped without a valid consent:").replace("%1", str(len(names))) + "\n" + shown
        QMessageBox.information(self, _t("Action plans printed"), text)

    def _failed(self, error: BaseException) -> None:
        from sst_desk.reports.batch import BatchCancelled, NothingToPrint

        self._finish()
        if isinstance(error, BatchCancelled) or (isinstance(error, NothingToPrint) and self._cancel.is_set()):
            QMessageBox.information(self, _t("Print action plans"), _t("Cancelled. Nothing was written."))
        elif isinstance(error, NothingToPrint):
            QMessageBox.information(self, _t("Print action plans"), _t(
                "None of the chosen cases has a valid consent to share the plan. Nothing was written."))
        else:  # DatabaseError (a refusal, the database gone), OSError (the folder): said in words
            QMessageBox.warning(self, _t("Could not print"), database_error_text(error))


def open_batch_print(parent: QWidget | None, context: AppContext) -> BatchPrintDialog:
    """Show the batch print dialog (modal to ``parent``); returns it."""
    dialog = BatchPrintDialog(context, parent)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.show()
    return dialog
