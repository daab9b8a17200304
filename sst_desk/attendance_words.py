"""Words for the attendance import (context "AttendanceImport"): problem codes, column roles, units, periods.

Shared by the import dialog and ``sst-desk import-attendance`` (through ``i18n.translate``: the command
line's translator, else Qt's), so the window and the command line say the same thing.

The importer reports ``ProblemCode``s with the line and column; this is the
one place that turns them into sentences for the worker, through Qt's
translation system, so the dialog and its tables say the same thing.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP

from sst_desk import i18n

from sst_desk.importers.attendance_spec import (
    AmountUnit,
    Column,
    IdentifierKind,
    NoticeCode,
    ProblemCode,
    RowNotice,
    RowProblem,
    reads_two_ways,
)
from sst_desk.workflow.attendance import AttendanceRecord, Granularity, Unit

CONTEXT = "AttendanceImport"


def _t(text: str) -> str:
    return i18n.translate(CONTEXT, text)


_PROBLEMS: dict[ProblemCode, str] = {
    ProblemCode.FILE_UNREADABLE: QT_TRANSLATE_NOOP(
        "AttendanceImport", "The file cannot be read. Check that it exists and that you may open it."),
    ProblemCode.FILE_EMPTY: QT_TRANSLATE_NOOP("AttendanceImport", "The file is empty."),
    ProblemCode.FILE_FORMAT: QT_TRANSLATE_NOOP(
        "AttendanceImport", "This is not a CSV, Excel (XLSX/XLS) or OpenDocument (ODS) file. Export the attendance again as CSV, "
        "XLSX, XLS or ODS."),
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
    ProblemCode.FILE_TOO_LARGE: QT_TRANSLATE_NOOP(
        "AttendanceImport", "The spreadsheet expands to more than can be read safely. Export it again, or as CSV."),
    ProblemCode.DATE_ORDER_AMBIGUOUS: QT_TRANSLATE_NOOP(
        "AttendanceImport", "The dates can be read as day/month or as month/day; say which."),
    ProblemCode.DATE_ORDER_MIXED: QT_TRANSLATE_NOOP(
        "AttendanceImport", "Some dates are written day/month and others month/day. Export the file again."),
    ProblemCode.WEEK_YEAR_UNKNOWN: QT_TRANSLATE_NOOP(
        "AttendanceImport", "The weeks have no year and the file does not say which; choose the school year."),
    ProblemCode.PERIOD_UNKNOWN: QT_TRANSLATE_NOOP(
        "AttendanceImport", "The file does not say which period it covers; give the period."),
    ProblemCode.PERIOD_INVALID: QT_TRANSLATE_NOOP(
        "AttendanceImport", "Not a period: a from day and a to day, the to day not before the from day."),
    ProblemCode.DUPLICATE_ROW: QT_TRANSLATE_NOOP("AttendanceImport", "An exact copy of an earlier row."),
    ProblemCode.KIND_INVALID: QT_TRANSLATE_NOOP(
        "AttendanceImport", "Neither valid (giltig, anmäld) nor invalid (ogiltig, ej anmäld)."),
    ProblemCode.PERCENT_INVALID: QT_TRANSLATE_NOOP(
        "AttendanceImport", "A percentage where a time is expected, a percentage over 100, or a spreadsheet "
        "number that may be a fraction (0.351 for 35.1 %). Write the percentage."),
    ProblemCode.COLUMN_CONFLICT: QT_TRANSLATE_NOOP(
        "AttendanceImport", "An absence kind column cannot be chosen together with valid or invalid absence columns."),
    ProblemCode.PERIOD_REPEATED: QT_TRANSLATE_NOOP(
        "AttendanceImport", "Another row of the same student and period: percentages and period figures "
        "cannot be added up. Keep one row per student and period."),
    ProblemCode.ROW_TOO_LONG: QT_TRANSLATE_NOOP(
        "AttendanceImport", "The row has a filled cell after the last column of the header row, so its cells may "
        "be shifted. Is a decimal comma not in quotes in a comma-separated file?"),
    ProblemCode.UNIT_MISMATCH: QT_TRANSLATE_NOOP(
        "AttendanceImport", "The column's header names another unit than the one chosen. Choose the unit the file "
        "uses."),
    ProblemCode.COLUMN_AMBIGUOUS: QT_TRANSLATE_NOOP(
        "AttendanceImport", "Two or more columns have this header, so which one is meant cannot be told. Rename one "
        "of them in the file."),
    ProblemCode.HEADER_CHANGED: QT_TRANSLATE_NOOP(
        "AttendanceImport", "A header row inside the data names this column differently from the header row, so the "
        "columns below it may be in another order. Split the file there."),
}

_NOTICES: dict[NoticeCode, str] = {
    NoticeCode.DUPLICATE_SKIPPED: QT_TRANSLATE_NOOP("AttendanceImport", "A copy of an earlier row: skipped."),
    NoticeCode.WEEKEND: QT_TRANSLATE_NOOP("AttendanceImport", "Scheduled time on a Saturday or Sunday: stored."),
    NoticeCode.HOLIDAY: QT_TRANSLATE_NOOP("AttendanceImport", "Scheduled time on a holiday or in a school break: stored."),
    NoticeCode.FUTURE_SKIPPED: QT_TRANSLATE_NOOP("AttendanceImport", "A date after today: not stored."),
    NoticeCode.SUMMARY_SKIPPED: QT_TRANSLATE_NOOP("AttendanceImport", "A total row (Summa, Totalt): skipped."),
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
    Column.FIRST_NAME: QT_TRANSLATE_NOOP("AttendanceImport", "First name"),
    Column.LAST_NAME: QT_TRANSLATE_NOOP("AttendanceImport", "Last name"),
    Column.KIND: QT_TRANSLATE_NOOP("AttendanceImport", "Absence kind (valid/invalid)"),
    Column.PERIOD_FROM: QT_TRANSLATE_NOOP("AttendanceImport", "Period from"),
    Column.PERIOD_TO: QT_TRANSLATE_NOOP("AttendanceImport", "Period to"),
}

_IDENTIFIERS: dict[IdentifierKind, str] = {
    IdentifierKind.PERSONNUMMER: QT_TRANSLATE_NOOP("AttendanceImport", "Personnummer"),
    IdentifierKind.NAME: QT_TRANSLATE_NOOP("AttendanceImport", "Name"),
}

_UNITS: dict[AmountUnit, str] = {
    AmountUnit.MINUTES: QT_TRANSLATE_NOOP("AttendanceImport", "minutes"),
    AmountUnit.HOURS: QT_TRANSLATE_NOOP("AttendanceImport", "hours"),
    AmountUnit.LESSONS: QT_TRANSLATE_NOOP("AttendanceImport", "lessons"),
    AmountUnit.PERCENT: QT_TRANSLATE_NOOP("AttendanceImport", "percent"),
}


def problem_text(code: ProblemCode) -> str:
    """What is wrong, as a sentence."""
    return _t(_PROBLEMS[code])


def problem_sentence(problem: RowProblem) -> str:
    """Where and what: "Line 14, column “Frånvaro”: Not a number. (“x”)"."""
    what = problem_text(problem.code)
    if problem.code is ProblemCode.NUMBER_INVALID and reads_two_ways(problem.value):
        what = _t("A number that reads two ways: 1,500 is 1.5 in Swedish but 1500 from Excel with a US region. "
                  "Write it so that it reads one way (1500, 1 500 or 1,5).")
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


def notice_text(code: NoticeCode) -> str:
    """What the check points out about a row, as a sentence."""
    return _t(_NOTICES[code])


def notice_sentence(notice: RowNotice) -> str:
    """ "Line 14: A copy of an earlier row: skipped. (line 4)" — a duplicate names the earlier copy."""
    if notice.code is NoticeCode.DUPLICATE_SKIPPED and notice.other_line:
        return duplicate_sentence(notice.line, notice.other_line) + " " + _t("Skipped.")
    what = notice_text(notice.code)
    if notice.value:
        what += " " + _t("(\u201c%1\u201d)").replace("%1", notice.value)
    if not notice.line:
        return what
    return _t("Line %1:").replace("%1", str(notice.line)) + " " + what


def duplicate_sentence(line: int, earlier: int | str) -> str:
    """ "Line 14 is a copy of line 4." """
    return _t("Line %1 is a copy of line %2.").replace("%1", str(line)).replace("%2", str(earlier))


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
    if record.unit is Unit.PERCENT:
        return _t("%1 %").replace("%1", number(value))
    template = _t("%1 lessons") if record.unit is Unit.LESSONS else _t("%1 min")
    return template.replace("%1", number(value))


def period(record: AttendanceRecord) -> str:
    """A day as ÅÅÅÅ-MM-DD, a week as "Week 5, 2026", a period as "2026-08-17 – 2026-12-18"."""
    if record.granularity is Granularity.PERIOD:
        return record.period_start.isoformat() + " \u2013 " + record.period_end.isoformat()
    if record.granularity is Granularity.WEEK:
        year, week, _day = record.period_start.isocalendar()
        return _t("Week %1, %2").replace("%1", str(week)).replace("%2", str(year))
    return record.period_start.isoformat()
