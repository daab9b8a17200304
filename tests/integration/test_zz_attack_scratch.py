"""SCRATCH (not committed): candidate shapes from the attack11 review."""
from __future__ import annotations

import datetime as dt
import random
from pathlib import Path

import pytest
from corpus import PEOPLE, TODAY, Shape
from corpus.shapes import (DAYS, SKOLA24_HEADER, SKOLA24_SPEC, Row, day_rows, expected, num, spec_of,
                           skola24_line)


def write_text(path, lines, *, sep=";", encoding="utf-8", newline="\r\n"):
    def cell(text):
        return '"' + text.replace('"', '""') + '"' if sep in text or '"' in text or "\n" in text else text
    path.write_bytes((newline.join(sep.join(cell(c) for c in line) for line in lines) + newline).encode(encoding))
    return path
from test_attendance_corpus import template, pinned_today, team, outcome, stored_records, same_record  # noqa

from sst_desk.importers.attendance_spec import AmountUnit, Column, IdentifierKind, ImportOptions, MappingSpec
from sst_desk.workflow.attendance import Granularity, Unit

CANDS = []


def cand(f):
    CANDS.append(f)
    return f


@cand
def thousands_space(d):
    rows = [Row(r.pnr, r.name, r.start, 1500, r.absent * 4, r.valid * 4, r.invalid * 4) for r in day_rows(30)]
    lines = [SKOLA24_HEADER] + [[r.pnr, r.name, "8C", r.start.isoformat(), "1 500", f"{int(r.absent):,}".replace(",", "\u00a0"),
                                 f"{int(r.valid):,}".replace(",", " "), num(r.invalid)] for r in rows]
    return Shape("thousands_space", write_text(d / "a.csv", lines), spec_of("x", SKOLA24_SPEC),
                 expected=expected(rows, Granularity.DAY))


@cand
def thousands_comma_us(d):
    rows = [Row(r.pnr, r.name, r.start, 1500, r.absent * 4, r.valid * 4, r.invalid * 4) for r in day_rows(31)]
    lines = [SKOLA24_HEADER] + [[r.pnr, r.name, "8C", r.start.isoformat(), "1,500", f"{int(r.absent):,}",
                                 f"{int(r.valid):,}", f"{int(r.invalid):,}"] for r in rows]
    return Shape("thousands_comma_us", write_text(d / "a.csv", lines, sep=","), spec_of("x", SKOLA24_SPEC),
                 expected=expected(rows, Granularity.DAY))


@cand
def thousands_dot(d):
    rows = [Row(r.pnr, r.name, r.start, 1500, r.absent * 4, r.valid * 4, r.invalid * 4) for r in day_rows(31)]
    lines = [SKOLA24_HEADER] + [[r.pnr, r.name, "8C", r.start.isoformat(), "1.500", f"{int(r.absent):,}".replace(",", "."),
                                 f"{int(r.valid):,}".replace(",", "."), f"{int(r.invalid):,}".replace(",", ".")] for r in rows]
    return Shape("thousands_dot", write_text(d / "a.csv", lines), spec_of("x", SKOLA24_SPEC),
                 expected=expected(rows, Granularity.DAY))


@cand
def dash_for_zero(d):
    rows = day_rows(32)
    z = lambda v: "-" if v == 0 else num(v)
    lines = [SKOLA24_HEADER] + [[r.pnr, r.name, "8C", r.start.isoformat(), num(r.scheduled), z(r.absent), z(r.valid),
                                 z(r.invalid)] for r in rows]
    return Shape("dash_for_zero", write_text(d / "a.csv", lines), spec_of("x", SKOLA24_SPEC),
                 expected=expected(rows, Granularity.DAY))


@cand
def hours_h_min_text(d):
    rows = day_rows(33)
    hm = lambda v: f"{int(v)//60} h {int(v)%60} min"
    lines = [SKOLA24_HEADER] + [[r.pnr, r.name, "8C", r.start.isoformat(), hm(r.scheduled), hm(r.absent), hm(r.valid),
                                 hm(r.invalid)] for r in rows]
    return Shape("hours_h_min_text", write_text(d / "a.csv", lines), spec_of("x", SKOLA24_SPEC, unit=AmountUnit.HOURS),
                 expected=expected(rows, Granularity.DAY))


@cand
def clock_under_hours(d):
    rows = day_rows(34)
    hm = lambda v: f"{int(v)//60}:{int(v)%60:02d}"
    lines = [SKOLA24_HEADER] + [[r.pnr, r.name, "8C", r.start.isoformat(), hm(r.scheduled), hm(r.absent), hm(r.valid),
                                 hm(r.invalid)] for r in rows]
    return Shape("clock_under_hours", write_text(d / "a.csv", lines), spec_of("x", SKOLA24_SPEC, unit=AmountUnit.HOURS),
                 expected=expected(rows, Granularity.DAY))


@cand
def timestamps_per_lesson(d):
    rng = random.Random(35)
    rows, lines = [], [["Personnummer", "Starttid", "Ämne", "Längd (min)", "Frånvaro (min)", "Giltig (min)", "Ogiltig (min)", "Kommentar"]]
    for pnr, name in PEOPLE:
        for day in DAYS[:4]:
            for hour, subj, minutes in [("08:15", "Sv", 60), ("10:00", "Ma", 50), ("13:10", "En", 40)]:
                a = rng.choice([0, 0, 10, minutes]); v = rng.choice([0, a])
                rows.append(Row(pnr, name, day, minutes, a, v, a - v))
                lines.append([pnr, f"{day.isoformat()} {hour}", subj, num(minutes), num(a), num(v), num(a - v),
                              rng.choice(["", "Sjuk; hemma", 'Sa "magont"', "Totalt borta, ringde"])])
    spec = spec_of("x", {Column.STUDENT: "Personnummer", Column.DATE: "Starttid", Column.SCHEDULED: "Längd (min)",
                         Column.ABSENT: "Frånvaro (min)", Column.VALID: "Giltig (min)", Column.INVALID: "Ogiltig (min)"})
    return Shape("timestamps_per_lesson", write_text(d / "a.csv", lines), spec, expected=expected(rows, Granularity.DAY))


@cand
def excel_serial_in_csv(d):
    rows = day_rows(36)
    serial = lambda day: str((day - dt.date(1899, 12, 30)).days)
    lines = [SKOLA24_HEADER] + [skola24_line(r, serial(r.start)) for r in rows]
    return Shape("excel_serial_in_csv", write_text(d / "a.csv", lines), spec_of("x", SKOLA24_SPEC),
                 expected=expected(rows, Granularity.DAY))


WEEK_SPEC = {Column.STUDENT: "Personnummer", Column.WEEK: "Vecka", Column.SCHEDULED: "Schemalagt (min)",
             Column.ABSENT: "Frånvaro (min)", Column.VALID: "Giltig (min)", Column.INVALID: "Ogiltig (min)"}


def _weeks(d, name, fmt, title=()):
    rng = random.Random(37)
    weeks = [(45, dt.date(2026, 11, 2)), (46, dt.date(2026, 11, 9)), (47, dt.date(2026, 11, 16))]
    rows, lines = [], list(title) + [["Personnummer", "Vecka", "Schemalagt (min)", "Frånvaro (min)", "Giltig (min)", "Ogiltig (min)"]]
    for pnr, person in PEOPLE:
        for n, monday in weeks:
            a = rng.choice([0, 60, 135, 400]); v = rng.choice([0, a])
            rows.append(Row(pnr, person, monday, 1500, a, v, a - v))
            lines.append([pnr, fmt(n), "1500", num(a), num(v), num(a - v)])
    return Shape(name, write_text(d / f"{name}.csv", lines), spec_of("w", WEEK_SPEC), expected=expected(rows, Granularity.WEEK))


@cand
def week_iso(d):
    return _weeks(d, "week_iso", lambda n: f"2026-W{n}")


@cand
def week_slash_year(d):
    return _weeks(d, "week_slash_year", lambda n: f"{n}/2026")


@cand
def week_dash_year(d):
    return _weeks(d, "week_dash_year", lambda n: f"{n}-2026")


@cand
def week_v_year(d):
    return _weeks(d, "week_v_year", lambda n: f"v{n} 2026")


@cand
def week_year_v(d):
    return _weeks(d, "week_year_v", lambda n: f"2026 v.{n}")


@cand
def week_vecka_long(d):
    return _weeks(d, "week_vecka_long", lambda n: f"Vecka {n}, 2026")


@cand
def week_with_range(d):
    return _weeks(d, "week_with_range", lambda n: f"v.{n} ({dt.date.fromisocalendar(2026, n, 1):%d/%m} - {dt.date.fromisocalendar(2026, n, 5):%d/%m})")


@cand
def swedish_month_names(d):
    rows = day_rows(38)
    months = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
    lines = [SKOLA24_HEADER] + [skola24_line(r, f"{r.start.day} {months[r.start.month-1]} {r.start.year}") for r in rows]
    return Shape("swedish_month_names", write_text(d / "a.csv", lines), spec_of("x", SKOLA24_SPEC),
                 expected=expected(rows, Granularity.DAY))


@cand
def pnr_short_and_plus(d):
    rows = day_rows(39)
    def short(p, i):
        digits = p.replace("-", "")
        return [digits[2:], p[2:], digits][i % 3]
    lines = [SKOLA24_HEADER] + [[short(r.pnr, i)] + skola24_line(r)[1:] for i, r in enumerate(rows)]
    return Shape("pnr_short_and_plus", write_text(d / "a.csv", lines), spec_of("x", SKOLA24_SPEC),
                 expected=expected(rows, Granularity.DAY))


@cand
def sep_line_excel(d):
    rows = day_rows(40)
    lines = [["sep=;"], SKOLA24_HEADER] + [skola24_line(r) for r in rows]
    return Shape("sep_line_excel", write_text(d / "a.csv", lines, encoding="utf-8-sig"), spec_of("x", SKOLA24_SPEC),
                 expected=expected(rows, Granularity.DAY))


@cand
def sep_line_comma(d):
    rows = day_rows(41)
    lines = [["sep=,"], SKOLA24_HEADER] + [[r.pnr, f"{r.name.split()[1]}, {r.name.split()[0]}", "8C", r.start.isoformat(),
                                             num(r.scheduled), num(r.absent), num(r.valid), num(r.invalid)] for r in rows]
    return Shape("sep_line_comma", write_text(d / "a.csv", lines, sep=","), spec_of("x", SKOLA24_SPEC),
                 expected=expected(rows, Granularity.DAY))


@cand
def comma_sep_decimal_comma_quoted(d):
    rows = [Row(r.pnr, r.name, r.start, 5.5, r.absent / 60, r.valid / 60, r.invalid / 60) for r in day_rows(42, minutes=330)]
    lines = [SKOLA24_HEADER] + [[r.pnr, f"{r.name.split()[1]}, {r.name.split()[0]}", "8C", r.start.isoformat(),
                                 num(r.scheduled, 2), num(r.absent, 2), num(r.valid, 2), num(r.invalid, 2)] for r in rows]
    return Shape("comma_sep_decimal_comma_quoted", write_text(d / "a.csv", lines, sep=","),
                 spec_of("x", SKOLA24_SPEC, unit=AmountUnit.HOURS), expected=expected(
                     [Row(r.pnr, r.name, r.start, round(r.scheduled, 2), round(r.absent, 2), round(r.valid, 2), round(r.invalid, 2)) for r in rows],
                     Granularity.DAY, factor=60.0))


@cand
def english_vklass(d):
    rows = day_rows(43)
    header = ["Student", "Civic registration number", "Date", "Scheduled (min)", "Absence (min)", "Excused (min)", "Unexcused (min)"]
    lines = [header] + [[r.name, r.pnr, r.start.strftime("%m/%d/%Y"), num(r.scheduled), num(r.absent), num(r.valid), num(r.invalid)] for r in rows]
    from sst_desk.importers.headers import suggest_columns
    s = suggest_columns(header)
    print("ENGLISH SUGGEST", s)
    spec = spec_of("en", s)
    return Shape("english_vklass", write_text(d / "a.csv", lines, sep=","), spec, expected=expected(rows, Granularity.DAY))


@cand
def merged_header_two_lines(d):
    rows = day_rows(44)
    lines = [["", "", "", "Frånvaro (min)", "", ""], ["Personnummer", "Datum", "Schemalagt (min)", "Totalt", "Giltig", "Ogiltig"]] + [
        [r.pnr, r.start.isoformat(), num(r.scheduled), num(r.absent), num(r.valid), num(r.invalid)] for r in rows]
    from sst_desk.importers.tables import open_table
    t = open_table(write_text(d / "a.csv", lines))
    print("HEADERS", t.headers())
    from sst_desk.importers.headers import suggest_columns
    s = suggest_columns(t.headers()); print("SUGG", s)
    return Shape("merged_header_two_lines", d / "a.csv", spec_of("m", s), expected=expected(rows, Granularity.DAY))


@cand
def tab_quoted(d):
    rows = day_rows(45)
    lines = [SKOLA24_HEADER + ["Anteckning"]] + [skola24_line(r) + ["Sjuk\tfeber" if i % 5 == 0 else ""] for i, r in enumerate(rows)]
    return Shape("tab_quoted", write_text(d / "a.txt", lines, sep="\t"), spec_of("x", SKOLA24_SPEC), expected=expected(rows, Granularity.DAY))


@cand
def negative_amounts(d):
    rows = day_rows(46)
    lines = [SKOLA24_HEADER] + [skola24_line(r) for r in rows]
    lines[5][5] = "-60"
    return Shape("negative_amounts", write_text(d / "a.csv", lines), spec_of("x", SKOLA24_SPEC), refusal=[("x", 6)])


@cand
def blank_absence(d):
    rows = day_rows(47)
    lines = [SKOLA24_HEADER] + [[r.pnr, r.name, "8C", r.start.isoformat(), num(r.scheduled), "" if r.absent == 0 else num(r.absent),
                                 "" if r.valid == 0 else num(r.valid), "" if r.invalid == 0 else num(r.invalid)] for r in rows]
    return Shape("blank_absence", write_text(d / "a.csv", lines), spec_of("x", SKOLA24_SPEC), expected=expected(rows, Granularity.DAY))


@cand
def month_summary(d):
    header = ["Personnummer", "Månad", "Schemalagt (min)", "Frånvaro (min)"]
    rows, lines = [], [header]
    for pnr, name in PEOPLE:
        rows.append(Row(pnr, name, dt.date(2026, 10, 1), 6000, 300, None, None, dt.date(2026, 10, 31)))
        lines.append([pnr, "Oktober 2026", "6000", "300"])
    spec = spec_of("m", {Column.STUDENT: "Personnummer", Column.PERIOD_FROM: "Månad", Column.PERIOD_TO: "Månad",
                         Column.SCHEDULED: "Schemalagt (min)", Column.ABSENT: "Frånvaro (min)"}, per_period=True)
    return Shape("month_summary", write_text(d / "a.csv", lines), spec, expected=expected(rows, Granularity.PERIOD))


@cand
def other_class_rows(d):
    from sst_desk.importers.people import fake_students
    others = fake_students(3, seed=999)
    rows = day_rows(48)
    extra = day_rows(49, people=others)
    lines = [SKOLA24_HEADER] + [skola24_line(r) for r in rows] + [skola24_line(r) for r in extra]
    return Shape("other_class_rows", write_text(d / "a.csv", lines), spec_of("x", SKOLA24_SPEC), expected=expected(rows, Granularity.DAY))


@pytest.mark.parametrize("writer", CANDS, ids=lambda w: w.__name__)
def test_cand(team, tmp_path, writer):
    shape = writer(tmp_path)
    result, problems = outcome(team, shape)
    print("\n==", shape.name, "ok" if result is not None and result.ok else "REFUSED")
    for p in problems[:4]:
        print("   ", p.describe())
    if result is not None and result.unmatched:
        print("   unmatched", len(result.unmatched))
    if result is None or not result.ok:
        return
    got = stored_records(team)
    bad = []
    for pnr, want in shape.expected.items():
        have = got.get(pnr, [])
        if len(have) != len(want) or not all(same_record(g, w) for g, w in zip(have, want)):
            bad.append((pnr, have[:2], want[:2]))
    extra = set(got) - set(shape.expected)
    if bad or extra:
        print("   !!! WRONG NUMBERS", bad[:1], extra)
        pytest.fail("wrong")


CANDS2 = []


def cand2(f):
    CANDS2.append(f)
    return f


@cand2
def xlsx_formula_total_no_cache(d):
    """openpyxl writes formulas without a cached value (as any script-made export does)."""
    import openpyxl
    rows = day_rows(50)
    book = openpyxl.Workbook(); sh = book.active
    sh.append(["Personnummer", "Datum", "Schemalagd tid (min)", "Giltig (min)", "Ogiltig (min)", "Total frånvaro (min)"])
    for i, r in enumerate(rows, start=2):
        sh.append([r.pnr, r.start, r.scheduled, r.valid, r.invalid, f"=D{i}+E{i}"])
    book.save(d / "f.xlsx")
    spec = spec_of("f", {Column.STUDENT: "Personnummer", Column.DATE: "Datum", Column.SCHEDULED: "Schemalagd tid (min)",
                         Column.ABSENT: "Total frånvaro (min)"})
    return Shape("xlsx_formula_total_no_cache", d / "f.xlsx", spec,
                 expected=expected([Row(r.pnr, r.name, r.start, r.scheduled, r.absent, None, None) for r in rows], Granularity.DAY))


@cand2
def xlsx_formula_with_cache(d):
    """Formulas with cached values, as Excel saves them: patch the sheet XML to add <v>."""
    import openpyxl, zipfile, re
    rows = day_rows(51)
    book = openpyxl.Workbook(); sh = book.active
    sh.append(["Personnummer", "Datum", "Schemalagd tid (min)", "Giltig (min)", "Ogiltig (min)", "Total frånvaro (min)"])
    for i, r in enumerate(rows, start=2):
        sh.append([r.pnr, r.start, r.scheduled, r.valid, r.invalid, f"=D{i}+E{i}"])
    book.save(d / "raw.xlsx")
    values = {f"F{i}": r.absent for i, r in enumerate(rows, start=2)}
    with zipfile.ZipFile(d / "raw.xlsx") as zin, zipfile.ZipFile(d / "f.xlsx", "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                for ref, v in values.items():
                    data = re.sub(rb'(<c r="' + ref.encode() + rb'"[^>]*><f>[^<]*</f>)<v\s*/>', lambda m: m[1] + f"<v>{int(v)}</v>".encode(), data)
            zout.writestr(item, data)
    spec = spec_of("f", {Column.STUDENT: "Personnummer", Column.DATE: "Datum", Column.SCHEDULED: "Schemalagd tid (min)",
                         Column.ABSENT: "Total frånvaro (min)", Column.VALID: "Giltig (min)", Column.INVALID: "Ogiltig (min)"})
    return Shape("xlsx_formula_with_cache", d / "f.xlsx", spec, expected=expected(rows, Granularity.DAY))


@cand2
def xlsx_hidden_rows_cols(d):
    import openpyxl
    rows = day_rows(52)
    book = openpyxl.Workbook(); sh = book.active
    sh.append(SKOLA24_HEADER)
    for r in rows:
        sh.append([r.pnr, r.name, "8C", r.start, r.scheduled, r.absent, r.valid, r.invalid])
    sh.row_dimensions[3].hidden = True
    sh.column_dimensions["C"].hidden = True
    book.save(d / "h.xlsx")
    return Shape("xlsx_hidden_rows_cols", d / "h.xlsx", spec_of("x", SKOLA24_SPEC), expected=expected(rows, Granularity.DAY))


@cand2
def xlsx_text_dates_and_text_numbers(d):
    import openpyxl
    rows = day_rows(53)
    book = openpyxl.Workbook(); sh = book.active
    sh.append(SKOLA24_HEADER)
    for i, r in enumerate(rows):
        sh.append([r.pnr, r.name, "8C", r.start.isoformat() if i % 2 else r.start, str(int(r.scheduled)), r.absent,
                   num(r.valid), r.invalid])
    book.save(d / "t.xlsx")
    return Shape("xlsx_text_dates_and_text_numbers", d / "t.xlsx", spec_of("x", SKOLA24_SPEC), expected=expected(rows, Granularity.DAY))


@cand2
def xlsx_us_text_dates(d):
    import openpyxl
    rows = day_rows(54)
    book = openpyxl.Workbook(); sh = book.active
    sh.append(SKOLA24_HEADER)
    for i, r in enumerate(rows):
        sh.append([r.pnr, r.name, "8C", f"{r.start.month}/{r.start.day}/{r.start.year}", r.scheduled, r.absent, r.valid, r.invalid])
    book.save(d / "u.xlsx")
    return Shape("xlsx_us_text_dates", d / "u.xlsx", spec_of("x", SKOLA24_SPEC), expected=expected(rows, Granularity.DAY))


@cand2
def xlsx_pnr_as_number_and_time_cells(d):
    import openpyxl
    rows = day_rows(55)
    book = openpyxl.Workbook(); sh = book.active
    sh.append(SKOLA24_HEADER)
    for r in rows:
        t = lambda m: dt.time(int(m) // 60, int(m) % 60)
        sh.append([int(r.pnr.replace("-", "")), r.name, "8C", r.start, t(r.scheduled), t(r.absent), t(r.valid), t(r.invalid)])
        for c in sh[sh.max_row][4:]:
            c.number_format = "h:mm"
    book.save(d / "p.xlsx")
    return Shape("xlsx_pnr_as_number_and_time_cells", d / "p.xlsx", spec_of("x", SKOLA24_SPEC, unit=AmountUnit.HOURS), expected=expected(rows, Granularity.DAY))


@cand2
def xlsx_merged_header_two_rows(d):
    import openpyxl
    rows = day_rows(56)
    book = openpyxl.Workbook(); sh = book.active
    sh.append(["Elev", None, "Datum", "Tid (min)", "Frånvaro (min)", None, None, "Anteckning"])
    sh.append(["Personnummer", "Namn", None, None, "Totalt", "Giltig", "Ogiltig", None])
    sh.merge_cells("A1:B1"); sh.merge_cells("E1:G1"); sh.merge_cells("C1:C2"); sh.merge_cells("D1:D2"); sh.merge_cells("H1:H2")
    for i, r in enumerate(rows):
        sh.append([r.pnr, r.name, r.start, r.scheduled, r.absent, r.valid, r.invalid, "sjuk" if i % 7 == 0 else None])
    book.save(d / "m.xlsx")
    from sst_desk.importers.tables import open_table
    t = open_table(d / "m.xlsx")
    print("HEADERS", t.guess_header_row(), t.headers())
    from sst_desk.importers.headers import suggest_columns
    s = suggest_columns(t.headers()); print("SUGG", s)
    return Shape("xlsx_merged_header_two_rows", d / "m.xlsx", spec_of("m", s), expected=expected(rows, Granularity.DAY))


@cand2
def wide_per_day_with_total(d):
    """One column per date and a Totalt column: mapped per period to the Totalt column, period in the title."""
    rows = day_rows(57)
    header = ["Personnummer", "Namn"] + [day.strftime("%Y-%m-%d") for day in DAYS] + ["Totalt"]
    lines = [["Frånvaro (min) per dag"], ["Period: 2026-09-07 - 2026-09-18"], [], header]
    want = []
    for pnr, name in PEOPLE:
        mine = [r for r in rows if r.pnr == pnr]
        lines.append([pnr, name] + [num(r.absent) for r in mine] + [num(sum(r.absent for r in mine))])
        want.append(Row(pnr, name, dt.date(2026, 9, 7), 3000, sum(r.absent for r in mine), None, None, dt.date(2026, 9, 18)))
    from sst_desk.importers.headers import suggest_columns, suggest_per_period
    print("SUGG", suggest_columns(header), suggest_per_period(header))
    spec = spec_of("wide", {Column.STUDENT: "Personnummer", Column.ABSENT: "Totalt"}, per_period=True)
    return Shape("wide_per_day_with_total", write_text(d / "w.csv", lines), spec, expected=expected(want, Granularity.PERIOD))


@cand2
def kind_present_words(d):
    rng = random.Random(58)
    rows, lines = [], [["Personnummer", "Datum", "Lektion", "Längd (min)", "Frånvaro (min)", "Status"]]
    for pnr, name in PEOPLE:
        for day in DAYS[:3]:
            for subj, m in [("Sv", 60), ("Ma", 50)]:
                st = rng.choice(["Närvarande", "Närvarande", "Giltig frånvaro", "Ogiltig frånvaro"])
                a = 0 if st == "Närvarande" else m
                rows.append(Row(pnr, name, day, m, a, a if st.startswith("Giltig") else 0, a if st.startswith("Ogiltig") else 0))
                lines.append([pnr, day.isoformat(), subj, str(m), str(a), st])
    spec = spec_of("k", {Column.STUDENT: "Personnummer", Column.DATE: "Datum", Column.SCHEDULED: "Längd (min)",
                         Column.ABSENT: "Frånvaro (min)", Column.KIND: "Status"})
    return Shape("kind_present_words", write_text(d / "k.csv", lines), spec, expected=expected(rows, Granularity.DAY))


@cand2
def english_with_pnr(d):
    rows = day_rows(59)
    header = ["Student", "Personal ID", "Date", "Scheduled (min)", "Absence (min)", "Excused (min)", "Unexcused (min)"]
    lines = [header] + [[r.name, r.pnr, r.start.strftime("%m/%d/%Y"), num(r.scheduled), num(r.absent), num(r.valid), num(r.invalid)] for r in rows]
    spec = spec_of("en", {Column.STUDENT: "Personal ID", Column.DATE: "Date", Column.SCHEDULED: "Scheduled (min)",
                          Column.ABSENT: "Absence (min)", Column.VALID: "Excused (min)", Column.INVALID: "Unexcused (min)"})
    return Shape("english_with_pnr", write_text(d / "a.csv", lines, sep=","), spec, expected=expected(rows, Granularity.DAY))


@cand2
def title_two_dates_not_period(d):
    from corpus.shapes import _period_rows, _count_cells, VKLASS_PERIOD_HEADER
    rows = _period_rows()
    lines = [["Frånvaro per elev"], ["Skapad 2026-11-30, ändrad 2026-12-01"], ["Period: 2026-08-17 - 2026-11-27"], [],
             VKLASS_PERIOD_HEADER] + [[r.name, r.pnr, "8C", *_count_cells(r, i)] for i, r in enumerate(rows)]
    spec = spec_of("v", {Column.STUDENT: "Personnummer", Column.ABSENT: "Frånvaro", Column.VALID: "Varav giltig",
                         Column.INVALID: "Varav ogiltig"}, unit=AmountUnit.PERCENT, per_period=True)
    return Shape("title_two_dates_not_period", write_text(d / "a.csv", lines), spec, expected=expected(rows, Granularity.PERIOD, unit=Unit.PERCENT))


@cand2
def last_first_names(d):
    rows = day_rows(60)
    lines = [["Elev", "Datum", "Schema (min)", "Frånvaro (min)"]] + [
        [f"{r.name.split(' ', 1)[1]}, {r.name.split(' ', 1)[0]}", r.start.isoformat(), num(r.scheduled), num(r.absent)] for r in rows]
    spec = spec_of("n", {Column.STUDENT: "Elev", Column.DATE: "Datum", Column.SCHEDULED: "Schema (min)", Column.ABSENT: "Frånvaro (min)"},
                   identifier=IdentifierKind.NAME)
    return Shape("last_first_names", write_text(d / "a.csv", lines), spec,
                 expected=expected([Row(r.pnr, r.name, r.start, r.scheduled, r.absent, None, None) for r in rows], Granularity.DAY))


@cand2
def ods_percent_and_text(d):
    from sheet_files import write_sheet
    from corpus.shapes import _period_rows
    rows = _period_rows()
    table = [["Frånvaro per elev"], ["Period: 2026-08-17 - 2026-11-27"], ["Personnummer", "Namn", "Frånvaro %", "Giltig %", "Ogiltig %"]] + [
        [r.pnr, r.name, r.absent, r.valid, r.invalid] for r in rows]
    p = write_sheet(d / "p.ods", table, kind="ods")
    spec = spec_of("p", {Column.STUDENT: "Personnummer", Column.ABSENT: "Frånvaro %", Column.VALID: "Giltig %", Column.INVALID: "Ogiltig %"},
                   unit=AmountUnit.PERCENT, per_period=True)
    return Shape("ods_percent_and_text", Path(p), spec, expected=expected(rows, Granularity.PERIOD, unit=Unit.PERCENT))


@pytest.mark.parametrize("writer", CANDS2, ids=lambda w: w.__name__)
def test_cand2(team, tmp_path, writer):
    test_cand(team, tmp_path, writer)


CANDS3 = []


def cand3(f):
    CANDS3.append(f)
    return f


@cand3
def comma_sep_unquoted_decimal_commas(d):
    """A broken export: comma-separated, decimal commas not quoted ("5,5" splits into two cells)."""
    rows = [Row(r.pnr, r.name, r.start, 5.5, r.absent / 60, 0, 0) for r in day_rows(61, minutes=330)]
    lines = ["Personnummer,Datum,Schemalagt (h),Frånvaro (h),Anteckning"]
    for r in rows:
        lines.append(f"{r.pnr},{r.start.isoformat()},{num(r.scheduled)},{num(round(r.absent, 1))},")
    (d / "a.csv").write_text("\r\n".join(lines) + "\r\n", encoding="utf-8")
    spec = spec_of("c", {Column.STUDENT: "Personnummer", Column.DATE: "Datum", Column.SCHEDULED: "Schemalagt (h)",
                         Column.ABSENT: "Frånvaro (h)"}, unit=AmountUnit.HOURS)
    return Shape("comma_sep_unquoted_decimal_commas", d / "a.csv", spec,
                 expected=expected([Row(r.pnr, r.name, r.start, r.scheduled, round(r.absent, 1), None, None) for r in rows], Granularity.DAY, factor=60.0))


@cand3
def hours_headers_minutes_mapping(d):
    rows = [Row(r.pnr, r.name, r.start, 5.5, round(r.absent / 60, 2), None, None) for r in day_rows(62, minutes=330)]
    lines = [["Personnummer", "Datum", "Schemalagt (h)", "Frånvaro (h)"]] + [[r.pnr, r.start.isoformat(), num(r.scheduled), num(r.absent, 2)] for r in rows]
    spec = spec_of("c", {Column.STUDENT: "Personnummer", Column.DATE: "Datum", Column.SCHEDULED: "Schemalagt (h)",
                         Column.ABSENT: "Frånvaro (h)"}, unit=AmountUnit.MINUTES)
    return Shape("hours_headers_minutes_mapping", write_text(d / "a.csv", lines), spec,
                 expected=expected(rows, Granularity.DAY, factor=60.0))


@cand3
def percent_header_minutes_mapping(d):
    from corpus.shapes import _period_rows
    rows = _period_rows()
    lines = [["Period: 2026-08-17 - 2026-11-27"], ["Personnummer", "Schemalagt (min)", "Frånvaro (%)"]] + [[r.pnr, "20000", num(r.absent, 1)] for r in rows]
    spec = spec_of("c", {Column.STUDENT: "Personnummer", Column.SCHEDULED: "Schemalagt (min)", Column.ABSENT: "Frånvaro (%)"}, per_period=True)
    return Shape("percent_header_minutes_mapping", write_text(d / "a.csv", lines), spec,
                 refusal=[("x", 3)])


@pytest.mark.parametrize("writer", CANDS3, ids=lambda w: w.__name__)
def test_cand3(team, tmp_path, writer):
    test_cand(team, tmp_path, writer)


CANDS4 = []


def cand4(f):
    CANDS4.append(f)
    return f


@cand4
def xlsx_1904_dates(d):
    import openpyxl
    from openpyxl.utils.datetime import CALENDAR_MAC_1904
    rows = day_rows(70)
    book = openpyxl.Workbook(); book.epoch = CALENDAR_MAC_1904; sh = book.active
    sh.append(SKOLA24_HEADER)
    for r in rows:
        sh.append([r.pnr, r.name, "8C", r.start, r.scheduled, r.absent, r.valid, r.invalid])
    book.save(d / "mac.xlsx")
    return Shape("xlsx_1904_dates", d / "mac.xlsx", spec_of("x", SKOLA24_SPEC), expected=expected(rows, Granularity.DAY))


@cand4
def summa_in_date_column(d):
    rows = day_rows(71)
    lines = [SKOLA24_HEADER]
    for pnr, name in PEOPLE:
        mine = [r for r in rows if r.pnr == pnr]
        lines += [skola24_line(r) for r in mine]
        lines.append([pnr, name, "8C", "Summa", num(sum(r.scheduled for r in mine)), num(sum(r.absent for r in mine)),
                      num(sum(r.valid for r in mine)), num(sum(r.invalid for r in mine))])
    return Shape("summa_in_date_column", write_text(d / "a.csv", lines), spec_of("x", SKOLA24_SPEC), expected=expected(rows, Granularity.DAY))


@cand4
def pnr_with_space(d):
    rows = day_rows(72)
    lines = [SKOLA24_HEADER] + [[r.pnr.replace("-", " ")] + skola24_line(r)[1:] for r in rows]
    return Shape("pnr_with_space", write_text(d / "a.csv", lines), spec_of("x", SKOLA24_SPEC), expected=expected(rows, Granularity.DAY))


@cand4
def xls_dates_and_times(d):
    from sheet_files import write_sheet
    rows = day_rows(73)
    table = [SKOLA24_HEADER] + [[r.pnr, r.name, "8C", dt.datetime.combine(r.start, dt.time(8, 15)), r.scheduled, r.absent, r.valid, r.invalid] for r in rows]
    p = write_sheet(d / "x.xls", table, kind="xls")
    return Shape("xls_dates_and_times", Path(p), spec_of("x", SKOLA24_SPEC), expected=expected(rows, Granularity.DAY))


@cand4
def utf16_no_bom(d):
    rows = day_rows(74)
    lines = [SKOLA24_HEADER] + [skola24_line(r) for r in rows]
    return Shape("utf16_no_bom", write_text(d / "a.txt", lines, sep="\t", encoding="utf-16-le"), spec_of("x", SKOLA24_SPEC), expected=expected(rows, Granularity.DAY))


@cand4
def week_per_day_mixed(d):
    """Vklass: week summary rows AND day rows for the same student: the docs say the week wins."""
    rows = day_rows(75, DAYS[:5])
    header = ["Personnummer", "Datum", "Vecka", "Schema (min)", "Frånvaro (min)"]
    lines = [header] + [[r.pnr, r.start.isoformat(), "", num(r.scheduled), num(r.absent)] for r in rows]
    spec = spec_of("x", {Column.STUDENT: "Personnummer", Column.DATE: "Datum", Column.SCHEDULED: "Schema (min)", Column.ABSENT: "Frånvaro (min)"})
    return Shape("week_per_day_mixed", write_text(d / "a.csv", lines), spec,
                 expected=expected([Row(r.pnr, r.name, r.start, r.scheduled, r.absent, None, None) for r in rows], Granularity.DAY))


@pytest.mark.parametrize("writer", CANDS4, ids=lambda w: w.__name__)
def test_cand4(team, tmp_path, writer):
    test_cand(team, tmp_path, writer)
