"""The spreadsheet figures issue 11 asks for: read_rows over 1,000,000 rows of XLSX and ODS, the biggest XLS,
beside the CSV anchor measured in the same run.

    .venv/bin/python benchmarks/bench_attendance_spreadsheets.py [--rows 1000000] [--kinds csv,xlsx,ods,xls]

Writes one export per kind in a temporary folder — the rows of bench_attendance_parse's CSV (personnummer,
name, school day, scheduled/absent/valid/invalid minutes), typed in the spreadsheets (dates as date cells,
minutes as numbers) — with tests/sheet_files.py's streaming writers. An .xls sheet holds at most 65,536 rows
(the format's limit), so the XLS figure is for 65,535 data rows under the header. Each file is then read in
a fresh child process (``read_rows``: open, find the header, convert every row) so the peak resident memory
(ru_maxrss) is that read's own plus the interpreter's. Prints rows per second and peak memory; the CSV must
stay within issue 4's budget (≤ 10 s, ≤ 300 MB for 1,000,000 rows). Not a test: it prints.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))

XLS_DATA_ROWS = 65_535  # 65,536 rows per .xls sheet, one of them the header
HEADER = ["Personnummer", "Namn", "Datum", "Schemalagd tid (min)", "Frånvaro (min)",
          "Giltig frånvaro (min)", "Ogiltig frånvaro (min)"]


def typed_rows(count: int):
    """``count`` data rows after the header, student by student over the school days, typed cells."""
    from sst_desk.importers.calendar_sv import is_school_day
    from sst_desk.importers.people import fake_students

    days, day = [], dt.date(2025, 8, 18)
    while len(days) < 200:
        if is_school_day(day):
            days.append(day)
        day += dt.timedelta(days=1)
    amounts = [0, 0, 0, 0, 12.5, 45, 1234.5]
    yield HEADER
    written = 0
    students = fake_students(max(1, -(-count // len(days))), seed=4)
    for number, (pnr, name) in enumerate(students):
        for index, school_day in enumerate(days):
            if written >= count:
                return
            absent = amounts[(number + index) % 7] if (number * 31 + index) % 5 == 0 else 0
            yield [pnr.replace("-", ""), name, school_day, 1300 if absent > 1000 else 330, absent, 0, absent]
            written += 1


def spec():
    from sst_desk.importers.attendance_spec import AmountUnit, Column, IdentifierKind, MappingSpec

    return MappingSpec(name="bench", identifier=IdentifierKind.PERSONNUMMER, unit=AmountUnit.MINUTES, columns={
        Column.STUDENT: "Personnummer", Column.DATE: "Datum", Column.SCHEDULED: "Schemalagd tid (min)",
        Column.ABSENT: "Frånvaro (min)", Column.VALID: "Giltig frånvaro (min)",
        Column.INVALID: "Ogiltig frånvaro (min)"})


def child(path: str) -> None:
    """Runs in its own process: read every row once, then print the figures as JSON."""
    from sst_desk.importers.attendance_file import read_rows
    from sst_desk.importers.attendance_spec import ImportedRow

    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    good = bad = 0
    for item in read_rows(Path(path), spec()):
        if item.__class__ is ImportedRow:
            good += 1
        else:
            bad += 1
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "good": good, "bad": bad, "rss_start_mb": before / 1024,
                      "rss_peak_mb": peak / 1024}))


def run_child(path: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", str(path)], check=True, capture_output=True,
                         text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--kinds", default="csv,xlsx,ods,xls")
    parser.add_argument("--child")
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    import sheet_files
    from bench_attendance_parse import write_big_csv

    with tempfile.TemporaryDirectory() as folder:
        for kind in args.kinds.split(","):
            path = Path(folder) / f"export.{kind}"
            count = min(args.rows, XLS_DATA_ROWS) if kind == "xls" else args.rows
            start = time.perf_counter()
            if kind == "csv":  # the anchor: issue 4's semicolon Windows-1252 decimal-comma export
                days = 200
                write_big_csv(path, -(-count // days), days)
                count = -(-count // days) * days
            else:
                sheet_files.write_big_sheet(path, typed_rows(count), kind=kind)
            written = time.perf_counter() - start
            r = run_child(path)
            size = path.stat().st_size / 2**20
            print(f"{kind:4s} {count:>9,} rows  {size:6.1f} MiB  read {r['seconds']:6.2f} s  "
                  f"{count / r['seconds']:>9,.0f} rows/s  peak RSS {r['rss_peak_mb']:5.0f} MB "
                  f"(interpreter {r['rss_start_mb']:.0f} MB)  rows {r['good']:,} ok, {r['bad']:,} problems  "
                  f"(written in {written:.0f} s)", flush=True)
            path.unlink()


if __name__ == "__main__":
    main()
