"""Who else has the case open and which field each is in, from the room's awareness states.

A person's state (common to every client, see the room client): ``{"user": {"name", "initials",
"colour", "shape"}, "field": "<record key>/<attribute>" or ""}``. Each person is shown by a badge: their
initials on a shape (circle, square, triangle, diamond) filled with a colour of the Okabe–Ito palette,
which stays apart for the common kinds of colour blindness — and the shape and initials tell people apart
where colour does not. ``PresenceStrip`` lists the others ("Also open: Sara Lind (SL)"),
``PresenceMarkers`` puts a badge beside the field each is in ("Sara Lind is writing here"), and
``FieldTracker`` reports the field the local person is in when the focus moves.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping

import shiboken6
from PySide6.QtCore import QEvent, QObject, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QLineEdit, QWidget

OKABE_ITO = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#F0E442")
"""Okabe & Ito's colour-blind-safe colours (black left out: it reads as the text around it)."""
SHAPES = ("circle", "square", "triangle", "diamond")
STYLES = tuple((OKABE_ITO[i % len(OKABE_ITO)], SHAPES[i % len(SHAPES)])
               for i in range(len(OKABE_ITO) * len(SHAPES)))
"""Every colour with every shape (28), neighbours differing in both."""

BADGE_WIDTH, BADGE_HEIGHT = 38, 20


def initials(name: str) -> str:
    """ "Sara Lind" → "SL", "Ali" → "A": the first letters of the first and the last name."""
    words = [word for word in name.replace("-", " ").split() if word[:1].isalpha()]
    if not words:
        return "?"
    if len(words) == 1:
        return words[0][0].upper()
    return (words[0][0] + words[-1][0]).upper()


def choose_style(seed: str, taken: Iterable[tuple[str, str]] = ()) -> tuple[str, str]:
    """A (colour, shape) for a person: the same for the same ``seed`` (their user name) when free, never one
    that someone present already shows."""
    used = set(taken)
    start = zlib.crc32(seed.encode("utf-8")) % len(STYLES)
    for step in range(len(STYLES)):
        style = STYLES[(start + step) % len(STYLES)]
        if style not in used:
            return style
    return STYLES[start]


def local_state(name: str, seed: str, others: Mapping[int, Mapping], field: str = "") -> dict:
    """The awareness state this client publishes (the format in the module's note)."""
    taken = [(person.get("colour"), person.get("shape")) for person in _people(others)]
    colour, shape = choose_style(seed, taken)
    return {"user": {"name": name, "initials": initials(name), "colour": colour, "shape": shape},
            "field": field}


def _people(states: Mapping[int, Mapping]) -> list[dict]:
    """The ``user`` part of each well-formed state, in client-id order (a malformed state is skipped)."""
    people = []
    for _client, state in sorted(states.items()):
        user = state.get("user") if isinstance(state, Mapping) else None
        if isinstance(user, Mapping) and isinstance(user.get("name"), str) and user["name"]:
            people.append(dict(user))
    return people


def _colour(value: object) -> QColor:
    colour = QColor(str(value)) if isinstance(value, str) else QColor()
    return colour if colour.isValid() else QColor(OKABE_ITO[0])


class PresenceBadge(QWidget):
    """A person's initials on their shape and colour."""

    def __init__(self, user: Mapping, parent: QWidget | None = None):
        super().__init__(parent)
        self.user = dict(user)
        self.setFixedSize(QSize(BADGE_WIDTH, BADGE_HEIGHT))
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, False)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    @property
    def shape(self) -> str:
        shape = self.user.get("shape")
        return shape if shape in SHAPES else SHAPES[0]

    def paintEvent(self, _event) -> None:  # noqa: N802 - Qt naming
        """A pill in the person's colour holding their shape and their initials, in black or white."""
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        fill = _colour(self.user.get("colour"))
        pill = QRectF(0.75, 0.75, self.width() - 1.5, self.height() - 1.5)
        painter.setPen(QPen(QColor("#202020"), 1.0))  # a dark edge: a yellow badge on white still shows
        painter.setBrush(fill)
        painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2)
        light = 0.2126 * fill.redF() + 0.7152 * fill.greenF() + 0.0722 * fill.blueF() > 0.45
        ink = QColor("#000000") if light else QColor("#ffffff")
        size = self.height() * 0.5
        glyph = QRectF(pill.left() + self.height() * 0.3, pill.center().y() - size / 2, size, size)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ink)
        painter.drawPath(shape_path(self.shape, glyph))
        font = QFont(self.font())
        font.setBold(True)
        font.setPixelSize(max(9, int(self.height() * 0.55)))
        painter.setFont(font)
        painter.setPen(ink)
        text_box = QRectF(glyph.right() + 2, pill.top(), pill.right() - glyph.right() - 4, pill.height())
        painter.drawText(text_box, Qt.AlignmentFlag.AlignCenter, str(self.user.get("initials") or "?")[:3])
        painter.end()


def shape_path(shape: str, box: QRectF) -> QPainterPath:
    """One of ``SHAPES`` filling ``box``."""
    path = QPainterPath()
    centre = box.center()
    if shape == "square":
        path.addRect(box)
    elif shape == "triangle":
        path.moveTo(QPointF(centre.x(), box.top()))
        path.lineTo(box.bottomRight())
        path.lineTo(box.bottomLeft())
        path.closeSubpath()
    elif shape == "diamond":
        path.moveTo(QPointF(centre.x(), box.top()))
        path.lineTo(QPointF(box.right(), centre.y()))
        path.lineTo(QPointF(centre.x(), box.bottom()))
        path.lineTo(QPointF(box.left(), centre.y()))
        path.closeSubpath()
    else:
        path.addEllipse(box)
    return path


class PresenceStrip(QWidget):
    """ "Also open: Sara Lind (SL), Ali Berg (AB)", each with their badge; hidden when nobody else is there."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(6, 2, 6, 2)
        self._layout.setSpacing(4)
        self._lead = QLabel(self.tr("Also open:"), self)
        self._layout.addWidget(self._lead)
        self._layout.addStretch(1)
        self._items: list[QWidget] = []
        self.people: list[dict] = []
        self.hide()

    def show_states(self, states: Mapping[int, Mapping]) -> None:
        """Show the others present (``RoomClient.presence()``; one line per person, however many windows)."""
        people, seen = [], set()
        for user in _people(states):
            if user["name"] not in seen:
                seen.add(user["name"])
                people.append(user)
        if people == self.people:
            return
        self.people = people
        for item in self._items:
            item.deleteLater()
        self._items = []
        for index, user in enumerate(people):
            badge = PresenceBadge(user, self)
            name = self.tr("%1 (%2)").replace("%1", user["name"]).replace("%2", str(user.get("initials") or ""))
            label = QLabel(name + ("," if index < len(people) - 1 else ""), self)
            for item in (badge, label):
                self._layout.insertWidget(self._layout.count() - 1, item)
                self._items.append(item)
            badge.setToolTip(name)
            badge.setAccessibleName(name)
        text = self.tr("Also open: %1").replace("%1", ", ".join(
            self.tr("%1 (%2)").replace("%1", user["name"]).replace("%2", str(user.get("initials") or ""))
            for user in people))
        self.setAccessibleName(text if people else "")
        self.setToolTip(text if people else "")
        self.setVisible(bool(people))

    def text(self) -> str:
        return self.accessibleName()


class PresenceMarkers(QObject):
    """A badge beside each field another person is in (their ``field`` path), at the field's top right."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._fields: dict[str, QWidget] = {}
        self._badges: dict[str, list[PresenceBadge]] = {}
        self._margins: dict[str, int] = {}

    def add_field(self, path: str, widget: QWidget) -> None:
        """Markers for ``path`` go on ``widget`` (a form's input)."""
        if path:
            self._fields[path] = widget
            widget.installEventFilter(self)

    def add_fields(self, paths: Mapping[str, QWidget]) -> None:
        for path, widget in paths.items():
            self.add_field(path, widget)

    def remove_all_fields(self) -> None:
        self.show_states({})
        for widget in self._fields.values():
            if shiboken6.isValid(widget):
                widget.removeEventFilter(self)
        self._fields.clear()

    def badges(self, path: str) -> list[PresenceBadge]:
        return list(self._badges.get(path, []))

    def show_states(self, states: Mapping[int, Mapping]) -> None:
        """Put each other person's badge on the field they are in (and take away the ones that left)."""
        wanted: dict[str, list[dict]] = {}
        for client, state in sorted(states.items()):
            field = state.get("field") if isinstance(state, Mapping) else None
            people = _people({client: state})
            if people and isinstance(field, str) and field in self._fields:
                wanted.setdefault(field, []).append(people[0])
        for path in list(self._badges):
            if [badge.user for badge in self._badges[path]] != wanted.get(path):
                for badge in self._badges.pop(path):
                    badge.deleteLater()
                self._set_margin(path, 0)
        for path, people in wanted.items():
            if path in self._badges:
                continue
            widget = self._fields[path]
            if not shiboken6.isValid(widget):
                continue
            badges = []
            for user in people:
                badge = PresenceBadge(user, widget)
                words = self.tr("%1 is writing here").replace("%1", user["name"])
                badge.setToolTip(words)
                badge.setAccessibleName(words)
                badge.show()
                badge.raise_()
                badges.append(badge)
            self._badges[path] = badges
            self._set_margin(path, len(badges) * (BADGE_WIDTH + 2))
            self._place(path)

    def _set_margin(self, path: str, width: int) -> None:
        """A line edit keeps its text clear of the badges (a multi-line box has room at its top right)."""
        widget = self._fields.get(path)
        if isinstance(widget, QLineEdit) and shiboken6.isValid(widget):
            margins = widget.textMargins()
            widget.setTextMargins(margins.left(), margins.top(), width, margins.bottom())

    def _place(self, path: str) -> None:
        widget = self._fields[path]
        x = widget.width() - 3
        for badge in self._badges.get(path, []):
            x -= badge.width()
            badge.move(x, max(0, (min(widget.height(), BADGE_HEIGHT + 6) - badge.height()) // 2))
            x -= 2

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.Resize:
            for path, widget in self._fields.items():
                if widget is watched and path in self._badges:
                    self._place(path)
        return False


class FieldTracker(QObject):
    """Reports the field (path) the local person is in whenever the focus moves within ``scope``."""

    sig_field = Signal(str)
    """Emitted with the path of the field that got the focus, or "" when the focus left the fields."""

    def __init__(self, scope: QWidget, parent: QObject | None = None):
        super().__init__(parent)
        self._scope = scope
        self._fields: list[tuple[QWidget, str]] = []
        self.current = ""
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._focus_changed)

    def track(self, widget: QWidget, path: str) -> None:
        if path:
            self._fields.append((widget, path))

    def track_all(self, paths: Mapping[str, QWidget]) -> None:
        for path, widget in paths.items():
            self.track(widget, path)

    def clear(self) -> None:
        self._fields.clear()

    def close(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.focusChanged.disconnect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or not shiboken6.isValid(self._scope):
            return  # the window lost the focus: the person is still in their field
        if not (new is self._scope or self._scope.isAncestorOf(new)):
            return
        path = ""
        for widget, field_path in self._fields:
            if shiboken6.isValid(widget) and (new is widget or widget.isAncestorOf(new)):
                path = field_path
                break
        if path != self.current:
            self.current = path
            self.sig_field.emit(path)
