"""The Swedish school year's lov and helgdagar.

``lov_day`` and ``is_school_day`` are a *typical* calendar (the sample exports use it; no one kommun's).
``shared_holiday`` is what the import may flag on any school's file (NoticeCode.HOLIDAY): only the days
off that every kommun shares, so a flag never depends on one kommun's lov weeks:

- helgdagar (``helgdag``): nyårsdagen, trettondedag jul, långfredag, annandag påsk, 1 maj, Kristi
  himmelsfärd, nationaldagen, midsommarafton, julafton, juldagen, annandag jul, nyårsafton;
- the heart of jullov: 23 December - 6 January (schools close by 22 December at the latest and open
  on 7 January at the earliest);
- the heart of sommarlov: 22 June - 9 August (the last term day is in week 24 or 25, at the latest
  about 17 June; the autumn term starts in week 33 or 34, at the earliest about 12 August).

Sportlov, påsklov, höstlov and klämdagar differ between kommuner and are not flagged.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache


@lru_cache(maxsize=64)
def easter(year: int) -> dt.date:
    """Easter Sunday (the Gregorian computus, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def lov_day(day: dt.date) -> bool:
    """Jullov, sportlov (v. 9), påsklov (the week of Easter Monday), sommarlov, höstlov (v. 44)."""
    week = day.isocalendar()[1]
    if (day.month == 12 and day.day >= 21) or (day.month == 1 and day.day <= 7):
        return True
    if week in (9, 44):
        return True
    if week == (easter(day.year) + dt.timedelta(days=1)).isocalendar()[1]:
        return True
    return dt.date(day.year, 6, 13) <= day <= dt.date(day.year, 8, 18)


def helgdag(day: dt.date) -> bool:
    """A public holiday (röd dag) on a weekday."""
    sunday = easter(day.year)
    fixed = {(1, 1), (1, 6), (5, 1), (6, 6), (12, 24), (12, 25), (12, 26), (12, 31)}
    moving = {sunday - dt.timedelta(days=2), sunday + dt.timedelta(days=1), sunday + dt.timedelta(days=39)}
    midsummer_eve = day.month == 6 and 19 <= day.day <= 25 and day.weekday() == 4
    return (day.month, day.day) in fixed or day in moving or midsummer_eve


def is_school_day(day: dt.date) -> bool:
    return day.weekday() < 5 and not lov_day(day) and not helgdag(day)


def shared_holiday(day: dt.date) -> bool:
    """A day no Swedish school has lessons on, whatever its kommun (see the module docstring)."""
    if helgdag(day):
        return True
    month_day = (day.month, day.day)
    if month_day >= (12, 23) or month_day <= (1, 6):
        return True
    return (6, 22) <= month_day <= (8, 9)
