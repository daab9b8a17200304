"""What a row's cells mean (issue 11): percentages, kind words, per-period rows, first and last names,
total and group rows, rounding by the cells' written precision, and the column suggestions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sst_desk.importers.attendance_file import check_spec, read_rows
from sst_desk.importers.attendance_rows import make_converter
from sst_desk.importers.attendance_spec import (
    AmountUnit,
    Column,
    DateOrder,
    IdentifierKind,
    ImportedRow,
    MappingSpec,
    NoticeCode,
    ProblemCode,
    ReadContext,
    RowNotice,
    RowProblem,
)
from sst_desk.importers.headers import suggest_columns, suggest_per_period, suggest_unit
from sst_desk.importers.people import fake_students
from sst_desk.workflow.attendance import Granularity, Unit

TODAY = dt.date(2026, 12, 6)
(PNR_A, NAME_A), (PNR_B, NAME_B) = fake_students(2, seed=11)
FIRST_A, LAST_A = NAME_A.split(" ", 1)


def spec_of(unit: AmountUnit = AmountUnit.MINUTES, identifier: IdentifierKind = IdentifierKind.PERSONNUMMER,
            per_period: bool = False, **columns: str) -> MappingSpec:
    return MappingSpec(name="t", unit=unit, identifier=identifier, per_period=per_period,
                       columns={Column(role): header for role, header in columns.items()})


def read(tmp_path: Path, text: str, spec: MappingSpec) -> list:
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8")
    return list(read_rows(path, spec, today=TODAY))


def convert(spec: MappingSpec, headers: list[str], *rows: list, context: ReadContext | None = None) -> list:
    converter = make_converter(spec, headers, TODAY, context)
    return [converter(line, cells) for line, cells in enumerate(rows, start=2)]


# --- rounding ------------------------------------------------------------------------------------------

HOURS = spec_of(AmountUnit.HOURS, student="Elev", date="Datum", scheduled="Schema", absent="Frånvaro",
                valid="Giltig", invalid="Ogiltig")
HOURS_HEADERS = ["Elev", "Datum", "Schema", "Frånvaro", "Giltig", "Ogiltig"]


def test_hours_rounded_to_two_decimals_are_not_refused_and_are_stored_as_written():
    (row,) = convert(HOURS, HOURS_HEADERS, [PNR_A, "2026-11-02", "5,5", "0,83", "0,17", "0,67"])
    assert isinstance(row, ImportedRow)
    assert row.record.absent == pytest.approx(0.83 * 60)
    assert row.record.valid == pytest.approx(0.17 * 60) and row.record.invalid == pytest.approx(0.67 * 60)


def test_an_excess_beyond_the_written_precision_is_still_refused():
    rows = convert(HOURS, HOURS_HEADERS, [PNR_A, "2026-11-02", "5,5", "0,83", "0,25", "0,67"],
                   [PNR_A, "2026-11-03", "0,50", "0,52", "", ""],
                   [PNR_A, "2026-11-04", "0,50", "0,505", "", ""])
    assert rows[0] == [RowProblem(2, ProblemCode.PARTS_OVER_ABSENCE, "Frånvaro", "0,83")]
    assert rows[1] == [RowProblem(3, ProblemCode.ABSENCE_OVER_SCHEDULED, "Frånvaro", "0,52")]
    assert isinstance(rows[2], ImportedRow)  # 0,505 against 0,50: within the half hundredth of "0,50"


def test_whole_lessons_are_counts_and_get_no_rounding():
    spec = spec_of(AmountUnit.LESSONS, student="Elev", date="Datum", scheduled="Schema", absent="Frånvaro",
                   valid="Giltig", invalid="Ogiltig")
    (row,) = convert(spec, HOURS_HEADERS, [PNR_A, "2026-11-02", "6", "1", "1", "1"])
    assert row == [RowProblem(2, ProblemCode.PARTS_OVER_ABSENCE, "Frånvaro", "1")]


# --- percentages -----------------------------------------------------------------------------------------

PERCENT = spec_of(AmountUnit.PERCENT, per_period=True, student="Elev", absent="Frånvaro %",
                  valid="Anmäld frånvaro %", invalid="Ej anmäld frånvaro %", period_from="Period",
                  period_to="Period")
PERCENT_TEXT = ("Elev;Klass;Period;Frånvaro %;Anmäld frånvaro %;Ej anmäld frånvaro %\n"
                f"{PNR_A};8C;2026-08-17 – 2026-12-18;35,1 %;30,1 %;5,0 %\n"
                f"{PNR_B};8C;2026-08-17 – 2026-12-18;12 st (5,3 %);5.3%;0\n"
                "Summa;;;20,2 %;;\n")


def test_a_per_student_percentage_export_becomes_period_records_of_a_share():
    lines = [line.split(";") for line in PERCENT_TEXT.splitlines()]
    first, second, total = convert(PERCENT, lines[0], *lines[1:])
    assert first.student_key == PNR_A
    record = first.record
    assert (record.period_start, record.end, record.granularity) == (
        dt.date(2026, 8, 17), dt.date(2026, 12, 18), Granularity.PERIOD)
    assert (record.scheduled, record.absent, record.valid, record.invalid, record.unit) == (
        100.0, pytest.approx(35.1), pytest.approx(30.1), 5.0, Unit.PERCENT)
    assert (second.record.absent, second.record.valid, second.record.invalid) == (5.3, 5.3, 0.0)
    assert total == RowNotice(4, NoticeCode.SUMMARY_SKIPPED, "Elev", "Summa")


@pytest.mark.parametrize("cell", ["35,1 %", "12 st (5,3 %)"])
def test_a_percentage_is_never_read_as_minutes(cell):
    spec = spec_of(student="Elev", date="Datum", scheduled="Schema", absent="Frånvaro")
    (row,) = convert(spec, ["Elev", "Datum", "Schema", "Frånvaro"], [PNR_A, "2026-11-02", "300", cell])
    assert row == [RowProblem(2, ProblemCode.PERCENT_INVALID, "Frånvaro", cell)]


def test_lessons_read_the_count_of_n_st_p_percent():
    spec = spec_of(AmountUnit.LESSONS, student="Elev", week="Vecka", scheduled="Lektioner", absent="Frånvaro")
    rows = convert(spec, ["Elev", "Vecka", "Lektioner", "Frånvaro"], [PNR_A, "2026-W46", "30 st", "12 st (5,3 %)"],
                   [PNR_A, "2026-W47", "30", "5,3 %"])
    assert (rows[0].record.scheduled, rows[0].record.absent, rows[0].record.unit) == (30.0, 12.0, Unit.LESSONS)
    assert rows[1] == [RowProblem(3, ProblemCode.PERCENT_INVALID, "Frånvaro", "5,3 %")]


def test_percentages_over_100_and_spreadsheet_fractions_are_refused():
    spec = spec_of(AmountUnit.PERCENT, student="Elev", week="Vecka", absent="Frånvaro")
    rows = convert(spec, ["Elev", "Vecka", "Frånvaro"], [PNR_A, "2026-W46", "100,5 %"],
                   [PNR_A, "2026-W46", 0.351], [PNR_A, "2026-W46", 1.0], [PNR_A, "2026-W46", 35.1],
                   [PNR_A, "2026-W46", 0.0])
    assert rows[0] == [RowProblem(2, ProblemCode.PERCENT_INVALID, "Frånvaro", "100,5 %")]
    assert rows[1] == [RowProblem(3, ProblemCode.PERCENT_INVALID, "Frånvaro", "0.351")]
    assert rows[2] == [RowProblem(4, ProblemCode.PERCENT_INVALID, "Frånvaro", "1")]
    assert (rows[3].record.absent, rows[3].record.scheduled) == (35.1, 100.0)
    assert rows[4].record.absent == 0.0


# --- per-period rows ---------------------------------------------------------------------------------------

def test_period_columns_an_iso_week_and_a_period_that_ends_before_it_starts():
    spec = spec_of(AmountUnit.HOURS, per_period=True, student="Elev", period_from="Från", period_to="Till",
                   scheduled="Schemalagd tid (tim)", absent="Frånvaro (tim)")
    headers = ["Elev", "Från", "Till", "Schemalagd tid (tim)", "Frånvaro (tim)"]
    rows = convert(spec, headers, [PNR_A, "2026-11-09", "2026-11-15", "30", "3"],
                   [PNR_A, "2/11/2026", "27/11/2026", "90", "4,5"],
                   [PNR_A, "2026-12-18", "2026-08-17", "300", "3"])
    assert (rows[0].record.granularity, rows[0].record.period_start, rows[0].record.end) == (
        Granularity.WEEK, dt.date(2026, 11, 9), None)
    assert (rows[1].record.granularity, rows[1].record.period_start, rows[1].record.end) == (
        Granularity.PERIOD, dt.date(2026, 11, 2), dt.date(2026, 11, 27))
    assert (rows[1].record.scheduled, rows[1].record.absent) == (5400.0, 270.0)
    assert rows[2] == [RowProblem(4, ProblemCode.PERIOD_INVALID, "Till", "2026-08-17")]
    us = convert(spec, headers, [PNR_A, "11/2/2026", "11/27/2026", "90", "4,5"],
                 context=ReadContext(date_order=DateOrder.MDY))
    assert (us[0].record.period_start, us[0].record.end) == (dt.date(2026, 11, 2), dt.date(2026, 11, 27))


def test_per_period_without_period_columns_takes_the_context_period_or_says_it_is_unknown():
    spec = spec_of(AmountUnit.PERCENT, per_period=True, student="Elev", absent="Frånvaro %")
    (row,) = convert(spec, ["Elev", "Frånvaro %"], [PNR_A, "7,5 %"],
                     context=ReadContext(period=(dt.date(2026, 8, 17), dt.date(2026, 12, 18))))
    assert (row.record.period_start, row.record.end, row.record.absent) == (
        dt.date(2026, 8, 17), dt.date(2026, 12, 18), 7.5)
    assert convert(spec, ["Elev", "Frånvaro %"], [PNR_A, "7,5 %"]) == [[RowProblem(2, ProblemCode.PERIOD_UNKNOWN)]]


def test_weeks_without_a_year_take_it_from_the_school_year():
    spec = spec_of(student="Elev", week="Vecka", scheduled="Schema", absent="Frånvaro")
    rows = convert(spec, ["Elev", "Vecka", "Schema", "Frånvaro"], [PNR_A, "v.46", "1500", "60"],
                   [PNR_A, "V3", "1500", "0"], context=ReadContext(school_year=2026))
    assert rows[0].record.period_start == dt.date(2026, 11, 9)
    assert rows[1].record.period_start == dt.date(2027, 1, 18)


# --- kind words -----------------------------------------------------------------------------------------------

def test_a_kind_word_says_what_the_absence_is(tmp_path):
    spec = spec_of(student="Elev", date="Datum", scheduled="Schema", absent="Frånvaro (min)", kind="Typ")
    text = ("Elev;Datum;Schema;Frånvaro (min);Typ\n"
            f"{PNR_A};2026-11-02;330;40;Giltig\n"
            f"{PNR_A};2026-11-03;330;20;  EJ   anmäld \n"
            f"{PNR_A};2026-11-04;330;15;\n"
            f"{PNR_A};2026-11-05;330;15;Sjuk\n")
    items = read(tmp_path, text, spec)
    assert [(i.record.absent, i.record.valid, i.record.invalid) for i in items[:3]] == [
        (40.0, 40.0, 0.0), (20.0, 0.0, 20.0), (15.0, None, None)]
    assert items[3] == RowProblem(5, ProblemCode.KIND_INVALID, "Typ", "Sjuk")


def test_kind_needs_all_absence_and_excludes_part_columns():
    assert check_spec(spec_of(student="Elev", date="Datum", scheduled="S", kind="Typ", valid="G"),
                      ["Elev", "Datum", "S", "Typ", "G"]) == [
        RowProblem(0, ProblemCode.COLUMN_NOT_MAPPED, "absent"), RowProblem(0, ProblemCode.COLUMN_CONFLICT, "kind")]


# --- names, totals, groups --------------------------------------------------------------------------------------

NAMES = spec_of(identifier=IdentifierKind.NAME, first_name="Förnamn", last_name="Efternamn", date="Datum",
                scheduled="Schema", absent="Frånvaro")


def test_first_and_last_name_columns_make_the_student_key_and_totals_are_skipped():
    text = ("Förnamn;Efternamn;Datum;Schema;Frånvaro\n"
            "Klass 8C;;;;\n"
            f"{FIRST_A};{LAST_A};2026-11-02;330;30\n"
            f"{FIRST_A};;2026-11-03;330;30\n"
            "Förnamn;Efternamn;Datum;Schema;Frånvaro\n"
            "Totalt för gruppen;;;660;60\n"
            "Summa:\n")
    lines = [line.split(";") for line in text.splitlines()]
    items = [item for item in convert(NAMES, lines[0], *lines[1:]) if item is not None]
    assert items[0].student_key == " ".join(NAME_A.casefold().split()) and items[0].record.absent == 30.0
    assert items[1:] == [[RowProblem(4, ProblemCode.STUDENT_EMPTY, "Efternamn", "")],
                         RowNotice(6, NoticeCode.SUMMARY_SKIPPED, "Förnamn", "Totalt för gruppen"),
                         RowNotice(7, NoticeCode.SUMMARY_SKIPPED, "Förnamn", "Summa:")]


@pytest.mark.parametrize("identifier", list(IdentifierKind))
@pytest.mark.parametrize("total", ["Summa", "Summa:", "Totalt", "Total", "Summa klass 8C", "Totalt för gruppen"])
def test_a_total_row_is_never_a_student(identifier, total):
    spec = spec_of(identifier=identifier, student="Elev", date="Datum", scheduled="Schema", absent="Frånvaro")
    rows = convert(spec, ["Elev", "Datum", "Schema", "Frånvaro"], [total, "", "6600", "600"],
                   ["", "Grupp: 9A", "", ""])
    assert rows == [RowNotice(2, NoticeCode.SUMMARY_SKIPPED, "Elev", total), None]


def test_check_spec_first_and_last_names_period_and_percent():
    assert check_spec(NAMES, ["Förnamn", "Efternamn", "Datum", "Schema", "Frånvaro"]) == []
    only_first = spec_of(identifier=IdentifierKind.NAME, first_name="Förnamn", date="D", scheduled="S", absent="F")
    assert check_spec(only_first, ["Förnamn", "D", "S", "F"]) == [
        RowProblem(0, ProblemCode.COLUMN_NOT_MAPPED, "last_name")]
    by_pnr = spec_of(first_name="Förnamn", last_name="Efternamn", date="D", scheduled="S", absent="F")
    assert check_spec(by_pnr, ["Förnamn", "Efternamn", "D", "S", "F"]) == [
        RowProblem(0, ProblemCode.COLUMN_NOT_MAPPED, "student")]
    assert check_spec(PERCENT, ["Elev", "Period", "Frånvaro %", "Anmäld frånvaro %", "Ej anmäld frånvaro %"]) == []
    half = spec_of(per_period=True, student="Elev", scheduled="S", absent="F", period_from="Från")
    assert check_spec(half, ["Elev", "S", "F", "Från"]) == [RowProblem(0, ProblemCode.COLUMN_NOT_MAPPED, "period_to")]


# --- suggestions ---------------------------------------------------------------------------------------------

def test_suggestions_reported_and_unreported_absence_in_any_order_never_all_absence():
    headers = ["Elev", "Datum", "Schemalagd tid (min)", "Ej anmäld frånvaro (min)", "Anmäld frånvaro, tim"]
    suggested = suggest_columns(headers)
    assert suggested[Column.INVALID] == "Ej anmäld frånvaro (min)"
    assert suggested[Column.VALID] == "Anmäld frånvaro, tim"
    assert Column.ABSENT not in suggested
    assert len(set(suggested.values())) == len(suggested)
    flipped = suggest_columns(["Namn", "Frånvaro utan anmälan", "Oanmäld", "Inte giltig frånvaro", "Frånvaro"])
    assert flipped[Column.INVALID] == "Frånvaro utan anmälan" and flipped[Column.ABSENT] == "Frånvaro"
    assert Column.VALID not in flipped


def test_suggestions_first_last_name_kind_period_and_percent_units():
    assert suggest_columns(["Namn", "First name", "Surname", "Date", "Scheduled", "Absence"]) == {
        Column.FIRST_NAME: "First name", Column.LAST_NAME: "Surname", Column.DATE: "Date",
        Column.SCHEDULED: "Scheduled", Column.ABSENT: "Absence"}
    headers = ["Elev", "Klass", "Fr.o.m.", "T.o.m.", "Frånvaro %", "Anmäld frånvaro %", "Ej anmäld frånvaro %"]
    assert suggest_columns(headers) == {
        Column.STUDENT: "Elev", Column.PERIOD_FROM: "Fr.o.m.", Column.PERIOD_TO: "T.o.m.",
        Column.ABSENT: "Frånvaro %", Column.VALID: "Anmäld frånvaro %", Column.INVALID: "Ej anmäld frånvaro %"}
    assert suggest_unit(headers) is AmountUnit.PERCENT and suggest_per_period(headers)
    assert suggest_unit(["Elev", "Frånvaro (tim)", "Schemalagd tid (tim)"]) is AmountUnit.HOURS
    assert not suggest_per_period(["Elev", "Datum", "Frånvaro"])
    kind_headers = ["Elev", "Datum", "Schema", "Frånvaro", "Typ"]
    assert suggest_columns(kind_headers, [[PNR_A, "2026-11-02", "330", "30", "Giltig"]])[Column.KIND] == "Typ"
    assert Column.KIND not in suggest_columns(kind_headers, [[PNR_A, "2026-11-02", "330", "30", "Sjuk"]])


def test_a_short_line_is_skipped_only_as_a_group_or_total_never_as_a_cut_data_row():
    spec = spec_of(identifier=IdentifierKind.NAME, student="Elev", date="Datum", scheduled="Schema",
                   absent="Frånvaro")
    rows = convert(spec, ["Elev", "Datum", "Schema", "Frånvaro"], ["Klass 8C"], ["Summa"], [NAME_A])
    assert rows == [None, RowNotice(3, NoticeCode.SUMMARY_SKIPPED, "Elev", "Summa"),
                    [RowProblem(4, ProblemCode.ROW_TOO_SHORT, "Datum")]]


def test_a_kind_file_summed_per_day_never_gives_a_wrong_part():
    """Two rows of one day, "Giltig" and blank: the absence adds up; the parts are unknown, not 40 valid."""
    spec = spec_of(student="Elev", date="Datum", scheduled="Schema", absent="Frånvaro", kind="Typ")
    rows = convert(spec, ["Elev", "Datum", "Schema", "Frånvaro", "Typ"],
                   [PNR_A, "2026-11-02", "160", "40", "giltig frånvaro"], [PNR_A, "2026-11-02", "170", "20", ""])
    valid = [row.record.valid for row in rows]
    assert valid == [40.0, None]
    summed_valid = None if None in valid else sum(valid)  # the staging sum's rule (persistence _STAGE_SQL)
    assert (sum(row.record.absent for row in rows), summed_valid) == (60.0, None)


# --- cells as other exports write them (the attack11 review) ----------------------------------------------------

DAY_MINUTES = spec_of(student="Elev", date="Datum", scheduled="Schema", absent="Frånvaro", valid="Giltig",
                      invalid="Ogiltig")
DAY_HEADERS = ["Elev", "Datum", "Schema", "Frånvaro", "Giltig", "Ogiltig"]


@pytest.mark.parametrize("cell", ["1,500", "1.500", "12,345", "-1,500"])
def test_a_number_that_reads_as_decimals_or_as_thousands_is_refused_never_guessed(cell):
    """US Excel writes 1500 minutes as "1,500", Swedish "1,500" is 1.5: a thousand times apart, so refused."""
    (problems,) = convert(DAY_MINUTES, DAY_HEADERS, [PNR_A, "2026-11-02", cell, "1", "1", "0"])
    assert problems == [RowProblem(2, ProblemCode.NUMBER_INVALID, "Schema", cell)]
    assert "reads two ways" in problems[0].describe() and "line 2" in problems[0].describe()


@pytest.mark.parametrize(("cell", "minutes"), [("1 500", 1500.0), ("1\u00a0500", 1500.0), ("1,500.0", 1500.0),
                                              ("1.500,0", 1500.0), ("0,500", 0.5), ("1,50", 1.5)])
def test_numbers_that_read_one_way_only_are_read(cell, minutes):
    (row,) = convert(DAY_MINUTES, DAY_HEADERS, [PNR_A, "2026-11-02", cell, "0", "0", "0"])
    assert row.record.scheduled == minutes


@pytest.mark.parametrize("dash", ["-", "\u2013", " - "])
def test_a_dash_is_an_empty_amount_and_never_a_scheduled_time(dash):
    (row,) = convert(DAY_MINUTES, DAY_HEADERS, [PNR_A, "2026-11-02", "300", dash, dash, dash])
    assert (row.record.absent, row.record.valid, row.record.invalid) == (0.0, None, None)
    (problems,) = convert(DAY_MINUTES, DAY_HEADERS, [PNR_A, "2026-11-02", dash, "0", "0", "0"])
    assert [p.code for p in problems] == [ProblemCode.NUMBER_INVALID]


@pytest.mark.parametrize("cell", ["2 nov 2026", "2 nov. 2026", "2 november 2026", "2. November 2026", "46328",
                                  "2026-11-02 08:15", "Nov 2, 2026", "November 2 2026"])
def test_days_with_a_month_name_or_as_an_excel_day_number_in_text(cell):
    (row,) = convert(DAY_MINUTES, DAY_HEADERS, [PNR_A, cell, "300", "0", "0", "0"])
    assert row.record.period_start == dt.date(2026, 11, 2)
    for text in ("2 brumaire 2026", "21000", "99999"):
        (problems,) = convert(DAY_MINUTES, DAY_HEADERS, [PNR_A, text, "300", "0", "0", "0"])
        assert [p.code for p in problems] == [ProblemCode.DATE_INVALID]


@pytest.mark.parametrize("cell", ["46/2026", "46-2026", "46 / 2026"])
def test_a_week_number_with_its_year_after_a_slash_or_dash(cell):
    spec = spec_of(student="Elev", week="Vecka", scheduled="Schema", absent="Frånvaro")
    (row,) = convert(spec, ["Elev", "Vecka", "Schema", "Frånvaro"], [PNR_A, cell, "1500", "60"])
    assert (row.record.granularity, row.record.period_start) == (Granularity.WEEK, dt.date(2026, 11, 9))


@pytest.mark.parametrize(("cell", "first", "last"), [("Oktober 2026", dt.date(2026, 10, 1), dt.date(2026, 10, 31)),
                                                     ("okt 2026", dt.date(2026, 10, 1), dt.date(2026, 10, 31)),
                                                     ("2026-02", dt.date(2026, 2, 1), dt.date(2026, 2, 28)),
                                                     ("december 2025", dt.date(2025, 12, 1), dt.date(2025, 12, 31))])
def test_a_per_month_summary_is_a_period_record_of_its_month(cell, first, last):
    spec = spec_of(per_period=True, student="Elev", period_from="Månad", period_to="Månad", scheduled="Schema",
                   absent="Frånvaro")
    (row,) = convert(spec, ["Elev", "Månad", "Schema", "Frånvaro"], [PNR_A, cell, "6000", "300"])
    assert (row.record.granularity, row.record.period_start, row.record.end) == (Granularity.PERIOD, first, last)
    (problems,) = convert(spec, ["Elev", "Månad", "Schema", "Frånvaro"], [PNR_A, "Månad 13", "6000", "300"])
    assert [p.code for p in problems] == [ProblemCode.PERIOD_INVALID]


def test_a_filled_cell_after_the_header_row_s_last_column_refuses_the_row():
    """"5,5" not in quotes in a comma-separated file: the cells shift, so the row is refused, not read shifted."""
    headers = ["Elev", "Datum", "Schema", "Frånvaro"]
    spec = spec_of(AmountUnit.HOURS, student="Elev", date="Datum", scheduled="Schema", absent="Frånvaro")
    shifted, padded = convert(spec, headers, [PNR_A, "2026-11-02", "5", "5", "0"],
                              [PNR_A, "2026-11-03", "5,5", "0", "", ""])
    assert shifted == [RowProblem(2, ProblemCode.ROW_TOO_LONG, "", "0")]
    assert (padded.record.scheduled, padded.record.absent) == (330.0, 0.0)  # empty cells past the header: fine


@pytest.mark.parametrize(("unit", "header", "named"), [
    (AmountUnit.MINUTES, "Frånvaro (h)", "hours"), (AmountUnit.MINUTES, "Frånvaro (%)", "percent"),
    (AmountUnit.HOURS, "Frånvaro (min)", "minutes"), (AmountUnit.LESSONS, "Frånvaro, timmar", "hours")])
def test_a_header_naming_another_unit_than_the_mapping_is_refused(unit, header, named):
    spec = spec_of(unit, student="Elev", date="Datum", scheduled="Schema", absent=header)
    assert check_spec(spec, ["Elev", "Datum", "Schema", header]) == [
        RowProblem(0, ProblemCode.UNIT_MISMATCH, header, named)]


@pytest.mark.parametrize(("unit", "header"), [
    (AmountUnit.MINUTES, "Frånvaro (min)"), (AmountUnit.HOURS, "Frånvaro (tim)"), (AmountUnit.MINUTES, "Frånvaro"),
    (AmountUnit.MINUTES, "Frånvaro (h:mm)"), (AmountUnit.HOURS, "Antal frånvarotimmar"),
    (AmountUnit.PERCENT, "Frånvaro %")])
def test_a_header_naming_the_mapping_s_unit_or_none_is_fine(unit, header):
    spec = spec_of(unit, student="Elev", date="Datum", scheduled="Schema", absent=header)
    assert check_spec(spec, ["Elev", "Datum", "Schema", header]) == []


def test_a_total_word_where_the_day_is_marks_a_subtotal_row_and_is_skipped():
    rows = convert(DAY_MINUTES, DAY_HEADERS, [PNR_A, "Summa", "1500", "120", "60", "60"],
                   [PNR_A, "Sommar", "300", "0", "0", "0"])
    assert rows[0] == RowNotice(2, NoticeCode.SUMMARY_SKIPPED, "Datum", "Summa")
    assert [p.code for p in rows[1]] == [ProblemCode.DATE_INVALID]


def test_a_cell_that_is_only_a_total_label_marks_a_sum_row_in_any_column_but_a_note_does_not():
    headers = ["Elev", "Datum", "Lektion", "Schema", "Frånvaro"]
    spec = spec_of(student="Elev", date="Datum", scheduled="Schema", absent="Frånvaro")
    summa, note = convert(spec, headers, [PNR_A, "2026-11-02", "Summa", "110", "60"],
                          [PNR_A, "2026-11-02", "Totalt borta, ringde hem", "60", "60"])
    assert summa == RowNotice(2, NoticeCode.SUMMARY_SKIPPED, "Lektion", "Summa")
    assert (note.record.scheduled, note.record.absent) == (60.0, 60.0)


def test_a_mapped_header_that_two_columns_have_is_refused():
    spec = spec_of(student="Elev", date="Datum", scheduled="Schema", absent="Frånvaro")
    assert check_spec(spec, ["Elev", "Datum", "Schema", "Frånvaro", "frånvaro "]) == [
        RowProblem(0, ProblemCode.COLUMN_AMBIGUOUS, "Frånvaro")]
    assert check_spec(spec, ["Elev", "Datum", "Schema", "Frånvaro", "Frånvaro %"]) == []


@pytest.mark.parametrize(("cell", "minutes"), [("2 h 30 min", 150.0), ("2h30m", 150.0), ("2 tim 30 min", 150.0),
                                              ("1 timme", 60.0), ("1,5 h", 90.0), ("45 min", 45.0)])
def test_a_time_written_in_words_is_minutes_whatever_the_unit(cell, minutes):
    for unit in (AmountUnit.MINUTES, AmountUnit.HOURS):
        spec = spec_of(unit, student="Elev", date="Datum", scheduled="Schema", absent="Frånvaro")
        (row,) = convert(spec, ["Elev", "Datum", "Schema", "Frånvaro"], [PNR_A, "2026-11-02", "5 h 30 min", cell])
        assert (row.record.scheduled, row.record.absent) == (330.0, minutes)
    lessons = spec_of(AmountUnit.LESSONS, student="Elev", date="Datum", scheduled="Schema", absent="Frånvaro")
    (problems,) = convert(lessons, ["Elev", "Datum", "Schema", "Frånvaro"], [PNR_A, "2026-11-02", "6", cell])
    assert [p.code for p in problems] == [ProblemCode.NUMBER_INVALID]


@pytest.mark.parametrize(("cell", "wrong", "order"), [("må 2026-11-02", "ti 2026-11-02", DateOrder.DMY),
                                                      ("Mån 2/11/2026", "Tis 2/11/2026", DateOrder.DMY),
                                                      ("Mon, 11/2/2026", "Tue, 11/2/2026", DateOrder.MDY),
                                                      ("måndag 2 nov 2026", "söndag 2 nov 2026", DateOrder.DMY)])
def test_a_weekday_before_the_day_is_read_and_must_be_its_weekday(cell, wrong, order):
    context = ReadContext(date_order=order)
    (row,) = convert(DAY_MINUTES, DAY_HEADERS, [PNR_A, cell, "300", "0", "0", "0"], context=context)
    assert row.record.period_start == dt.date(2026, 11, 2)
    (problems,) = convert(DAY_MINUTES, DAY_HEADERS, [PNR_A, wrong, "300", "0", "0", "0"], context=context)
    assert [p.code for p in problems] == [ProblemCode.DATE_INVALID]


def test_a_header_row_again_is_skipped_unless_it_names_a_mapped_column_differently():
    same, partial, other = convert(DAY_MINUTES, DAY_HEADERS, DAY_HEADERS, ["Elev", "", "", "", "", ""],
                                   ["Elev", "Datum", "Schema", "Frånvaro", "Ogiltig", "Giltig"])
    assert same is None and partial is None
    assert other == [RowProblem(4, ProblemCode.HEADER_CHANGED, "Giltig", "Ogiltig")]


def test_a_day_with_something_after_it_that_is_no_time_is_no_day():
    """"2026-11-02 - 2026-11-08" in a date column is a week: never stored as its Monday (a day)."""
    (problems,) = convert(DAY_MINUTES, DAY_HEADERS, [PNR_A, "2026-11-02 - 2026-11-08", "1500", "0", "0", "0"])
    assert [p.code for p in problems] == [ProblemCode.DATE_INVALID]
    (row,) = convert(DAY_MINUTES, DAY_HEADERS, [PNR_A, "2026-11-02 kl 08.15", "300", "0", "0", "0"])
    assert row.record.period_start == dt.date(2026, 11, 2)


def test_a_week_column_holding_the_monday_is_that_week_and_another_day_is_refused():
    spec = spec_of(student="Elev", week="Vecka", scheduled="Schema", absent="Frånvaro")
    monday, friday, cell = convert(spec, ["Elev", "Vecka", "Schema", "Frånvaro"], [PNR_A, "2026-11-09", "1500", "60"],
                                   [PNR_A, "2026-11-13", "1500", "60"], [PNR_A, dt.date(2026, 11, 16), "1500", "0"])
    assert (monday.record.granularity, monday.record.period_start) == (Granularity.WEEK, dt.date(2026, 11, 9))
    assert [p.code for p in friday] == [ProblemCode.WEEK_INVALID]
    assert cell.record.period_start == dt.date(2026, 11, 16)


def test_lessons_written_with_their_word_are_counts_and_no_time():
    spec = spec_of(AmountUnit.LESSONS, student="Elev", week="Vecka", scheduled="Lektioner", absent="Frånvaro")
    (row,) = convert(spec, ["Elev", "Vecka", "Lektioner", "Frånvaro"], [PNR_A, "2026-W46", "30 lektioner", "3 pass"])
    assert (row.record.scheduled, row.record.absent) == (30.0, 3.0)
    minutes = spec_of(student="Elev", week="Vecka", scheduled="Lektioner", absent="Frånvaro")
    (problems,) = convert(minutes, ["Elev", "Vecka", "Lektioner", "Frånvaro"], [PNR_A, "2026-W46", "1500", "3 pass"])
    assert [p.code for p in problems] == [ProblemCode.NUMBER_INVALID]


def test_a_present_lesson_has_no_absence_of_either_kind_and_present_with_absence_is_refused():
    spec = spec_of(student="Elev", date="Datum", scheduled="Längd", absent="Frånvaro", kind="Status")
    headers = ["Elev", "Datum", "Längd", "Frånvaro", "Status"]
    present, blank, contradiction = convert(spec, headers, [PNR_A, "2026-11-02", "60", "0", "Närvarande"],
                                            [PNR_A, "2026-11-02", "60", "", "närvarande"],
                                            [PNR_A, "2026-11-02", "60", "20", "Närvarande"])
    assert (present.record.absent, present.record.valid, present.record.invalid) == (0.0, 0.0, 0.0)
    assert (blank.record.absent, blank.record.valid, blank.record.invalid) == (0.0, 0.0, 0.0)
    assert contradiction == [RowProblem(4, ProblemCode.KIND_INVALID, "Status", "Närvarande")]
