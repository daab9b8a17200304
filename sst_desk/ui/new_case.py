"""The "Nytt ärende" dialog: who the student is and why they are brought to the team."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMessageBox, QVBoxLayout, QWidget

from ..workflow.entities import Case, Student
from ..workflow.process import open_case
from .context import AppContext
from .errors import database_error_text
from .forms import Form
from .labels import label
from .student_fields import raising_fields, store_and_validate, student_fields


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
        buttons.accepted.connect(self._create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.resize(700, self.sizeHint().height())

    def _create(self) -> None:
        draft = Case(student=Student("", "", ""), raised_on=self.context.today())
        errors = store_and_validate(self.form, draft, self.context.today())
        if self.form.show_errors(errors):
            return
        same = [r for r in self.existing if draft.student.personal_id and r.personal_id == draft.student.personal_id]
        if same:
            answer = QMessageBox.question(
                self, self.tr("The student already has a case"),
                self.tr("%1 already has a case (%2). Create another case anyway?")
                .replace("%1", same[0].student_name).replace("%2", label(same[0].stage)))
            if answer != QMessageBox.StandardButton.Yes:
                return
        open_case(draft, by=self.context.user, at=self.context.now())
        try:
            saved = self.context.db.add_case(draft)
        except Exception as exc:  # noqa: BLE001 - any failure must reach the worker as a sentence
            QMessageBox.critical(self, self.tr("Could not save"), database_error_text(exc))
            return
        self.case_id = saved.id
        self.accept()
