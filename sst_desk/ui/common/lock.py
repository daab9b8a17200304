"""Locking the app: after a set idle time, and on demand (Ctrl+L), keeping unsaved work.

Locking hides every open window (the case list, case windows with their
unsaved edits, open dialogs) and shows one small dialog asking for the
signed-in person's password. Nothing is closed and nothing is saved or lost:
unlocking shows the windows again exactly as they were. Lock and unlock are
written to the access log. "Quit" (for a colleague who needs the laptop)
ends SST Desk without saving, after a confirmation.

Idle means no keyboard or mouse input in any SST Desk window; an
application-wide event filter restarts the timer on input.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QPushButton, QWidget

from sst_desk.services.errors import DatabaseError
from sst_desk.workflow.logchain import LogAction
from sst_desk.ui.accounts import session
from sst_desk.ui.accounts.signin_dialog import _Form, confirm_quit_locked
from sst_desk.ui.common.operations import Operation, run_and_wait

CONTEXT = "Lock"
LOCK_LOG_WAIT_S = 30.0  # at most this long the unlock waits for the lock's own log entry (a silent server)
_INPUT = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


class UnlockDialog(_Form):
    """The locked screen: the signed-in person's password, or quit."""

    def __init__(self, context, parent: QWidget | None = None, *, after: threading.Event | None = None) -> None:
        """``after``: set once the lock itself is logged (in the background); the unlock is logged after it."""
        who = context.db.actor.label if context.db.actor is not None else ""
        super().__init__(_t("SST Desk is locked"),
                         _t("SST Desk is locked; open cases and unsaved changes are kept. %1, write your password "
                            "to go on.").replace("%1", who), parent)
        self._context, self._after = context, after
        self.add_field("password", _t("Password"), secret=True)
        self.set_ok_text(_t("Unlock"))
        self.buttons.removeButton(self.buttons.button(QDialogButtonBox.StandardButton.Cancel))
        quit_button = QPushButton(_t("Quit SST Desk…"))
        quit_button.setAccessibleName(_t("Quit SST Desk"))
        self.buttons.addButton(quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.edits["password"].setFocus()

    def reject(self) -> None:  # Esc or "Quit": only with a confirmation
        if confirm_quit_locked(self):
            super().reject()

    def _submit(self) -> None:
        password = self.value("password")
        if not password:
            self.show_errors({"password": _t("Write your password.")})
            return
        db, after = self._context.db, self._after

        def verify() -> bool:
            if after is not None:
                after.wait(LOCK_LOG_WAIT_S)  # the log shows the lock before the unlock (or the failed try)
            return session.verify_password(db, password)

        try:  # off the UI thread: Argon2id takes a moment, and on a team server it is a network call
            ok = run_and_wait(self, verify)
        except DatabaseError as exc:
            from sst_desk.ui.common.errors import database_error_text

            self.show_errors({}, database_error_text(exc))
            return
        if not ok:
            self.edits["password"].clear()
            self.show_errors({"password": _t("The password is wrong.")})
            return
        self.accept()


def conceal(window: QWidget) -> Callable[[], None]:
    """Hide ``window`` while locked; the returned function shows it again as it was.

    A modal dialog waiting for an answer is not hidden: QDialog ends its exec() when hidden, as if
    Cancel was pressed (a form loses what was typed in it; "Save the changes?" gets no button, which
    closed the case window without saving). Its contents and title are hidden instead.
    """
    if not (isinstance(window, QDialog) and window.isModal()):
        window.hide()
        return window.show
    title, focus = window.windowTitle(), window.focusWidget()
    parts = [w for w in window.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
             if not w.isWindow() and not w.isHidden()]
    for part in parts:
        part.hide()
    window.setWindowTitle(_t("SST Desk is locked"))

    def show() -> None:
        for part in parts:
            part.show()
        window.setWindowTitle(title)
        if focus is not None:
            focus.setFocus()

    return show


class IdleLock(QObject):
    """Locks after ``minutes`` without input, or when ``lock()`` is called (Ctrl+L)."""

    def __init__(self, context, minutes: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._context = context
        self.locked = False
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.lock)
        self.set_minutes(minutes)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)

    def stop(self) -> None:
        """No more locking: the person signed out (Arkiv → Logga ut) and the next one gets a lock of their own."""
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def set_minutes(self, minutes: int) -> None:
        self.timer.setInterval(max(1, min(120, int(minutes))) * 60_000)
        if not self.locked:
            self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if not self.locked and event.type() in _INPUT:
            self.timer.start()  # restart the idle countdown
        return False

    def lock(self) -> None:
        """Hide every window, ask for the password; quit the app if the person chooses to."""
        if self.locked or self._context.db.actor is None:
            return
        self.locked = True
        self.timer.stop()
        hidden = [w for w in QApplication.topLevelWidgets() if w.isVisible() and not isinstance(w, UnlockDialog)]
        show_again = [conceal(window) for window in hidden]
        logged = self._log(LogAction.LOCK, wait=False)  # the password is asked at once, even if the server is silent
        dialog = UnlockDialog(self._context, after=logged)
        try:
            unlocked = dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()
        if not unlocked:
            self._log(LogAction.SIGN_OUT, "quit while locked")
            QApplication.instance().exit(0)  # type: ignore[union-attr]
            return
        for show in show_again:
            show()
        front = QApplication.activeModalWidget() or (hidden[0] if hidden else None)
        if front is not None:
            front.activateWindow()
        self.locked = False
        self.timer.start()

    def _log(self, action: LogAction, detail: str = "", *, wait: bool = True) -> threading.Event:
        """Record ``action`` off the UI thread; ``wait``: before going on (quitting must be logged first).

        Returns an event set once the record is written (or failed). Locking must work even when the
        database or the server is briefly unavailable: a failure is let be.
        """
        accounts, done = self._context.door.accounts, threading.Event()

        def work() -> None:
            try:
                accounts.record_session_event(action, detail)
            finally:
                done.set()

        if not wait:
            Operation(self, work).failure(lambda _exc: None).run_in_background()
            return done
        try:
            run_and_wait(self, work)
        except DatabaseError:
            pass
        return done
