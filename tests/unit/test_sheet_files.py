"""tests/sheet_files.py writes real spreadsheets: each kind read back with python-calamine, typed."""

from __future__ import annotations

import datetime as dt

import pytest
from python_calamine import CalamineWorkbook

import sheet_files

ROWS = [
    ["Elev", "Datum", "Frånvaro (min)", "Tid"],
    ["Åsa Öberg", dt.date(2026, 11, 2), 45, dt.datetime(2026, 11, 2, 8, 30)],
    [None, dt.date(2026, 11, 3), 12.5, None],
    ["Bo Ek", dt.date(2026, 11, 4), 0, "v.46"],
]


@pytest.mark.parametrize("kind", ["xlsx", "xls", "ods"])
def test_each_kind_reads_back_typed_with_its_sheets_and_merges(tmp_path, kind):
    path = sheet_files.write_sheet(
        tmp_path / f"export.{kind}",
        ROWS,
        kind=kind,
        before={"Instruktioner": [["Fyll i en rad per elev och dag."]]},
        after={"Övrigt": [["x"]]},
        merged=[(1, 0, 2, 0)],
    )
    workbook = CalamineWorkbook.from_path(str(path))
    assert workbook.sheet_names == ["Instruktioner", "Blad1", "Övrigt"]
    sheet = workbook.get_sheet_by_name("Blad1")
    rows = sheet.to_python()
    assert rows[0] == ["Elev", "Datum", "Frånvaro (min)", "Tid"]
    assert rows[1][0] == "Åsa Öberg"
    assert rows[1][1] == dt.date(2026, 11, 2)
    assert rows[1][2] == 45
    assert rows[1][3] == dt.datetime(2026, 11, 2, 8, 30)
    assert rows[2][1] == dt.date(2026, 11, 3) and rows[2][2] == 12.5
    assert rows[2][0] in ("", None)  # merged away: only the top-left cell holds the name
    assert rows[3][3] == "v.46"
    if kind == "ods":
        # calamine 0.9 reports no merged ranges for ods (None); the file itself carries the span.
        import zipfile

        content = zipfile.ZipFile(path).read("content.xml").decode("utf-8")
        assert 'table:number-rows-spanned="2"' in content and "<table:covered-table-cell/>" in content
    else:
        assert sheet.merged_cell_ranges == [((1, 0), (2, 0))]


def test_csv_kind_is_semicolon_text(tmp_path):
    path = sheet_files.write_sheet(tmp_path / "export.csv", ROWS, kind="csv")
    lines = path.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "Elev;Datum;Frånvaro (min);Tid"
    assert lines[1] == "Åsa Öberg;2026-11-02;45;2026-11-02 08:30:00"


@pytest.mark.parametrize("kind", ["xlsx", "ods", "csv", "xls"])
def test_big_writer_streams_rows(tmp_path, kind):
    rows = ([f"Elev {i}", dt.date(2026, 1, 1) + dt.timedelta(days=i % 300), i] for i in range(3000))
    path = sheet_files.write_big_sheet(tmp_path / f"big.{kind}", rows, kind=kind)
    if kind == "csv":
        assert len(path.read_text(encoding="utf-8").splitlines()) == 3000
        return
    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    data = sheet.to_python()
    assert len(data) == 3000
    assert data[2999] == ["Elev 2999", dt.date(2026, 1, 1) + dt.timedelta(days=2999 % 300), 2999]


def test_xls_refuses_more_rows_than_the_format_holds(tmp_path):
    rows = ([i] for i in range(sheet_files.XLS_MAX_ROWS + 1))
    with pytest.raises(ValueError, match="65536"):
        sheet_files.write_big_sheet(tmp_path / "big.xls", rows, kind="xls")


def test_sheet_files_is_importable_because_tests_is_on_sys_path():
    import sys
    from pathlib import Path

    tests_dir = Path(sheet_files.__file__).resolve().parent
    assert tests_dir.name == "tests"
    assert str(tests_dir) in [str(Path(p).resolve()) for p in sys.path if p]
