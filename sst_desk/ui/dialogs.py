"""Small dialogs that edit one record of a case (a guardian, a consent, a goal…).

``edit_record`` opens a ``Form`` on the record; on OK the values are written
into a scratch copy, checked with the workflow's validator, and only when
there is nothing to say are they written into the record itself — so Cancel
or a wrong date never leaves a half-edited record behind.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import SimpleNamespace

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from ..workflow.problems import Finding
from .forms import ERROR_STYLE, Field, Form
from .messages import field_messages


class RecordDialog(QDialog):
    """A form in a dialog, with Save/Cancel; validation runs before it closes."""

    def __init__(self, title: str, fields: Sequence[Field], record: object,
                 validate: Callable[[object], list[Finding]], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.record = record
        self.validate = validate
        self.form = Form(fields, self)
        self.form.load(record)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("OK"))
        ok.setAccessibleName(self.tr("OK"))
        ok.setDefault(True)  # Enter in a one-line field confirms
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Cancel"))
        cancel.setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.general_errors = QLabel(self)  # messages about no single field of this dialog
        self.general_errors.setWordWrap(True)
        self.general_errors.setStyleSheet(ERROR_STYLE)
        self.general_errors.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(self.general_errors)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)

    def _accept(self) -> None:
        scratch = SimpleNamespace(**{k: v for k, v in vars(self.record).items() if not k.startswith("_sa_")})
        errors = self.form.store(scratch, everything=True)
        findings = self.validate(scratch)
        for name, text in field_messages(findings).items():
            errors.setdefault(name, text)
        rest = [text for name, text in errors.items() if name not in self.form.fields]
        self.general_errors.setText("\n".join(dict.fromkeys(rest)))
        self.general_errors.setVisible(bool(rest))
        if self.form.show_errors(errors) or rest:
            return
        self.form.store(self.record, everything=True)
        self.accept()


def edit_record(parent: QWidget, title: str, fields: Sequence[Field], record: object,
                validate: Callable[[object], list[Finding]]) -> bool:
    """Open the dialog; True when the record was changed."""
    dialog = RecordDialog(title, fields, record, validate, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
