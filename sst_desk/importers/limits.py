"""How big a spreadsheet may become once opened: checked BEFORE python-calamine opens it.

Why: calamine keeps a sheet as one dense rectangle of cells (32 bytes each in memory, plus the text). A
file small on disk can ask for far more:
- a zip bomb renamed .xlsx (a 2 MB file that inflates to gigabytes);
- an XLSX of 5 kB with one cell in A1 and one in XFD1048576: calamine asks for 549 GB at once and the
  process ABORTS (a Rust allocation failure, not an exception: the app would vanish);
- an ODS row or cell with table:number-rows-repeated / number-columns-repeated: calamine expands the
  repeats (10 million cells from 600 bytes took 640 MB; its own limit is 100 million cells, ~6 GB).
- XLS: the format itself holds at most 65,536 x 256 cells (16.8 million, ~540 MB), below MAX_CELLS, and is
  not compressed, so it needs no check beyond the file size.

The caps (each refusal is ProblemCode.FILE_TOO_LARGE, naming the file):
- MAX_UNCOMPRESSED: 1 GiB declared uncompressed total. A 1,000,000-row, 7-column export written by
  openpyxl is 344 MB of sheet XML (Excel's shared strings make it smaller): about three such exports.
- MAX_RATIO: 250 for a member over 1 MiB. Real sheet XML deflates about 10:1 (shared strings up to ~30:1);
  a deflate bomb is near 1000:1.
- MAX_MEMBERS: 10,000 zip members (a workbook has tens).
- MAX_CELLS: 40 million cells in the rectangle calamine would build for one sheet (about 1.3 GB of cells):
  1,000,000 rows x 40 columns. The rectangle is bounded from the cell references of the sheet XML (XLSX) or
  the repeats and cells of content.xml (ODS), read in one streamed pass (about 2 s for a million rows).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from .attendance_spec import ProblemCode

MAX_UNCOMPRESSED = 1 << 30
MAX_RATIO = 250
RATIO_FROM = 1 << 20
MAX_MEMBERS = 10_000
MAX_CELLS = 40_000_000
_CHUNK = 1 << 22


def _too_large(path: Path):
    from .tables import file_error

    return file_error(ProblemCode.FILE_TOO_LARGE, path.name)


def check_zip(path: Path, kind: str) -> None:
    """Refuse a zip whose central directory declares too much; then bound the sheets' cell rectangles."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
            if len(infos) > MAX_MEMBERS:
                raise _too_large(path)
            total = 0
            for info in infos:
                total += info.file_size
                if info.file_size > RATIO_FROM and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                    raise _too_large(path)
            if total > MAX_UNCOMPRESSED:
                raise _too_large(path)
            if kind == "xlsx":
                for info in infos:
                    if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                        _check_xlsx_sheet(archive, info, path)
            elif kind == "ods":
                if "content.xml" in archive.namelist():
                    _check_ods_content(archive, archive.getinfo("content.xml"), path)
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError, ValueError, NotImplementedError):
        return  # not a readable zip: calamine refuses it with the right code (format or truncated)
    except __import__("zlib").error:
        return


def _members(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path):
    """The member's bytes in chunks; stops (refusing) past what it declared, whatever the stream holds."""
    read = 0
    with archive.open(info) as member:
        while chunk := member.read(_CHUNK):
            read += len(chunk)
            if read > info.file_size or read > MAX_UNCOMPRESSED:
                raise _too_large(path)
            yield chunk


# An XLSX cell or row reference: r="B12" or r="12"; the letters are the column, the digits the row.
_REF = re.compile(rb'\sr="([A-Z]{0,3})([0-9]+)"')
_WIDE_REF = re.compile(rb'\sr="([A-Z]{2,3})[0-9]')
_SIX_DIGIT_ROW = re.compile(rb'\sr="[A-Z]{0,3}[0-9]{6}"')
_SEVEN_DIGIT_ROW = re.compile(rb'\sr="[A-Z]{0,3}([0-9]{7,})"')


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + (letter - 64)
    return number


def _check_xlsx_sheet(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> None:
    """Bound the sheet's rectangle by its largest column and row references.

    Cheap in one pass: two- and three-letter columns and seven-digit rows are rare enough to collect
    exactly; otherwise the bounds are 26 columns and 99,999 or (any six-digit row) 999,999 rows.
    """
    max_col, max_row, tail = 26, 99_999, b""
    for chunk in _members(archive, info, path):
        data = tail + chunk
        cut = data.rfind(b"<")
        body, tail = (data[:cut], data[cut:]) if cut > 0 else (data, b"")
        for letters in set(_WIDE_REF.findall(body)):
            max_col = max(max_col, _column_number(letters))
        if max_row < 999_999 and _SIX_DIGIT_ROW.search(body):
            max_row = 999_999
        for digits in set(_SEVEN_DIGIT_ROW.findall(body)):
            max_row = max(max_row, int(digits))
        if max_col * max_row > MAX_CELLS:
            raise _too_large(path)


_ROW_REPEAT = re.compile(rb'number-rows-repeated="([0-9]+)"')
_CELL = re.compile(rb'<table:(?:covered-)?table-cell\b([^>]*?)(/?)>')
_COL_REPEAT = re.compile(rb'number-columns-repeated="([0-9]+)"')


def _check_ods_content(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> None:
    """Bound each table's rectangle: rows up to the last non-empty one (repeats counted) x widest row."""
    rows = width = last_filled = 0
    tail = b""

    def row(piece: bytes) -> None:
        nonlocal rows, width, last_filled
        if b"<table:table " in piece or b"<table:table>" in piece:  # a new sheet starts after this row
            rows = width = last_filled = 0
        head = piece[:300]
        repeat = 1
        if b"number-rows-repeated" in head:
            found = _ROW_REPEAT.search(head)
            repeat = int(found.group(1)) if found else 1
        filled = b"office:value-type" in piece or b"<text:" in piece
        rows += repeat
        if filled:
            last_filled = rows
            if b"number-columns-repeated" in piece:
                position = last = 0
                for match in _CELL.finditer(piece):
                    found = _COL_REPEAT.search(match.group(1))
                    span = int(found.group(1)) if found else 1
                    position += span
                    if b"office:value-type" in match.group(1) or not match.group(2):
                        last = position  # a cell with a value or content (not self-closing)
                wide = last
            else:
                wide = piece.count(b"<table:table-cell") + piece.count(b"<table:covered-table-cell")
            width = max(width, wide)
        if last_filled * width > MAX_CELLS:
            raise _too_large(path)

    for chunk in _members(archive, info, path):
        pieces = (tail + chunk).split(b"<table:table-row")
        tail = pieces.pop()
        for piece in pieces:
            row(piece)
    row(tail)
