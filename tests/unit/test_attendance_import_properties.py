"""Properties of the attendance parser: no input crashes it, every problem is where the bad cell is, and
what the sample writers write is read back exactly."""

from __future__ import annotations

import csv
import datetime as dt
import io
import math
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sst_desk.importers.attendance_file import ImportFileError, open_table, read_rows
from sst_desk.importers.attendance_spec import (
    AmountUnit,
    Column,
    ImportedRow,
    MappingSpec,
    RowNotice,
    RowProblem,
)
from sst_desk.importers.people import fake_students
from sst_desk.importers.samples import write_csv_export, write_xlsx_export

STUDENTS = fake_students(3, seed=11)
HEADER = ["Personnummer", "Datum", "Schemalagd tid", "Frånvaro", "Giltig", "Ogiltig"]
SPEC = MappingSpec(name="p", columns=dict(zip(
    [Column.STUDENT, Column.DATE, Column.SCHEDULED, Column.ABSENT, Column.VALID, Column.INVALID], HEADER,
    strict=True)))
FEW = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@contextmanager
def temp_file(data: bytes, suffix: str = ".csv") -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="sst-prop-") as folder:
        path = Path(folder) / f"export{suffix}"
        path.write_bytes(data)
        yield path


@contextmanager
def temp_path(name: str) -> Iterator[Path]:
    with tempfile.TemporaryDirectory(prefix="sst-prop-") as folder:
        yield Path(folder) / name


@FEW
@given(data=st.binary(max_size=2000), suffix=st.sampled_from([".csv", ".xlsx", ".txt"]))
def test_arbitrary_bytes_never_crash(data, suffix):
    with temp_file(data, suffix) as path:
        try:
            table = open_table(path)
            table.preview()
            table.headers()
            for item in read_rows(path, SPEC):
                assert isinstance(item, ImportedRow | RowProblem | RowNotice)
        except ImportFileError as error:
            assert isinstance(error.problem, RowProblem)


@FEW
@given(data=st.binary(max_size=600))
def test_bytes_after_a_valid_header_never_crash(data):
    with temp_file((";".join(HEADER) + "\r\n").encode("cp1252") + data) as path:
        try:
            for item in read_rows(path, SPEC):
                if isinstance(item, ImportedRow):
                    record = item.record
                    assert math.isfinite(record.scheduled) and 0 <= record.absent <= record.scheduled + 0.001
        except ImportFileError:
            pass


def good_row(index: int) -> list[str]:
    day = dt.date(2026, 1, 12) + dt.timedelta(days=index % 5)
    return [STUDENTS[index % 3][0], day.isoformat(), "300", "40", "10", "30"]


CELL_TEXT = st.text(st.characters(exclude_categories=("Cs",), exclude_characters="\x00"), max_size=12)


@FEW
@given(changes=st.lists(st.tuples(st.integers(0, 9), st.integers(0, 5), CELL_TEXT), max_size=8),
       delimiter=st.sampled_from([";", ",", "\t"]))
def test_problems_are_on_the_lines_of_the_bad_cells(changes, delimiter):
    rows = [good_row(i) for i in range(10)]
    touched: set[int] = set()
    for row, column, text in changes:
        rows[row][column] = text
        touched.add(row)
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(HEADER)
    starts = []  # the physical line each data row starts on
    for row in rows:
        starts.append(len(io.StringIO(out.getvalue(), newline="").readlines()) + 1)
        writer.writerow(row)
    with temp_file(out.getvalue().encode("utf-8")) as path:
        items = list(read_rows(path, SPEC))
    bad_lines = {starts[i] for i in touched}
    for item in items:
        if isinstance(item, RowProblem):
            assert item.line in bad_lines, item
            assert item.column in HEADER or item.column == ""
        elif isinstance(item, RowNotice):  # e.g. a changed date that falls on a weekend or after today
            assert item.line in bad_lines or item.line == 0, item
        else:
            record = item.record
            assert item.line in starts
            assert all(math.isfinite(v) for v in (record.scheduled, record.absent) if v is not None)
            assert 0 <= record.absent <= record.scheduled + 0.001
            assert (record.valid or 0) + (record.invalid or 0) <= record.absent + 0.001
            if item.line not in bad_lines:
                index = starts.index(item.line)
                assert record.period_start.isoformat() == rows[index][1]
                assert (record.scheduled, record.absent, record.valid, record.invalid) == (300, 40, 10, 30)
    untouched = {starts[i] for i in range(10) if i not in touched}
    assert untouched <= {item.line for item in items if isinstance(item, ImportedRow)}


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 10_000), granularity=st.sampled_from(["day", "week"]), per_lesson=st.booleans(),
       delimiter=st.sampled_from([";", ",", "\t", "|"]), decimal_comma=st.booleans(),
       encoding=st.sampled_from(["cp1252", "utf-8"]), bom=st.booleans(),
       unit=st.sampled_from([AmountUnit.MINUTES, AmountUnit.HOURS]), unknown=st.integers(0, 2))
def test_csv_samples_round_trip(seed, granularity, per_lesson, delimiter, decimal_comma, encoding, bom, unit,
                                unknown):
    if delimiter == "," and decimal_comma:
        decimal_comma = False  # a comma export writes decimal points (it would quote otherwise: still fine)
    with temp_path("export.csv") as path:
        export = write_csv_export(path, STUDENTS[:2], dt.date(2026, 2, 16), dt.date(2026, 3, 20),
                                  encoding=encoding, delimiter=delimiter, decimal_comma=decimal_comma,
                                  bom=bom and encoding == "utf-8", granularity=granularity, per_lesson=per_lesson,
                                  seed=seed, unknown=unknown, unit=unit)
        items = list(read_rows(path, export.spec))
    assert [(i.student_key, i.record) for i in items] == export.rows


@settings(max_examples=10, deadline=None)
@given(seed=st.integers(0, 10_000), granularity=st.sampled_from(["day", "week"]), per_lesson=st.booleans(),
       merged=st.booleans())
def test_xlsx_samples_round_trip(seed, granularity, per_lesson, merged):
    with temp_path("export.xlsx") as path:
        export = write_xlsx_export(path, STUDENTS[:2], dt.date(2026, 3, 2), dt.date(2026, 3, 27), seed=seed,
                                   granularity=granularity, per_lesson=per_lesson, merged_header=merged)
        items = list(read_rows(path, export.spec))
    assert [(i.student_key, i.record) for i in items] == export.rows
