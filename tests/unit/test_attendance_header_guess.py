"""The header row is found when every data cell is text (names, "Giltig", weeks written "v.46", "8C").

Before issue 11 the row with most text cells won and the rows right below it joined the header while they
were all text: the first data rows became part of the header. Real-shaped files, written as CSV and as
spreadsheets (tests/sheet_files.py), are opened and their guessed header checked.
"""

from __future__ import annotations

import pytest

import sheet_files
from sst_desk.importers.headers import combined_headers, guess_header_index
from sst_desk.importers.people import fake_students
from sst_desk.importers.tables import open_table

STUDENTS = fake_students(6, seed=11)


def all_text_rows() -> list[list[str]]:
    """A hand-made sheet: name, class, week as "v.46", the kind of absence as a word, minutes as text."""
    rows = [["Elev", "Klass", "Vecka", "Typ", "Frånvaro"]]
    kinds = ["Giltig", "Ogiltig", "Giltig", "Anmäld", "Ogiltig", "Giltig"]
    for number, (_, name) in enumerate(STUDENTS):
        rows.append([name, "8C", f"v.{45 + number % 2}", kinds[number], f"{10 + number} min"])
    return rows


def test_all_text_rows_the_header_is_the_first_row_alone():
    rows = all_text_rows()
    assert guess_header_index(rows) == 0
    assert combined_headers(rows, 0) == ["Elev", "Klass", "Vecka", "Typ", "Frånvaro"]


def test_all_text_rows_below_a_title_and_a_blank_row():
    rows = [["Frånvaro HT 2026 – Exempelskolan"], [], *all_text_rows()]
    assert guess_header_index(rows) == 2
    assert combined_headers(rows, 2) == ["Elev", "Klass", "Vecka", "Typ", "Frånvaro"]


def test_first_and_last_name_columns_with_text_data():
    rows = [["Förnamn", "Efternamn", "Datum", "Status"]]
    for number, (_, name) in enumerate(STUDENTS):
        first, last = name.split()[0], name.split()[1]
        rows.append([first, last, f"v.{46 + number % 2} mån", "Ogiltig" if number % 2 else "Giltig"])
    assert guess_header_index(rows) == 0


def test_a_two_row_header_is_still_combined():
    rows = [["Elev", "Klass", "Frånvaro", "", ""], ["", "", "Totalt", "Giltig", "Ogiltig"]]
    for _, name in STUDENTS:
        rows.append([name, "8C", "60", "40", "20"])
    assert guess_header_index(rows) == 1
    assert combined_headers(rows, 1) == ["Elev", "Klass", "Frånvaro Totalt", "Frånvaro Giltig", "Frånvaro Ogiltig"]


def test_a_two_row_header_over_all_text_data_takes_no_data_row():
    rows = [["Elev", "Klass", "Frånvaro", ""], ["", "", "Giltig", "Ogiltig"]]
    for _, name in STUDENTS:
        rows.append([name, "8C", "mycket", "lite"])
    assert guess_header_index(rows) == 1


def test_a_header_repeated_every_few_rows_is_still_the_header():
    data = all_text_rows()
    rows = [data[0], *data[1:4], data[0], *data[4:7], data[0], *data[1:3]]
    assert guess_header_index(rows) == 0


def test_one_data_row_only():
    rows = all_text_rows()[:2]
    assert guess_header_index(rows) == 0


def test_no_text_at_all_is_no_header():
    assert guess_header_index([["1", "2"], ["3", "4"]]) is None


@pytest.mark.parametrize("kind", ["csv", "xlsx", "ods", "xls"])
def test_real_file_all_text_header_guess(tmp_path, kind):
    rows = [["Frånvarorapport – Exempelskolan"], [None], *all_text_rows()]
    path = sheet_files.write_sheet(tmp_path / f"export.{kind}", rows, kind=kind)
    table = open_table(path)
    assert table.guess_header_row() == 3  # 1-based: title, blank, header
    assert table.headers() == ["Elev", "Klass", "Vecka", "Typ", "Frånvaro"]


@pytest.mark.parametrize("kind", ["xlsx", "xls"])
def test_real_file_title_merged_across_the_table_is_not_a_header(tmp_path, kind):
    rows = [["Frånvarorapport – Exempelskolan", None, None, None, None], *all_text_rows()]
    path = sheet_files.write_sheet(tmp_path / f"export.{kind}", rows, kind=kind, merged=[(0, 0, 0, 4)])
    table = open_table(path)
    assert table.guess_header_row() == 2
    assert table.headers() == ["Elev", "Klass", "Vecka", "Typ", "Frånvaro"]
