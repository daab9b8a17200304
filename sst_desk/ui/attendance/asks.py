"""The questions the attendance import asks when the file cannot settle something itself (issue 11).

``read_rows`` never guesses: a file whose dates read both ways ("11/2/2026"),
whose weeks have no year, or that sums a period it does not name is refused with
DATE_ORDER_AMBIGUOUS, WEEK_YEAR_UNKNOWN or PERIOD_UNKNOWN. The dialog asks the
person here and re-runs the check with the answer in ``ImportOptions``. Each ask
is a modal dialog with accessible names; Esc cancels (nothing is read or stored).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from sst_desk.importers.attendance_spec import DateOrder, ImportOptions, ProblemCode, RowProblem
from sst_desk.ui.case.forms import ERROR_STYLE

CONTEXT = "AttendanceImport"
ASKED = (ProblemCode.DATE_ORDER_AMBIGUOUS, ProblemCode.WEEK_YEAR_UNKNOWN, ProblemCode.PERIOD_UNKNOWN)
_MONTHS = (
    QT_TRANSLATE_NOOP("AttendanceImport", "January"), QT_TRANSLATE_NOOP("AttendanceImport", "February"),
    QT_TRANSLATE_NOOP("AttendanceImport", "March"), QT_TRANSLATE_NOOP("AttendanceImport", "April"),
    QT_TRANSLATE_NOOP("AttendanceImport", "May"), QT_TRANSLATE_NOOP("AttendanceImport", "June"),
    QT_TRANSLATE_NOOP("AttendanceImport", "July"), QT_TRANSLATE_NOOP("AttendanceImport", "August"),
    QT_TRANSLATE_NOOP("AttendanceImport", "September"), QT_TRANSLATE_NOOP("AttendanceImport", "October"),
    QT_TRANSLATE_NOOP("AttendanceImport", "November"), QT_TRANSLATE_NOOP("AttendanceImport", "December"),
)
_NUMERIC_DATE = re.compile(r"\s*(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})\b")


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def long_date(day: dt.date) -> str:
    """ "11 February 2026" (Swedish: "11 februari 2026")."""
    return _t("%1 %2 %3").replace("%1", str(day.day)).replace("%2", _t(_MONTHS[day.month - 1])).replace(
        "%3", str(day.year))


def both_readings(example: str) -> tuple[dt.date | None, dt.date | None]:
    """The example cell read day/month and month/day (None where that reading is no date)."""
    match = _NUMERIC_DATE.match(example)
    if match is None:
        return None, None
    first, second, year = int(match[1]), int(match[2]), int(match[3])
    year += 2000 if year < 100 else 0

    def day(d: int, m: int) -> dt.date | None:
        try:
            return dt.date(year, m, d)
        except ValueError:
            return None
    return day(first, second), day(second, first)


def ask_date_order(parent: QWidget, example: str) -> DateOrder | None:
    """ "11/2/2026": 11 February or 2 November? None: cancelled."""
    dmy, mdy = both_readings(example)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_t("How are the dates written?"))
    box.setAccessibleName(_t("How are the dates written?"))
    box.setText(_t("The file writes dates such as \u201c%1\u201d, which can be read in two ways. Which day is "
                   "meant?").replace("%1", example))
    box.setInformativeText(_t("Look it up in the school system for one row. The answer is used for every date in "
                              "the file."))
    buttons = {}
    for order, day in ((DateOrder.DMY, dmy), (DateOrder.MDY, mdy)):
        text = long_date(day) if day is not None else (_t("Day/month") if order is DateOrder.DMY else _t("Month/day"))
        button = box.addButton(text, QMessageBox.ButtonRole.AcceptRole)
        button.setAccessibleName(text)
        buttons[button] = order
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    cancel.setAccessibleName(cancel.text())
    box.setEscapeButton(cancel)
    box.exec()
    return buttons.get(box.clickedButton())


def school_year_text(autumn: int) -> str:
    return f"{autumn}/{(autumn + 1) % 100:02d}"


def current_school_year(today: dt.date) -> int:
    """The läsår running on ``today``: from July it is this year's autumn."""
    return today.year if today.month >= 7 else today.year - 1


class SchoolYearDialog(QDialog):
    """Which school year do the weeks without a year belong to?"""

    def __init__(self, parent: QWidget | None, today: dt.date) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Which school year?"))
        self.setAccessibleName(_t("Which school year?"))
        current = current_school_year(today)
        self.years = list(range(current - 4, current + 2))
        text = QLabel(_t("The file gives weeks without a year (such as \u201cv. 46\u201d) and does not say which "
                         "year they are in. Weeks 27\u201353 are read in the autumn, weeks 1\u201326 in the spring "
                         "of the school year you choose."), self)
        text.setWordWrap(True)
        self.year = QComboBox(self)
        self.year.addItems([school_year_text(y) for y in self.years])
        self.year.setCurrentIndex(self.years.index(current))
        self.year.setAccessibleName(_t("School year"))
        form = QFormLayout()
        caption = QLabel(_t("School year"), self)
        caption.setBuddy(self.year)
        form.addRow(caption, self.year)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        for button in buttons.buttons():
            button.setAccessibleName(button.text())
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def chosen(self) -> int:
        return self.years[self.year.currentIndex()]


class PeriodDialog(QDialog):
    """Which period does a file with one row per student cover?"""

    def __init__(self, parent: QWidget | None, today: dt.date) -> None:
        super().__init__(parent)
        self.setWindowTitle(_t("Which period?"))
        self.setAccessibleName(_t("Which period?"))
        text = QLabel(_t("The file gives one row per student for a period but does not say which period. Give "
                         "its first and last day as in the school system's report."), self)
        text.setWordWrap(True)
        autumn = current_school_year(today)
        self.start = QDateEdit(QDate(autumn, 8, 1), self)
        self.end = QDateEdit(QDate(today.year, today.month, today.day), self)
        form = QFormLayout()
        for widget, label in ((self.start, _t("Period from")), (self.end, _t("Period to"))):
            widget.setCalendarPopup(True)
            widget.setDisplayFormat("yyyy-MM-dd")
            widget.setAccessibleName(label)
            caption = QLabel(label, self)
            caption.setBuddy(widget)
            form.addRow(caption, widget)
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setAccessibleName(_t("Period problem"))
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        for button in buttons.buttons():
            button.setAccessibleName(button.text())
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)

    def chosen(self) -> tuple[dt.date, dt.date]:
        return self.start.date().toPython(), self.end.date().toPython()

    def accept(self) -> None:
        start, end = self.chosen()
        if end < start:
            self.error.setText(_t("The period ends before it starts."))
            self.error.show()
            self.end.setFocus()
            return
        super().accept()


def ask(parent: QWidget, problem: RowProblem, options: ImportOptions, today: dt.date) -> ImportOptions | None:
    """Ask what ``problem`` needs; the options with the answer, or None when the person cancelled."""
    if problem.code is ProblemCode.DATE_ORDER_AMBIGUOUS:
        order = ask_date_order(parent, problem.value)
        return None if order is None else replace(options, date_order=order)
    if problem.code is ProblemCode.WEEK_YEAR_UNKNOWN:
        dialog = SchoolYearDialog(parent, today)
        return replace(options, school_year=dialog.chosen()) if dialog.exec() == QDialog.DialogCode.Accepted else None
    if problem.code is ProblemCode.PERIOD_UNKNOWN:
        dialog = PeriodDialog(parent, today)
        return replace(options, period=dialog.chosen()) if dialog.exec() == QDialog.DialogCode.Accepted else None
    return None
