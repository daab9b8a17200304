"""Min profil: the signed-in person's own details that others read — today their work phone.

Team → My profile…, for everyone (an administrator edits anyone's in Users… as well). The phone is printed
on a kallelse as the family's contact ("Kontaktperson: Sara Lind, 070-123 45 67", reports/kallelse.py). It
is saved through ``services.accounts.set_own_phone`` (on a file or the team server alike), which checks it
and logs that it changed (USER_CHANGED), never the number.
"""

from __future__ import annotations

from types import SimpleNamespace

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from sst_desk.workflow.validation import phone_finding
from sst_desk.ui.accounts.forms import FormDialog, phone_help, phone_label, run_dialog
from sst_desk.ui.case.forms import Field
from sst_desk.ui.common.context import AppContext
from sst_desk.ui.common.messages import message
from sst_desk.ui.common.operations import run_and_wait

CONTEXT = "ProfileDialog"
PHONE = "phone"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class ProfileDialog(FormDialog):
    """The person's name (as the administrator set it) and their work phone, which they edit."""

    def __init__(self, context: AppContext, phone: str, parent: QWidget | None = None):
        self.context = context
        actor = context.db.actor
        name = (actor.display_name or actor.username) if actor is not None else ""
        intro = _t("Signed in as %1. Your name and role are set by an administrator.").replace("%1", name)
        fields = [Field(PHONE, phone_label(), placeholder="070-123 45 67", help=phone_help())]
        super().__init__(_t("My profile"), intro + "\n\n" + phone_help(), fields, self._save, parent,
                         ok_text=_t("Save"))
        self.form.load(SimpleNamespace(phone=phone))
        self.saved = None

    def _save(self, values: dict[str, object]) -> dict[str, str]:
        phone = str(values[PHONE])
        problem = phone_finding(phone)
        if problem is not None:
            return {PHONE: message(problem)}
        door = self.context.door
        self.saved = run_and_wait(self, lambda: door.accounts.set_own_phone(phone))
        return {}


def edit_profile(parent: QWidget | None, context: AppContext) -> bool:
    """Open "My profile" for the signed-in person; True when it was saved."""
    actor = context.db.actor
    if actor is None:
        return False
    door = context.door
    me = run_and_wait(parent, lambda: door.accounts.get_user(actor.user_id))
    return run_dialog(ProfileDialog(context, me.phone, parent))
