"""Words for the attendance import (context "AttendanceImport"): problem codes, column roles, units, periods.

The importer reports ``ProblemCode``s with the line and column; this is the
one place that turns them into sentences for the worker, through Qt's
translation system, so the dialog and its tables say the same thing.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from ..importers.attendance_spec import (
    AmountUnit,
    Column,
    IdentifierKind,
    ProblemCode,
    RowProblem,
)
from ..workflow.attendance import AttendanceRecord, Granularity, Unit

CONTEXT = "AttendanceImport"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


_PROBLEMS: dict[ProblemCode, str] = {
    ProblemCode.FILE_UNREADABLE: QT_TRANSLATE_NOOP(
        "AttendanceImport", "The file cannot be read. Check that it exists and that you may open it."),
    ProblemCode.FILE_EMPTY: QT_TRANSLATE_NOOP("AttendanceImport", "The file is empty."),
    ProblemCode.FILE_FORMAT: QT_TRANSLATE_NOOP(
        "AttendanceImport", "This is not a CSV or Excel (XLSX) file. Export the attendance again as CSV or XLSX."),
    ProblemCode.FILE_TRUNCATED: QT_TRANSLATE_NOOP(
        "AttendanceImport", "The file ends in the middle of a row. Is it complete? Export it again."),
    ProblemCode.SHEET_MISSING: QT_TRANSLATE_NOOP("AttendanceImport", "The file has no sheet with this name."),
    ProblemCode.NO_HEADER: QT_TRANSLATE_NOOP(
        "AttendanceImport", "No row of the file holds the mapped column headers. Check the header row."),
    ProblemCode.COLUMN_NOT_MAPPED: QT_TRANSLATE_NOOP("AttendanceImport", "Choose the column that holds this."),
    ProblemCode.COLUMN_MISSING: QT_TRANSLATE_NOOP("AttendanceImport", "The file has no column with this header."),
    ProblemCode.ROW_TOO_SHORT: QT_TRANSLATE_NOOP("AttendanceImport", "The row has too few cells."),
    ProblemCode.STUDENT_EMPTY: QT_TRANSLATE_NOOP("AttendanceImport", "The student is missing."),
    ProblemCode.PERSONNUMMER_INVALID: QT_TRANSLATE_NOOP(
        "AttendanceImport", "Not a valid personal identity number."),
    ProblemCode.DATE_INVALID: QT_TRANSLATE_NOOP("AttendanceImport", "Not a date."),
    ProblemCode.WEEK_INVALID: QT_TRANSLATE_NOOP("AttendanceImport", "Not a week."),
    ProblemCode.NUMBER_INVALID: QT_TRANSLATE_NOOP("AttendanceImport", "Not a number."),
    ProblemCode.NUMBER_NEGATIVE: QT_TRANSLATE_NOOP("AttendanceImport", "A negative number."),
    ProblemCode.ABSENCE_OVER_SCHEDULED: QT_TRANSLATE_NOOP(
        "AttendanceImport", "More absence than scheduled time."),
    ProblemCode.PARTS_OVER_ABSENCE: QT_TRANSLATE_NOOP(
        "AttendanceImport", "Valid and invalid absence add up to more than all absence."),
}

_ROLES: dict[Column, str] = {
    Column.STUDENT: QT_TRANSLATE_NOOP("AttendanceImport", "Student identifier"),
    Column.DATE: QT_TRANSLATE_NOOP("AttendanceImport", "Date"),
    Column.WEEK: QT_TRANSLATE_NOOP("AttendanceImport", "Week"),
    Column.YEAR: QT_TRANSLATE_NOOP("AttendanceImport", "Year (with week numbers only)"),
    Column.SCHEDULED: QT_TRANSLATE_NOOP("AttendanceImport", "Scheduled time or lessons"),
    Column.ABSENT: QT_TRANSLATE_NOOP("AttendanceImport", "All absence"),
    Column.VALID: QT_TRANSLATE_NOOP("AttendanceImport", "Valid absence"),
    Column.INVALID: QT_TRANSLATE_NOOP("AttendanceImport", "Invalid absence"),
}

_IDENTIFIERS: dict[IdentifierKind, str] = {
    IdentifierKind.PERSONNUMMER: QT_TRANSLATE_NOOP("AttendanceImport", "Personnummer"),
    IdentifierKind.NAME: QT_TRANSLATE_NOOP("AttendanceImport", "Name"),
}

_UNITS: dict[AmountUnit, str] = {
    AmountUnit.MINUTES: QT_TRANSLATE_NOOP("AttendanceImport", "minutes"),
    AmountUnit.HOURS: QT_TRANSLATE_NOOP("AttendanceImport", "hours"),
    AmountUnit.LESSONS: QT_TRANSLATE_NOOP("AttendanceImport", "lessons"),
}


def problem_text(code: ProblemCode) -> str:
    """What is wrong, as a sentence."""
    return _t(_PROBLEMS[code])


def problem_sentence(problem: RowProblem) -> str:
    """Where and what: "Line 14, column “Frånvaro”: Not a number. (“x”)"."""
    what = problem_text(problem.code)
    if problem.value:
        what += " " + _t("(\u201c%1\u201d)").replace("%1", problem.value)
    if problem.line and problem.column:
        where = _t("Line %1, column \u201c%2\u201d:").replace("%1", str(problem.line)).replace("%2", problem.column)
    elif problem.line:
        where = _t("Line %1:").replace("%1", str(problem.line))
    elif problem.column:
        where = _t("Column \u201c%1\u201d:").replace("%1", problem.column)
    else:
        return what
    return where + " " + what


def role_label(column: Column) -> str:
    return _t(_ROLES[column])


def identifier_label(kind: IdentifierKind) -> str:
    return _t(_IDENTIFIERS[kind])


def unit_label(unit: AmountUnit) -> str:
    return _t(_UNITS[unit])


def number(value: float | None) -> str:
    """12 rather than 12.0; one decimal (with a comma) when there is one; "" for unknown."""
    if value is None:
        return ""
    text = f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"
    return text.replace(".", ",")


def amount(value: float | None, record: AttendanceRecord) -> str:
    if value is None:
        return ""
    template = _t("%1 lessons") if record.unit is Unit.LESSONS else _t("%1 min")
    return template.replace("%1", number(value))


def period(record: AttendanceRecord) -> str:
    """A day as ÅÅÅÅ-MM-DD, a week as "Week 5, 2026"."""
    if record.granularity is Granularity.WEEK:
        year, week, _day = record.period_start.isocalendar()
        return _t("Week %1, %2").replace("%1", str(week)).replace("%2", str(year))
    return record.period_start.isoformat()
