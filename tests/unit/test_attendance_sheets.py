"""Spreadsheets read with python-calamine: XLSX, XLS and ODS by content, typed cells, row numbers as the
user sees them, names merged over a block of rows, the data sheet behind an instruction sheet; and the
CSV text path unchanged (UTF-16 "Unicode text" and ISO-8859-1 tab files)."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile

import pytest

import sheet_files
from sst_desk.importers.attendance_file import ImportedRow, read_rows
from sst_desk.importers.attendance_spec import Column, MappingSpec, ProblemCode
from sst_desk.importers.people import fake_students
from sst_desk.importers.tables import ImportFileError, open_table, stream_rows

KINDS = ["xlsx", "xls", "ods"]
STUDENTS = fake_students(3, seed=11)
(PNR_A, NAME_A), (PNR_B, NAME_B), (PNR_C, NAME_C) = STUDENTS
HEADER = ["Personnummer", "Namn", "Datum", "Schemalagd tid (min)", "Giltig frånvaro (min)",
          "Ogiltig frånvaro (min)"]
SPEC = MappingSpec(name="t", columns={
    Column.STUDENT: "Personnummer", Column.DATE: "Datum", Column.SCHEDULED: "Schemalagd tid (min)",
    Column.VALID: "Giltig frånvaro (min)", Column.INVALID: "Ogiltig frånvaro (min)"})
DAY = dt.date(2026, 11, 2)  # a Monday


def data_rows() -> list[list]:
    return [
        ["Frånvarorapport – Exempelskolan"],
        [],
        HEADER,
        [PNR_A, NAME_A, DAY, 300, 60, 0],
        [PNR_B, NAME_B, DAY, 300, 0, 45],
        [PNR_C, NAME_C, DAY + dt.timedelta(days=1), 240, 15.5, 30],
    ]


def imported(path, spec=SPEC):
    items = list(read_rows(path, spec))
    return [i for i in items if isinstance(i, ImportedRow)], [i for i in items if not isinstance(i, ImportedRow)]


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_imports_exactly_the_numbers_in_it(tmp_path, kind):
    path = sheet_files.write_sheet(tmp_path / f"export.{kind}", data_rows(), kind=kind)
    table = open_table(path)
    assert (table.kind, table.sheets, table.sheet, table.is_spreadsheet) == (kind, ["Blad1"], "Blad1", True)
    assert table.guess_header_row() == 3
    rows, problems = imported(path)
    assert problems == []
    got = [(r.student_key, r.record.period_start, r.record.scheduled, r.record.valid, r.record.invalid) for r in rows]
    assert got == [(PNR_A, DAY, 300, 60, 0), (PNR_B, DAY, 300, 0, 45),
                   (PNR_C, DAY + dt.timedelta(days=1), 240, 15.5, 30)]
    assert [r.line for r in rows] == [4, 5, 6]


@pytest.mark.parametrize("kind", KINDS)
def test_kind_is_told_by_content_not_by_the_name(tmp_path, kind):
    path = sheet_files.write_sheet(tmp_path / f"export.{kind}", data_rows(), kind=kind)
    renamed = tmp_path / "export.csv"  # a portal that names every download .csv
    shutil.copy(path, renamed)
    assert open_table(renamed).kind == kind
    rows, problems = imported(renamed)
    assert len(rows) == 3 and problems == []


@pytest.mark.parametrize("kind", KINDS)
def test_typed_cells_and_row_numbers_when_the_data_starts_low_and_right(tmp_path, kind):
    rows = [[], [], [None, None, "Namn", "Datum", "Minuter", "Tid"],
            [None, None, "Åsa", dt.date(2026, 11, 2), 12.5, dt.datetime(2026, 11, 2, 8, 30)],
            [None, None, "Bo", dt.date(2026, 11, 3), 7, None]]
    table = open_table(sheet_files.write_sheet(tmp_path / f"t.{kind}", rows, kind=kind))
    streamed = [(line, cells) for line, cells in stream_rows(table) if any(c is not None for c in cells)]
    assert [line for line, _ in streamed] == [3, 4, 5]  # the rows' numbers in the sheet, 1-based
    line, cells = streamed[1]
    assert cells[:2] == (None, None)  # column C is the third cell: the row is padded on the left
    assert cells[2:6] == ("Åsa", dt.date(2026, 11, 2), 12.5, dt.datetime(2026, 11, 2, 8, 30))
    assert isinstance(cells[3], dt.date) and not isinstance(cells[3], dt.datetime)
    assert streamed[2][1][2:5] == ("Bo", dt.date(2026, 11, 3), 7)
    assert all(c is None or c != "" for _, row in streamed for c in row)  # empty is None, never ""


@pytest.mark.parametrize("kind", KINDS)
def test_a_name_merged_over_a_block_of_rows_is_carried_down(tmp_path, kind):
    rows = [["Elev", "Datum", "Schemalagd tid (min)", "Giltig frånvaro (min)", "Ogiltig frånvaro (min)"],
            [PNR_A, DAY, 300, 60, 0],
            [None, DAY + dt.timedelta(days=1), 300, 0, 30],
            [None, DAY + dt.timedelta(days=2), 300, 0, 0],
            [PNR_B, DAY, 240, 10, 5]]
    path = sheet_files.write_sheet(tmp_path / f"m.{kind}", rows, kind=kind, merged=[(1, 0, 3, 0)])
    spec = MappingSpec(name="m", columns={
        Column.STUDENT: "Elev", Column.DATE: "Datum", Column.SCHEDULED: "Schemalagd tid (min)",
        Column.VALID: "Giltig frånvaro (min)", Column.INVALID: "Ogiltig frånvaro (min)"})
    got, problems = imported(path, spec)
    assert problems == []
    assert [(r.student_key, r.record.period_start, r.record.invalid) for r in got] == [
        (PNR_A, DAY, 0), (PNR_A, DAY + dt.timedelta(days=1), 30), (PNR_A, DAY + dt.timedelta(days=2), 0),
        (PNR_B, DAY, 5)]


def test_a_number_merged_over_rows_is_not_multiplied(tmp_path):
    rows = [["Namn", "Minuter"], ["Åsa", 120], ["Åsa", None], ["Bo", 5]]
    table = open_table(sheet_files.write_sheet(tmp_path / "n.xlsx", rows, kind="xlsx", merged=[(1, 1, 2, 1)]))
    assert [cells[:2] for _, cells in stream_rows(table)] == [("Namn", "Minuter"), ("Åsa", 120), ("Åsa", None),
                                                              ("Bo", 5)]


def test_a_title_merged_across_the_table_stays_one_cell(tmp_path):
    rows = [["Frånvarorapport HT 2026", None, None], ["Namn", "Datum", "Minuter"], ["Åsa", DAY, 5]]
    table = open_table(sheet_files.write_sheet(tmp_path / "t.xlsx", rows, kind="xlsx", merged=[(0, 0, 0, 2)]))
    assert table.preview(1) == [(1, ["Frånvarorapport HT 2026"])]


def test_ods_merges_are_found_in_content_xml_on_the_right_sheet(tmp_path):
    # python-calamine gives no merges for ODS: the size check reads them from content.xml, per table.
    rows = [HEADER, [PNR_A, NAME_A, DAY, 300, 60, 0], [None, None, DAY + dt.timedelta(days=1), 300, 0, 30]]
    path = sheet_files.write_sheet(tmp_path / "m.ods", rows, kind="ods", merged=[(1, 0, 2, 1)], sheet="Data",
                                   before={"Instruktioner": [["Läs mig"], ["En rad per elev."]]})
    got, problems = imported(path)
    assert problems == []
    assert [(r.student_key, r.record.valid, r.record.invalid) for r in got] == [(PNR_A, 60, 0), (PNR_A, 0, 30)]


@pytest.mark.parametrize("kind", KINDS)
def test_the_data_sheet_is_opened_behind_an_instruction_sheet(tmp_path, kind):
    instructions = [["Så här fyller du i frånvaron"], [], ["Skriv en rad per elev och dag."],
                    ["Frånvaron anges i minuter."], ["Spara filen och skicka den till elevhälsan."]]
    path = sheet_files.write_sheet(tmp_path / f"i.{kind}", data_rows(), kind=kind, sheet="Frånvaro",
                                   before={"Instruktioner": instructions},
                                   after={"Listor": [["Giltig"], ["Ogiltig"]]})
    table = open_table(path)
    assert table.sheets == ["Instruktioner", "Frånvaro", "Listor"]
    assert table.sheet == "Frånvaro"
    rows, problems = imported(path)  # the spec names no sheet: the data sheet is found the same way
    assert len(rows) == 3 and problems == []


def test_more_data_rows_wins_between_two_tables(tmp_path):
    small = [HEADER, [PNR_A, NAME_A, DAY, 300, 60, 0]]
    path = sheet_files.write_sheet(tmp_path / "two.xlsx", data_rows(), kind="xlsx", sheet="Hela terminen",
                                   before={"Exempel": small})
    assert open_table(path).sheet == "Hela terminen"
    assert open_table(path, sheet="Exempel").sheet == "Exempel"  # a named sheet is taken as named


def test_a_chosen_sheet_that_is_missing(tmp_path):
    path = sheet_files.write_sheet(tmp_path / "s.ods", data_rows(), kind="ods")
    with pytest.raises(ImportFileError) as caught:
        open_table(path, sheet="Blad9")
    assert caught.value.problem.code is ProblemCode.SHEET_MISSING


@pytest.mark.parametrize("kind", ["xls", "ods"])
def test_damaged_xls_and_ods_are_refused(tmp_path, kind):
    path = sheet_files.write_sheet(tmp_path / f"d.{kind}", data_rows(), kind=kind)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ImportFileError) as caught:
        imported(path)
    assert caught.value.problem.code in (ProblemCode.FILE_TRUNCATED, ProblemCode.FILE_FORMAT)


# ---- the CSV text path is unchanged --------------------------------------------------------------------------

def _tab_text() -> str:
    lines = ["\t".join(HEADER), f"{PNR_A}\tÅsa Öberg\t2026-11-02\t300\t60\t0",
             f"{PNR_B}\tBo Ek\t2026-11-02\t300\t0\t45"]
    return "\r\n".join(lines) + "\r\n"


@pytest.mark.parametrize(("encoding", "expected"), [("utf-16", "utf-16"), ("iso-8859-1", "cp1252")])
def test_unicode_text_and_latin1_tab_files_still_import(tmp_path, encoding, expected):
    path = tmp_path / "export.txt"
    path.write_bytes(_tab_text().encode(encoding))  # Python's utf-16 writes the BOM, as Excel does
    table = open_table(path)
    assert (table.kind, table.encoding, table.delimiter) == ("csv", expected, "\t")
    rows, problems = imported(path)
    assert problems == []
    assert [(r.student_key, r.record.valid, r.record.invalid) for r in rows] == [(PNR_A, 60, 0), (PNR_B, 0, 45)]
    assert table.preview(2)[1][1][1] == "Åsa Öberg"


def test_what_calamine_gives_for_excel_cell_types(tmp_path):
    """Pinned: times and durations typed, a percentage as its bare fraction from calamine and as "35.1 %" from the
    reader (its format is read by the size check), an error cell's text kept."""
    import openpyxl

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Datum", "Tid", "Längd", "Andel", "Sant", "Formel", "Fel"])
    sheet.append([dt.date(2026, 11, 2), dt.time(8, 30), dt.timedelta(hours=30), 0.351, True])
    sheet["B2"].number_format = "hh:mm"
    sheet["C2"].number_format = "[h]:mm"
    sheet["D2"].number_format = "0.0%"
    path = tmp_path / "types.xlsx"
    workbook.save(path)
    # A formula with its cached value and an error cell, as Excel saves them (openpyxl writes no cached values).
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    cells = '<c r="F2"><f>1+2</f><v>3</v></c><c r="G2" t="e"><f>NA()</f><v>#N/A</v></c></row>'
    last_row = xml.rindex("</row>")
    parts["xl/worksheets/sheet1.xml"] = (xml[:last_row] + cells + xml[last_row + len("</row>"):]).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    _, row = list(stream_rows(open_table(path)))[1]
    assert row[:6] == (dt.date(2026, 11, 2), dt.time(8, 30), dt.timedelta(hours=30), "35.1 %", True, 3)
    # calamine gives the error cell as empty; the XLSX size check found it and its text is put back.
    assert row[6] == "#N/A"
    from python_calamine import CalamineWorkbook

    bare = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0).to_python()[1]
    assert bare[3] == 0.351 and bare[6] == ""


def test_a_hidden_sheet_with_more_rows_does_not_win_over_the_visible_data(tmp_path):
    import openpyxl

    workbook = openpyxl.Workbook()
    data = workbook.active
    data.title = "Frånvaro"
    for row in data_rows():
        data.append(row)
    hidden = workbook.create_sheet("Koder")
    hidden.append(["Kod", "Text", "Giltig"])
    for index in range(50):
        hidden.append([f"K{index}", f"Orsak {index}", "Ja"])
    hidden.sheet_state = "hidden"
    path = tmp_path / "hidden.xlsx"
    workbook.save(path)
    assert open_table(path).sheet == "Frånvaro"


def test_an_error_cell_in_an_amount_column_is_reported_not_read_as_zero(tmp_path):
    path = sheet_files.write_sheet(tmp_path / "err.xlsx", data_rows(), kind="xlsx")
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts["xl/worksheets/sheet1.xml"].decode()
    # Row 5 (PNR_B): its invalid absence becomes =NA() with the cached error, as Excel saves it.
    start = xml.index('<c r="F5"')
    end = xml.index("</c>", start) + len("</c>")
    parts["xl/worksheets/sheet1.xml"] = (xml[:start] + '<c r="F5" t="e"><f>NA()</f><v>#N/A</v></c>'
                                         + xml[end:]).encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    table = open_table(path)
    assert table.preview(5)[4][1][5] == "#N/A"
    rows, problems = imported(path)
    assert [r.student_key for r in rows] == [PNR_A, PNR_C]
    assert [(p.line, p.value) for p in problems] == [(5, "#N/A")]


def test_an_error_cell_in_an_xls_is_reported_not_read_as_zero(tmp_path):
    import xlwt

    workbook = xlwt.Workbook()
    workbook.add_sheet("Instruktioner").write(0, 0, "Fyll i en rad per elev och dag.")
    sheet = workbook.add_sheet("Frånvaro")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for r, row in enumerate(data_rows()[2:]):
        for c, value in enumerate(row):
            if r == 2 and c == 5:
                sheet.row(r).set_cell_error(c, 0x2A)  # #N/A where PNR_B's invalid absence should be
            elif isinstance(value, dt.date):
                sheet.write(r, c, value, date_style)
            else:
                sheet.write(r, c, value)
    path = tmp_path / "err.xls"
    workbook.save(str(path))
    table = open_table(path)
    assert table.sheet == "Frånvaro"
    rows, problems = imported(path)
    assert [r.student_key for r in rows] == [PNR_A, PNR_C]
    assert [(p.line, p.value) for p in problems] == [(3, "#N/A")]


def test_libreoffice_error_cells_in_an_ods_are_reported_not_read_as_zero(tmp_path):
    # As LibreOffice saves them: #DIV/0! carries office:value="0" (calamine gives 0.0), #N/A an empty string.
    path = sheet_files.write_sheet(tmp_path / "err.ods", data_rows(), kind="ods")
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    xml = parts["content.xml"].decode()
    division = ('<table:table-cell table:formula="of:=1/0" office:value-type="float" office:value="0"'
                ' calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>')
    missing = ('<table:table-cell table:formula="of:=NA()" office:value-type="string" office:string-value=""'
               ' calcext:value-type="error"><text:p>#N/A</text:p></table:table-cell>')
    xml = xml.replace('xmlns:text=', 'xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:'
                      'calcext:1.0" xmlns:text=', 1)
    old_b = '<table:table-cell office:value-type="float" office:value="45"><text:p>45</text:p></table:table-cell>'
    old_c = '<table:table-cell office:value-type="float" office:value="30"><text:p>30</text:p></table:table-cell>'
    assert xml.count(old_b) == 1 and xml.count(old_c) == 1
    parts["content.xml"] = xml.replace(old_b, division).replace(old_c, missing).encode()
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), parts.pop("mimetype"), compress_type=zipfile.ZIP_STORED)
        for name, data in parts.items():
            archive.writestr(name, data, compress_type=zipfile.ZIP_DEFLATED)
    rows, problems = imported(path)
    assert [r.student_key for r in rows] == [PNR_A]
    assert [(p.line, p.value) for p in problems] == [(5, "#DIV/0!"), (6, "#N/A")]


def test_the_preview_is_read_once_and_again_for_another_sheet(tmp_path):
    path = sheet_files.write_sheet(tmp_path / "p.xlsx", data_rows(), kind="xlsx", sheet="Frånvaro",
                                   before={"Instruktioner": [["Läs mig"]]})
    table = open_table(path)
    first = table.preview(3)
    path.write_bytes(b"")  # the file is gone: a second preview of the same sheet comes from what was read
    assert table.preview(3) == first and table.preview(2) == first[:2]
    table.sheet = "Instruktioner"
    assert table.preview(3) == []  # another sheet is read again (here: nothing can be read any more)
