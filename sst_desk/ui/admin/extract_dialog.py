"""Registerutdrag from the app: choose a folder, write the PDF and the JSON file, say where they are.

The extract covers the student of the case, with every case they have; see
``persistence.extract`` for who may make one and what is left out. Gathering
every case and building the PDF runs off the UI thread (``services.extract``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QStandardPaths, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from sst_desk.fileio import Refusal, TargetRefused
from sst_desk.services.errors import AccessDeniedError, DatabaseError
from sst_desk.ui.common.context import AppContext
from sst_desk.ui.common.errors import database_error_text
from sst_desk.ui.common.operations import run_in_background


def _t(text: str) -> str:
    return QCoreApplication.translate("Registerutdrag", text)


class RegisterutdragExport(QObject):
    """One registerutdrag being written in the background; ``sig_finished`` says how it ended."""

    sig_finished = Signal(object)
    """Carries (pdf, json) when both files are written, None when refused, failed or not replaced."""

    def __init__(self, parent: QWidget, context: AppContext, case_id: int, folder: Path) -> None:
        super().__init__(parent)
        self._parent, self._context, self._case_id, self._folder = parent, context, case_id, folder
        self.done = False
        self.result: tuple[Path, Path] | None = None

    def start(self, force: bool = False) -> None:
        from sst_desk.ui.printing.report_context import report_context

        extract, report = self._context.door.extract, report_context(self._context)
        case_id, folder, now = self._case_id, self._folder, self._context.now()
        run_in_background(self, lambda: extract.write_registerutdrag(case_id, folder, report, force=force, now=now),
                          self._written, self._failed)

    def _written(self, written: tuple[Path, Path]) -> None:
        pdf, machine = written
        QMessageBox.information(self._parent, _t("Registerutdrag"), _t(
            "The registerutdrag was written to %1:\n\n%2 (to read)\n%3 (machine-readable)\n\nGuardians' contact "
            "details are left out. Read the free text through and make a sekretessprövning before it is handed out; "
            "delete the files when they have been handed over.").replace("%1", str(self._folder))
                                .replace("%2", pdf.name).replace("%3", machine.name))
        self._finish(written)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, TargetRefused) and exc.reason is Refusal.EXISTS:
            answer = QMessageBox.question(
                self._parent, _t("Registerutdrag"),
                _t("A registerutdrag of this case made today is already in %1. Replace it?")
                .replace("%1", str(self._folder)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer == QMessageBox.StandardButton.Yes:
                self.start(force=True)
                return
        elif isinstance(exc, AccessDeniedError):
            QMessageBox.warning(self._parent, _t("Registerutdrag"), _t(
                "You may not make a registerutdrag for this student. It must cover every case of the student, so it "
                "is made by someone who may export all of them, usually the team lead."))
        elif isinstance(exc, (DatabaseError, OSError, TargetRefused)):
            QMessageBox.warning(self._parent, _t("Registerutdrag"), database_error_text(exc))
        else:
            raise exc
        self._finish(None)

    def _finish(self, result: tuple[Path, Path] | None) -> None:
        self.done, self.result = True, result
        self.sig_finished.emit(result)


def export_registerutdrag(parent: QWidget, context: AppContext, case_id: int,
                          folder: str | Path | None = None) -> RegisterutdragExport | None:
    """Start writing the registerutdrag of the student of ``case_id`` into ``folder`` (asked for when None).

    Returns the running export (its ``sig_finished`` carries (pdf, json), or None when refused or not
    replaced; the person is told either way), or None at once when the folder choice was cancelled.
    """
    if folder is None:
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        folder = QFileDialog.getExistingDirectory(parent, _t("Choose a folder for the registerutdrag"), start)
        if not folder:
            return None
    export = RegisterutdragExport(parent, context, case_id, Path(folder))
    export.start()
    return export
