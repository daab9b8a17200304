"""The operations helper: work off the UI thread, a busy sign only when it takes a while, errors in words."""

from __future__ import annotations

import threading
import time

from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QPushButton

from sst_desk.persistence import DatabaseUnavailableError
from sst_desk.ui.common.operations import BUSY_DELAY_MS, Operation, operations_running

from person import PATIENCE_MS, answer_dialog


def _window(qtbot) -> tuple[QMainWindow, QPushButton]:
    window = QMainWindow()
    button = QPushButton("Save", window)
    window.setCentralWidget(button)
    qtbot.addWidget(window)
    window.show()
    return window, button


def test_slow_work_shows_working_after_a_moment_and_keeps_the_button_off_until_done(qtbot):
    window, button = _window(qtbot)
    go_on = threading.Event()
    threads: list[threading.Thread] = []
    results: list[int] = []

    def work() -> int:
        threads.append(threading.current_thread())
        go_on.wait(PATIENCE_MS / 1000)
        return 7

    Operation(window, work).success(results.append).disable(button).run_in_background()
    assert not button.isEnabled() and operations_running() == 1
    assert window.statusBar().currentMessage() == ""  # not at once: a quick operation shows nothing
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Working…", timeout=PATIENCE_MS)
    assert QApplication.overrideCursor() is not None
    go_on.set()
    qtbot.waitUntil(lambda: results == [7], timeout=PATIENCE_MS)
    assert threads and threads[0] is not threading.main_thread()
    assert button.isEnabled() and window.statusBar().currentMessage() == ""
    assert QApplication.overrideCursor() is None and operations_running() == 0


def test_quick_work_shows_no_busy_sign(qtbot):
    window, _button = _window(qtbot)
    messages: list[str] = []
    window.statusBar().messageChanged.connect(messages.append)
    results: list[str] = []
    began = time.monotonic()
    operation = Operation(window, lambda: "done").success(results.append)
    operation.run_in_background()
    qtbot.waitUntil(lambda: results == ["done"], timeout=PATIENCE_MS)
    took_ms = (time.monotonic() - began) * 1000
    if took_ms < BUSY_DELAY_MS:  # back within the delay (a stalled machine may take longer): no sign at all
        assert not operation.busy_shown and "Working…" not in messages
    assert operation.busy_shown == ("Working…" in messages) and QApplication.overrideCursor() is None


def test_a_failure_is_said_in_the_windows_words(qtbot):
    window, button = _window(qtbot)
    seen: list[str] = []
    errors = answer_dialog(lambda box: (seen.append(box.text()), box.accept()), kind=QMessageBox)

    def work():
        raise DatabaseUnavailableError("team.sqlite3")

    Operation(window, work).failure(title="Could not save").disable(button).run_in_background()
    qtbot.waitUntil(lambda: bool(seen) or bool(errors), timeout=PATIENCE_MS)
    assert not errors, errors
    assert seen == ["The database cannot be reached right now. Your changes are still in the window; try again."]
    assert button.isEnabled()
