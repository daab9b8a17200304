"""How the SQLCipher file's state moves the statistics' cold read (issue 15): the same 20,000-case file read
with its write-ahead log not yet checkpointed (as ``bench_statistics.py`` measures it, right after filling)
and after a checkpoint, each with SQLCipher's default page cache (8 MB here) and a 128 MB one.

    .venv/bin/python benchmarks/bench_statistics_storage.py [--folder DIR] [--runs 4]

``--folder``: keep the built file there (and its key in ``key.hex``) and reuse it on the next run (building
20,000 demo cases and 1.54 million attendance rows takes ~3 minutes). A reused file has long been
checkpointed (closing the last connection does it), so only a fresh build shows the "WAL" rows.
Printed beside an anchor from the same run and file: a bare ``SELECT count(*) FROM attendance``.
Not a test: it prints figures (docs/performance.md, "Statistics (issue 15)").
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import sqlalchemy as sa  # noqa: E402

import bench_statistics as bench  # noqa: E402

BIG_CACHE = -131_072  # 128 MB, in KiB (a negative cache_size is KiB)


def seconds(action: Callable[[], object], runs: int) -> list[float]:
    values = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        values.append(time.perf_counter() - began)
    return values


def line(name: str, values: list[float]) -> str:
    ordered = sorted(values)
    return f"  {name:<58} p50 {statistics.median(ordered) * 1000:7.0f} ms   max {ordered[-1] * 1000:7.0f} ms"


def measure(db, runs: int, state: str) -> None:
    """In ONE unit of work (one connection, so the cache setting and the pages it holds stay put)."""
    from sst_desk.persistence import statistics as store

    with db.uow() as uow:
        session = uow.session
        dialect = session.get_bind().dialect.name
        default = session.execute(sa.text("PRAGMA cache_size")).scalar_one()

        def anchor() -> None:
            session.execute(sa.text("SELECT count(*) FROM attendance")).scalar_one()

        def windows() -> None:
            store.window_absence(session, store.case_windows(None, bench.TODAY, dialect, bench.YEAR))

        def facts() -> None:
            store.read_case_facts(session, visible_to=None, today=bench.TODAY, absence_for=bench.YEAR)

        for size in (default, BIG_CACHE):
            session.execute(sa.text(f"PRAGMA cache_size = {int(size)}"))
            label = f"{state}, cache_size {size}"
            print(line(f"anchor: SELECT count(*) FROM attendance ({label})", seconds(anchor, runs)))
            print(line(f"absence windows, window_absence ({label})", seconds(windows, runs)))
            print(line(f"read_case_facts ({label})", seconds(facts, runs)), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folder", type=Path)
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=4)
    args = parser.parse_args()
    from sst_desk.persistence import Database

    with tempfile.TemporaryDirectory(prefix="bench-statistics-storage-") as scratch:
        folder = args.folder or Path(scratch)
        folder.mkdir(parents=True, exist_ok=True)
        file, key_file = folder / "sst-desk.sqlite3", folder / "key.hex"
        fresh = not (file.exists() and key_file.exists())
        if fresh:
            db = bench.team_file(folder, args.cases)
            bench.fill(db, args.cases)
            key_file.write_text(db.key.hex())
        else:
            db = Database.open(file, key=bytes.fromhex(key_file.read_text().strip()))
        try:
            wal = file.with_name(file.name + "-wal")
            size = wal.stat().st_size // 2**20 if wal.exists() else 0
            print(f"Statistics' reads over {args.cases} cases, the file {file.stat().st_size // 2**20} MB, "
                  f"its WAL {size} MB", flush=True)
            if fresh:
                measure(db, args.runs, f"WAL {size} MB not checkpointed")
            db.close()  # the last connection closed: SQLite checkpoints the log into the file
            db = Database.open(file, key=bytes.fromhex(key_file.read_text().strip()))
            measure(db, args.runs, "checkpointed")
        finally:
            db.close()


if __name__ == "__main__":
    main()
