"""Random typing in three bound widgets with random delivery: the widgets and the shared texts always end alike.

Each run: three docs (``Mesh``, updates held back and delivered at random moments), a widget bound to each;
people type (å, emoji, line breaks), delete with Backspace and Delete, select a range and type over it, move
the caret, undo and redo — in any order. After the last delivery every widget shows its doc's text and all
three are the same: nothing a binding did left a widget and its text apart.
"""

from __future__ import annotations

import random

import pycrdt
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from collab_docs import Mesh, press, type_keys
from sst_desk.ui.collab.text_binding import TextBinding

RUNS = 100
LETTERS = "abcåäö 😀"


def shown(widget) -> str:
    return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()


def act(rng: random.Random, widget) -> None:
    line = isinstance(widget, QLineEdit)
    length = len(shown(widget).encode("utf-16-le")) // 2
    choice = rng.random()
    if choice < 0.45:
        text = "".join(rng.choice(LETTERS + ("" if line else "\n")) for _ in range(rng.randint(1, 4)))
        type_keys(widget, text)
    elif choice < 0.6:
        press(widget, rng.choice([Qt.Key.Key_Backspace, Qt.Key.Key_Delete]))
    elif choice < 0.7:
        press(widget, rng.choice([Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End]))
    elif choice < 0.82:  # select a range and type over it
        start = rng.randint(0, length)
        press(widget, Qt.Key.Key_Home)
        for _ in range(start):
            press(widget, Qt.Key.Key_Right)
        for _ in range(rng.randint(0, 3)):
            press(widget, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
        type_keys(widget, rng.choice(LETTERS))
    elif choice < 0.92:
        press(widget, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    else:
        press(widget, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)


@pytest.mark.parametrize("kind", [QLineEdit, QPlainTextEdit])
def test_random_typing_in_three_windows_always_ends_alike(qtbot, kind):
    changed = undone = 0
    for run in range(RUNS):
        rng = random.Random(run)
        mesh = Mesh(3, live=False)
        mesh.share(lambda doc: doc.__setitem__("text", pycrdt.Text("Början")))
        texts = [doc.get("text", type=pycrdt.Text) for doc in mesh.docs]
        widgets, bindings = [], []
        for text in texts:
            widget = kind()
            if isinstance(widget, QLineEdit):
                widget.setMaxLength(10_000)
            qtbot.addWidget(widget)
            bindings.append(TextBinding(widget, text))
            widgets.append(widget)
        for _step in range(rng.randint(10, 40)):
            act(rng, rng.choice(widgets))
            if rng.random() < 0.3:
                mesh.flush()
        mesh.flush()
        qtbot.wait(1)  # a tidy (none expected here) would run now
        mesh.flush()
        final = [str(t) for t in texts]
        assert final[0] == final[1] == final[2], f"run {run}: the docs differ: {final}"
        assert [shown(w) for w in widgets] == final, f"run {run}: a widget differs from its text"
        changed += final[0] != "Början"
        undone += sum(len(b.undo_manager.redo_stack) > 0 for b in bindings)
        for binding in bindings:
            binding.close()
    assert changed > RUNS * 0.9 and undone > 0  # the runs did type, and some undid
