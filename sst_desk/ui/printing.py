"""Printing from the app: every document is checked, logged, built in memory and shown in the preview."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..workflow.entities import Case
from .context import AppContext
from .errors import database_error_text


def _t(text: str) -> str:
    return QCoreApplication.translate("Printing", text)


def suggested_name(case: Case, kind: str, plan=None) -> str:
    plan = plan or case.current_plan
    version = f" v{plan.version}" if plan else ""
    safe = "".join(ch for ch in case.student.full_name if ch.isalnum() or ch in " -_").strip()
    return f"{kind} {safe}{version}.pdf"


def choose_pdf_target(parent: QWidget, suggested: str) -> str | None:
    """Ask where to save a PDF (in the Documents folder by default); None when the person cancels."""
    folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    target, _ = QFileDialog.getSaveFileName(parent, _t("Save the document as"), str(Path(folder) / suggested),
                                            _t("PDF documents (*.pdf)"))
    return target or None


def show_document(parent: QWidget, context: AppContext, case: Case, *, title: str, detail: str,
                  build: Callable[[], bytes], suggested: str, purpose=None, target: str | None = None):
    """Make a document of ``case`` and show it in the preview (or write it to ``target``).

    In order: the consent gate for ``purpose`` (sharing needs a valid samtycke), the permission check
    and the access-log entry (``detail`` names the document, never its content), then the PDF is built
    in memory. Returns the ``PreviewWindow`` (or the written path with ``target``); None when stopped.
    """
    from ..persistence import DatabaseError
    from ..reports import write_pdf_atomic
    from ..workflow.access import Action
    from .consent_gate import consent_gate
    from .preview import PreviewWindow

    if purpose is not None and not consent_gate(parent, context, case, purpose):
        return None
    if target is not None:  # written to a file: logged once the file is on disk (a failed write is no print)
        path = Path(target if target.lower().endswith(".pdf") else target + ".pdf")
        try:
            data = build()
            return str(write_pdf_atomic(data, path, force=str(path) == target, database=context.db.path,
                                        before_commit=lambda: context.db.record_case_action(case.id, Action.PRINT,
                                                                                           detail)))
        except DatabaseError as exc:
            QMessageBox.warning(parent, _t("Could not print"), database_error_text(exc))
            return None
        except Exception as exc:  # noqa: BLE001 - a document that cannot be made or written is said, not raised
            QMessageBox.critical(parent, _t("Could not print"), database_error_text(exc))
            return None
    try:  # shown in the preview: checked and logged before anything is made (showing it is the print)
        context.db.record_case_action(case.id, Action.PRINT, detail)
        data = build()
    except DatabaseError as exc:
        QMessageBox.warning(parent, _t("Could not print"), database_error_text(exc))
        return None
    except Exception as exc:  # noqa: BLE001 - a document that cannot be made is said, not raised
        QMessageBox.critical(parent, _t("Could not print"), database_error_text(exc))
        return None
    window = PreviewWindow(data, title, suggested, choose_pdf_target, parent)
    window.show()
    return window


def report_context_for(context: AppContext):
    """The team's name, contact lines, logo and consent text from the settings, and who prints today."""
    from .report_context import report_context

    return report_context(context)


def attendance_for_print(context: AppContext, case: Case, kind=None) -> list:
    """The student's attendance for the skollinje in a document (``kind.uses_attendance``; the plan always)."""
    if kind is not None and not kind.uses_attendance:
        return []
    reader = getattr(context.db, "attendance_for_case", None)
    if reader is None or case.id is None:
        return []
    return reader(case.id, log=False)  # the print itself is checked and logged


def print_handlingsplan(parent: QWidget, context: AppContext, case: Case, target: str | None = None, plan=None):
    """The handlingsplan (default: the current version) in the preview, or written to ``target``."""
    from ..reports import build_handlingsplan
    from ..workflow.consent_rules import ConsentPurpose

    shown = plan or case.current_plan
    return show_document(
        parent, context, case, title=_t("Handlingsplan – %1").replace("%1", case.student.full_name),
        detail=f"handlingsplan v{shown.version}" if shown else "handlingsplan",
        build=lambda: build_handlingsplan(case, report_context_for(context), plan=plan,
                                          attendance=attendance_for_print(context, case)),
        suggested=suggested_name(case, _t("Handlingsplan"), plan), purpose=ConsentPurpose.SHARE_PLAN, target=target)
