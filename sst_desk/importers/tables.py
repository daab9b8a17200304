"""Opening a school's export, CSV or XLSX, and streaming its rows with their line numbers.

CSV: the encoding is UTF-16 with a BOM, or without one when every second byte
is NUL; strict UTF-8 when the whole file decodes so (a BOM is dropped), else Windows-1252; the delimiter is sniffed among ; , tab |. A row's
line is the physical line it starts on (a quoted field may span lines).
Spreadsheets (XLSX/XLSM, old XLS, ODS), recognised by content: python-calamine
(sheets.py), after the size limits (limits.py); a row's line is its row number
in the sheet. Nothing here knows about attendance.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sst_desk.importers import limits, sheets
from sst_desk.importers.attendance_spec import ProblemCode
from sst_desk.importers.cells import cell_text
from sst_desk.importers.file_errors import ImportFileError, file_error
from sst_desk.importers.headers import SEARCH_ROWS, combined_headers, guess_header_index

DELIMITERS = (";", ",", "\t", "|")
SPREADSHEET_KINDS = ("xlsx", "xls", "ods")
_SNIFF_BYTES = 64 * 1024
_CHUNK = 1 << 20
_PREVIEW_ROWS = 100  # rows kept by TableFile.preview


class ImportCancelled(Exception):
    """The user cancelled; nothing read so far should be stored."""


@dataclass
class TableFile:
    """An opened export, cheap to preview: its kind, and how it is read."""

    path: Path
    kind: str  # "csv" | "xlsx" | "xls" | "ods"
    encoding: str | None = None
    delimiter: str | None = None
    sheets: list[str] = field(default_factory=list)
    sheet: str | None = None
    # The first rows as read once: a spreadsheet sheet is parsed whole each time it is opened (seconds for a
    # million rows), and the header guess and the mapping dialog ask for the preview several times.
    # Kept with the sheet it was read from, so a TableFile whose ``sheet`` is changed reads again.
    _preview: tuple[str | None, int, list[tuple[int, list[str]]]] | None = field(default=None, repr=False,
                                                                                 compare=False)

    def preview(self, limit: int = 50) -> list[tuple[int, list[str]]]:
        """The first ``limit`` rows: (line or row number, 1-based; the cells as text, trailing empties dropped)."""
        if self._preview is not None and self._preview[0] == self.sheet and self._preview[1] >= limit:
            return self._preview[2][:limit]
        wanted = max(limit, _PREVIEW_ROWS)
        rows: list[tuple[int, list[str]]] = []
        try:
            for line, cells in stream_rows(self):
                texts = [cell_text(c) for c in cells or ()]
                while texts and not texts[-1]:
                    texts.pop()
                rows.append((line, texts))
                if len(rows) >= wanted:
                    break
        except ImportFileError:
            return rows[:limit]  # a preview shows what could be read; reading the rows reports the damage
        # Fewer rows than wanted: that is the whole file, good for any limit.
        self._preview = (self.sheet, wanted if len(rows) >= wanted else 1 << 62, rows)
        return rows[:limit]

    def guess_header_row(self) -> int | None:
        """The line of the row that looks like the (last) header row, or None."""
        rows = self.preview(SEARCH_ROWS + 3)
        index = guess_header_index([cells for _, cells in rows])
        return None if index is None else rows[index][0]

    def headers(self, header_row: int | None = None) -> list[str]:
        """The combined header texts of the columns, the header being on line ``header_row`` (default: guessed)."""
        row = header_row if header_row is not None else self.guess_header_row()
        if row is None:
            return []
        rows = self.preview(max(SEARCH_ROWS, row) + 3)
        lines = [line for line, _ in rows]
        if row not in lines:
            return []
        return combined_headers([cells for _, cells in rows], lines.index(row))

    @property
    def is_spreadsheet(self) -> bool:
        """A workbook with sheets (XLSX, XLS or ODS), rather than CSV text."""
        return self.kind in SPREADSHEET_KINDS

    def size(self) -> int:
        try:
            return self.path.stat().st_size
        except OSError:
            return 0


def open_table(path: Path, sheet: str | None = None) -> TableFile:
    """Open an export: a spreadsheet (XLSX, XLS, ODS) by its content, otherwise CSV text. Raises ImportFileError.

    ``sheet`` None: the sheet that holds the data (sheets.choose_sheet), not simply the first.
    """
    path = Path(path)
    try:
        with path.open("rb") as file:
            head = file.read(_SNIFF_BYTES)
    except OSError as error:
        raise file_error(ProblemCode.FILE_UNREADABLE, str(error)) from None
    if not head:
        raise file_error(ProblemCode.FILE_EMPTY)
    kind = sheets.sniff_kind(path, head)
    if kind is None and path.suffix.casefold() in (".xlsx", ".xlsm", ".ods"):
        raise file_error(ProblemCode.FILE_FORMAT, path.name)  # named a workbook, but not a zip
    if kind is not None:
        return _open_spreadsheet(path, kind, sheet)
    encoding = _encoding(path, head)
    if not encoding.startswith("utf-16") and b"\x00" in head:
        raise file_error(ProblemCode.FILE_FORMAT, path.name)
    text = head.decode(encoding, errors="replace")
    if not text.lstrip("\ufeff").strip() and len(head) < _SNIFF_BYTES:
        raise file_error(ProblemCode.FILE_EMPTY)
    return TableFile(path=path, kind="csv", encoding=encoding, delimiter=_delimiter(text, len(head) < _SNIFF_BYTES))


def _encoding(path: Path, head: bytes) -> str:
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    # UTF-16 without a BOM (some export tools): text whose every second byte is NUL. Never a real CSV in
    # another encoding, which holds no NUL at all.
    pairs = head[:len(head) - len(head) % 2]
    if len(pairs) >= 8:
        if pairs[1::2].count(0) >= 0.9 * (len(pairs) // 2) and pairs[0::2].count(0) == 0:
            return "utf-16-le"
        if pairs[0::2].count(0) >= 0.9 * (len(pairs) // 2) and pairs[1::2].count(0) == 0:
            return "utf-16-be"
    # Strict UTF-8 over the whole file: a Windows-1252 'å' may first appear on line 900,000.
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    try:
        with path.open("rb") as file:
            while chunk := file.read(_CHUNK):
                decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return "cp1252"
    except OSError as error:
        raise file_error(ProblemCode.FILE_UNREADABLE, str(error)) from None
    return "utf-8"


def _delimiter(text: str, whole: bool) -> str:
    """The candidate that splits the most sample rows into the same number (> 1) of cells."""
    if not whole and "\n" in text:
        text = text[: text.rindex("\n")]  # the sample's last line may be cut
    best, best_score = ";", (0.0, 0)
    for candidate in DELIMITERS:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=candidate)
        try:
            counts = [len(row) for row in reader if any(row)]
        except csv.Error:
            continue
        if not counts:
            continue
        widths = [n for n in counts if n > 1]
        if not widths:
            continue
        mode = max(set(widths), key=widths.count)
        score = (widths.count(mode) / len(counts), mode)
        if score > best_score:
            best, best_score = candidate, score
    return best


def _open_spreadsheet(path: Path, kind: str, sheet: str | None) -> TableFile:
    workbook = sheets.open_workbook(path, kind)
    try:
        names = sheets.worksheet_names(workbook)
        if not names:
            raise file_error(ProblemCode.FILE_FORMAT, path.name)
        if sheet is not None and sheet not in names:
            raise file_error(ProblemCode.SHEET_MISSING, sheet)
        chosen = sheet if sheet is not None else sheets.choose_sheet(workbook, names, path, kind)
    finally:
        workbook.close()
    return TableFile(path=path, kind=kind, sheets=names, sheet=chosen)


class CsvRows:
    """A CSV's rows with the line each starts on; ``position`` is the bytes read so far."""

    def __init__(self, table: TableFile) -> None:
        self.table = table
        self.total = table.size()
        try:
            self._binary = table.path.open("rb")
        except OSError as error:
            raise file_error(ProblemCode.FILE_UNREADABLE, str(error)) from None
        errors = "strict" if table.encoding in ("utf-8", "utf-8-sig") else "replace"
        self._text = io.TextIOWrapper(self._binary, encoding=table.encoding, errors=errors, newline="")
        self.reader = csv.reader(self._text, delimiter=table.delimiter or ";", strict=True)

    def position(self) -> int:
        try:
            return min(self._binary.tell(), self.total)
        except (OSError, ValueError):
            return self.total

    def close(self) -> None:
        self._text.close()

    def __iter__(self) -> Iterator[tuple[int, list[str] | None]]:
        reader = self.reader
        previous = 0
        while True:
            try:
                for cells in reader:
                    yield previous + 1, cells
                    previous = reader.line_num
                return
            except csv.Error as error:
                if "unexpected end of data" in str(error):
                    raise file_error(ProblemCode.FILE_TRUNCATED, line=previous + 1) from None
                # A stray quote ('"a"b'): the reader drops that line and goes on; None = a row that is broken.
                yield previous + 1, None
                previous = reader.line_num
            except UnicodeDecodeError:
                raise file_error(ProblemCode.FILE_FORMAT, self.table.path.name) from None


class SheetRows:
    """A spreadsheet sheet's rows (tuples of typed values, merges filled) with their row numbers.

    ``position`` is the rows read so far, ``total`` the sheet's last row number (for progress).
    """

    def __init__(self, table: TableFile) -> None:
        self.table = table
        self.workbook = sheets.open_workbook(table.path, table.kind)
        try:
            if table.sheet not in sheets.worksheet_names(self.workbook):
                raise file_error(ProblemCode.SHEET_MISSING, str(table.sheet))
            self.sheet = sheets.load_sheet(self.workbook, str(table.sheet), table.path, table.kind)
        except BaseException:
            self.workbook.close()
            raise
        end = self.sheet.end
        self.total = end[0] + 1 if end else 0
        self._done = 0

    def position(self) -> int:
        return self._done

    def close(self) -> None:
        self.sheet = None  # the parsed sheet is freed with its last reference
        try:
            self.workbook.close()
        except Exception:  # noqa: BLE001 — closed twice (WorkbookClosed)
            pass

    def __iter__(self) -> Iterator[tuple[int, tuple]]:
        errors = limits.error_cells(self.table.path, str(self.table.sheet))
        merged = limits.merged_cells(self.table.path, str(self.table.sheet)) if self.table.kind == "ods" else None
        for line, cells in sheets.sheet_rows(self.sheet, errors=errors, merged=merged):
            self._done = line
            yield line, cells


def open_rows(table: TableFile) -> CsvRows | SheetRows:
    return CsvRows(table) if table.kind == "csv" else SheetRows(table)


def ends_with_newline(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            file.seek(0, io.SEEK_END)
            if file.tell() == 0:
                return True
            file.seek(-min(file.tell(), 2), io.SEEK_END)
            return file.read().rstrip(b"\x00")[-1:] in (b"\n", b"\r")  # "\n\x00" ends a UTF-16 line
    except OSError:
        return True


def stream_rows(table: TableFile) -> Iterator[tuple[int, list[str] | tuple | None]]:
    """Every row of the table with its line, closing the file at the end (or when the caller stops)."""
    rows = open_rows(table)
    try:
        yield from rows
    finally:
        rows.close()
