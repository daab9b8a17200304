"""The backup figures issue 3 asks for, on a database with 5,000 cases: backup, its check, restore, integrity check.

    .venv/bin/python benchmarks/bench_backups.py [--db FILE] [--cases 5000] [--rounds 5]

Without ``--db`` a demo database is made first (about 20 s). The database given is copied to a temporary
folder (it is closed, so a file copy is whole there) and never changed. Not a test: it prints medians.
"""

from __future__ import annotations

import argparse
import datetime
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def median_s(action, rounds: int) -> float:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    from sst_desk.demo.generate import populate
    from sst_desk.persistence import Database, backups
    from sst_desk.persistence.backup import backup_sqlite
    from sst_desk.services import Door

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None)
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        file = Path(tmp) / "bench.sqlite3"
        if args.db is not None:
            shutil.copyfile(args.db, file)
        else:
            with Database.open(file) as db:
                populate(db, students=args.cases, seed=1)
        db = Database.open(file)
        cases = len(Door(db.uow, None).cases.case_rows(datetime.date.today()))
        out = Path(tmp) / "out"
        out.mkdir()
        n = iter(range(10_000))
        backup_only = median_s(lambda: backup_sqlite(db.engine, out / f"b{next(n)}.sqlite3"), args.rounds)
        checked = median_s(lambda: backups.take_backup(db, backups.AUTO, keep=3), args.rounds)
        db.close()
        integrity = median_s(lambda: backups.check_integrity(file), args.rounds)
        quick = median_s(lambda: backups.integrity_problems(file, quick=True), args.rounds)
        source = backups.list_backups(file)[0].path
        restore = median_s(lambda: backups.restore(source, file), args.rounds)
        print(f"{cases} cases, {file.stat().st_size / 1e6:.1f} MB, median of {args.rounds}:")
        print(f"  backup (backup API + rename)        {backup_only:.3f} s")
        print(f"  automatic backup + integrity_check  {checked:.3f} s")
        print(f"  integrity_check on start            {integrity:.3f} s")
        print(f"  quick_check                         {quick:.3f} s")
        print(f"  restore                             {restore:.3f} s")


if __name__ == "__main__":
    main()
