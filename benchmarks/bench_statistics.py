"""The team's statistics (issue 15): ``team_statistics`` over 20,000 cases with two school years of weekly
attendance, budget ≤ 300 ms, printed beside anchors measured in the same run.

    .venv/bin/python benchmarks/bench_statistics.py [--cases 20000] [--runs 7] [--no-postgres]

Builds an encrypted SQLCipher team file (as the app makes it: ``signin.create_first_administrator``) with the
demo generator's fictional cases (``demo.generate.populate``: real stage histories, plans, goals rated at
uppföljningar, insatser from the catalogue, referrals, boosterträffar), six workers responsible for them, and
for every student one WEEK record per school week of the two school years up to "today" (bulk-inserted with
the driver's executemany; PostgreSQL with COPY). Then, as the team lead (every case counted), ``team_statistics``
for the current school year with no breakdown and with each breakdown, timed over several runs (p50 and max),
split into its parts: ``case_facts`` (the grouped queries, absence windows included) and the rest (compute,
names, the log entry). Anchors from the same run and file: a bare ``SELECT count(*) FROM attendance`` and the
case list's ``case_rows``. The same on PostgreSQL (SST_DESK_BENCH_PG_URL, else SST_DESK_TEST_PG_URL, else a
throwaway server from scripts/test-postgres.sh) unless ``--no-postgres``.
Not a test: it prints figures (docs/performance.md, "Statistics (issue 15)").
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import os
import random
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

TODAY = dt.date(2026, 5, 20)  # late in läsår 2025/26: two school years of attendance behind it
YEAR = (dt.date(2025, 7, 1), dt.date(2026, 6, 30))
PASSWORD = "Rimfrost-Kompass-47-Statistik"
WORKERS = 6


def timed(action: Callable[[], object], runs: int) -> list[float]:
    action()  # warm: the first call imports and fills caches
    values = []
    for _ in range(runs):
        began = time.perf_counter()
        action()
        values.append(time.perf_counter() - began)
    return values


def timed_after(change: Callable[[int], object], action: Callable[[], object], runs: int) -> list[float]:
    """``action`` timed right after each ``change(n)`` (the change itself not timed)."""
    action()
    values = []
    for n in range(runs):
        change(n)
        began = time.perf_counter()
        action()
        values.append(time.perf_counter() - began)
    return values


def line(name: str, values: list[float], budget: str = "") -> str:
    ordered = sorted(values)
    return (f"  {name:<46} p50 {statistics.median(ordered) * 1000:7.1f} ms   max {ordered[-1] * 1000:7.1f} ms"
            f"  {budget}")


def school_weeks(first: dt.date, last: dt.date) -> list[dt.date]:
    """The Mondays of the weeks with school between ``first`` and ``last`` (no summer, Christmas or sports break)."""
    monday = first - dt.timedelta(days=first.weekday())
    weeks = []
    while monday <= last:
        week = monday.isocalendar().week
        if not (25 <= week <= 33 or week in (52, 1, 8)):
            weeks.append(monday)
        monday += dt.timedelta(weeks=1)
    return weeks


def fill(db, cases: int, seed: int = 15) -> tuple[int, int]:
    """The team: demo cases, their workers, two school years of weekly attendance; (cases, attendance rows)."""
    from sst_desk.demo.generate import populate
    from sst_desk.persistence.mapping import attendance, attendance_imports, case_members, cases as cases_table
    from sst_desk.persistence.accesslog import utc_now

    began = time.perf_counter()
    ids = populate(db, students=cases, seed=seed, today=TODAY, members=[])
    print(f"  {len(ids)} demo cases stored in {time.perf_counter() - began:.0f} s", flush=True)
    rng = random.Random(seed)
    weeks = school_weeks(dt.date(2024, 7, 1), TODAY)
    with db.uow() as uow:
        session = uow.session
        workers = [row[0] for row in session.execute(sa.text("SELECT id FROM users WHERE role != 'administrator' "
                                                             "ORDER BY id"))]
        links = []
        for n, case_id in enumerate(ids):
            links.append({"case_id": case_id, "user_id": workers[n % len(workers)]})
            if n % 7 == 0:  # some cases have two workers
                links.append({"case_id": case_id, "user_id": workers[(n + 1) % len(workers)]})
        session.execute(sa.insert(case_members), links)
        import_id = session.execute(attendance_imports.insert().values(
            at=utc_now(), by="bench", file_name="bench", file_sha256="0" * 64, mapping_name="bench", rows=0,
            students=len(ids))).inserted_primary_key[0]
        students = [sid for (sid,) in session.execute(sa.select(cases_table.c.student_id).distinct())]
        rows = []
        for sid in students:
            level = rng.uniform(0.02, 0.5)
            for monday in weeks:
                absent = round(min(1.0, max(0.0, rng.gauss(level, 0.1))) * 1500.0, 1)
                rows.append((sid, monday, "week", "minutes", 1500.0, absent, None, None, import_id))
        began = time.perf_counter()
        connection = session.connection()
        cursor = connection.connection.driver_connection.cursor()
        if connection.dialect.name == "sqlite":
            cursor.executemany("INSERT INTO attendance (student_id, period_start, granularity, unit, scheduled, "
                               "absent, valid, invalid, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                               [(r[0], r[1].isoformat(), *r[2:]) for r in rows])
        else:
            with cursor.copy("COPY attendance (student_id, period_start, granularity, unit, scheduled, absent, "
                             "valid, invalid, import_id) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        uow.commit()
    del attendance
    print(f"  {len(rows)} attendance rows for {len(students)} students stored in "
          f"{time.perf_counter() - began:.0f} s", flush=True)
    if db.engine.dialect.name == "postgresql":
        with db.engine.begin() as connection:
            connection.exec_driver_sql("ANALYZE")
    return len(ids), len(rows)


def measure(db, lead, runs: int, label: str) -> None:
    from sst_desk.persistence import statistics as store
    from sst_desk.services import Door
    from sst_desk.workflow.stats_model import Dimension

    door = Door(db.uow, lead)
    scope = (lead.user_id, True)

    def count_attendance() -> None:
        with db.uow() as uow:
            uow.session.execute(sa.text("SELECT count(*) FROM attendance")).scalar_one()

    def read_facts() -> None:
        with db.uow() as uow:
            store.read_case_facts(uow.session, visible_to=scope, today=TODAY, absence_for=YEAR)

    def fingerprint() -> None:
        with db.uow() as uow:
            store.fingerprint(uow.session)

    def cold() -> None:
        store._kept.clear()  # as after an import, a save or on a new day
        door.statistics.team_statistics(*YEAR, None, today=TODAY)

    with db.uow() as uow:
        facts = store.read_case_facts(uow.session, visible_to=scope, today=TODAY, absence_for=YEAR)
    from sst_desk.workflow.statistics import compute
    from sst_desk.workflow.stats_model import StatsRequest

    print(f"{label} ({len(facts)} cases in scope):")
    print(line("anchor: SELECT count(*) FROM attendance", timed(count_attendance, runs)))
    print(line("anchor: the case list (case_rows)", timed(lambda: door.cases.case_rows(TODAY), runs)))
    print(line("the facts' fingerprint (one query)", timed(fingerprint, runs)))
    print(line("case_facts read from the database", timed(read_facts, max(2, runs // 2))), flush=True)
    print(line("compute (stats-core), by nothing", timed(lambda: compute(facts, StatsRequest(*YEAR, TODAY)), runs)))
    print(line("team_statistics, cold (facts read)", timed(cold, max(2, runs // 2)), "(budget 300 ms)"), flush=True)
    for by in (None, *Dimension):
        name = f"team_statistics, läsår 2025/26, by {by.value if by else 'nothing'}"
        values = timed(lambda by=by: door.statistics.team_statistics(*YEAR, by, today=TODAY), runs)
        print(line(name, values, "(budget 300 ms)"), flush=True)
    view = lambda: door.statistics.team_statistics(*YEAR, None, today=TODAY)  # noqa: E731
    saved = [f.case_id for f in facts if f.enrolled_on is not None][:runs + 1]
    print(line("team_statistics after one case saved", timed_after(lambda n: save_one(door, saved[n], n), view,
                                                                    runs), "(budget 300 ms)"), flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-statistics-import-") as folder:
        students = _people_of(db, [f.student_id for f in facts if f.enrolled_on is not None], runs + 1)
        values = timed_after(lambda n: import_one(door, Path(folder), students[n], n), view, runs)
        print(line("team_statistics after an import of one student", values, "(budget 300 ms)"), flush=True)


def save_one(door, case_id: int, n: int) -> None:
    """The team lead's save of one case (a new revision), through the use case as the window does it."""
    case = door.cases.load_case(case_id)
    case.school_contact = f"Mentor {n}"
    door.cases.save_case(case)


def _people_of(db, student_ids: list[int], wanted: int) -> list[tuple[str, str]]:
    """(personnummer, name) of ``wanted`` of those students whose personnummer is theirs alone (the import
    matches on it; the demo gives most students one)."""
    from sst_desk.persistence.mapping import students

    s = students.c
    with db.uow() as uow:
        alone = sa.select(s.personal_id).group_by(s.personal_id).having(sa.func.count() == 1)
        found = {sid: (pnr, f"{first} {last}") for sid, pnr, first, last in uow.session.execute(
            sa.select(s.id, s.personal_id, s.first_name, s.last_name)
            .where(s.id.in_(student_ids), s.personal_id.in_(alone)))}
    return [found[sid] for sid in student_ids if sid in found][:wanted]


def import_one(door, folder: Path, person: tuple[str, str], n: int) -> None:
    """An attendance export of one student's last four weeks, imported by the team lead as the dialog does."""
    from sst_desk.importers.samples import write_csv_export

    seed = time.time_ns() % 1_000_000 + n  # other figures than any earlier run on a kept file (else nothing stored)
    export = write_csv_export(folder / f"one-{n}.csv", [person], TODAY - dt.timedelta(days=27), TODAY, seed=seed)
    assert door.attendance.import_attendance(export.path, export.spec).stored > 0


def team_file(folder: Path, cases: int):
    from sst_desk.persistence import accounts
    from sst_desk.security import keyfile, passwords, signin
    from sst_desk.workflow.access import Role

    passwords.use_cheap_parameters_for_tests()  # the password hash is not what is measured here
    keyfile.use_cheap_parameters_for_tests()
    db = signin.create_first_administrator(folder / "sst-desk.sqlite3", "admin", "Ada Admin", PASSWORD)
    _people(db, accounts, passwords, Role)
    return db


def _people(db, accounts, passwords, Role) -> None:
    accounts.add_user(db, "tove", "Tove Ek", Role.TEAMLEDARE, passwords.hash_password(PASSWORD),
                      must_change_password=False)
    for n in range(WORKERS):
        accounts.add_user(db, f"worker{n}", f"Arbetare {n}", Role.SKOLSOCIONOM if n % 2 else Role.KURATOR,
                          passwords.hash_password(PASSWORD), must_change_password=False)


def lead_of(db):
    from sst_desk.persistence import accounts

    return next(u.actor() for u in accounts.list_users(db) if u.username == "tove")


@contextlib.contextmanager
def postgres_database():
    url = os.environ.get("SST_DESK_BENCH_PG_URL", "")
    if url:
        yield url
        return
    sys.path.insert(0, str(ROOT / "tests"))
    from bench_live import postgres
    from server_harness import fresh_database

    with postgres(), fresh_database() as fresh:
        yield fresh


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--no-file", action="store_true")
    parser.add_argument("--file", type=Path, help="an SQLCipher file this benchmark made before (with --key)")
    parser.add_argument("--key", help="its key, hex")
    parser.add_argument("--keep", type=Path, help="build the file in this folder and keep it (key in key.hex)")
    args = parser.parse_args()
    from sst_desk.persistence import Database
    from sst_desk.security import passwords

    print(f"Statistics over {args.cases} cases, two school years of weekly attendance (today = {TODAY})")
    if args.file is not None:
        db = Database.open(args.file, key=bytes.fromhex(args.key))
        try:
            measure(db, lead_of(db), args.runs, "SQLCipher file")
        finally:
            db.close()
    elif args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        db = team_file(args.keep, args.cases)
        try:
            fill(db, args.cases)
            (args.keep / "key.hex").write_text(db.key.hex())
            measure(db, lead_of(db), args.runs, "SQLCipher file")
        finally:
            db.close()
    elif not args.no_file:
        with tempfile.TemporaryDirectory(prefix="bench-statistics-") as folder:
            db = team_file(Path(folder), args.cases)
            try:
                fill(db, args.cases)
                measure(db, lead_of(db), args.runs, "SQLCipher file")
            finally:
                db.close()
    if args.no_postgres:
        return
    from sst_desk.persistence import accounts
    from sst_desk.workflow.access import Role

    with postgres_database() as url:
        db = Database.open(url)
        try:
            accounts.add_user(db, "admin", "Ada Admin", Role.ADMINISTRATOR, passwords.hash_password(PASSWORD),
                              must_change_password=False)
            _people(db, accounts, passwords, Role)
            fill(db, args.cases)
            measure(db, lead_of(db), args.runs, "PostgreSQL")
        finally:
            db.close()


if __name__ == "__main__":
    main()
