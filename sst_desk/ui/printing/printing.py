"""Printing from the app: the person answers the consent gate; the print use case runs in the background."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from sst_desk.workflow.entities import Case
from sst_desk.ui.common.context import AppContext
from sst_desk.ui.common.errors import database_error_text


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


def show_document(parent: QWidget, context: AppContext, case: Case, *, kind: str, title: str, suggested: str,
                  purpose=None, may_override: bool = False, plan_version: int | None = None,
                  target: str | None = None, shown: Callable[[object], None] | None = None):
    """Make the document ``kind`` of the stored ``case`` in the background and show it in the preview.

    The one print use case does the work (``services.printing.print_document``: permission, something
    to print, consent, the access-log entry, the PDF). Here only the person is asked: the consent gate
    for ``purpose`` (sharing needs a valid samtycke, or a legal ground they state — ``may_override``
    offers that). With ``target`` the file is written instead. ``shown(result)`` is called on the UI
    thread with the ``PreviewWindow`` (or the written path). Returns the running ``Operation``, or
    None when the person stopped at the gate.
    """
    from sst_desk.ui.case.consent_gate import ask_consent

    override = None
    if purpose is not None:
        go, override = ask_consent(parent, context, case, purpose, may_override)
        if not go:
            return None
    door, report, today = context.door, report_context_for(context), context.today()
    path = None
    if target is not None:
        path = Path(target if target.lower().endswith(".pdf") else target + ".pdf")
    case_id = case.id

    def work():
        return door.printing.print_document(case_id, kind, report=report, today=today, plan_version=plan_version,
                                            target=path, force=path is not None and str(path) == target,
                                            override=override)

    def done(result) -> None:
        if isinstance(result, Path):
            outcome: object = str(result)
        else:
            window = PreviewWindow(result, title, suggested, choose_pdf_target, parent)
            window.show()
            outcome = window
        if shown is not None:
            shown(outcome)

    from sst_desk.ui.common.operations import Operation
    from sst_desk.ui.printing.preview import PreviewWindow

    return Operation(parent, work).success(done).failure(lambda exc: _print_failed(parent, exc)).run_in_background()


def _print_failed(parent: QWidget, exc: BaseException) -> None:
    from sst_desk.services.errors import DatabaseError
    from sst_desk.services.printing import PrintRefused, Refusal

    if isinstance(exc, PrintRefused):
        text = {Refusal.NO_PLAN: _t("There is no action plan to print yet."),
                Refusal.NOTHING_TO_PRINT: _t("There is nothing to print in this document yet."),
                Refusal.CONSENT_MISSING: _t("The document cannot be shared without a valid consent.")}[exc.reason]
        QMessageBox.information(parent, _t("Could not print"), text)
    elif isinstance(exc, DatabaseError):
        QMessageBox.warning(parent, _t("Could not print"), database_error_text(exc))
    else:  # a document that cannot be made or written is said, not raised
        QMessageBox.critical(parent, _t("Could not print"), database_error_text(exc))


def report_context_for(context: AppContext):
    """The team's name, contact lines, logo and consent text from the settings, and who prints today."""
    from sst_desk.ui.printing.report_context import report_context

    return report_context(context)


def print_handlingsplan(parent: QWidget, context: AppContext, case: Case, target: str | None = None, plan=None,
                        *, may_override: bool = False, shown: Callable[[object], None] | None = None):
    """The handlingsplan (default: the current version) in the preview, or written to ``target``."""
    from sst_desk.workflow.consent_rules import ConsentPurpose

    return show_document(
        parent, context, case, kind="handlingsplan",
        title=_t("Handlingsplan – %1").replace("%1", case.student.full_name),
        suggested=suggested_name(case, _t("Handlingsplan"), plan), purpose=ConsentPurpose.SHARE_PLAN,
        may_override=may_override, plan_version=plan.version if plan is not None else None, target=target,
        shown=shown)
