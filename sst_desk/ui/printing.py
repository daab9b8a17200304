"""Printing from the app: choose where, build the PDF off the page, open it in the system viewer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..workflow.entities import Case
from .context import AppContext
from .errors import database_error_text


def suggested_name(case: Case, kind: str) -> str:
    plan = case.current_plan
    version = f" v{plan.version}" if plan else ""
    safe = "".join(ch for ch in case.student.full_name if ch.isalnum() or ch in " -_").strip()
    return f"{kind} {safe}{version}.pdf"


def print_handlingsplan(parent: QWidget, context: AppContext, case: Case, target: str | None = None,
                        open_viewer: bool = True) -> str | None:
    """Write the plan to ``target`` (asked for when None); return the path written, or None."""
    from ..reports import ReportContext, build_handlingsplan, write_pdf_atomic

    if target is None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        default = str(Path(folder) / suggested_name(case, QCoreApplication.translate("Printing", "Handlingsplan")))
        target, _ = QFileDialog.getSaveFileName(parent, QCoreApplication.translate("Printing", "Save the action plan as"), default,
                                                QCoreApplication.translate("Printing", "PDF documents (*.pdf)"))
        if not target:
            return None
    if not target.lower().endswith(".pdf"):
        target += ".pdf"
    try:
        data = build_handlingsplan(case, ReportContext(team_name=context.team_name, printed_by=context.user,
                                                       printed_on=context.today()))
        written = write_pdf_atomic(data, Path(target))
    except Exception as exc:  # noqa: BLE001
        QMessageBox.critical(parent, QCoreApplication.translate("Printing", "Could not print"), database_error_text(exc))
        return None
    if open_viewer:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))
    return str(written)
