"""Whole-file decisions for reading an export: the day/month order, the year of bare weeks, a file's period.

``attendance_file.read_rows`` settles these once, before converting any row, and passes them to the row
converter in a ``ReadContext``. Each decision is made from the file when the file settles it, else from
the person's answer (``ImportOptions``), else the file is refused with a code the dialog turns into a
question and the command line into a refusal. Nothing here guesses from today's date alone.

Day/month order (only "a/b/yyyy" and "a-b-yyyy" are in doubt; ISO, "20260115" and dotted "15.01.2026"
are not — dots are day.month.year wherever they are written):

1. a first part over 12 ("15/1/2026") settles day/month, a second part over 12 ("1/15/2026") month/day;
   both in one file → DATE_ORDER_MIXED (the file is refused);
2. with no such value, the calendar may settle it (``_by_calendar``): a weekday written before the days
   fits one reading only ("ti 3/11/2026" is a Tuesday as 3 November), school days are Monday to
   Friday, an export covers a compact stretch of days, and lies mostly in the past. Each clue votes
   only when it is clear-cut; the order is taken only when at least one votes and none disagrees;
3. else DATE_ORDER_AMBIGUOUS, with an example cell in ``value``.

Values whose two parts are equal ("3/3/2026") read the same either way and count for nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

from sst_desk.importers.attendance_spec import DateOrder, ProblemCode
from sst_desk.importers.cells import CellError, parse_day, slash_parts
from sst_desk.importers.tables import file_error

_MONTHS = 12
_WEEKEND_VOTES = 2  # the other reading must put at least this many distinct days on a weekend
_COMPACT_DAYS = 62  # a "compact" reading spans at most about two months ...
_SCATTERED_DAYS = 120  # ... and the other reading at least four months and three times as much
_FAR_FUTURE_DAYS = 60  # a reading with days this far after today (and the other none after today)


def order_evidence(values: Iterable[str]) -> tuple[str, str, list[str]]:
    """(an example only day/month can read, an example only month/day can read, the texts either can read)."""
    day_first = month_first = ""
    either: list[str] = []
    for text in values:
        parts = slash_parts(text)
        if parts is None:
            continue
        first, second, _ = parts
        if first > _MONTHS and second <= _MONTHS:
            day_first = day_first or text
        elif second > _MONTHS and first <= _MONTHS:
            month_first = month_first or text
        elif first <= _MONTHS and second <= _MONTHS and first != second:
            either.append(text)
    return day_first, month_first, either


def has_slash_dates(values: Iterable[str]) -> bool:
    return any(slash_parts(text) is not None for text in values)


def settle_date_order(values: Sequence[str], today: dt.date) -> DateOrder:
    """The order the distinct date texts ``values`` are written in, or ImportFileError (MIXED, AMBIGUOUS)."""
    day_first, month_first, either = order_evidence(values)
    if day_first and month_first:
        raise file_error(ProblemCode.DATE_ORDER_MIXED, f"{day_first} / {month_first}")
    if day_first:
        return DateOrder.DMY
    if month_first:
        return DateOrder.MDY
    if not either:
        return DateOrder.DMY  # no slash dates, or only ones like "3/3/2026": the order changes nothing
    order = _by_calendar(either, today)
    if order is None:
        raise file_error(ProblemCode.DATE_ORDER_AMBIGUOUS, sorted(either)[0])
    return order


def _readings(texts: Sequence[str]) -> dict[DateOrder, list[dt.date]]:
    readings: dict[DateOrder, list[dt.date]] = {DateOrder.DMY: [], DateOrder.MDY: []}
    for text in texts:
        for order, days in readings.items():
            try:
                days.append(parse_day(text, order))
            except CellError:
                pass
    return readings


def _by_calendar(texts: Sequence[str], today: dt.date) -> DateOrder | None:
    """The order the calendar clues agree on, or None (no clue is clear-cut, or two disagree)."""
    readings = _readings(texts)
    votes: set[DateOrder] = set()
    weekend = {order: sum(day.weekday() >= 5 for day in set(days)) for order, days in readings.items()}
    span = {order: (max(days) - min(days)).days if days else 0 for order, days in readings.items()}
    future = {order: max(days) if days else today for order, days in readings.items()}
    for order, other in ((DateOrder.DMY, DateOrder.MDY), (DateOrder.MDY, DateOrder.DMY)):
        if len(readings[order]) == len(texts) > len(readings[other]):
            votes.add(order)  # a weekday written before the days ("ti 3/11/2026") fits one reading only
        if weekend[order] == 0 and weekend[other] >= _WEEKEND_VOTES:
            votes.add(order)
        if len(texts) >= 3 and span[order] <= _COMPACT_DAYS and span[other] >= max(_SCATTERED_DAYS, 3 * span[order]):
            votes.add(order)
        if future[order] <= today and (future[other] - today).days >= _FAR_FUTURE_DAYS:
            votes.add(order)
    return votes.pop() if len(votes) == 1 else None


# --- Title rows: a period, a term, a school year ------------------------------------------------------

_DATE_TOKEN = re.compile(
    r"(?<![\d/.-])(?:\d{4}-\d{1,2}-\d{1,2}|\d{4}/\d{1,2}/\d{1,2}|\d{1,2}[./-]\d{1,2}[./-]\d{4})(?![\d/.-]*\d)")
_TERM = re.compile(r"\b(ht|vt)\s*-?\s*((?:19|20)\d{2}|\d{2})\b", re.IGNORECASE)
_SCHOOL_YEAR = re.compile(r"(?<![\d/.-])((?:19|20)\d{2})\s*[/-]\s*((?:19|20)\d{2}|\d{2})(?![\d/.-]*\d)")


def date_tokens(rows: Sequence[Sequence[str]]) -> list[str]:
    """Every date-like text in the title rows, for the day/month order to consider too."""
    return [token for row in rows for token in _DATE_TOKEN.findall(" ".join(row))]


# What may stand between the two days of a period: a dash, "till", "to", "t.o.m.", "och" ("mellan a och b"),
# or the label of a second cell ("Från:" | a | "Till:" | b; "Startdatum …  Slutdatum …"), a colon allowed.
_RANGE_JOIN = re.compile(r"^\s*(?:[-\u2013\u2014]+|till och med|fram till|till|to|through|until|t\.?\s?o\.?\s?m\.?|och|and|"
                         r"slut(?:datum)?|end(?: date)?)"
                         r"\s*:?\s*$", re.IGNORECASE)


def title_period(rows: Sequence[Sequence[str]], order: DateOrder) -> tuple[dt.date, dt.date] | None:
    """The period the title rows state: two days joined as a range, the first not after the second:
    "Period: 2026-08-17 – 2026-12-18", "Fr.o.m. 2026-08-17 t.o.m. 2026-12-18", "17.08.2026 - 18.12.2026".

    Two days NOT joined as a range ("Skapad 2026-11-30, ändrad 2026-12-01") are no period; and when the
    title rows state two different periods ("Läsår 2026-08-17 – 2027-06-10", "Urval 2026-08-17 –
    2026-11-27") none is taken: the file does not settle it, the person is asked."""
    found: set[tuple[dt.date, dt.date]] = set()
    for row in rows:
        text = " ".join(row)
        tokens = list(_DATE_TOKEN.finditer(text))
        for first, second in zip(tokens, tokens[1:]):
            if not _RANGE_JOIN.match(text[first.end():second.start()]):
                continue
            try:
                days = parse_day(first.group(), order), parse_day(second.group(), order)
            except CellError:
                continue
            if days[0] <= days[1]:
                found.add(days)
    return found.pop() if len(found) == 1 else None


def school_year_of(day: dt.date) -> int:
    """The autumn year of the läsår a day belongs to (a läsår runs 1 July - 30 June)."""
    return day.year if day.month >= 7 else day.year - 1


def _full_year(text: str) -> int:
    return int(text) if len(text) == 4 else 2000 + int(text)


def title_terms(rows: Sequence[Sequence[str]]) -> tuple[set[int], set[str]]:
    """(the school years the title rows name, the terms "ht"/"vt" they name, "" for a whole läsår)."""
    years: set[int] = set()
    terms: set[str] = set()
    for row in rows:
        text = " ".join(row)
        for term, year in _TERM.findall(text):
            full = _full_year(year)
            term = term.casefold()
            years.add(full if term == "ht" else full - 1)
            terms.add(term)
        for first, second in _SCHOOL_YEAR.findall(text):
            start, end = int(first), _full_year(second) if len(second) == 4 else int(first[:2] + second)
            if end == start + 1:
                years.add(start)
                terms.add("")
    return years, terms


Window = tuple[dt.date, dt.date]


def settle_school_year(title_rows: Sequence[Sequence[str]], order: DateOrder, column_days: Iterable[dt.date],
                       given: int | None) -> tuple[int, Window | None]:
    """The school year for weeks written without a year, and the days those weeks must touch (or None).

    In order: the file's own dates (a period in the title rows, then days in PERIOD columns) when they lie
    in one läsår; the terms or school year the title rows name ("HT 2026", "VT 2027", "Läsår 2026/2027",
    "2026/27"); the person's answer. A period or a single term in the title also bounds the weeks: a
    week outside it is WEEK_INVALID, never moved to another year.
    """
    period = title_period(title_rows, order)
    if period is not None and school_year_of(period[0]) == school_year_of(period[1]):
        return school_year_of(period[0]), period
    days = list(column_days)
    if days and school_year_of(min(days)) == school_year_of(max(days)):
        return school_year_of(min(days)), None
    years, terms = title_terms(title_rows)
    if len(years) == 1:
        (year,) = years
        if terms == {"ht"}:
            return year, (dt.date.fromisocalendar(year, 27, 1), dt.date.fromisocalendar(year + 1, 1, 1)
                          - dt.timedelta(days=1))
        if terms == {"vt"}:
            return year, (dt.date.fromisocalendar(year + 1, 1, 1), dt.date.fromisocalendar(year + 1, 26, 7))
        return year, None
    if given is not None:
        return given, None
    raise file_error(ProblemCode.WEEK_YEAR_UNKNOWN)


def settle_period(title_rows: Sequence[Sequence[str]], order: DateOrder,
                  given: tuple[dt.date, dt.date] | None) -> tuple[dt.date, dt.date]:
    """The period of a per-period file without period columns: from its title rows, else the person's answer."""
    period = title_period(title_rows, order)
    if period is not None:
        return period
    if given is not None:
        if given[1] < given[0]:
            raise file_error(ProblemCode.PERIOD_INVALID, f"{given[0]} - {given[1]}")
        return given
    raise file_error(ProblemCode.PERIOD_UNKNOWN)
