"""A right-to-left override typed into a name is refused next to the field (issue 10).

What broke: "Anna\u202eBerg" was saved as a student's name and reversed the case window's header.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit

from person import NOW, answer_dialog, click, fill, find, shown_errors
from doors import door

OVERRIDE = "\u202e"
SHOTS = Path("/tmp/shots_dlg")


def type_text(widget: QLineEdit, text: str) -> None:
    """Type like a keyboard does, one key event per character (keyClicks aborts on non-ASCII: HOUSE_STYLE)."""
    widget.setFocus()
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char))


def test_a_name_with_a_right_to_left_override_is_refused_next_to_the_field(main_window, context):
    """What broke: the override was stored and the case window's header showed the name reversed."""
    seen: dict[str, object] = {}

    def handler(dialog) -> None:
        fill(dialog, "First name", "Anna")
        last = find(dialog, "Last name", QLineEdit)
        type_text(last, f"B{OVERRIDE}erg")
        seen["typed"] = last.text()
        fill(dialog, "School", "Ekbackens skola")
        click(dialog, "Create case")
        seen["errors"] = shown_errors(dialog)
        seen["next to the field"] = last.accessibleDescription()
        seen["still open"] = dialog.isVisible()
        SHOTS.mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(SHOTS / "new-case-hidden-character.png"))
        dialog.reject()

    errors = answer_dialog(handler)
    main_window.new_action.trigger()
    assert not errors, errors
    assert seen["typed"] == f"B{OVERRIDE}erg", "the key events typed the override into the field"
    assert seen["still open"]
    assert "hidden control or text-direction character" in str(seen["next to the field"])
    assert any("hidden control or text-direction character" in text for text in seen["errors"])  # type: ignore[union-attr]
    assert door(context.db).cases.case_rows(NOW.date()) == []  # nothing was saved
