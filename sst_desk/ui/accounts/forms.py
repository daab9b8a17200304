"""What the account dialogs share: words for roles and password problems, and a form dialog that submits.

The user administration (``users_dialog``), the person's own password change
(``password_dialog``) and the case members (``members_dialog``) all speak of
roles and passwords; their words live here, once (context "Accounts").

``FormDialog`` is a ``Form`` with OK/Cancel whose OK runs a *submit* function:
it does the work through ``sst_desk.services.accounts``
(checked and logged there) and returns a message per field for what was
refused, so the dialog stays open with everything typed still in it. A
database error or a refusal (``AccessDeniedError``) is a message box: it is
about no one field.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from sst_desk.services.errors import DatabaseError
from sst_desk.security.passwords import MAX_LENGTH as PASSWORD_MAX_LENGTH
from sst_desk.security.password_words import PASSWORD_WORDS as _PASSWORD_WORDS  # the CLI says the same
from sst_desk.security.passwords import MAX_LENGTH, MIN_LENGTH, PasswordProblem
from sst_desk.workflow.access import Role
from sst_desk.ui.common.errors import database_error_text
from sst_desk.ui.case.forms import ERROR_STYLE, Field, Form

CONTEXT = "Accounts"


def t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def role_word(role: Role) -> str:
    from sst_desk.ui.common.labels import label

    return label(role)


def role_choices(roles: Sequence[Role] = tuple(Role)) -> list[tuple[Role, str]]:
    return [(role, role_word(role)) for role in roles]


def phone_label() -> str:
    """The label of a person's work phone (their own profile, and the administrator's user dialog)."""
    return t("Work phone")


def phone_help() -> str:
    return t("Printed on a notice to a meeting as the family's contact, next to your name.")


def password_message(problem: PasswordProblem) -> str:
    """The sentence shown next to the password field for a refused password."""
    source = _PASSWORD_WORDS.get(problem.code)
    if source is None:
        return t("This password cannot be used.")
    limit = MAX_LENGTH if problem.code == "too_long" else MIN_LENGTH
    return t(source).replace("%1", str(limit))


def password_problem_field(problem: PasswordProblem, new: str, repeat: str) -> dict[str, str]:
    """``{field: message}``: a mismatch belongs to the repeated password, everything else to the new one."""
    return {repeat if problem.code == "mismatch" else new: password_message(problem)}


def show_database_error(parent: QWidget, title: str, exc: BaseException) -> None:
    QMessageBox.warning(parent, title, database_error_text(exc))


Submit = Callable[[dict[str, object]], dict[str, str]]
"""Does the dialog's work with the typed values; returns ``{field: message}`` for what was refused."""


class FormDialog(QDialog):
    """A short form (an intro, inputs, OK/Cancel) whose OK runs ``submit``; closes only when it succeeds."""

    def __init__(self, title: str, intro: str, fields: Sequence[Field], submit: Submit,
                 parent: QWidget | None = None, *, secret: Sequence[str] = (), ok_text: str | None = None,
                 cancel_text: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.submit = submit
        self.secret = tuple(secret)
        self.intro = QLabel(intro, self)
        self.intro.setWordWrap(True)
        self.intro.setTextFormat(Qt.TextFormat.PlainText)
        self.intro.setVisible(bool(intro))
        self.form = Form(fields, self)
        for name in self.secret:
            edit = self.form.input(name)
            assert isinstance(edit, QLineEdit)
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            # Never cut a password silently (the form's one-line limit is shorter): the password check says
            # "at most N characters" for one that is too long.
            edit.setMaxLength(max(32767, PASSWORD_MAX_LENGTH))
        self.general_errors = QLabel(self)  # what concerns no single field
        self.general_errors.setWordWrap(True)
        self.general_errors.setStyleSheet(ERROR_STYLE)
        self.general_errors.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(ok_text or t("OK"))
        ok.setAccessibleName(ok.text())
        ok.setDefault(True)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(cancel_text or t("Cancel"))
        cancel.setAccessibleName(cancel.text())
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.form)
        layout.addWidget(self.general_errors)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def showEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().showEvent(event)
        self._fit_height()

    def _fit_height(self) -> None:
        """Grow to show every wrapped line: Qt sizes a dialog before it knows how its long labels wrap."""
        layout = self.layout()
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def values(self) -> tuple[dict[str, object], dict[str, str]]:
        """Parsed values; a password is taken exactly as typed (``Form`` trims text, which a password must not)."""
        values, errors = self.form.values()
        for name in self.secret:
            values[name] = self.form.input(name).text()  # type: ignore[attr-defined]
        return values, errors

    def _accept(self) -> None:
        values, errors = self.values()
        if not errors:
            try:
                errors = self.submit(values)
            except DatabaseError as exc:
                show_database_error(self, self.windowTitle(), exc)
                return
        rest = [text for name, text in errors.items() if name not in self.form.fields]
        self.general_errors.setText("\n".join(rest))
        self.general_errors.setVisible(bool(rest))
        shown = self.form.show_errors(errors)
        self._fit_height()
        if shown or rest:
            return
        self.accept()


def run_dialog(dialog: QDialog) -> bool:
    """Show a modal dialog; True when it was accepted. The dialog is deleted afterwards."""
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()
