"""The access log's head-row lock on PostgreSQL (issue 13): one save of case A held open for 3 s while other
connections view and save cases B, C, …; their latency with nothing held (the anchor, measured in the same
run) beside their latency while A's save is held.

    .venv/bin/python benchmarks/bench_log_lock.py [--pg-url URL] [--hold 3] [--clients 4] [--code DIR]

``--pg-url`` (default ``SST_DESK_TEST_PG_URL``) must be a SCRATCH database: every SST Desk table in it is
dropped and made again. ``--code DIR`` imports SST Desk from another checkout (main, to measure "before").

Modes, each in the same run:
- ``idle``: nobody holds anything (the anchor);
- ``held, log appended at once``: every logged action appends its entry as it goes and so locks the
  ``log_head`` row until its transaction ends — main's way (emulated here by flushing at each ``log``;
  with ``--code`` pointing at main the code itself does it, shown as ``held, as the code does it``);
- ``held, log appended at commit``: this branch's way, the lock taken just before the COMMIT.

The held save waits inside its transaction just before its COMMIT, after its entries were recorded. Not
a test: it prints the median, p95 and max latency of the others' views and saves.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

HOLDER = "held-save"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pg-url", default=os.environ.get("SST_DESK_TEST_PG_URL", ""))
    parser.add_argument("--hold", type=float, default=3.0, help="seconds the save of case A is held open")
    parser.add_argument("--clients", type=int, default=4, help="other connections, each on its own case")
    parser.add_argument("--code", type=Path, default=ROOT, help="the SST Desk checkout to import")
    args = parser.parse_args(argv)
    if not args.pg_url:
        parser.error("give --pg-url (or set SST_DESK_TEST_PG_URL) to a scratch PostgreSQL database")
    sys.path.insert(0, str(args.code.resolve()))
    import sst_desk

    print(f"SST Desk from {Path(sst_desk.__file__).parent.parent}; {args.clients} other connections, "
          f"save of case A held {args.hold:.1f} s")
    db, lead, case_ids = prepare(args.pg_url, args.clients + 1)
    try:
        from sst_desk.persistence.uow import UnitOfWork

        modes = [("idle", None)]
        if hasattr(UnitOfWork, "flush_log"):
            modes += [("held, log appended at once (main's way)", "eager"),
                      ("held, log appended at commit (this branch)", "deferred")]
        else:
            modes += [("held, as the code does it", "as-is")]
        run(db, lead, case_ids, 1.0, None)  # warm-up (connections, caches), not reported
        for name, mode in modes:
            views, saves = run(db, lead, case_ids, args.hold, mode)
            report(name, views, saves)
    finally:
        db.close()
    return 0


def prepare(url: str, cases: int):
    """A fresh schema with a team lead and ``cases`` cases."""
    from sst_desk.persistence import Database, accounts
    from sst_desk.persistence.engine import make_engine
    from sst_desk.persistence.mapping import metadata
    from sst_desk.services import Door
    from sst_desk.workflow.access import Role
    from sst_desk.workflow.codes import Level, RaisedBy
    from sst_desk.workflow.entities import Case, Student

    engine = make_engine(url)
    with engine.begin() as conn:
        metadata.drop_all(conn)
        conn.exec_driver_sql("DROP TABLE IF EXISTS alembic_version")
    engine.dispose()
    db = Database.open(url)
    worker = accounts.add_user(db, "sara", "Sara Socionom", Role.SKOLSOCIONOM, "not-a-real-hash",
                               must_change_password=False).actor()
    door = Door(db.uow, worker)
    ids = []
    for n in range(cases):
        student = Student(first_name=f"Elev{n}", last_name="Testsson", school="Ekbackeskolan", grade=7)
        ids.append(door.cases.add_case(Case(student=student, raised_on=dt.date(2026, 11, 2), level=Level.NIVA_2,
                                            raised_by=RaisedBy.ELEVHALSA)).id)
    return db, worker, ids


def run(db, actor, case_ids: list[int], hold: float, mode: str | None) -> tuple[list[float], list[float]]:
    """The others' view and save latencies (seconds) while case A's save is held (or nothing, ``mode`` None)."""
    from sst_desk.persistence.uow import UnitOfWork
    from sst_desk.services import Door

    real_commit, real_log = UnitOfWork.commit, UnitOfWork.log
    held, stop = threading.Event(), threading.Event()

    def commit(self) -> None:
        if threading.current_thread().name == HOLDER:
            held.set()
            time.sleep(hold)
        real_commit(self)

    def eager_log(self, *a, **kw) -> None:
        real_log(self, *a, **kw)
        self.flush_log()

    UnitOfWork.commit = commit
    if mode == "eager":
        UnitOfWork.log = eager_log
    views: list[float] = []
    saves: list[float] = []
    lock = threading.Lock()
    door = Door(db.uow, actor)

    def save(case_id: int, reason: str) -> None:
        case = door.cases.load_case(case_id)
        case.reason = reason
        door.cases.save_case(case)

    def client(case_id: int) -> None:
        n = 0
        while not stop.is_set():
            start = time.perf_counter()
            door.cases.load_case(case_id)
            viewed = time.perf_counter()
            save(case_id, f"Oro {n}")
            saved = time.perf_counter()
            with lock:
                views.append(viewed - start)
                saves.append(saved - viewed)  # the save includes its own load, as in the window
            n += 1

    try:
        holder = None
        if mode is not None:
            holder = threading.Thread(target=save, args=(case_ids[0], f"Hållen {mode}"), name=HOLDER)
            holder.start()
            if not held.wait(30):
                raise RuntimeError("the held save never reached its commit")
        clients = [threading.Thread(target=client, args=(case_id,)) for case_id in case_ids[1:]]
        for thread in clients:
            thread.start()
        if holder is not None:
            holder.join()
        else:
            time.sleep(hold)
        stop.set()
        for thread in clients:
            thread.join()
    finally:
        UnitOfWork.commit, UnitOfWork.log = real_commit, real_log
    return views, saves


def report(name: str, views: list[float], saves: list[float]) -> None:
    def figures(values: list[float]) -> str:
        if not values:
            return "none finished"
        ordered = sorted(values)
        p95 = ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]
        return (f"n={len(values):4d}  median {statistics.median(values) * 1000:7.1f} ms  "
                f"p95 {p95 * 1000:7.1f} ms  max {ordered[-1] * 1000:7.1f} ms")

    print(f"{name}:")
    print(f"  view  {figures(views)}")
    print(f"  save  {figures(saves)}")


if __name__ == "__main__":
    raise SystemExit(main())
