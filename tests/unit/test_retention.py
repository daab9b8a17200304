"""Gallring dates, computed by hand: whole years after the later of avslut and the boosterträff."""

from __future__ import annotations

import datetime as dt

import pytest

from sst_desk.workflow.codes import Stage
from sst_desk.workflow.retention import BoosterDates, RetentionRow, add_years, due_cases, due_on, is_due

D = dt.date


def closed(case_id: int, on: dt.date, *boosters: BoosterDates, stage: Stage = Stage.AVSLUTAD) -> RetentionRow:
    return RetentionRow(case_id, stage, on, tuple(boosters))


def test_five_years_after_avslut_is_the_same_day_five_years_later():
    row = closed(1, D(2020, 6, 12))
    assert due_on(row, 5) == D(2025, 6, 12)
    assert not is_due(row, 5, D(2025, 6, 11))
    assert is_due(row, 5, D(2025, 6, 12))


def test_leap_day_ends_on_the_last_day_of_february_in_a_common_year():
    # Lag (1930:173): no 29 February in 2025, so the period ends on 28 February.
    assert add_years(D(2024, 2, 29), 1) == D(2025, 2, 28)
    assert add_years(D(2024, 2, 29), 4) == D(2028, 2, 29)
    row = closed(1, D(2024, 2, 29))
    assert not is_due(row, 1, D(2025, 2, 27))
    assert is_due(row, 1, D(2025, 2, 28))


def test_a_held_booster_after_avslut_moves_the_start():
    row = closed(1, D(2021, 3, 1), BoosterDates(D(2021, 6, 1), held=True, held_on=D(2021, 6, 15)),
                 stage=Stage.VIDMAKTHALLANDE)
    assert due_on(row, 3) == D(2024, 6, 15)


def test_a_planned_booster_not_yet_held_counts_from_its_planned_day():
    row = closed(1, D(2021, 3, 1), BoosterDates(D(2021, 6, 1)), stage=Stage.VIDMAKTHALLANDE)
    assert due_on(row, 3) == D(2024, 6, 1)


def test_a_booster_that_did_not_take_place_counts_from_its_planned_day():
    row = closed(1, D(2021, 3, 1), BoosterDates(D(2021, 6, 1), held=False))
    assert due_on(row, 2) == D(2023, 6, 1)


def test_the_latest_of_several_boosters_counts():
    row = closed(1, D(2021, 3, 1), BoosterDates(D(2021, 9, 30), held=True, held_on=D(2021, 10, 4)),
                 BoosterDates(D(2021, 6, 1), held=True, held_on=D(2021, 6, 2)))
    assert due_on(row, 1) == D(2022, 10, 4)


def test_open_cases_are_never_due_however_old():
    old = D(1990, 1, 1)
    for stage in (Stage.AKTUALISERING, Stage.INSKRIVNING, Stage.KARTLAGGNING, Stage.PLANERING,
                  Stage.GENOMFORANDE, Stage.UPPFOLJNING):
        row = RetentionRow(1, stage, old)
        assert due_on(row, 1) is None
        assert due_cases([row], 1, D(2030, 1, 1)) == []


def test_a_closed_case_without_a_closing_date_is_not_due():
    assert due_on(RetentionRow(1, Stage.AVSLUTAD, None), 1) is None


def test_due_cases_lists_only_the_due_ones_oldest_first():
    rows = [
        closed(1, D(2019, 5, 1)),
        closed(2, D(2018, 1, 10)),
        closed(3, D(2021, 12, 31)),  # due 2026-12-31: not yet
        RetentionRow(4, Stage.UPPFOLJNING, D(2010, 1, 1)),
    ]
    found = due_cases(rows, 5, D(2026, 11, 22))
    assert [(d.row.case_id, d.kept_from, d.due_on) for d in found] == [
        (2, D(2018, 1, 10), D(2023, 1, 10)),
        (1, D(2019, 5, 1), D(2024, 5, 1)),
    ]


@pytest.mark.parametrize("years", [0, 51, -1, 2.5, True])
def test_the_number_of_years_is_checked(years):
    with pytest.raises(ValueError):
        due_cases([closed(1, D(2020, 1, 1))], years, D(2030, 1, 1))
