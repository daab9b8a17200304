"""Every input has an accessible name equal to its visible label, so screen readers and tests find it."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QPlainTextEdit

from sst_desk.demo.generate import populate

from person import NOW, open_window, reload


def _inside(widget, class_names: tuple[str, ...]) -> bool:
    parent = widget.parent()
    while parent is not None:
        if any(parent.inherits(name) for name in class_names):
            return True
        parent = parent.parent()
    return False


def _check(root) -> int:
    checked = 0
    for label in root.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and label.text():
            assert buddy.accessibleName() == label.text().replace("&", ""), (label.text(), buddy.accessibleName())
            checked += 1
    inputs = [w for kind in (QLineEdit, QPlainTextEdit, QComboBox) for w in root.findChildren(kind)]
    for widget in inputs:
        if _inside(widget, ("QComboBox", "QCalendarWidget", "QAbstractSpinBox")):
            continue  # parts of Qt's composite widgets (a combo's editor, the calendar's year box)
        assert widget.accessibleName(), f"unnamed {type(widget).__name__} in {root.windowTitle()!r}"
    for box in root.findChildren(QAbstractButton):
        if box.text():
            # a symbol button ("…") is named by what it does, which is also its tooltip
            allowed = ("", box.text().replace("&", ""), box.toolTip())
            assert box.accessibleName() in allowed, (box.text(), box.accessibleName())
    return checked


def test_case_window_and_main_window_inputs_are_named_by_their_labels(main_window, context):
    populate(context.db, students=10, seed=9, today=NOW.date())
    reload(main_window)
    assert _check(main_window) >= 3
    rows = main_window.model.rows()
    window = open_window(main_window, max(rows, key=lambda r: r.stage.order).case_id)
    assert _check(window) > 40
