"""Ansvariga: the team lead chooses which workers are responsible for a case.

Being responsible (a *case member*) is what lets a skolsocionom or a
kurator/specialpedagog see and work in a case at all (``workflow/access.py``),
so the choice is the team lead's, checked and logged by
``Database.set_case_members``. Administrators are not offered: they manage
accounts, not cases. Someone already responsible whose account has been
switched off is still listed, so that saving never drops a member unseen.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..persistence import Database, DatabaseError, accounts
from ..persistence.accounts import UserRecord
from .account_forms import role_word, run_dialog, show_database_error
from .context import AppContext
from .forms import ERROR_STYLE
from .widgets import CheckList

CONTEXT = "MembersDialog"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _name(user: UserRecord) -> str:
    name = user.display_name or user.username
    return name if user.active else _t("%1 (switched off)").replace("%1", name)


def member_names(db: Database, case_id: int) -> list[str]:
    """The names of the people responsible for a case, for the case window ("Ansvariga: …").

    Read-only; for someone who may view the case (a refusal raises ``AccessDeniedError``, logged).
    """
    return [_name(user) for user in accounts.case_members_of(db, case_id)]


class MembersDialog(QDialog):
    """A checkbox per worker; OK saves the ticked ones as the case's members (at least one)."""

    def __init__(self, context: AppContext, case_id: int, parent: QWidget | None = None,
                 choices: tuple[list[UserRecord], set[int]] | None = None):
        super().__init__(parent)
        self.context = context
        self.case_id = case_id
        self.saved = False
        candidates, self.current = choices if choices is not None else accounts.assignment_choices(self.db, case_id)
        self.setWindowTitle(self.tr("Responsible for the case"))
        self.setAccessibleName(self.tr("Responsible for the case"))
        intro = QLabel(self.tr("Tick the workers responsible for this case. Only they see it in their case list "
                               "and may work in it; team leads see the team's cases anyway."), self)
        intro.setWordWrap(True)
        self.ids = [user.id for user in candidates]
        self.checks = CheckList([(user.id, f"{_name(user)} – {role_word(user.role)}") for user in candidates], 1,
                                self)
        self.checks.setAccessibleName(self.tr("Responsible for the case"))
        self.checks.set_values(sorted(self.current))
        holder = QWidget(self)  # the boxes sit at the top, not spread over the height
        column = QVBoxLayout(holder)
        column.addWidget(self.checks)
        column.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidget(holder)
        scroll.setWidgetResizable(True)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        for which, text in ((QDialogButtonBox.StandardButton.Save, self.tr("Save")),
                            (QDialogButtonBox.StandardButton.Cancel, self.tr("Cancel"))):
            button = buttons.button(which)
            button.setText(text)
            button.setAccessibleName(text)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.resize(560, min(520, 200 + 28 * len(candidates)))

    @property
    def db(self) -> Database:
        return self.context.db  # type: ignore[return-value]

    def chosen(self) -> set[int]:
        return set(self.checks.values())

    def _save(self) -> None:
        chosen = self.chosen()
        if not chosen:
            self.error.setText(self.tr("At least one person must be responsible for the case."))
            self.error.show()
            self.checks.setFocus()
            return
        if chosen != self.current:
            try:
                self.db.set_case_members(self.case_id, sorted(chosen))
            except DatabaseError as exc:
                show_database_error(self, self.windowTitle(), exc)
                return
            self.saved = True
        self.accept()


def edit_members(parent: QWidget | None, context: AppContext, case_id: int) -> bool:
    """Ärende → Ansvariga…: True when the members were changed; a refusal (logged) is shown in a box."""
    try:
        choices = accounts.assignment_choices(context.db, case_id)  # type: ignore[arg-type]
    except DatabaseError as exc:
        show_database_error(parent, _t("Responsible for the case"), exc)
        return False
    dialog = MembersDialog(context, case_id, parent, choices)
    run_dialog(dialog)
    return dialog.saved
