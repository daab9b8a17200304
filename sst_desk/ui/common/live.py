"""Live changes in the window: the server's event stream brought onto the UI thread (issue 13).

``LiveUpdates`` lives on the UI thread and owns the session's ``remote.events.EventStream`` (its own
thread). Each event read there is emitted as a Qt signal of this object, so Qt queues it to the UI thread;
the main window connects to the signals (``ui/caselist/main_window.py``): the case list is reloaded once
for a burst of changes (``DEBOUNCE_MS``), an open case window of a changed case takes in the newer version.
``stop()`` (sign-out, the window closing, the app quitting) ends the stream's thread and waits for it.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from sst_desk.remote.events import EventSource, EventStream, LiveEvent, Resync, SessionEnded
from sst_desk.remote.sse import CaseEvent

DEBOUNCE_MS = 200
"""Changes within this time after the first one are shown by one reload of the case list."""


class LiveUpdates(QObject):
    """The signed-in session's live changes, as signals on the UI thread."""

    sig_case_changed = Signal(object)
    """Carries a ``remote.sse.CaseEvent``: someone saved a case this person may see."""
    sig_resync = Signal()
    """Changes may have been missed (the stream was broken off and is open again): reload what is shown."""
    sig_list_stale = Signal()
    """The case list should be reloaded: emitted at most once per ``DEBOUNCE_MS`` for a burst of changes."""
    sig_session_ended = Signal()
    """The server ended the session's stream (signed out elsewhere, switched off, expired)."""

    def __init__(self, source: EventSource, parent: QObject | None = None, *, debounce_ms: int = DEBOUNCE_MS,
                 **stream_options) -> None:
        super().__init__(parent)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self.sig_list_stale)
        self._debounce.timeout.connect(self._copy_stale)
        self._source = source
        self.sig_case_changed.connect(self._list_changed)
        self.sig_resync.connect(self._list_changed)
        self.stream = EventStream(source, self._arrived, **stream_options)
        app = QCoreApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)  # the app quitting without closing its windows, too

    def start(self) -> LiveUpdates:
        self.stream.start()
        return self

    def stop(self) -> bool:
        """End the stream's thread (waits for it); True when it has ended."""
        self._debounce.stop()
        return self.stream.stop()

    def _arrived(self, event: LiveEvent) -> None:
        """On the stream's thread: hand the event to the UI thread (a signal of an object living there)."""
        try:
            if isinstance(event, CaseEvent):
                self.sig_case_changed.emit(event)
            elif isinstance(event, Resync):
                self.sig_resync.emit()
            elif isinstance(event, SessionEnded):
                self.sig_session_ended.emit()
        except RuntimeError:  # the window and this object were deleted while the thread read on
            pass

    def _copy_stale(self) -> None:
        """A colleague's change: the offline copy (``sst_desk/offline``), if the session keeps one, takes it in
        soon (on the copy's own thread)."""
        sync = getattr(self._source, "sync", None)
        if sync is not None:
            sync.poke()

    def _list_changed(self, *_event: object) -> None:
        if not self._debounce.isActive():
            self._debounce.start()  # not restarted by the next change: a steady stream still shows within 200 ms


__all__ = ["DEBOUNCE_MS", "LiveUpdates"]
