"""Shared case documents kept in sync in-process, as a room keeps its clients: for the co-editing tests.

``Mesh(n)`` makes n pycrdt docs; each doc's updates reach the others either at once (``live``) or when
the test calls ``flush()`` (typing that happens at the same time on every laptop). ``type_keys`` types
like a keyboard, one key event per character, non-ASCII included (keyClicks aborts on å: HOUSE_STYLE).
"""

from __future__ import annotations

import pycrdt
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget


class Mesh:
    def __init__(self, count: int, *, live: bool = True) -> None:
        self.docs = [pycrdt.Doc() for _ in range(count)]
        self.live = live
        self._pending: list[tuple[pycrdt.Doc, bytes]] = []
        self._delivering = False
        self._subscriptions = [doc.observe(lambda event, doc=doc: self._sent(doc, event.update))
                               for doc in self.docs]

    def _sent(self, source: pycrdt.Doc, update: bytes) -> None:
        if self._delivering:  # an update applied by the mesh is not sent on again
            return
        self._pending.append((source, update))
        if self.live:
            self.flush()

    def flush(self) -> None:
        """Deliver every update made so far to every other doc."""
        if self._delivering:
            return
        self._delivering = True
        try:
            while self._pending:
                source, update = self._pending.pop(0)
                for doc in self.docs:
                    if doc is not source:
                        doc.apply_update(update)
        finally:
            self._delivering = False

    def share(self, fill) -> None:
        """``fill(doc)`` builds the first doc's content; the others receive it."""
        fill(self.docs[0])
        self.flush()


def type_keys(widget: QWidget, text: str) -> None:
    for char in text:
        key = Qt.Key.Key_Return if char == "\n" else Qt.Key.Key_unknown
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char))


def press(widget: QWidget, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key with modifiers as the keyboard sends it: the shortcut check first, then the press."""
    override = QKeyEvent(QEvent.Type.ShortcutOverride, key, modifiers)
    QApplication.sendEvent(widget, override)
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, key, modifiers))
