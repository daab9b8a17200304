"""Turning one data row of an export into an ImportedRow, or into the problems of its cells.

This is the hot loop of a million-row import, so each kind of cell goes through
a cache keyed by the raw cell value (a text, or an XLSX number or date): a
school's export repeats the same students, days and amounts all year, so each
distinct value is parsed once. The caches are bounded so a hostile file cannot
grow them without end.

What a row's cells mean (the cell parsers are in ``cells`` and ``amounts``; docs/attendance.md,
"What a row's cells mean", has the examples):

- The student: a personnummer, a name, or (identifier NAME) a first and a last name column, whose key
  is ``name_key(f"{first} {last}")``; those two win over a STUDENT column mapped as well. A blank one of
  them is STUDENT_EMPTY naming that column. A total ("Summa", "Totalt för gruppen") is a
  RowNotice(SUMMARY_SKIPPED), never a student; so is a total word in the day, week or period cell (a
  student's subtotal row, "Summa" where the day would be), and a row with a cell that is only a total label
  ("Summa", "Totalt:", "Delsumma" in any column: a per-lesson export's day sum). A repeated header row is skipped
  (HEADER_CHANGED when a mapped cell of it names another column: the columns below may be in another order), and so is a row whose
  only filled cell is a text that is no student ("Klass 8C", "Grupp: 9A"): it holds no number.
- The period: a day (DATE, read in ``ReadContext.date_order``), an ISO week (WEEK, weeks without a year
  from ``ReadContext.school_year``), or with ``spec.per_period`` the PERIOD_FROM–PERIOD_TO days (both roles
  may map one column holding "a – b"), else ``ReadContext.period``. A period that is exactly one ISO week,
  Monday to Sunday, is stored as a WEEK record (the metrics then treat it like any week); any other as a
  PERIOD record with ``end``.
- Amounts: minutes, hours (× 60) or lessons; under PERCENT the record is a share: scheduled 100 (a
  SCHEDULED column is not read), absent and the parts the percentages, unit PERCENT.
- KIND: the row's ABSENT amount is all valid ("Giltig") or all invalid ("Ogiltig"): valid = absent and
  invalid = 0, or the other way round; a blank kind leaves both unknown. The store sums the rows of one
  student and period, and an unknown part makes the sum unknown, so a day with one "Giltig" row and one
  blank row ends with its absence right and its valid and invalid parts unknown, never too small.
- A row with a filled cell after the header row's last column is ROW_TOO_LONG: its cells may be shifted
  (a comma-separated file with a decimal comma not in quotes reads "5,5" as the cells "5" and "5").
- Rounding: absence over scheduled time, or valid + invalid over absence, is refused only beyond what the
  cells' own written precision allows (``amounts.slack``: "0,17 + 0,67" against "0,83" hours is fine,
  "0,25 + 0,67" against "0,83" is not). The numbers are stored as written; the metrics clamp them. Only a row
  that fails the exact check pays for this.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from sst_desk.workflow.attendance import AttendanceRecord, Granularity, Unit
from sst_desk.workflow.identity import normalise_personal_id

from sst_desk.importers.amounts import (
    INVALID,
    PRESENT,
    VALID,
    PercentError,
    is_group,
    is_total,
    parse_kind,
    parse_lessons,
    parse_percent,
    period_day,
    refuse_percent,
    slack,
)
from sst_desk.importers.attendance_spec import (
    AmountUnit,
    Column,
    IdentifierKind,
    ImportedRow,
    MappingSpec,
    NoticeCode,
    ProblemCode,
    ReadContext,
    RowNotice,
    RowProblem,
)
from sst_desk.importers.cells import (
    CellError,
    cell_text,
    is_duration_words,
    name_key,
    parse_day,
    parse_number,
    parse_week,
    parse_year,
    personnummer_text,
)
from sst_desk.importers.headers import norm

_CACHE_LIMIT = 50_000
_DASHES = frozenset({"-", "\u2013", "\u2014"})  # an amount written as a dash: no value, as an empty cell
# A cell holding only a total label marks a subtotal row wherever it stands ("Summa" in the lesson column of a
# per-lesson export: the day's sum, which would be added to the day's lessons and double it). Whole cells
# only, checked on every row in C (set.isdisjoint): a note "Totalt borta" or a kind "Total" is not one.
_TOTAL_CELLS = frozenset(word for base in ("summa", "totalt", "delsumma", "dagsumma", "veckosumma", "summa dag",
                                           "summa vecka", "summa elev", "totalsumma")
                         for form in (base, base.capitalize(), base.upper())
                         for word in (form, form + ":"))
_TOLERANCE = 0.001  # float noise; beyond it only the cells' written precision (amounts.slack) is tolerated
_EMPTY = object()  # an empty amount cell: what it means depends on the column
_SKIP = object()  # a repeated header row inside the data (exports paged for print)
_TOTAL = object()  # a "Summa"/"Totalt" row
_PERCENT_BAD = object()  # an amount cell refused as PERCENT_INVALID
_UNCLASSIFIED = object()  # a blank KIND cell (None cannot be cached: it means "not in the cache")

Converter = Callable[[int, "list | tuple"], "ImportedRow | list[RowProblem] | RowNotice | None"]


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


def _roles(spec: MappingSpec) -> dict[Column, str]:
    """The mapped roles this converter reads: what the identifier, the unit and per_period leave out is dropped."""
    cols = {role: header for role, header in spec.columns.items() if header and header.strip()}
    if spec.identifier is IdentifierKind.NAME and Column.FIRST_NAME in cols and Column.LAST_NAME in cols:
        cols.pop(Column.STUDENT, None)
    else:
        cols.pop(Column.FIRST_NAME, None)
        cols.pop(Column.LAST_NAME, None)
    if spec.unit is AmountUnit.PERCENT:
        cols.pop(Column.SCHEDULED, None)  # a share of the period: scheduled is 100 by definition
    if spec.per_period:
        for role in (Column.DATE, Column.WEEK, Column.YEAR):
            cols.pop(role, None)
    else:
        cols.pop(Column.PERIOD_FROM, None)
        cols.pop(Column.PERIOD_TO, None)
    if Column.DATE in cols:  # DATE wins over WEEK
        cols.pop(Column.WEEK, None)
        cols.pop(Column.YEAR, None)
    return cols


def make_converter(spec: MappingSpec, headers: list[str], today: dt.date,
                   context: ReadContext | None = None) -> Converter:
    """A function (line, cells) -> ImportedRow, a list of problems, a RowNotice, or None for a row to skip."""
    context = context or ReadContext()
    order = context.date_order  # the enum itself: cells.parse_day may compare by identity
    index = {}
    for position, header in enumerate(headers):
        index.setdefault(norm(header), position)
    cols = _roles(spec)
    at = {role: index[norm(header)] for role, header in cols.items()}
    need = max(at.values()) + 1
    width = len(headers)
    name = {role: headers[i] for role, i in at.items()}

    by_name = spec.identifier is IdentifierKind.NAME
    student_at = at.get(Column.STUDENT)
    first_at, last_at = at.get(Column.FIRST_NAME), at.get(Column.LAST_NAME)

    def student(raw: object) -> object:
        if _blank(raw):
            return ProblemCode.STUDENT_EMPTY
        if norm(cell_text(raw)) == norm(headers[student_at]):
            return _SKIP
        if is_total(raw):
            return _TOTAL
        if by_name:
            return name_key(raw) or ProblemCode.STUDENT_EMPTY
        key, _ = normalise_personal_id(personnummer_text(raw), today)
        return key if key else ProblemCode.PERSONNUMMER_INVALID

    def student_pair(pair: tuple) -> object:
        first, last = pair
        if norm(cell_text(first)) == norm(headers[first_at]) and norm(cell_text(last)) == norm(headers[last_at]):
            return _SKIP
        if (is_total(first) and (_blank(last) or is_total(last))) or (is_total(last) and _blank(first)):
            return _TOTAL
        if _blank(first):
            return ProblemCode.STUDENT_EMPTY
        if _blank(last):
            return ProblemCode.ROW_TOO_SHORT  # a marker for "the last name is blank"; reported as STUDENT_EMPTY
        return name_key(f"{cell_text(first)} {cell_text(last)}") or ProblemCode.STUDENT_EMPTY

    students = _Cache(student if student_at is not None else student_pair)

    days = _Cache(lambda raw: parse_day(raw, order))
    weeks = _Cache(lambda raw: parse_week(raw, None, school_year=context.school_year))
    week_years = _Cache(lambda pair: parse_week(pair[0], parse_year(pair[1]) if not _blank(pair[1]) else None,
                                                school_year=context.school_year))
    date_at, week_at, year_at = at.get(Column.DATE), at.get(Column.WEEK), at.get(Column.YEAR)
    from_at, to_at = at.get(Column.PERIOD_FROM), at.get(Column.PERIOD_TO)
    from_at, to_at = (from_at if from_at is not None else to_at), (to_at if to_at is not None else from_at)
    froms = _Cache(lambda raw: period_day(raw, order, last=False))
    tos = _Cache(lambda raw: period_day(raw, order, last=True))
    per_period = spec.per_period
    granularity = Granularity.DAY if date_at is not None else Granularity.WEEK

    percent = spec.unit is AmountUnit.PERCENT
    lessons = spec.unit is AmountUnit.LESSONS
    unit = Unit.PERCENT if percent else Unit.LESSONS if lessons else Unit.MINUTES
    factor = 60.0 if spec.unit is AmountUnit.HOURS else 1.0

    def amount(raw: object) -> object:
        if _blank(raw) or (isinstance(raw, str) and raw.strip() in _DASHES):
            return _EMPTY  # "-" is how many reports write "none": the same as an empty cell
        try:
            if percent:
                return parse_percent(raw)
            if lessons:
                if isinstance(raw, (dt.time, dt.timedelta)) or (isinstance(raw, str) and ":" in raw) \
                        or is_duration_words(raw):
                    raise CellError
                return parse_lessons(raw)
            refuse_percent(raw)
        except PercentError:
            return _PERCENT_BAD
        if isinstance(raw, (dt.time, dt.timedelta)) or (isinstance(raw, str) and ":" in raw) \
                or is_duration_words(raw):
            return parse_number(raw, clock=True)  # "h:mm", "2 h 30 min" are minutes whatever the unit
        return parse_number(raw, clock=False) * factor

    amounts = _Cache(amount)
    scheduled_at = at.get(Column.SCHEDULED)
    absent_at, valid_at, invalid_at = at.get(Column.ABSENT), at.get(Column.VALID), at.get(Column.INVALID)
    derived_header = name[Column.INVALID] if invalid_at is not None else name.get(Column.VALID, "")
    kind_at = at.get(Column.KIND)
    kinds = _Cache(lambda raw: parse_kind(raw) or _UNCLASSIFIED)

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
        elif value is _PERCENT_BAD:
            problems.append(problem(line, ProblemCode.PERCENT_INVALID, position, cells))
            return CellError
        elif value is not _EMPTY and value < 0:
            problems.append(problem(line, ProblemCode.NUMBER_NEGATIVE, position, cells))
            return CellError
        return value

    def period_of(line: int, cells: list | tuple, problems: list[RowProblem]) -> object:
        if per_period:
            return span_of(line, cells, problems)
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

    def span_of(line: int, cells: list | tuple, problems: list[RowProblem]) -> object:
        """A per-period row's (start, granularity, end): WEEK for exactly one ISO week, else PERIOD."""
        if from_at is None:
            if context.period is None:
                problems.append(RowProblem(line, ProblemCode.PERIOD_UNKNOWN))
                return CellError
            first, last = context.period
        else:
            first, last = froms(cells[from_at]), tos(cells[to_at])
            if first is CellError or last is CellError:
                problems.append(problem(line, ProblemCode.PERIOD_INVALID, from_at if first is CellError else to_at,
                                        cells))
                return CellError
        if last < first:
            problems.append(problem(line, ProblemCode.PERIOD_INVALID, to_at, cells))
            return CellError
        if first.weekday() == 0 and last - first == dt.timedelta(days=6):
            return first, Granularity.WEEK, None
        return first, Granularity.PERIOD, last

    def kind_parts(line: int, cells: list | tuple, absent: object, problems: list[RowProblem]) -> tuple:
        kind = kinds(cells[kind_at])
        if kind is CellError:
            problems.append(problem(line, ProblemCode.KIND_INVALID, kind_at, cells))
            return None, None
        if absent.__class__ is not float:
            return None, None
        if kind is VALID:
            return absent, 0.0
        if kind is INVALID:
            return 0.0, absent
        if kind is PRESENT:
            if absent:  # "Närvarande" and minutes of absence: one of them is wrong
                problems.append(problem(line, ProblemCode.KIND_INVALID, kind_at, cells))
                return None, None
            return 0.0, 0.0
        return None, None

    records: dict[tuple, AttendanceRecord] = {}
    record_get = records.get
    student_get, student_miss = students.get, students.miss
    amount_get, amount_miss = amounts.get, amounts.miss
    day_get, day_miss = days.get, days.miss
    kind_get, kind_miss = kinds.get, kinds.miss
    pair = student_at is None

    def convert(line: int, cells: list | tuple | None) -> ImportedRow | list[RowProblem] | RowNotice | None:
        if cells is None:
            return [RowProblem(line, ProblemCode.ROW_TOO_SHORT)]
        if len(cells) < need:
            if not any(cells):
                return None  # a blank line
            filled = [cell for cell in cells if not _blank(cell)]
            if len(filled) == 1 and is_total(filled[0]):
                return total_notice(line, cells)
            if len(filled) == 1 and is_group(filled[0]):
                return None  # "Klass 8C" alone on a line; any other short row may be a file cut short
            missing = min(i for i in at.values() if i >= len(cells))
            return [RowProblem(line, ProblemCode.ROW_TOO_SHORT, headers[missing])]
        if len(cells) > width:
            extra = next((i for i in range(width, len(cells)) if not _blank(cells[i])), None)
            if extra is not None:  # a cell the header does not name: the row's cells may be shifted
                return [RowProblem(line, ProblemCode.ROW_TOO_LONG, "", cell_text(cells[extra])[:60])]
        if not _TOTAL_CELLS.isdisjoint(cells):
            return total_notice(line, cells)
        # The common case, a day row of good cells, goes straight through the caches. Written out, not
        # looped or factored into a helper: it runs once per row, a million times in a big import.
        raw = (cells[first_at], cells[last_at]) if pair else cells[student_at]
        key = student_get(raw)
        if key is None:
            key = student_miss(raw)
        if key is _SKIP:
            return repeated_header(line, cells)
        if date_at is not None:
            raw = cells[date_at]
            period = day_get(raw)
            if period is None:
                period = day_miss(raw)
        else:
            period = CellError
        if scheduled_at is not None:
            raw = cells[scheduled_at]
            scheduled = amount_get(raw)
            if scheduled is None:
                scheduled = amount_miss(raw)
        else:
            scheduled = 100.0
        if absent_at is not None:
            raw = cells[absent_at]
            absent = amount_get(raw)
            if absent is None:
                absent = amount_miss(raw)
        else:
            absent = None
        if kind_at is not None:
            raw = cells[kind_at]
            kind = kind_get(raw)
            if kind is None:
                kind = kind_miss(raw)
            if kind is VALID:
                valid, invalid = absent, 0.0
            elif kind is INVALID:
                valid, invalid = 0.0, absent
            elif kind is _UNCLASSIFIED:
                valid = invalid = None
            elif kind is PRESENT and absent == 0.0:
                valid = invalid = 0.0
            else:
                return slow(line, cells)
        else:
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

    def student_problem(line: int, key: object, cells: list | tuple) -> RowProblem | RowNotice:
        if key is _TOTAL:
            if pair:
                position = first_at if is_total(cells[first_at]) else last_at
            else:
                position = student_at
            return RowNotice(line, NoticeCode.SUMMARY_SKIPPED, headers[position], cell_text(cells[position])[:60])
        if pair:
            if key is ProblemCode.ROW_TOO_SHORT:  # student_pair's marker: the last name is blank
                return problem(line, ProblemCode.STUDENT_EMPTY, last_at, cells)
            return problem(line, key, first_at, cells)  # type: ignore[arg-type]
        return problem(line, key, student_at, cells)  # type: ignore[arg-type]

    header_keys = {position: norm(headers[position]) for position in set(at.values())}

    def repeated_header(line: int, cells: list | tuple) -> list[RowProblem] | None:
        """A header row again inside the data: skipped when its mapped cells name the same columns (blank ones
        allowed: a page header may be partial); a different name means the columns below may be in another
        order (two exports pasted together), so the row is refused, never read with the first header."""
        for position, key in header_keys.items():
            cell = cells[position]
            if not _blank(cell) and norm(cell_text(cell)) != key:
                return [RowProblem(line, ProblemCode.HEADER_CHANGED, headers[position], cell_text(cell)[:60])]
        return None

    def total_notice(line: int, cells: list | tuple) -> RowNotice:
        position = next(i for i, cell in enumerate(cells) if is_total(cell) or cell in _TOTAL_CELLS)
        return RowNotice(line, NoticeCode.SUMMARY_SKIPPED, headers[position] if position < len(headers) else "",
                         cell_text(cells[position])[:60])

    def slow(line: int, cells: list | tuple) -> ImportedRow | list[RowProblem] | RowNotice | None:
        """A row with an empty, odd or bad cell: every bad cell's problem, or the row read the careful way."""
        filled = [cell for cell in cells if not _blank(cell)]
        if not filled:
            return None  # a row of empty cells (XLSX formatting, ";;;;" lines)
        key = students((cells[first_at], cells[last_at]) if pair else cells[student_at])
        if key is _SKIP:
            return repeated_header(line, cells)
        if key is _TOTAL:
            return student_problem(line, key, cells)
        if key.__class__ is not str and any(is_total(cell) for cell in filled):
            return total_notice(line, cells)  # "Summa" beside a blank student cell
        if len(filled) == 1 and isinstance(filled[0], str) and (by_name or key.__class__ is not str):
            return None  # a group row ("Klass 8C", "Grupp: 9A"): one text, no number to import
        when_at = from_at if per_period else date_at if date_at is not None else week_at
        if when_at is not None and is_total(cells[when_at]):  # a student's subtotal: "Summa" where the day is
            return RowNotice(line, NoticeCode.SUMMARY_SKIPPED, headers[when_at], cell_text(cells[when_at])[:60])
        problems: list[RowProblem] = []
        if key.__class__ is not str:
            problems.append(student_problem(line, key, cells))  # type: ignore[arg-type]
        period = period_of(line, cells, problems)
        if scheduled_at is None:
            scheduled = 100.0
        else:
            scheduled = number(line, scheduled_at, cells, problems)
            if scheduled is _EMPTY:
                problems.append(problem(line, ProblemCode.NUMBER_INVALID, scheduled_at, cells))
        absent = number(line, absent_at, cells, problems)
        if absent is _EMPTY:
            absent = 0.0
        if kind_at is not None:
            valid, invalid = kind_parts(line, cells, absent, problems)
        else:
            valid = number(line, valid_at, cells, problems)
            invalid = number(line, invalid_at, cells, problems)
        if problems:
            return problems
        valid = None if valid is _EMPTY else valid
        invalid = None if invalid is _EMPTY else invalid
        if per_period:
            start, gran, end = period
            return finish(line, cells, key, start, scheduled, absent, valid, invalid, gran, end)
        return finish(line, cells, key, period, scheduled, absent, valid, invalid)

    def slack_of(cells: list | tuple, *positions: int | None) -> float:
        """The rounding the written cells allow together (slow: only for a row that fails the exact check)."""
        return sum(slack(cells[p], factor, lessons) for p in positions if p is not None)

    def finish(line: int, cells: list | tuple, key: str, period: dt.date, scheduled: float, absent: float | None,
               valid: float | None, invalid: float | None, gran: Granularity = granularity,
               end: dt.date | None = None) -> ImportedRow | list[RowProblem]:
        parts = (valid or 0.0) + (invalid or 0.0)
        if absent is None:
            absent = parts
            if absent > scheduled + _TOLERANCE and absent > scheduled + slack_of(
                    cells, valid_at, invalid_at, scheduled_at) + _TOLERANCE:
                return [RowProblem(line, ProblemCode.ABSENCE_OVER_SCHEDULED, derived_header,
                                   cell_text(cells[invalid_at if invalid_at is not None else valid_at])[:60])]
        else:
            if absent > scheduled + _TOLERANCE and absent > scheduled + slack_of(
                    cells, absent_at, scheduled_at) + _TOLERANCE:
                return [problem(line, ProblemCode.ABSENCE_OVER_SCHEDULED, absent_at, cells)]
            if parts > absent + _TOLERANCE and parts > absent + slack_of(
                    cells, absent_at, None if kind_at is not None else valid_at,
                    None if kind_at is not None else invalid_at) + _TOLERANCE:
                return [problem(line, ProblemCode.PARTS_OVER_ABSENCE, absent_at, cells)]
        shape = (period, scheduled, absent, valid, invalid, gran, end)
        record = record_get(shape)
        if record is None:
            # Records are frozen, and most rows of a day look alike (scheduled, nothing absent): share them.
            record = AttendanceRecord(period, gran, scheduled, absent, valid, invalid, unit, end)
            if len(records) < _CACHE_LIMIT:
                records[shape] = record
        return ImportedRow(line, key, record)

    return convert
