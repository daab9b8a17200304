"""Personnummer and samordningsnummer: shapes, check digit, dates, century, and the stored form.

Every number here is made up from a birth date and a test serial (98x), with
the check digit computed by the small Luhn helper below, independent of the
``personnummer`` package the code uses.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sst_desk.workflow.identity import age_on, birth_date, is_coordination_number, normalise_personal_id
from sst_desk.workflow.problems import Problem

TODAY = dt.date(2026, 11, 22)
FORMAT, INVALID = Problem.PERSONAL_ID_FORMAT, Problem.PERSONAL_ID_INVALID


def luhn(nine_digits: str) -> int:
    """Check digit over YYMMDDNNN: double every other digit from the left, sum the digits."""
    total = 0
    for index, char in enumerate(nine_digits):
        value = int(char) * (2 - index % 2)
        total += value - 9 if value > 9 else value
    return (10 - total % 10) % 10


def short(yymmdd: str, serial: str = "982") -> str:
    """YYMMDDNNNC with a correct check digit."""
    return f"{yymmdd}{serial}{luhn(yymmdd + serial)}"


def norm(text: str, today: dt.date = TODAY) -> tuple[str | None, Problem | None]:
    return normalise_personal_id(text, today)


def test_the_luhn_helper_itself():
    # 1·2, 2·1, 0·2, 3·1, 1·2, 4·1, 9·2=18→9, 8·1, 2·2 = 2+2+0+3+2+4+9+8+4 = 34 → 6
    assert luhn("120314982") == 6
    assert luhn("000000000") == 0


BORN = "120314"  # 2012-03-14
TEN = short(BORN)  # e.g. 1203149826
NORMAL = f"2012{BORN[2:]}-{TEN[6:]}"


@pytest.mark.parametrize(
    "text",
    [
        f"{TEN[:6]}-{TEN[6:]}",
        TEN,
        f"20{TEN[:6]}-{TEN[6:]}",
        f"20{TEN}",
        f"  {TEN[:6]}-{TEN[6:]} ",
        f"{TEN[:6]} {TEN[6:]}",
    ],
)
def test_valid_forms_normalise_to_yyyymmdd_nnnn(text):
    assert NORMAL == "20120314-9826"
    assert norm(text) == (NORMAL, None)


def test_plus_means_a_hundred_years_or_more():
    assert norm(f"{TEN[:6]}+{TEN[6:]}") == ("19120314-9826", None)


@pytest.mark.parametrize("text", ["", "   ", None])
def test_empty_input_is_no_id_and_no_problem(text):
    assert norm(text) == (None, None)


@pytest.mark.parametrize(
    ("yymmdd", "sep", "today", "year"),
    [
        ("261122", "-", TODAY, 2026),  # born today
        ("270101", "-", TODAY, 1927),  # 2027 is in the future: the previous century
        ("261231", "+", TODAY, 1926),  # turns 100 this year: '+' from January
        ("270101", "+", TODAY, 1827),
        ("000101", "", TODAY, 2000),
        ("991231", "", TODAY, 1999),
        ("271231", "-", dt.date(2030, 6, 1), 2027),
        ("851010", "+", dt.date(2090, 1, 1), 1985),  # against ``today``, not the machine's clock
        ("851010", "-", dt.date(2090, 1, 1), 2085),
        ("851010", "-", dt.date(1990, 1, 1), 1985),
        ("851010", "+", dt.date(1990, 1, 1), 1885),
    ],
)
def test_century_of_a_ten_digit_number(yymmdd, sep, today, year):
    number = short(yymmdd)
    assert norm(f"{number[:6]}{sep}{number[6:]}", today) == (f"{year}{yymmdd[2:]}-{number[6:]}", None)


@pytest.mark.parametrize(
    ("sep", "today", "expected"),
    [
        ("-", dt.date(2030, 1, 1), "20000229"),
        ("+", dt.date(2030, 1, 1), None),  # 1900 was no leap year
        ("-", dt.date(2101, 1, 1), None),  # nor will 2100 be
        ("+", dt.date(2101, 1, 1), "20000229"),
    ],
)
def test_leap_day_is_checked_in_the_chosen_century(sep, today, expected):
    """Regression: the date was checked in the century of the machine's clock, not ``today``'s."""
    number = short("000229")
    result = norm(f"{number[:6]}{sep}{number[6:]}", today)
    assert result == ((f"{expected}-{number[6:]}", None) if expected else (None, INVALID))


def test_a_birth_date_after_today_is_invalid():
    assert norm("20" + short("261123")) == (None, INVALID)
    assert norm("20" + short("261122"))[1] is None


def test_without_today_the_clock_is_used():
    number = "19" + short("851010")
    assert normalise_personal_id(number) == (f"19851010-{number[8:]}", None)


def test_samordningsnummer_has_sixty_added_to_the_day():
    number = short("120374")  # born 2012-03-14
    normalised, problem = norm(number)
    assert (normalised, problem) == (f"20120374-{number[6:]}", None)
    assert is_coordination_number(normalised)
    assert birth_date(normalised) == dt.date(2012, 3, 14)
    assert age_on(normalised, TODAY) == 14
    assert not is_coordination_number(NORMAL)


@pytest.mark.parametrize("wrong", [d for d in range(10) if d != luhn(BORN + "982")])
def test_a_wrong_check_digit_is_invalid(wrong):
    assert norm(f"{BORN}-982{wrong}") == (None, INVALID)
    assert norm(f"20{BORN}982{wrong}") == (None, INVALID)


@pytest.mark.parametrize(
    "yymmdd",
    [
        "120230",  # 30 February
        "130229",  # 29 February in a common year
        "121301",  # month 13
        "120001",  # month 0
        "120300",  # day 0
        "120332",  # 32 March
        "120345",  # neither a day nor a day + 60
        "120392",  # 32 March as a samordningsnummer
        "120431",  # 31 April
    ],
)
def test_impossible_dates_are_invalid(yymmdd):
    number = short(yymmdd)  # the check digit is right: only the date is wrong
    assert norm(number) == (None, INVALID)
    assert norm(f"20{number}") == (None, INVALID)


def test_serial_000_is_invalid():
    assert norm(short(BORN, "000")) == (None, INVALID)


@pytest.mark.parametrize(
    "text",
    [
        TEN[:-1],  # 9 digits
        TEN + "1",  # 11 digits
        "20" + TEN + "1",  # 13 digits
        "0" + TEN,  # 11 digits
        f"{TEN[:4]}-{TEN[4:]}",  # separator in the wrong place
        f"{TEN[:6]}--{TEN[6:]}",
        f"{TEN[:6]}/{TEN[6:]}",
        f"20{TEN[:6]}+{TEN[6:]}",  # '+' belongs to the 10-digit form
        f"{TEN[:6]}-{TEN[6:9]}X",
        "ABCDEF-GHIJ",
        "12O314-9826",  # letter O, not zero
        "1203149826-",
    ],
)
def test_wrong_shapes_are_format_problems(text):
    assert norm(text) == (None, FORMAT)


@pytest.mark.parametrize(
    ("born", "day", "age"),
    [
        (dt.date(2008, 11, 22), dt.date(2026, 11, 21), 17),
        (dt.date(2008, 11, 22), dt.date(2026, 11, 22), 18),
        (dt.date(2008, 2, 29), dt.date(2026, 2, 28), 17),
        (dt.date(2008, 2, 29), dt.date(2026, 3, 1), 18),
        (dt.date(2012, 12, 31), dt.date(2026, 1, 1), 13),
    ],
)
def test_age_on(born, day, age):
    yymmdd = f"{born:%y%m%d}"
    personal_id, _ = norm(short(yymmdd), day)
    assert personal_id is not None
    assert birth_date(personal_id) == born
    assert age_on(personal_id, day) == age
