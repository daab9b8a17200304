"""A saved column mapping for one school's attendance export, and what reading a row can yield.

The user maps the columns of their school's export once (``MappingSpec``);
the mapping is saved in the team database under a name and reused every week
by the dialog and by ``sst-desk import-attendance --mapping NAME``. Columns are
remembered by their header text, so a reordered export still imports.
Problems are codes with the line and column they concern; ``describe`` gives
the English sentence for the command line, the UI translates the codes.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from dataclasses import dataclass, field
from enum import Enum

from sst_desk.workflow.attendance import AttendanceRecord


class Column(str, Enum):
    """What a column of the export holds (the roles the user maps)."""

    STUDENT = "student"  # personnummer, or the student's name (see IdentifierKind)
    DATE = "date"  # a day: the record covers that day
    WEEK = "week"  # an ISO week ("2026-W05", "v. 5 2026", "202605", or a week number with YEAR)
    YEAR = "year"  # only with a bare week number
    SCHEDULED = "scheduled"  # scheduled time, or number of lessons
    ABSENT = "absent"  # all absence
    VALID = "valid"  # giltig frånvaro
    INVALID = "invalid"  # ogiltig frånvaro
    # Issue 11: further shapes of real exports.
    FIRST_NAME = "first_name"  # with LAST_NAME (identifier NAME): the name in two columns
    LAST_NAME = "last_name"
    KIND = "kind"  # a word per row saying what the absence is: "Giltig"/"Anmäld" or "Ogiltig"/"Ej anmäld"
    PERIOD_FROM = "period_from"  # per_period mappings: the first day of the row's period
    PERIOD_TO = "period_to"  # ... and its last day


class IdentifierKind(str, Enum):
    """How rows are matched to the team's students."""

    PERSONNUMMER = "personnummer"  # 10 or 12 digits, with or without - or +; samordningsnummer too
    NAME = "name"  # "Förnamn Efternamn" or "Efternamn, Förnamn", case-insensitive; ambiguous = unmatched


class AmountUnit(str, Enum):
    """What the time columns count. Hours are stored as minutes."""

    MINUTES = "minutes"
    HOURS = "hours"
    LESSONS = "lessons"
    PERCENT = "percent"  # "35,1 %", "12 st (5,3 %)": stored as a share of the period (scheduled 100)


@dataclass
class MappingSpec:
    """How to read one school's export. ``columns`` maps each role to the column's header text."""

    name: str
    school: str = ""
    identifier: IdentifierKind = IdentifierKind.PERSONNUMMER
    unit: AmountUnit = AmountUnit.MINUTES
    columns: dict[Column, str] = field(default_factory=dict)
    header_row: int | None = None  # 1-based line/row of the (last) header row; None: found automatically
    sheet: str | None = None  # a spreadsheet's sheet name; None: the sheet that holds the data
    # One row per student summing a period ("frånvaro per elev"): no DATE or WEEK column; the period comes
    # from the PERIOD_FROM/PERIOD_TO columns, the file's title rows, or ImportOptions.period.
    per_period: bool = False

    def to_json(self) -> str:
        return json.dumps({
            "name": self.name, "school": self.school, "identifier": self.identifier.value,
            "unit": self.unit.value, "columns": {c.value: h for c, h in self.columns.items()},
            "header_row": self.header_row, "sheet": self.sheet, "per_period": self.per_period,
        }, ensure_ascii=False, sort_keys=True)

    @classmethod
    def from_json(cls, text: str) -> MappingSpec:
        data = json.loads(text)
        return cls(
            name=data["name"], school=data.get("school", ""),
            identifier=IdentifierKind(data.get("identifier", IdentifierKind.PERSONNUMMER.value)),
            unit=AmountUnit(data.get("unit", AmountUnit.MINUTES.value)),
            columns={Column(c): h for c, h in data.get("columns", {}).items()},
            header_row=data.get("header_row"), sheet=data.get("sheet"),
            per_period=bool(data.get("per_period", False)),
        )


class ProblemCode(str, Enum):
    """Why a file, a mapping or a row cannot be imported."""

    # the file
    FILE_UNREADABLE = "file_unreadable"  # missing, a folder, no permission
    FILE_EMPTY = "file_empty"
    FILE_FORMAT = "file_format"  # neither CSV text nor a readable XLSX
    FILE_TRUNCATED = "file_truncated"  # ends inside a quoted field, or a damaged XLSX
    SHEET_MISSING = "sheet_missing"
    NO_HEADER = "no_header"  # no row holds the mapped column headers
    # the mapping
    COLUMN_NOT_MAPPED = "column_not_mapped"  # a required role has no column (STUDENT, DATE or WEEK, SCHEDULED, an absence)
    COLUMN_MISSING = "column_missing"  # the mapped header is not in the file
    # a row
    ROW_TOO_SHORT = "row_too_short"  # fewer cells than the mapped columns need
    STUDENT_EMPTY = "student_empty"
    PERSONNUMMER_INVALID = "personnummer_invalid"
    DATE_INVALID = "date_invalid"
    WEEK_INVALID = "week_invalid"
    NUMBER_INVALID = "number_invalid"  # not a number (decimal comma or point, spaces allowed)
    NUMBER_NEGATIVE = "number_negative"
    ABSENCE_OVER_SCHEDULED = "absence_over_scheduled"
    PARTS_OVER_ABSENCE = "parts_over_absence"  # valid + invalid > absent
    # Issue 11
    FILE_TOO_LARGE = "file_too_large"  # a spreadsheet that would expand beyond the cap (a zip bomb)
    DATE_ORDER_AMBIGUOUS = "date_order_ambiguous"  # whole file: d/m or m/d cannot be told; value = an example
    DATE_ORDER_MIXED = "date_order_mixed"  # whole file: some dates only read as d/m, others only as m/d
    WEEK_YEAR_UNKNOWN = "week_year_unknown"  # whole file: weeks without a year and nothing says which year
    PERIOD_UNKNOWN = "period_unknown"  # whole file: a per-period file and nothing says which period
    PERIOD_INVALID = "period_invalid"  # a row's period: not a day, or it ends before it starts
    DUPLICATE_ROW = "duplicate_row"  # an exact copy of an earlier row; value = that row's line
    KIND_INVALID = "kind_invalid"  # the KIND word is neither giltig nor ogiltig
    PERCENT_INVALID = "percent_invalid"  # a percentage cell in a time column, or a percentage over 100
    COLUMN_CONFLICT = "column_conflict"  # KIND mapped with VALID or INVALID: the row would say it twice
    # A second row of one student for the same period when the rows hold a percentage or a period summary:
    # shares cannot be added up (two "35 %" rows are not 70 % of 200); value = the first row's line.
    PERIOD_REPEATED = "period_repeated"
    # A row with a filled cell beyond the header row's last column: its cells are shifted (an unquoted
    # decimal comma in a comma-separated file, "5,5" read as the two cells "5" and "5"); value = that cell.
    ROW_TOO_LONG = "row_too_long"
    # The mapping counts in one unit and a mapped amount column's header names another ("Frånvaro (h)" read
    # as minutes, "Frånvaro (%)" as minutes); column = the header, value = the unit the header names.
    UNIT_MISMATCH = "unit_mismatch"
    COLUMN_AMBIGUOUS = "column_ambiguous"  # the mapped header text names two or more columns of the file
    # A header row again inside the data whose mapped cells name other columns than the header row (two
    # exports pasted one below the other, the second's columns in another order); value = the differing cell.
    HEADER_CHANGED = "header_changed"


# "1,500" or "1.500": one separator and exactly three digits after it, after a whole part of 1-3 digits not
# starting with 0. A decimal comma with three decimals (Swedish) and a thousands separator (Excel with a US
# region, "1,500" minutes; German "1.500") read the same, and one reading is a thousand times the other:
# cells.parse_number refuses it, never guesses. "0,500", "1,50", "1 500", "1,500.5", "1.500,5" are not in doubt.
_GROUPED = re.compile(r"^[+-]?[1-9]\d{0,2}[,.]\d{3}$")
_NUMBER_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009\u2007")


def reads_two_ways(text: str) -> bool:
    """True for a number written "1,500" or "1.500" (spaces ignored): 1.5 or 1500, which cannot be told."""
    return bool(_GROUPED.match(text.translate(_NUMBER_SPACES).replace("\u2212", "-")))


@dataclass(frozen=True)
class RowProblem:
    """One problem, where it is: ``line`` is the file's line (CSV) or row (XLSX), 1-based; 0 = the whole file."""

    line: int
    code: ProblemCode
    column: str = ""  # the header text of the column, "" when it concerns the whole row or file
    value: str = ""  # the offending text, shortened to 60 characters

    def describe(self) -> str:
        """The English sentence for the command line ("line 14, column 'Frånvaro': not a number: 'x'")."""
        where = f"line {self.line}" if self.line else "file"
        if self.column:
            where += f", column '{self.column}'"
        what = _ENGLISH[self.code]
        if self.code is ProblemCode.NUMBER_INVALID and reads_two_ways(self.value):
            what = "a number that reads two ways (1,500 is 1.5 in Swedish, 1500 from Excel with a US region); " \
                       "write it so it reads one way (1500, 1 500 or 1,5)"
        return f"{where}: {what}" + (f": '{self.value}'" if self.value else "")


_ENGLISH: dict[ProblemCode, str] = {
    ProblemCode.FILE_UNREADABLE: "the file cannot be read",
    ProblemCode.FILE_EMPTY: "the file is empty",
    ProblemCode.FILE_FORMAT: "not a CSV or XLSX file",
    ProblemCode.FILE_TRUNCATED: "the file ends in the middle of a row (is it complete?)",
    ProblemCode.SHEET_MISSING: "no such sheet",
    ProblemCode.NO_HEADER: "no row holds the mapped column headers",
    ProblemCode.COLUMN_NOT_MAPPED: "this column must be mapped",
    ProblemCode.COLUMN_MISSING: "the mapped column is not in the file",
    ProblemCode.ROW_TOO_SHORT: "the row has too few cells",
    ProblemCode.STUDENT_EMPTY: "no student identifier",
    ProblemCode.PERSONNUMMER_INVALID: "not a valid personnummer",
    ProblemCode.DATE_INVALID: "not a date",
    ProblemCode.WEEK_INVALID: "not a week",
    ProblemCode.NUMBER_INVALID: "not a number",
    ProblemCode.NUMBER_NEGATIVE: "a negative number",
    ProblemCode.ABSENCE_OVER_SCHEDULED: "more absence than scheduled time",
    ProblemCode.PARTS_OVER_ABSENCE: "valid and invalid absence add up to more than all absence",
    ProblemCode.FILE_TOO_LARGE: "the spreadsheet expands to more than can be read safely",
    ProblemCode.DATE_ORDER_AMBIGUOUS: "the dates can be read as day/month or month/day; say which (--date-order)",
    ProblemCode.DATE_ORDER_MIXED: "some dates are written day/month and others month/day",
    ProblemCode.WEEK_YEAR_UNKNOWN: "the weeks have no year and the file does not say which (--school-year)",
    ProblemCode.PERIOD_UNKNOWN: "the file does not say which period it covers (--period)",
    ProblemCode.PERIOD_INVALID: "not a period (a from and a to day, the to day not before the from day)",
    ProblemCode.DUPLICATE_ROW: "an exact copy of an earlier row (line in the value)",
    ProblemCode.KIND_INVALID: "neither valid (giltig, anmäld) nor invalid (ogiltig, ej anmäld)",
    ProblemCode.PERCENT_INVALID: ("a percentage where a time is expected, over 100 %, or a spreadsheet number "
                                  "that may be a fraction (0.351 for 35.1 %): write the percentage"),
    ProblemCode.COLUMN_CONFLICT: "cannot be mapped together with valid or invalid absence columns",
    ProblemCode.PERIOD_REPEATED: "a second percentage or period row of this student for the same period "
                                 "(first row in the value)",
    ProblemCode.ROW_TOO_LONG: "the row has a filled cell after the last column of the header row, so its cells "
                              "may be shifted (a decimal comma in a comma-separated file not in quotes?)",
    ProblemCode.UNIT_MISMATCH: "the column's header names another unit than the mapping counts in; choose the "
                               "unit the file uses",
    ProblemCode.COLUMN_AMBIGUOUS: "two or more columns have this header, so which one is meant cannot be told; "
                                  "rename one of them in the file",
    ProblemCode.HEADER_CHANGED: "a header row inside the data names this column differently from the header row, "
                                "so the columns below it may be in another order; split the file there",
}


class NoticeCode(str, Enum):
    """What the check shows about rows that are read, without refusing the file."""

    DUPLICATE_SKIPPED = "duplicate_skipped"  # an exact copy of an earlier row, skipped (ImportOptions)
    WEEKEND = "weekend"  # a day record with scheduled time on a Saturday or Sunday: stored
    HOLIDAY = "holiday"  # ... on a helgdag (röd dag) or in sommarlov/jullov: stored
    FUTURE_SKIPPED = "future_skipped"  # a record that starts after today: not stored
    SUMMARY_SKIPPED = "summary_skipped"  # a "Summa"/"Totalt" row: not a student, skipped


@dataclass(frozen=True)
class RowNotice:
    """A row the check points out (see NoticeCode); ``other_line``: the earlier copy of a duplicate."""

    line: int
    code: NoticeCode
    column: str = ""
    value: str = ""
    other_line: int = 0

    def describe(self) -> str:
        where = f"line {self.line}" if self.line else "file"
        if self.column:
            where += f", column '{self.column}'"
        what = _NOTICE_ENGLISH[self.code]
        if self.other_line:
            what += f" (line {self.other_line})"
        return f"{where}: {what}" + (f": '{self.value}'" if self.value else "")


_NOTICE_ENGLISH: dict[NoticeCode, str] = {
    NoticeCode.DUPLICATE_SKIPPED: "a copy of an earlier row, skipped",
    NoticeCode.WEEKEND: "scheduled time on a weekend",
    NoticeCode.HOLIDAY: "scheduled time on a holiday",
    NoticeCode.FUTURE_SKIPPED: "a date after today, not stored",
    NoticeCode.SUMMARY_SKIPPED: "a total row, skipped",
}


class DateOrder(str, Enum):
    """How a date written "11/2/2026" is read."""

    DMY = "dmy"  # 11 February (Swedish, European)
    MDY = "mdy"  # 2 November (Excel with a US region)


@dataclass(frozen=True)
class ImportOptions:
    """The person's answers for one import, asked when the file cannot settle them itself."""

    date_order: DateOrder | None = None  # None: from the file; ambiguous → DATE_ORDER_AMBIGUOUS
    school_year: int | None = None  # the läsår's autumn year (2026 = 2026/27), for weeks written without one
    period: tuple[dt.date, dt.date] | None = None  # per-period files without a period in columns or title
    skip_duplicates: bool = False  # False: exact duplicate rows are DUPLICATE_ROW problems (the file is refused)


@dataclass(frozen=True)
class ReadContext:
    """What ``read_rows`` settled about the whole file before converting its rows (attendance_file → rows)."""

    date_order: DateOrder = DateOrder.DMY  # how "11/2/2026" is read (ISO and compact dates need no order)
    school_year: int | None = None  # weeks without a year: weeks 27–53 in this year, 1–26 in the next
    period: tuple[dt.date, dt.date] | None = None  # per_period rows without PERIOD_FROM/PERIOD_TO columns


@dataclass(frozen=True, slots=True)
class ImportedRow:
    """One good row: the file's line, the student's key (normalised personnummer or casefolded name), the record.

    Several rows may concern the same student and period (an export per lesson):
    the store sums them into one record.
    """

    line: int
    student_key: str
    record: AttendanceRecord


@dataclass(frozen=True)
class Progress:
    """How far reading has come: bytes (CSV) or rows (XLSX) of a known total."""

    done: int
    total: int


def today() -> dt.date:  # one place to fake in tests
    return dt.date.today()
