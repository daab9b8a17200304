"""Shared by every test: a time limit that turns a hang into a failure naming the test — even inside Qt.

pytest-timeout's "signal" method raises in the main thread when the limit is reached, but Python runs a
signal handler only when it next runs Python code: a UI test stuck in a dialog's ``exec()`` (a modal
dialog nobody answers) sits in Qt's C++ event loop and never sees it, so the run hangs silently. Its
"thread" method ends the whole run with ``os._exit``. Here the signal method gets two additions:

- a heartbeat: once a QApplication exists, a Qt timer calls into Python every 100 ms, so the handler runs
  even while Qt waits in ``exec()``;
- at the limit, every open modal dialog is ended (``done(Rejected)``, again and again until the test is
  over) so ``exec()`` returns, and the test fails with a message naming the dialog it was stuck in.

A test that goes on hanging after that fails again every few seconds (a hang in plain Python code ends
with the first of them); if it still has not ended 30 s after its limit, the stacks are printed and the run
stops (pytest-timeout's thread method) rather than hanging for ever. See docs/testing.md.
"""

from __future__ import annotations

import signal
import sys
import threading

import pytest

RETRY_SECONDS = 5
"""After a timeout, how often the test is failed again while it does not end."""
LAST_RESORT_SECONDS = 30
"""How long a test that timed out may take to give up before the whole run stops."""

_HUNG = pytest.StashKey[str]()
_heartbeat: list = []  # the one heartbeat timer, once a QApplication exists
_closers: list = []  # the dialog closer of a test that timed out


def _qt_application():
    """The QApplication, if this run has one (never imports Qt itself: unit tests stay Qt-free)."""
    widgets = sys.modules.get("PySide6.QtWidgets")
    return widgets.QApplication.instance() if widgets is not None else None


def _ensure_heartbeat() -> None:
    app = _qt_application()
    if app is None or _heartbeat:
        return
    from PySide6.QtCore import QTimer

    timer = QTimer(app)
    timer.setInterval(100)
    timer.timeout.connect(lambda: None)  # entering Python is enough: pending signal handlers run first
    timer.start()
    _heartbeat.append(timer)


def open_modal_dialogs() -> list:
    """Every visible modal dialog, innermost first."""
    app = _qt_application()
    if app is None:
        return []
    from PySide6.QtWidgets import QDialog

    dialogs = [w for w in app.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible() and w.isModal()]
    active = app.activeModalWidget()
    return sorted(dialogs, key=lambda w: w is not active)


def _close_modal_dialogs() -> None:
    """End every open modal dialog and popup; ``done`` rather than ``reject``, which some dialogs override
    with a question of their own."""
    from PySide6.QtWidgets import QDialog

    app = _qt_application()
    popup = app.activePopupWidget() if app is not None else None
    if popup is not None:
        popup.close()
    for dialog in open_modal_dialogs():
        dialog.done(QDialog.DialogCode.Rejected)


def _start_closing_dialogs() -> None:
    from PySide6.QtCore import QTimer

    closer = QTimer(_qt_application())
    closer.setInterval(50)
    closer.timeout.connect(_close_modal_dialogs)
    closer.start()
    _closers.append(closer)
    _close_modal_dialogs()


def _stop_closing_dialogs() -> None:
    while _closers:
        closer = _closers.pop()
        closer.stop()
        closer.deleteLater()


def _timed_out(item: pytest.Item, settings, over: float = 0.0) -> None:
    """The limit is reached: end the dialogs that block, fail naming the test; again a little later while
    the test goes on, and at last stop the run."""
    import pytest_timeout

    if not settings.disable_debugger_detection and pytest_timeout.is_debugging():
        return
    __tracebackhide__ = True
    if over >= LAST_RESORT_SECONDS:
        pytest_timeout.timeout_timer(item, settings)  # prints the stacks, ends the run
        return
    message = f"Timeout: {item.nodeid} ran over its limit of {settings.timeout:g} s"
    if over:
        message += f" and has not ended {over:g} s later"
    dialogs = open_modal_dialogs()
    if dialogs:
        titles = ", ".join(repr(d.windowTitle() or type(d).__name__) for d in dialogs)
        message += f", waiting in the modal dialog {titles} that nobody answered"
        item.stash[_HUNG] = message
        if not _closers:
            _start_closing_dialogs()
    if not over and len(threading.enumerate()) > 1:
        terminal = item.config.get_terminal_writer()
        terminal.sep("+", title="Timeout: the other threads")
        pytest_timeout.dump_stacks(terminal)
    again = min(over + RETRY_SECONDS, LAST_RESORT_SECONDS)
    signal.signal(signal.SIGALRM, lambda *_: _timed_out(item, settings, again))
    signal.setitimer(signal.ITIMER_REAL, again - over)
    pytest.fail(message)


@pytest.hookimpl(tryfirst=True)
def pytest_timeout_set_timer(item: pytest.Item, settings):
    """pytest-timeout's signal method, made to work inside Qt's event loop (see the module docstring)."""
    if settings.method != "signal" or threading.current_thread() is not threading.main_thread():
        return None  # pytest-timeout's own
    _ensure_heartbeat()

    def cancel() -> None:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
        _stop_closing_dialogs()

    item.cancel_timeout = cancel  # what pytest-timeout's cancel hook calls
    signal.signal(signal.SIGALRM, lambda *_: _timed_out(item, settings))
    signal.setitimer(signal.ITIMER_REAL, settings.timeout)
    return True


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_call(item: pytest.Item) -> None:
    _ensure_heartbeat()  # the first UI test makes the QApplication in its setup


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call):
    """A test whose hang was ended by closing its dialog fails, whatever it did afterwards."""
    report = yield
    hung = item.stash.get(_HUNG, None)
    if hung is not None and report.when == "call":
        # the summary line names the dialog, not "exceptions caught in the Qt event loop"
        report.longrepr = hung if report.passed else f"{hung}\n\n{report.longreprtext}"
        report.outcome = "failed"
    return report
