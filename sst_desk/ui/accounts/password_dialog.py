"""Byt lösenord: the signed-in person chooses a new password (current, new, repeated).

After an administrator has set a first password (a new account, a reset, an
account switched back on) the administrator knows it, so the person must
choose their own before anything else: the *forced* dialog explains this and
offers no way past it but quitting SST Desk. On a file, changing the password
also rewraps the person's slot in the key file (``signin.change_own_password``);
on a team server the server stores it and ends the person's other sessions
(``session.change_own_password``). It is logged either way.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

from sst_desk.security import signin
from sst_desk.security.passwords import MIN_LENGTH, PasswordProblem
from sst_desk.ui.accounts import session
from sst_desk.ui.accounts.forms import FormDialog, password_problem_field, run_dialog
from sst_desk.ui.common.context import AppContext
from sst_desk.ui.common.operations import run_and_wait
from sst_desk.ui.case.forms import Field

CONTEXT = "ChangePasswordDialog"
CURRENT, NEW, REPEAT = "current", "new", "repeat"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class ChangePasswordDialog(FormDialog):
    """The three password fields; in forced mode Cancel becomes "Quit SST Desk" and Escape does nothing."""

    def __init__(self, context: AppContext, parent: QWidget | None = None, forced: bool = False):
        self.context = context
        self.forced = forced
        rule = _t("A password has at least %1 characters. A few words in a row are easy to remember and hard "
                  "to guess.").replace("%1", str(MIN_LENGTH))
        if forced:
            title = _t("Choose your own password")
            intro = _t("An administrator has set your password, so they know it. Before you go on, choose a "
                       "password that only you know.") + "\n\n" + rule + "\n\n" + \
                _t("If you do not want to do this now, quit SST Desk; you will be asked again the next time you "
                   "sign in.")
        else:
            title = _t("Change password")
            intro = rule
        fields = [Field(CURRENT, _t("Current password")), Field(NEW, _t("New password")),
                  Field(REPEAT, _t("Repeat the new password"))]
        super().__init__(title, intro, fields, self._change, parent, secret=(CURRENT, NEW, REPEAT),
                         ok_text=_t("Change password"), cancel_text=_t("Quit SST Desk") if forced else None)
        self.form.input(CURRENT).setFocus()

    def _change(self, values: dict[str, object]) -> dict[str, str]:
        current, new, repeat = (str(values[name]) for name in (CURRENT, NEW, REPEAT))
        if not current:
            return {CURRENT: _t("Type the password you use now.")}
        db = self.context.db
        try:  # off the UI thread: hashing and rewrapping the key slot take a moment
            run_and_wait(self, lambda: session.change_own_password(db, current, new, repeat))
        except signin.SignInError:
            return {CURRENT: _t("The current password is wrong.")}
        except PasswordProblem as problem:
            return password_problem_field(problem, NEW, REPEAT)
        return {}

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt naming
        # A stray Escape must not quit the app: in forced mode only the button (or closing the window) does.
        if self.forced and event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)


def change_password(parent: QWidget | None, context: AppContext, forced: bool = False) -> bool:
    """Open the dialog; True when the password was changed.

    In forced mode False means the person chose to quit (the button or closing the window): the caller
    signs out and ends SST Desk, since nothing else may be done with a password the administrator knows.
    """
    return run_dialog(ChangePasswordDialog(context, parent, forced))
