"""Registerutdrag from the app: choose a folder, write the PDF and the JSON file, say where they are.

The extract covers the student of the case, with every case they have; see
``persistence.extract`` for who may make one and what is left out.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from ..persistence import AccessDeniedError, DatabaseError
from .context import AppContext
from .errors import database_error_text


def _t(text: str) -> str:
    return QCoreApplication.translate("Registerutdrag", text)


def export_registerutdrag(parent: QWidget, context: AppContext, case_id: int,
                          folder: str | Path | None = None) -> tuple[Path, Path] | None:
    """Write the registerutdrag of the student of ``case_id`` into ``folder`` (asked for when None).

    Returns (pdf, json), or None when cancelled or refused (the person has been told why).
    """
    from ..fileio import Refusal, TargetRefused
    from ..persistence.extract import gather_registerutdrag, record_registerutdrag
    from .report_context import report_context
    from ..reports.registerutdrag import write_registerutdrag

    if folder is None:
        start = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        folder = QFileDialog.getExistingDirectory(parent, _t("Choose a folder for the registerutdrag"), start)
        if not folder:
            return None
    report = report_context(context)
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    db = context.db

    def write(force: bool) -> tuple[Path, Path]:  # logged as an export once both files are on disk
        return write_registerutdrag(data, Path(folder), report, case_id=case_id, force=force,
                                    database=getattr(db, "path", None),
                                    before_commit=lambda: record_registerutdrag(db, case_id))

    try:
        data = gather_registerutdrag(db, case_id, now=context.now(), log=False)
        try:
            written = write(False)
        except TargetRefused as refused:
            if refused.reason is not Refusal.EXISTS:
                raise
            QApplication.restoreOverrideCursor()
            answer = QMessageBox.question(
                parent, _t("Registerutdrag"),
                _t("A registerutdrag of this case made today is already in %1. Replace it?").replace("%1", str(folder)),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return None
            QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
            written = write(True)
    except AccessDeniedError:
        QApplication.restoreOverrideCursor()
        QMessageBox.warning(parent, _t("Registerutdrag"), _t(
            "You may not make a registerutdrag for this student. It must cover every case of the student, so it is "
            "made by someone who may export all of them, usually the team lead."))
        return None
    except (DatabaseError, OSError, TargetRefused) as exc:
        QApplication.restoreOverrideCursor()
        QMessageBox.warning(parent, _t("Registerutdrag"), database_error_text(exc))
        return None
    QApplication.restoreOverrideCursor()
    pdf, machine = written
    QMessageBox.information(parent, _t("Registerutdrag"), _t(
        "The registerutdrag was written to %1:\n\n%2 (to read)\n%3 (machine-readable)\n\nGuardians' contact details "
        "are left out. Read the free text through and make a sekretessprövning before it is handed out; delete the "
        "files when they have been handed over.").replace("%1", str(Path(folder)))
                            .replace("%2", pdf.name).replace("%3", machine.name))
    return written
