"""Whole-file decisions of read_rows (issue 11): day/month order, calendar notices, duplicate rows, the year of
weeks written without one, a per-period file's period. Real CSV/XLSX files in tmp_path; no Qt, no database."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sst_desk.importers import attendance_file
from sst_desk.importers.attendance_file import ImportFileError, read_rows
from sst_desk.importers.attendance_spec import (
    Column,
    DateOrder,
    ImportedRow,
    ImportOptions,
    MappingSpec,
    NoticeCode,
    ProblemCode,
    RowNotice,
    RowProblem,
)
from sst_desk.importers.calendar_sv import shared_holiday
from sst_desk.importers.cells import CellError, parse_day, parse_week, week_without_year
from sst_desk.importers.file_context import settle_date_order, settle_period, title_terms
from sst_desk.importers.people import fake_students

STUDENTS = fake_students(3, seed=11)
PNR, OTHER = STUDENTS[0][0], STUDENTS[1][0]
TODAY = dt.date(2026, 12, 6)
DAY_SPEC = MappingSpec(name="t", columns={Column.STUDENT: "Personnummer", Column.DATE: "Datum",
                                          Column.SCHEDULED: "Schema", Column.ABSENT: "Frånvaro"})
WEEK_SPEC = MappingSpec(name="t", columns={Column.STUDENT: "Personnummer", Column.WEEK: "Vecka",
                                           Column.SCHEDULED: "Schema", Column.ABSENT: "Frånvaro"})


def write(tmp_path: Path, lines: list[str], name: str = "export.csv") -> Path:
    path = tmp_path / name
    path.write_text("".join(line + "\r\n" for line in lines), encoding="utf-8")
    return path


def day_file(tmp_path: Path, rows: list[tuple[str, str, int, int]], titles: tuple[str, ...] = ()) -> Path:
    return write(tmp_path, [*titles, "Personnummer;Datum;Schema;Frånvaro"]
                 + [f"{pnr};{day};{scheduled};{absent}" for pnr, day, scheduled, absent in rows])


def read(path: Path, spec: MappingSpec = DAY_SPEC, **kw) -> tuple[list[ImportedRow], list[RowProblem], list[RowNotice]]:
    items = list(read_rows(path, spec, today=kw.pop("today", TODAY), **kw))
    return ([i for i in items if isinstance(i, ImportedRow)], [i for i in items if isinstance(i, RowProblem)],
            [i for i in items if isinstance(i, RowNotice)])


def days_and_absence(rows: list[ImportedRow]) -> list[tuple[dt.date, float, float]]:
    return [(r.record.period_start, r.record.scheduled, r.record.absent) for r in rows]


def refusal(path: Path, spec: MappingSpec = DAY_SPEC, **kw) -> RowProblem:
    with pytest.raises(ImportFileError) as caught:
        read(path, spec, **kw)
    return caught.value.problem


# ---- cells -------------------------------------------------------------------------------------------------------


def test_slash_dates_follow_the_order_and_other_forms_do_not():
    assert parse_day("11/2/2026") == dt.date(2026, 2, 11)
    assert parse_day("11/2/2026", DateOrder.MDY) == dt.date(2026, 11, 2)
    assert parse_day("11-02-2026", DateOrder.MDY) == dt.date(2026, 11, 2)
    for order in DateOrder:  # ISO, compact and dotted dates need no order
        assert parse_day("2026-02-11", order) == parse_day("20260211", order) == dt.date(2026, 2, 11)
        assert parse_day("11.02.2026", order) == dt.date(2026, 2, 11)
    with pytest.raises(CellError):
        parse_day("1/15/2026", DateOrder.DMY)
    with pytest.raises(CellError):
        parse_day("15/1/2026", DateOrder.MDY)


def test_weeks_without_a_year_take_the_school_year():
    for text in ("v.46", "v. 46", "V46", "46", "Vecka 46"):
        assert week_without_year(text)
        assert parse_week(text, school_year=2026) == dt.date(2026, 11, 9)
    assert parse_week("v.5", school_year=2026) == dt.date(2027, 2, 1)  # spring weeks: the next calendar year
    assert parse_week("v.27", school_year=2026) == dt.date(2026, 6, 29)
    assert parse_week("v.53", school_year=2026) == dt.date(2026, 12, 28)  # 2026 has a week 53
    with pytest.raises(CellError):
        parse_week("v.53", school_year=2027)  # 2027 has not
    with pytest.raises(CellError):
        parse_week("v.46")  # nothing says which year
    assert not week_without_year("v.46 2026") and parse_week("2025-W46", school_year=2026) == dt.date(2025, 11, 10)


# ---- day/month order ---------------------------------------------------------------------------------------------


def test_a_day_over_12_settles_day_month(tmp_path):
    path = day_file(tmp_path, [(PNR, "11/2/2026", 300, 60), (PNR, "16/2/2026", 300, 0)])
    rows, problems, _ = read(path)
    assert problems == [] and days_and_absence(rows) == [(dt.date(2026, 2, 11), 300, 60), (dt.date(2026, 2, 16), 300, 0)]


def test_a_second_part_over_12_settles_month_day(tmp_path):
    """Excel with a US region: '11/2/2026' is 2 November, proved by '11/16/2026'."""
    path = day_file(tmp_path, [(PNR, "11/2/2026", 300, 60), (PNR, "11/16/2026", 300, 0)])
    rows, problems, _ = read(path)
    assert problems == [] and days_and_absence(rows) == [(dt.date(2026, 11, 2), 300, 60), (dt.date(2026, 11, 16), 300, 0)]


def test_both_orders_in_one_file_are_refused(tmp_path):
    path = day_file(tmp_path, [(PNR, "16/2/2026", 300, 0), (PNR, "2/17/2026", 300, 0)])
    problem = refusal(path)
    assert problem.code is ProblemCode.DATE_ORDER_MIXED and problem.value == "16/2/2026 / 2/17/2026"


def test_an_ambiguous_file_is_refused_then_read_as_answered(tmp_path):
    path = day_file(tmp_path, [(PNR, "3/2/2026", 300, 60), (PNR, "2/3/2026", 300, 30)])
    problem = refusal(path)
    assert problem.code is ProblemCode.DATE_ORDER_AMBIGUOUS and problem.value == "2/3/2026"
    rows, problems, _ = read(path, options=ImportOptions(date_order=DateOrder.MDY))
    assert problems == [] and days_and_absence(rows) == [(dt.date(2026, 3, 2), 300, 60), (dt.date(2026, 2, 3), 300, 30)]
    rows, _, _ = read(path, options=ImportOptions(date_order=DateOrder.DMY))
    assert days_and_absence(rows) == [(dt.date(2026, 2, 3), 300, 60), (dt.date(2026, 3, 2), 300, 30)]


def test_a_settling_date_far_down_the_file_is_found_by_the_scan(tmp_path):
    """The first rows only hold days 1-12 of the month; row 600 (the 13th) settles month/day."""
    ambiguous = [(pnr, f"1/{d}/2026", 300, 10) for d in range(5, 10) for pnr, _ in STUDENTS] * 40
    ambiguous = [(f"{pnr}", day, scheduled + i, absent) for i, (pnr, day, scheduled, absent) in enumerate(ambiguous)]
    path = day_file(tmp_path, [*ambiguous, (PNR, "1/13/2026", 300, 0)])
    rows, problems, _ = read(path)
    assert problems == [] and len(rows) == len(ambiguous) + 1
    assert rows[0].record.period_start == dt.date(2026, 1, 5) and rows[-1].record.period_start == dt.date(2026, 1, 13)


def test_the_scan_finds_both_orders_too(tmp_path):
    early = [(PNR, f"{d}/1/2026", 300 + d, 0) for d in range(5, 10)] * 10
    early = [(pnr, day, scheduled + i, absent) for i, (pnr, day, scheduled, absent) in enumerate(early)]
    path = day_file(tmp_path, [*early, (PNR, "13/1/2026", 300, 0), (PNR, "1/14/2026", 300, 0)])
    assert refusal(path).code is ProblemCode.DATE_ORDER_MIXED


def test_iso_files_are_never_scanned(tmp_path, monkeypatch):
    def no_scan(*args):
        raise AssertionError("an ISO file must not be read twice")

    monkeypatch.setattr(attendance_file, "_scan_dates", no_scan)
    rows, problems, _ = read(day_file(tmp_path, [(PNR, f"2026-01-{d:02d}", 300, 0) for d in range(12, 17)]))
    assert problems == [] and len(rows) == 5


def test_school_days_settle_the_order_when_no_value_does(tmp_path):
    """2-12 March 2026 on school days only: read month/day they would fall on 3 May and 3 October (weekends),
    spread over ten months and into the future. The calendar says day/month."""
    school_days = [dt.date(2026, 3, d) for d in (2, 3, 4, 5, 6, 9, 10, 11, 12)]
    path = day_file(tmp_path, [(PNR, f"{d.day}/{d.month}/{d.year}", 300, 15) for d in school_days])
    rows, problems, _ = read(path, today=dt.date(2026, 3, 20))
    assert problems == [] and [r.record.period_start for r in rows] == school_days
    us = write(tmp_path, ["Personnummer;Datum;Schema;Frånvaro"]
               + [f"{PNR};{d.month}/{d.day}/{d.year};300;15" for d in school_days], "us.csv")
    rows, problems, _ = read(us, today=dt.date(2026, 3, 20))
    assert problems == [] and [r.record.period_start for r in rows] == school_days


def test_the_calendar_decides_only_when_clear():
    # Two days that swap into each other: both readings give the same days, so no clue can vote.
    with pytest.raises(ImportFileError) as caught:
        settle_date_order(["3/4/2026", "4/3/2026"], TODAY)
    assert caught.value.problem.code is ProblemCode.DATE_ORDER_AMBIGUOUS
    assert settle_date_order(["3/3/2026", "2026-01-12"], TODAY) is DateOrder.DMY  # the order changes nothing


def test_a_weekday_before_the_days_settles_the_order():
    """"3/4/2026" and "4/3/2026" alone cannot be told apart; with their weekdays they can (3 April is a Friday)."""
    assert settle_date_order(["fr 3/4/2026", "lö 4/4/2026"], TODAY) is DateOrder.DMY
    assert settle_date_order(["Wed 3/4/2026", "Sat 4/4/2026"], TODAY) is DateOrder.MDY
    with pytest.raises(ImportFileError):  # a weekday that fits neither reading settles nothing
        settle_date_order(["sö 3/4/2026", "sö 4/3/2026"], TODAY)


def test_an_answer_the_file_contradicts_makes_those_rows_date_invalid(tmp_path):
    path = day_file(tmp_path, [(PNR, "11/2/2026", 300, 0), (PNR, "16/2/2026", 300, 0)])
    rows, problems, _ = read(path, options=ImportOptions(date_order=DateOrder.MDY))
    assert days_and_absence(rows) == [(dt.date(2026, 11, 2), 300, 0)]
    assert [(p.line, p.code, p.value) for p in problems] == [(3, ProblemCode.DATE_INVALID, "16/2/2026")]


def test_typed_spreadsheet_dates_need_no_order(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Personnummer", "Datum", "Schema", "Frånvaro"])
    sheet.append([PNR, dt.datetime(2026, 2, 3), 300, 45])
    sheet.append([PNR, dt.datetime(2026, 3, 2), 300, 0])
    path = tmp_path / "typed.xlsx"
    workbook.save(path)
    rows, problems, _ = read(path)
    assert problems == [] and days_and_absence(rows) == [(dt.date(2026, 2, 3), 300, 45), (dt.date(2026, 3, 2), 300, 0)]


def test_a_slash_period_in_the_title_settles_the_order(tmp_path):
    path = day_file(tmp_path, [(PNR, "3/2/2026", 300, 60)], titles=("Period 17/08/2025 - 18/06/2026", ""))
    rows, problems, _ = read(path)
    assert problems == [] and days_and_absence(rows) == [(dt.date(2026, 2, 3), 300, 60)]


# ---- calendar notices --------------------------------------------------------------------------------------------


def test_weekend_holiday_and_future_records_are_pointed_out(tmp_path):
    path = day_file(tmp_path, [
        (PNR, "2026-01-16", 300, 0),  # Friday: nothing to say
        (PNR, "2026-01-17", 60, 0),  # Saturday with scheduled time
        (PNR, "2026-01-18", 0, 0),  # Sunday, nothing scheduled: nothing to say
        (PNR, "2026-01-06", 300, 0),  # trettondedag jul
        (PNR, "2026-07-15", 300, 0),  # sommarlov
        (PNR, "2026-12-07", 300, 0),  # after today: not stored
    ])
    rows, problems, notices = read(path)
    assert problems == []
    assert [r.line for r in rows] == [2, 3, 4, 5, 6]
    assert [(n.line, n.code, n.column, n.value) for n in notices] == [
        (3, NoticeCode.WEEKEND, "Datum", "2026-01-17"), (5, NoticeCode.HOLIDAY, "Datum", "2026-01-06"),
        (6, NoticeCode.HOLIDAY, "Datum", "2026-07-15"), (7, NoticeCode.FUTURE_SKIPPED, "Datum", "2026-12-07")]


def test_only_the_days_every_kommun_shares_are_holidays():
    flagged = [dt.date(2026, 12, 23), dt.date(2026, 12, 30), dt.date(2027, 1, 5), dt.date(2026, 1, 6),
               dt.date(2026, 4, 3), dt.date(2026, 4, 6), dt.date(2026, 5, 14), dt.date(2026, 6, 19),
               dt.date(2026, 6, 22), dt.date(2026, 8, 7)]
    not_flagged = [dt.date(2026, 12, 22), dt.date(2027, 1, 7), dt.date(2026, 6, 17), dt.date(2026, 8, 12),
                   dt.date(2026, 10, 28), dt.date(2026, 2, 25), dt.date(2026, 5, 15)]  # höstlov, sportlov, klämdag
    assert [shared_holiday(d) for d in flagged] == [True] * len(flagged)
    assert [shared_holiday(d) for d in not_flagged] == [False] * len(not_flagged)


# ---- duplicate rows ----------------------------------------------------------------------------------------------


def test_exact_duplicates_are_refused_with_both_lines(tmp_path):
    rows = [(PNR, "2026-01-12", 300, 60), (OTHER, "2026-01-12", 300, 0), (PNR, "2026-01-13", 300, 0)]
    path = write(tmp_path, ["Personnummer;Datum;Schema;Frånvaro", *(f"{p};{d};{s};{a}" for p, d, s, a in rows), "",
                            "Personnummer;Datum;Schema;Frånvaro", *(f"{p};{d};{s};{a}" for p, d, s, a in rows[:2]),
                            ""])
    good, problems, _ = read(path)
    assert [r.line for r in good] == [2, 3, 4]
    assert [(p.line, p.code, p.value) for p in problems] == [(7, ProblemCode.DUPLICATE_ROW, "2"),
                                                             (8, ProblemCode.DUPLICATE_ROW, "3")]
    assert problems[0].describe() == "line 7: an exact copy of an earlier row (line in the value): '2'"


def test_skipped_duplicates_keep_the_numbers_of_the_file(tmp_path):
    """The same rows pasted twice: 300 of 300 minutes, not 600 of 600."""
    body = [f"{PNR};2026-01-12;300;300", f"{PNR};2026-01-13;300;0"]
    path = write(tmp_path, ["Personnummer;Datum;Schema;Frånvaro", *body, *body])
    good, problems, notices = read(path, options=ImportOptions(skip_duplicates=True))
    assert problems == []
    assert days_and_absence(good) == [(dt.date(2026, 1, 12), 300, 300), (dt.date(2026, 1, 13), 300, 0)]
    assert [(n.line, n.code, n.other_line) for n in notices] == [(4, NoticeCode.DUPLICATE_SKIPPED, 2),
                                                                 (5, NoticeCode.DUPLICATE_SKIPPED, 3)]


def test_rows_differing_in_an_unmapped_column_are_not_duplicates(tmp_path):
    """An export per lesson: the same student, day and minutes, but another lesson."""
    path = write(tmp_path, ["Personnummer;Datum;Lektion;Schema;Frånvaro", f"{PNR};2026-01-12;Matematik;60;60",
                            f"{PNR};2026-01-12;Svenska;60;60"])
    good, problems, _ = read(path)
    assert problems == [] and sum(r.record.absent for r in good) == 120


def test_duplicates_in_a_spreadsheet(tmp_path):
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["Personnummer", "Datum", "Schema", "Frånvaro"])
    for _ in range(2):
        sheet.append([PNR, dt.datetime(2026, 1, 12), 300, 45])
    path = tmp_path / "dup.xlsx"
    workbook.save(path)
    good, problems, _ = read(path)
    assert len(good) == 1 and [(p.line, p.code, p.value) for p in problems] == [(3, ProblemCode.DUPLICATE_ROW, "2")]


# ---- weeks without a year ----------------------------------------------------------------------------------------


def week_file(tmp_path: Path, weeks: list[str], titles: tuple[str, ...] = ()) -> Path:
    return write(tmp_path, [*titles, "Personnummer;Vecka;Schema;Frånvaro"]
                 + [f"{PNR};{week};{1500 + i};{60 * i}" for i, week in enumerate(weeks)])


def weeks_of(rows: list[ImportedRow]) -> list[dt.date]:
    return [r.record.period_start for r in rows]


def test_the_title_term_gives_the_year_and_bounds_the_weeks(tmp_path):
    path = week_file(tmp_path, ["v.46", "V47", "v. 48", "Vecka 49", "5"], titles=("Frånvaro HT 2026", ""))
    rows, problems, _ = read(path, WEEK_SPEC)
    assert weeks_of(rows) == [dt.date(2026, 11, 9), dt.date(2026, 11, 16), dt.date(2026, 11, 23), dt.date(2026, 11, 30)]
    assert [(p.line, p.code, p.column, p.value) for p in problems] == [(8, ProblemCode.WEEK_INVALID, "Vecka", "5")]


def test_a_school_year_title_spans_autumn_and_spring(tmp_path):
    for title in ("Läsår 2026/2027", "Elevfrånvaro 2026/27"):
        path = week_file(tmp_path, ["v.46", "v.2"], titles=(title,))
        rows, problems, _ = read(path, WEEK_SPEC, today=dt.date(2027, 3, 1))
        assert problems == [] and weeks_of(rows) == [dt.date(2026, 11, 9), dt.date(2027, 1, 11)]
    path = week_file(tmp_path, ["v.2", "v.46"], titles=("VT 2027",))
    rows, problems, _ = read(path, WEEK_SPEC, today=dt.date(2027, 3, 1))
    assert weeks_of(rows) == [dt.date(2027, 1, 11)] and [p.line for p in problems] == [4]


def test_a_title_period_gives_the_year_before_the_terms(tmp_path):
    path = week_file(tmp_path, ["v.34", "v.52", "v.3"], titles=("Period 2026-08-17 - 2026-12-18", "Läsår 2025/2026"))
    rows, problems, _ = read(path, WEEK_SPEC, today=dt.date(2027, 3, 1))
    assert weeks_of(rows) == [dt.date(2026, 8, 17)]
    assert [(p.line, p.code) for p in problems] == [(5, ProblemCode.WEEK_INVALID), (6, ProblemCode.WEEK_INVALID)]


def test_the_answer_gives_the_year_when_the_file_does_not_and_never_today(tmp_path):
    path = week_file(tmp_path, ["v.46", "v.5"])
    assert refusal(path, WEEK_SPEC).code is ProblemCode.WEEK_YEAR_UNKNOWN
    rows, problems, _ = read(path, WEEK_SPEC, options=ImportOptions(school_year=2025))
    assert problems == [] and weeks_of(rows) == [dt.date(2025, 11, 10), dt.date(2026, 1, 26)]
    assert [(r.record.scheduled, r.record.absent) for r in rows] == [(1500, 0), (1501, 60)]


def test_weeks_with_their_year_need_no_school_year(tmp_path):
    rows, problems, _ = read(week_file(tmp_path, ["2026-W46", "v5 2026"]), WEEK_SPEC)
    assert problems == [] and weeks_of(rows) == [dt.date(2026, 11, 9), dt.date(2026, 1, 26)]


# ---- a per-period file's period ----------------------------------------------------------------------------------


@pytest.mark.parametrize("title", ["Period: 2026-08-17 – 2026-12-18", "2026-08-17 - 2026-12-18",
                                   "Fr.o.m. 2026-08-17 t.o.m. 2026-12-18", "Frånvaro 17.08.2026 - 18.12.2026",
                                   "Från: 2026-08-17 Till: 2026-12-18", "Startdatum 2026-08-17 Slutdatum: 2026-12-18",
                                   "Period 2026-08-17 - 2026-12-18 (utskriven 2026-12-20)",
                                   "Från 2026-08-17 till och med 2026-12-18"])
def test_the_period_comes_from_the_title(title):
    assert settle_period([["Frånvaro per elev"], [title]], DateOrder.DMY, None) == (dt.date(2026, 8, 17),
                                                                                   dt.date(2026, 12, 18))


@pytest.mark.parametrize("titles", [["Skapad 2026-11-30, ändrad 2026-12-01"],
                                    ["Läsår 2026-08-17 – 2027-06-10", "Urval 2026-08-17 – 2026-11-27"]])
def test_two_days_that_are_not_one_stated_period_settle_nothing(titles):
    """Two days not joined as a range, or two different ranges: asked, never taken as the period."""
    with pytest.raises(ImportFileError) as caught:
        settle_period([["Frånvaro per elev"], *([t] for t in titles)], DateOrder.DMY, None)
    assert caught.value.problem.code is ProblemCode.PERIOD_UNKNOWN
    assert settle_period([["Skapad 2026-11-30, ändrad 2026-12-01"], ["Period: 2026-08-17 - 2026-11-27"]],
                         DateOrder.DMY, None) == (dt.date(2026, 8, 17), dt.date(2026, 11, 27))


def test_the_period_comes_from_the_answer_or_is_refused():
    answer = (dt.date(2026, 8, 17), dt.date(2026, 12, 18))
    assert settle_period([["Frånvaro per elev"], ["Utskriven 2026-12-20"]], DateOrder.DMY, answer) == answer
    with pytest.raises(ImportFileError) as caught:
        settle_period([["Frånvaro per elev"]], DateOrder.DMY, None)
    assert caught.value.problem.code is ProblemCode.PERIOD_UNKNOWN
    with pytest.raises(ImportFileError) as caught:
        settle_period([], DateOrder.DMY, (answer[1], answer[0]))
    assert caught.value.problem.code is ProblemCode.PERIOD_INVALID


def test_title_terms():
    assert title_terms([["HT 2026"]]) == ({2026}, {"ht"})
    assert title_terms([["Frånvaro VT27"]]) == ({2026}, {"vt"})
    assert title_terms([["Period 2026-08-17 - 2026-12-18"]]) == (set(), set())
    assert title_terms([["Läsår 2026-2027"]]) == ({2026}, {""})


def test_seen_rows_tell_copies_by_hash_and_check_and_keep_them_while_growing():
    from sst_desk.importers.attendance_file import SeenRows

    seen = SeenRows(bits=2)
    assert seen.first(5, 111, 10) == 0 and seen.first(5, 222, 11) == 0  # the same hash, another row
    assert seen.first(0, 7, 12) == 0 and seen.first(-(2**63), 8, 13) == 0
    for line in range(100, 1100):  # forces several doublings
        assert seen.first(line * 7919 - 2**40, line, line) == 0
    assert seen.first(5, 111, 2000) == 10 and seen.first(5, 222, 2001) == 11
    assert seen.first(0, 7, 2002) == 12 and seen.first(-(2**63), 8, 2003) == 13
    assert all(seen.first(line * 7919 - 2**40, line, 3000) == line for line in range(100, 1100))
    assert seen.first(5, 333, 2004) == 0
