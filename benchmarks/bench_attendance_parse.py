"""The attendance parse figures issue 4 asks for: read_rows over a 1,000,000-row semicolon Windows-1252 CSV.

    .venv/bin/python benchmarks/bench_attendance_parse.py [--students 5000] [--days 200] [--xlsx-rows 0]

Generates the file in a temporary folder (5,000 students × 200 school days, decimal commas), then times
reading every row and measures the peak memory: the growth of the process's maximum resident set, and
tracemalloc's peak in a second, traced run (tracing slows it, so it is not timed). Not a test: it prints.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import gc
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def write_big_csv(path: Path, students: int, days: int) -> None:
    """Day rows, student by student, like an export: 'Personnummer;Namn;Datum;Schemalagd;Frånvaro;Giltig;Ogiltig'."""
    from sst_desk.importers.calendar_sv import is_school_day
    from sst_desk.importers.people import fake_students

    school_days, day = [], dt.date(2025, 8, 18)
    while len(school_days) < days:
        if is_school_day(day):
            school_days.append(day.isoformat())
        day += dt.timedelta(days=1)
    amounts = ["0", "0", "0", "0", "12,5", "45", "1 234,5"]
    with path.open("w", encoding="cp1252", newline="") as file:
        writer = csv.writer(file, delimiter=";", lineterminator="\r\n")
        writer.writerow(["Personnummer", "Namn", "Datum", "Schemalagd tid (min)", "Frånvaro (min)",
                         "Giltig frånvaro (min)", "Ogiltig frånvaro (min)"])
        for number, (pnr, name) in enumerate(fake_students(students, seed=4)):
            for index, day_text in enumerate(school_days):
                absent = amounts[(number + index) % 7] if (number * 31 + index) % 5 == 0 else "0"
                writer.writerow([pnr.replace("-", ""), name, day_text, "1 300" if absent.startswith("1 ") else "330",
                                 absent, "0", absent])


def read_all(path: Path, spec) -> tuple[int, int]:
    from sst_desk.importers.attendance_file import read_rows
    from sst_desk.importers.attendance_spec import ImportedRow

    good = bad = 0
    for item in read_rows(path, spec):
        if item.__class__ is ImportedRow:
            good += 1
        else:
            bad += 1
    return good, bad


def main() -> None:
    from sst_desk.importers.attendance_spec import Column, MappingSpec

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--students", type=int, default=5000)
    parser.add_argument("--days", type=int, default=200)
    args = parser.parse_args()
    spec = MappingSpec(name="bench", columns={
        Column.STUDENT: "Personnummer", Column.DATE: "Datum", Column.SCHEDULED: "Schemalagd tid (min)",
        Column.ABSENT: "Frånvaro (min)", Column.VALID: "Giltig frånvaro (min)", Column.INVALID: "Ogiltig frånvaro (min)"})
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "export.csv"
        start = time.perf_counter()
        write_big_csv(path, args.students, args.days)
        print(f"wrote {args.students * args.days:,} rows, {path.stat().st_size / 1e6:.1f} MB "
              f"in {time.perf_counter() - start:.1f} s")
        gc.collect()
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        good, bad = read_all(path, spec)
        seconds = time.perf_counter() - start
        rss_growth = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024
        tracemalloc.start()
        read_all(path, spec)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    print(f"read_rows: {good:,} rows, {bad:,} problems in {seconds:.2f} s ({good / seconds:,.0f} rows/s)")
    print(f"peak memory: ru_maxrss grew {rss_growth:.1f} MB; tracemalloc peak {peak / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
