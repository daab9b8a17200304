"""Turning one data row of an export into an ImportedRow, or into the problems of its cells.

This is the hot loop of a million-row import, so each kind of cell goes through
a cache keyed by the raw cell value (a text, or an XLSX number or date): a
school's export repeats the same students, days and amounts all year, so each
distinct value is parsed once. The caches are bounded so a hostile file cannot
grow them without end.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sst_desk.workflow.attendance import AttendanceRecord, Granularity, Unit
from sst_desk.workflow.identity import normalise_personal_id

from .attendance_spec import (
    AmountUnit,
    Column,
    IdentifierKind,
    ImportedRow,
    MappingSpec,
    ProblemCode,
    ReadContext,
    RowProblem,
)
from .cells import (
    CellError,
    cell_text,
    name_key,
    parse_day,
    parse_number,
    parse_week,
    parse_year,
    personnummer_text,
)
from .headers import norm

_CACHE_LIMIT = 50_000
_TOLERANCE = 0.001  # absence may exceed scheduled time by rounding in the export, not more
_EMPTY = object()  # an empty amount cell: what it means depends on the column
_SKIP = object()  # a repeated header row inside the data (exports paged for print)

Converter = Callable[[int, "list | tuple"], "ImportedRow | list[RowProblem] | None"]


class _Cache:
    """``parse`` memoised per raw cell value; a failure is cached as the CellError class itself.

    ``get`` is the dict's own (C) lookup for the hot loop; on None call ``miss``."""

    def __init__(self, parse: Callable[[object], object]) -> None:
        self._parse = parse
        self._values: dict[object, object] = {}
        self.get = self._values.get

    def miss(self, raw: object) -> object:
        try:
            result = self._parse(raw)
        except CellError:
            result = CellError
        if len(self._values) < _CACHE_LIMIT:
            self._values[raw] = result
        return result

    def __call__(self, raw: object) -> object:
        value = self.get(raw)
        return self.miss(raw) if value is None else value


def _guard(parse: Callable[[object], object], raw: object) -> object:
    try:
        return parse(raw)
    except CellError:
        return CellError


def _blank(raw: object) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


def make_converter(spec: MappingSpec, headers: list[str], today: dt.date,
                   context: ReadContext | None = None) -> Converter:
    """A function (line, cells) -> ImportedRow, a list of problems, or None for a row to skip.

    ``context``: what read_rows settled for the whole file (day/month order, the year of bare weeks)."""
    context = context or ReadContext()
    index = {}
    for position, header in enumerate(headers):
        index.setdefault(norm(header), position)
    cols = {role: header for role, header in spec.columns.items() if header}
    at = {role: index[norm(header)] for role, header in cols.items()}
    if Column.DATE in at:  # DATE wins over WEEK
        at.pop(Column.WEEK, None)
        at.pop(Column.YEAR, None)
    need = max(at.values()) + 1
    name = {role: headers[i] for role, i in at.items()}

    student_at = at[Column.STUDENT]
    student_header = norm(cols[Column.STUDENT])
    by_name = spec.identifier is IdentifierKind.NAME

    def student(raw: object) -> object:
        if _blank(raw):
            return ProblemCode.STUDENT_EMPTY
        if norm(cell_text(raw)) == student_header:
            return _SKIP
        if by_name:
            return name_key(raw) or ProblemCode.STUDENT_EMPTY
        key, _ = normalise_personal_id(personnummer_text(raw), today)
        return key if key else ProblemCode.PERSONNUMMER_INVALID

    students = _Cache(student)
    days = _Cache(lambda raw: parse_day(raw, context.date_order))
    weeks = _Cache(lambda raw: parse_week(raw, None, school_year=context.school_year))
    week_years = _Cache(lambda pair: parse_week(pair[0], parse_year(pair[1]) if not _blank(pair[1]) else None))
    date_at, week_at, year_at = at.get(Column.DATE), at.get(Column.WEEK), at.get(Column.YEAR)
    granularity = Granularity.DAY if date_at is not None else Granularity.WEEK

    unit = Unit.LESSONS if spec.unit is AmountUnit.LESSONS else Unit.MINUTES
    factor = 60.0 if spec.unit is AmountUnit.HOURS else 1.0
    clock = spec.unit is not AmountUnit.LESSONS

    def amount(raw: object) -> object:
        if _blank(raw):
            return _EMPTY
        if isinstance(raw, (dt.time, dt.timedelta)) or (isinstance(raw, str) and ":" in raw):
            if not clock:
                raise CellError
            return parse_number(raw, clock=True)  # "h:mm" is minutes whatever the unit
        return parse_number(raw, clock=False) * factor

    amounts = _Cache(amount)
    scheduled_at = at[Column.SCHEDULED]
    absent_at, valid_at, invalid_at = at.get(Column.ABSENT), at.get(Column.VALID), at.get(Column.INVALID)
    derived_header = name[Column.INVALID] if invalid_at is not None else name.get(Column.VALID, "")

    def problem(line: int, code: ProblemCode, position: int | None, cells: list | tuple) -> RowProblem:
        if position is None:
            return RowProblem(line, code)
        return RowProblem(line, code, headers[position], cell_text(cells[position])[:60])

    def number(line: int, position: int | None, cells: list | tuple, problems: list[RowProblem]) -> object:
        """The amount in a cell, or CellError after noting its problem; None when the column is not mapped."""
        if position is None:
            return None
        value = amounts(cells[position])
        if value is CellError:
            problems.append(problem(line, ProblemCode.NUMBER_INVALID, position, cells))
        elif value is not _EMPTY and value < 0:
            problems.append(problem(line, ProblemCode.NUMBER_NEGATIVE, position, cells))
            return CellError
        return value

    def period_of(line: int, cells: list | tuple, problems: list[RowProblem]) -> object:
        if date_at is not None:
            period = days(cells[date_at])
            if period is CellError:
                problems.append(problem(line, ProblemCode.DATE_INVALID, date_at, cells))
            return period
        if year_at is None:
            period = weeks(cells[week_at])
        else:
            period = week_years((cells[week_at], cells[year_at]))
            if period is CellError and not _blank(cells[year_at]) and _guard(parse_year, cells[year_at]) is CellError:
                problems.append(problem(line, ProblemCode.WEEK_INVALID, year_at, cells))
                return CellError
        if period is CellError:
            problems.append(problem(line, ProblemCode.WEEK_INVALID, week_at, cells))
        return period

    records: dict[tuple, AttendanceRecord] = {}
    record_get = records.get
    student_get, student_miss = students.get, students.miss
    amount_get, amount_miss = amounts.get, amounts.miss
    day_get, day_miss = days.get, days.miss

    def convert(line: int, cells: list | tuple | None) -> ImportedRow | list[RowProblem] | None:
        if cells is None:
            return [RowProblem(line, ProblemCode.ROW_TOO_SHORT)]
        if len(cells) < need:
            if not any(cells):
                return None  # a blank line
            missing = min(i for i in at.values() if i >= len(cells))
            return [RowProblem(line, ProblemCode.ROW_TOO_SHORT, headers[missing])]
        # The common case, a day row of good cells, goes straight through the caches. Written out, not
        # looped or factored into a helper: it runs once per row, a million times in a big import.
        raw = cells[student_at]
        key = student_get(raw)
        if key is None:
            key = student_miss(raw)
        if key is _SKIP:
            return None
        if date_at is not None:
            raw = cells[date_at]
            period = day_get(raw)
            if period is None:
                period = day_miss(raw)
        else:
            period = CellError
        raw = cells[scheduled_at]
        scheduled = amount_get(raw)
        if scheduled is None:
            scheduled = amount_miss(raw)
        if absent_at is not None:
            raw = cells[absent_at]
            absent = amount_get(raw)
            if absent is None:
                absent = amount_miss(raw)
        else:
            absent = None
        if valid_at is not None:
            raw = cells[valid_at]
            valid = amount_get(raw)
            if valid is None:
                valid = amount_miss(raw)
        else:
            valid = None
        if invalid_at is not None:
            raw = cells[invalid_at]
            invalid = amount_get(raw)
            if invalid is None:
                invalid = amount_miss(raw)
        else:
            invalid = None
        if not (key.__class__ is str and period.__class__ is dt.date and scheduled.__class__ is float
                and scheduled >= 0 and (absent is None or (absent.__class__ is float and absent >= 0))
                and (valid is None or (valid.__class__ is float and valid >= 0))
                and (invalid is None or (invalid.__class__ is float and invalid >= 0))):
            return slow(line, cells)
        return finish(line, cells, key, period, scheduled, absent, valid, invalid)

    def slow(line: int, cells: list | tuple) -> ImportedRow | list[RowProblem] | None:
        """A row with an empty, odd or bad cell: every bad cell's problem, or the row read the careful way."""
        key = students(cells[student_at])
        problems: list[RowProblem] = []
        if key.__class__ is not str:
            if all(_blank(cell) for cell in cells):
                return None  # a row of empty cells (XLSX formatting, ";;;;" lines)
            problems.append(problem(line, key, student_at, cells))  # type: ignore[arg-type]
        period = period_of(line, cells, problems)
        scheduled = number(line, scheduled_at, cells, problems)
        if scheduled is _EMPTY:
            problems.append(problem(line, ProblemCode.NUMBER_INVALID, scheduled_at, cells))
        absent = number(line, absent_at, cells, problems)
        valid = number(line, valid_at, cells, problems)
        invalid = number(line, invalid_at, cells, problems)
        if problems:
            return problems
        return finish(line, cells, key, period, scheduled, 0.0 if absent is _EMPTY else absent,
                      None if valid is _EMPTY else valid, None if invalid is _EMPTY else invalid)

    def finish(line: int, cells: list | tuple, key: str, period: dt.date, scheduled: float, absent: float | None,
               valid: float | None, invalid: float | None) -> ImportedRow | list[RowProblem]:
        parts = (valid or 0.0) + (invalid or 0.0)
        if absent is None:
            absent = parts
            if absent > scheduled + _TOLERANCE:
                return [RowProblem(line, ProblemCode.ABSENCE_OVER_SCHEDULED, derived_header,
                                   cell_text(cells[invalid_at if invalid_at is not None else valid_at])[:60])]
        else:
            if absent > scheduled + _TOLERANCE:
                return [problem(line, ProblemCode.ABSENCE_OVER_SCHEDULED, absent_at, cells)]
            if parts > absent + _TOLERANCE:
                return [problem(line, ProblemCode.PARTS_OVER_ABSENCE, absent_at, cells)]
        shape = (period, scheduled, absent, valid, invalid)
        record = record_get(shape)
        if record is None:
            # Records are frozen, and most rows of a day look alike (scheduled, nothing absent): share them.
            record = AttendanceRecord(period, granularity, scheduled, absent, valid, invalid, unit)
            if len(records) < _CACHE_LIMIT:
                records[shape] = record
        return ImportedRow(line, key, record)

    return convert
