"""Reading a school's attendance export (CSV or XLSX) with a saved MappingSpec: the importers' public API.

``open_table`` opens a file for the mapping dialog's preview; ``suggest_columns``
and ``check_spec`` help map it; ``read_rows`` streams the file's good rows, its problems
and its notices, line by line, for the persistence layer to store. No Qt, no database.

``read_rows`` decides, in this order (docs/attendance.md, "How a file's dates are read"):

1. the header row, from the first rows (kept, so a CSV is read once) — the rows above it are the
   title rows;
2. the whole-file ReadContext (``_settle``, rules in ``file_context``): the day/month order of
   "a/b/yyyy" dates — from the first rows when a day or month over 12 settles it, else from a light
   second pass over the date columns of the whole file (ISO files never pay for it), else the
   person's answer (``ImportOptions.date_order``), else DATE_ORDER_AMBIGUOUS; the school year of
   weeks written without a year (WEEK_YEAR_UNKNOWN when nothing says); a per-period file's period
   (PERIOD_UNKNOWN);
3. each row through the converter (``attendance_rows``), then, on the converted row: an exact copy of
   an earlier row (DUPLICATE_ROW, or DUPLICATE_SKIPPED with ``skip_duplicates``) — blank, header,
   group and summa rows are skipped before and never count as copies; a week without a year outside
   the term or period the title names (WEEK_INVALID); a record starting after today
   (FUTURE_SKIPPED, not yielded); a day record with scheduled time on a weekend or a shared holiday
   (WEEKEND / HOLIDAY notices after the row, which is still yielded).

An exact copy means every cell equal, unmapped columns included: an export per lesson whose rows
differ only in a lesson column is not copied rows; one without any such column (the same student,
day and minutes twice) is refused as copies, and skipping them then is the person's decision.
"""

from __future__ import annotations

import datetime as dt
import itertools
import zlib
from array import array
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from sst_desk.importers import attendance_spec
from sst_desk.importers.attendance_rows import make_converter
from sst_desk.workflow.attendance import Granularity

from sst_desk.importers.attendance_spec import (
    AmountUnit,
    Column,
    DateOrder,
    IdentifierKind,
    ImportedRow,
    ImportOptions,
    MappingSpec,
    NoticeCode,
    ProblemCode,
    Progress,
    ReadContext,
    RowNotice,
    RowProblem,
)
from sst_desk.importers.calendar_sv import shared_holiday
from sst_desk.importers.cells import CellError, cell_text, parse_day, week_without_year
from sst_desk.importers.file_context import (
    date_tokens,
    has_slash_dates,
    order_evidence,
    settle_date_order,
    settle_period,
    settle_school_year,
)
from sst_desk.importers.headers import (
    SEARCH_ROWS,
    combined_headers,
    find_header_index,
    guess_header_index,
    header_units,
    norm,
    suggest_columns,
)
from sst_desk.importers.tables import (
    ImportCancelled,
    ImportFileError,
    TableFile,
    ends_with_newline,
    file_error,
    open_rows,
    open_table,
)

__all__ = [
    "ImportCancelled", "ImportFileError", "TableFile", "check_spec", "open_table", "read_rows", "suggest_columns",
]

EVERY = 5_000  # rows between progress reports and cancellation checks
crc32 = zlib.crc32


class SeenRows:
    """The rows seen so far, without keeping them: per distinct row its Python hash, a CRC-32 of its bytes
    and the line it first appeared on, 16 bytes in flat arrays (open addressing, linear probing).

    A Python dict of the same (a Python int per key and per value) took ~115 MB for a million rows; these
    arrays take 32 MB (48 MB while doubling). A match needs the 64-bit hash and the CRC-32 to agree: a chance
    false copy among a million rows is ~1e-17, where Python's hash alone would give ~1e-8.
    """

    def __init__(self, bits: int = 12) -> None:
        self._make(bits)
        self._count = 0

    def _make(self, bits: int) -> None:
        self._mask = (1 << bits) - 1
        self._hashes = array("q", [0]) * (1 << bits)  # 0: an empty slot (a hash of 0 is stored as 1)
        self._checks = array("I", [0]) * (1 << bits)  # "I": 4 bytes (a CRC-32; a line below 2**32)
        self._lines = array("I", [0]) * (1 << bits)

    def first(self, key: int, check: int, line: int) -> int:
        """The line of an earlier row with this hash and check, or 0 after remembering this row at ``line``."""
        key = key or 1
        hashes, mask = self._hashes, self._mask
        slot = key & mask
        while True:
            found = hashes[slot]
            if found == 0:
                break
            if found == key and self._checks[slot] == check:
                return self._lines[slot]
            slot = (slot + 1) & mask
        hashes[slot] = key
        self._checks[slot] = check
        self._lines[slot] = line
        self._count += 1
        if self._count * 2 > mask:
            self._grow()
        return 0

    def _grow(self) -> None:
        old = (self._hashes, self._checks, self._lines)
        self._make(self._mask.bit_length() + 1)
        hashes, checks, lines, mask = self._hashes, self._checks, self._lines, self._mask
        for key, check, line in zip(*old):
            if key:
                slot = key & mask
                while hashes[slot]:
                    slot = (slot + 1) & mask
                hashes[slot], checks[slot], lines[slot] = key, check, line
_AMOUNTS = (Column.ABSENT, Column.VALID, Column.INVALID)


def check_spec(spec: MappingSpec, headers: list[str]) -> list[RowProblem]:
    """The mapping's problems against a file's header texts, all on line 0.

    COLUMN_NOT_MAPPED names the role in ``column``: "student" (with identifier NAME, a first and a last
    name column may stand for it; one of them alone names the other); "date" for DATE or WEEK, unless
    ``per_period``, where PERIOD_FROM and PERIOD_TO go together ("period_from"/"period_to" for the
    missing one; neither: the period comes from the title rows or the person); "scheduled", unless
    the unit is PERCENT; "absent" for any of ABSENT, VALID, INVALID — and ABSENT itself when KIND is
    mapped (the kind says what the absence is). COLUMN_CONFLICT names KIND when VALID or INVALID are
    mapped too (the row would say it twice). UNIT_MISMATCH names a read amount column whose header names
    units ("(h)", "(min)", "%", "lektioner"; ``headers.header_units``) of which the mapping's unit is none,
    the named units in ``value``. COLUMN_MISSING names the header text; COLUMN_AMBIGUOUS a header text that
    two or more columns have (the converter would read the first, whichever was meant).
    """
    mapped = {role: header for role, header in spec.columns.items() if header and header.strip()}
    problems = []
    names = spec.identifier is IdentifierKind.NAME and (Column.FIRST_NAME in mapped or Column.LAST_NAME in mapped)
    if names and Column.STUDENT not in mapped:
        for role, other in ((Column.FIRST_NAME, Column.LAST_NAME), (Column.LAST_NAME, Column.FIRST_NAME)):
            if role in mapped and other not in mapped:
                problems.append(RowProblem(0, ProblemCode.COLUMN_NOT_MAPPED, other.value))
    elif Column.STUDENT not in mapped:
        problems.append(RowProblem(0, ProblemCode.COLUMN_NOT_MAPPED, Column.STUDENT.value))
    if spec.per_period:
        if (Column.PERIOD_FROM in mapped) != (Column.PERIOD_TO in mapped):
            missing = Column.PERIOD_TO if Column.PERIOD_FROM in mapped else Column.PERIOD_FROM
            problems.append(RowProblem(0, ProblemCode.COLUMN_NOT_MAPPED, missing.value))
    elif Column.DATE not in mapped and Column.WEEK not in mapped:
        problems.append(RowProblem(0, ProblemCode.COLUMN_NOT_MAPPED, Column.DATE.value))
    if Column.SCHEDULED not in mapped and spec.unit is not AmountUnit.PERCENT:
        problems.append(RowProblem(0, ProblemCode.COLUMN_NOT_MAPPED, Column.SCHEDULED.value))
    if Column.KIND in mapped:
        if Column.ABSENT not in mapped:
            problems.append(RowProblem(0, ProblemCode.COLUMN_NOT_MAPPED, Column.ABSENT.value))
        if Column.VALID in mapped or Column.INVALID in mapped:
            problems.append(RowProblem(0, ProblemCode.COLUMN_CONFLICT, Column.KIND.value))
    elif not any(role in mapped for role in _AMOUNTS):
        problems.append(RowProblem(0, ProblemCode.COLUMN_NOT_MAPPED, Column.ABSENT.value))
    read = _AMOUNTS if spec.unit is AmountUnit.PERCENT else (Column.SCHEDULED, *_AMOUNTS)  # PERCENT: no SCHEDULED
    for role in read:
        # "Frånvaro (h)" counted as minutes, "Frånvaro (%)" as minutes: every number a silent other figure
        named = header_units(mapped[role]) if role in mapped else set()
        if named and spec.unit not in named:
            problems.append(RowProblem(0, ProblemCode.UNIT_MISMATCH, mapped[role][:60],
                                       "/".join(sorted(unit.value for unit in named))))
    present = Counter(norm(header) for header in headers)
    reported = set()
    for role in Column:  # in the roles' order, so the problems come in a stable order
        if role in mapped and present[norm(mapped[role])] != 1 and norm(mapped[role]) not in reported:
            reported.add(norm(mapped[role]))  # PERIOD_FROM and PERIOD_TO may share a column: named once
            code = ProblemCode.COLUMN_AMBIGUOUS if present[norm(mapped[role])] else ProblemCode.COLUMN_MISSING
            problems.append(RowProblem(0, code, mapped[role][:60]))
    return problems


def read_rows(path: Path, spec: MappingSpec, *, options: ImportOptions | None = None,
              progress: Callable[[Progress], None] | None = None, cancelled: Callable[[], bool] | None = None,
              today: dt.date | None = None) -> Iterator[ImportedRow | RowProblem | RowNotice]:
    """Stream the export's good rows, problems and notices in file order; keep going after a bad row.

    Raises ImportFileError when the file as a whole cannot be read (unreadable, empty,
    no header, the mapping does not fit it, truncated — possibly after rows were
    yielded: the caller should store nothing then) or when a whole-file question is open
    (DATE_ORDER_AMBIGUOUS/MIXED, WEEK_YEAR_UNKNOWN, PERIOD_UNKNOWN: ``options`` answers the first three)
    and ImportCancelled when ``cancelled()`` turns true (checked every 5,000 rows). ``progress`` gets bytes
    (CSV) or rows (XLSX) every 5,000 rows and once at the end; a total of 0 means unknown.
    """
    unmapped = [p for p in check_spec(spec, []) if p.code is ProblemCode.COLUMN_NOT_MAPPED]
    if unmapped:
        raise ImportFileError(unmapped[0], unmapped)
    table = open_table(Path(path), spec.sheet)
    rows = open_rows(table)
    try:
        yield from _read(table, rows, spec, options or ImportOptions(), progress, cancelled,
                         today or attendance_spec.today())
    finally:
        rows.close()


def _read(table: TableFile, rows, spec: MappingSpec, options: ImportOptions, progress, cancelled, today: dt.date):
    stream = iter(rows)
    # The header is looked for in the first rows; they are kept, so the file is read once.
    limit = max(SEARCH_ROWS, spec.header_row or 0) + 3
    head: list[tuple[int, list | tuple | None]] = []
    for line, cells in stream:
        head.append((line, cells))
        if len(head) >= limit:
            break
    texts = [[cell_text(c) for c in cells or ()] for _, cells in head]
    if not any(any(row) for row in texts):
        raise file_error(ProblemCode.FILE_EMPTY)
    index = _header_index(spec, [line for line, _ in head], texts)
    headers = combined_headers(texts, index)
    problems = check_spec(spec, headers)
    if problems:
        raise ImportFileError(problems[0], problems)
    context, week_window = _settle(table, spec, options, headers, texts[:index], head[index + 1:], cancelled, today)
    convert = make_converter(spec, headers, today, context)
    positions = _positions(spec, headers)
    date_header = headers[positions[Column.DATE]] if Column.DATE in positions else ""
    week_at = positions.get(Column.WEEK) if Column.DATE not in positions and Column.YEAR not in positions else None
    week_header = headers[week_at] if week_at is not None else ""
    yearless: dict[object, bool] = {}
    flags: dict[dt.date, NoticeCode | None] = {}
    seen_first = SeenRows().first
    text_rows = table.kind == "csv"
    skip_duplicates = options.skip_duplicates

    done = 0
    pending: RowProblem | None = None  # a short last row, perhaps a file cut mid-row: decided at the end

    for line, cells in itertools.chain(head[index + 1:], stream):
        done += 1
        if done % EVERY == 0:
            if cancelled is not None and cancelled():
                raise ImportCancelled()
            if progress is not None:
                progress(Progress(rows.position(), rows.total))
        result = convert(line, cells)
        if result is None:
            continue
        if pending is not None:
            yield pending
            pending = None
        if result.__class__ is RowNotice:
            yield result  # a "Summa"/"Totalt" row: not a student, and not a duplicate either
            continue
        if cells is not None:
            # An exact copy of an earlier row: every cell, mapped or not, equal (see SeenRows).
            data = "\x1f".join(cells) if text_rows else repr(tuple(cells))
            first = seen_first(hash(data), crc32(data.encode("utf-8", "surrogatepass")), line)
            if first:
                if skip_duplicates:
                    yield RowNotice(line, NoticeCode.DUPLICATE_SKIPPED, other_line=first)
                else:
                    yield RowProblem(line, ProblemCode.DUPLICATE_ROW, value=str(first))
                continue
        if result.__class__ is ImportedRow:
            record = result.record
            start = record.period_start
            if week_window is not None and record.granularity is Granularity.WEEK:
                # A week without a year outside the term or period the title names: a problem, not a guess.
                raw = cells[week_at]
                bare = yearless.get(raw)
                if bare is None:
                    bare = yearless[raw] = week_without_year(raw)
                if bare and not (start <= week_window[1] and start + dt.timedelta(days=6) >= week_window[0]):
                    yield RowProblem(line, ProblemCode.WEEK_INVALID, headers[week_at], cell_text(raw)[:60])
                    continue
            if start > today:
                yield RowNotice(line, NoticeCode.FUTURE_SKIPPED, date_header or week_header, start.isoformat())
                continue
            if record.scheduled > 0 and record.granularity is Granularity.DAY:
                flag = flags.get(start, False)
                if flag is False:
                    flag = flags[start] = _calendar_flag(start)
                if flag is not None:
                    yield result
                    yield RowNotice(line, flag, date_header, start.isoformat())
                    continue
            yield result
        elif len(result) == 1 and result[0].code is ProblemCode.ROW_TOO_SHORT and table.kind == "csv":
            pending = result[0]
        else:
            yield from result
    if pending is not None:
        if not ends_with_newline(table.path):
            raise file_error(ProblemCode.FILE_TRUNCATED, line=pending.line)
        yield pending
    if progress is not None:
        end = rows.total or rows.position()  # an XLSX written without a dimension tag has no known total (0)
        progress(Progress(end, end))


def _calendar_flag(day: dt.date) -> NoticeCode | None:
    if day.weekday() >= 5:
        return NoticeCode.WEEKEND
    return NoticeCode.HOLIDAY if shared_holiday(day) else None


def _positions(spec: MappingSpec, headers: list[str]) -> dict[Column, int]:
    """Where each mapped role's column is (the first column of that header text, as the converter takes it)."""
    index: dict[str, int] = {}
    for position, header in enumerate(headers):
        index.setdefault(norm(header), position)
    return {role: index[norm(header)] for role, header in spec.columns.items()
            if header and header.strip() and norm(header) in index}


_DATE_ROLES = (Column.DATE, Column.PERIOD_FROM, Column.PERIOD_TO)


def _settle(table: TableFile, spec: MappingSpec, options: ImportOptions, headers: list[str],
            titles: list[list[str]], data: list[tuple[int, list | tuple | None]], cancelled, today: dt.date,
            ) -> tuple[ReadContext, tuple[dt.date, dt.date] | None]:
    """The ReadContext of the whole file, and the days bare weeks must touch (see file_context)."""
    positions = _positions(spec, headers)
    date_columns = [positions[role] for role in _DATE_ROLES if role in positions]
    values = _text_values(data, date_columns) | set(date_tokens(titles))
    if options.date_order is not None:
        order = options.date_order  # the person's answer; dates it cannot read are DATE_INVALID rows
    elif has_slash_dates(values):
        day_first, month_first, _ = order_evidence(values)
        if not (day_first or month_first):
            # The first rows hold no day or month over 12: look at every date of the file before any
            # decision, calendar clues included (only now — ISO files never pay for this second pass).
            values |= _scan_dates(table, date_columns, cancelled)
        order = settle_date_order(sorted(values), today)
    else:
        order = DateOrder.DMY

    school_year = window = None
    week_at = positions.get(Column.WEEK)
    if (Column.DATE not in positions and Column.YEAR not in positions and week_at is not None
            and any(cells is not None and len(cells) > week_at and week_without_year(cells[week_at])
                    for _, cells in data)):
        days = []
        for value in _text_values(data, [positions[r] for r in _DATE_ROLES[1:] if r in positions]):
            try:
                days.append(parse_day(value, order))
            except CellError:
                continue
        school_year, window = settle_school_year(titles, order, days, options.school_year)
    elif options.school_year is not None:
        school_year = options.school_year

    period = None
    if spec.per_period and not (Column.PERIOD_FROM in positions and Column.PERIOD_TO in positions):
        period = settle_period(titles, order, options.period)
    return ReadContext(order, school_year, period), window


def _text_values(data: list[tuple[int, list | tuple | None]], columns: list[int]) -> set[str]:
    values: set[str] = set()
    for _, cells in data:
        for position in columns:
            if cells is not None and position < len(cells):
                value = cells[position]
                if isinstance(value, str) and value.strip():
                    values.add(value.strip())
    return values


_SCAN_DISTINCT = 200_000  # distinct date texts kept by the scan (a school year has ~200 days; a cap for hostile files)


def _scan_dates(table: TableFile, columns: list[int], cancelled) -> set[str]:
    """The distinct texts of the date columns over the whole file (a second, light pass)."""
    values: set[str] = set()
    add = values.add
    rows = open_rows(table)
    try:
        for done, (_, cells) in enumerate(rows, start=1):
            if done % EVERY == 0 and cancelled is not None and cancelled():
                raise ImportCancelled()
            if cells is None:
                continue
            for position in columns:
                if position < len(cells):
                    value = cells[position]
                    if value.__class__ is str:
                        add(value.strip())
            if len(values) > _SCAN_DISTINCT:
                break
    finally:
        rows.close()
    return values


def _header_index(spec: MappingSpec, lines: list[int], texts: list[list[str]]) -> int:
    if spec.header_row is not None:
        if spec.header_row not in lines:
            raise file_error(ProblemCode.NO_HEADER, str(spec.header_row))
        return lines.index(spec.header_row)
    wanted = {norm(header) for header in spec.columns.values() if header and header.strip()}
    index = find_header_index(texts, wanted)
    if index is not None:
        return index
    guess = guess_header_index(texts)
    if guess is not None:
        missing = [p for p in check_spec(spec, combined_headers(texts, guess)) if p.code is ProblemCode.COLUMN_MISSING]
        if missing:
            raise ImportFileError(missing[0], missing)
    raise file_error(ProblemCode.NO_HEADER)
