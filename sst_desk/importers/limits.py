"""How big a spreadsheet may become once opened: checked BEFORE python-calamine opens it.

Why: calamine keeps a sheet as one dense rectangle of cells (32 bytes each in memory, plus the text). A
file small on disk can ask for far more:
- a zip bomb renamed .xlsx (a 2 MB file that inflates to gigabytes);
- an XLSX of 5 kB with one cell in A1 and one in XFD1048576: calamine asks for 549 GB at once and the
  process ABORTS (a Rust allocation failure, not an exception: the app would vanish);
- an ODS row or cell with table:number-rows-repeated / number-columns-repeated: calamine expands the
  repeats (10 million cells from 600 bytes took 640 MB; its own limit is 100 million cells, ~6 GB).
- an XLS of 5.6 kB with one cell in A1 and one in IV65536: calamine builds all 16.8 million cells (the
  format's own maximum), 1 GB for 6 s, and then 65,536 empty rows are read.

The caps (each refusal is ProblemCode.FILE_TOO_LARGE, naming the file):
- MAX_UNCOMPRESSED: 1 GiB declared uncompressed total. A 1,000,000-row, 7-column export written by
  openpyxl is 344 MB of sheet XML (Excel's shared strings make it smaller): about three such exports.
- MAX_RATIO: 250 for a member over 1 MiB. Real sheet XML deflates about 10:1 (shared strings up to ~30:1);
  a deflate bomb is near 1000:1.
- MAX_MEMBERS: 10,000 zip members (a workbook has tens).
- MAX_CELLS: 30 million cells in the rectangle calamine would build for one sheet (XLSX, ODS): 1,000,000
  rows x 30 columns; the worst file within it (two cells at opposite corners) costs about 2 GB for a
  moment, an honest 1,000,000 x 7 export about 0.6 GB. The rectangle is bounded from the cell references of
  the sheet XML (XLSX) or the repeats and cells of content.xml (ODS), read in one streamed pass (about 2 s
  for a million rows).
- XLS_MAX_CELLS: 4,194,304 cells (65,536 rows x 64 columns) per sheet of an .xls, found from the cell
  records of the Workbook stream (olefile opens the OLE2 container): a real .xls export is 65,536 rows at
  most and a dozen columns.
"""

from __future__ import annotations

import html
import re
import zipfile
from pathlib import Path

from sst_desk.importers.attendance_spec import ProblemCode
from sst_desk.importers.file_errors import file_error

MAX_UNCOMPRESSED = 1 << 30
MAX_RATIO = 250
RATIO_FROM = 1 << 20
MAX_MEMBERS = 10_000
MAX_CELLS = 30_000_000
XLS_MAX_CELLS = 65_536 * 64
_CHUNK = 1 << 22


def _too_large(path: Path):
    return file_error(ProblemCode.FILE_TOO_LARGE, path.name)


_passed: dict[tuple[str, int, int], bool] = {}  # files that passed, by (path, size, mtime): checked once


def _seen(path: Path) -> tuple[str, int, int] | None:
    try:
        stat = path.stat()
    except OSError:
        return None
    return (str(path.resolve()), stat.st_size, stat.st_mtime_ns)


def check_zip(path: Path, kind: str) -> None:
    """Refuse a zip whose central directory declares too much; then bound the sheets' cell rectangles."""
    key = _seen(path)
    if key is not None and key in _passed:
        return  # the same file again (open, preview, read): the scan takes seconds on a million rows
    _check_zip(path, kind)
    if key is not None:
        _passed[key] = True


def _check_zip(path: Path, kind: str) -> None:
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
                members = _sheet_members(archive)
                percent_styles = _percent_styles(archive)
                found: dict[str, dict[tuple[int, int], str]] = {}
                for info in infos:
                    if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                        errors: dict[tuple[int, int], str] = {}
                        _check_xlsx_sheet(archive, info, path, errors, percent_styles)
                        if errors and info.filename in members:
                            found[members[info.filename]] = errors
                key = _seen(path)
                if key is not None:
                    _errors[key] = found
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


# An XLSX cell or row reference: r="B12" or r="12"; the letters are the column, the digits the row. Writers put
# one space before the attribute; the patterns start with that literal (fast), and a chunk with other
# whitespace before r= is normalised first, so a newline cannot hide a reference.
_WIDE_REF = re.compile(rb' r="([A-Z]{2,3})[0-9]')
_SIX_DIGIT_ROW = re.compile(rb' r="[A-Z]{0,3}[0-9]{6}"')
_SEVEN_DIGIT_ROW = re.compile(rb' r="[A-Z]{0,3}([0-9]{7,})"')
_OTHER_SPACE_REF = re.compile(rb'[\t\n\r]r="')


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + (letter - 64)
    return number


_ERROR_CELL = re.compile(rb'<c\b([^>]*?\bt="e"[^>]*)>(?:<f\b[^>]*?/>|<f\b[^>]*>.*?</f>)?(?:<v>([^<]*)</v>)?', re.S)
# A formula cell with no computed value: written by a program (openpyxl and most export libraries) and never
# opened and saved in Excel or LibreOffice, which store the result in <v>. calamine gives it as empty, and an
# empty amount is read as 0: its formula text ("=D2+E2") is put back instead, so the row is refused naming it.
# (A cached empty text result is <c t="str"><f>…</f><v></v></c>: a real blank, left alone.)
_UNCOMPUTED = re.compile(rb'<c\b([^>]*)>\s*(?:<f\b[^>]*/>|<f\b[^>]*>([^<]*)</f>)\s*(?:<v\s*/>|<v></v>|</c>)')
_CELL_REF = re.compile(rb'\br="([A-Z]{1,3})([0-9]+)"')
# A cell formatted as a percentage holds the fraction (35,1 % is 0.351) and calamine gives only the number, so
# the number alone cannot tell 0,351 % from 35,1 %. The size check reads the cell's style (XLSX styles.xml, XLS
# FORMAT and XF records, ODS value-type="percentage"): a percent-formatted
# number is put back as the text "35.1 %", which reads as a percentage under PERCENT and is refused under
# minutes, hours and lessons (PERCENT_INVALID), exactly as the same cell in a CSV. At most MAX_PERCENT_CELLS per
# sheet are noted (a "frånvaro per elev" export has one row per student); past that the cells stay fractions,
# which a percent column refuses (never a wrong number, only a refusal).
MAX_PERCENT_CELLS = 200_000
_VALUE_CELL = re.compile(rb'<c\b([^>]*)>(?:<f\b[^>]*/>|<f\b[^>]*>[^<]*</f>)?<v>([^<]*)</v>')
_STYLE = re.compile(rb'\bs="([0-9]+)"')
_TYPED = re.compile(rb'\bt="(?!n")')  # t="s", "str", "b", "e", "inlineStr": not a number
_NUM_FMT = re.compile(rb'<numFmt\b([^>]*)>')
_FMT_ID = re.compile(rb'\bnumFmtId="([0-9]+)"')
_FMT_CODE = re.compile(rb'\bformatCode="([^"]*)"')
_CELL_XFS = re.compile(rb'<cellXfs\b[^>]*>(.*?)</cellXfs>', re.S)
_XF = re.compile(rb'<xf\b([^>]*)')
_BUILTIN_PERCENT = {b"9", b"10"}  # "0%", "0.00%"
_QUOTED = re.compile(r'"[^"]*"|\\.')


def percent_text(value: bytes | str) -> str:
    """A percent cell's stored fraction as the text a CSV would hold: b"0.351" -> "35.1 %"."""
    from decimal import Decimal, InvalidOperation

    text = value.decode("ascii", "replace") if isinstance(value, bytes) else value
    try:
        return f"{(Decimal(text.strip()) * 100).normalize():f} %"
    except InvalidOperation:
        return text


def _percent_styles(archive: zipfile.ZipFile) -> frozenset[bytes]:
    """The cell style indexes (the s="N" of a cell) whose number format shows a percentage."""
    try:
        info = archive.getinfo("xl/styles.xml")
    except KeyError:
        return frozenset()
    if info.file_size > 64 << 20:  # a real styles part is kilobytes; the size caps above still apply
        return frozenset()
    styles = archive.read(info)
    percent_ids = set(_BUILTIN_PERCENT)
    for match in _NUM_FMT.finditer(styles):
        number, code = _FMT_ID.search(match.group(1)), _FMT_CODE.search(match.group(1))
        if number and code and "%" in _QUOTED.sub("", html.unescape(code.group(1).decode("utf-8", "replace"))):
            percent_ids.add(number.group(1))
    xfs = _CELL_XFS.search(styles)
    if not xfs:
        return frozenset()
    found = set()
    for index, match in enumerate(_XF.finditer(xfs.group(1))):
        number = _FMT_ID.search(match.group(1))
        if number and number.group(1) in percent_ids:
            found.add(str(index).encode())
    return frozenset(found)


_errors: dict[tuple[str, int, int], dict[str, dict[tuple[int, int], str]]] = {}


def error_cells(path: Path, sheet: str) -> dict[tuple[int, int], str]:
    """The error cells (#N/A, #DIV/0!...) of ``sheet`` found by the size check, (row, col) 0-based, and (XLSX)
    the formula cells without a computed value ("=D2+E2").

    calamine gives such a cell as empty, and an empty amount is read as 0: the reader puts the error or
    formula text back so the row is reported instead of imported with a 0.
    """
    key = _seen(path)
    return _errors.get(key, {}).get(sheet, {}) if key is not None else {}


def _sheet_members(archive: zipfile.ZipFile) -> dict[str, str]:
    """Sheet XML member -> sheet name, from xl/workbook.xml and its relationships."""
    import xml.etree.ElementTree as ET

    try:
        book = ET.fromstring(archive.read("xl/workbook.xml"))
        rels = ET.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    except (KeyError, ET.ParseError):
        return {}
    targets = {}
    for rel in rels:
        target = rel.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else "xl/" + target
        targets[rel.get("Id")] = target
    members = {}
    for element in book.iter():
        if element.tag.endswith("}sheet") or element.tag == "sheet":
            rid = next((v for k, v in element.attrib.items() if k.endswith("}id")), None)
            if rid in targets:
                members[targets[rid]] = element.get("name", "")
    return members


def _check_xlsx_sheet(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path,
                      errors: dict[tuple[int, int], str] | None = None,
                      percent_styles: frozenset[bytes] = frozenset()) -> None:
    """Bound the sheet's rectangle by its largest column and row references.

    Cheap in one pass: two- and three-letter columns and seven-digit rows are rare enough to collect
    exactly; otherwise the bounds are 26 columns and 99,999 or (any six-digit row) 999,999 rows. Cells and
    rows written WITHOUT references (allowed, and read in order by calamine) are bounded by counting their
    tags: a reference-less zip bomb of 51 million cells under the size and ratio caps is refused so.
    """
    max_col, max_row, tail = 26, 99_999, b""
    rows = cells = 0  # counted tags: cells may come without r="A1" references (the format allows it)
    for chunk in _members(archive, info, path):
        data = tail + chunk
        cut = data.rfind(b"</c>")  # a whole cell stays in one body, for the error and formula patterns
        cut = cut + 4 if cut >= 0 else data.rfind(b"<")
        body, tail = (data[:cut], data[cut:]) if cut > 0 else (data, b"")
        if _OTHER_SPACE_REF.search(body):
            body = _OTHER_SPACE_REF.sub(b' r="', body)
        if errors is not None and b't="e"' in body:
            for match in _ERROR_CELL.finditer(body):
                ref = _CELL_REF.search(match.group(1))
                if ref:
                    cell = (int(ref.group(2)) - 1, _column_number(ref.group(1)) - 1)
                    errors[cell] = (match.group(2) or b"#ERROR").decode("utf-8", "replace")
        if errors is not None and b"<f" in body:
            for match in _UNCOMPUTED.finditer(body):
                ref = _CELL_REF.search(match.group(1))
                if ref and b't="str"' not in match.group(1):
                    cell = (int(ref.group(2)) - 1, _column_number(ref.group(1)) - 1)
                    errors[cell] = "=" + html.unescape((match.group(2) or b"").decode("utf-8", "replace"))
        if errors is not None and percent_styles and b' s="' in body and len(errors) < MAX_PERCENT_CELLS:
            for match in _VALUE_CELL.finditer(body):
                attributes = match.group(1)
                style = _STYLE.search(attributes)
                if style and style.group(1) in percent_styles and not _TYPED.search(attributes):
                    ref = _CELL_REF.search(attributes)
                    if ref:
                        cell = (int(ref.group(2)) - 1, _column_number(ref.group(1)) - 1)
                        errors[cell] = percent_text(match.group(2))
        for letters in set(_WIDE_REF.findall(body)):
            max_col = max(max_col, _column_number(letters))
        if max_row < 999_999 and _SIX_DIGIT_ROW.search(body):
            max_row = 999_999
        for digits in set(_SEVEN_DIGIT_ROW.findall(body)):
            max_row = max(max_row, int(digits))
        rows += body.count(b"<row ") + body.count(b"<row>")
        cells += body.count(b"<c ") + body.count(b"<c>")
        max_row = max(max_row, rows)
        if max_col * max_row > MAX_CELLS or cells > MAX_CELLS:
            raise _too_large(path)


_ROW_REPEAT = re.compile(rb'number-rows-repeated="([0-9]+)"')
_CELL = re.compile(rb'<table:(?:covered-)?table-cell\b([^>]*?)(/?)>')
_COL_REPEAT = re.compile(rb'number-columns-repeated="([0-9]+)"')


_ROW_SPAN = re.compile(rb'number-rows-spanned="([0-9]+)"')
_COL_SPAN = re.compile(rb'number-columns-spanned="([0-9]+)"')
_ODS_TEXT = re.compile(rb'\s*<text:p>([^<]*)</text:p>')
_ODS_VALUE = re.compile(rb'\boffice:value="([^"]*)"')
_TABLE_NAME = re.compile(rb'<table:table\b[^>]*?\btable:name="([^"]*)"')
_ROW_START = (b" ", b">", b"/", b"\n", b"\r", b"\t")  # what follows "<table:table-row" in a row's own tag
_merges: dict[tuple[str, int, int], dict[str, list[tuple[int, int, int, int]]]] = {}


def merged_cells(path: Path, sheet: str) -> list[tuple[int, int, int, int]]:
    """ODS only: merged ranges of ``sheet`` (first_row, first_col, last_row, last_col; 0-based), found by the
    size check in content.xml, because python-calamine gives no merge information for ODS."""
    key = _seen(path)
    return _merges.get(key, {}).get(sheet, []) if key is not None else []


def _check_ods_content(archive: zipfile.ZipFile, info: zipfile.ZipInfo, path: Path) -> None:
    """Bound each table's rectangle: rows up to the last non-empty one (repeats counted) x widest row.

    Also notes each table's merged ranges (table:number-rows-spanned / number-columns-spanned).
    """
    from xml.sax.saxutils import unescape

    rows = width = last_filled = 0
    tail = b""
    table = ""
    found: dict[str, list[tuple[int, int, int, int]]] = {}
    errors_found: dict[str, dict[tuple[int, int], str]] = {}

    def row(piece: bytes, is_row: bool) -> None:
        nonlocal rows, width, last_filled, table
        if is_row:
            head = piece[:300]
            repeat = 1
            if b"number-rows-repeated" in head:
                match = _ROW_REPEAT.search(head)
                repeat = int(match.group(1)) if match else 1
            filled = b"office:value-type" in piece or b"<text:" in piece
            if b'value-type="error"' in piece or b'value-type="percentage"' in piece:
                # error cells: calamine gives "" or even 0.0; percent cells: the bare fraction (see percent_text)
                position = 0
                for match in _CELL.finditer(piece):
                    repeated = _COL_REPEAT.search(match.group(1))
                    if b'value-type="error"' in match.group(1):
                        text = _ODS_TEXT.match(piece, match.end())
                        errors_found.setdefault(table, {})[(rows, position)] = (
                            text.group(1).decode("utf-8", "replace") if text else "#ERROR")
                    elif b'value-type="percentage"' in match.group(1):
                        value = _ODS_VALUE.search(match.group(1))
                        cells = errors_found.setdefault(table, {})
                        if value and len(cells) < MAX_PERCENT_CELLS:
                            for offset in range(min(int(repeated.group(1)) if repeated else 1, 1024)):
                                cells[(rows, position + offset)] = percent_text(value.group(1))
                    position += int(repeated.group(1)) if repeated else 1
            if b"spanned" in piece:
                position = 0
                for match in _CELL.finditer(piece):
                    attributes = match.group(1)
                    repeated = _COL_REPEAT.search(attributes)
                    span_rows, span_cols = _ROW_SPAN.search(attributes), _COL_SPAN.search(attributes)
                    if span_rows or span_cols:
                        down = int(span_rows.group(1)) if span_rows else 1
                        across = int(span_cols.group(1)) if span_cols else 1
                        if down > 1 or across > 1:
                            found.setdefault(table, []).append(
                                (rows, position, rows + down - 1, position + across - 1))
                    position += int(repeated.group(1)) if repeated else 1
            rows += repeat
            if filled:
                last_filled = rows
                if b"number-columns-repeated" in piece:
                    position = last = 0
                    for match in _CELL.finditer(piece):
                        repeated = _COL_REPEAT.search(match.group(1))
                        position += int(repeated.group(1)) if repeated else 1
                        if b"office:value-type" in match.group(1) or not match.group(2):
                            last = position  # a cell with a value or content (not self-closing)
                    wide = last
                else:
                    wide = piece.count(b"<table:table-cell") + piece.count(b"<table:covered-table-cell")
                width = max(width, wide)
            if last_filled * width > MAX_CELLS:
                raise _too_large(path)
        if b"<table:table " in piece or b"<table:table>" in piece:  # a new sheet starts after this row
            rows = width = last_filled = 0
            match = _TABLE_NAME.search(piece)
            table = unescape(match.group(1).decode("utf-8", "replace"), {"&quot;": '"', "&apos;": "'"}) \
                if match else ""

    first = True
    for chunk in _members(archive, info, path):
        pieces = (tail + chunk).split(b"<table:table-row")
        tail = pieces.pop()
        if first and pieces:
            row(pieces.pop(0), False)  # what comes before the first row: the first table's start
            first = False
        joined = b"".join(pieces)
        if b"repeated" in joined or b"spanned" in joined or b'value-type="error"' in joined \
                or b'value-type="percentage"' in joined \
                or b"<table:table " in joined \
                or b"<table:table>" in joined:
            for piece in pieces:
                row(piece, piece[:1] in _ROW_START)
        elif pieces:
            # No repeats, merges or new sheet (nearly every chunk of a real file): the same sums, in bulk.
            # Every row counts as filled, which can only over-count.
            rows += sum(1 for p in pieces if p[:1] in _ROW_START)
            last_filled = rows
            width = max(width, max(p.count(b"<table:table-cell") + p.count(b"<table:covered-table-cell")
                                   for p in pieces))
            if last_filled * width > MAX_CELLS:
                raise _too_large(path)
    row(tail, not first and tail[:1] in _ROW_START)
    key = _seen(path)
    if key is not None:
        _merges[key] = found
        _errors[key] = errors_found


# BIFF8 records that place a cell: (row, column) are their first two 16-bit words.
_CELL_RECORDS = {0x0006, 0x00D6, 0x00FD, 0x0201, 0x0203, 0x0204, 0x0205, 0x027E, 0x0406}
_MULTI_RECORDS = {0x00BD, 0x00BE}  # MULRK, MULBLANK: row, first column, ..., last column (the last word)
_BOF, _EOF = 0x0809, 0x000A
_BOUNDSHEET, _BOOLERR, _FORMULA = 0x0085, 0x0205, 0x0006
_XLS_FORMAT, _XLS_XF, _NUMBER, _RK, _MULRK = 0x041E, 0x00E0, 0x0203, 0x027E, 0x00BD


def _rk(value: int) -> float:
    """An RK-encoded number (BIFF8): a 30-bit integer or the high bits of a double, optionally / 100."""
    import struct

    if value & 2:
        number = float(value >> 2) - (float(1 << 30) if value & (1 << 31) else 0.0)
    else:
        number = struct.unpack("<d", struct.pack("<Q", (value & 0xFFFFFFFC) << 32))[0]
    return number / 100 if value & 1 else number


def _xls_numbers(kind: int, stream: bytes, body: int, length: int, styles: set[int]):
    """(row, column, value) of the numbers a NUMBER, RK, MULRK or FORMULA record holds in one of ``styles``."""
    import struct

    unpack = struct.unpack_from
    if kind == _MULRK and length >= 6:
        row, first = unpack("<HH", stream, body)
        for index in range((length - 6) // 6):
            style, value = unpack("<HI", stream, body + 4 + index * 6)
            if style in styles:
                yield row, first + index, _rk(value)
    elif length >= 10:
        row, col, style = unpack("<HHH", stream, body)
        if style not in styles:
            return
        if kind == _RK:
            yield row, col, _rk(unpack("<I", stream, body + 6)[0])
        elif length >= 14 and (kind == _NUMBER or stream[body + 12:body + 14] != b"\xff\xff"):
            yield row, col, unpack("<d", stream, body + 6)[0]  # NUMBER, or a FORMULA whose result is a number
_XLS_ERRORS = {0x00: "#NULL!", 0x07: "#DIV/0!", 0x0F: "#VALUE!", 0x17: "#REF!", 0x1D: "#NAME?", 0x24: "#NUM!",
               0x2A: "#N/A"}


def check_xls(path: Path) -> None:
    """Refuse an .xls whose sheet's cells span more than XLS_MAX_CELLS (read from the BIFF cell records)."""
    key = _seen(path)
    if key is not None and key in _passed:
        return
    _check_xls(path)
    if key is not None:
        _passed[key] = True


def _check_xls(path: Path) -> None:
    import struct

    import olefile

    try:
        if not olefile.isOleFile(str(path)):
            return  # calamine refuses it as FILE_FORMAT
        with olefile.OleFileIO(str(path)) as ole:
            name = "Workbook" if ole.exists("Workbook") else "Book" if ole.exists("Book") else None
            if name is None:
                return
            if ole.get_size(name) > MAX_UNCOMPRESSED:
                raise _too_large(path)
            stream = ole.openstream(name).read()
    except (OSError, ValueError, struct.error, EOFError):
        return  # a damaged container: calamine reports it
    except Exception as error:  # noqa: BLE001 — olefile raises its own kinds on a broken OLE2 file
        if type(error).__module__.startswith("olefile"):
            return
        raise
    position, end = 0, len(stream)
    max_row = max_col = -1
    unpack = struct.unpack_from
    names: dict[int, str] = {}  # BOUNDSHEET: the stream offset of a sheet's BOF -> its name
    found: dict[str, dict[tuple[int, int], str]] = {}
    errors: dict[tuple[int, int], str] | None = None
    percent_formats = {9, 10}  # FORMAT records add the workbook's own; XF records say which style uses which
    xf_formats: list[int] = []
    percent_xfs: set[int] = set()
    noted = 0
    while position + 4 <= end:
        kind, length = unpack("<HH", stream, position)
        body = position + 4
        if kind == _XLS_FORMAT and length >= 5:
            number, count = unpack("<HH", stream, body)
            high = stream[body + 4] & 1
            raw = stream[body + 5:body + 5 + count * (2 if high else 1)]
            code = raw.decode("utf-16-le" if high else "latin-1", "replace")
            if "%" in _QUOTED.sub("", code):
                percent_formats.add(number)
        elif kind == _XLS_XF and length >= 4:
            xf_formats.append(unpack("<H", stream, body + 2)[0])
            if xf_formats[-1] in percent_formats:
                percent_xfs.add(len(xf_formats) - 1)
        elif percent_xfs and errors is not None and noted < MAX_PERCENT_CELLS \
                and kind in (_NUMBER, _RK, _MULRK, _FORMULA):
            for row, col, value in _xls_numbers(kind, stream, body, length, percent_xfs):
                errors[(row, col)] = percent_text(repr(value))
                noted += 1
        if kind == _BOOLERR and length >= 8 and errors is not None and stream[body + 7] == 1:
            row, col = unpack("<HH", stream, body)
            errors[(row, col)] = _XLS_ERRORS.get(stream[body + 6], "#ERROR")
        elif kind == _FORMULA and length >= 14 and errors is not None and stream[body + 6] == 2 \
                and stream[body + 12:body + 14] == b"\xff\xff":  # a formula whose cached result is an error
            row, col = unpack("<HH", stream, body)
            errors[(row, col)] = _XLS_ERRORS.get(stream[body + 8], "#ERROR")
        if kind == _BOUNDSHEET and length >= 8:
            offset, = unpack("<I", stream, body)
            count, high = stream[body + 6], stream[body + 7] & 1
            raw = stream[body + 8:body + 8 + count * (2 if high else 1)]
            names[offset] = raw.decode("utf-16-le" if high else "latin-1", "replace")
        if kind in _CELL_RECORDS and length >= 4:
            row, col = unpack("<HH", stream, body)
            max_row, max_col = max(max_row, row), max(max_col, col)
        elif kind in _MULTI_RECORDS and length >= 6:
            row, = unpack("<H", stream, body)
            last, = unpack("<H", stream, body + length - 2)
            max_row, max_col = max(max_row, row), max(max_col, last)
        elif kind == _BOF:
            max_row = max_col = -1  # a new sheet (or the workbook globals)
            errors = found.setdefault(names[position], {}) if position in names else None
        if max_row >= 0 and (max_row + 1) * (max_col + 1) > XLS_MAX_CELLS:
            raise _too_large(path)
        position = body + length
    key = _seen(path)
    if key is not None:
        _errors[key] = {name: cells for name, cells in found.items() if cells}
