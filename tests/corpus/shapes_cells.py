"""Shapes found by the attack on issue 11's import: cells as other exports write them (thousands, words, weeks, months …)."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

from sst_desk.importers.attendance_spec import (
    AmountUnit,
    Column,
    IdentifierKind,
    NoticeCode,
    ProblemCode,
)
from sst_desk.workflow.attendance import Granularity

from . import PEOPLE, Shape

from .writing import AUTUMN_WEEKS, SKOLA24_HEADER, SKOLA24_SPEC, WEEK_SPEC, _period_rows, _week_file, skola24_line, us, DAYS, Row, day_rows, expected, num, spec_of, write_text


# --- Cells as other exports write them (the attack11 review) -------------------------------------------------

def us_thousands_separators_refused(directory: Path) -> Shape:
    """Excel with a US region and a "#,##0" format: 1500 minutes a week written "1,500". Read as Swedish it is
    1.5, and a 1-minute absence would be 67 % of it: every such cell is refused, never read one way."""
    rng = random.Random(24)
    rows, lines = [], [["Personnummer", "Vecka", "Schemalagt (min)", "Frånvaro (min)"]]
    for pnr, name in PEOPLE:
        for number, monday in AUTUMN_WEEKS:
            absent = rng.choice([0, 1, 45, 1200])
            rows.append(Row(pnr, name, monday, 1500, absent, None, None))
            lines.append([pnr, f"2026-W{number}", "1,500", f"{absent:,}"])
    path = write_text(directory / "us_tusental.csv", lines, sep=",")
    spec = spec_of("Veckor US", {Column.STUDENT: "Personnummer", Column.WEEK: "Vecka",
                                 Column.SCHEDULED: "Schemalagt (min)", Column.ABSENT: "Frånvaro (min)"})
    return Shape("us_thousands_separators_refused", path, spec,
                 refusal=[(ProblemCode.NUMBER_INVALID, line) for line in range(2, len(rows) + 2)])


def dash_for_nothing(directory: Path) -> Shape:
    """"-" where there is nothing (a printed report's habit): the same as an empty cell. An empty absence is 0,
    an empty part is unknown (the metrics then take it as the rest of the absence)."""
    rows = day_rows(25)
    def dash(value: float) -> str:
        return "-" if value == 0 else num(value)
    lines = [SKOLA24_HEADER] + [[r.pnr, r.name, "8C", r.start.isoformat(), num(r.scheduled), dash(r.absent),
                                 dash(r.valid), dash(r.invalid)] for r in rows]
    stored = [Row(r.pnr, r.name, r.start, r.scheduled, r.absent, r.valid or None, r.invalid or None) for r in rows]
    path = write_text(directory / "streck.csv", lines)
    return Shape("dash_for_nothing", path, spec_of("Skola24 per dag", SKOLA24_SPEC),
                 expected=expected(stored, Granularity.DAY))


def excel_day_numbers_and_month_names(directory: Path) -> Shape:
    """A kurator's CSV from a sheet whose date column was "General" (46272 = 7 September 2026), and one typed
    "8 sep 2026", "9 september 2026": every writing read as its day."""
    rows = day_rows(26)
    names = ["sep", "september", "sep."]
    def written(day: dt.date, index: int) -> str:
        if index % 2:
            return str((day - dt.date(1899, 12, 30)).days)
        return f"{day.day} {names[index % 3]} {day.year}"
    lines = [SKOLA24_HEADER] + [skola24_line(r, written(r.start, i)) for i, r in enumerate(rows)]
    path = write_text(directory / "dagnummer_och_manadsnamn.csv", lines)
    return Shape("excel_day_numbers_and_month_names", path, spec_of("Skola24 per dag", SKOLA24_SPEC),
                 expected=expected(rows, Granularity.DAY))


def weeks_number_slash_year(directory: Path) -> Shape:
    """Weeks written "37/2026" and "38-2026" (week, then year)."""
    rng = random.Random(27)
    rows, lines = [], [["Personnummer", "Namn", "Vecka", "Schemalagt (min)", "Frånvaro (min)", "Giltig (min)",
                        "Ogiltig (min)"]]
    for index, (pnr, person) in enumerate(PEOPLE):
        for number, monday in AUTUMN_WEEKS:
            absent = rng.choice([0, 60, 135, 400])
            valid = rng.choice([0, absent])
            rows.append(Row(pnr, person, monday, 1500, absent, valid, absent - valid))
            lines.append([pnr, person, f"{number}{'/-'[index % 2]}2026", "1500", num(absent), num(valid),
                          num(absent - valid)])
    path = write_text(directory / "vecka_snedstreck_ar.csv", lines)
    return Shape("weeks_number_slash_year", path, spec_of("Veckor", WEEK_SPEC), expected=expected(rows, Granularity.WEEK))


def per_month_summary(directory: Path) -> Shape:
    """One row per student and month, the month written "Oktober 2026" / "nov 2026": PERIOD records of the
    month, never days."""
    rng = random.Random(28)
    months = [("Oktober 2026", dt.date(2026, 10, 1), dt.date(2026, 10, 31)),
              ("nov 2026", dt.date(2026, 11, 1), dt.date(2026, 11, 30))]
    rows, lines = [], [["Personnummer", "Elev", "Månad", "Schemalagd tid (min)", "Frånvaro (min)"]]
    for pnr, name in PEOPLE:
        for text, first, last in months:
            absent = rng.choice([0, 300, 2250])
            rows.append(Row(pnr, name, first, 6300, absent, None, None, last))
            lines.append([pnr, name, text, "6300", num(absent)])
    path = write_text(directory / "per_manad.csv", lines)
    spec = spec_of("Per månad", {Column.STUDENT: "Personnummer", Column.PERIOD_FROM: "Månad", Column.PERIOD_TO: "Månad",
                                 Column.SCHEDULED: "Schemalagd tid (min)", Column.ABSENT: "Frånvaro (min)"},
                   per_period=True)
    return Shape("per_month_summary", path, spec, expected=expected(rows, Granularity.PERIOD))


def lessons_with_timestamps_and_notes(directory: Path) -> Shape:
    """Per lesson with "2026-09-07 08:15" start times and a trailing notes column holding the separator and
    quotes ("Sjuk; hemma", 'Sa "magont"'): summed per day, the notes ignored."""
    rng = random.Random(29)
    header = ["Personnummer", "Starttid", "Ämne", "Längd (min)", "Frånvaro (min)", "Giltig (min)", "Ogiltig (min)",
              "Kommentar"]
    rows, lines = [], [header]
    for pnr, name in PEOPLE:
        for day in DAYS[:4]:
            for start, subject, minutes in [("08:15", "Sv", 60), ("10:00", "Ma", 50), ("13:10", "En", 40)]:
                absent = rng.choice([0, 0, 10, minutes])
                valid = rng.choice([0, absent])
                rows.append(Row(pnr, name, day, minutes, absent, valid, absent - valid))
                lines.append([pnr, f"{day.isoformat()} {start}", subject, num(minutes), num(absent), num(valid),
                              num(absent - valid), rng.choice(["", "Sjuk; hemma", 'Sa "magont"', "Totalt borta"])])
    path = write_text(directory / "lektioner_tidpunkt.csv", lines, encoding="utf-8-sig")
    spec = spec_of("Lektioner", dict(zip([Column.STUDENT, Column.DATE], header[:2], strict=True))
                   | {Column.SCHEDULED: header[3], Column.ABSENT: header[4], Column.VALID: header[5],
                      Column.INVALID: header[6]})
    return Shape("lessons_with_timestamps_and_notes", path, spec, expected=expected(rows, Granularity.DAY))


def comma_separated_unquoted_decimal_commas(directory: Path) -> Shape:
    """A broken export: comma-separated, decimal commas not in quotes, so "5,5" hours are the two cells "5" and
    "5" and every later cell moves one column right. Rows with such a cell are refused naming the cell past the
    header; read as they stand they stored 5 hours scheduled and 5 absent for "5,5;0"."""
    rng = random.Random(30)
    lines, refused = ["Personnummer,Datum,Schemalagt (h),Frånvaro (h)"], []
    for pnr, _name in PEOPLE:
        for day in DAYS[:4]:
            absent = rng.choice(["0", "1", "2,5", "5,5"])
            lines.append(f"{pnr},{day.isoformat()},5,5,{absent}")
            refused.append(len(lines))
    path = directory / "komma_utan_citat.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    spec = spec_of("Timmar komma", {Column.STUDENT: "Personnummer", Column.DATE: "Datum",
                                    Column.SCHEDULED: "Schemalagt (h)", Column.ABSENT: "Frånvaro (h)"},
                   unit=AmountUnit.HOURS)
    return Shape("comma_separated_unquoted_decimal_commas", path, spec,
                 refusal=[(ProblemCode.ROW_TOO_LONG, line) for line in refused])


def hours_file_under_a_minutes_mapping(directory: Path) -> Shape:
    """Headers "(h)" and a mapping saved as minutes: 5,5 hours would be stored as 5.5 minutes. Refused."""
    lines = [["Personnummer", "Datum", "Schemalagt (h)", "Frånvaro (h)"]] + [
        [r.pnr, r.start.isoformat(), "5,5", num(r.absent / 60, 2)] for r in day_rows(31, minutes=330)]
    path = write_text(directory / "timmar_som_minuter.csv", lines)
    spec = spec_of("Minuter", {Column.STUDENT: "Personnummer", Column.DATE: "Datum", Column.SCHEDULED: "Schemalagt (h)",
                               Column.ABSENT: "Frånvaro (h)"})
    return Shape("hours_file_under_a_minutes_mapping", path, spec, refusal=[(ProblemCode.UNIT_MISMATCH, 0)])


def percent_column_under_a_minutes_mapping(directory: Path) -> Shape:
    """A per-student summary with "Frånvaro (%)" cells "35,1" (no % in the cell) under a minutes mapping:
    35.1 minutes of the term's scheduled time instead of 35.1 %. Refused."""
    lines = [["Frånvaro per elev"], ["Period: 2026-08-17 - 2026-11-27"],
             ["Personnummer", "Schemalagd tid (min)", "Frånvaro (%)"]] + [
        [r.pnr, "21000", num(r.absent, 1)] for r in _period_rows()]
    path = write_text(directory / "procent_som_minuter.csv", lines)
    spec = spec_of("Per elev minuter", {Column.STUDENT: "Personnummer", Column.SCHEDULED: "Schemalagd tid (min)",
                                        Column.ABSENT: "Frånvaro (%)"}, per_period=True)
    return Shape("percent_column_under_a_minutes_mapping", path, spec, refusal=[(ProblemCode.UNIT_MISMATCH, 0)])


def subtotal_in_the_date_column(directory: Path) -> Shape:
    """Each student's rows followed by a subtotal row with the student filled in and "Summa" where the day is:
    skipped (noticed), never refused as a bad date nor added to the student's days."""
    rows = day_rows(32)
    lines: list[list[str]] = [SKOLA24_HEADER]
    summa_lines = []
    for pnr, name in PEOPLE:
        mine = [r for r in rows if r.pnr == pnr]
        lines += [skola24_line(r) for r in mine]
        lines.append([pnr, name, "8C", "Summa", num(sum(r.scheduled for r in mine)), num(sum(r.absent for r in mine)),
                      num(sum(r.valid for r in mine)), num(sum(r.invalid for r in mine))])
        summa_lines.append(len(lines))
    path = write_text(directory / "delsumma_i_datum.csv", lines)
    return Shape("subtotal_in_the_date_column", path, spec_of("Skola24 per dag", SKOLA24_SPEC),
                 expected=expected(rows, Granularity.DAY),
                 notices=[(NoticeCode.SUMMARY_SKIPPED, line) for line in summa_lines])


def lessons_with_a_day_sum_row(directory: Path) -> Shape:
    """Per lesson, each day closed by a row with the student and the day filled in and "Summa" in the lesson
    column: the day's sum. Added to the lessons it doubled the day (220 of 220 minutes for 110 of 110); skipped."""
    rng = random.Random(33)
    rows, summa_lines = [], []
    lines = [["Personnummer", "Datum", "Lektion", "Längd (min)", "Frånvaro (min)"]]
    for pnr, name in PEOPLE:
        for day in DAYS[:3]:
            total = [0, 0]
            for subject, minutes in [("Svenska", 60), ("Matematik", 50)]:
                absent = rng.choice([0, 10, minutes])
                rows.append(Row(pnr, name, day, minutes, absent, None, None))
                lines.append([pnr, day.isoformat(), subject, num(minutes), num(absent)])
                total = [total[0] + minutes, total[1] + absent]
            lines.append([pnr, day.isoformat(), "Summa", num(total[0]), num(total[1])])
            summa_lines.append(len(lines))
    path = write_text(directory / "lektioner_dagsumma.csv", lines)
    spec = spec_of("Lektioner", {Column.STUDENT: "Personnummer", Column.DATE: "Datum", Column.SCHEDULED: "Längd (min)",
                                 Column.ABSENT: "Frånvaro (min)"})
    return Shape("lessons_with_a_day_sum_row", path, spec, expected=expected(rows, Granularity.DAY),
                 notices=[(NoticeCode.SUMMARY_SKIPPED, line) for line in summa_lines])


def two_columns_with_one_header(directory: Path) -> Shape:
    """Two columns both headed "Frånvaro" (percent of the day first, then minutes; the upper row that told
    them apart was lost): a mapping by header text would read the first, whichever was meant. Refused."""
    rows = day_rows(34)
    lines = [["Personnummer", "Datum", "Schemalagd tid", "Frånvaro", "Frånvaro"]] + [
        [r.pnr, r.start.isoformat(), num(r.scheduled), num(round(100 * r.absent / r.scheduled, 1)), num(r.absent)]
        for r in rows]
    path = write_text(directory / "tva_franvaro.csv", lines)
    spec = spec_of("Två frånvaro", {Column.STUDENT: "Personnummer", Column.DATE: "Datum",
                                    Column.SCHEDULED: "Schemalagd tid", Column.ABSENT: "Frånvaro"})
    return Shape("two_columns_with_one_header", path, spec, refusal=[(ProblemCode.COLUMN_AMBIGUOUS, 0)])


def times_written_in_words(directory: Path) -> Shape:
    """A kurator's sheet with times as "5 h 30 min", "45 min", "1 h": minutes, whatever the mapping's unit."""
    rows = day_rows(35, DAYS[:4], minutes=330)
    def words(minutes: float) -> str:
        hours, rest = divmod(int(minutes), 60)
        return f"{hours} h {rest} min" if hours and rest else f"{hours} h" if hours else f"{rest} min"
    lines = [["Elev", "Datum", "Schema", "Borta", "Giltigt", "Ogiltigt"]] + [
        [r.name, r.start.isoformat(), words(r.scheduled), words(r.absent), words(r.valid), words(r.invalid)]
        for r in rows]
    path = write_text(directory / "tid_i_ord.csv", lines)
    spec = spec_of("Handgjord", {Column.STUDENT: "Elev", Column.DATE: "Datum", Column.SCHEDULED: "Schema",
                                 Column.ABSENT: "Borta", Column.VALID: "Giltigt", Column.INVALID: "Ogiltigt"},
                   identifier=IdentifierKind.NAME, unit=AmountUnit.HOURS)
    return Shape("times_written_in_words", path, spec, expected=expected(rows, Granularity.DAY))


def weekday_before_us_dates(directory: Path) -> Shape:
    """A schedule export from Excel with a US region, "Thu 10/8/2026" and "Fri 10/9/2026" (8 and 9 October):
    both readings are school days in one compact stretch, so only the weekdays settle month/day."""
    days = [dt.date(2026, 10, 8), dt.date(2026, 10, 9)]
    rows = day_rows(37, days)
    lines = [SKOLA24_HEADER] + [[r.pnr, r.name, "8C", f"{'Mon Tue Wed Thu Fri Sat Sun'.split()[r.start.weekday()]} {us(r.start)}", num(r.scheduled, comma=False),
                                 num(r.absent, comma=False), num(r.valid, comma=False), num(r.invalid, comma=False)]
                                for r in rows]
    path = write_text(directory / "veckodag_us.csv", lines, sep=",")
    return Shape("weekday_before_us_dates", path, spec_of("Skola24 via Excel", SKOLA24_SPEC),
                 expected=expected(rows, Granularity.DAY))


def two_exports_pasted_with_columns_swapped(directory: Path) -> Shape:
    """Class 8C's export and, pasted below with its own header, class 9A's from after a system update whose
    "Ogiltig" and "Giltig" columns come the other way round. Read with the first header, 9A's valid absence was
    stored as invalid; the second header row is refused naming the column it names differently."""
    rows = day_rows(38)
    first = [r for r in rows if r.pnr in {p for p, _ in PEOPLE[:3]}]
    second = [r for r in rows if r.pnr not in {p for p, _ in PEOPLE[:3]}]
    swapped = SKOLA24_HEADER[:6] + [SKOLA24_HEADER[7], SKOLA24_HEADER[6]]
    lines = [SKOLA24_HEADER] + [skola24_line(r) for r in first] + [swapped] + [
        skola24_line(r)[:6] + [num(r.invalid), num(r.valid)] for r in second]
    path = write_text(directory / "tva_exporter.csv", lines)
    return Shape("two_exports_pasted_with_columns_swapped", path, spec_of("Skola24 per dag", SKOLA24_SPEC),
                 refusal=[(ProblemCode.HEADER_CHANGED, len(first) + 2)])


def week_ranges_in_a_date_column(directory: Path) -> Shape:
    """A weekly export whose "Datum" holds the week as "2026-09-07 - 2026-09-13": read as its Monday it stored a
    week's 1500 minutes as one day. Refused (the person maps it as a period, or the export per day)."""
    path, rows = _week_file(directory, "veckointervall", [], AUTUMN_WEEKS)
    lines = [["Personnummer", "Datum", "Schemalagt (min)", "Frånvaro (min)"]] + [
        [r.pnr, f"{r.start.isoformat()} - {(r.start + dt.timedelta(days=6)).isoformat()}", num(r.scheduled),
         num(r.absent)] for r in rows]
    path = write_text(directory / "veckointervall_som_datum.csv", lines)
    spec = spec_of("Veckor som datum", {Column.STUDENT: "Personnummer", Column.DATE: "Datum",
                                        Column.SCHEDULED: "Schemalagt (min)", Column.ABSENT: "Frånvaro (min)"})
    return Shape("week_ranges_in_a_date_column", path, spec,
                 refusal=[(ProblemCode.DATE_INVALID, line) for line in range(2, len(rows) + 2)])


def week_column_of_mondays(directory: Path) -> Shape:
    """A weekly export whose "Vecka" column holds the week's Monday ("2026-09-07"): that ISO week."""
    path, rows = _week_file(directory, "vecka_mandag_underlag", [], AUTUMN_WEEKS)
    lines = [["Personnummer", "Vecka", "Schemalagt (min)", "Frånvaro (min)", "Giltig (min)", "Ogiltig (min)"]] + [
        [r.pnr, r.start.isoformat(), num(r.scheduled), num(r.absent), num(r.valid), num(r.invalid)] for r in rows]
    path = write_text(directory / "vecka_mandag.csv", lines)
    return Shape("week_column_of_mondays", path, spec_of("Veckor", WEEK_SPEC), expected=expected(rows, Granularity.WEEK))


def lesson_list_with_present_rows(directory: Path) -> Shape:
    """A lesson list with a status per lesson, "Närvarande", "Giltig frånvaro" or "Ogiltig frånvaro", and the
    absent minutes (0 when present): every lesson counts, present ones with no absence of either kind."""
    rng = random.Random(39)
    rows, lines = [], [["Personnummer", "Datum", "Lektion", "Längd (min)", "Frånvaro (min)", "Status"]]
    for pnr, name in PEOPLE:
        for day in DAYS[:3]:
            for subject, minutes in [("Svenska", 60), ("Matematik", 50)]:
                status = rng.choice(["Närvarande", "Närvarande", "Giltig frånvaro", "Ogiltig frånvaro"])
                absent = 0 if status == "Närvarande" else minutes
                valid = absent if status.startswith("Giltig") else 0
                rows.append(Row(pnr, name, day, minutes, absent, valid, absent - valid))
                lines.append([pnr, day.isoformat(), subject, num(minutes), num(absent), status])
    path = write_text(directory / "lektioner_status.csv", lines)
    spec = spec_of("Lektioner status", {Column.STUDENT: "Personnummer", Column.DATE: "Datum",
                                        Column.SCHEDULED: "Längd (min)", Column.ABSENT: "Frånvaro (min)",
                                        Column.KIND: "Status"})
    return Shape("lesson_list_with_present_rows", path, spec, expected=expected(rows, Granularity.DAY))
