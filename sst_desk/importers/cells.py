"""Reading one cell of an attendance export: numbers, days, ISO weeks and student keys.

Cells are text (CSV) or typed values (XLSX: int, float, datetime, time, timedelta).
The parsers here are the slow path: ``attendance_file`` caches their results per
distinct cell value, so each is called once per distinct text, not once per row.
"""

from __future__ import annotations

import datetime as dt
import math
import re

from sst_desk.importers.attendance_spec import DateOrder, reads_two_ways

# Spaces that appear inside numbers: thin and (narrow) non-breaking spaces are Excel's
# and the Swedish locale's thousands separators ("1 234,5").
_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009\u2007")
_NUMBER = re.compile(r"^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$")
_HOURS_MINUTES = re.compile(r"^(\d+):([0-5]\d)(?::([0-5]\d))?$")
# "2 h 30 min", "2h30m", "2 tim 30 min", "1 timme", "1,5 h", "45 min": a time that names its own units.
_HOURS_MINUTES_WORDS = re.compile(
    r"^(?:(?P<hours>\d+(?:[.,]\d+)?)\s*(?:h|tim|timme|timmar|t)\.?)?\s*"
    r"(?:(?P<minutes>\d+)\s*(?:min|minuter|m)\.?)?$")


class CellError(Exception):
    """A cell that cannot be read; the caller turns it into a RowProblem with the line and column."""


def cell_text(value: object) -> str:
    """A cell as the user sees it: XLSX numbers without a needless '.0', days as ISO dates."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return f"{value.hour}:{value.minute:02d}"
    if isinstance(value, dt.timedelta):
        minutes = value.total_seconds() / 60
        return f"{int(minutes // 60)}:{int(minutes % 60):02d}"
    return str(value).strip()


def parse_number(value: object, *, clock: bool) -> float:
    """A number of minutes, hours or lessons; ``clock``: "h:mm", "2 h 30 min" (and XLSX times) count as minutes.

    Decimal comma or point; spaces as thousands separators; with both "," and "."
    the last one is the decimal mark. Raises CellError (not a number, not finite).
    """
    if isinstance(value, bool):
        raise CellError
    if isinstance(value, (int, float)):
        number = float(value)
        if not math.isfinite(number):
            raise CellError
        return number
    if isinstance(value, (dt.time, dt.timedelta)):
        if not clock or isinstance(value, dt.datetime):
            raise CellError
        if isinstance(value, dt.time):
            return value.hour * 60 + value.minute + value.second / 60
        return value.total_seconds() / 60
    if not isinstance(value, str):
        raise CellError
    text = value.translate(_SPACES).replace("\u2212", "-")
    if reads_two_ways(text):  # "1,500": 1.5 (Swedish) or 1500 (US thousands)? Either reading may be wrong
        raise CellError  # "1,500": 1.5 (Swedish) or 1500 (US thousands)? Read either way it could be wrong
    if "," in text:
        if "." in text:
            if text.rfind(",") > text.rfind("."):
                text = text.replace(".", "").replace(",", ".")
            else:
                text = text.replace(",", "")
        else:
            text = text.replace(",", ".")
    if _NUMBER.match(text):
        number = float(text)
        if not math.isfinite(number):
            raise CellError
        return number
    match = _HOURS_MINUTES.match(text) if clock else None
    if match:
        hours, minutes, seconds = match.groups()
        return int(hours) * 60 + int(minutes) + (int(seconds) / 60 if seconds else 0.0)
    match = _HOURS_MINUTES_WORDS.match(value.strip().casefold()) if clock else None
    if match and (match["hours"] or match["minutes"]):
        hours = float(match["hours"].replace(",", ".")) if match["hours"] else 0.0
        return hours * 60 + (int(match["minutes"]) if match["minutes"] else 0)
    raise CellError


def is_duration_words(value: object) -> bool:
    """True for a time written in words, "2 h 30 min", "45 min", "1,5 tim": minutes whatever the unit."""
    if not isinstance(value, str):
        return False
    match = _HOURS_MINUTES_WORDS.match(value.strip().casefold())
    return bool(match and (match["hours"] or match["minutes"]))


# "2026-01-15", "2026/01/15", "2026.01.15", optionally followed by a time part; "20260115".
# A time of day may follow a day ("2026-11-02 08:15", "2026-11-02T08:15:00Z", "11/2/2026 8:15 AM", "kl 08.15");
# anything else after it is no day: "2026-11-02 - 2026-11-08" in a date column is a week, never its Monday.
_TIME_PART = r"(?:(?:T|\s+(?:kl\.?\s*)?)\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d+)?)?\s*(?:[ap]\.?m\.?|z|[+-]\d{2}:?\d{2})?)?"
_ISO_DAY = re.compile(r"^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})" + _TIME_PART + "$", re.IGNORECASE)
_COMPACT_DAY = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
# "15.01.2026": dots are always day.month.year (Swedish, German, Finnish usage; no region writes m.d.y).
_DOTTED_DAY = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})" + _TIME_PART + "$", re.IGNORECASE)
# "11/2/2026", "11-02-2026": day/month in Sweden, month/day from Excel with a US region. The order is
# decided for the whole file (see attendance_file); both separators are read the same way.
_SLASH_DAY = re.compile(r"^(\d{1,2})([/-])(\d{1,2})\2(\d{4})" + _TIME_PART + "$", re.IGNORECASE)
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_SERIAL = re.compile(r"^\d{5}$")
# As text only 2000-01-01 .. 2099-12-31: a five-digit number in a CSV's date column that is no day of this
# century (21000 minutes of a summary table below the data) stays DATE_INVALID rather than a day in 1957.
_SERIAL_TEXT_FROM, _SERIAL_TEXT_TO = 36_526, 73_050
# "2 nov 2026", "2 nov. 2026", "2 november 2026", "2. November 2026" (Swedish and English month names).
_NAMED_MONTH_DAY = re.compile(r"^(\d{1,2})\.?\s+([^\W\d_]+)\.?,?\s+(\d{4})(?:\s+\d{1,2}[:.]\d{2}(?::\d{2})?)?$")
# "Nov 2, 2026", "November 2 2026" (English, month first: no doubt either, the month is a word).
_MONTH_NAME_DAY = re.compile(r"^([^\W\d_]+)\.?\s+(\d{1,2}),?\s+(\d{4})(?:\s+\d{1,2}[:.]\d{2}(?::\d{2})?)?$")
_MONTH_NAMES = [("jan", "januari", "january"), ("feb", "februari", "february"), ("mar", "mars", "march"),
                ("apr", "april"), ("maj", "may"), ("jun", "juni", "june"), ("jul", "juli", "july"),
                ("aug", "augusti", "august"), ("sep", "sept", "september"), ("okt", "oct", "oktober", "october"),
                ("nov", "november"), ("dec", "december")]
MONTHS = {name: number for number, names in enumerate(_MONTH_NAMES, start=1) for name in names}
# A month as a period (a per-month summary): "oktober 2026", "okt 2026", "2026-10"; a four-digit year only.
_NAMED_MONTH = re.compile(r"^([^\W\d_]+)\.?\s+(\d{4})$")
_ISO_MONTH = re.compile(r"^(\d{4})-(\d{2})$")


def parse_month(value: object) -> tuple[dt.date, dt.date]:
    """A month cell of a per-month summary ("Oktober 2026", "okt 2026", "2026-10"): its first and last day."""
    text = cell_text(value)
    if (match := _NAMED_MONTH.match(text)) and match.group(1).casefold() in MONTHS:
        year, month = int(match.group(2)), MONTHS[match.group(1).casefold()]
    elif match := _ISO_MONTH.match(text):
        year, month = int(match.group(1)), int(match.group(2))
    else:
        raise CellError
    if not 1 <= month <= 12 or not 1900 <= year <= 2200:
        raise CellError
    last = dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1)
    return dt.date(year, month, 1), last


# A weekday before the day, as schedules write it: "må 2026-11-02", "Tis 3/11/2026", "Mon, 11/2/2026".
_WEEKDAY_NAMES = [("må", "mån", "måndag", "mon", "monday"), ("ti", "tis", "tisdag", "tue", "tues", "tuesday"),
                  ("on", "ons", "onsdag", "wed", "wednesday"), ("to", "tor", "tors", "torsdag", "thu", "thurs",
                                                                 "thursday"),
                  ("fr", "fre", "fredag", "fri", "friday"), ("lö", "lör", "lördag", "sat", "saturday"),
                  ("sö", "sön", "söndag", "sun", "sunday")]
WEEKDAYS = {name: number for number, names in enumerate(_WEEKDAY_NAMES) for name in names}
_WEEKDAY_PREFIX = re.compile(r"^([^\W\d_]+)\.?,?\s+(?=\d)")


def _weekday_and_day(text: str) -> tuple[int | None, str]:
    """(the weekday a prefix names or None, the rest): "må 2026-11-02" -> (0, "2026-11-02")."""
    match = _WEEKDAY_PREFIX.match(text)
    if match and match.group(1).casefold() in WEEKDAYS:
        return WEEKDAYS[match.group(1).casefold()], text[match.end():]
    return None, text


def slash_parts(value: object) -> tuple[int, int, int] | None:
    """(first, second, year) of a day written "a/b/yyyy" or "a-b-yyyy" — the forms whose order is in doubt."""
    if not isinstance(value, str):
        return None
    match = _SLASH_DAY.match(_weekday_and_day(value.strip())[1])
    if not match:
        return None
    first, _, second, year = match.groups()
    return int(first), int(second), int(year)


def parse_day(value: object, order: DateOrder = DateOrder.DMY) -> dt.date:
    """A day from ISO ("2026-01-15", "2026/01/15", "20260115"), dotted "15.01.2026" (always d.m.y),
    "a/b/yyyy" or "a-b-yyyy" read in ``order``, a month name ("2 nov 2026", "2 november 2026", "Nov 2, 2026"), an XLSX
    date cell or an Excel day number (also as text, "46328", from a CSV of a General-formatted column).
    A weekday before it ("må 2026-11-02", "Mon, 11/2/2026") must be the day's: else CellError.

    A slash date impossible in ``order`` ("1/15/2026" under DMY) raises CellError: the row is DATE_INVALID."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # A date column Excel forgot to format: a serial day number (1955 .. 2118).
        if 20_000 <= value <= 80_000 and float(value).is_integer():
            return _EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise CellError
    if not isinstance(value, str):
        raise CellError
    weekday, text = _weekday_and_day(value.strip())
    if weekday is not None:
        day = parse_day(text, order)
        if day.weekday() != weekday:
            raise CellError  # "ti 11/2/2026" read as 11 February (a Wednesday): the order or the day is wrong
        return day
    if match := _ISO_DAY.match(text):
        year, _, month, day = match.groups()
    elif _SERIAL.match(text) and _SERIAL_TEXT_FROM <= int(text) <= _SERIAL_TEXT_TO:
        return parse_day(int(text))  # an Excel day number a CSV export wrote as it was stored (a General cell)
    elif (match := _NAMED_MONTH_DAY.match(text)) and match.group(2).casefold() in MONTHS:
        day, month, year = match.group(1), MONTHS[match.group(2).casefold()], match.group(3)
    elif (match := _MONTH_NAME_DAY.match(text)) and match.group(1).casefold() in MONTHS:
        month, day, year = MONTHS[match.group(1).casefold()], match.group(2), match.group(3)
    elif match := _COMPACT_DAY.match(text):
        year, month, day = match.groups()
    elif match := _DOTTED_DAY.match(text):
        day, month, year = match.groups()
    elif match := _SLASH_DAY.match(text):
        first, _, second, year = match.groups()
        day, month = (first, second) if order is DateOrder.DMY else (second, first)
    else:
        raise CellError
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:
        raise CellError from None


# "2026-W05", "2026W5", "2026 v5"; "202605" is a week (a common export form), "2026-05" is not (a month).
_YEAR_WEEK = re.compile(r"^(\d{4})\s*(?:-?\s*w\s*|\s+v(?:\.|ecka)?\s*)(\d{1,2})$")
_WEEK_YEAR = re.compile(r"^(?:v(?:\.|ecka)?|w(?:eek)?)\s*(\d{1,2})(?:\s*[,/-]?\s*(\d{4}))?$")
_WEEK_SLASH_YEAR = re.compile(r"^(\d{1,2})\s*[/-]\s*(\d{4})$")  # "46/2026", "46-2026" (never a day: no day part)
_COMPACT = re.compile(r"^(\d{4})(\d{2})$")
_BARE = re.compile(r"^(\d{1,2})$")
SPRING_WEEKS = 26  # weeks 1-26 of a school year fall in the spring (VT), 27-53 in the autumn (HT)


def _week_parts(value: object) -> tuple[int, int | None]:
    """(week, year or None) of a week cell; raises CellError."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        raise CellError
    text = value.strip().casefold()
    week_year: str | None = None
    if match := _YEAR_WEEK.match(text):
        week_year, week = match.groups()
    elif match := _WEEK_YEAR.match(text):
        week, week_year = match.groups()
    elif match := _WEEK_SLASH_YEAR.match(text):
        week, week_year = match.groups()
    elif match := _COMPACT.match(text):
        week_year, week = match.groups()
    elif match := _BARE.match(text):
        (week,) = match.groups()
    else:
        raise CellError
    return int(week), (int(week_year) if week_year else None)


def week_without_year(value: object) -> bool:
    """True for a week cell that names no year ("v.46", "V46", "46", "Vecka 46")."""
    try:
        return _week_parts(value)[1] is None
    except CellError:
        return False


def parse_week(value: object, year: int | None = None, *, school_year: int | None = None) -> dt.date:
    """The Monday of an ISO week: "2026-W05", "2026W05", "v5 2026", "V. 5 2026", "5/2026", "202605", or a week number
    ("v.46", "V46", "46", "Vecka 46") with ``year`` (from the YEAR column) or else ``school_year`` (the
    läsår's autumn year: weeks 27-53 in that year, weeks 1-26 in the next). Week 53 only where the year
    has one. A week's Monday as a day ("2026-11-09", a date cell) is that week; another day is CellError (which
    week a Friday stands for cannot be told). Raises CellError."""
    if isinstance(value, dt.date) or (isinstance(value, str) and _ISO_DAY.match(value.strip())):
        monday = parse_day(value)
        if monday.weekday() != 0:
            raise CellError
        return monday
    week, week_year = _week_parts(value)
    chosen = week_year if week_year is not None else year
    if chosen is None and school_year is not None:
        chosen = school_year if week > SPRING_WEEKS else school_year + 1
    if chosen is None or not 1900 <= chosen <= 2200:
        raise CellError
    try:
        return dt.date.fromisocalendar(chosen, week, 1)
    except ValueError:
        raise CellError from None


def parse_year(value: object) -> int:
    """The YEAR column: "2026" or 2026."""
    text = cell_text(value)
    if len(text) == 4 and text.isdigit():
        return int(text)
    raise CellError


def personnummer_text(value: object) -> str:
    """An XLSX personnummer stored as a number (200501011234) becomes its digits."""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return cell_text(value)


def name_key(value: object) -> str:
    """A student's name as the key to match on: casefolded "first last"; "Last, First" is reordered."""
    text = cell_text(value)
    if "," in text:
        last, _, first = text.partition(",")
        text = f"{first} {last}"
    return " ".join(text.casefold().split())
