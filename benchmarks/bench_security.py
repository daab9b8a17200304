"""The security figures: sign-in and first run with the REAL Argon2id parameters, and what encryption costs
on a database with 5,000 cases (opening it, a case, a save, the case list, a backup, the integrity check).

    .venv/bin/python benchmarks/bench_security.py [--db FILE] [--cases 5000] [--rounds 5]

Without ``--db`` a plain demo database is made first (about 20 s); ``--db`` takes a plain one (copied, never
changed). An encrypted copy is made with ``cipher.encrypt_copy``, a team lead account and a key file are
added to both, and every figure is measured on the plain and the encrypted copy alike. Not a test: it
prints medians (the first, cold run of each is left in: a person signs in once, cold).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PASSWORD = "ett långt teamlösenord 7"
LEAD = "lead"


def median_s(action: Callable[[], object], rounds: int, before: Callable[[], object] | None = None) -> float:
    times = []
    for _ in range(rounds):
        if before is not None:
            before()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def prepare(folder: Path, source: Path | None, cases: int) -> tuple[Path, Path, bytes]:
    """A plain database with the demo cases and its encrypted copy; both with the team lead, the copy keyed."""
    from sst_desk.demo.generate import populate
    from sst_desk.persistence import Database, accounts, cipher
    from sst_desk.security import keyfile, passwords
    from sst_desk.workflow.access import Role

    plain, encrypted = folder / "plain.sqlite3", folder / "encrypted.sqlite3"
    if source is not None:
        shutil.copyfile(source, plain)
    else:
        with Database.open(plain) as db:
            populate(db, students=cases, seed=1)
    with Database.open(plain) as db:  # the same account in both, added before the copy
        accounts.add_user(db, LEAD, "Team Lead", Role.TEAMLEDARE, passwords.hash_password(PASSWORD), actor=None)
    key = keyfile.new_database_key()
    cipher.encrypt_copy(plain, encrypted, key)
    keys = keyfile.KeyFile.new(keyfile.key_file_for(encrypted))
    keys.set_slot(LEAD, PASSWORD, key)
    keys.save()
    return plain, encrypted, key


def sign_in_figures(encrypted: Path, rounds: int, folder: Path) -> dict[str, float]:
    from sst_desk.persistence import Database
    from sst_desk.security import signin

    key = signin.unlock(encrypted, LEAD, PASSWORD)
    db = Database.open(encrypted, key=key)
    n = iter(range(10_000))

    def first_run() -> None:
        signin.create_first_administrator(folder / f"new-{next(n)}" / "sst-desk.sqlite3", "admin", "Admin",
                                          PASSWORD).close()

    def to_case_list() -> None:
        """What the app does on signing in (ui/startup): unlock, integrity check, open, authenticate, list."""
        from sst_desk.persistence import backups

        backups.check_integrity(encrypted, signin.unlock(encrypted, LEAD, PASSWORD))
        from sst_desk.services import Door

        with signin.sign_in(encrypted, LEAD, PASSWORD) as opened:
            Door(opened.uow, opened.actor).cases.case_rows(dt.date.today())

    figures = {
        "sign-in (unlock + open + authenticate)": median_s(lambda: signin.sign_in(encrypted, LEAD, PASSWORD).close(),
                                                           rounds),
        "  of which unlock (Argon2id, key slot)": median_s(lambda: signin.unlock(encrypted, LEAD, PASSWORD), rounds),
        "  of which authenticate (Argon2id, hash)": median_s(lambda: signin.authenticate(db, LEAD, PASSWORD),
                                                             rounds),
        "sign-in to the case list (+ integrity check, list)": median_s(to_case_list, rounds),
        "first run (new key, key file, database, admin)": median_s(first_run, rounds),
    }
    db.close()
    return figures


def encrypt_existing_figure(plain: Path, folder: Path, rounds: int) -> float:
    """The first run on a plain database left by an earlier version: encrypted in place."""
    from sst_desk.security import signin

    n = iter(range(10_000))
    targets: list[Path] = []

    def copy() -> None:
        target = folder / f"upgrade-{next(n)}" / "sst-desk.sqlite3"
        target.parent.mkdir()
        shutil.copyfile(plain, target)
        targets.append(target)

    return median_s(lambda: signin.create_first_administrator(targets[-1], "admin", "Admin", PASSWORD).close(),
                    rounds, before=copy)


def storage_figures(file: Path, key: bytes | None, rounds: int) -> dict[str, float]:
    """Open, load a case, save a case, the case list, a checked backup, the integrity check: as the team lead."""
    from sst_desk.persistence import Database, accounts, backups
    from sst_desk.services import Door

    def open_close() -> None:
        Database.open(file, key=key).close()

    db = Database.open(file, key=key)
    db.actor = accounts.find_user(db, LEAD).actor()
    rows = [r for r in Door(db.uow, None).cases.case_rows(dt.date.today()) if not r.protected_identity]
    rng = random.Random(5)
    picks = iter(rng.sample([r.case_id for r in rows], min(len(rows), 200)))
    loaded = []

    def load() -> None:
        loaded.append(Door(db.uow, None).cases.load_case(next(picks)))

    def edit() -> None:
        case = Door(db.uow, None).cases.load_case(next(picks))
        case.reason = (case.reason or "") + " (ändrad)"
        loaded.append(case)

    figures = {
        "cases": float(len(rows)),
        "open database": median_s(open_close, rounds),
        "case list (case_rows)": median_s(lambda: Door(db.uow, None).cases.case_rows(dt.date.today()), rounds),
        "open a case (load_case)": median_s(load, rounds * 4),
        "save a case (save_case)": median_s(lambda: Door(db.uow, None).cases.save_case(loaded.pop()), rounds * 4, before=edit),
        "backup (take_backup, checked)": median_s(lambda: backups.take_backup(db, backups.MANUAL), rounds),
    }
    db.close()
    figures["integrity check on start"] = median_s(lambda: backups.check_integrity(file, key), rounds)
    figures["size (MB)"] = file.stat().st_size / 1e6
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=None, help="a plain SST Desk database with demo cases")
    parser.add_argument("--cases", type=int, default=5000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    from sst_desk.security import keyfile, passwords

    print(f"Argon2id: password hash t={passwords.TIME_COST} m={passwords.MEMORY_KIB} KiB p={passwords.PARALLELISM}; "
          f"key slot t={keyfile.DEFAULT_KDF.time_cost} m={keyfile.DEFAULT_KDF.memory_kib} KiB")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        start = time.perf_counter()
        plain, encrypted, key = prepare(folder, args.db, args.cases)
        print(f"prepared in {time.perf_counter() - start:.0f} s; medians of {args.rounds} "
              f"(case open/save: of {args.rounds * 4})\n")
        for name, value in sign_in_figures(encrypted, args.rounds, folder).items():
            print(f"  {name:<52} {value:7.3f} s")
        upgrade = encrypt_existing_figure(plain, folder, max(1, args.rounds // 2))
        print(f"  {'first run on a plain database (encrypted in place)':<52} {upgrade:7.3f} s\n")
        storage_figures(encrypted, key, 1)  # warm up (imports, mappers, SQLAlchemy's caches) for both alike
        storage_figures(plain, None, 1)
        enc_f = storage_figures(encrypted, key, args.rounds)
        plain_f = storage_figures(plain, None, args.rounds)
        print(f"  {'':<34} {'plain':>9} {'encrypted':>10} {'ratio':>6}")
        for name in plain_f:
            p, e = plain_f[name], enc_f[name]
            unit = "" if name in ("cases", "size (MB)") else " s"
            fmt = ".0f" if name == "cases" else ".3f"
            ratio = f"{e / p:5.2f}x" if p and unit else ""
            print(f"  {name:<34} {p:>7{fmt}}{unit:<2} {e:>8{fmt}}{unit:<2} {ratio:>6}")


if __name__ == "__main__":
    main()
