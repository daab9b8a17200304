"""Drive the UI the way a person does: find widgets by their accessible names (their labels), type, click.

Modal dialogs block in ``exec()``, so a test prepares the answer (``answer_dialog``) before the click
that opens the dialog; the answer is given once the dialog is the active modal window — never by a
timer that might fire before ``exec()`` runs. See docs/testing.md. Non-ASCII text is set with
``setText`` + the edit signal (``qtbot.keyClicks`` aborts on å/ä/ö; see
HOUSE_STYLE "Known traps").
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)


NOW = dt.datetime(2026, 11, 22, 9, 30, tzinfo=dt.timezone.utc)
"""The fixed "now" of every UI test."""


def find(root: QWidget, name: str, kind: type = QWidget, *, visible: bool = True) -> QWidget:
    """The one widget under ``root`` whose accessible name is ``name`` (visible ones first)."""
    matches = [w for w in root.findChildren(kind) if w.accessibleName() == name]
    if visible:
        shown = [w for w in matches if w.isVisibleTo(root) or w.isVisible()]
        matches = shown or matches
    if not matches:
        names = sorted({w.accessibleName() for w in root.findChildren(kind) if w.accessibleName()})
        raise LookupError(f"No {kind.__name__} named {name!r}; there are: {names}")
    enabled = [w for w in matches if w.isEnabled()]
    return (enabled or matches)[0]


def fill(root: QWidget, name: str, value) -> None:
    """Type ``value`` into the input labelled ``name`` (text, date, choice by visible text, checkbox)."""
    widget = find(root, name)
    if isinstance(widget, QLineEdit):
        widget.setFocus()
        widget.setText(str(value))
        widget.textEdited.emit(str(value))
    elif isinstance(widget, QPlainTextEdit):
        widget.setPlainText(str(value))
    elif isinstance(widget, QComboBox):
        index = widget.findText(str(value))
        if index < 0:
            raise LookupError(f"{name!r} has no choice {value!r}: {[widget.itemText(i) for i in range(widget.count())]}")
        widget.setCurrentIndex(index)
    elif isinstance(widget, QCheckBox):
        widget.setChecked(bool(value))
    else:  # a DateField and other composite inputs expose an inner line edit with the same name
        inner = find(widget, name, QLineEdit)
        inner.setText(str(value))


def click(root: QWidget, name: str, *, wait: bool = True) -> None:
    """Press the button labelled ``name``, and wait for what it started in the background (a save, a print).

    ``wait=False`` returns at once: for a test that acts while the work is still running (Cancel).
    """
    button = find(root, name, QAbstractButton)
    assert button.isEnabled(), f"{name!r} is disabled"
    button.click()
    if wait:
        settle()


def shown_errors(root: QWidget) -> list[str]:
    """The field messages currently shown under inputs."""
    from sst_desk.ui.case.forms import ERROR_STYLE

    return [label.text() for label in root.findChildren(QLabel) if label.styleSheet() == ERROR_STYLE
            and not label.isHidden()]


PATIENCE_MS = 60_000
"""How long a test waits for something that must happen (a lock, a background load): long, because waiting
costs nothing when it comes and a busy machine may be slow; pytest-timeout bounds the whole test."""

POLL_MS = 10
"""How often a prepared answer looks for its dialog. Looking is cheap; only the dialog's appearance counts."""

_pending: list["DialogAnswer"] = []  # prepared answers of the running test that have not found their dialog
_in_hand: set[int] = set()  # dialogs a handler is answering just now: no other answer may take them


class DialogAnswer(list):
    """One prepared answer to a modal dialog. The list holds what went wrong (empty: all went well), so
    ``assert not errors, errors`` reads as before; ``answered`` tells whether the dialog came at all."""

    def __init__(self, what: str) -> None:
        super().__init__()
        self.what = what
        self.answered = False
        self.withdrawn = False

    def withdraw(self) -> None:
        """No dialog is expected any more: stop looking (a test that checks that none opened)."""
        self.withdrawn = True
        _forget(self)


def _forget(answer: DialogAnswer) -> None:
    """Take ``answer`` off the pending list: by identity (answers are lists, and two empty ones are equal)."""
    _pending[:] = [a for a in _pending if a is not answer]


def end_of_test_dialogs() -> list[str]:
    """Withdraw the running test's answers that found no dialog (called after each UI test by the conftest,
    so a left-over answer can never answer the next test's dialog); returns what they were waiting for."""
    waiting = [answer.what for answer in _pending]
    for answer in list(_pending):
        answer.withdraw()
    _in_hand.clear()
    return waiting


def answer_dialog(handler: Callable[[QDialog], None], *, kind: type | None = None, may_stay_open: bool = False,
                  timeout_ms: int | None = None) -> DialogAnswer:
    """Answer the next modal dialog (of type ``kind``, if given) with ``handler``, once it is open and waits
    in its ``exec()``: prepare the answer, then do what opens the dialog.

    The answer looks for the dialog (``QApplication.activeModalWidget()``) from the event loop, so it can
    only run once the dialog's own event loop runs: never before ``exec()`` starts, however slow the
    machine. It never gives up while the test runs (a dialog that comes late is still answered; a test
    whose dialog never comes fails at its end, see ``end_of_test_dialogs``). Unless ``may_stay_open``, a
    dialog the handler leaves open is an error (and is rejected, so the test goes on). ``timeout_ms`` is
    ignored: it is kept so that older tests read the same; the per-test limit (pytest-timeout) is the clock.
    """
    answer = DialogAnswer(f"a {kind.__name__ if kind else 'modal dialog'} for {getattr(handler, '__name__', 'a handler')}")
    _pending.append(answer)

    def look() -> None:
        if answer.withdrawn:
            return
        dialog = QApplication.activeModalWidget()
        if dialog is None or id(dialog) in _in_hand or (kind is not None and not isinstance(dialog, kind)):
            QTimer.singleShot(POLL_MS, look)
            return
        _forget(answer)
        answer.answered = True
        _in_hand.add(id(dialog))
        try:
            handler(dialog)
        except Exception as exc:  # noqa: BLE001 - surfaced by the caller
            answer.append(exc)
            if dialog.isVisible():
                dialog.done(QDialog.DialogCode.Rejected)  # not reject(): some dialogs ask before closing
            return
        finally:
            _in_hand.discard(id(dialog))
        if not may_stay_open and dialog.isVisible() and dialog is QApplication.activeModalWidget():
            answer.append(AssertionError(f"{dialog.windowTitle()!r} is still open: {shown_errors(dialog)}"))
            dialog.done(QDialog.DialogCode.Rejected)

    QTimer.singleShot(0, look)
    return answer


class no_dialog_opens:
    """``with no_dialog_opens(): ...`` — fails if the block opens a modal dialog (which is rejected, so
    the block goes on). Dialogs open synchronously (``exec()``), so the block's end is the moment to judge."""

    def __enter__(self) -> list[QDialog]:
        self.opened: list[QDialog] = []
        self.answer = answer_dialog(self._refuse, may_stay_open=True)
        return self.opened

    def _refuse(self, dialog: QDialog) -> None:
        self.opened.append(dialog.windowTitle())
        dialog.done(QDialog.DialogCode.Rejected)

    def __exit__(self, *exc_info) -> None:
        self.answer.withdraw()
        if exc_info[0] is None:
            assert self.opened == [], f"a dialog opened: {self.opened}"


def when_shown(kind: type, action: Callable[[QWidget], None]) -> DialogAnswer:
    """Run ``action`` on the first visible top-level window of type ``kind`` (a main window that an event
    loop opens, e.g. ``run_gui``), from that event loop; like ``answer_dialog``, it never gives up while the
    test runs and the test fails at its end if no such window came."""
    answer = DialogAnswer(f"a {kind.__name__} window for {getattr(action, '__name__', 'an action')}")
    _pending.append(answer)

    def look() -> None:
        if answer.withdrawn:
            return
        shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
        if not shown:
            QTimer.singleShot(POLL_MS, look)
            return
        _forget(answer)
        answer.answered = True
        try:
            action(shown[0])
        except Exception as exc:  # noqa: BLE001 - surfaced by the caller
            answer.append(exc)

    QTimer.singleShot(0, look)
    return answer


def accept_message_box(button=QMessageBox.StandardButton.Yes) -> list:
    def press(box: QDialog) -> None:
        assert isinstance(box, QMessageBox), f"expected a message box, got {box!r}"
        box.button(button).click()

    return answer_dialog(press)


def fill_dialog(values: dict, ok: str = "OK") -> Callable[[QDialog], None]:
    def handler(dialog: QDialog) -> None:
        if isinstance(dialog, QMessageBox):
            raise AssertionError(f"expected a form, got the message {dialog.text()!r}")
        for name, value in values.items():
            fill(dialog, name, value)
        click(dialog, ok)
        if dialog.isVisible():
            raise AssertionError(f"the dialog {dialog.windowTitle()!r} stayed open: {shown_errors(dialog)}")

    return handler


def reload(window, timeout: int = PATIENCE_MS) -> None:
    """Reload the case list and wait until the rows have arrived from the background."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    arrived: list[int] = []
    window.sig_rows_loaded.connect(lambda n: (arrived.append(n), loop.quit()))
    QTimer.singleShot(timeout, loop.quit)
    window.reload()
    if not arrived:
        loop.exec()
    assert arrived, "the case list did not load"


def settle(timeout: int = PATIENCE_MS) -> None:
    """Wait until every background operation (loading, saving, printing) has come back to the UI thread.

    A wait for a condition, never a fixed delay: it returns as soon as nothing is running any more.
    """
    from PySide6.QtCore import QEventLoop, QTimer

    from sst_desk.ui.common.operations import operations_running

    if not operations_running():
        return
    loop = QEventLoop()
    poll = QTimer()
    poll.timeout.connect(lambda: loop.quit() if not operations_running() else None)
    poll.start(POLL_MS)
    QTimer.singleShot(timeout, loop.quit)
    loop.exec()
    poll.stop()
    assert not operations_running(), "background work did not come back"


def open_window(main_window, case_id: int, timeout: int = PATIENCE_MS):
    """Open a case from the case list the way a person does, and wait until its window is shown."""
    window = main_window.open_case(case_id)
    if window is None:
        settle(timeout)
        window = main_window.case_windows.get(case_id)
    assert window is not None, f"case {case_id} did not open"
    settle(timeout)  # what the window reads as it opens (who is responsible, the school line) arrives too
    return window


def select_row(root: QWidget, table: str, text: str) -> None:
    """Select the row of the table named ``table`` whose first column reads ``text``."""
    from PySide6.QtWidgets import QTableView

    view = find(root, table, QTableView)
    model = view.model()
    rows = [r for r in range(model.rowCount()) if model.index(r, 0).data() == text]
    if not rows:
        raise LookupError(f"{table!r} has no row {text!r}: {[model.index(r, 0).data() for r in range(model.rowCount())]}")
    view.setFocus()
    view.selectRow(rows[0])


def save_from_preview(window):
    """Press "Save as PDF…" in the print preview the case window opened last; the path it saved to (or None)."""
    settle()  # the document is made in the background
    preview = window.previews[-1]
    click(preview, "Save as PDF…")
    saved = preview.saved_to
    preview.close()
    return saved
