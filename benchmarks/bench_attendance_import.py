"""The import figures issue 4 asks for: 1,000,000 rows into an encrypted team database — time and peak memory.

    .venv/bin/python benchmarks/bench_attendance_import.py [--students 5000] [--days 200]

Makes an encrypted database with ``--students`` students, writes their export (semicolon, Windows-1252,
decimal commas; one row per student and school day: 5,000 × 200 = 1,000,000 rows), then runs the whole
``Database.import_attendance`` — read, match, stage, sum, upsert, commit — in a fresh child process, so its
peak resident memory (ru_maxrss) is the import's own plus the interpreter's. Then imports the same file again
(nothing changes) and a dry run. Budget (issue 4): ≤ 10 s and ≤ 300 MB. Not a test: it prints.

Since issue 10 the import matches only the students the person may see; ``--as teamledare`` runs every import
as a signed-in team lead (every student visible through the visibility clause), ``--as kurator`` as a kurator
responsible for a tenth of the students (the rest are reported "not among your students"). Without ``--as``
it runs as raw storage access (no scope), as before.
"""

from __future__ import annotations

import argparse
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


def make_database(path: Path, students: int) -> bytes:
    import sqlalchemy as sa

    from sst_desk.importers.people import fake_students
    from sst_desk.persistence import Database
    from sst_desk.persistence.mapping import students as students_table
    from sst_desk.security.keyfile import new_database_key

    key = new_database_key()
    db = Database.open(path, key=key)
    try:
        people = fake_students(students, seed=4)  # the same students bench_attendance_parse writes
        rows = [{"first_name": name.split()[0], "last_name": name.split()[1], "school": "Benchskolan", "grade": 8,
                 "gender": "ej_angivet", "personal_id": pnr, "protected_identity": False}
                for number, (pnr, name) in enumerate(people) if number % 10]
        with db.uow() as uow:
            uow.session.execute(sa.insert(students_table), rows)
            uow.commit()
        _add_people(db, people[::10])
    finally:
        db.close()
    return key


def _add_people(db, kurators_students: list[tuple[str, str]]) -> None:
    """A team lead, and a kurator with a case for every tenth student (added through ``add_case``)."""
    import datetime as dt

    from sst_desk.persistence import accounts
    from sst_desk.workflow.access import Role
    from sst_desk.workflow.codes import Level, RaisedBy
    from sst_desk.services import Door
    from sst_desk.workflow.entities import Case, Student

    accounts.add_user(db, "lead", "Bench Lead", Role.TEAMLEDARE, "not-a-real-hash")
    kurator = accounts.add_user(db, "kurator", "Bench Kurator", Role.KURATOR, "not-a-real-hash").actor()
    for pnr, name in kurators_students:
        first, last = name.split()[0], name.split()[1]
        student = Student(first_name=first, last_name=last, school="Benchskolan", grade=8, personal_id=pnr)
        Door(db.uow, kurator).cases.add_case(Case(student=student, raised_on=dt.date(2026, 8, 17),
                                                  level=Level.NIVA_2, raised_by=RaisedBy.ELEVHALSA))


def child(db_path: str, key_hex: str, csv_path: str, dry_run: bool, who: str = "") -> None:
    """Runs in its own process: one import, then prints its figures as JSON."""
    from sst_desk.importers.attendance_spec import (
        AmountUnit,
        Column,
        IdentifierKind,
        MappingSpec,
    )
    from sst_desk.persistence import Database
    from sst_desk.services import Door

    spec = MappingSpec(name="bench", identifier=IdentifierKind.PERSONNUMMER, unit=AmountUnit.MINUTES, columns={
        Column.STUDENT: "Personnummer", Column.DATE: "Datum", Column.SCHEDULED: "Schemalagd tid (min)",
        Column.ABSENT: "Frånvaro (min)", Column.VALID: "Giltig frånvaro (min)",
        Column.INVALID: "Ogiltig frånvaro (min)"})
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    db = Database.open(Path(db_path), key=bytes.fromhex(key_hex))
    if who:
        from sst_desk.persistence import accounts

        db.actor = accounts.find_user(db, {"teamledare": "lead", "kurator": "kurator"}[who]).actor()
    opened = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    result = Door(db.uow, None).attendance.import_attendance(Path(csv_path), spec, dry_run=dry_run)
    seconds = time.perf_counter() - start
    db.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "rows": result.rows_read, "records": result.records,
                      "stored": result.stored, "problems": result.problem_count, "committed": result.committed,
                      "rss_start_mb": before / 1024, "rss_open_mb": opened / 1024, "rss_peak_mb": peak / 1024}))


def run_child(db: Path, key: bytes, csv_path: Path, dry_run: bool = False, who: str = "") -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", str(db), key.hex(), str(csv_path)]
                         + (["--dry-run"] if dry_run else []) + (["--as", who] if who else []),
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=5000)
    parser.add_argument("--days", type=int, default=200)
    parser.add_argument("--child", nargs=3, metavar=("DB", "KEY", "CSV"))
    parser.add_argument("--dry-run", action="store_true")
    parser.add_argument("--as", dest="who", choices=("teamledare", "kurator"), default="",
                        help="import as a signed-in team lead or kurator (the import's scope)")
    args = parser.parse_args()
    if args.child:
        child(*args.child, dry_run=args.dry_run, who=args.who)
        return
    from bench_attendance_parse import write_big_csv

    with tempfile.TemporaryDirectory() as folder:
        db, csv_path = Path(folder) / "team.sqlite3", Path(folder) / "export.csv"
        key = make_database(db, args.students)
        write_big_csv(csv_path, args.students, args.days)
        size = csv_path.stat().st_size / 2**20
        print(f"as: {args.who or 'raw storage access (no scope)'}")
        print(f"export: {args.students * args.days:,} rows, {size:.0f} MiB (semicolon, Windows-1252, decimal comma)")
        for label, dry in (("first import", False), ("same file again", False), ("dry run", True)):
            r = run_child(db, key, csv_path, dry, args.who)
            print(f"{label:16s} {r['seconds']:6.2f} s  rows {r['rows']:,}  stored {r['stored']:,} of "
                  f"{r['records']:,}  problems {r['problems']}  peak RSS {r['rss_peak_mb']:.0f} MB "
                  f"(interpreter + open database {r['rss_open_mb']:.0f} MB)")
        print(f"database after: {db.stat().st_size / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()
