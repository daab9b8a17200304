"""Swedish personnummer and samordningsnummer: validate and normalise.

Accepted: 10 or 12 digits, with ``-`` or ``+`` (100 years or older) before the
last four, or no separator. The check digit (Luhn) and the date are verified by
the ``personnummer`` package; a samordningsnummer has 60 added to the day.
Stored form: ``YYYYMMDD-NNNN``.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from personnummer.personnummer import Personnummer, PersonnummerException

from sst_desk.workflow.problems import Problem

# ASCII digits only: ``\d`` would also take fullwidth and Arabic-Indic digits, which int() and the
# personnummer package read as numbers, so "１９…" passed the check and was stored as typed.
_SHAPE = re.compile(r"^([0-9]{6}|[0-9]{8})([-+]?)([0-9]{4})$", re.ASCII)


def normalise_personal_id(text: str, today: dt.date | None = None) -> tuple[str | None, Problem | None]:
    """Return (normalised id, None), (None, None) for empty input, or (None, problem).

    A 10-digit number gets the century that makes the person under 100 in
    ``today``'s year (``-`` or none) or 100 or older (``+``); a birth date after
    ``today`` is invalid.
    """
    if any(unicodedata.category(ch) in ("Cc", "Cf") for ch in (text or "").strip()):
        # A hidden direction mark or control character: say so, rather than "write it as YYYYMMDD-NNNN"
        # to a person who sees exactly that on the screen.
        return None, Problem.UNSAFE_CHARACTERS
    raw = (text or "").strip().replace(" ", "")
    if not raw:
        return None, None
    match = _SHAPE.match(raw)
    if not match:
        return None, Problem.PERSONAL_ID_FORMAT
    date_part, sep, tail = match.groups()
    if len(date_part) == 8 and sep == "+":
        return None, Problem.PERSONAL_ID_FORMAT
    today = today or dt.date.today()
    if len(date_part) == 6:
        # Decide the century against the given day rather than the library's clock,
        # before the date is checked: 000229 is a date in 2000 but not in 1900 or 2100.
        latest = today.year - (100 if sep == "+" else 0)
        year = latest - (latest - int(date_part[:2])) % 100
        date_part = f"{year:04d}{date_part[2:]}"
    try:
        born = Personnummer(date_part + tail).get_date()  # checks the Luhn digit and the date
    except PersonnummerException:
        return None, Problem.PERSONAL_ID_INVALID
    if born > today:
        return None, Problem.PERSONAL_ID_INVALID
    return f"{date_part}-{tail}", None


def is_coordination_number(personal_id: str) -> bool:
    return int(personal_id[6:8]) > 60


def birth_date(personal_id: str) -> dt.date:
    day = int(personal_id[6:8])
    return dt.date(int(personal_id[0:4]), int(personal_id[4:6]), day - 60 if day > 60 else day)


def age_on(personal_id: str, day: dt.date) -> int:
    born = birth_date(personal_id)
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))
