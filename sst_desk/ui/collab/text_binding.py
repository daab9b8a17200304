"""One text input bound to a shared pycrdt ``Text``: the person's typing goes in, the others' comes out.

Local typing becomes the smallest splice (position, removed, inserted) of the shared text, in a
transaction whose origin is ``LOCAL_ORIGIN``; a change from anyone else (their typing, a room's sync, an
undo) is applied to the widget as splices, the person's own caret and selection kept on their characters
and the scroll position kept, and never echoed back. Undo and redo (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y and the
context menu) go to a pycrdt ``UndoManager`` that tracks only this binding's local typing: undo takes back
one's own words, never a colleague's. Qt's own undo is off for a bound widget.

A ``QLineEdit``'s maximum length: when a change from elsewhere makes the shared text longer than the
widget's limit, the limit is raised to the text's length for as long as it is longer, so nothing is ever
cut (Qt's ``setText`` would silently truncate, and the truncation would then be sent as an edit); the
person can shorten it but not lengthen it, and the team server's checks name the too-long field.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from contextlib import AbstractContextManager

import shiboken6
from pycrdt import Text, TextEvent, UndoManager
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QContextMenuEvent, QKeyEvent, QKeySequence, QTextCursor
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from sst_desk.ui.collab.textops import (
    Edit,
    delta_edits,
    index_from_utf16,
    shift,
    text_change,
    utf8_length,
    utf8_offset,
    utf16_length,
    utf16_offset,
)

LOCAL_ORIGIN = "sst-desk-typing"
"""Transaction origin of the person's own edits in this window (what their undo takes back)."""

TIDY_ORIGIN = "sst-desk-tidy"
"""Origin of a widget's own normalisation of a text it was given (a "\\r\\n" a plain-text box keeps as one
line break): sent like any edit, never undone by the person."""

UNDO_GROUP_MS = 500
"""Typing within this many milliseconds is one undo step (pycrdt's capture timeout)."""

TextWidget = QLineEdit | QPlainTextEdit


def _nothing() -> AbstractContextManager[None]:
    return contextlib.nullcontext()


class TextBinding(QObject):
    """Keeps one ``QLineEdit`` or ``QPlainTextEdit`` and one shared ``Text`` the same, both ways."""

    sig_local_edit = Signal()
    """Emitted after the person's typing went into the shared text."""
    sig_remote_edit = Signal()
    """Emitted after a change from elsewhere (another person, a sync, an undo or redo) was shown."""

    def __init__(self, widget: TextWidget, text: Text, *,
                 quiet: Callable[[], AbstractContextManager[object]] = _nothing,
                 ignore: Callable[[], bool] = lambda: False) -> None:
        """``quiet``: a context entered around every change this binding makes to the widget, so that the
        widget's owner (a ``Form``) does not count it as the person's edit. ``ignore()``: True while the
        widget is being filled by its owner (a ``Form.load``), which is nobody's typing: not sent
        (``resync`` shows the shared text again)."""
        super().__init__()
        if not isinstance(widget, (QLineEdit, QPlainTextEdit)):
            raise TypeError(f"cannot bind a {type(widget).__name__} to a shared text")
        self._widget = widget
        self._text = text
        self._doc = text.doc
        self._quiet = quiet
        self._ignore = ignore
        self._writing = False  # our own transaction is being committed: its event is already on screen
        self._applying = False  # we are changing the widget: its change signals are not the person's
        self._tidy_pending = False
        self._limit = widget.maxLength() if isinstance(widget, QLineEdit) else 0
        self._shadow = str(text)  # the shared text as the widget last agreed with it
        self.undo_manager = UndoManager(scopes=[text], capture_timeout_millis=UNDO_GROUP_MS)
        self.undo_manager.include_origin(LOCAL_ORIGIN)
        self._undo_origin = self.undo_manager.origin  # not readable while the manager is undoing
        shown = widget.text() if isinstance(widget, QLineEdit) else widget.toPlainText()
        self._show_all(self._shadow, keep_caret=bool(shown))  # bound again (another record): the caret stays put
        if isinstance(widget, QPlainTextEdit):
            widget.setUndoRedoEnabled(False)
            widget.document().contentsChange.connect(self._on_contents_change)
            widget.viewport().installEventFilter(self)  # the context menu arrives at the viewport
        else:
            widget.textChanged.connect(self._on_line_changed)
        widget.installEventFilter(self)
        self._subscription = text.observe(self._on_text_event)
        self._closed = False

    # --- public ---------------------------------------------------------------

    @property
    def widget(self) -> TextWidget:
        return self._widget

    @property
    def text(self) -> Text:
        return self._text

    def undo(self) -> bool:
        """Take back the person's own last typing in this field (others' changes stay)."""
        if self._closed or self._widget.isReadOnly():
            return False
        return self.undo_manager.undo()

    def redo(self) -> bool:
        if self._closed or self._widget.isReadOnly():
            return False
        return self.undo_manager.redo()

    def offer(self, typed: str, caret: int) -> None:
        """The widget showed ``typed`` (its caret at ``caret``, in Qt's units) before it was bound: when that is
        the shared text but for the spaces and line breaks around it (which saving trims), it is what the person
        is typing — keep it, share it, and put the caret back where it was."""
        if typed != self._shadow and typed.strip() == self._shadow.strip() and not self._widget.isReadOnly():
            self._show_all(typed)
            self._push(typed, None, LOCAL_ORIGIN)
        widget = self._widget
        with self._changing_widget():
            if isinstance(widget, QLineEdit):
                widget.setCursorPosition(min(caret, len(widget.text())))
            else:
                self._place_caret(widget, caret, caret)

    def resync(self) -> None:
        """Show the shared text again if the widget was filled with something else (its owner loaded it)."""
        if not self._closed and shiboken6.isValid(self._widget) and self._widget_text() != self._shadow:
            self._show_all(self._shadow, keep_caret=True)

    def close(self) -> None:
        """Stop following the shared text (the widget keeps what it shows)."""
        if self._closed:
            return
        self._closed = True
        self._text.unobserve(self._subscription)
        if shiboken6.isValid(self._widget):
            self._widget.removeEventFilter(self)
            if isinstance(self._widget, QPlainTextEdit):
                self._widget.viewport().removeEventFilter(self)
                self._widget.document().contentsChange.disconnect(self._on_contents_change)
            else:
                self._widget.textChanged.disconnect(self._on_line_changed)

    # --- the person's typing → the shared text --------------------------------

    def _on_line_changed(self, new: str) -> None:
        if self._applying or self._closed or self._ignore():
            return
        self._push(new, index_from_utf16(new, self._widget.cursorPosition()), LOCAL_ORIGIN)

    def _on_contents_change(self, position: int, _removed: int, added: int) -> None:
        if self._applying or self._closed or self._ignore():
            return
        new = self._widget_text()
        # Qt sometimes reports a whole block for a one-character change; the diff trims it, the reported
        # end only decides where an ambiguous insert goes ("a" typed into "aa").
        self._push(new, index_from_utf16(new, position + added), LOCAL_ORIGIN)

    def _push(self, new: str, cursor: int | None, origin: str) -> None:
        edit = text_change(self._shadow, new, cursor)
        if edit is None:
            return
        start = utf8_offset(self._shadow, edit.index)
        removed = utf8_length(self._shadow[edit.index:edit.index + edit.removed])
        self._writing = True
        try:
            with self._doc.transaction(origin=origin):
                if removed:
                    del self._text[start:start + removed]
                if edit.inserted:
                    self._text.insert(start, edit.inserted)
        finally:
            self._writing = False
        self._shadow = new
        self.sig_local_edit.emit()

    # --- the shared text → the widget -----------------------------------------

    def _on_text_event(self, event: TextEvent) -> None:
        if self._writing or self._closed or not shiboken6.isValid(self._widget):
            return
        new, edits = delta_edits(self._shadow, event.delta)
        if not edits:
            return
        by_undo = event.transaction.origin == self._undo_origin
        before, self._shadow = self._shadow, new
        if self._widget_text() == before:
            self._show_edits(new, edits, caret_to_change=by_undo)
        else:  # the widget shows a tidied form of the text (its tidy is on the way): show this one whole
            self._show_all(new, keep_caret=True)
        if self._widget_text() != new and not self._tidy_pending:
            # The widget cannot show this text as it is (a "\r" becomes a line break): once this change is
            # over, the shared text takes the widget's form, so that every window agrees with its widget.
            self._tidy_pending = True
            QTimer.singleShot(0, self._tidy)
        self.sig_remote_edit.emit()

    def _tidy(self) -> None:
        self._tidy_pending = False
        if not self._closed and shiboken6.isValid(self._widget):
            self._push(self._widget_text(), None, TIDY_ORIGIN)

    def _widget_text(self) -> str:
        if isinstance(self._widget, QLineEdit):
            return self._widget.text()
        # toPlainText would turn a no-break space into a space; the raw text keeps every character.
        return self._widget.document().toRawText().replace("\u2029", "\n")

    def _show_all(self, text: str, *, keep_caret: bool = False) -> None:
        widget = self._widget
        with self._changing_widget():
            if isinstance(widget, QLineEdit):
                position = widget.cursorPosition()
                self._fit_limit(text)
                widget.setText(text)
                if keep_caret:
                    widget.setCursorPosition(min(position, len(widget.text())))
            else:
                position = widget.textCursor().position()
                scrolled = widget.verticalScrollBar().value()
                widget.setPlainText(text)
                if keep_caret:
                    self._place_caret(widget, position, position)
                    widget.verticalScrollBar().setValue(scrolled)
        if self._widget_text() != text and not self._tidy_pending:
            self._tidy_pending = True
            QTimer.singleShot(0, self._tidy)

    def _show_edits(self, new: str, edits: list[Edit], *, caret_to_change: bool) -> None:
        widget = self._widget
        old = self._widget_text()
        if isinstance(widget, QLineEdit):
            position = widget.cursorPosition()
            anchor = position
            if widget.hasSelectedText():
                start, end = widget.selectionStart(), widget.selectionEnd()
                anchor = end if position == start else start
        else:
            cursor = widget.textCursor()
            anchor, position = cursor.anchor(), cursor.position()
        anchor, position = index_from_utf16(old, anchor), index_from_utf16(old, position)
        for edit in edits:
            anchor, position = shift(anchor, edit), shift(position, edit)
        if caret_to_change:  # an undo or redo: the caret goes where it happened, as in any editor
            last = edits[-1]
            anchor = position = last.index + len(last.inserted)
        with self._changing_widget():
            if isinstance(widget, QLineEdit):
                self._fit_limit(new)
                widget.setText(new)
                anchor16, position16 = utf16_offset(new, anchor), utf16_offset(new, position)
                if anchor16 == position16:
                    widget.setCursorPosition(position16)
                else:
                    widget.setSelection(anchor16, position16 - anchor16)
            else:
                self._splice_plain(widget, old, edits)
                self._place_caret(widget, utf16_offset(new, anchor), utf16_offset(new, position))

    def _splice_plain(self, widget: QPlainTextEdit, old: str, edits: list[Edit]) -> None:
        bars = widget.verticalScrollBar(), widget.horizontalScrollBar()
        scrolled = [bar.value() for bar in bars]
        cursor = QTextCursor(widget.document())
        cursor.beginEditBlock()
        current = old
        for edit in edits:
            at = utf16_offset(current, edit.index)
            cursor.setPosition(at)
            if edit.removed:
                gone = current[edit.index:edit.index + edit.removed]
                cursor.setPosition(at + utf16_length(gone), QTextCursor.MoveMode.KeepAnchor)
                cursor.removeSelectedText()
            if edit.inserted:
                cursor.insertText(edit.inserted)
            current = current[:edit.index] + edit.inserted + current[edit.index + edit.removed:]
        cursor.endEditBlock()
        for bar, value in zip(bars, scrolled):
            bar.setValue(value)

    def _place_caret(self, widget: QPlainTextEdit, anchor: int, position: int) -> None:
        cursor = widget.textCursor()
        if (cursor.anchor(), cursor.position()) == (anchor, position):
            return
        bars = widget.verticalScrollBar(), widget.horizontalScrollBar()
        scrolled = [bar.value() for bar in bars]
        length = widget.document().characterCount() - 1
        cursor.setPosition(min(anchor, length))
        cursor.setPosition(min(position, length), QTextCursor.MoveMode.KeepAnchor)
        widget.setTextCursor(cursor)
        for bar, value in zip(bars, scrolled):  # setTextCursor scrolls to the caret; the person did not move
            bar.setValue(value)

    def _fit_limit(self, text: str) -> None:
        """Never let the line edit's limit cut a text that came from elsewhere (see the module's note)."""
        needed = utf16_length(text)
        limit = max(self._limit, needed)
        if self._widget.maxLength() != limit:
            self._widget.setMaxLength(limit)

    @contextlib.contextmanager
    def _changing_widget(self):
        self._applying = True
        try:
            with self._quiet():
                yield
        finally:
            self._applying = False

    # --- keys and the context menu --------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        kind = event.type()
        if kind in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress) and watched is self._widget:
            which = _undo_key(event)  # type: ignore[arg-type]
            if which is None:
                return False
            if kind == QEvent.Type.KeyPress:
                self.undo() if which == "undo" else self.redo()
            event.accept()  # ours, not a window shortcut's, and not Qt's own undo
            return True
        if kind == QEvent.Type.ContextMenu:
            self._context_menu(event)  # type: ignore[arg-type]
            return True
        return False

    def _context_menu(self, event: QContextMenuEvent) -> None:
        menu = self._widget.createStandardContextMenu()
        for action in menu.actions():
            name = action.objectName()
            if name in ("edit-undo", "edit-redo"):
                action.triggered.disconnect()
                undo = name == "edit-undo"
                action.triggered.connect(self.undo if undo else self.redo)
                possible = self.undo_manager.can_undo() if undo else self.undo_manager.can_redo()
                action.setEnabled(possible and not self._widget.isReadOnly())
        menu.exec(event.globalPos())
        menu.deleteLater()


def _undo_key(event: QKeyEvent) -> str | None:
    if event.matches(QKeySequence.StandardKey.Undo):
        return "undo"
    if event.matches(QKeySequence.StandardKey.Redo):
        return "redo"
    modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    control = Qt.KeyboardModifier.ControlModifier
    if event.key() == Qt.Key.Key_Y and modifiers == control:
        return "redo"
    if event.key() == Qt.Key.Key_Z and modifiers == control | Qt.KeyboardModifier.ShiftModifier:
        return "redo"
    return None


def bound_widget(widget: QWidget) -> TextWidget | None:
    """The text input a form field's widget is, or None when it is not one a text can bind to."""
    return widget if isinstance(widget, (QLineEdit, QPlainTextEdit)) else None
