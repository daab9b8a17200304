"""Reading schools' attendance exports: each real-shaped file gives the right records or a precise problem."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import pytest

from sst_desk.importers.attendance_file import (
    ImportCancelled,
    ImportFileError,
    check_spec,
    open_table,
    read_rows,
    suggest_columns,
)
from sst_desk.importers.attendance_spec import (
    AmountUnit,
    Column,
    IdentifierKind,
    ImportedRow,
    MappingSpec,
    ProblemCode,
    Progress,
    RowProblem,
)
from sst_desk.importers.cells import CellError, parse_day, parse_number, parse_week
from sst_desk.importers.people import fake_students
from sst_desk.importers.samples import (
    write_csv_export,
    write_empty,
    write_truncated_csv,
    write_xlsx_export,
)
from sst_desk.workflow.attendance import AttendanceRecord, Granularity, Unit

STUDENTS = fake_students(4, seed=3)
SPRING = (dt.date(2026, 1, 8), dt.date(2026, 3, 31))
PNR = STUDENTS[0][0]  # a made-up, valid personnummer "YYYYMMDD-NNNN"


def read(path: Path, spec: MappingSpec, **kw) -> tuple[list[ImportedRow], list[RowProblem]]:
    items = list(read_rows(path, spec, **kw))
    return [i for i in items if isinstance(i, ImportedRow)], [i for i in items if isinstance(i, RowProblem)]


def pairs(rows: list[ImportedRow]) -> list[tuple[str, AttendanceRecord]]:
    return [(r.student_key, r.record) for r in rows]


def write(tmp_path: Path, text: str, encoding: str = "utf-8", name: str = "export.csv") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def spec_of(**columns: str) -> MappingSpec:
    return MappingSpec(name="test", columns={Column(role): header for role, header in columns.items()})


BASIC = spec_of(student="Personnummer", date="Datum", scheduled="Schema", absent="Frånvaro", valid="Giltig",
                invalid="Ogiltig")
BASIC_HEADER = "Personnummer;Datum;Schema;Frånvaro;Giltig;Ogiltig\r\n"


# ---- real-shaped exports ---------------------------------------------------------------------------------------

def test_semicolon_windows_1252_decimal_comma_export_reads_back_exactly(tmp_path):
    export = write_csv_export(tmp_path / "närvaro.csv", STUDENTS, *SPRING, granularity="week", seed=2)
    raw = export.path.read_bytes()
    assert "Frånvaro".encode("cp1252") in raw and "\u00a0".encode("cp1252") in raw  # 1 410 with a hard space
    table = open_table(export.path)
    assert (table.kind, table.encoding, table.delimiter) == ("csv", "cp1252", ";")
    rows, problems = read(export.path, export.spec)
    assert problems == []
    assert pairs(rows) == export.rows
    assert any(r.record.scheduled >= 1000 for r in rows)
    assert all(r.record.granularity is Granularity.WEEK and r.record.period_start.weekday() == 0 for r in rows)
    assert any(r.record.scheduled == 0 for r in rows)  # sportlov v9: a row with nothing scheduled


def test_xlsx_with_title_row_and_merged_two_row_header(tmp_path):
    export = write_xlsx_export(tmp_path / "export.xlsx", STUDENTS, *SPRING, seed=1)
    table = open_table(export.path)
    assert table.kind == "xlsx" and table.sheets == ["Frånvaro"]
    assert table.guess_header_row() == 3
    assert table.headers() == ["Personnummer", "Namn", "Klass", "Datum", "Schemalagd tid (min)",
                               "Frånvaro (min) Totalt", "Frånvaro (min) Giltig", "Frånvaro (min) Ogiltig",
                               "Anteckning"]
    assert table.preview(2) == [(1, ["Frånvarorapport – Exempelskolan"]),
                                (2, ["Personnummer", "Namn", "Klass", "Datum", "Schemalagd tid (min)",
                                     "Frånvaro (min)", "", "", "Anteckning"])]
    rows, problems = read(export.path, export.spec)
    assert problems == [] and pairs(rows) == export.rows
    assert rows[0].line == 4  # the row number in the sheet


def test_xlsx_week_number_with_year_column_and_single_header(tmp_path):
    export = write_xlsx_export(tmp_path / "v.xlsx", STUDENTS[:2], *SPRING, granularity="week", merged_header=False)
    assert open_table(export.path).headers(3)[3:5] == ["Vecka", "År"]
    rows, problems = read(export.path, export.spec)
    assert problems == [] and pairs(rows) == export.rows
    assert rows[0].record.period_start == dt.date(2026, 1, 5)  # v. 2 2026


def test_utf8_with_bom(tmp_path):
    export = write_csv_export(tmp_path / "bom.csv", STUDENTS, *SPRING, encoding="utf-8", bom=True)
    table = open_table(export.path)
    assert table.encoding == "utf-8-sig"
    assert table.headers()[0] == "Personnummer"  # no BOM glued to the first header
    rows, problems = read(export.path, export.spec)
    assert problems == [] and pairs(rows) == export.rows


def test_unknown_students_are_just_keys(tmp_path):
    export = write_csv_export(tmp_path / "u.csv", STUDENTS[:2], *SPRING, unknown=3, seed=5)
    rows, problems = read(export.path, export.spec)
    keys = {r.student_key for r in rows}
    assert problems == [] and len(keys) == 5 and {s[0] for s in STUDENTS[:2]} < keys


def test_per_lesson_rows_sum_to_the_day_export(tmp_path):
    lessons = write_csv_export(tmp_path / "l.csv", STUDENTS[:2], *SPRING, per_lesson=True, seed=9)
    days = write_csv_export(tmp_path / "d.csv", STUDENTS[:2], *SPRING, seed=9)
    rows, problems = read(lessons.path, lessons.spec)
    assert problems == [] and pairs(rows) == lessons.rows
    summed: dict[tuple[str, dt.date], list[float]] = {}
    for row in rows:
        total = summed.setdefault((row.student_key, row.record.period_start), [0.0, 0.0])
        total[0] += row.record.scheduled
        total[1] += row.record.absent
    assert summed == {(k, r.period_start): [r.scheduled, r.absent] for k, r in days.rows}
    assert len(rows) > 3 * len(days.rows)


def test_hours_export_with_decimal_comma(tmp_path):
    export = write_csv_export(tmp_path / "h.csv", STUDENTS[:2], *SPRING, unit=AmountUnit.HOURS)
    assert b";5,25;" in export.path.read_bytes()
    rows, problems = read(export.path, export.spec)
    assert problems == [] and pairs(rows) == export.rows


@pytest.mark.parametrize(("delimiter", "decimal_comma"), [(",", False), ("\t", True), ("|", False), (";", False)])
def test_any_delimiter_is_sniffed(tmp_path, delimiter, decimal_comma):
    export = write_csv_export(tmp_path / "x.csv", STUDENTS[:2], *SPRING, delimiter=delimiter,
                              decimal_comma=decimal_comma, encoding="utf-8")
    assert open_table(export.path).delimiter == delimiter
    rows, problems = read(export.path, export.spec)
    assert problems == [] and pairs(rows) == export.rows


def test_windows_1252_letter_far_down_still_decodes(tmp_path):
    """Strict UTF-8 is tried over the whole file, not just its start: the 'Å' is past the first megabyte."""
    head = "Personnummer;Datum;Schema;Franvaro;Giltig;Ogiltig;Namn\r\n"
    # Each row differs (the lesson number in the unmapped last column): exact copies would be refused.
    body = "".join(f"{PNR};2026-01-{12 + i % 5:02d};300;0;0;0;Anna {i}\r\n" for i in range(40_000))
    path = write(tmp_path, head + body + f"{PNR};2026-01-19;300;0;0;0;Åsa\r\n", "cp1252")
    assert path.stat().st_size > 1 << 20
    table = open_table(path)
    assert table.encoding == "cp1252"
    spec = spec_of(student="Personnummer", date="Datum", scheduled="Schema", absent="Franvaro")
    rows, problems = read(path, spec)
    assert problems == [] and len(rows) == 40_001 and rows[-1].line == 40_002


# ---- bad files ---------------------------------------------------------------------------------------------------

def test_truncated_inside_a_quoted_field(tmp_path):
    export = write_truncated_csv(tmp_path / "t.csv", STUDENTS[:1], *SPRING, cut="quoted")
    body = export.path.read_bytes().decode("cp1252")
    cut_line = body[:body.rindex(STUDENTS[0][0])].count("\n") + 1  # earlier notes may span two lines
    with pytest.raises(ImportFileError) as caught:
        read(export.path, export.spec)
    assert caught.value.problem == RowProblem(cut_line, ProblemCode.FILE_TRUNCATED)


def test_truncated_mid_row(tmp_path):
    export = write_truncated_csv(tmp_path / "t.csv", STUDENTS[:1], *SPRING, cut="row")
    with pytest.raises(ImportFileError) as caught:
        read(export.path, export.spec)
    assert caught.value.problem.code is ProblemCode.FILE_TRUNCATED
    body = export.path.read_bytes().decode("cp1252")
    assert caught.value.problem.line == body[:body.rindex(STUDENTS[0][0])].count("\n") + 1


def test_a_short_row_inside_a_complete_file_is_a_row_problem(tmp_path):
    path = write(tmp_path, BASIC_HEADER + f"{PNR};2026-01-12;300\r\n{PNR};2026-01-13;300;0;0;0\r\n")
    rows, problems = read(path, BASIC)
    assert problems == [RowProblem(2, ProblemCode.ROW_TOO_SHORT, "Frånvaro")]
    assert [r.line for r in rows] == [3]


@pytest.mark.parametrize("bom", [False, True])
def test_empty_file(tmp_path, bom):
    path = write_empty(tmp_path / "e.csv", bom=bom)
    with pytest.raises(ImportFileError) as caught:
        open_table(path)
    assert caught.value.problem.code is ProblemCode.FILE_EMPTY


def test_blank_lines_only(tmp_path):
    with pytest.raises(ImportFileError) as caught:
        read(write(tmp_path, "\r\n\r\n  \r\n"), BASIC)
    assert caught.value.problem.code is ProblemCode.FILE_EMPTY


def test_damaged_xlsx(tmp_path):
    export = write_xlsx_export(tmp_path / "d.xlsx", STUDENTS, *SPRING)
    data = export.path.read_bytes()
    export.path.write_bytes(data[: len(data) // 2])
    with pytest.raises(ImportFileError) as caught:
        read(export.path, export.spec)
    assert caught.value.problem.code is ProblemCode.FILE_TRUNCATED


def test_zip_that_is_no_workbook_and_old_xls(tmp_path):
    with zipfile.ZipFile(tmp_path / "a.xlsx", "w") as archive:
        archive.writestr("hello.txt", "hej")
    with pytest.raises(ImportFileError) as caught:
        open_table(tmp_path / "a.xlsx")
    assert caught.value.problem.code is ProblemCode.FILE_FORMAT
    (tmp_path / "b.xls").write_bytes(b"\xd0\xcf\x11\xe0" + bytes(600))
    with pytest.raises(ImportFileError) as caught:
        open_table(tmp_path / "b.xls")
    assert caught.value.problem.code is ProblemCode.FILE_FORMAT


def test_missing_file_and_missing_sheet(tmp_path):
    with pytest.raises(ImportFileError) as caught:
        open_table(tmp_path / "none.csv")
    assert caught.value.problem.code is ProblemCode.FILE_UNREADABLE
    export = write_xlsx_export(tmp_path / "s.xlsx", STUDENTS[:1], *SPRING)
    with pytest.raises(ImportFileError) as caught:
        open_table(export.path, sheet="Blad2")
    assert caught.value.problem == RowProblem(0, ProblemCode.SHEET_MISSING, "", "Blad2")


# ---- rows and their problems ------------------------------------------------------------------------------------

def test_each_problem_names_line_column_and_value(tmp_path):
    text = (BASIC_HEADER
            + f'{PNR};2026-01-12;300;"3\r\n0";0;0\r\n'  # a quoted field over two lines: the row starts on line 2
            + f"{PNR};2026-13-01;300;0;0;0\r\n"  # line 4
            + "19991399-1234;2026-01-14;300;0;0;0\r\n"  # line 5
            + f"{PNR};2026-01-15;300;-5;0;0\r\n"  # line 6
            + f"{PNR};2026-01-16;;0;0;0\r\n"  # line 7
            + f"{PNR};2026-01-19;300;310;0;0\r\n"  # line 8
            + f"{PNR};2026-01-20;300;30;20;20\r\n"  # line 9
            + f"{PNR};2026-01-21;300;{'x' * 80};;\r\n"  # line 10
            + ";2026-01-22;300;0;0;0\r\n"  # line 11
            + f"{PNR};2026-01-23;300;;;\r\n")  # line 12: empty absence = 0, empty parts unknown
    rows, problems = read(write(tmp_path, text), BASIC)
    assert problems == [
        RowProblem(2, ProblemCode.NUMBER_INVALID, "Frånvaro", "3\r\n0"),
        RowProblem(4, ProblemCode.DATE_INVALID, "Datum", "2026-13-01"),
        RowProblem(5, ProblemCode.PERSONNUMMER_INVALID, "Personnummer", "19991399-1234"),
        RowProblem(6, ProblemCode.NUMBER_NEGATIVE, "Frånvaro", "-5"),
        RowProblem(7, ProblemCode.NUMBER_INVALID, "Schema", ""),
        RowProblem(8, ProblemCode.ABSENCE_OVER_SCHEDULED, "Frånvaro", "310"),
        RowProblem(9, ProblemCode.PARTS_OVER_ABSENCE, "Frånvaro", "30"),
        RowProblem(10, ProblemCode.NUMBER_INVALID, "Frånvaro", "x" * 60),
        RowProblem(11, ProblemCode.STUDENT_EMPTY, "Personnummer", ""),
    ]
    assert pairs(rows) == [(PNR, AttendanceRecord(dt.date(2026, 1, 23), Granularity.DAY, 300.0, 0.0))]
    assert rows[0].line == 12


def test_several_bad_cells_in_one_row_are_each_reported(tmp_path):
    path = write(tmp_path, BASIC_HEADER + "123;igår;tre;x;-1;0\r\n")
    _, problems = read(path, BASIC)
    assert [(p.line, p.code, p.column) for p in problems] == [
        (2, ProblemCode.PERSONNUMMER_INVALID, "Personnummer"), (2, ProblemCode.DATE_INVALID, "Datum"),
        (2, ProblemCode.NUMBER_INVALID, "Schema"), (2, ProblemCode.NUMBER_INVALID, "Frånvaro"),
        (2, ProblemCode.NUMBER_NEGATIVE, "Giltig")]


def test_personnummer_forms_normalise_to_one_key(tmp_path):
    digits = PNR.replace("-", "")
    forms = [PNR, digits, digits[2:], f"{digits[2:8]}-{digits[8:]}", f" {PNR} "]
    text = BASIC_HEADER + "".join(f"{form};2026-01-12;300;0;0;0\r\n" for form in forms)
    rows, problems = read(write(tmp_path, text), BASIC)
    assert problems == [] and {r.student_key for r in rows} == {PNR}


def test_names_as_keys(tmp_path):
    spec = spec_of(student="Elev", date="Datum", scheduled="Schema", invalid="Ogiltig")
    spec.identifier = IdentifierKind.NAME
    text = "Elev;Datum;Schema;Ogiltig\r\nAndersson,  Anna ;2026-01-12;300;10\r\n  ANNA   andersson;2026-01-13;300;0\r\n"
    rows, problems = read(write(tmp_path, text), spec)
    assert problems == [] and [r.student_key for r in rows] == ["anna andersson", "anna andersson"]
    # ABSENT not mapped: the absence is the parts, the unmapped part unknown
    assert rows[0].record == AttendanceRecord(dt.date(2026, 1, 12), Granularity.DAY, 300.0, 10.0, None, 10.0)


def test_hours_and_clock_times(tmp_path):
    spec = spec_of(student="Pnr", date="Dag", scheduled="Schema", absent="Frånvaro")
    spec.unit = AmountUnit.HOURS
    text = f"Pnr;Dag;Schema;Frånvaro\r\n{PNR};2026-01-12;5,5;1:30\r\n{PNR};2026-01-13;6:15;0,25\r\n"
    rows, problems = read(write(tmp_path, text), spec)
    assert problems == []
    assert [(r.record.scheduled, r.record.absent, r.record.unit) for r in rows] == [
        (330.0, 90.0, Unit.MINUTES), (375.0, 15.0, Unit.MINUTES)]
    spec.unit = AmountUnit.LESSONS
    rows, problems = read(write(tmp_path, text), spec)
    assert [(p.line, p.code, p.column) for p in problems] == [
        (2, ProblemCode.NUMBER_INVALID, "Frånvaro"), (3, ProblemCode.NUMBER_INVALID, "Schema")]


def test_lessons_stay_lessons(tmp_path):
    spec = spec_of(student="Pnr", week="Vecka", scheduled="Lektioner", absent="Frånvarande lektioner")
    spec.unit = AmountUnit.LESSONS
    text = f"Pnr;Vecka;Lektioner;Frånvarande lektioner\r\n{PNR};2026W05;32;3,5\r\n"
    rows, _ = read(write(tmp_path, text), spec)
    assert rows[0].record == AttendanceRecord(dt.date(2026, 1, 26), Granularity.WEEK, 32.0, 3.5, unit=Unit.LESSONS)


def test_date_wins_over_week_and_year_problems_name_the_year_column(tmp_path):
    spec = spec_of(student="Pnr", date="Datum", week="Vecka", scheduled="Schema", absent="Frånvaro")
    text = f"Pnr;Datum;Vecka;Schema;Frånvaro\r\n{PNR};2026-01-14;nonsense;300;0\r\n"
    rows, problems = read(write(tmp_path, text), spec)
    assert problems == [] and rows[0].record.granularity is Granularity.DAY
    spec = spec_of(student="Pnr", week="Vecka", year="År", scheduled="Schema", absent="Frånvaro")
    text = f"Pnr;Vecka;År;Schema;Frånvaro\r\n{PNR};5;2026;300;0\r\n{PNR};6;tjugo;300;0\r\n{PNR};54;2026;300;0\r\n"
    rows, problems = read(write(tmp_path, text), spec)
    assert [r.record.period_start for r in rows] == [dt.date(2026, 1, 26)]
    assert problems == [RowProblem(3, ProblemCode.WEEK_INVALID, "År", "tjugo"),
                        RowProblem(4, ProblemCode.WEEK_INVALID, "Vecka", "54")]


def test_repeated_header_rows_and_blank_rows_are_skipped(tmp_path):
    text = BASIC_HEADER + f"{PNR};2026-01-12;300;0;0;0\r\n\r\n;;;;;\r\n" + BASIC_HEADER + f"{PNR};2026-01-13;300;0;0;0\r\n"
    rows, problems = read(write(tmp_path, text), BASIC)
    assert problems == [] and [r.line for r in rows] == [2, 6]


def test_header_found_below_a_title_and_matched_case_insensitively(tmp_path):
    text = "Frånvaro per dag – Exempelskolan\r\n\r\n" + BASIC_HEADER.upper().replace(";", " ;") + f"{PNR};2026-01-12;300;0;0;0\r\n"
    rows, problems = read(write(tmp_path, text), BASIC)
    assert problems == [] and rows[0].line == 4


def test_explicit_header_row(tmp_path):
    """An earlier row holds the same texts in another order: only the given header row reads the data right."""
    text = "Datum;Personnummer;Schema;Frånvaro;Giltig;Ogiltig\r\n\r\n" + BASIC_HEADER + f"{PNR};2026-01-12;300;0;0;0\r\n"
    rows, problems = read(write(tmp_path, text), BASIC)
    assert rows == [] and problems[0].code is ProblemCode.PERSONNUMMER_INVALID
    spec = spec_of(**{c.value: h for c, h in BASIC.columns.items()})
    spec.header_row = 3
    rows, problems = read(write(tmp_path, text), spec)
    assert problems == [] and [r.line for r in rows] == [4]
    assert open_table(tmp_path / "export.csv").headers(3)[:2] == ["Personnummer", "Datum"]
    spec.header_row = 7
    with pytest.raises(ImportFileError) as caught:
        read(write(tmp_path, text), spec)
    assert caught.value.problem.code is ProblemCode.NO_HEADER


def test_mapping_that_does_not_fit_the_file(tmp_path):
    path = write(tmp_path, BASIC_HEADER.replace("Ogiltig", "Oanmäld") + f"{PNR};2026-01-12;300;0;0;0\r\n")
    with pytest.raises(ImportFileError) as caught:
        read(path, BASIC)
    assert caught.value.problem == RowProblem(0, ProblemCode.COLUMN_MISSING, "Ogiltig")
    with pytest.raises(ImportFileError) as caught:
        read(path, spec_of(student="Personnummer", scheduled="Schema", absent="Frånvaro"))
    assert caught.value.problem == RowProblem(0, ProblemCode.COLUMN_NOT_MAPPED, "date")
    with pytest.raises(ImportFileError) as caught:
        read(write(tmp_path, "1;2;3\r\n4;5;6\r\n"), BASIC)
    assert caught.value.problem.code is ProblemCode.NO_HEADER


def test_check_spec():
    headers = ["Personnummer", "Datum", "Schema", "Frånvaro"]
    assert check_spec(spec_of(student="personnummer ", date="DATUM", scheduled="Schema", absent="Frånvaro"),
                      headers) == []
    assert check_spec(spec_of(week="Vecka"), headers) == [
        RowProblem(0, ProblemCode.COLUMN_NOT_MAPPED, "student"),
        RowProblem(0, ProblemCode.COLUMN_NOT_MAPPED, "scheduled"),
        RowProblem(0, ProblemCode.COLUMN_NOT_MAPPED, "absent"),
        RowProblem(0, ProblemCode.COLUMN_MISSING, "Vecka"),
    ]


def test_suggest_columns_from_export_headers():
    assert suggest_columns(["Personnummer", "Namn", "Klass", "Datum", "Schemalagd tid (min)",
                            "Frånvaro (min) Totalt", "Frånvaro (min) Giltig", "Frånvaro (min) Ogiltig",
                            "Frånvaro %"]) == {
        Column.STUDENT: "Personnummer", Column.DATE: "Datum", Column.SCHEDULED: "Schemalagd tid (min)",
        Column.ABSENT: "Frånvaro (min) Totalt", Column.VALID: "Frånvaro (min) Giltig",
        Column.INVALID: "Frånvaro (min) Ogiltig"}
    assert suggest_columns(["Elev", "Vecka", "År", "Anmäld frånvaro", "Oanmäld frånvaro", "Schema"]) == {
        Column.STUDENT: "Elev", Column.WEEK: "Vecka", Column.YEAR: "År", Column.SCHEDULED: "Schema",
        Column.VALID: "Anmäld frånvaro", Column.INVALID: "Oanmäld frånvaro"}


def test_progress_and_cancel(tmp_path):
    body = "".join(f"{PNR};2026-01-{12 + i % 5};{300 + i};0;0;0\r\n" for i in range(12_000))  # no exact copies
    path = write(tmp_path, BASIC_HEADER + body)
    seen: list[Progress] = []
    rows, _ = read(path, BASIC, progress=seen.append)
    size = path.stat().st_size
    assert len(rows) == 12_000 and len(seen) == 3
    assert seen[-1] == Progress(size, size) and 0 < seen[0].done <= seen[1].done <= size
    with pytest.raises(ImportCancelled):
        read(path, BASIC, cancelled=lambda: True)


def test_progress_of_an_xlsx_without_dimensions_ends_at_the_rows_read(tmp_path):
    export = write_xlsx_export(tmp_path / "p.xlsx", STUDENTS[:1], *SPRING)  # write-only: no dimension tag
    seen: list[Progress] = []
    read(export.path, export.spec, progress=seen.append)
    assert seen == [Progress(len(export.rows) + 3, len(export.rows) + 3)]


# ---- cells -------------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["2026-01-15", "2026-01-15 08:30", "2026-01-15T08:30:00", "2026/01/15",
                                  "15.01.2026", "15/01/2026", "20260115", dt.datetime(2026, 1, 15, 8), 46037])
def test_day_forms(text):
    assert parse_day(text) == dt.date(2026, 1, 15)


@pytest.mark.parametrize("text", ["2026-02-30", "15.1", "idag", "", "2026-1-155"])
def test_not_days(text):
    with pytest.raises(CellError):
        parse_day(text)


@pytest.mark.parametrize("text", ["2026-W05", "2026W05", "2026-w5", "v5 2026", "V. 5 2026", "v 5 2026",
                                  "vecka 5 2026", "202605", 202605, "2026 v5"])
def test_week_forms(text):
    assert parse_week(text) == dt.date(2026, 1, 26)


def test_bare_week_needs_a_year():
    assert parse_week("5", 2026) == parse_week(5.0, 2026) == parse_week("v.5", 2026) == dt.date(2026, 1, 26)
    for bad in [("5", None), ("2026-W54", None), ("2026-05", None), ("v 0 2026", None)]:
        with pytest.raises(CellError):
            parse_week(*bad)


@pytest.mark.parametrize(("text", "value"), [("1 234,5", 1234.5), ("1\u00a0234,5", 1234.5), ("12,5", 12.5),
                                             ("12.5", 12.5), ("1.234,5", 1234.5), ("1,234.5", 1234.5),
                                             ("\u22125", -5.0), ("0", 0.0), (" 7 ", 7.0), (45, 45.0)])
def test_numbers(text, value):
    assert parse_number(text, clock=False) == value


@pytest.mark.parametrize("text", ["nan", "inf", "1e400", "1_000", "12,5,5", "x", "1:30", True])
def test_not_numbers(text):
    with pytest.raises(CellError):
        parse_number(text, clock=False)
