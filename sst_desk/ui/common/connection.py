"""Whether the team server answers, for the whole app, and the banner that says when it does not.

Every background operation (``operations.Operation``) reports how it ended here: a failure because the
server could not be reached (``remote.errors.ServerUnreachableError``: down, a silent network, a timeout)
marks the connection lost, any answer marks it back. Each window shows an ``UnreachableBanner`` while it is
lost, with "Try again"; nothing typed is thrown away meanwhile (a case window that could not save stays
open with its changes). On a database file the connection is never lost, and no banner is ever shown.
A session the server no longer takes (``SessionExpired``) is announced too: the main window locks, and the
unlock signs in afresh (``remote.connection.ServerConnection.verify_password``), edits kept.
With an offline copy (``sst_desk/offline``) a call the copy answered is an answer from the copy, not from the
server: the state stays "not reachable" and the banner says how old the copy is ("Offline – your local copy
from 14:32"); ``offline_source`` (set by the main window) tells which answers came from the copy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

CONTEXT = "Connection"
BANNER_STYLE = ("QFrame#unreachable-banner { background: #fdecea; border: 1px solid #d93025; border-radius: 4px; }"
                " QLabel { color: #5f1d17; font-weight: bold; }")


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def is_unreachable(error: BaseException) -> bool:
    """True when ``error`` says the team server did not answer (not a refusal, not a wrong certificate)."""
    from sst_desk.remote.errors import ServerUnreachableError  # imported when first needed: start-up stays light

    return isinstance(error, ServerUnreachableError)


def session_ended(error: BaseException) -> bool:
    """True when the server no longer takes the session (it lapsed, or it was revoked)."""
    from sst_desk.remote.errors import SessionExpired

    return isinstance(error, SessionExpired)


class ConnectionState(QObject):
    """Reachable or not, as the last background call found it; one per app (``connection_state()``)."""

    sig_changed = Signal(bool)
    """Carries True when the server answers again, False when it could not be reached."""
    sig_session_ended = Signal()
    """Emitted when the server no longer takes the session's token (expired, or revoked): sign in again."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.reachable = True
        self.offline_as_of: dt.datetime | None = None
        """While the window works on the offline copy: when that copy was brought up to date (else None)."""
        self.offline_source: Callable[[], dt.datetime | None] | None = None
        """The time of the copy the last answer came from, or None when the server gave it (the connection's
        ``offline_as_of``)."""
        self.current_session: Callable[[], object] | None = None
        """The server session the window works in now (the connection's ``session``): a refusal of another,
        older one — a call still under way when the unlock signed in afresh — does not lock again."""

    def note_answer(self) -> None:
        """A call came back (with a result or a refusal): the server is there — unless the copy answered."""
        as_of = self.offline_source() if self.offline_source is not None else None
        if as_of is not None:
            self.offline_as_of, self.reachable = as_of, False
            self.sig_changed.emit(False)
            return
        self.offline_as_of = None
        if not self.reachable:
            self.reachable = True
            self.sig_changed.emit(True)

    def note_handled(self, error: BaseException) -> None:
        """The window has said what went wrong; a session the server ended is announced now (to lock)."""
        if session_ended(error):
            ended = getattr(error, "session", None)
            if ended is not None and self.current_session is not None and ended is not self.current_session():
                return  # the session the call was made in has been left already (the unlock signed in afresh)
            self.sig_session_ended.emit()

    def note_failure(self, error: BaseException) -> None:
        """A call failed; only a server that could not be reached changes the state."""
        if not is_unreachable(error):
            self.note_answer()  # a refusal or a rule is an answer too
            return
        self.reachable = False
        self.sig_changed.emit(False)  # again each time: a banner hidden meanwhile shows once more


_state: list[ConnectionState] = []


def connection_state() -> ConnectionState:
    """The app's one ``ConnectionState`` (made on first use, owned by the application)."""
    if not _state:
        _state.append(ConnectionState(QCoreApplication.instance()))
    return _state[0]


class UnreachableBanner(QFrame):
    """"The server cannot be reached – what you typed is kept; try again", with a "Try again" button.

    Hidden until the connection is lost; hidden again as soon as any call gets an answer. ``sig_retry``
    is emitted when the person presses "Try again" (the window retries what it last tried).
    """

    sig_retry = Signal()
    """Emitted when "Try again" is pressed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("unreachable-banner")
        self.setStyleSheet(BANNER_STYLE)
        self.setAccessibleName(_t("Connection to the server"))
        self.message = QLabel(_t("The server cannot be reached – what you have typed is kept; try again"), self)
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setAccessibleName(self.message.text())
        self.retry_button = QPushButton(_t("Try again"), self)
        self.retry_button.setAccessibleName(self.retry_button.text())
        self.retry_button.clicked.connect(self.sig_retry)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.retry_button)
        self.hide()
        state = connection_state()
        state.sig_changed.connect(self._changed)
        if not state.reachable:
            self._changed(False)

    def _changed(self, reachable: bool) -> None:
        as_of = connection_state().offline_as_of
        if as_of is not None:
            self.message.setText(offline_text(as_of))
        else:
            self.message.setText(_t("The server cannot be reached – what you have typed is kept; try again"))
        self.message.setAccessibleName(self.message.text())
        self.setVisible(not reachable)


def offline_text(as_of: dt.datetime, now: dt.datetime | None = None) -> str:
    """"Offline – your local copy from 14:32 …" (the day too when the copy is not from today)."""
    local = as_of.astimezone()
    today = (now or dt.datetime.now().astimezone()).date()
    when = local.strftime("%H:%M") if local.date() == today else local.strftime("%Y-%m-%d %H:%M")
    return _t("Offline – your local copy from %1. Saving waits until the server can be reached; what you have "
              "typed is kept").replace("%1", when)
