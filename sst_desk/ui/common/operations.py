"""Run database work off the UI thread and come back on it (Anki's ``aqt/operations`` pattern).

    Operation(window, lambda: door.cases.save_case(case)) \\
        .success(show_saved).failure(say_why).disable(save_action) \\
        .run_in_background()

``work()`` runs in Qt's thread pool; ``success(result)`` or ``failure(exception)`` is then called on
the UI thread. ``work`` must not touch widgets; it calls services, which open their own unit of
work, so no session crosses threads (and the UI thread never touches the database).

While it runs, the widgets and actions given to ``disable`` are disabled (a second save cannot
start), and after ``BUSY_DELAY_MS`` a busy indicator appears: the wait cursor and "Working…" in the
window's status bar. A quick operation shows nothing. Without ``failure``, an error is explained
the way the window explains database errors (``errors.database_error_text``) in a warning box.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from sst_desk.ui.common.connection import connection_state

BUSY_DELAY_MS = 300
"""How long an operation runs before the busy indicator appears (quicker ones show nothing)."""

_running: set[Operation] = set()  # started and not yet delivered: kept alive, and counted for tests

GC_INTERVAL_MS = 500
"""How often Python's garbage is collected on the UI thread once work runs in the background."""
_collector: list[QTimer] = []


def collect_garbage_on_the_ui_thread() -> None:
    """Run Python's cyclic garbage collector only on the UI thread, from a timer (as Anki's ``GarbageCollector``).

    The collector runs in whichever thread happens to allocate when a threshold is passed. If that is a
    worker and the garbage holds a Qt object (a closed dialog in a reference cycle), Qt deletes it off
    its thread and the process crashes. So automatic collection is switched off and the same thresholds
    are checked here, on the UI thread. Called once, when the first background work starts.
    """
    app = QCoreApplication.instance()
    if _collector or app is None:
        return
    gc.disable()
    timer = QTimer(app)
    timer.setInterval(GC_INTERVAL_MS)
    timer.timeout.connect(_collect)
    timer.start()
    _collector.append(timer)


def _collect() -> None:
    counts, thresholds = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0):
        if counts[generation] > thresholds[generation]:
            gc.collect(generation)
            return


def _t(text: str) -> str:
    return QCoreApplication.translate("Operations", text)


class _Delivery(QObject):
    """Lives on the UI thread; signals emitted from the worker are queued to it."""

    sig_result = Signal(object)
    """Carries the work's return value (emitted on the worker thread)."""
    sig_error = Signal(object)
    """Carries the exception the work raised (emitted on the worker thread)."""

    def __init__(self, parent: QObject, operation: Operation) -> None:
        super().__init__(parent)
        self._operation = operation
        self.sig_result.connect(self._result)
        self.sig_error.connect(self._error)

    @Slot(object)
    def _result(self, result: object) -> None:
        self._operation._deliver_result(result)  # noqa: SLF001 - the operation's own messenger

    @Slot(object)
    def _error(self, error: object) -> None:
        self._operation._deliver_error(error)  # noqa: SLF001


class Operation:
    """One piece of background work started from a window: configure, then ``run_in_background()``."""

    def __init__(self, parent: QWidget | QObject, work: Callable[[], Any]) -> None:
        self._parent = parent
        self._work = work
        self._on_success: Callable[[Any], None] = lambda _result: None
        self._on_failure: Callable[[BaseException], None] | None = None
        self._failure_title = ""
        self._disabled: list[Any] = []
        self._restore: list[tuple[Any, bool]] = []
        self._focus: QWidget | None = None
        self.busy_shown = False
        self._delivery: _Delivery | None = None
        self._timer: QTimer | None = None
        self.done = False

    def success(self, fn: Callable[[Any], None]) -> Operation:
        """Call ``fn(result)`` on the UI thread when the work returns."""
        self._on_success = fn
        return self

    def failure(self, fn: Callable[[BaseException], None] | None = None, *, title: str = "") -> Operation:
        """Call ``fn(exception)`` when the work raises; or, with only ``title``, explain it in a warning box."""
        self._on_failure = fn
        self._failure_title = title
        return self

    def disable(self, *items: Any) -> Operation:
        """Widgets or actions to disable while the work runs (each gets its enabled state back after)."""
        self._disabled.extend(items)
        return self

    def run_in_background(self) -> Operation:
        collect_garbage_on_the_ui_thread()
        delivery = _Delivery(self._parent, self)
        self._delivery = delivery
        self._restore = [(item, item.isEnabled()) for item in self._disabled]
        focus = QApplication.focusWidget()  # the field the person was in gets the keyboard back afterwards
        self._focus = focus if focus is not None and any(
            isinstance(item, QWidget) and (item is focus or item.isAncestorOf(focus)) for item in self._disabled) else None
        for item in self._disabled:
            item.setEnabled(False)
        self._timer = QTimer(delivery)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._show_busy)
        self._timer.start(BUSY_DELAY_MS)
        _running.add(self)
        work = self._work

        def task() -> None:
            try:
                result = work()
            except Exception as exc:  # noqa: BLE001 - handed to the UI thread, which explains it
                _emit(delivery.sig_error, exc)
            else:
                _emit(delivery.sig_result, result)

        QThreadPool.globalInstance().start(task)
        return self

    # --- on the UI thread ---------------------------------------------------------------------------

    def _window(self) -> QWidget | None:
        parent = self._parent
        return parent.window() if isinstance(parent, QWidget) else None

    def _show_busy(self) -> None:
        if self.done:
            return
        self.busy_shown = True
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        window = self._window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(_t("Working…"))

    def _end(self) -> None:
        self.done = True
        _running.discard(self)
        if self._timer is not None:
            self._timer.stop()
        if self.busy_shown:
            QApplication.restoreOverrideCursor()
            window = self._window()
            if isinstance(window, QMainWindow) and window.statusBar().currentMessage() == _t("Working…"):
                window.statusBar().clearMessage()
        for item, enabled in self._restore:
            try:
                item.setEnabled(enabled)
            except RuntimeError:  # the widget was deleted meanwhile (its window closed)
                pass
        focus, self._focus = self._focus, None
        try:
            if focus is not None and focus.isVisible() and focus.isEnabled() and QApplication.focusWidget() is not focus:
                focus.setFocus()
        except RuntimeError:  # deleted meanwhile
            pass
        if self._delivery is not None:
            self._delivery.deleteLater()

    def _deliver_result(self, result: object) -> None:
        self._end()
        connection_state().note_answer()
        self._on_success(result)

    def _deliver_error(self, error: object) -> None:
        self._end()
        assert isinstance(error, BaseException)
        state = connection_state()
        state.note_failure(error)  # the windows' banners say when the server cannot be reached
        try:
            if self._on_failure is not None:
                self._on_failure(error)
                return
            from sst_desk.ui.common.errors import database_error_text

            parent = self._window()
            QMessageBox.warning(parent, self._failure_title or _t("Could not complete"), database_error_text(error))
        finally:
            state.note_handled(error)  # then a session the server ended locks the window (the unlock signs in)


def _emit(signal, value: object) -> None:
    try:
        signal.emit(value)
    except RuntimeError:  # the window that asked was closed and deleted: nobody is left to tell
        pass


def run_in_background(owner: QObject, work: Callable[[], Any], on_done: Callable[[Any], None],
                      on_failed: Callable[[BaseException], None]) -> Operation:
    """``Operation(owner, work).success(on_done).failure(on_failed).run_in_background()``."""
    return Operation(owner, work).success(on_done).failure(on_failed).run_in_background()


def run_and_wait(parent: QWidget | QObject, work: Callable[[], Any]) -> Any:
    """Run ``work()`` in the background and wait for it with the window responsive; its result, or its error.

    For a short step in the middle of a dialog's flow (choices to show, an override to record) where the
    next question depends on the answer: the database is still never touched on the UI thread, and
    events are processed meanwhile (as a modal dialog's ``exec()`` does).
    """
    from PySide6.QtCore import QEventLoop

    outcome: list[tuple[bool, Any]] = []
    loop = QEventLoop()

    def finish(ok: bool, value: Any) -> None:
        outcome.append((ok, value))
        loop.quit()

    Operation(parent, work).success(lambda r: finish(True, r)).failure(lambda e: finish(False, e)).run_in_background()
    if not outcome:
        loop.exec()
    ok, value = outcome[0]
    if not ok:
        raise value
    return value


def context_owner() -> QObject:
    """A QObject on the UI thread to carry a background result when there is no parent window."""
    app = QCoreApplication.instance()
    assert app is not None
    return app


def operations_running() -> int:
    """How many operations have started and not yet come back (tests wait for zero)."""
    return len(_running)


def wait_for_background_work(timeout_ms: int = 10_000) -> bool:
    """Let running work finish (before the app quits or the database closes)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
