"""Properties of issue 11: the same attendance written differently never yields different numbers silently.

A file, and the same file with its rows shuffled, with rows pasted twice (reported, or skipped on request),
re-encoded (UTF-8, UTF-8 with BOM, Windows-1252, UTF-16 "Unicode text"), or with its dates written
month/day instead of day/month (settled by the file, or asked/refused): each either reads to exactly the
same records per student and period, or is refused. Read with ``read_rows`` (no database: the store's
summing per student and period is redone here the way ``persistence.attendance`` does it).
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
import tempfile
from pathlib import Path

from corpus import PEOPLE, TODAY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sst_desk.importers.attendance_file import ImportFileError, read_rows
from sst_desk.importers.attendance_spec import (
    Column,
    DateOrder,
    ImportedRow,
    ImportOptions,
    MappingSpec,
    ProblemCode,
    RowProblem,
)
from sst_desk.importers.calendar_sv import is_school_day

HEADER = ["Personnummer", "Elev", "Datum", "Schemalagd tid (min)", "Frånvaro (min)", "Anmäld frånvaro (min)",
          "Ej anmäld frånvaro (min)"]
SPEC = MappingSpec(name="Skola24", columns={
    Column.STUDENT: "Personnummer", Column.DATE: "Datum", Column.SCHEDULED: "Schemalagd tid (min)",
    Column.ABSENT: "Frånvaro (min)", Column.VALID: "Anmäld frånvaro (min)",
    Column.INVALID: "Ej anmäld frånvaro (min)"})
SCHOOL_DAYS = [d for d in (dt.date(2026, 8, 17) + dt.timedelta(days=i) for i in range(103)) if is_school_day(d)]
ORDER_PROBLEMS = {ProblemCode.DATE_ORDER_AMBIGUOUS, ProblemCode.DATE_ORDER_MIXED}
_FOLDER = tempfile.TemporaryDirectory(prefix="corpus-properties-")  # removed when the run ends
_NUMBERS = itertools.count()
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def attendance(draw) -> list[tuple[str, str, dt.date, int, int, int]]:
    """Distinct (student, day) rows: (personnummer, name, day, scheduled, absent, valid) in minutes."""
    people = draw(st.lists(st.sampled_from(PEOPLE), min_size=1, max_size=4, unique=True))
    days = draw(st.lists(st.sampled_from(SCHOOL_DAYS), min_size=1, max_size=8, unique=True))
    rows = []
    for pnr, name in people:
        for day in days:
            scheduled = draw(st.integers(0, 32)) * 15
            absent = draw(st.integers(0, scheduled // 5)) * 5 if scheduled else 0
            valid = draw(st.integers(0, absent))
            rows.append((pnr, name, day, scheduled, absent, valid))
    return rows


def lines_of(rows, date=lambda d: d.isoformat()) -> list[list[str]]:
    return [HEADER] + [[pnr, name, date(day), str(s), str(a), str(v), str(a - v)] for pnr, name, day, s, a, v in rows]


def write(lines: list[list[str]], encoding: str = "cp1252", sep: str = ";") -> Path:
    path = Path(_FOLDER.name) / f"export{next(_NUMBERS)}{'.txt' if sep == chr(9) else '.csv'}"
    path.write_bytes(("\r\n".join(sep.join(line) for line in lines) + "\r\n").encode(encoding))
    return path


def read(path: Path, options: ImportOptions = ImportOptions()):
    """(records per student and period, summed as the store sums them) or (None, the problems)."""
    try:
        items = list(read_rows(path, SPEC, options=options, today=TODAY))
    except ImportFileError as exc:
        return None, list(exc.problems)
    problems = [i for i in items if isinstance(i, RowProblem)]
    if problems:
        return None, problems
    sums: dict[tuple, list[float]] = {}
    for item in items:
        if isinstance(item, ImportedRow):
            r = item.record
            total = sums.setdefault((item.student_key, r.period_start, r.granularity, r.period_end), [0.0] * 4)
            for i, value in enumerate((r.scheduled, r.absent, r.valid or 0.0, r.invalid or 0.0)):
                total[i] += value
    return {k: tuple(round(v, 6) for v in t) for k, t in sums.items()}, []


@SETTINGS
@given(attendance(), st.randoms(use_true_random=False))
def test_shuffled_rows_read_to_the_same_numbers(rows, rng: random.Random) -> None:
    base, problems = read(write(lines_of(rows)))
    assert base is not None, problems
    shuffled = list(rows)
    rng.shuffle(shuffled)
    assert read(write(lines_of(shuffled)))[0] == base


@SETTINGS
@given(attendance(), st.data())
def test_rows_pasted_twice_are_refused_naming_the_copy_or_skipped_to_the_same_numbers(rows, data) -> None:
    base, _ = read(write(lines_of(rows)))
    lines = lines_of(rows)
    copied = data.draw(st.lists(st.integers(1, len(rows)), min_size=1, max_size=5, unique=True))
    with_copies = lines + [lines[i] for i in copied]
    # line numbers are 1-based and the header is line 1: data line i of ``lines`` is file line i + 1
    expected = sorted((len(lines) + 1 + n, i + 1) for n, i in enumerate(copied))
    path = write(with_copies)
    refused, problems = read(path)
    assert refused is None
    assert sorted((p.line, int(p.value)) for p in problems if p.code is ProblemCode.DUPLICATE_ROW) == expected
    assert read(path, ImportOptions(skip_duplicates=True))[0] == base


@SETTINGS
@given(attendance(), st.sampled_from([("utf-8", ";"), ("utf-8-sig", ";"), ("cp1252", ";"), ("utf-16", "\t"),
                                      ("iso-8859-1", "\t"), ("utf-16", ";")]))
def test_a_re_encoded_file_reads_to_the_same_numbers(rows, encoding: tuple[str, str]) -> None:
    base, _ = read(write(lines_of(rows)))
    assert read(write(lines_of(rows), *encoding))[0] == base


def dmy(day: dt.date) -> str:
    return f"{day.day}/{day.month}/{day.year}"


def mdy(day: dt.date) -> str:
    return f"{day.month}/{day.day}/{day.year}"


@SETTINGS
@given(attendance(), st.sampled_from([(dmy, DateOrder.DMY), (mdy, DateOrder.MDY)]))
def test_dates_written_either_way_read_right_or_are_refused_never_swapped(rows, way) -> None:
    written, order = way
    base, _ = read(write(lines_of(rows)))
    path = write(lines_of(rows, written))
    got, problems = read(path)
    if got is None:  # the file could not settle it: it says so, for the whole file, and nothing else is wrong
        assert {p.code for p in problems} <= ORDER_PROBLEMS, problems
        assert any(p.code is ProblemCode.DATE_ORDER_AMBIGUOUS for p in problems)
    else:
        assert got == base
    assert read(path, ImportOptions(date_order=order))[0] == base  # once asked, exactly the numbers
