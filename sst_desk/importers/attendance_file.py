"""Reading a school's attendance export (CSV or XLSX) with a saved MappingSpec: the importers' public API.

``open_table`` opens a file for the mapping dialog's preview; ``suggest_columns``
and ``check_spec`` help map it; ``read_rows`` streams the file's good rows and
its problems, line by line, for the persistence layer to store. No Qt, no database.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Callable, Iterator
from pathlib import Path

from . import attendance_spec
from .attendance_rows import make_converter
from .attendance_spec import (
    AmountUnit,
    Column,
    IdentifierKind,
    ImportedRow,
    MappingSpec,
    ProblemCode,
    Progress,
    RowProblem,
)
from .cells import cell_text
from .headers import (
    SEARCH_ROWS,
    combined_headers,
    find_header_index,
    guess_header_index,
    norm,
    suggest_columns,
)
from .tables import (
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
_AMOUNTS = (Column.ABSENT, Column.VALID, Column.INVALID)


def check_spec(spec: MappingSpec, headers: list[str]) -> list[RowProblem]:
    """The mapping's problems against a file's header texts, all on line 0.

    COLUMN_NOT_MAPPED names the role in ``column``: "student" (with identifier NAME, a first and a last
    name column may stand for it; one of them alone names the other); "date" for DATE or WEEK, unless
    ``per_period``, where PERIOD_FROM and PERIOD_TO go together ("period_from"/"period_to" for the
    missing one; neither: the period comes from the title rows or the person); "scheduled", unless
    the unit is PERCENT; "absent" for any of ABSENT, VALID, INVALID — and ABSENT itself when KIND is
    mapped (the kind says what the absence is). COLUMN_CONFLICT names KIND when VALID or INVALID are
    mapped too (the row would say it twice). COLUMN_MISSING names the header text.
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
    present = {norm(header) for header in headers}
    reported = set()
    for role in Column:  # in the roles' order, so the problems come in a stable order
        if role in mapped and norm(mapped[role]) not in present and norm(mapped[role]) not in reported:
            reported.add(norm(mapped[role]))  # PERIOD_FROM and PERIOD_TO may share a column: named once
            problems.append(RowProblem(0, ProblemCode.COLUMN_MISSING, mapped[role][:60]))
    return problems


def read_rows(path: Path, spec: MappingSpec, *, progress: Callable[[Progress], None] | None = None,
              cancelled: Callable[[], bool] | None = None, today: dt.date | None = None,
              ) -> Iterator[ImportedRow | RowProblem]:
    """Stream the export's good rows and problems in file order; keep going after a bad row.

    Raises ImportFileError when the file as a whole cannot be read (unreadable, empty,
    no header, the mapping does not fit it, truncated — possibly after rows were
    yielded: the caller should store nothing then) and ImportCancelled when
    ``cancelled()`` turns true (checked every 5,000 rows). ``progress`` gets bytes (CSV) or rows (XLSX)
    every 5,000 rows and once at the end; a total of 0 means unknown (an XLSX without a dimension tag).
    """
    unmapped = [p for p in check_spec(spec, []) if p.code is ProblemCode.COLUMN_NOT_MAPPED]
    if unmapped:
        raise ImportFileError(unmapped[0], unmapped)
    table = open_table(Path(path), spec.sheet)
    rows = open_rows(table)
    try:
        yield from _read(table, rows, spec, progress, cancelled, today or attendance_spec.today())
    finally:
        rows.close()


def _read(table: TableFile, rows, spec: MappingSpec, progress, cancelled, today: dt.date):
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
    convert = make_converter(spec, headers, today)

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
        if result.__class__ is ImportedRow:
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
