"""The consent gate in the window: gathering documents and sharing the plan need a valid samtycke.

``ask_consent(parent, context, case, purpose, may_override)`` asks only the
person: the action may go ahead when every consent needed is in force today,
or when the person (with the permission) states a legal ground — which the
use case then stores with the case and logs (printing passes it to
``services.printing.print_document``). Otherwise it explains who has not
consented (or has withdrawn) and says stop; nothing is changed.
``consent_gate`` does the same and records the ground itself (requesting
documents). See ``sst_desk.workflow.consent_rules``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from sst_desk.workflow.access import Action, Resource
from sst_desk.workflow.consent_rules import LEGAL_GROUNDS, OTHER_GROUND, ConsentPurpose, consent_missing, ground_problem, \
    ground_text
from sst_desk.workflow.entities import Case
from sst_desk.ui.common.errors import database_error_text
from sst_desk.ui.common.messages import message as finding_text
from sst_desk.ui.accounts.signin_dialog import _Form

CONTEXT = "ConsentGate"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def purpose_text(purpose: ConsentPurpose) -> str:
    return {
        ConsentPurpose.GATHER_DOCUMENTS: _t("request documents from the other authority"),
        ConsentPurpose.SHARE_PLAN: _t("share the action plan with the parties"),
    }[purpose]


class OverrideDialog(_Form):
    """The legal ground (and a note) for acting without consent."""

    def __init__(self, purpose: ConsentPurpose, missing: str, parent: QWidget | None = None) -> None:
        super().__init__(
            _t("Act without consent"),
            _t("To %1 without consent you need a legal ground. %2 State the ground; it is kept with the case "
               "and in the access log.").replace("%1", purpose_text(purpose)).replace("%2", missing),
            parent)
        self.ground = QComboBox()
        self.ground.setAccessibleName(_t("Legal ground"))
        for code, text in LEGAL_GROUNDS:
            self.ground.addItem(_t("Other legal ground (write it)") if code == OTHER_GROUND else text, code)
        self._form.addRow(_t("Legal ground"), self.ground)
        self.add_field("other", _t("Other legal ground"))
        self.note = QPlainTextEdit()
        self.note.setAccessibleName(_t("Note"))
        self.note.setFixedHeight(70)
        self._form.addRow(_t("Note"), self.note)
        self.set_ok_text(_t("Go on without consent"))
        self.ground.currentIndexChanged.connect(self._ground_changed)
        self._ground_changed()
        self.chosen: tuple[str, str] | None = None

    def _ground_changed(self) -> None:
        other = self.ground.currentData() == OTHER_GROUND
        self.edits["other"].setEnabled(other)

    def _submit(self) -> None:
        code, written = str(self.ground.currentData()), self.value("other")
        problem = ground_problem(code, written)
        if problem is not None:
            self.show_errors({"other": _t("Write the legal ground: the law, chapter and section.")})
            return
        self.chosen = (ground_text(code, written), self.note.toPlainText())
        self.accept()


def ask_consent(parent: QWidget, context, case: Case, purpose: ConsentPurpose, may_override: bool):
    """Ask only the person (no database): ``(go, override)``.

    ``(True, None)`` when every consent needed is in force today; ``(True, Override)`` when the person
    (``may_override``: CONSENT × OVERRIDE on the case) stated a legal ground — the caller's use case
    records it with the case; ``(False, None)`` when they stopped (told who has not consented).
    """
    from sst_desk.workflow.rules_case import Override

    found = consent_missing(case, context.today())
    if not found:
        return True, None
    missing = " ".join(finding_text(f) for f in found)
    title = _t("Consent needed")
    text = _t("You cannot %1 without a valid consent. %2").replace("%1", purpose_text(purpose)).replace("%2", missing)
    if not may_override or case.id is None:
        QMessageBox.information(parent, title, text + "\n\n" + _t(
            "Record the consent first. Only the team's socialtjänst member or team lead can act on another legal "
            "ground."))
        return False, None
    box = QMessageBox(QMessageBox.Icon.Information, title, text, QMessageBox.StandardButton.Cancel, parent)
    override = box.addButton(_t("State a legal ground…"), QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    if box.clickedButton() is not override:
        return False, None
    dialog = OverrideDialog(purpose, missing, parent)
    try:
        if not dialog.exec() or dialog.chosen is None:
            return False, None
        ground, note = dialog.chosen
    finally:
        dialog.deleteLater()
    return True, Override(ground, note)


def may_override_in(widget: QWidget) -> bool:
    """Whether the case window holding ``widget`` says its person may act without consent on a legal ground."""
    allows = getattr(widget.window(), "allows", None)
    return bool(allows is not None and allows(Action.OVERRIDE, Resource.CONSENT))


def consent_gate(parent: QWidget, context, case: Case, purpose: ConsentPurpose, may_override: bool) -> bool:
    """True when ``purpose`` may go ahead for ``case`` (consent in force, or an override on a legal ground).

    A stated ground is recorded with the case (``services.cases.record_consent_override``) in the
    background before this returns; the window stays responsive meanwhile, and a failure is explained.
    """
    go, override = ask_consent(parent, context, case, purpose, may_override)
    if not go or override is None:
        return go
    from sst_desk.ui.common.operations import run_and_wait

    door, case_id = context.door, case.id
    try:
        run_and_wait(parent, lambda: door.cases.record_consent_override(case_id, purpose.value, override.legal_ground,
                                                                        override.note))
    except Exception as exc:  # noqa: BLE001 - explained; nothing goes ahead without the recorded ground
        QMessageBox.warning(parent, _t("Consent needed"), database_error_text(exc))
        return False
    return True
