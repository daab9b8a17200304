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
    Column,
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

    COLUMN_NOT_MAPPED names the role in ``column`` ("student"; "date" for DATE or WEEK;
    "scheduled"; "absent" for any of ABSENT, VALID, INVALID). COLUMN_MISSING names the header text.
    """
    mapped = {role: header for role, header in spec.columns.items() if header and header.strip()}
    problems = []
    if Column.STUDENT not in mapped:
        problems.append(RowProblem(0, ProblemCode.COLUMN_NOT_MAPPED, Column.STUDENT.value))
    if Column.DATE not in mapped and Column.WEEK not in mapped:
        problems.append(RowProblem(0, ProblemCode.COLUMN_NOT_MAPPED, Column.DATE.value))
    if Column.SCHEDULED not in mapped:
        problems.append(RowProblem(0, ProblemCode.COLUMN_NOT_MAPPED, Column.SCHEDULED.value))
    if not any(role in mapped for role in _AMOUNTS):
        problems.append(RowProblem(0, ProblemCode.COLUMN_NOT_MAPPED, Column.ABSENT.value))
    present = {norm(header) for header in headers}
    for role in Column:  # in the roles' order, so the problems come in a stable order
        if role in mapped and norm(mapped[role]) not in present:
            problems.append(RowProblem(0, ProblemCode.COLUMN_MISSING, mapped[role][:60]))
    return problems


def read_rows(path: Path, spec: MappingSpec, *, progress: Callable[[Progress], None] | None = None,
              cancelled: Callable[[], bool] | None = None, today: dt.date | None = None,
              ) -> Iterator[ImportedRow | RowProblem]:
    """Stream the export's good rows and problems in file order; keep going after a bad row.

    Raises ImportFileError when the file as a whole cannot be read (unreadable, empty,
    no header, the mapping does not fit it, truncated — possibly after rows were
    yielded: the caller should store nothing then) and ImportCancelled when
    ``cancelled()`` turns true (checked every 5,000 rows).
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
        progress(Progress(rows.total, rows.total))


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
