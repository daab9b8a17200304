"""Run database work off the UI thread and come back on it (Anki's ``aqt/operations`` pattern).

``run_in_background(owner, work, on_done, on_failed)`` runs ``work()`` in Qt's
thread pool, then calls ``on_done(result)`` or ``on_failed(exception)`` on the
UI thread. ``work`` must not touch widgets; it opens its own unit of work
(the ``Database`` methods do), so no session crosses threads.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QThreadPool, Signal, Slot


class _Delivery(QObject):
    """Lives on the UI thread; signals emitted from the worker are queued to it."""

    sig_result = Signal(object)
    """Carries the work's return value (emitted on the worker thread)."""
    sig_error = Signal(object)
    """Carries the exception the work raised (emitted on the worker thread)."""

    def __init__(self, owner: QObject, on_done: Callable[[Any], None], on_failed: Callable[[BaseException], None]):
        super().__init__(owner)
        self._on_done, self._on_failed = on_done, on_failed
        self.sig_result.connect(self._deliver_result)
        self.sig_error.connect(self._deliver_error)

    @Slot(object)
    def _deliver_result(self, result: object) -> None:
        try:
            self._on_done(result)
        finally:
            self.deleteLater()

    @Slot(object)
    def _deliver_error(self, error: object) -> None:
        try:
            self._on_failed(error)  # type: ignore[arg-type]
        finally:
            self.deleteLater()


def run_in_background(owner: QObject, work: Callable[[], Any], on_done: Callable[[Any], None],
                      on_failed: Callable[[BaseException], None]) -> None:
    delivery = _Delivery(owner, on_done, on_failed)

    def task() -> None:
        try:
            result = work()
        except Exception as exc:  # noqa: BLE001 - handed to the UI thread, which explains it
            delivery.sig_error.emit(exc)
        else:
            delivery.sig_result.emit(result)

    QThreadPool.globalInstance().start(task)


def wait_for_background_work(timeout_ms: int = 10_000) -> bool:
    """Let running work finish (before the app quits or the database closes)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
