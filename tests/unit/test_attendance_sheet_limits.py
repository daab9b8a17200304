"""Spreadsheets that would expand beyond what can be read safely are refused early (FILE_TOO_LARGE).

Each bomb is built small on disk in tmp_path; opening and reading it runs in a child process whose peak
memory (ru_maxrss) is measured: without the limits the sparse XLSX makes calamine abort the process (a
549 GB allocation), the zip bomb inflates to gigabytes and the ODS repeats expand to millions of cells.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import sheet_files
from sst_desk.importers import limits
from sst_desk.importers.attendance_spec import ProblemCode
from sst_desk.importers.tables import ImportFileError, open_table

MEMORY_BOUND_MB = 250  # the child's whole peak, Python and the app's modules included

_CHILD = r"""
import json, resource, sys
from sst_desk.importers.tables import ImportFileError, open_table, stream_rows
try:
    table = open_table(sys.argv[1])
    rows = sum(1 for _ in stream_rows(table))
    outcome = f"read {rows}"
except ImportFileError as error:
    outcome = error.problem.code.value
print(json.dumps({"outcome": outcome, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def open_in_child(path: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", _CHILD, str(path)], capture_output=True, text=True, timeout=120,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def _xlsx_parts(sheet_xml: bytes) -> dict[str, bytes]:
    """The members of a minimal, valid one-sheet workbook around ``sheet_xml``."""
    return {
        "[Content_Types].xml": (
            b'<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            b'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            b'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
            b'"/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.'
            b'main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxml'
            b'formats-officedocument.spreadsheetml.worksheet+xml"/></Types>'),
        "_rels/.rels": (
            b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            b'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            b'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
            b'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
            b'relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>'),
        "xl/_rels/workbook.xml.rels": (
            b'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            b'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            b'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'),
        "xl/worksheets/sheet1.xml": sheet_xml,
    }


def _sheet_xml(cells: str) -> bytes:
    return ('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
            f'spreadsheetml/2006/main"><sheetData>{cells}</sheetData></worksheet>').encode()


def write_xlsx(path: Path, sheet_xml: bytes) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in _xlsx_parts(sheet_xml).items():
            archive.writestr(name, data)
    return path


def test_a_small_sheet_of_the_minimal_shape_reads(tmp_path):
    cells = '<row r="1"><c r="A1" t="inlineStr"><is><t>Namn</t></is></c></row><row r="2"><c r="B2"><v>5</v></c></row>'
    path = write_xlsx(tmp_path / "ok.xlsx", _sheet_xml(cells))
    assert open_in_child(path)["outcome"] == "read 2"


def test_sparse_xlsx_two_cells_far_apart_is_refused_before_calamine_allocates(tmp_path):
    cells = ('<row r="1"><c r="A1"><v>1</v></c></row>'
             '<row r="1048576"><c r="XFD1048576"><v>2</v></c></row>')
    path = write_xlsx(tmp_path / "sparse.xlsx", _sheet_xml(cells))
    assert path.stat().st_size < 5_000
    result = open_in_child(path)
    assert result["outcome"] == ProblemCode.FILE_TOO_LARGE.value
    assert result["peak_mb"] < MEMORY_BOUND_MB


def test_a_cell_far_down_in_a_low_row_tag_is_still_seen(tmp_path):
    # The cell's own reference counts, whatever row element it sits in.
    cells = '<row r="1"><c r="A1"><v>1</v></c><c r="AAA1048000"><v>2</v></c></row>'
    with pytest.raises(ImportFileError) as caught:
        open_table(write_xlsx(tmp_path / "low.xlsx", _sheet_xml(cells)))
    assert caught.value.problem.code is ProblemCode.FILE_TOO_LARGE


def test_a_wide_but_honest_sheet_reads(tmp_path):
    # 60 columns x 2,000 rows: 120,000 cells, far under the cap although columns go past Z.
    rows = [[f"r{r}c{c}" if c == 0 else r * c for c in range(60)] for r in range(2_000)]
    path = sheet_files.write_sheet(tmp_path / "wide.xlsx", rows, kind="xlsx")
    assert open_in_child(path)["outcome"] == "read 2000"


def test_zip_bomb_renamed_xlsx_is_refused_without_inflating(tmp_path):
    path = tmp_path / "bomb.xlsx"
    parts = _xlsx_parts(_sheet_xml(""))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            if name != "xl/worksheets/sheet1.xml":
                archive.writestr(name, data)
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            member.write(parts["xl/worksheets/sheet1.xml"][:-len(b"</sheetData></worksheet>")])
            block = b"<row/>" * (1 << 20)  # 6 MB of empty rows, deflating about 1000:1
            for _ in range(200):  # 1.2 GB uncompressed
                member.write(block)
            member.write(b"</sheetData></worksheet>")
    assert path.stat().st_size < 3_000_000
    result = open_in_child(path)
    assert result["outcome"] == ProblemCode.FILE_TOO_LARGE.value
    assert result["peak_mb"] < MEMORY_BOUND_MB


def test_a_zip_of_too_many_members_is_refused(tmp_path):
    path = write_xlsx(tmp_path / "many.xlsx", _sheet_xml('<row r="1"><c r="A1"><v>1</v></c></row>'))
    with zipfile.ZipFile(path, "a") as archive:
        for index in range(limits.MAX_MEMBERS + 1):
            archive.writestr(f"xl/media/i{index}.bin", b"")
    with pytest.raises(ImportFileError) as caught:
        open_table(path)
    assert caught.value.problem.code is ProblemCode.FILE_TOO_LARGE


def _ods_with(body: str, path: Path) -> Path:
    head = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content'
            ' xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"'
            ' xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"'
            ' xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
            '<office:body><office:spreadsheet><table:table table:name="Blad1">')
    tail = "</table:table></office:spreadsheet></office:body></office:document-content>"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), sheet_files.ODS_MIMETYPE, compress_type=zipfile.ZIP_STORED)
        archive.writestr("META-INF/manifest.xml", sheet_files._ODS_MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("content.xml", head + body + tail, compress_type=zipfile.ZIP_DEFLATED)
    return path


@pytest.mark.parametrize(("rows", "columns"), [(1_048_576, 16_384), (1_000_000, 100), (50, 1_000_000)])
def test_ods_repeats_that_expand_are_refused(tmp_path, rows, columns):
    cell = (f'<table:table-cell table:number-columns-repeated="{columns}" office:value-type="float"'
            ' office:value="1"><text:p>1</text:p></table:table-cell>')
    body = f'<table:table-row table:number-rows-repeated="{rows}">{cell}</table:table-row>'
    path = _ods_with(body, tmp_path / "repeat.ods")
    result = open_in_child(path)
    assert result["outcome"] == ProblemCode.FILE_TOO_LARGE.value
    assert result["peak_mb"] < MEMORY_BOUND_MB


def test_ods_empty_trailing_repeats_as_libreoffice_writes_them_are_fine(tmp_path):
    data = ('<table:table-row><table:table-cell office:value-type="string"><text:p>Namn</text:p></table:table-cell>'
            '<table:table-cell office:value-type="float" office:value="5"><text:p>5</text:p></table:table-cell>'
            '<table:table-cell table:number-columns-repeated="16382"/></table:table-row>'
            '<table:table-row table:number-rows-repeated="1048575">'
            '<table:table-cell table:number-columns-repeated="16384"/></table:table-row>')
    path = _ods_with(data, tmp_path / "trailing.ods")
    table = open_table(path)
    assert table.preview(3) == [(1, ["Namn", "5"])]


def test_the_caps_leave_room_for_a_million_row_export():
    # A 1,000,000-row, 7-column export: 344 MB of sheet XML, 7 million cells.
    assert limits.MAX_UNCOMPRESSED > 2 * 344_000_000
    assert limits.MAX_CELLS >= 1_000_001 * 26  # no two-letter column: the bound is 26 columns
