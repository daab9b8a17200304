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


class IdentifierKind(str, Enum):
    """How rows are matched to the team's students."""

    PERSONNUMMER = "personnummer"  # 10 or 12 digits, with or without - or +; samordningsnummer too
    NAME = "name"  # "Förnamn Efternamn" or "Efternamn, Förnamn", case-insensitive; ambiguous = unmatched


class AmountUnit(str, Enum):
    """What the time columns count. Hours are stored as minutes."""

    MINUTES = "minutes"
    HOURS = "hours"
    LESSONS = "lessons"


@dataclass
class MappingSpec:
    """How to read one school's export. ``columns`` maps each role to the column's header text."""

    name: str
    school: str = ""
    identifier: IdentifierKind = IdentifierKind.PERSONNUMMER
    unit: AmountUnit = AmountUnit.MINUTES
    columns: dict[Column, str] = field(default_factory=dict)
    header_row: int | None = None  # 1-based line/row of the (last) header row; None: found automatically
    sheet: str | None = None  # XLSX: the sheet's name; None: the first sheet

    def to_json(self) -> str:
        return json.dumps({
            "name": self.name, "school": self.school, "identifier": self.identifier.value,
            "unit": self.unit.value, "columns": {c.value: h for c, h in self.columns.items()},
            "header_row": self.header_row, "sheet": self.sheet,
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
}


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
