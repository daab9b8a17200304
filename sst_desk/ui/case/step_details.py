"""The small dialog a step through the process asks before it is taken: a comment, and why a case is closed.

Its words stay in the case window's translation context (``CaseWindow``), where they were written first.
"""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QWidget

from sst_desk.workflow.codes import Behorighet, ClosingReason
from sst_desk.workflow.entities import Case
from sst_desk.workflow.editing import step_answer_problems
from sst_desk.workflow.problems import Finding
from sst_desk.workflow.process import Move, asks_gymnasiebehorighet
from sst_desk.ui.case.forms import Field, Kind
from sst_desk.ui.common.dialogs import RecordDialog
from sst_desk.ui.common.labels import choices, label
from sst_desk.ui.common.messages import message


def _tr(text: str) -> str:
    return QCoreApplication.translate("CaseWindow", text)


def ask_step_details(parent: QWidget, move: Move, found: list[Finding], case: Case | None = None
                     ) -> SimpleNamespace | None:
    """Ask for the step's comment (and a closing reason for ``Move.CLOSE``; for a student in årskurs 9 the
    gymnasiebehörighet too), showing the step's warnings ``found`` above; the answers, or None when the
    person cancelled."""
    details = SimpleNamespace(comment="", closing_reason=None,
                              gymnasiebehorighet=case.gymnasiebehorighet if case is not None else None)
    asks_behorighet = move is Move.CLOSE and case is not None and asks_gymnasiebehorighet(case)
    fields = []
    if move is Move.CLOSE:
        fields.append(Field("closing_reason", _tr("Reason for closing"), Kind.CHOICE,
                            choices(ClosingReason, empty=_tr("— choose —"))))
    if asks_behorighet:
        fields.append(Field("gymnasiebehorighet", _tr("Eligibility for upper secondary school"), Kind.CHOICE,
                            choices(Behorighet, empty=_tr("— choose —"))))
    fields.append(Field("comment", _tr("Comment (optional)"), Kind.MULTILINE, lines=3))

    def validate(answers) -> list[Finding]:
        return step_answer_problems(move, answers.closing_reason, asks_behorighet=asks_behorighet,
                                    gymnasiebehorighet=answers.gymnasiebehorighet)

    dialog = RecordDialog(label(move), fields, details, validate, parent)
    if found:
        note = QLabel("\n".join(f"⚠ {message(f)}" for f in found), dialog)
        note.setWordWrap(True)
        note.setStyleSheet("background: #fff4e5; border: 1px solid #f0c36d; padding: 6px;")
        dialog.layout().insertWidget(0, note)
    try:
        return details if dialog.exec() == RecordDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
