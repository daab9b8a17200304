"""Test support: real spreadsheet files (xlsx, xls, ods, csv) written from Python rows.

Importable from any test as ``import sheet_files`` (tests/conftest.py puts tests/ on sys.path through
pytest's rootdir conftest handling; see test_sheet_files.py, which checks it).

``write_sheet(path, rows, kind=...)`` writes one data sheet, optionally with sheets before it (an
"Instruktioner" sheet first, as hand-made workbooks have) and after it, and merged ranges in the data sheet.
Dates are written as typed date cells (a number with a date format in xlsx/xls, ``office:date-value`` in
ods), never as text, so the reader sees what Excel or LibreOffice would have saved.

``write_big_sheet(path, rows, kind=...)`` streams rows from an iterator for the benchmark (a million rows
never sit in a list). The binary .xls holds at most 65,536 rows per sheet (XLS_MAX_ROWS): more is refused.

Writers: openpyxl (xlsx; a runtime dependency already), xlwt (xls; test extra), a small hand-written ODS
writer (OpenDocument: a zip whose first member is ``mimetype``, stored uncompressed, then content.xml and a
manifest), written here because odfpy builds the whole document tree in memory and cannot stream a million
rows. The csv kind writes UTF-8 with ";" and ISO dates, the shape the CSV reader already knows.
"""

from __future__ import annotations

import csv
import datetime as dt
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

KINDS = ("xlsx", "xls", "ods", "csv")
XLS_MAX_ROWS = 65_536
Cell = str | int | float | dt.date | dt.datetime | None
Merge = tuple[int, int, int, int]  # first_row, first_col, last_row, last_col (0-based, inclusive)

ODS_MIMETYPE = "application/vnd.oasis.opendocument.spreadsheet"


def write_sheet(path: Path | str, rows: Sequence[Sequence[Cell]], *, kind: str, sheet: str = "Blad1",
                before: dict[str, Sequence[Sequence[Cell]]] | None = None,
                after: dict[str, Sequence[Sequence[Cell]]] | None = None,
                merged: Iterable[Merge] = ()) -> Path:
    """Write ``rows`` as the sheet ``sheet`` of a ``kind`` file at ``path``; returns the path."""
    path = Path(path)
    merged = [tuple(m) for m in merged]
    for first_row, first_col, last_row, last_col in merged:
        if first_row > last_row or first_col > last_col or min(first_row, first_col) < 0:
            raise ValueError(f"bad merged range {(first_row, first_col, last_row, last_col)}")
    sheets = [*(before or {}).items(), (sheet, rows), *(after or {}).items()]
    if kind == "csv":
        if before or after or merged:
            raise ValueError("a CSV file has one sheet and no merged cells")
        return _write_csv(path, rows)
    if kind == "xlsx":
        return _write_xlsx(path, sheets, sheet, merged)
    if kind == "xls":
        return _write_xls(path, sheets, sheet, merged)
    if kind == "ods":
        return _write_ods(path, [(name, iter(data), merged if name == sheet else []) for name, data in sheets])
    raise ValueError(f"unknown kind {kind!r}; one of {KINDS}")


def write_big_sheet(path: Path | str, rows: Iterable[Sequence[Cell]], *, kind: str, sheet: str = "Blad1") -> Path:
    """Stream ``rows`` (any iterator) into one sheet; memory stays flat whatever the row count."""
    path = Path(path)
    if kind == "csv":
        return _write_csv(path, rows)
    if kind == "xlsx":
        import openpyxl

        workbook = openpyxl.Workbook(write_only=True)
        worksheet = workbook.create_sheet(sheet)
        for row in rows:
            worksheet.append([_xlsx_value(workbook, c) for c in row])
        workbook.save(path)
        return path
    if kind == "xls":
        import xlwt

        workbook = xlwt.Workbook(encoding="utf-8")
        worksheet = workbook.add_sheet(sheet)
        styles = _XlsStyles(xlwt)
        for r, row in enumerate(rows):
            if r >= XLS_MAX_ROWS:
                raise ValueError(f"an .xls sheet holds at most {XLS_MAX_ROWS} rows")
            for c, value in enumerate(row):
                _xls_write(worksheet, r, c, value, styles)
            if r % 1000 == 999:
                worksheet.flush_row_data()  # xlwt keeps rows as objects until flushed
        workbook.save(str(path))
        return path
    if kind == "ods":
        return _write_ods(path, [(sheet, iter(rows), [])])
    raise ValueError(f"unknown kind {kind!r}; one of {KINDS}")


# --- CSV -------------------------------------------------------------------------------------------------

def _csv_text(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _write_csv(path: Path, rows: Iterable[Sequence[Cell]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file, delimiter=";")
        for row in rows:
            writer.writerow([_csv_text(c) for c in row])
    return path


# --- XLSX ------------------------------------------------------------------------------------------------

def _xlsx_value(workbook, value: Cell):
    """A write-only cell carrying a date format for dates (openpyxl then stores the serial number)."""
    if isinstance(value, dt.date):
        from openpyxl.cell import WriteOnlyCell

        cell = WriteOnlyCell(workbook.worksheets[0], value=value)
        cell.number_format = "yyyy-mm-dd hh:mm" if isinstance(value, dt.datetime) else "yyyy-mm-dd"
        return cell
    return value


def _write_xlsx(path: Path, sheets, data_sheet: str, merged: list[Merge]) -> Path:
    import openpyxl

    workbook = openpyxl.Workbook()
    workbook.remove(workbook.active)
    for name, data in sheets:
        worksheet = workbook.create_sheet(name)
        for r, row in enumerate(data, start=1):
            for c, value in enumerate(row, start=1):
                if value is None:
                    continue
                cell = worksheet.cell(row=r, column=c, value=value)
                if isinstance(value, dt.datetime):
                    cell.number_format = "yyyy-mm-dd hh:mm"
                elif isinstance(value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
        if name == data_sheet:
            for first_row, first_col, last_row, last_col in merged:
                worksheet.merge_cells(start_row=first_row + 1, start_column=first_col + 1,
                                      end_row=last_row + 1, end_column=last_col + 1)
    workbook.save(path)
    return path


# --- XLS -------------------------------------------------------------------------------------------------

class _XlsStyles:
    def __init__(self, xlwt) -> None:
        self.date = xlwt.easyxf(num_format_str="YYYY-MM-DD")
        self.datetime = xlwt.easyxf(num_format_str="YYYY-MM-DD HH:MM")
        self.plain = xlwt.Style.default_style


def _xls_write(worksheet, r: int, c: int, value: Cell, styles: _XlsStyles) -> None:
    if value is None:
        return
    if isinstance(value, dt.datetime):
        worksheet.write(r, c, value, styles.datetime)
    elif isinstance(value, dt.date):
        worksheet.write(r, c, value, styles.date)
    else:
        worksheet.write(r, c, value, styles.plain)


def _write_xls(path: Path, sheets, data_sheet: str, merged: list[Merge]) -> Path:
    import xlwt

    workbook = xlwt.Workbook(encoding="utf-8")
    styles = _XlsStyles(xlwt)
    for name, data in sheets:
        worksheet = workbook.add_sheet(name)
        ranges = merged if name == data_sheet else []
        covered = {(r, c) for r0, c0, r1, c1 in ranges for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)}
        if len(data) > XLS_MAX_ROWS:
            raise ValueError(f"an .xls sheet holds at most {XLS_MAX_ROWS} rows")
        for r, row in enumerate(data):
            for c, value in enumerate(row):
                if (r, c) not in covered:
                    _xls_write(worksheet, r, c, value, styles)
        for r0, c0, r1, c1 in ranges:
            value = data[r0][c0] if r0 < len(data) and c0 < len(data[r0]) else None
            style = styles.date if isinstance(value, dt.date) else styles.plain
            worksheet.write_merge(r0, r1, c0, c1, "" if value is None else value, style)
    workbook.save(str(path))
    return path


# --- ODS -------------------------------------------------------------------------------------------------

_ODS_HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<office:document-content'
    ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
    ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
    ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"'
    ' office:version="1.2"><office:body><office:spreadsheet>'
)
_ODS_TAIL = "</office:spreadsheet></office:body></office:document-content>"
_ODS_MANIFEST = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"'
    ' manifest:version="1.2">'
    f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{ODS_MIMETYPE}"/>'
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
    '</manifest:manifest>'
)


def _ods_cell(value: Cell, span: str = "") -> str:
    if value is None:
        return f"<table:table-cell{span}/>"
    if isinstance(value, bool):
        text = "TRUE" if value else "FALSE"
        return (f'<table:table-cell{span} office:value-type="boolean" office:boolean-value="{text.lower()}">'
                f"<text:p>{text}</text:p></table:table-cell>")
    if isinstance(value, dt.datetime):
        return (f'<table:table-cell{span} office:value-type="date" office:date-value="{value.isoformat()}">'
                f"<text:p>{value.isoformat(sep=' ')}</text:p></table:table-cell>")
    if isinstance(value, dt.date):
        return (f'<table:table-cell{span} office:value-type="date" office:date-value="{value.isoformat()}">'
                f"<text:p>{value.isoformat()}</text:p></table:table-cell>")
    if isinstance(value, (int, float)):
        return (f'<table:table-cell{span} office:value-type="float" office:value="{value!r}">'
                f"<text:p>{value}</text:p></table:table-cell>")
    return f'<table:table-cell{span} office:value-type="string"><text:p>{escape(str(value))}</text:p></table:table-cell>'


def _ods_rows(rows: Iterable[Sequence[Cell]], merged: list[Merge]) -> Iterable[str]:
    starts = {(r0, c0): (r1 - r0 + 1, c1 - c0 + 1) for r0, c0, r1, c1 in merged}
    covered = {(r, c) for r0, c0, r1, c1 in merged for r in range(r0, r1 + 1) for c in range(c0, c1 + 1)} - set(starts)
    width = max((c1 + 1 for _, _, _, c1 in merged), default=0)
    for r, row in enumerate(rows):
        parts = ["<table:table-row>"]
        for c in range(max(len(row), width)):
            value = row[c] if c < len(row) else None
            if (r, c) in covered:
                parts.append("<table:covered-table-cell/>")
            elif (r, c) in starts:
                rows_spanned, cols_spanned = starts[(r, c)]
                span = (f' table:number-rows-spanned="{rows_spanned}"'
                        f' table:number-columns-spanned="{cols_spanned}"')
                parts.append(_ods_cell(value, span))
            else:
                parts.append(_ods_cell(value))
        parts.append("</table:table-row>")
        yield "".join(parts)


def _write_ods(path: Path, sheets: list[tuple[str, Iterable[Sequence[Cell]], list[Merge]]]) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        # The mimetype member must come first and be stored (not deflated): that is how the format is known.
        archive.writestr(zipfile.ZipInfo("mimetype"), ODS_MIMETYPE, compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", _ODS_MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
        info = zipfile.ZipInfo("content.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        with archive.open(info, "w", force_zip64=True) as member:
            member.write(_ODS_HEAD.encode())
            for name, rows, merged in sheets:
                member.write(f"<table:table table:name={quoteattr(name)}>".encode())
                chunk: list[str] = []
                for row_xml in _ods_rows(rows, merged):
                    chunk.append(row_xml)
                    if len(chunk) >= 2000:
                        member.write("".join(chunk).encode())
                        chunk.clear()
                member.write("".join(chunk).encode())
                member.write(b"</table:table>")
            member.write(_ODS_TAIL.encode())
    return path
