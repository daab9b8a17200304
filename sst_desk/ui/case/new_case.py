"""The "Nytt ärende" dialog: who the student is and why they are brought to the team.

Before a case is created the whole register is asked whether the student already has a case
(``services.cases.student_case_count``): the person's own list only shows their own cases, and a kurator
registered a student twice. A case the person may see is named; one they may not see is only said to
exist ("ask the team lead"). Escape, Cancel or closing the dialog with something typed asks first.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QVBoxLayout, QWidget

from sst_desk.workflow.entities import Case, Student
from sst_desk.workflow.intake import existing_case
from sst_desk.workflow.process import open_case
from sst_desk.ui.common.context import AppContext
from sst_desk.ui.common.errors import database_error_text
from sst_desk.ui.case.forms import Form, elided
from sst_desk.ui.common.labels import label
from sst_desk.ui.case.student_fields import raising_fields, store_and_validate, student_fields


class NewCaseDialog(QDialog):
    """Creates a case in aktualisering; ``case_id`` is set when it was saved."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, existing: list | None = None):
        super().__init__(parent)
        self.context = context
        self.existing = existing or []  # the case list's rows, to notice a student who already has a case
        self.case_id: int | None = None
        self.setWindowTitle(self.tr("New case"))
        self.setAccessibleName(self.tr("New case"))
        intro = QLabel(self.tr("Who is the student, and why are they brought to the team? "
                               "You can fill in the rest in the case."), self)
        intro.setWordWrap(True)
        self.form = Form(student_fields() + raising_fields(), self)
        self.form.load(Case(student=Student("", "", ""), raised_on=context.today()))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Create case"))
        ok.setAccessibleName(self.tr("Create case"))
        ok.setDefault(True)  # Enter in any field creates the case
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self._create)
        buttons.rejected.connect(self.cancel)
        self._typed = False
        self.form.sig_changed.connect(self._mark_typed)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.resize(700, self.sizeHint().height())

    def _mark_typed(self) -> None:
        self._typed = True

    # --- leaving without creating ---------------------------------------------------

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if event.key() == Qt.Key.Key_Escape and not event.modifiers():
            self.cancel()  # QDialog would reject at once and throw the typed data away
            return
        super().keyPressEvent(event)

    def closeEvent(self, event) -> None:  # noqa: N802 - the window's close button
        if self.result() == QDialog.DialogCode.Accepted or self.may_discard():
            event.accept()
            return
        event.ignore()

    def cancel(self) -> None:
        """Escape, Cancel: leave without a case — after asking, when something was typed."""
        if self.may_discard():
            self.reject()

    def may_discard(self) -> bool:
        if not self._typed:
            return True
        answer = QMessageBox.question(
            self, self.tr("Discard the new case?"),
            self.tr("What you typed in the new case will be lost. Discard it?"),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        if answer == QMessageBox.StandardButton.Discard:
            self._typed = False  # asked once: closing after the answer does not ask again
            return True
        return False

    # --- creating -----------------------------------------------------------------

    def _already_in_the_register(self, personal_id: str) -> bool:
        """True to go on. Asks about a case the person sees; stops at one they may not see."""
        from sst_desk.ui.common.operations import run_and_wait

        door = self.context.door
        try:  # the whole register, not only this person's cases: only a number comes back
            found = existing_case(personal_id, self.existing,
                                  lambda pid: run_and_wait(self, lambda: door.cases.student_case_count(pid)))
        except Exception as exc:  # noqa: BLE001 - said as a sentence; nothing is created
            QMessageBox.critical(self, self.tr("Could not save"), database_error_text(exc))
            return False
        if found is None:
            return True
        if not found.hidden:
            answer = QMessageBox.question(
                self, self.tr("The student already has a case"),
                self.tr("%1 already has a case (%2). Create another case anyway?")
                .replace("%1", elided(found.seen.student_name)).replace("%2", label(found.seen.stage)))
            return answer == QMessageBox.StandardButton.Yes
        # Not the other case's stage or worker: the person may not be allowed to see it.
        QMessageBox.information(
            self, self.tr("The student already has a case"),
            self.tr("The student already has a case in the team. Ask the team lead before you register "
                    "the student again."))
        return False

    def _create(self) -> None:
        draft = Case(student=Student("", "", ""), raised_on=self.context.today())
        errors = store_and_validate(self.form, draft, self.context.today())
        if self.form.show_errors(errors):
            return
        if not self._already_in_the_register(draft.student.personal_id or ""):
            return
        open_case(draft, by=self.context.user, at=self.context.now())
        from sst_desk.ui.common.operations import run_and_wait

        door = self.context.door
        try:
            saved = run_and_wait(self, lambda: door.cases.add_case(draft))
        except Exception as exc:  # noqa: BLE001 - any failure must reach the worker as a sentence
            QMessageBox.critical(self, self.tr("Could not save"), database_error_text(exc))
            return
        self.case_id = saved.id
        self._typed = False
        self.accept()
