"""Drive the UI the way a person does: find widgets by their accessible names (their labels), type, click.

Modal dialogs block in ``exec()``, so ``answer_dialog`` schedules the handler
before the click that opens the dialog. Non-ASCII text is set with
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


def click(root: QWidget, name: str) -> None:
    button = find(root, name, QAbstractButton)
    assert button.isEnabled(), f"{name!r} is disabled"
    button.click()


def shown_errors(root: QWidget) -> list[str]:
    """The field messages currently shown under inputs."""
    from sst_desk.ui.forms import ERROR_STYLE

    return [label.text() for label in root.findChildren(QLabel) if label.styleSheet() == ERROR_STYLE
            and not label.isHidden()]


_test_generation = [0]


def forget_pending_dialogs() -> None:
    """End every ``answer_dialog`` still waiting: a test's unused handler must never answer the next test's
    dialog (that made the keyboard walk fail now and then). Called after each UI test (conftest)."""
    _test_generation[0] += 1


def answer_dialog(handler: Callable[[QDialog], None], *, timeout_ms: int = 5000, kind: type | None = None,
                  may_stay_open: bool = False) -> list:
    """Run ``handler`` on the next modal dialog that opens (of type ``kind``, if given); returns a list that
    records errors. Unless ``may_stay_open``, a dialog the handler leaves open is an error (and rejected)."""
    errors: list = []
    waited = [0]
    generation = _test_generation[0]

    def poll() -> None:
        if generation != _test_generation[0]:
            return  # the test that asked has ended
        dialog = QApplication.activeModalWidget()
        if dialog is None or (kind is not None and not isinstance(dialog, kind)):
            waited[0] += 20
            if waited[0] > timeout_ms:
                errors.append(TimeoutError(f"no {kind.__name__ if kind else 'dialog'} opened"))
                return
            QTimer.singleShot(20, poll)
            return
        try:
            handler(dialog)
        except Exception as exc:  # noqa: BLE001 - surfaced by the caller
            errors.append(exc)
            dialog.reject()
            return
        if not may_stay_open and dialog.isVisible() and dialog is QApplication.activeModalWidget():
            errors.append(AssertionError(f"{dialog.windowTitle()!r} is still open: {shown_errors(dialog)}"))
            dialog.reject()

    QTimer.singleShot(0, poll)
    return errors


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


def reload(window, timeout: int = 10_000) -> None:
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
    preview = window.previews[-1]
    click(preview, "Save as PDF…")
    saved = preview.saved_to
    preview.close()
    return saved
