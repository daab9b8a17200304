"""The whole process with the keyboard only: every field and button is reached with Tab, every choice with the
arrow keys, every step with Ctrl+Enter and Enter. Nothing here clicks or sets a widget directly."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from sst_desk.workflow.codes import Stage

from person import PATIENCE_MS, answer_dialog
from doors import door

CTRL = Qt.KeyboardModifier.ControlModifier


class Keyboard:
    """A person at the keyboard: Tab to a field by its name, type, choose with arrows, press keys."""

    def __init__(self, qtbot):
        self.qtbot = qtbot
        self.window = None  # the window the person works in; focus returns there after each dialog

    def focused(self):
        widget = QApplication.focusWidget()
        # After a dialog closes, the offscreen platform moves the focus back only when events are next
        # processed: until then the focus may still sit in the closed (hidden) dialog, and Tab would go
        # round its Comment/OK/Cancel for ever (it did on a busy machine). A person looks at the window.
        stale = widget is not None and not widget.window().isVisible()
        if (widget is None or stale) and self.window is not None and QApplication.activeModalWidget() is None:
            self.activate(self.window)
            widget = QApplication.focusWidget()
        assert widget is not None and widget.window().isVisible(), f"nothing visible has the keyboard focus: {widget}"
        return widget

    def tab_to(self, name: str, limit: int = 400):
        seen = []
        for _ in range(limit):
            widget = self.focused()
            if widget is not None and widget.accessibleName() == name:
                return widget
            seen.append(widget.accessibleName() if widget is not None else None)
            self.qtbot.keyClick(widget, Qt.Key.Key_Tab)
        raise AssertionError(f"{name!r} cannot be reached with Tab; passed {seen[-30:]}")

    def type(self, name: str, text: str) -> None:
        widget = self.tab_to(name)
        self.qtbot.keyClicks(widget, text)

    def choose(self, name: str, text: str) -> None:
        combo = self.tab_to(name)
        assert isinstance(combo, QComboBox), combo
        self.qtbot.keyClick(combo, Qt.Key.Key_Home)
        for _ in range(combo.count()):
            if combo.currentText() == text:
                return
            self.qtbot.keyClick(combo, Qt.Key.Key_Down)
        raise AssertionError(f"{name!r} has no choice {text!r}")

    def press(self, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(self.focused(), key, modifier)

    def activate(self, window) -> None:
        window.activateWindow()
        self.qtbot.waitUntil(window.isActiveWindow, timeout=PATIENCE_MS)


def in_dialog(keys: Keyboard, steps) -> list:
    """Answer the next dialog with ``steps(dialog)``; the steps end by pressing Enter (or Tab, Enter)."""
    def handler(dialog) -> None:
        keys.activate(dialog)
        steps(dialog)

    return answer_dialog(handler)


def confirm_step(keys: Keyboard) -> list:
    # The step's dialog opens in the comment box: Tab leaves it (to OK), Enter confirms.
    return in_dialog(keys, lambda d: (keys.press(Qt.Key.Key_Tab), keys.press(Qt.Key.Key_Return)))


def next_step(keys: Keyboard, window, stage: Stage, before=None) -> None:
    errors = before(keys) if before else confirm_step(keys)
    keys.activate(window)
    with keys.qtbot.waitSignal(window.sig_saved, timeout=60_000):  # every step is saved, in the background
        keys.press(Qt.Key.Key_Return, CTRL)
    assert not errors, errors
    assert window.case.stage is stage, (window.case.stage, window.blocker_label.text())


def test_a_case_from_aktualisering_to_boostertraff_with_the_keyboard_only(main_window, context, qtbot):
    keys = Keyboard(qtbot)
    keys.window = main_window
    keys.activate(main_window)

    def new_case(dialog) -> None:
        keys.type("First name", "Kim")
        keys.type("Last name", "Berg")
        keys.type("School", "Ekbackens skola")
        keys.press(Qt.Key.Key_Return)

    errors = in_dialog(keys, new_case)
    with qtbot.waitSignal(main_window.sig_case_opened, timeout=60_000):  # the new case opens in the background
        keys.press(Qt.Key.Key_N, CTRL)
    assert not errors, errors
    window = next(iter(main_window.case_windows.values()))
    keys.window = window
    keys.activate(window)

    # Aktualisering → inskrivning
    keys.choose("Meets the criteria", "Yes")
    next_step(keys, window, Stage.INSKRIVNING)

    # A guardian and the two consents
    keys.tab_to("Add guardian")
    errors = in_dialog(keys, lambda d: (keys.type("Name", "Robin Berg"), keys.press(Qt.Key.Key_Return)))
    keys.press(Qt.Key.Key_Space)
    assert not errors, errors
    for signer in ("The student Kim Berg", "Robin Berg"):
        keys.activate(window)
        keys.tab_to("Add consent")
        errors = in_dialog(keys, lambda d, s=signer: (keys.choose("Signed by", s), keys.press(Qt.Key.Key_Return)))
        keys.press(Qt.Key.Key_Space)
        assert not errors, errors
    next_step(keys, window, Stage.KARTLAGGNING)

    # Kartläggning: a factor (Space ticks it) and the summary
    keys.tab_to("Anxiety")
    keys.press(Qt.Key.Key_Space)
    keys.type("Summary of the assessment", "Orolig infor skoldagen")
    next_step(keys, window, Stage.PLANERING)

    # Planering: a goal, an insats from the catalogue, the follow-up date
    keys.tab_to("Add goal")
    errors = in_dialog(keys, lambda d: (keys.type("Goal", "Narvaro over 80 procent"),
                                        keys.press(Qt.Key.Key_Return)))
    keys.press(Qt.Key.Key_Space)
    assert not errors, errors
    keys.activate(window)
    keys.tab_to("Add intervention")
    first_entry = context.catalogue[0].name

    def insats(dialog) -> None:
        keys.choose("From the catalogue", first_entry)
        keys.choose("Responsible authority", "School")
        keys.type("Responsible person", "Kurator Karin")
        keys.press(Qt.Key.Key_Return)

    errors = in_dialog(keys, insats)
    keys.press(Qt.Key.Key_Space)
    assert not errors, errors
    keys.activate(window)
    keys.type("Follow-up date", "2026-12-15")
    next_step(keys, window, Stage.GENOMFORANDE)
    next_step(keys, window, Stage.UPPFOLJNING)

    # Uppföljning: rate the goal, then close with a reason
    keys.tab_to("Record follow-up")
    errors = in_dialog(keys, lambda d: (keys.choose("Narvaro over 80 procent", "Achieved"),
                                        keys.press(Qt.Key.Key_Return)))
    keys.press(Qt.Key.Key_Space)
    assert not errors, errors

    def close(keys_: Keyboard) -> list:
        return in_dialog(keys_, lambda d: (keys_.choose("Reason for closing", "Goals achieved"),
                                           keys_.tab_to("Comment (optional)"),
                                           keys_.press(Qt.Key.Key_Tab), keys_.press(Qt.Key.Key_Return)))

    next_step(keys, window, Stage.AVSLUTAD, before=close)
    next_step(keys, window, Stage.VIDMAKTHALLANDE)

    # The boosterträff took place; save with Ctrl+S
    keys.choose("Outcome", "Took place")
    keys.type("Held on", "2026-11-22")
    with keys.qtbot.waitSignal(window.sig_saved, timeout=60_000):
        keys.press(Qt.Key.Key_S, CTRL)
    assert not window.isWindowModified()
    stored = door(context.db).cases.load_case(window.case.id)
    assert stored.booster.held is True and stored.booster.held_on == dt.date(2026, 11, 22)
    assert stored.current_plan.insatser[0].name == first_entry
    assert [t.to_stage for t in stored.transitions][-1] is Stage.VIDMAKTHALLANDE
