"""Reading spreadsheets (XLSX/XLSM, old binary XLS, LibreOffice ODS) with python-calamine.

calamine (Rust) parses a whole sheet into memory when it is opened, then ``iter_rows`` hands the rows to
Python one by one: a Python list of all rows is never built here, but the sheet itself is in memory (see
docs/attendance.md for the figures). Traps the next engineer needs:

- Row numbers: python-calamine 0.9's ``iter_rows`` starts at the sheet's row 0 even when the data starts
  lower, but at the data's first COLUMN (``sheet.start[1]``): rows are absolute, columns relative
  (python-calamine issue #177). Each row is padded on the left so a cell's index is its column, and a
  row's line is its 1-based row number as the user sees it. tests/unit/test_attendance_sheets.py pins
  this; if calamine changes it, those tests fail rather than the line numbers shifting silently.
- Cells: empty cells come as "" and are given as None; dates/datetimes, times (dt.time) and durations
  (dt.timedelta, "[h]:mm") come typed; numbers as float (or int in XLS/ODS), booleans as bool, formulas
  as their cached value. Two things calamine does not tell: (1) an error cell (#N/A, #DIV/0!) comes as an
  empty cell (put back, see below); (2) a percentage-formatted cell (0.351 shown as "35,1 %") comes as the bare float 0.351 —
  the number format is not exposed, so a column of percentages in a spreadsheet must be mapped as
  percent by the person (AmountUnit), it cannot be recognised from the cell.
- Merged cells: XLSX and XLS give merged ranges. A range over several ROWS carries its top-left value
  down its first column when it is text or a date: a name merged over a block of rows is the name of
  each row of the block. Across COLUMNS nothing is copied: a title merged over the table would otherwise
  become a row of nine equal titles in the preview; a merged group header ("Frånvaro (min)" over
  "Giltig"/"Ogiltig") is spread over the cells below it by headers.combined_headers, as for CSV. A NUMBER
  merged over several rows is NOT copied: carrying "120 minutes" into each row of a block would multiply
  it; the other cells stay empty. ODS: python-calamine gives no merge information; the size check, which
  reads content.xml anyway, notes the ranges (table:number-rows-spanned) and they are filled the same way.
  Where a format gives no merge information, merged cells stay empty (a blank student cell is reported).
- Error cells: calamine gives "#N/A" as an empty cell, which the converter would read as an absence of 0.
  In ODS it is worse: LibreOffice's "#DIV/0!" (calcext:value-type="error", office:value="0") comes as 0.0.
  The size check (which reads the sheet XML, the BIFF records or content.xml anyway) notes the error
  cells, and their text replaces the cell, so the row is reported.
- Limits (a zip bomb, a sheet that declares a huge size): see ``limits.py``, checked before calamine
  opens the file.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from collections.abc import Iterator
from pathlib import Path

from sst_desk.importers.attendance_spec import ProblemCode
from sst_desk.importers.file_errors import file_error
from sst_desk.importers.limits import check_xls, check_zip

ODS_MIMETYPE = b"application/vnd.oasis.opendocument.spreadsheet"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
KINDS = ("xlsx", "xls", "ods")
_SCORE_ROWS = 40  # rows of each sheet looked at to choose the data sheet


def _error(code: ProblemCode, value: str = "", line: int = 0):
    return file_error(code, value, line)


def sniff_kind(path: Path, head: bytes) -> str | None:
    """The spreadsheet kind by content: "xlsx", "ods", "xls", or None (not a spreadsheet)."""
    if head.startswith(OLE2_MAGIC[:4]):
        return "xls"
    if not head.startswith(b"PK\x03\x04"):
        return None
    # ODS: the first member is "mimetype", stored, holding the media type (the OpenDocument rule).
    if head[30:38] == b"mimetype" and ODS_MIMETYPE in head[38:200]:
        return "ods"
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").strip() == ODS_MIMETYPE:
                return "ods"
    except (zipfile.BadZipFile, OSError, KeyError, RuntimeError):
        pass  # a damaged zip: calamine reports it when opening, as FILE_TRUNCATED or FILE_FORMAT
    return "xlsx"


def open_workbook(path: Path, kind: str):
    """A python-calamine workbook, after the limits are checked. Raises ImportFileError."""
    from python_calamine import CalamineWorkbook

    head = b""
    try:
        with path.open("rb") as file:
            head = file.read(8)
    except OSError as error:
        raise _error(ProblemCode.FILE_UNREADABLE, str(error)) from None
    if kind in ("xlsx", "ods"):
        check_zip(path, kind)
    elif kind == "xls":
        check_xls(path)
    try:
        workbook = CalamineWorkbook.from_path(str(path))
    except OSError as error:
        raise _error(ProblemCode.FILE_UNREADABLE, str(error)) from None
    except Exception:  # noqa: BLE001 — calamine raises CalamineError, ZipError, XmlError... on a damaged file
        # A zip without its central directory (at the end) is most likely cut short.
        truncated = head.startswith(b"PK\x03\x04") and not _zip_readable(path)
        raise _error(ProblemCode.FILE_TRUNCATED if truncated else ProblemCode.FILE_FORMAT, path.name) from None
    return workbook


def _zip_readable(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path):
            return True
    except (zipfile.BadZipFile, OSError):
        return False


def worksheet_names(workbook) -> list[str]:
    """The names of the sheets that hold cells (chart and macro sheets left out)."""
    from python_calamine import SheetTypeEnum

    names = []
    for meta in workbook.sheets_metadata:
        if meta.typ in (SheetTypeEnum.WorkSheet,):
            names.append(meta.name)
    return names


def load_sheet(workbook, name: str, path: Path, kind: str):
    """The sheet ``name`` parsed (calamine reads it whole here). Raises ImportFileError."""
    from python_calamine import WorksheetNotFound

    try:
        return workbook.get_sheet_by_name(name)
    except WorksheetNotFound:
        raise _error(ProblemCode.SHEET_MISSING, name) from None
    except Exception:  # noqa: BLE001 — broken XML or a damaged member
        raise _error(ProblemCode.FILE_TRUNCATED, path.name) from None


def sheet_rows(sheet, *, limit: int | None = None, errors: dict[tuple[int, int], str] | None = None,
               merged: list[tuple[int, int, int, int]] | None = None) -> Iterator[tuple[int, tuple]]:
    """The rows of a loaded sheet: (1-based row number, typed cells with None for empty), merges filled.

    ``errors``: error cells by (row, col), 0-based (limits.error_cells): their text ("#N/A") is put back
    where calamine gave an empty cell, so an error is reported as a bad value, never read as an empty 0.
    """
    start = sheet.start
    if start is None:  # an empty sheet
        return
    pad = (None,) * start[1]
    ranges = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in (sheet.merged_cell_ranges or ())] or list(merged or ())
    merges = sorted(ranges, key=lambda m: m[0])
    error_rows = {r for r, _ in errors} if errors else set()
    pending = 0
    active: list[list] = []  # [last_row, first_col, last_col, value, first_row]
    for index, cells in enumerate(sheet.iter_rows()):
        if limit is not None and index >= limit:
            return
        row = pad + tuple(None if c == "" else c for c in cells)
        if pending < len(merges) or active:
            row = _fill_merges(index, row, merges, active, pending)
            while pending < len(merges) and merges[pending][0] <= index:
                pending += 1
            active[:] = [m for m in active if m[0] > index]
        if errors and index in error_rows:
            cells_ = list(row)
            for (r, c), text in errors.items():
                if r == index:
                    cells_.extend([None] * (c + 1 - len(cells_)))
                    cells_[c] = text  # whatever calamine made of it: "" for XLSX/XLS, even 0.0 for ODS
            row = tuple(cells_)
        yield index + 1, row


def _fill_merges(index: int, row: tuple, merges, active: list[list], pending: int) -> tuple:
    while pending < len(merges) and merges[pending][0] <= index:
        r0, c0, r1, c1 = merges[pending]
        value = row[c0] if c0 < len(row) and r0 == index else None
        if r1 > r0 and isinstance(value, (str, dt.date)):  # text and days carry down; numbers never
            active.append([r1, c0, c1, value, r0])
        pending += 1
    if not active:
        return row
    cells = list(row)
    for last_row, first_col, _last_col, value, first_row in active:
        if not first_row < index <= last_row:
            continue
        if len(cells) <= first_col:
            cells.extend([None] * (first_col + 1 - len(cells)))
        if cells[first_col] is None:
            cells[first_col] = value
    return tuple(cells)


def choose_sheet(workbook, names: list[str], path: Path, kind: str) -> str:
    """The sheet that holds the data: a header-like row followed by data rows; more data rows wins.

    An instruction sheet ("Instruktioner", a few lines of prose) has no row with several header-like
    cells above rows of data, so it loses to the data sheet wherever it is in the workbook; a hidden sheet
    loses to a visible one with a table. Ties keep the workbook's order. Only workbooks with more than one sheet are looked into (each sheet is parsed once).
    """
    if len(names) <= 1:
        return names[0]
    from python_calamine import SheetVisibleEnum

    visible = {meta.name: meta.visible == SheetVisibleEnum.Visible for meta in workbook.sheets_metadata}
    best, best_score = names[0], (-1, -1, -1)
    for name in names:
        try:
            sheet = load_sheet(workbook, name, path, kind)
        except Exception:  # noqa: BLE001 — a damaged sheet is not the data sheet; reading reports it
            continue
        has_table, rows = _sheet_score(sheet)
        score = (has_table, int(visible.get(name, True)), rows)  # a hidden list of values loses to the data
        if score > best_score:
            best, best_score = name, score
        del sheet
    return best


def _sheet_score(sheet) -> tuple[int, int]:
    """(1 if a header row with >= 2 header-like cells has rows of data below it, else 0; rows below)."""
    from sst_desk.importers.cells import cell_text
    from sst_desk.importers.headers import guess_header_index, is_text

    texts: list[list[str]] = []
    for _, cells in sheet_rows(sheet, limit=_SCORE_ROWS):
        texts.append([cell_text(c) for c in cells])
    nonblank = [row for row in texts if any(row)]
    if not nonblank:
        return (0, 0)
    index = guess_header_index(nonblank)
    if index is None:
        return (0, 0)
    header = nonblank[index]
    headerish = sum(1 for c in header if is_text(c))
    below = nonblank[index + 1:]
    data_below = [row for row in below if sum(1 for c in row if c) >= 2]
    height = sheet.end[0] + 1 if sheet.end else 0
    has_table = int(headerish >= 2 and bool(data_below))
    return (has_table, height if has_table else len(data_below))
