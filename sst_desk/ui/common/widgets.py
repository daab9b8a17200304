"""Small input widgets the forms need that Qt lacks: an optional date, a set of checkboxes; and the wheel guard."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QCalendarWidget,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QProxyStyle,
    QStyle,
    QStyleFactory,
    QToolButton,
    QWidget,
    QWidgetAction,
)

DATE_FORMAT = "%Y-%m-%d"


class WheelGuard(QObject):
    """Dropdowns and spin boxes (date edits too) take the mouse wheel only when they have the focus.

    Qt lets an unfocused QComboBox or QAbstractSpinBox change its value under a passing wheel, so a worker
    scrolling a long form silently changed Stödform and Nivå. One mechanism covers every such widget, in forms
    and outside them: the application's style (``_GuardStyle``) polishes each one once — ``Qt.StrongFocus``
    (a wheel never focuses it) and this guard as its event filter — and a wheel over one without focus is
    handed to the scroll area around it, which scrolls the page instead. (An application-wide event filter
    did the same but ran Python for every event of every widget: ~13,000 calls to open a case window.)
    """

    def guard(self, widget: QWidget) -> None:
        widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        widget.removeEventFilter(self)  # a widget polished again keeps one filter
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.Wheel and isinstance(watched, _GUARDED) and not watched.hasFocus():
            area = _scroll_area_around(watched)
            if area is not None:
                viewport = area.viewport()
                position = viewport.mapFromGlobal(event.globalPosition().toPoint()).toPointF()
                forwarded = QWheelEvent(position, event.globalPosition(), event.pixelDelta(), event.angleDelta(),
                                        event.buttons(), event.modifiers(), event.phase(), event.inverted())
                QCoreApplication.sendEvent(viewport, forwarded)
            event.accept()  # handled: neither this widget nor (for a real wheel) its parents act on it again
            return True
        return False


_GUARDED = (QComboBox, QAbstractSpinBox)


class _GuardStyle(QProxyStyle):
    """The application's style, unchanged, except that polishing a dropdown or spin box guards it."""

    def __init__(self, base: QStyle, guard: WheelGuard) -> None:
        super().__init__(base)
        self._guard = guard

    def polish(self, target):  # noqa: ANN001 - Qt overloads: a widget, the application or a palette
        if isinstance(target, _GUARDED):
            self._guard.guard(target)
        return super().polish(target)


def _scroll_area_around(widget: QWidget) -> QAbstractScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return parent
        parent = parent.parentWidget()
    return None


def install_wheel_guard() -> None:
    """Install the ``WheelGuard`` on the application once (app start and every main or case window call it)."""
    app = QApplication.instance()
    if app is None or getattr(app, "_sst_wheel_guard", None) is not None:
        return
    guard = WheelGuard(app)
    base = QStyleFactory.create(app.style().name()) or QStyleFactory.create("Fusion")
    style = _GuardStyle(base, guard)
    app.setStyle(style)
    app._sst_wheel_guard = guard  # kept alive with the application
    app._sst_wheel_style = style
    for widget in app.allWidgets():  # those polished before the guard
        if isinstance(widget, _GUARDED):
            guard.guard(widget)


class DateField(QWidget):
    """A date the worker types as YYYY-MM-DD or picks from a calendar; may be empty."""

    sig_changed = Signal()
    """Emitted whenever the text changes (typed or picked)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.edit = QLineEdit(self)
        self.edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.edit.setMaxLength(10)
        self.edit.textChanged.connect(self.sig_changed)
        self.button = QToolButton(self)
        self.button.setText("…")
        self.button.setToolTip(self.tr("Choose a date"))
        self.button.setAccessibleName(self.tr("Choose a date"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the text field is the keyboard way
        self._calendar: QCalendarWidget | None = None  # made when the popup first opens (see ``calendar``)
        menu = QMenu(self.button)
        menu.aboutToShow.connect(self._prepare_calendar)
        self.button.setMenu(menu)
        self._menu = menu
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.edit, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.edit)

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt naming
        super().setAccessibleName(name)
        self.edit.setAccessibleName(name)

    @property
    def calendar(self) -> QCalendarWidget:
        """The popup's calendar, made the first time it is needed: a case window has a dozen date fields, and
        building a calendar for each was a good part of opening one."""
        if self._calendar is None:
            self._calendar = QCalendarWidget()
            self._calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
            self._calendar.clicked.connect(self._picked)
            action = QWidgetAction(self._menu)
            action.setDefaultWidget(self._calendar)
            self._menu.addAction(action)
        return self._calendar

    def _prepare_calendar(self) -> None:
        value, _ = self.parse()
        day = value or dt.date.today()
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    def _picked(self, qdate: QDate) -> None:
        self.set_date(dt.date(qdate.year(), qdate.month(), qdate.day()))
        self._menu.close()

    def set_date(self, value: dt.date | None) -> None:
        self.edit.setText(value.strftime(DATE_FORMAT) if value else "")

    def text(self) -> str:
        return self.edit.text().strip()

    def problem(self) -> str:
        """Why the text is not a date, in a sentence ("" when it is one or is empty).

        "2027-02-30" is written right but does not exist: say so, and how many days the month has,
        rather than asking for the format the person already used.
        """
        if self.parse()[1]:
            return ""
        text = self.text()
        match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
        if match is None:
            return self.tr("Write the date as YYYY-MM-DD, for example 2026-11-22.")
        year, month, day = (int(part) for part in match.groups())
        if not 1 <= month <= 12:
            return self.tr("%1 is not a date: a month is numbered 01 to 12.").replace("%1", text)
        if year < 1:
            return self.tr("Write the date as YYYY-MM-DD, for example 2026-11-22.")
        days = calendar.monthrange(year, month)[1]
        return (self.tr("%1 is not a date (%2 has %3 days).").replace("%1", text)
                .replace("%2", QLocale().standaloneMonthName(month)).replace("%3", str(days)))

    def parse(self) -> tuple[dt.date | None, bool]:
        """(date or None, ok). Empty text is (None, True); unparseable text is (None, False)."""
        text = self.text()
        if not text:
            return None, True
        try:
            return dt.datetime.strptime(text, DATE_FORMAT).date(), True
        except ValueError:
            return None, False


class CheckList(QWidget):
    """A set of choices as checkboxes in columns; the value is the list of checked values."""

    sig_changed = Signal()
    """Emitted when a box is ticked or cleared."""

    def __init__(self, choices: Sequence[tuple[object, str]], columns: int = 2, parent: QWidget | None = None):
        super().__init__(parent)
        self._boxes: list[tuple[object, QCheckBox]] = []
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        rows = (len(choices) + columns - 1) // columns
        for index, (value, label) in enumerate(choices):
            box = QCheckBox(label, self)
            box.setAccessibleName(label)
            box.toggled.connect(self.sig_changed)
            grid.addWidget(box, index % rows if rows else 0, index // rows if rows else 0)
            self._boxes.append((value, box))

    def values(self) -> list:
        return [value for value, box in self._boxes if box.isChecked()]

    def set_values(self, values: Sequence[object]) -> None:
        chosen = set(values or [])
        for value, box in self._boxes:
            box.setChecked(value in chosen)
