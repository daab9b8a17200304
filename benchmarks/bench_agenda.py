""""Kommande"'s read: ``CaseRepository.agenda_facts`` + the rules (``workflow.agenda.due_items``) over N demo cases.

Run: .venv/bin/python benchmarks/bench_agenda.py [--cases 5000] [--rounds 7]
The panel is read again with every reload of the case list, so its anchor is the case list's own read
(``CaseRepository.list_rows``) on the same database in the same run. Measured over every case (``user_id``
None, the upper bound) and for a worker who is a member of every 10th case. Median and minimum after one warm-up.
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT)]

from sst_desk.persistence import Database  # noqa: E402
from sst_desk.workflow.agenda import due_items, window_end  # noqa: E402


def database(cases: int) -> Path:
    from sst_desk.demo.generate import populate

    path = Path(tempfile.gettempdir()) / f"sst-bench-agenda-{cases}.sqlite3"
    if not path.exists():
        started = time.perf_counter()
        db = Database.open(path)
        populate(db, students=cases, seed=7)
        _worker_of_every(db, WORKER_SHARE)
        db.close()
        print(f"(made {path} with {cases} cases in {time.perf_counter() - started:.1f} s)")
    return path


WORKER = "bench.kurator"
WORKER_SHARE = 10  # the worker is a member of every 10th case: 500 of 5,000 (a big caseload for one person)


def _worker_of_every(db: Database, nth: int) -> None:
    import sqlalchemy as sa

    from sst_desk.persistence import accounts
    from sst_desk.persistence.mapping import case_members, cases
    from sst_desk.workflow.access import Role

    user_id = accounts.add_user(db, WORKER, "Bench Kurator", Role.KURATOR, "x", must_change_password=False).id
    with db.engine.begin() as conn:
        ids = conn.execute(sa.select(cases.c.id).order_by(cases.c.id)).scalars().all()
        conn.execute(sa.insert(case_members), [{"case_id": i, "user_id": user_id} for i in ids[::nth]])


def _worker_id(db: Database) -> int:
    import sqlalchemy as sa

    from sst_desk.persistence.mapping import users

    with db.engine.connect() as conn:
        return conn.execute(sa.select(users.c.id).where(users.c.username == WORKER)).scalar_one()


def timed(fn: Callable[[], object], rounds: int) -> tuple[float, float, object]:
    result = fn()  # warm-up
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    db = Database.open(database(args.cases))
    today = dt.date.today()
    try:
        def agenda():
            with db.uow(None) as tx:
                return due_items(tx.cases.agenda_facts(today, window_end(today), None), today)

        def case_list():
            with db.uow(None) as tx:
                return tx.cases.list_rows(today)

        worker = _worker_id(db)

        def own():
            with db.uow(None) as tx:
                return due_items(tx.cases.agenda_facts(today, window_end(today), worker), today)

        list_median, list_min, rows = timed(case_list, args.rounds)
        agenda_median, agenda_min, items = timed(agenda, args.rounds)
        own_median, own_min, own_items = timed(own, args.rounds)
    finally:
        db.close()
    print(f"{args.cases} cases, {len(items)} items due, {args.rounds} rounds")
    print(f"Kommande (agenda_facts + due_items): median {agenda_median:.1f} ms, min {agenda_min:.1f} ms")
    print(f"a worker's own {args.cases // WORKER_SHARE} cases ({len(own_items)} items): median {own_median:.1f} ms, "
          f"min {own_min:.1f} ms")
    print(f"anchor: the case list's read (list_rows, {len(rows)} rows): median {list_median:.1f} ms, "
          f"min {list_min:.1f} ms")
    print(f"ratio: {agenda_median / list_median:.2f}× the case list's read")


if __name__ == "__main__":
    main()
