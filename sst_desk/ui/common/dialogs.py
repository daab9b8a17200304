"""Small dialogs that edit one record of a case (a guardian, a consent, a goal…).

``edit_record`` opens a ``Form`` on the record; on OK the values are written
into a scratch copy, checked with the workflow's validator, and only when
there is nothing to say are they written into the record itself — so Cancel
or a wrong date never leaves a half-edited record behind.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from types import SimpleNamespace

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from sst_desk.workflow.problems import Finding
from sst_desk.ui.case.forms import ERROR_STYLE, Field, Form, Kind
from sst_desk.ui.common.messages import field_messages


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
        # Enter in a multi-line field starts a new line (a conclusion has paragraphs); Ctrl+Enter is OK,
        # from any field — and the dialog says so, or OK would seem unreachable from the keyboard.
        for keys in (Qt.Modifier.CTRL | Qt.Key.Key_Return, Qt.Modifier.CTRL | Qt.Key.Key_Enter):
            QShortcut(QKeySequence(keys), self, self._accept)
        self.keys_hint: QLabel | None = None
        if any(spec.kind is Kind.MULTILINE for spec in fields):
            self.keys_hint = QLabel(self.tr("Enter starts a new line in a text box; Ctrl+Enter saves (OK)."), self)
            self.keys_hint.setStyleSheet("color: #666;")
            self.keys_hint.setWordWrap(True)
            layout.addWidget(self.keys_hint)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self._checked = False  # after the first OK, messages follow the edits (a fixed field's message goes)
        self.form.sig_changed.connect(self._recheck)

    def _problems(self) -> tuple[dict[str, str], list[str]]:
        """Messages by field, and those about no field of this dialog, for what is typed now."""
        scratch = SimpleNamespace(**{k: v for k, v in vars(self.record).items() if not k.startswith("_sa_")})
        errors = self.form.store(scratch, everything=True)
        findings = self.validate(scratch)
        for name, text in field_messages(findings).items():
            errors.setdefault(name, text)
        rest = [text for name, text in errors.items() if name not in self.form.fields]
        return errors, rest

    def _show(self, errors: dict[str, str], rest: list[str], *, focus: bool) -> bool:
        self.general_errors.setText("\n".join(dict.fromkeys(rest)))
        self.general_errors.setVisible(bool(rest))
        return self.form.show_errors(errors, focus=focus) or bool(rest)

    def _recheck(self) -> None:
        if self._checked:
            errors, rest = self._problems()
            self._show(errors, rest, focus=False)  # never steal the cursor from the field being typed in

    def _accept(self) -> None:
        self._checked = True
        errors, rest = self._problems()
        if self._show(errors, rest, focus=True):
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


def close_button_box(dialog: QDialog) -> QDialogButtonBox:
    """The dialog's Close button ("Stäng"), named for screen readers and tests, closing the dialog."""
    from PySide6.QtCore import QCoreApplication

    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
    button = box.button(QDialogButtonBox.StandardButton.Close)
    text = QCoreApplication.translate("Dialogs", "Close")
    button.setText(text)
    button.setAccessibleName(text)
    box.rejected.connect(dialog.reject)
    return box
