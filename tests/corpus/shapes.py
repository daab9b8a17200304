"""One writer per real shape of attendance export (issue 11); each returns a ``Shape`` (see the package docstring).

The data is small (six students, a few school days) so the whole corpus imports in seconds; what matters
is the shape. Numbers are Swedish (decimal comma) unless the shape says otherwise (Excel with a US region).
Spreadsheet shapes use ``tests/sheet_files.write_sheet`` (calamine reads them; openpyxl and friends only
write them here) or openpyxl directly where a merged cell or a second sheet is the point.
"""

from __future__ import annotations

import datetime as dt
import random
import zipfile
from pathlib import Path

from sst_desk.importers.attendance_spec import (
    AmountUnit,
    Column,
    DateOrder,
    IdentifierKind,
    ImportOptions,
    NoticeCode,
    ProblemCode,
)
from sst_desk.workflow.attendance import Granularity, Unit

from . import PEOPLE, Shape

from .writing import AUTUMN_WEEKS, SKOLA24_HEADER, SKOLA24_SPEC, TERM, WEEK_SPEC, _period_rows, _week_file, skola24_line, us, DAYS, Row, day_rows, expected, num, spec_of, write_text
from .shapes_cells import (us_thousands_separators_refused, dash_for_nothing, excel_day_numbers_and_month_names, weeks_number_slash_year, per_month_summary, lessons_with_timestamps_and_notes, comma_separated_unquoted_decimal_commas, hours_file_under_a_minutes_mapping, percent_column_under_a_minutes_mapping, subtotal_in_the_date_column, lessons_with_a_day_sum_row, two_columns_with_one_header, times_written_in_words, weekday_before_us_dates, two_exports_pasted_with_columns_swapped, week_ranges_in_a_date_column, week_column_of_mondays, lesson_list_with_present_rows)

# --- Skola24 / SchoolSoft per day: the plain shape, and its encodings -------------------------------------

SKOLA24_TITLE = [["Frånvaro per dag - Ekbackeskolan"], ["Utskrivet 2026-09-21 av Sara Lind"], []]


def skola24_per_day(directory: Path, *, encoding: str = "cp1252", sep: str = ";", suffix: str = ".csv",
                    name: str = "skola24_per_day") -> Shape:
    rows = day_rows(1)
    lines = SKOLA24_TITLE + [SKOLA24_HEADER] + [skola24_line(r) for r in rows]
    path = write_text(directory / f"{name}{suffix}", lines, sep=sep, encoding=encoding)
    return Shape(name, path, spec_of("Skola24 per dag", SKOLA24_SPEC), expected=expected(rows, Granularity.DAY))


def unicode_text_utf16_tab(directory: Path) -> Shape:
    """Excel's "Unicode text": UTF-16 with a BOM, tab-separated, .txt."""
    return skola24_per_day(directory, encoding="utf-16", sep="\t", suffix=".txt", name="unicode_text_utf16_tab")


def utf16_without_bom(directory: Path) -> Shape:
    """UTF-16 little-endian text without a BOM, as some export tools write it (was: "not a CSV or XLSX file")."""
    return skola24_per_day(directory, encoding="utf-16-le", sep="\t", suffix=".txt", name="utf16_without_bom")


def latin1_tab(directory: Path) -> Shape:
    return skola24_per_day(directory, encoding="iso-8859-1", sep="\t", suffix=".txt", name="latin1_tab")


# --- Vklass per lesson: several rows per student and day, summed ------------------------------------------

def vklass_per_lesson(directory: Path) -> Shape:
    rng = random.Random(2)
    rows, lines = [], [["Elev", "Personnummer", "Datum", "Lektion", "Lektionstid (min)", "Frånvaro (min)",
                        "Giltig frånvaro (min)", "Ogiltig frånvaro (min)"]]
    for pnr, name in PEOPLE:
        for day in DAYS[:5]:
            for subject, minutes in [("Svenska", 60), ("Matematik", 60), ("Idrott", 90)]:
                absent = rng.choice([0, 0, 0, 10, minutes])
                valid = rng.choice([0, absent])
                row = Row(pnr, name, day, minutes, absent, valid, absent - valid)
                rows.append(row)
                lines.append([name, pnr, day.isoformat(), subject, num(minutes), num(absent), num(valid),
                              num(absent - valid)])
    path = write_text(directory / "vklass_lektioner.csv", lines, encoding="utf-8-sig")
    spec = spec_of("Vklass lektioner", {Column.STUDENT: "Personnummer", Column.DATE: "Datum",
                                       Column.SCHEDULED: "Lektionstid (min)", Column.ABSENT: "Frånvaro (min)",
                                       Column.VALID: "Giltig frånvaro (min)",
                                       Column.INVALID: "Ogiltig frånvaro (min)"})
    return Shape("vklass_per_lesson", path, spec, expected=expected(rows, Granularity.DAY))


# --- Weeks without a year ---------------------------------------------------------------------------------


def schoolsoft_weeks_year_in_title(directory: Path) -> Shape:
    path, rows = _week_file(directory, "schoolsoft_veckor", [["Frånvarosammanställning per vecka"],
                                                              ["Period: 2026-09-07 - 2026-09-27"], []],
                            AUTUMN_WEEKS)
    return Shape("schoolsoft_weeks_year_in_title", path, spec_of("SchoolSoft veckor", WEEK_SPEC),
                 expected=expected(rows, Granularity.WEEK))


def infomentor_weeks_school_year_option(directory: Path) -> Shape:
    """Weeks 47, 48 (autumn) and 2, 3 (spring) of läsår 2025/26, no year anywhere: the dialog's school year."""
    weeks = [(47, dt.date(2025, 11, 17)), (48, dt.date(2025, 11, 24)), (2, dt.date(2026, 1, 5)),
             (3, dt.date(2026, 1, 12))]
    path, rows = _week_file(directory, "infomentor_veckor", [["Frånvaro per vecka"]], weeks)
    return Shape("infomentor_weeks_school_year_option", path, spec_of("InfoMentor veckor", WEEK_SPEC),
                 options=ImportOptions(school_year=2025), expected=expected(rows, Granularity.WEEK))


def weeks_without_any_year(directory: Path) -> Shape:
    path, _rows = _week_file(directory, "veckor_utan_ar", [["Frånvaro per vecka"]], AUTUMN_WEEKS)
    return Shape("weeks_without_any_year", path, spec_of("Veckor", WEEK_SPEC),
                 refusal=[(ProblemCode.WEEK_YEAR_UNKNOWN, 0)])


# --- Excel with a US region: m/d/yyyy, decimal point, comma separator --------------------------------------


def _us_file(directory: Path, name: str, rows: list[Row]) -> Path:
    lines = [SKOLA24_HEADER] + [[r.pnr, r.name, "8C", us(r.start), num(r.scheduled, comma=False),
                                 num(r.absent, comma=False), num(r.valid, comma=False),
                                 num(r.invalid, comma=False)] for r in rows]
    return write_text(directory / f"{name}.csv", lines, sep=",")


def excel_us_region_settled(directory: Path) -> Shape:
    """9/14/2026 can only be 14 September: the whole file is month/day (9/8/2026 is 8 September, not 9 August)."""
    rows = day_rows(4)
    path = _us_file(directory, "excel_us_region", rows)
    return Shape("excel_us_region_settled", path, spec_of("Skola24 via Excel", SKOLA24_SPEC),
                 expected=expected(rows, Granularity.DAY))


def _one_day_rows(day: dt.date) -> list[Row]:
    return [Row(r.pnr, r.name, day, r.scheduled, r.absent, r.valid, r.invalid) for r in day_rows(5, [DAYS[0]])]


def excel_us_region_ambiguous(directory: Path) -> Shape:
    """One day, 10/9/2026: 10 September (Thursday) or 9 October (Friday), both school days. Refused, not guessed."""
    path = _us_file(directory, "excel_us_en_dag", _one_day_rows(dt.date(2026, 10, 9)))
    return Shape("excel_us_region_ambiguous", path, spec_of("Skola24 via Excel", SKOLA24_SPEC),
                 refusal=[(ProblemCode.DATE_ORDER_AMBIGUOUS, 0)])


def excel_us_region_ambiguous_answered_mdy(directory: Path) -> Shape:
    rows = _one_day_rows(dt.date(2026, 10, 9))
    path = _us_file(directory, "excel_us_en_dag_mdy", rows)
    return Shape("excel_us_region_ambiguous_answered_mdy", path, spec_of("Skola24 via Excel", SKOLA24_SPEC),
                 options=ImportOptions(date_order=DateOrder.MDY), expected=expected(rows, Granularity.DAY))


def excel_us_region_ambiguous_answered_dmy(directory: Path) -> Shape:
    """The same text answered the other way: then it is 10 September."""
    path = _us_file(directory, "excel_us_en_dag_dmy", _one_day_rows(dt.date(2026, 10, 9)))
    rows = _one_day_rows(dt.date(2026, 9, 10))
    return Shape("excel_us_region_ambiguous_answered_dmy", path, spec_of("Skola24 via Excel", SKOLA24_SPEC),
                 options=ImportOptions(date_order=DateOrder.DMY), expected=expected(rows, Granularity.DAY))


# --- Rows pasted twice ------------------------------------------------------------------------------------

def _pasted_twice(directory: Path, name: str) -> tuple[Path, list[Row], list[tuple[int, int]]]:
    """The kurator pasted the first 8 data rows again below the data: (copy's line, original's line) pairs."""
    rows = day_rows(6)
    lines = SKOLA24_TITLE + [SKOLA24_HEADER] + [skola24_line(r) for r in rows]
    first = len(SKOLA24_TITLE) + 2  # the line of the first data row
    copies = [(len(lines) + 1 + i, first + i) for i in range(8)]
    lines += [skola24_line(r) for r in rows[:8]]
    return write_text(directory / f"{name}.csv", lines), rows, copies


def rows_pasted_twice_refused(directory: Path) -> Shape:
    path, _rows, copies = _pasted_twice(directory, "dubbelklistrad")
    return Shape("rows_pasted_twice_refused", path, spec_of("Skola24 per dag", SKOLA24_SPEC),
                 refusal=[(ProblemCode.DUPLICATE_ROW, line) for line, _ in copies])


def rows_pasted_twice_skipped(directory: Path) -> Shape:
    path, rows, copies = _pasted_twice(directory, "dubbelklistrad_hoppa")
    return Shape("rows_pasted_twice_skipped", path, spec_of("Skola24 per dag", SKOLA24_SPEC),
                 options=ImportOptions(skip_duplicates=True), expected=expected(rows, Granularity.DAY),
                 notices=[(NoticeCode.DUPLICATE_SKIPPED, line) for line, _ in copies])


def duplicate_copies(shape: Shape) -> list[tuple[int, int]]:
    """(copy's line, original's line) of the pasted-twice shapes, for the checks that name both lines."""
    first = len(SKOLA24_TITLE) + 2
    total = len(day_rows(6))
    return [(first + total + i, first + i) for i in range(8)]


# --- "Ej anmäld" before "Anmäld": the mapping comes from suggest_columns -----------------------------------

EJ_ANMALD_HEADER = ["Personnummer", "Datum", "Schemalagd tid", "Ej anmäld frånvaro", "Anmäld frånvaro"]


def ej_anmald_before_anmald(directory: Path) -> Shape:
    """No total column: all absence is Ej anmäld + Anmäld; Anmäld = giltig, Ej anmäld = ogiltig."""
    rows = [Row(r.pnr, r.name, r.start, r.scheduled, r.absent, r.valid, r.invalid) for r in day_rows(7)]
    lines = [EJ_ANMALD_HEADER] + [[r.pnr, r.start.isoformat(), num(r.scheduled), num(r.invalid), num(r.valid)]
                                  for r in rows]
    path = write_text(directory / "ej_anmald_forst.csv", lines)
    from sst_desk.importers.headers import suggest_columns
    spec = spec_of("Edlevo", suggest_columns(EJ_ANMALD_HEADER))
    return Shape("ej_anmald_before_anmald", path, spec, expected=expected(rows, Granularity.DAY))


ONLY_ANMALD_HEADER = ["Personnummer", "Datum", "Schemalagd tid (min)", "Anmäld frånvaro (min)",
                      "Frånvaro totalt (min)"]


def only_reported_absence(directory: Path) -> Shape:
    """Only "Anmäld frånvaro" besides the total: it is valid absence, never stored as invalid."""
    base = day_rows(8)
    rows = [Row(r.pnr, r.name, r.start, r.scheduled, r.absent, r.valid, None) for r in base]
    lines = [ONLY_ANMALD_HEADER] + [[r.pnr, r.start.isoformat(), num(r.scheduled), num(r.valid), num(r.absent)]
                                    for r in rows]
    path = write_text(directory / "bara_anmald.csv", lines)
    from sst_desk.importers.headers import suggest_columns
    spec = spec_of("Bara anmäld", suggest_columns(ONLY_ANMALD_HEADER))
    return Shape("only_reported_absence", path, spec, expected=expected(rows, Granularity.DAY))


# --- Hours rounded to two decimals -------------------------------------------------------------------------

def hours_two_decimals(directory: Path) -> Shape:
    """0,17 + 0,67 = 0,84 > 0,83: the rounding of a two-decimal file, not an error (10 + 40 = 50 minutes)."""
    header = ["Personnummer", "Datum", "Schemalagd tid (h)", "Frånvaro (h)", "Giltig frånvaro (h)",
              "Ogiltig frånvaro (h)"]
    table = [(6.5, 0.83, 0.17, 0.67), (5.0, 1.67, 0.83, 0.83), (6.5, 0.5, 0.25, 0.25), (5.0, 0.0, 0.0, 0.0)]
    rows, lines = [], [header]
    for pnr, name in PEOPLE:
        for day, (scheduled, absent, valid, invalid) in zip(DAYS, table, strict=False):
            rows.append(Row(pnr, name, day, scheduled, absent, valid, invalid))
            lines.append([pnr, day.isoformat(), num(scheduled, 2), num(absent, 2), num(valid, 2), num(invalid, 2)])
    path = write_text(directory / "timmar.csv", lines)
    spec = spec_of("Timmar", dict(zip([Column.STUDENT, Column.DATE, Column.SCHEDULED, Column.ABSENT, Column.VALID,
                                       Column.INVALID], header, strict=True)), unit=AmountUnit.HOURS)
    return Shape("hours_two_decimals", path, spec, expected=expected(rows, Granularity.DAY, factor=60.0))


# --- Group rows, repeated headers, total rows -----------------------------------------------------------------

def learnpoint_groups_and_repeated_headers(directory: Path) -> Shape:
    """A header again above every class, a "Klass 8C" row before each block (as printed reports are)."""
    rows = day_rows(9)
    lines: list[list[str]] = [["LearnPoint – frånvaro per dag"], []]
    for index, (klass, people) in enumerate([("Klass 8C", PEOPLE[:3]), ("Klass 9A", PEOPLE[3:])]):
        lines.append([klass])
        lines.append(SKOLA24_HEADER)
        lines += [skola24_line(r) for r in rows if r.pnr in {p for p, _ in people}]
        if index == 0:
            lines.append([])
    path = write_text(directory / "learnpoint_klasser.csv", lines)
    return Shape("learnpoint_groups_and_repeated_headers", path, spec_of("LearnPoint", SKOLA24_SPEC),
                 expected=expected(rows, Granularity.DAY))


def unikum_summa_rows(directory: Path) -> Shape:
    """"Summa" per student block and a "Totalt" row at the bottom: skipped (noticed), never a student."""
    rows = day_rows(10)
    lines: list[list[str]] = [SKOLA24_HEADER]
    summa_lines = []
    for pnr, _name in PEOPLE:
        mine = [r for r in rows if r.pnr == pnr]
        lines += [skola24_line(r) for r in mine]
        lines.append(["Summa", "", "", "", num(sum(r.scheduled for r in mine)), num(sum(r.absent for r in mine)),
                      num(sum(r.valid for r in mine)), num(sum(r.invalid for r in mine))])
        summa_lines.append(len(lines))
    lines.append(["Totalt", "", "", "", num(sum(r.scheduled for r in rows)), num(sum(r.absent for r in rows)),
                  num(sum(r.valid for r in rows)), num(sum(r.invalid for r in rows))])
    summa_lines.append(len(lines))
    path = write_text(directory / "unikum_summa.csv", lines)
    return Shape("unikum_summa_rows", path, spec_of("Unikum", SKOLA24_SPEC), expected=expected(rows, Granularity.DAY),
                 notices=[(NoticeCode.SUMMARY_SKIPPED, line) for line in summa_lines])


# --- Names: first and last in two columns; by name --------------------------------------------------------

def first_and_last_name_columns(directory: Path) -> Shape:
    rows = day_rows(11)
    header = ["Förnamn", "Efternamn", "Datum", "Schemalagd tid (min)", "Frånvaro (min)", "Giltig (min)",
              "Ogiltig (min)"]
    lines = [header]
    for r in rows:
        first, last = r.name.split(" ", 1)
        lines.append([first, last, r.start.isoformat(), num(r.scheduled), num(r.absent), num(r.valid),
                      num(r.invalid)])
    path = write_text(directory / "for_och_efternamn.csv", lines)
    spec = spec_of("Handgjord", {Column.FIRST_NAME: "Förnamn", Column.LAST_NAME: "Efternamn", Column.DATE: "Datum",
                                 Column.SCHEDULED: "Schemalagd tid (min)", Column.ABSENT: "Frånvaro (min)",
                                 Column.VALID: "Giltig (min)", Column.INVALID: "Ogiltig (min)"},
                   identifier=IdentifierKind.NAME)
    return Shape("first_and_last_name_columns", path, spec, expected=expected(rows, Granularity.DAY))


# --- KIND: giltig/ogiltig as a word per row ---------------------------------------------------------------

def kind_word_column(directory: Path) -> Shape:
    """InfoMentor's absence list: one row per absent lesson, the kind as a word ("Giltig", "Ej anmäld", …)."""
    rng = random.Random(12)
    words = {True: ["Giltig", "Anmäld", "giltig frånvaro"], False: ["Ogiltig", "Ej anmäld", "OGILTIG"]}
    rows, lines = [], [["Datum", "Elev", "Personnummer", "Lektion", "Lektionslängd (min)", "Frånvaro (min)",
                        "Typ av frånvaro"]]
    for pnr, name in PEOPLE:
        for day in DAYS[:4]:
            for subject, minutes in [("Svenska", 60), ("Matematik", 50)]:
                absent = rng.choice([10, 25, minutes])
                valid = rng.random() < 0.5
                rows.append(Row(pnr, name, day, minutes, absent, absent if valid else 0, 0 if valid else absent))
                lines.append([day.isoformat(), name, pnr, subject, num(minutes), num(absent),
                              rng.choice(words[valid])])
    path = write_text(directory / "infomentor_typ.csv", lines)
    spec = spec_of("InfoMentor typ", {Column.STUDENT: "Personnummer", Column.DATE: "Datum",
                                     Column.SCHEDULED: "Lektionslängd (min)", Column.ABSENT: "Frånvaro (min)",
                                     Column.KIND: "Typ av frånvaro"})
    return Shape("kind_word_column", path, spec, expected=expected(rows, Granularity.DAY))


# --- Per period: "frånvaro per elev" ----------------------------------------------------------------------


def skola24_per_student_percent(directory: Path) -> Shape:
    """Skola24 "frånvaro per elev": Från and Till columns, "35,1 %" cells; stored as a PERIOD share."""
    header = ["Personnummer", "Namn", "Från", "Till", "Total frånvaro", "Anmäld frånvaro", "Ej anmäld frånvaro"]
    rows = _period_rows()
    lines = [["Frånvaro per elev"], [], header] + [
        [r.pnr, r.name, r.start.isoformat(), r.end.isoformat(), f"{num(r.absent, 1)} %", f"{num(r.valid, 1)} %",
         f"{num(r.invalid, 1)} %"] for r in rows]
    path = write_text(directory / "skola24_per_elev.csv", lines)
    spec = spec_of("Skola24 per elev", {Column.STUDENT: "Personnummer", Column.PERIOD_FROM: "Från",
                                        Column.PERIOD_TO: "Till", Column.ABSENT: "Total frånvaro",
                                        Column.VALID: "Anmäld frånvaro", Column.INVALID: "Ej anmäld frånvaro"},
                   unit=AmountUnit.PERCENT, per_period=True)
    return Shape("skola24_per_student_percent", path, spec,
                 expected=expected(rows, Granularity.PERIOD, unit=Unit.PERCENT))


VKLASS_PERIOD_HEADER = ["Elev", "Personnummer", "Klass", "Frånvaro", "Varav giltig", "Varav ogiltig"]


def _count_cells(row: Row, index: int) -> list[str]:
    lessons = [round(v * 2.3) for v in (row.absent, row.valid, row.invalid)]
    return [f"{n} st ({num(p, 1)} %)" for n, p in zip(lessons, (row.absent, row.valid, row.invalid), strict=True)]


def vklass_per_student_count_and_percent_title_period(directory: Path) -> Shape:
    """Vklass "Frånvaro per elev": "12 st (5,3 %)" cells; the period only in the title rows."""
    rows = _period_rows()
    lines = [["Frånvaro per elev"], ["Period: 2026-08-17 - 2026-11-27"], ["Klass: 8C"], [],
             VKLASS_PERIOD_HEADER] + [[r.name, r.pnr, "8C", *_count_cells(r, i)] for i, r in enumerate(rows)]
    path = write_text(directory / "vklass_per_elev.csv", lines, encoding="utf-8-sig")
    spec = spec_of("Vklass per elev", {Column.STUDENT: "Personnummer", Column.ABSENT: "Frånvaro",
                                       Column.VALID: "Varav giltig", Column.INVALID: "Varav ogiltig"},
                   unit=AmountUnit.PERCENT, per_period=True)
    return Shape("vklass_per_student_count_and_percent_title_period", path, spec,
                 expected=expected(rows, Granularity.PERIOD, unit=Unit.PERCENT))


def _untitled_vklass(directory: Path, name: str) -> Path:
    lines = [VKLASS_PERIOD_HEADER] + [[r.name, r.pnr, "8C", *_count_cells(r, i)] for i, r in enumerate(_period_rows())]
    return write_text(directory / f"{name}.csv", lines)


def per_student_period_from_option(directory: Path) -> Shape:
    spec = spec_of("Vklass per elev", {Column.STUDENT: "Personnummer", Column.ABSENT: "Frånvaro",
                                       Column.VALID: "Varav giltig", Column.INVALID: "Varav ogiltig"},
                   unit=AmountUnit.PERCENT, per_period=True)
    period = (dt.date(2026, 9, 1), dt.date(2026, 9, 30))
    return Shape("per_student_period_from_option", _untitled_vklass(directory, "per_elev_period_fragas"), spec,
                 options=ImportOptions(period=period),
                 expected=expected(_period_rows(period=period), Granularity.PERIOD, unit=Unit.PERCENT))


def per_student_without_period(directory: Path) -> Shape:
    spec = spec_of("Vklass per elev", {Column.STUDENT: "Personnummer", Column.ABSENT: "Frånvaro",
                                       Column.VALID: "Varav giltig", Column.INVALID: "Varav ogiltig"},
                   unit=AmountUnit.PERCENT, per_period=True)
    return Shape("per_student_without_period", _untitled_vklass(directory, "per_elev_utan_period"), spec,
                 refusal=[(ProblemCode.PERIOD_UNKNOWN, 0)])


def per_student_title_with_other_dates(directory: Path) -> Shape:
    """Two days in a title row that are no period ("Skapad …, ändrad …") above the real "Period:" row."""
    rows = _period_rows()
    lines = [["Frånvaro per elev"], ["Skapad 2026-11-30, ändrad 2026-12-01"], ["Period: 2026-08-17 - 2026-11-27"], [],
             VKLASS_PERIOD_HEADER] + [[r.name, r.pnr, "8C", *_count_cells(r, i)] for i, r in enumerate(rows)]
    path = write_text(directory / "per_elev_skapad_andrad.csv", lines)
    spec = spec_of("Vklass per elev", {Column.STUDENT: "Personnummer", Column.ABSENT: "Frånvaro",
                                       Column.VALID: "Varav giltig", Column.INVALID: "Varav ogiltig"},
                   unit=AmountUnit.PERCENT, per_period=True)
    return Shape("per_student_title_with_other_dates", path, spec,
                 expected=expected(rows, Granularity.PERIOD, unit=Unit.PERCENT))


def edlevo_per_student_minutes(directory: Path) -> Shape:
    """A per-student summary in minutes with Från/Till: a PERIOD record in minutes, not days."""
    rng = random.Random(13)
    rows, lines = [], [["Personnummer", "Elev", "Från datum", "Till datum", "Schemalagd tid (min)", "Frånvaro (min)",
                        "Giltig frånvaro (min)", "Ogiltig frånvaro (min)"]]
    for pnr, name in PEOPLE:
        absent = rng.choice([0, 120, 2400, 9000])
        valid = rng.choice([0, absent // 2, absent])
        rows.append(Row(pnr, name, TERM[0], 21000, absent, valid, absent - valid, TERM[1]))
        lines.append([pnr, name, TERM[0].isoformat(), TERM[1].isoformat(), "21000", num(absent), num(valid),
                      num(absent - valid)])
    path = write_text(directory / "edlevo_per_elev.csv", lines)
    spec = spec_of("Edlevo per elev", {Column.STUDENT: "Personnummer", Column.PERIOD_FROM: "Från datum",
                                       Column.PERIOD_TO: "Till datum", Column.SCHEDULED: "Schemalagd tid (min)",
                                       Column.ABSENT: "Frånvaro (min)", Column.VALID: "Giltig frånvaro (min)",
                                       Column.INVALID: "Ogiltig frånvaro (min)"}, per_period=True)
    return Shape("edlevo_per_student_minutes", path, spec, expected=expected(rows, Granularity.PERIOD))


# --- Weekend, helgdag, future ------------------------------------------------------------------------------

def weekend_holiday_future(directory: Path) -> Shape:
    """Friday 1 May 2026 (a helgdag) and Saturday 2 May are stored and noticed; 14 December 2026 is not stored."""
    days = [dt.date(2026, 4, 29), dt.date(2026, 4, 30), dt.date(2026, 5, 1), dt.date(2026, 5, 2),
            dt.date(2026, 12, 14)]
    rows = day_rows(14, days, people=PEOPLE[:2])
    lines = [SKOLA24_HEADER] + [skola24_line(r) for r in rows]
    path = write_text(directory / "helg_och_framtid.csv", lines)
    notices = []
    for line, row in enumerate(rows, start=2):
        if row.start == dt.date(2026, 5, 1):
            notices.append((NoticeCode.HOLIDAY, line))
        elif row.start == dt.date(2026, 5, 2):
            notices.append((NoticeCode.WEEKEND, line))
        elif row.start == dt.date(2026, 12, 14):
            notices.append((NoticeCode.FUTURE_SKIPPED, line))
    stored = [r for r in rows if r.start != dt.date(2026, 12, 14)]
    return Shape("weekend_holiday_future", path, spec_of("Skola24 per dag", SKOLA24_SPEC),
                 expected=expected(stored, Granularity.DAY), notices=notices)


# --- All-text data ---------------------------------------------------------------------------------------------

def all_text_hand_made(directory: Path) -> Shape:
    """A kurator's sheet: names, a class, times written "5:30" (h:mm, whatever the unit); the header is line 3."""
    header = ["Elev", "Klass", "Datum", "Schema", "Borta", "Giltigt", "Ogiltigt"]
    rows = day_rows(15, DAYS[:3], minutes=330)
    def clock(minutes: float) -> str:
        return f"{int(minutes) // 60}:{int(minutes) % 60:02d}"
    lines = [["Närvaro 8C, vecka 37"], ["Gjord av kuratorn"], header] + [
        [r.name, "8C", r.start.isoformat(), clock(r.scheduled), clock(r.absent),
         clock(r.valid), clock(r.invalid)] for r in rows]
    path = write_text(directory / "handgjord_text.csv", lines)
    spec = spec_of("Handgjord", {Column.STUDENT: "Elev", Column.DATE: "Datum", Column.SCHEDULED: "Schema",
                                 Column.ABSENT: "Borta", Column.VALID: "Giltigt", Column.INVALID: "Ogiltigt"},
                   identifier=IdentifierKind.NAME, unit=AmountUnit.HOURS)
    return Shape("all_text_hand_made", path, spec, expected=expected(rows, Granularity.DAY))


# --- Spreadsheets ------------------------------------------------------------------------------------------

def _sheet_rows(rows: list[Row]) -> list[list[object]]:
    return [SKOLA24_HEADER] + [[r.pnr, r.name, "8C", r.start, r.scheduled, r.absent, r.valid, r.invalid] for r in rows]


def xlsx_instruction_sheet_first(directory: Path) -> Shape:
    """First sheet "Instruktioner" (text only), the data on the second: the sheet that holds data is read."""
    import openpyxl

    rows = day_rows(16)
    book = openpyxl.Workbook()
    info = book.active
    info.title = "Instruktioner"
    for line in ["Så här fyller du i närvaron", "Datum skrivs ÅÅÅÅ-MM-DD.", "Tid i minuter.",
                 "Skicka filen till kuratorn varje fredag."]:
        info.append([line])
    data = book.create_sheet("Närvaro")
    for line in _sheet_rows(rows):
        data.append(line)
    path = directory / "instruktion_forst.xlsx"
    book.save(path)
    return Shape("xlsx_instruction_sheet_first", path, spec_of("Handgjord xlsx", SKOLA24_SPEC),
                 expected=expected(rows, Granularity.DAY))


def _merged_names_rows(rows: list[Row]) -> tuple[list[list[object]], list[tuple[int, int]]]:
    """The name only in the first row of each student's block; the blocks' (first, last) 1-based rows."""
    header = ["Elev", "Datum", "Schemalagd tid (min)", "Frånvaro (min)", "Giltig (min)", "Ogiltig (min)"]
    table: list[list[object]] = [["Närvaro 8C – ifylld av mentor"], header]
    blocks = []
    for pnr, name in PEOPLE:
        mine = [r for r in rows if r.pnr == pnr]
        first = len(table) + 1
        for index, r in enumerate(mine):
            table.append([name if index == 0 else None, r.start, r.scheduled, r.absent, r.valid, r.invalid])
        blocks.append((first, len(table)))
    return table, blocks


MERGED_SPEC = {Column.STUDENT: "Elev", Column.DATE: "Datum", Column.SCHEDULED: "Schemalagd tid (min)",
               Column.ABSENT: "Frånvaro (min)", Column.VALID: "Giltig (min)", Column.INVALID: "Ogiltig (min)"}


def xlsx_names_merged_over_blocks(directory: Path) -> Shape:
    import openpyxl

    rows = day_rows(17, DAYS[:4])
    table, blocks = _merged_names_rows(rows)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Närvaro"
    for line in table:
        sheet.append(line)
    for first, last in blocks:
        sheet.merge_cells(start_row=first, start_column=1, end_row=last, end_column=1)
    path = directory / "sammanslagna_namn.xlsx"
    book.save(path)
    return Shape("xlsx_names_merged_over_blocks", path,
                 spec_of("Mentor", MERGED_SPEC, identifier=IdentifierKind.NAME),
                 expected=expected(rows, Granularity.DAY))


def ods_names_merged_over_blocks(directory: Path) -> Shape:
    from sheet_files import write_sheet

    rows = day_rows(18, DAYS[:4])
    table, blocks = _merged_names_rows(rows)
    path = write_sheet(directory / "sammanslagna_namn.ods", table, kind="ods", sheet="Närvaro",
                       merged=[(first - 1, 0, last - 1, 0) for first, last in blocks])  # 0-based
    return Shape("ods_names_merged_over_blocks", Path(path),
                 spec_of("Mentor", MERGED_SPEC, identifier=IdentifierKind.NAME),
                 expected=expected(rows, Granularity.DAY))


def old_excel_xls(directory: Path) -> Shape:
    from sheet_files import write_sheet

    rows = day_rows(19)
    path = write_sheet(directory / "gammal_excel.xls", SKOLA24_TITLE + _sheet_rows(rows), kind="xls",
                       sheet="Frånvaro")
    return Shape("old_excel_xls", Path(path), spec_of("Skola24 xls", SKOLA24_SPEC),
                 expected=expected(rows, Granularity.DAY))


def libreoffice_ods(directory: Path) -> Shape:
    from sheet_files import write_sheet

    rows = day_rows(20)
    path = write_sheet(directory / "libreoffice.ods", SKOLA24_TITLE + _sheet_rows(rows), kind="ods",
                       sheet="Frånvaro")
    return Shape("libreoffice_ods", Path(path), spec_of("Skola24 ods", SKOLA24_SPEC),
                 expected=expected(rows, Granularity.DAY))


INSTRUCTIONS = [["Så här fyller du i närvaron"], ["Datum skrivs ÅÅÅÅ-MM-DD."], ["Tid i minuter."],
                ["Skicka filen till kuratorn varje fredag."]]


def xls_instruction_sheet_first(directory: Path) -> Shape:
    """Old Excel: "Instruktioner" first, then the data, then an empty "Blad3" as Excel 2003 left it."""
    from sheet_files import write_sheet

    rows = day_rows(21)
    path = write_sheet(directory / "instruktion_forst.xls", _sheet_rows(rows), kind="xls", sheet="Närvaro",
                       before={"Instruktioner": INSTRUCTIONS}, after={"Blad3": []})
    return Shape("xls_instruction_sheet_first", Path(path), spec_of("Handgjord xls", SKOLA24_SPEC),
                 expected=expected(rows, Granularity.DAY))


def ods_instruction_sheet_first(directory: Path) -> Shape:
    from sheet_files import write_sheet

    rows = day_rows(22)
    path = write_sheet(directory / "instruktion_forst.ods", _sheet_rows(rows), kind="ods", sheet="Närvaro",
                       before={"Instruktioner": INSTRUCTIONS})
    return Shape("ods_instruction_sheet_first", Path(path), spec_of("Handgjord ods", SKOLA24_SPEC),
                 expected=expected(rows, Granularity.DAY))


FORMULA_HEADER = ["Personnummer", "Datum", "Schemalagd tid (min)", "Giltig (min)", "Ogiltig (min)",
                  "Total frånvaro (min)"]


def _formula_workbook(directory: Path, name: str, rows: list[Row], cached: bool) -> Path:
    """The total as a formula "=D2+E2"; ``cached``: with its value stored, as Excel and LibreOffice save it
    (openpyxl writes the formula only, as a program that makes an export without opening it does)."""
    import re

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Frånvaro"
    sheet.append(FORMULA_HEADER)
    for line, r in enumerate(rows, start=2):
        sheet.append([r.pnr, r.start, r.scheduled, r.valid, r.invalid, f"=D{line}+E{line}"])
    path = directory / f"{name}.xlsx"
    book.save(path)
    if cached:
        totals = {f"F{line}": r.absent for line, r in enumerate(rows, start=2)}
        with zipfile.ZipFile(path) as source:
            members = [(info, source.read(info.filename)) for info in source.infolist()]
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
            for info, data in members:
                if info.filename == "xl/worksheets/sheet1.xml":
                    data = re.sub(rb'(<c r="(F[0-9]+)"[^>]*><f>[^<]*</f>)<v\s*/>',
                                  lambda m: m[1] + b"<v>%d</v>" % totals[m[2].decode()], data)
                target.writestr(info, data)
    return path


FORMULA_SPEC = dict(zip([Column.STUDENT, Column.DATE, Column.SCHEDULED, Column.VALID, Column.INVALID, Column.ABSENT],
                        FORMULA_HEADER, strict=True))


def xlsx_formulas_with_values(directory: Path) -> Shape:
    """A hand-made workbook whose total column is "=D2+E2", saved by Excel: the stored results are read."""
    rows = day_rows(23)
    path = _formula_workbook(directory, "formler_sparade", rows, cached=True)
    return Shape("xlsx_formulas_with_values", path, spec_of("Formler", FORMULA_SPEC),
                 expected=expected(rows, Granularity.DAY))


def xlsx_formulas_never_computed(directory: Path) -> Shape:
    """The same workbook made by a program and never opened: no results stored. calamine gives such a cell as
    empty, which would be an absence of 0 on every row; each row is refused naming its formula instead."""
    rows = day_rows(23, DAYS[:5])  # 30 rows: the command line lists 50 problems, the check looks for each line
    path = _formula_workbook(directory, "formler_utan_varden", rows, cached=False)
    spec = spec_of("Formler", {role: header for role, header in FORMULA_SPEC.items()
                               if role not in (Column.VALID, Column.INVALID)})
    return Shape("xlsx_formulas_never_computed", path, spec,
                 refusal=[(ProblemCode.NUMBER_INVALID, line) for line in range(2, len(rows) + 2)])


PERCENT_CELL_HEADER = ["Personnummer", "Namn", "Total frånvaro", "Anmäld frånvaro", "Ej anmäld frånvaro"]
PERCENT_CELL_SPEC = {Column.STUDENT: "Personnummer", Column.ABSENT: "Total frånvaro", Column.VALID: "Anmäld frånvaro",
                     Column.INVALID: "Ej anmäld frånvaro"}


def _percent_table(rows: list[Row]) -> list[list[object]]:
    """The title with the period, then the percentages as the fractions a "%"-formatted cell stores."""
    return [["Frånvaro per elev"], ["Period: 2026-08-17 - 2026-11-27"], PERCENT_CELL_HEADER] + [
        [r.pnr, r.name, round(r.absent / 100, 4), round(r.valid / 100, 4), round(r.invalid / 100, 4)] for r in rows]


def xlsx_percent_formatted_cells(directory: Path) -> Shape:
    """Skola24's "frånvaro per elev" as XLSX: cells formatted "0.0%" hold 0.351 for 35,1 %. calamine gives only
    the number, so the cell's style is read: 35.1 %, never 0.351 % nor a refusal of every row."""
    import openpyxl

    rows = _period_rows()
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Frånvaro per elev"
    for line in _percent_table(rows):
        sheet.append(line)
    for cells in sheet.iter_rows(min_row=4, min_col=3, max_col=5):
        for cell in cells:
            cell.number_format = "0.0%" if cell.column != 5 else "0%"  # a custom format and the built-in 9
    path = directory / "per_elev_procentformat.xlsx"
    book.save(path)
    spec = spec_of("Skola24 per elev xlsx", PERCENT_CELL_SPEC, unit=AmountUnit.PERCENT, per_period=True)
    return Shape("xlsx_percent_formatted_cells", path, spec,
                 expected=expected(rows, Granularity.PERIOD, unit=Unit.PERCENT))


def ods_percent_cells(directory: Path) -> Shape:
    """The same from LibreOffice: office:value-type="percentage" office:value="0.351"."""
    from sheet_files import write_sheet

    rows = _period_rows()
    path = Path(write_sheet(directory / "per_elev_procent.ods", _percent_table(rows), kind="ods",
                            sheet="Frånvaro per elev"))
    with zipfile.ZipFile(path) as source:
        members = [(info, source.read(info.filename)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w") as target:
        for info, data in members:
            if info.filename == "content.xml":  # the amounts (floats below 1, or 0) become percentage cells
                import re
                data = re.sub(rb'office:value-type="float" office:value="(0(?:\.[0-9]+)?)"',
                              rb'office:value-type="percentage" office:value="\1"', data)
            target.writestr(info, data, compress_type=zipfile.ZIP_STORED if info.filename == "mimetype"
                            else zipfile.ZIP_DEFLATED)
    spec = spec_of("Skola24 per elev ods", PERCENT_CELL_SPEC, unit=AmountUnit.PERCENT, per_period=True)
    return Shape("ods_percent_cells", path, spec, expected=expected(rows, Granularity.PERIOD, unit=Unit.PERCENT))


def xls_percent_formatted_cells(directory: Path) -> Shape:
    """Old Excel (.xls): the same per-student percentages in "0.0%" and "0%" cells (BIFF XF and FORMAT records)."""
    import xlwt

    rows = _period_rows()
    book = xlwt.Workbook()
    sheet = book.add_sheet("Frånvaro per elev")
    styles = {3: xlwt.easyxf(num_format_str="0.0%"), 4: xlwt.easyxf(num_format_str="0.0%"),
              5: xlwt.easyxf(num_format_str="0%")}
    for r, line in enumerate(_percent_table(rows)):
        for c, value in enumerate(line):
            if r >= 3 and c >= 2:
                sheet.write(r, c, value, styles[c + 1])
            else:
                sheet.write(r, c, value)
    path = directory / "per_elev_procentformat.xls"
    book.save(str(path))
    spec = spec_of("Skola24 per elev xls", PERCENT_CELL_SPEC, unit=AmountUnit.PERCENT, per_period=True)
    return Shape("xls_percent_formatted_cells", path, spec,
                 expected=expected(rows, Granularity.PERIOD, unit=Unit.PERCENT))


def xlsx_percent_cells_under_a_minutes_mapping(directory: Path) -> Shape:
    """A "%"-formatted absence column (header without a unit) under a minutes mapping: read bare, 0.351 was an
    absence of 0.351 minutes; as the percentage it is, it is refused (PERCENT_INVALID) on every row."""
    import openpyxl

    rows = day_rows(36, DAYS[:2])
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Personnummer", "Datum", "Schemalagd tid", "Frånvaro"])
    for r in rows:
        sheet.append([r.pnr, r.start, r.scheduled, round(r.absent / r.scheduled, 3) or 0.001])
        sheet.cell(sheet.max_row, 4).number_format = "0.0%"
    path = directory / "procent_som_minuter.xlsx"
    book.save(path)
    spec = spec_of("Minuter xlsx", {Column.STUDENT: "Personnummer", Column.DATE: "Datum",
                                    Column.SCHEDULED: "Schemalagd tid", Column.ABSENT: "Frånvaro"})
    return Shape("xlsx_percent_cells_under_a_minutes_mapping", path, spec,
                 refusal=[(ProblemCode.PERCENT_INVALID, line) for line in range(2, len(rows) + 2)])


def zip_bomb_renamed_xlsx(directory: Path) -> Shape:
    """An 8 MB workbook whose one sheet expands to 1 GB of cells (50 million): refused before it is expanded.

    Compression level 1 keeps writing it to about a second; the ratio is still over 100:1.
    """
    path = directory / "franvaro.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        archive.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
            'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName='
            '"/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.'
            'main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.'
            'openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>'))
        archive.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'))
        archive.writestr("xl/workbook.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/'
            'spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships"><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>'))
        archive.writestr("xl/_rels/workbook.xml.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/'
            'officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>'))
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as sheet:
            sheet.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats'
                        b'.org/spreadsheetml/2006/main"><sheetData>')
            block = b"<row><c><v>1</v></c><c><v>2</v></c></row>" * 25000
            for _ in range(1024):
                sheet.write(block)
            sheet.write(b"</sheetData></worksheet>")
    return Shape("zip_bomb_renamed_xlsx", path, spec_of("Skola24 xlsx", SKOLA24_SPEC),
                 refusal=[(ProblemCode.FILE_TOO_LARGE, 0)])


ALL = [
    skola24_per_day, unicode_text_utf16_tab, latin1_tab, vklass_per_lesson,
    schoolsoft_weeks_year_in_title, infomentor_weeks_school_year_option, weeks_without_any_year,
    excel_us_region_settled, excel_us_region_ambiguous, excel_us_region_ambiguous_answered_mdy,
    excel_us_region_ambiguous_answered_dmy, rows_pasted_twice_refused, rows_pasted_twice_skipped,
    ej_anmald_before_anmald, only_reported_absence, hours_two_decimals, learnpoint_groups_and_repeated_headers,
    unikum_summa_rows, first_and_last_name_columns, kind_word_column, skola24_per_student_percent,
    vklass_per_student_count_and_percent_title_period, per_student_period_from_option, per_student_without_period,
    edlevo_per_student_minutes, weekend_holiday_future, all_text_hand_made, xlsx_instruction_sheet_first,
    xlsx_names_merged_over_blocks, ods_names_merged_over_blocks, old_excel_xls, libreoffice_ods,
    xls_instruction_sheet_first, ods_instruction_sheet_first,
    # the attack11 review
    per_student_title_with_other_dates, xlsx_formulas_with_values, xlsx_formulas_never_computed,
    us_thousands_separators_refused, dash_for_nothing, excel_day_numbers_and_month_names, weeks_number_slash_year,
    per_month_summary, lessons_with_timestamps_and_notes, comma_separated_unquoted_decimal_commas,
    hours_file_under_a_minutes_mapping, percent_column_under_a_minutes_mapping, subtotal_in_the_date_column,
    lessons_with_a_day_sum_row, two_columns_with_one_header, times_written_in_words, xlsx_percent_formatted_cells,
    ods_percent_cells, xls_percent_formatted_cells, xlsx_percent_cells_under_a_minutes_mapping,
    weekday_before_us_dates, two_exports_pasted_with_columns_swapped, week_ranges_in_a_date_column,
    week_column_of_mondays, lesson_list_with_present_rows, utf16_without_bom,
    zip_bomb_renamed_xlsx,
]
