"""Reading the cells issue 11 added: percentages, "N st (P %)", kind words, period cells, total rows.

The rules, cell by cell (docs/attendance.md, "What a row's cells mean", says the same with examples):

- **Percent** (``AmountUnit.PERCENT``): "35,1 %", "35.1%", "35,1" and "12 st (5,3 %)" (the
  percentage in the brackets) read 35.1 / 5.3. A percentage over 100 is PERCENT_INVALID.
  *Decision:* a spreadsheet NUMBER (not text) above 0 and at most 1 is refused as PERCENT_INVALID:
  a cell formatted "%" holds the fraction (35,1 % arrives as 0.351), a plain cell the percentage
  (0.351 = 0,351 %), and the reader gets only the number, so 0.351 and 1 cannot be told apart.
  Numbers above 1 can only be percentages (a fraction over 1 would be over 100 %), 0 is 0 either way.
  (XLSX, XLS and ODS cells formatted as a percentage never arrive as numbers: the size check in ``limits``
  knows them by their format and hands them over as the text "35.1 %".)
- **Time** (minutes, hours): a cell with "%" is PERCENT_INVALID, never read as a time.
- **Lessons**: "12 st (5,3 %)", "12 st" and "12 lektioner" read 12; a bare "5,3 %" is PERCENT_INVALID.
- **Kind words** (the KIND column), case and spacing insensitive, a trailing "frånvaro"/"absence"
  allowed ("Giltig frånvaro"): valid = giltig, giltigt, anmäld, anmält, valid, excused; invalid =
  ogiltig, ogiltigt, ej anmäld, ej anmält, oanmäld, oanmält, invalid, unexcused; present = närvarande,
  närvaro, present (a lesson list's present rows: valid and invalid 0, and only with an absence of 0 —
  "Närvarande" beside 20 minutes' absence is KIND_INVALID). Nothing else ("Sjuk" says why, not whether it
  is giltig; "Sen ankomst"): KIND_INVALID. Blank: unclassified.
- **Period cells**: one day (PERIOD_FROM, PERIOD_TO), one cell holding both days,
  "2026-08-17 – 2026-12-18" (en or em dash, a hyphen between spaces, "till", "to", "t.o.m."), or a month
  of a per-month summary, "Oktober 2026", "okt 2026", "2026-10" (its first and last day).
- **Total rows**: a cell whose first word is summa, totalt, total, totalsumma or summering
  ("Summa:", "Summa klass 8C", "Totalt för gruppen") in the student cell (or beside a blank one) is a
  total, never a student. **Group rows**: a cell whose first word is klass, grupp, … ("Klass 8C").
- **Precision** (``slack``): how far a written number may be from the true one by its own
  rounding: half a unit of its last written decimal ("0,17" ± 0,005), times the unit's factor.
  Whole numbers of lessons are counts, exact.
"""

from __future__ import annotations

import datetime as dt
import re

from sst_desk.importers.attendance_spec import DateOrder
from sst_desk.importers.cells import CellError, cell_text, is_duration_words, parse_day, parse_month, parse_number


class PercentError(CellError):
    """A percentage where a time is expected, one over 100 %, or a spreadsheet fraction (see the docstring)."""


VALID, INVALID, PRESENT = "valid", "invalid", "present"

# "12 st (5,3 %)", "12 st. (5.3%)", "12 (5,3 %)": a count and its share.
_COUNT_WORDS = r"(?:st\.?|stycken|lektioner|lektion|lessons?|pass|tillfällen|tillfälle)"
_COUNT_SHARE = re.compile(
    r"^(?P<count>[\d\s\u00a0\u202f,.]+?)\s*" + _COUNT_WORDS + r"?\s*\(\s*(?P<share>[^()%]+?)\s*%\s*\)$",
    re.IGNORECASE)
_COUNT = re.compile(r"^(?P<count>[\d\s\u00a0\u202f,.]+?)\s*" + _COUNT_WORDS + "$", re.IGNORECASE)
_PERCENT = re.compile(r"^(?P<share>[^%]+?)\s*%$")


def parse_percent(value: object) -> float:
    """A percentage (0–100) from "35,1 %", "35,1", "12 st (5,3 %)" or a spreadsheet number above 1 (or 0)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        number = parse_number(value, clock=False)
        if 0 < number <= 1:
            raise PercentError  # a "%"-formatted cell's fraction, or a tiny percentage: cannot be told
    elif isinstance(value, str):
        text = value.strip()
        if match := _COUNT_SHARE.match(text):
            text = match["share"]
        elif match := _PERCENT.match(text):
            text = match["share"]
        elif "%" in text or _COUNT.match(text):
            raise CellError  # "12 st" is a count, not a share
        number = parse_number(text, clock=False)
    else:
        raise CellError
    if number > 100:
        raise PercentError
    return number


def parse_lessons(value: object) -> float:
    """A number of lessons from "12", "12 st" or "12 st (5,3 %)"; a bare percentage is PercentError."""
    if isinstance(value, str):
        text = value.strip()
        if match := _COUNT_SHARE.match(text) or _COUNT.match(text):
            return parse_number(match["count"], clock=False)
        if "%" in text:
            raise PercentError
    return parse_number(value, clock=False)


def refuse_percent(value: object) -> None:
    """Minutes and hours: a cell with "%" is never a time."""
    if isinstance(value, str) and "%" in value:
        raise PercentError


_KIND_SUFFIX = re.compile(r"\s+(?:frånvaro|absence)$")
_KINDS = {
    **dict.fromkeys(("giltig", "giltigt", "anmäld", "anmält", "valid", "excused"), VALID),
    **dict.fromkeys(("ogiltig", "ogiltigt", "ej anmäld", "ej anmält", "oanmäld", "oanmält", "invalid",
                     "unexcused"), INVALID),
    # A lesson list's "Närvarande": no absence at all, so neither part (only with an absence of 0).
    **dict.fromkeys(("närvarande", "närvaro", "present"), PRESENT),
}


def parse_kind(value: object) -> str | None:
    """VALID, INVALID, PRESENT ("Närvarande": the row's absence must be 0), or None for a blank cell;
    CellError for any other word."""
    text = " ".join(cell_text(value).casefold().split()).rstrip(".")
    if not text:
        return None
    kind = _KINDS.get(_KIND_SUFFIX.sub("", text))
    if kind is None:
        raise CellError
    return kind


_BETWEEN = re.compile(r"^(?P<first>.+?)\s*(?:[–—]|\s-\s|\s(?:till|to|t\.o\.m\.?)\s)\s*(?P<last>.+)$", re.IGNORECASE)


def parse_period(value: object, order: DateOrder) -> tuple[dt.date, dt.date]:
    """A period cell: one cell holding two days ("2026-08-17 – 2026-12-18"); ``order`` as for parse_day."""
    match = _BETWEEN.match(cell_text(value))
    if not match:
        raise CellError
    return parse_day(match["first"].strip(), order), parse_day(match["last"].strip(), order)


def period_day(value: object, order: DateOrder, last: bool) -> dt.date:
    """A PERIOD_FROM/PERIOD_TO cell: a day, a cell holding both days (mapped to both roles), or a month
    ("Oktober 2026", "okt 2026", "2026-10": its first or last day)."""
    if isinstance(value, str) and _BETWEEN.match(value.strip()):  # before parse_day, which reads "a – b" as a
        first_day, last_day = parse_period(value, order)  # day with a time part
        return last_day if last else first_day
    try:
        return parse_day(value, order)
    except CellError:
        if not isinstance(value, str):
            raise
    first_day, last_day = parse_month(value)
    return last_day if last else first_day


_TOTAL_WORDS = {"summa", "totalt", "total", "totalsumma", "summering"}
_FIRST_WORD = re.compile(r"[^\W\d_]+")


def is_total(value: object) -> bool:
    """A "Summa"/"Totalt" cell: its first word is a total word ("Summa:", "Summa klass 8C", "Totalt för gruppen")."""
    if not isinstance(value, str):
        return False
    text = value.strip().casefold()
    match = _FIRST_WORD.match(text)
    return bool(match) and match.group() in _TOTAL_WORDS and "," not in text  # "Total, Anna" is a name


_GROUP_WORDS = {"klass", "grupp", "group", "class", "mentorsgrupp", "basgrupp", "arbetslag", "avdelning"}


def is_group(value: object) -> bool:
    """A group heading inside the data ("Klass 8C", "Grupp: 9A"): its first word names a group."""
    if not isinstance(value, str):
        return False
    match = _FIRST_WORD.match(value.strip().casefold())
    return bool(match) and match.group() in _GROUP_WORDS


_DECIMALS = re.compile(r"[.,](\d+)\s*%?\s*\)?$")


def slack(value: object, factor: float, counts: bool) -> float:
    """How much a written amount may differ from the true one by its own rounding (see the module docstring).

    ``factor``: the unit's factor (60 for hours); ``counts``: lessons, whose whole numbers are exact.
    """
    if value is None:
        return 0.0
    if isinstance(value, (dt.time, dt.timedelta)):
        return 0.5 / 60  # to the second
    if isinstance(value, float) and not value.is_integer():
        text = repr(value)
    elif isinstance(value, str):
        text = value.strip()
        if ":" in text:
            return 0.5 / 60 if text.count(":") == 2 else 0.5  # "h:mm:ss" to the second, "h:mm" to the minute
        if is_duration_words(text) and not counts:
            return 0.5  # "2 h 30 min": to the minute (decimal hours "1,5 h" are whole minutes too)
        if match := _COUNT_SHARE.match(text):
            text = match["count"] if counts else match["share"]
        elif match := _COUNT.match(text):
            text = match["count"]
    else:
        text = cell_text(value)
    if "e" in text.casefold():  # 1e-05: a computed number, as exact as the float
        return 0.0
    match = _DECIMALS.search(text)
    if match:
        return 0.5 * 10.0 ** -len(match.group(1)) * factor
    return 0.0 if counts else 0.5 * factor
