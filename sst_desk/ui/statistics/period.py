"""The statistics' period chooser: a school year (läsår), a term (HT/VT and a year), or from–to.

A school year runs Jul 1 – Jun 30 (läsår 2025/26 = 2025-07-01 – 2026-06-30); a term is as
``workflow.attendance.term_bounds`` (VT Jan 1 – Jun 30, HT Jul 1 – Dec 31). The school years offered
are those from the earliest case the person sees to the current one (the current one first, and chosen).
A from–to period whose dates are wrong gets a sentence next to the fields, and ``period()`` is None.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from sst_desk.ui.accesslog.sample_check import error_label, show_error
from sst_desk.ui.common.widgets import DateField


def school_year_of(day: dt.date) -> int:
    """The year the school year holding ``day`` starts in (2026-03-01 → 2025, läsår 2025/26)."""
    return day.year if day.month >= 7 else day.year - 1


def school_year_bounds(start_year: int) -> tuple[dt.date, dt.date]:
    return dt.date(start_year, 7, 1), dt.date(start_year + 1, 6, 30)


def school_year_words(start_year: int) -> str:
    return f"{start_year}/{(start_year + 1) % 100:02d}"


def term_bounds(autumn: bool, year: int) -> tuple[dt.date, dt.date]:
    """HT = Jul 1 – Dec 31, VT = Jan 1 – Jun 30 (as ``workflow.attendance.term_bounds``)."""
    return (dt.date(year, 7, 1), dt.date(year, 12, 31)) if autumn else (dt.date(year, 1, 1), dt.date(year, 6, 30))


def school_years(case_dates: Iterable[dt.date], today: dt.date) -> list[int]:
    """The school years from the earliest case's to today's, newest first (at least the current one)."""
    current = school_year_of(today)
    earliest = min((school_year_of(d) for d in case_dates), default=current)
    return list(range(current, min(earliest, current) - 1, -1))


class PeriodChooser(QGroupBox):
    """Läsår / Termin / Från–till, one of the three chosen with a radio button."""

    sig_changed = Signal()
    """Emitted when the period chosen may have changed."""

    def __init__(self, today: dt.date, case_dates: Iterable[dt.date] = (), parent: QWidget | None = None):
        super().__init__(self.tr("Period"), parent)
        self.today = today
        self.years = school_years(case_dates, today)
        self.by_year = self._radio(self.tr("School year"))
        self.by_term = self._radio(self.tr("Term"))
        self.by_dates = self._radio(self.tr("From–to"))
        self.kinds = QButtonGroup(self)
        for button in (self.by_year, self.by_term, self.by_dates):
            self.kinds.addButton(button)
            button.toggled.connect(self._kind_changed)
        self.year_box = QComboBox(self)
        self.year_box.setAccessibleName(self.tr("School year"))
        self.year_box.addItems([school_year_words(year) for year in self.years])
        self.term_box = QComboBox(self)
        self.term_box.setAccessibleName(self.tr("Term"))
        self.term_box.addItems([self.tr("Autumn term (HT)"), self.tr("Spring term (VT)")])
        self.term_box.setCurrentIndex(0 if today.month >= 7 else 1)
        self.term_year = QSpinBox(self)
        self.term_year.setAccessibleName(self.tr("Year of the term"))
        self.term_year.setToolTip(self.tr("Year of the term"))
        self.term_year.setRange(2000, 2100)
        self.term_year.setValue(today.year)
        self.since, self.until = DateField(self), DateField(self)
        self.since.setAccessibleName(self.tr("From"))
        self.until.setAccessibleName(self.tr("To"))
        start, end = school_year_bounds(self.years[0])
        self.since.set_date(start)
        self.until.set_date(min(end, today))
        self.error = error_label(self)
        self.error.setAccessibleName(self.tr("Period problem"))
        for signal in (self.year_box.currentIndexChanged, self.term_box.currentIndexChanged,
                       self.term_year.valueChanged, self.since.sig_changed, self.until.sig_changed):
            signal.connect(self._changed)
        self._layout()
        self.by_year.setChecked(True)

    def _radio(self, text: str) -> QRadioButton:
        button = QRadioButton(text, self)
        button.setAccessibleName(text)
        return button

    def _layout(self) -> None:
        grid = QGridLayout(self)
        grid.addWidget(self.by_year, 0, 0)
        grid.addWidget(self.year_box, 0, 1, 1, 2)
        grid.addWidget(self.by_term, 1, 0)
        grid.addWidget(self.term_box, 1, 1)
        grid.addWidget(self.term_year, 1, 2)
        grid.addWidget(self.by_dates, 2, 0)
        grid.addWidget(self.since, 2, 1)
        grid.addWidget(self.until, 2, 2)
        grid.addWidget(self.error, 3, 0, 1, 3)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)

    def _kind_changed(self) -> None:
        self.year_box.setEnabled(self.by_year.isChecked())
        self.term_box.setEnabled(self.by_term.isChecked())
        self.term_year.setEnabled(self.by_term.isChecked())
        self.since.setEnabled(self.by_dates.isChecked())
        self.until.setEnabled(self.by_dates.isChecked())
        self._changed()

    def _changed(self) -> None:
        self.period()  # says at once what is wrong with the dates
        self.sig_changed.emit()

    def choose_year(self, start_year: int) -> None:
        self.by_year.setChecked(True)
        self.year_box.setCurrentIndex(self.years.index(start_year))

    def period(self) -> tuple[dt.date, dt.date] | None:
        """(first day, last day) chosen, or None with a sentence next to the fields when it is no period."""
        if self.by_year.isChecked():
            show_error(self.error, "")
            return school_year_bounds(self.years[max(0, self.year_box.currentIndex())])
        if self.by_term.isChecked():
            show_error(self.error, "")
            return term_bounds(self.term_box.currentIndex() == 0, self.term_year.value())
        start, start_ok = self.since.parse()
        end, end_ok = self.until.parse()
        if not start_ok or not end_ok or start is None or end is None:
            show_error(self.error, self.tr("Write both dates as YYYY-MM-DD, for example 2025-08-15."))
            return None
        if start > end:
            show_error(self.error, self.tr("The period cannot end (%1) before it starts (%2).")
                       .replace("%1", end.isoformat()).replace("%2", start.isoformat()))
            return None
        show_error(self.error, "")
        return start, end

    def describe(self) -> str:
        """The period chosen in words, for the window's heading ("School year 2025/26", "HT 2025", dates)."""
        if self.by_year.isChecked():
            return self.tr("School year %1").replace("%1", self.year_box.currentText())
        if self.by_term.isChecked():
            term = self.tr("HT") if self.term_box.currentIndex() == 0 else self.tr("VT")
            return f"{term} {self.term_year.value()}"
        period = self.period()
        return f"{period[0].isoformat()} – {period[1].isoformat()}" if period else ""
