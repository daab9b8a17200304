"""Small input widgets the forms need that Qt lacks: an optional date, a set of checkboxes."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

DATE_FORMAT = "%Y-%m-%d"


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
        self.calendar = QCalendarWidget()
        self.calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        self.calendar.clicked.connect(self._picked)
        menu = QMenu(self.button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
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
