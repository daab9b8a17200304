"""Two and three people typing into one shared text: nobody's characters lost, nobody's caret moved.

Real widgets on pycrdt docs kept in sync in-process (``collab_docs.Mesh``); the keys are key events.
"""

from __future__ import annotations

import itertools

import pycrdt
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMenu, QPlainTextEdit

from collab_docs import Mesh, press, type_keys
from sst_desk.ui.collab.text_binding import TextBinding

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def shared(count: int, start: str, *, live: bool = True) -> tuple[Mesh, list[pycrdt.Text]]:
    mesh = Mesh(count, live=live)
    mesh.share(lambda doc: doc.__setitem__("text", pycrdt.Text(start)))
    return mesh, [doc.get("text", type=pycrdt.Text) for doc in mesh.docs]


def bound(qtbot, kind: type, texts: list[pycrdt.Text]) -> tuple[list, list[TextBinding]]:
    widgets, bindings = [], []
    for index, text in enumerate(texts):
        widget = kind()
        widget.setAccessibleName(f"Window {index + 1}")
        qtbot.addWidget(widget)
        widget.show()
        bindings.append(TextBinding(widget, text))
        widgets.append(widget)
    return widgets, bindings


def shown(widget) -> str:
    return widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()


def caret(widget) -> int:
    return widget.cursorPosition() if isinstance(widget, QLineEdit) else widget.textCursor().position()


def put_caret(widget, position: int) -> None:
    if isinstance(widget, QLineEdit):
        widget.setCursorPosition(position)
    else:
        cursor = widget.textCursor()
        cursor.setPosition(position)
        widget.setTextCursor(cursor)


@pytest.mark.parametrize("kind", [QLineEdit, QPlainTextEdit])
@pytest.mark.parametrize("live", [True, False], ids=["each-key-arrives", "both-type-then-sync"])
def test_two_people_typing_at_the_same_place_both_keep_their_words_and_carets(qtbot, kind, live):
    mesh, texts = shared(2, "Eleven ska ", live=live)
    (sara, ali), _bindings = bound(qtbot, kind, texts)
    put_caret(sara, 11)
    put_caret(ali, 11)
    for mine, theirs in itertools.zip_longest("läsa högt", "öva på mattantal", fillvalue=""):
        type_keys(sara, mine)
        type_keys(ali, theirs)
    mesh.flush()

    result = str(texts[0])
    assert shown(sara) == shown(ali) == result == str(texts[1])
    # all characters of both, each person's words together (the CRDT orders the two runs)
    assert sorted(result) == sorted("Eleven ska " + "läsa högt" + "öva på mattantal")
    assert "läsa högt" in result and "öva på mattantal" in result
    # each caret right after its own words, not pushed by the other's
    assert result[:caret(sara)].endswith("läsa högt")
    assert result[:caret(ali)].endswith("öva på mattantal")


def test_three_people_type_on_their_own_lines_of_a_text_at_once(qtbot):
    mesh, texts = shared(3, "Skolan:\nHemmet:\nEleven:\n", live=False)
    widgets, _bindings = bound(qtbot, QPlainTextEdit, texts)
    ends = [7, 15, 23]
    words = [" extra anpassningar i matte", " stöd vid läxor 😀", " vill börja i kören"]
    for widget, end in zip(widgets, ends):
        put_caret(widget, end)
    for step in range(max(len(w) for w in words)):
        for widget, word in zip(widgets, words):
            if step < len(word):
                type_keys(widget, word[step])
        if step % 5 == 0:
            mesh.flush()  # some keys arrive at once, some after a while
    mesh.flush()

    expected = "Skolan: extra anpassningar i matte\nHemmet: stöd vid läxor 😀\nEleven: vill börja i kören\n"
    assert [shown(w) for w in widgets] == [expected] * 3
    assert [str(t) for t in texts] == [expected] * 3
    for widget, line_number in zip(widgets, range(3)):
        cursor = widget.textCursor()
        assert cursor.blockNumber() == line_number and cursor.atBlockEnd()


def test_a_colleagues_insert_before_the_selection_keeps_the_selection_on_the_same_words(qtbot):
    mesh, texts = shared(2, "Träffas varje vecka")
    (sara, ali), _bindings = bound(qtbot, QLineEdit, texts)
    sara.setSelection(8, 5)  # "varje"
    put_caret(ali, 0)
    type_keys(ali, "Mentor och elev ")
    assert sara.text() == "Mentor och elev Träffas varje vecka"
    assert sara.selectedText() == "varje"


@pytest.mark.parametrize("where", ["above", "at-the-caret"])
def test_a_colleagues_typing_does_not_scroll_the_text_one_is_reading(qtbot, where):
    start = "".join(f"Rad {n}\n" for n in range(60))
    mesh, texts = shared(2, start)
    (sara, ali), _bindings = bound(qtbot, QPlainTextEdit, texts)
    sara.resize(300, 120)
    mine = len(start) - 3
    put_caret(sara, mine)
    bar = sara.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)  # reading the middle, the caret further down
    before = bar.value()
    put_caret(ali, 3 if where == "above" else mine)
    type_keys(ali, "ad")
    assert bar.value() == before
    assert sara.textCursor().position() == (mine + 2 if where == "above" else mine)


def test_undo_takes_back_only_ones_own_typing(qtbot):
    mesh, texts = shared(2, "Mål: ")
    (sara, ali), _bindings = bound(qtbot, QPlainTextEdit, texts)
    put_caret(sara, 5)
    type_keys(sara, "närvaro")
    put_caret(ali, 0)
    type_keys(ali, "Första ")
    press(sara, Qt.Key.Key_Z, CTRL)
    assert shown(sara) == shown(ali) == "Första Mål: "
    press(sara, Qt.Key.Key_Z, CTRL | SHIFT)
    assert shown(ali) == "Första Mål: närvaro"
    press(sara, Qt.Key.Key_Z, CTRL)
    press(sara, Qt.Key.Key_Y, CTRL)
    assert shown(sara) == shown(ali) == "Första Mål: närvaro"
    press(ali, Qt.Key.Key_Z, CTRL)  # Ali's undo takes back Ali's words, not Sara's
    assert shown(sara) == shown(ali) == "Mål: närvaro"
    press(ali, Qt.Key.Key_Z, CTRL)  # nothing more of Ali's: Sara's words stay
    assert shown(sara) == "Mål: närvaro"


def test_undo_in_a_line_edit_and_the_caret_goes_to_what_was_undone(qtbot):
    mesh, texts = shared(2, "")
    (sara, ali), _bindings = bound(qtbot, QLineEdit, texts)
    type_keys(sara, "kurator")
    type_keys(ali, "Hej ")
    assert sara.text() == "Hej kurator"  # Ali's caret was at the start; the insert there did not push it
    assert sara.cursorPosition() == 11
    put_caret(sara, 0)
    press(sara, Qt.Key.Key_Z, CTRL)
    assert sara.text() == ali.text() == "Hej "
    assert sara.cursorPosition() == 4  # where the undone words were
    assert not sara.isUndoAvailable()  # Qt's own undo has nothing: it could not take a colleague's text


def test_the_context_menus_undo_is_ones_own_undo(qtbot):
    from PySide6.QtCore import QTimer

    mesh, texts = shared(2, "Plan")
    (sara, ali), _bindings = bound(qtbot, QLineEdit, texts)
    put_caret(sara, 4)
    type_keys(sara, " A")
    put_caret(ali, 0)
    type_keys(ali, "Ny ")
    seen: list[str] = []

    def choose_undo() -> None:
        menu = next(w for w in sara.findChildren(QMenu) if w.isVisible())
        action = next(a for a in menu.actions() if a.objectName() == "edit-undo")
        seen.append("enabled" if action.isEnabled() else "disabled")
        action.trigger()
        menu.close()

    QTimer.singleShot(50, choose_undo)
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication

    QApplication.sendEvent(sara, QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, sara.rect().center(),
                                                   sara.mapToGlobal(sara.rect().center())))
    assert seen == ["enabled"]
    assert ali.text() == sara.text() == "Ny Plan"


def test_a_longer_text_from_elsewhere_than_the_field_allows_is_shown_whole_never_cut(qtbot):
    mesh, texts = shared(2, "kort")
    sara = QLineEdit()
    sara.setMaxLength(10)
    qtbot.addWidget(sara)
    TextBinding(sara, texts[0])
    other = QLineEdit()
    qtbot.addWidget(other)
    TextBinding(other, texts[1])
    type_keys(other, " och en lång rad till")
    assert sara.text() == "kort och en lång rad till"  # 25 characters in a field of 10
    assert sara.maxLength() == 25
    assert str(texts[0]) == str(texts[1]) == "kort och en lång rad till"
    type_keys(sara, "!")  # the person cannot make it longer
    assert sara.text() == "kort och en lång rad till"
    other.setText("kort")  # back within the limit: the field's own limit again
    assert sara.text() == "kort" and sara.maxLength() == 10


def test_a_text_with_windows_line_ends_is_tidied_once_and_every_window_agrees(qtbot):
    mesh, texts = shared(2, "rad ett\r\nrad två")
    (sara, ali), _bindings = bound(qtbot, QPlainTextEdit, texts)
    qtbot.waitUntil(lambda: str(texts[0]) == "rad ett\nrad två")
    assert shown(sara) == shown(ali) == str(texts[1]) == "rad ett\nrad två"


def test_a_no_break_space_survives_a_round_trip(qtbot):
    mesh, texts = shared(2, "10\u00a0%")
    (sara, ali), _bindings = bound(qtbot, QPlainTextEdit, texts)
    put_caret(sara, 4)
    type_keys(sara, " frånvaro")
    assert str(texts[1]) == "10\u00a0% frånvaro"
