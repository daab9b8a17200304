"""The team's statistics (issue 15): hand-made cases → the exact tables, figures and suppression that
docs/statistics.md defines. No Qt, no database: ``workflow.statistics.compute`` is pure."""

from __future__ import annotations

import datetime as dt

import pytest

from sst_desk.workflow.codes import (
    Assessment,
    Behorighet,
    ClosingReason,
    Gender,
    GoalArea,
    Level,
    RaisedBy,
    Rating,
    ReferralKind,
    Stage,
)
from sst_desk.workflow.statistics import (
    CATEGORY_TABLES,
    CHANGE_AT_CLOSE,
    CHANGE_LATEST,
    MAIN_TABLES,
    NOTE_FEW_CASES,
    NOTE_NO_ATTENDANCE,
    NOTE_ROWS_OVERLAP,
    compute,
)
from sst_desk.workflow.stats_model import CaseFacts, CountTable, Dimension, Statistics, StatsRequest

D = dt.date
YEAR = (D(2025, 7, 1), D(2026, 6, 30))  # läsår 2025/26
TODAY = D(2026, 3, 1)


def case(case_id: int, student_id: int, **fields: object) -> CaseFacts:
    values: dict[str, object] = dict(
        case_id=case_id, student_id=student_id, school="Ekskolan", grade=7, gender=Gender.FLICKA,
        level=Level.NIVA_2, assessment=Assessment.UTAN_BEHOVSPROVNING, raised_by=RaisedBy.SKOLA,
        raised_on=D(2025, 9, 1), stage=Stage.GENOMFORANDE, enrolled_on=D(2025, 9, 10))
    values.update(fields)
    return CaseFacts(**values)


def team() -> list[CaseFacts]:
    """Four students, five cases: one student with two cases, one case closed before the period."""
    return [
        case(1, 1, school="Almskolan", grade=9, raised_on=D(2025, 8, 20), enrolled_on=D(2025, 9, 1),
             closed_on=D(2026, 2, 1), closing_reason=ClosingReason.MAL_UPPNADDA,
             gymnasiebehorighet=Behorighet.BEHORIG, stage=Stage.VIDMAKTHALLANDE, workers=(10,),
             boosters=((D(2026, 5, 1), None, None),), referrals=((ReferralKind.SIP, D(2025, 10, 1)),),
             goals=((GoalArea.SKOLNARVARO, Rating.UPPNATT), (GoalArea.TRIVSEL, None)), insatser=("samtal",),
             absence_baseline=30.0, absence_latest=10.0, absence_at_close=12.0,
             stage_entries=((Stage.AKTUALISERING, D(2025, 8, 20)), (Stage.INSKRIVNING, D(2025, 9, 1)),
                            (Stage.KARTLAGGNING, D(2025, 9, 15)), (Stage.PLANERING, D(2025, 10, 15)),
                            (Stage.GENOMFORANDE, D(2025, 11, 1)), (Stage.UPPFOLJNING, D(2026, 1, 10)),
                            (Stage.AVSLUTAD, D(2026, 2, 1)), (Stage.VIDMAKTHALLANDE, D(2026, 2, 1)))),
        case(2, 1, school="Almskolan", grade=9, raised_by=RaisedBy.ELEVHALSA, raised_on=D(2026, 2, 15),
             enrolled_on=None, stage=Stage.AKTUALISERING, workers=(11,),
             stage_entries=((Stage.AKTUALISERING, D(2026, 2, 15)),)),
        case(3, 2, gender=Gender.POJKE, school="Björkskolan", grade=8, raised_on=D(2024, 1, 10),
             enrolled_on=D(2024, 2, 1), closed_on=D(2024, 12, 1), closing_reason=ClosingReason.FLYTTAT,
             stage=Stage.AVSLUTAD, workers=(10,), boosters=((D(2025, 3, 1), True, D(2025, 3, 1)),),
             absence_baseline=40.0, absence_latest=20.0, absence_at_close=20.0, insatser=("mentor",)),
        case(4, 3, gender=Gender.POJKE, school="Björkskolan", grade=7, raised_on=D(2025, 5, 1),
             enrolled_on=D(2025, 6, 1), stage=Stage.GENOMFORANDE, workers=(10, 11),
             referrals=((ReferralKind.ANMALAN, D(2025, 9, 5)),), goals=((GoalArea.SKOLRESULTAT, Rating.DELVIS),),
             insatser=("samtal", "mentor"), absence_baseline=20.0, absence_latest=25.0,
             stage_entries=((Stage.AKTUALISERING, D(2025, 5, 1)), (Stage.INSKRIVNING, D(2025, 6, 1)),
                            (Stage.KARTLAGGNING, D(2025, 6, 20)), (Stage.GENOMFORANDE, D(2025, 8, 10)))),
        case(5, 4, gender=Gender.ANNAT, school="Almskolan", grade=None, raised_by=RaisedBy.VARDNADSHAVARE,
             raised_on=D(2025, 10, 1), enrolled_on=D(2025, 10, 15), closed_on=D(2026, 1, 10),
             closing_reason=ClosingReason.AVBOJT, stage=Stage.AVSLUTAD, workers=(11,),
             absence_baseline=50.0, absence_latest=40.0, absence_at_close=40.0,
             stage_entries=((Stage.AKTUALISERING, D(2025, 10, 1)), (Stage.INSKRIVNING, D(2025, 10, 15)),
                            (Stage.AVSLUTAD, D(2026, 1, 10)))),
    ]


def stats(breakdown: Dimension | None = None, min_cell: int = 0, facts: list[CaseFacts] | None = None,
          period: tuple[dt.date, dt.date] = YEAR) -> Statistics:
    """min_cell 0 = nothing below the threshold: the raw counts (suppression has tests of its own)."""
    return compute(team() if facts is None else facts,
                   StatsRequest(*period, today=TODAY, breakdown=breakdown, min_cell=min_cell))


def table(result: Statistics, key: str) -> CountTable:
    return next(table for table in result.counts if table.key == key)


def plain(table: CountTable) -> tuple[dict[str, list[int | None]], list[int | None], int | None]:
    """{row: cells + [row total]}, column totals, total — counts, None where suppressed."""
    rows = {row: [cell.count for cell in cells] + [total.count]
            for row, cells, total in zip(table.rows, table.cells, table.row_totals, strict=True)}
    return rows, [cell.count for cell in table.column_totals], table.total.count


def test_the_tables_come_in_a_fixed_order_with_all_four_genders_as_columns() -> None:
    result = stats()
    assert [t.key for t in result.counts] == [*MAIN_TABLES, *CATEGORY_TABLES]
    assert table(result, "active").columns == ("flicka", "pojke", "annat", "ej_angivet")
    assert result.case_count == 5


@pytest.mark.parametrize(("key", "cells", "total"), [
    ("active", [1, 1, 1, 0], 3),  # case 3 was closed before the period
    ("raised", [1, 0, 1, 0], 2),  # student 1's two cases count once
    ("enrolled", [1, 0, 1, 0], 2),  # case 4 was enrolled before the period
    ("closed", [1, 0, 1, 0], 2),
    ("booster_proposed", [1, 0, 0, 0], 1),
    ("booster_held", [0, 0, 0, 0], 0),  # held, but before the period
])
def test_main_tables_without_breakdown(key: str, cells: list[int], total: int) -> None:
    rows, columns, grand = plain(table(stats(), key))
    assert rows == {"": [*cells, total]}
    assert columns == cells
    assert grand == total


def test_a_worker_breakdown_counts_a_case_under_each_worker_and_the_margins_stay_distinct() -> None:
    result = stats(Dimension.WORKER)
    rows, columns, total = plain(table(result, "active"))
    assert rows == {"10": [1, 1, 0, 0, 2], "11": [0, 1, 1, 0, 2]}  # case 4 has both workers
    assert columns == [1, 1, 1, 0]
    assert total == 3  # not 2 + 2: the rows overlap
    assert NOTE_ROWS_OVERLAP in result.notes


def test_a_school_breakdown_lists_every_school_of_the_scope() -> None:
    rows, _columns, _total = plain(table(stats(Dimension.SCHOOL), "raised"))
    assert rows == {"Almskolan": [1, 0, 1, 0, 2], "Björkskolan": [0, 0, 0, 0, 0]}


def test_a_gender_breakdown_has_the_genders_as_rows_and_one_column() -> None:
    active = table(stats(Dimension.GENDER), "active")
    assert active.columns == ("all",)
    assert plain(active) == ({"flicka": [1, 1], "pojke": [1, 1], "annat": [1, 1], "ej_angivet": [0, 0]}, [3], 3)


def test_grade_and_level_rows() -> None:
    rows, _c, _t = plain(table(stats(Dimension.GRADE), "active"))
    assert list(rows) == ["7", "8", "9", ""]  # numeric order, unknown last
    assert rows["9"] == [1, 0, 0, 0, 1] and rows[""] == [0, 0, 1, 0, 1]
    assert list(plain(table(stats(Dimension.LEVEL), "active"))[0]) == ["1", "2", "3"]


def test_category_tables() -> None:
    result = stats()
    raised_by = plain(table(result, "raised_by"))
    assert raised_by[0]["skola"] == [1, 0, 0, 0, 1] and raised_by[0]["elevhalsa"] == [1, 0, 0, 0, 1]
    assert raised_by[0]["vardnadshavare"] == [0, 0, 1, 0, 1] and raised_by[1:] == ([1, 0, 1, 0], 2)
    closing = plain(table(result, "closing_reason"))
    assert closing[0]["mal_uppnadda"] == [1, 0, 0, 0, 1] and closing[0]["avbojt"] == [0, 0, 1, 0, 1]
    assert closing[0]["flyttat"] == [0, 0, 0, 0, 0]  # case 3 closed before the period
    referral = plain(table(result, "referral"))
    assert referral[0]["sip"] == [1, 0, 0, 0, 1] and referral[0]["anmalan"] == [0, 1, 0, 0, 1]
    stage_now = plain(table(result, "stage_now"))
    assert "avslutad" not in stage_now[0]
    assert stage_now[0]["aktualisering"] == [1, 0, 0, 0, 1]
    assert stage_now[0]["genomforande"] == [0, 1, 0, 0, 1]
    assert stage_now[0]["vidmakthallande"] == [1, 0, 0, 0, 1]  # the boosterträff is not recorded yet
    assert stage_now[1:] == ([1, 1, 0, 0], 2)
    behorighet = plain(table(result, "behorighet"))
    assert behorighet[0] == {"behorig": [1, 0, 0, 0, 1], "ej_behorig": [0] * 5, "okant": [0] * 5, "": [0] * 5}


def test_goal_ratings_by_area_group() -> None:
    goals = table(stats(), "goal_rating")
    assert goals.columns == ("uppnatt", "delvis", "ej_uppnatt", "")
    assert plain(goals) == ({"skolnarvaro": [1, 0, 0, 0, 1], "skolresultat": [0, 1, 0, 0, 1],
                             "other": [0, 0, 0, 1, 1]}, [1, 1, 0, 1], 2)


def test_a_vidmakthallande_case_whose_booster_is_recorded_is_not_in_progress() -> None:
    facts = [case(1, 1, stage=Stage.VIDMAKTHALLANDE, boosters=((D(2026, 1, 1), False, None),))]
    assert plain(table(stats(facts=facts), "stage_now"))[2] == 0


def test_absence_change_odd_n() -> None:
    latest = stats().absence[CHANGE_LATEST]
    assert [d.group for d in latest] == [""]
    everyone = latest[0]
    assert everyone.n == 3  # -20, +5, -10
    assert everyone.median == -10 and everyone.q1 == -15 and everyone.q3 == -2.5
    assert everyone.mean == pytest.approx(-25 / 3)
    assert [count for _lo, _hi, count in everyone.bins] == [0, 1, 1, 0, 0, 1, 0]
    assert everyone.bins[0][:2] == (-100.0, -20.0) and everyone.bins[-1][:2] == (10.0, 100.0)


def test_absence_change_at_close_even_n_and_per_row() -> None:
    at_close = stats(Dimension.SCHOOL).absence[CHANGE_AT_CLOSE]
    assert [d.group for d in at_close] == ["", "Almskolan", "Björkskolan"]
    assert at_close[0].n == 2 and at_close[0].median == -14  # -18 and -10
    assert at_close[1].median == -14 and at_close[2].n == 0


def test_stage_days_count_the_spells_that_ended_in_the_period() -> None:
    days = {d.group: d for d in stats().stage_days}
    assert days["aktualisering"].n == 2 and days["aktualisering"].median == 13  # 12 and 14
    assert days["inskrivning"].median == 50.5  # 14 and 87 (case 4 left it before the period)
    assert days["kartlaggning"].median == 40.5  # 30 and 51
    assert days["planering"].n == 1 and days["uppfoljning"].median == 22


def test_insatser_count_students_and_take_the_change_at_close() -> None:
    insatser = {d.group: d for d in stats().insatser}
    assert list(insatser) == ["mentor", "samtal"]
    assert insatser["samtal"].n == 2 and insatser["samtal"].median == -18  # only case 1 closed
    assert insatser["mentor"].n == 1 and insatser["mentor"].median is None  # case 3 is outside the period


def test_no_attendance_is_noted() -> None:
    facts = [case(1, 1)]
    assert NOTE_NO_ATTENDANCE in stats(facts=facts).notes
    assert NOTE_NO_ATTENDANCE not in stats().notes


def test_few_cases_are_noted_when_the_active_total_is_below_the_threshold() -> None:
    assert NOTE_FEW_CASES in stats(min_cell=5).notes  # 3 active students
    assert NOTE_FEW_CASES not in stats(min_cell=3).notes
    assert NOTE_FEW_CASES not in stats().notes


# --- suppression ----------------------------------------------------------------------------------


def many(count: int, **fields: object) -> list[CaseFacts]:
    return [case(1000 + n, 1000 + n, **fields) for n in range(count)]


def test_nothing_is_suppressed_when_every_cell_is_large_enough() -> None:
    facts = [*many(6, gender=Gender.FLICKA), *many(7, gender=Gender.POJKE),
             *many(5, gender=Gender.ANNAT), *many(8, gender=Gender.EJ_ANGIVET)]
    facts = [case(n, n, gender=fact.gender) for n, fact in enumerate(facts)]
    rows, columns, total = plain(table(stats(min_cell=5, facts=facts), "active"))
    assert rows == {"": [6, 7, 5, 8, 26]} and columns == [6, 7, 5, 8] and total == 26


def test_a_small_cell_and_a_zero_are_suppressed_and_cannot_be_worked_out() -> None:
    facts = [case(n, n, gender=Gender.FLICKA if n < 9 else Gender.POJKE if n < 20 else Gender.ANNAT)
             for n in range(22)]  # 9 flickor, 11 pojkar, 2 annat, 0 ej angivet
    active = table(stats(min_cell=5, facts=facts), "active")
    assert active.cells[0][2].count is None and active.cells[0][2].primary
    assert active.cells[0][3].count is None and active.cells[0][3].primary  # 0 shows as "<5" too
    # annat + ej angivet = 2 is known, but each of them can be 0, 1 or 2: nothing more is hidden
    assert active.cells[0][0].count == 9 and active.cells[0][1].count == 11
    assert active.total.count == 22


def test_two_zeros_whose_sum_the_total_gives_away_are_protected() -> None:
    facts = [case(n, n, gender=Gender.FLICKA if n < 9 else Gender.POJKE) for n in range(20)]
    active = table(stats(min_cell=5, facts=facts), "active")
    # annat = ej angivet = 0 and 9 + 11 = 20 would show it: something more is hidden
    # the total goes before the gender split
    assert [cell.count for cell in active.cells[0]] == [9, 11, None, None]
    assert active.total.count is None and not active.total.primary


def test_the_distribution_of_a_small_group_is_suppressed_whole() -> None:
    facts = [case(n, n, absence_baseline=30.0, absence_latest=20.0) for n in range(4)]
    everyone = stats(min_cell=5, facts=facts).absence[CHANGE_LATEST][0]
    assert everyone.suppressed and everyone.median is None and everyone.mean is None and everyone.bins == ()


def test_small_bins_are_suppressed_and_a_bin_that_would_give_them_away_too() -> None:
    facts = [case(n, n, absence_baseline=30.0, absence_latest=30.0 - (25 if n < 2 else 1))
             for n in range(12)]  # 2 students at -25, 10 at -1
    everyone = stats(min_cell=5, facts=facts).absence[CHANGE_LATEST][0]
    assert everyone.n == 12 and everyone.median == -1
    assert [count for _lo, _hi, count in everyone.bins] == [None, None, None, 10, None, None, None]
    facts = [case(n, n, absence_baseline=30.0, absence_latest=29.0) for n in range(12)]  # all at -1
    everyone = stats(min_cell=5, facts=facts).absence[CHANGE_LATEST][0]
    # n = 12 and a published 12 in one bin would show every other bin to be 0: the bin is hidden, n kept
    assert everyone.n == 12 and [count for _lo, _hi, count in everyone.bins] == [None] * 7


def test_tables_of_one_population_hide_their_shared_totals_alike() -> None:
    facts = [case(n, n, gender=Gender.FLICKA if n < 9 else Gender.POJKE if n < 20 else Gender.ANNAT,
                  raised_by=RaisedBy.SKOLA if n % 3 else RaisedBy.ELEV) for n in range(22)]
    result = stats(min_cell=5, facts=facts)
    raised, raised_by = table(result, "raised"), table(result, "raised_by")
    assert [c.count for c in raised.column_totals] == [c.count for c in raised_by.column_totals]
    assert raised.total.count == raised_by.total.count
