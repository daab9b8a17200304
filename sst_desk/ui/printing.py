"""Printing from the app: choose where, build the PDF off the page, open it in the system viewer."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..workflow.entities import Case
from .context import AppContext
from .errors import database_error_text
from .report_context import report_context


def _t(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


def suggested_name(case: Case, kind: str, plan=None) -> str:
    plan = plan or case.current_plan
    version = f" v{plan.version}" if plan else ""
    safe = "".join(ch for ch in case.student.full_name if ch.isalnum() or ch in " -_").strip()
    return f"{kind} {safe}{version}.pdf"


def print_handlingsplan(parent: QWidget, context: AppContext, case: Case, target: str | None = None,
                        open_viewer: bool = True, plan=None) -> str | None:
    """Write the plan (default: the current version) to ``target`` (asked for when None); return the path."""
    from ..persistence import DatabaseError
    from ..reports import build_handlingsplan, write_pdf_atomic
    from ..workflow.access import Action
    from ..workflow.consent_rules import ConsentPurpose
    from .consent_gate import consent_gate

    if not consent_gate(parent, context, case, ConsentPurpose.SHARE_PLAN):
        return None
    if target is None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        default = str(Path(folder) / suggested_name(case, _t("Handlingsplan"), plan))
        target, _ = QFileDialog.getSaveFileName(parent, _t("Save the action plan as"), default,
                                                _t("PDF documents (*.pdf)"))
        if not target:
            return None
    if not target.lower().endswith(".pdf"):
        target += ".pdf"
    report = report_context(context)
    shown = plan or case.current_plan
    try:  # checked and logged before anything is written
        context.db.record_case_action(case.id, Action.PRINT,
                                      f"handlingsplan v{shown.version}" if shown else "handlingsplan")
    except DatabaseError as exc:
        QMessageBox.warning(parent, _t("Could not print"), database_error_text(exc))
        return None
    try:
        written = write_pdf_atomic(build_handlingsplan(case, report, plan=plan), Path(target))
    except Exception as exc:  # noqa: BLE001
        QMessageBox.critical(parent, _t("Could not print"), database_error_text(exc))
        return None
    if open_viewer:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(written)))
    return str(written)
