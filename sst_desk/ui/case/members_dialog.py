"""Ansvariga: the team lead chooses which workers are responsible for a case.

Being responsible (a *case member*) is what lets a skolsocionom or a
kurator/specialpedagog see and work in a case at all (``workflow/access.py``),
so the choice is the team lead's, checked and logged by
``services.cases.set_case_members`` (run in the background). Administrators are not offered: they manage
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

from collections.abc import Callable

from sst_desk.services import Door
from sst_desk.services.errors import DatabaseError
from sst_desk.workflow.rules_case import Member, members_finding
from sst_desk.ui.accounts.forms import role_word, run_dialog, show_database_error
from sst_desk.ui.common.context import AppContext
from sst_desk.ui.common.operations import context_owner, run_and_wait
from sst_desk.ui.case.forms import ERROR_STYLE
from sst_desk.ui.common.widgets import CheckList

CONTEXT = "MembersDialog"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def member_name(user: Member) -> str:
    """How a responsible person is named in the case window and the dialog (switched-off accounts say so)."""
    name = user.display_name or user.username
    return name if user.active else _t("%1 (switched off)").replace("%1", name)


def member_names(door: Door, case_id: int) -> list[str]:
    """The names of the people responsible for a case, for the case window ("Ansvariga: …").

    Read-only; for someone who may view the case (a refusal raises ``AccessDeniedError``, logged).
    Reads the database where it is called (``door.cases.case_members``): not on the UI thread (the
    window gets them with the case).
    """
    return [member_name(user) for user in door.cases.case_members(case_id)]


class MembersDialog(QDialog):
    """A checkbox per worker; OK saves the ticked ones as the case's members (at least one)."""

    def __init__(self, context: AppContext, case_id: int, parent: QWidget | None = None,
                 choices: tuple[list[Member], set[int]] | None = None):
        super().__init__(parent)
        self.context = context
        self.case_id = case_id
        self.saved = False
        if choices is None:  # read in the background (the window stays responsive)
            door = context.door
            choices = run_and_wait(parent or context_owner(), lambda: door.cases.assignment_choices(case_id))
        candidates, self.current = choices
        self.setWindowTitle(self.tr("Responsible for the case"))
        self.setAccessibleName(self.tr("Responsible for the case"))
        intro = QLabel(self.tr("Tick the workers responsible for this case. Only they see it in their case list "
                               "and may work in it; team leads see the team's cases anyway."), self)
        intro.setWordWrap(True)
        self.ids = [user.id for user in candidates]
        self.checks = CheckList([(user.id, f"{member_name(user)} – {role_word(user.role)}") for user in candidates], 1,
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

    def chosen(self) -> set[int]:
        return set(self.checks.values())

    def _save(self) -> None:
        chosen = self.chosen()
        if members_finding(chosen) is not None:  # the rule the service enforces (workflow/rules_case.py)
            self.error.setText(self.tr("At least one person must be responsible for the case."))
            self.error.show()
            self.checks.setFocus()
            return
        if chosen != self.current:
            door, case_id = self.context.door, self.case_id
            try:
                run_and_wait(self, lambda: door.cases.set_case_members(case_id, sorted(chosen)))
            except DatabaseError as exc:
                show_database_error(self, self.windowTitle(), exc)
                return
            self.saved = True
        self.accept()


def edit_members(parent: QWidget | None, context: AppContext, case_id: int,
                 changed: Callable[[list[str]], None] | None = None) -> bool:
    """Ärende → Ansvariga…: True when the members were changed; a refusal (logged) is shown in a box.

    ``changed(names)`` gets the new members' names after a change (for the case window's header).
    """
    door = context.door
    owner = parent if parent is not None else context_owner()
    try:
        choices = run_and_wait(owner, lambda: door.cases.assignment_choices(case_id))
    except DatabaseError as exc:
        show_database_error(parent, _t("Responsible for the case"), exc)
        return False
    dialog = MembersDialog(context, case_id, parent, choices)
    run_dialog(dialog)
    if dialog.saved and changed is not None:
        try:
            changed([member_name(m) for m in run_and_wait(owner, lambda: door.cases.case_members(case_id))])
        except DatabaseError:
            pass  # the header keeps the old names; the change itself is saved
    return dialog.saved
