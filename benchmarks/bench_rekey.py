"""What revoking someone costs: switching an account off (re-key of the database and its backups) on a demo
database with 1,000 students, with the REAL Argon2id parameters.

    .venv/bin/python benchmarks/bench_rekey.py [--students 1000] [--backups 3]

Makes a demo database (``create_demo_database``, about a minute for 1,000 students), takes ``--backups``
manual backups, then times ``signin.set_active(..., False)`` (key file, the copy re-keyed and renamed over the
database, every backup re-keyed, key-file copies replaced) and the sign-in that follows. Not a test.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--students", type=int, default=1000)
    parser.add_argument("--backups", type=int, default=3)
    args = parser.parse_args()

    from sst_desk.demo.accounts import DEMO_PASSWORD, create_demo_database
    from sst_desk.persistence import accounts, backups
    from sst_desk.security import signin

    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "demo.sqlite3"
        started = time.perf_counter()
        create_demo_database(file, students_count=args.students)
        print(f"made {args.students} students in {time.perf_counter() - started:.1f} s; "
              f"{file.stat().st_size / 1e6:.1f} MB")
        with signin.sign_in(file, "adam", DEMO_PASSWORD) as admin:
            for _ in range(args.backups):
                backups.take_backup(admin, backups.MANUAL)
                time.sleep(1.1)  # one-second time stamps in the backup names
            karin = accounts.find_user(admin, "karin").id
            started = time.perf_counter()
            signin.set_active(admin, karin, False)
            took = time.perf_counter() - started
        result = signin.last_rekey
        print(f"switch-off with re-key: {took:.2f} s (re-key itself {result.seconds:.2f} s, "
              f"{result.backups_rekeyed} backups re-keyed)")
        started = time.perf_counter()
        signin.sign_in(file, "tove", DEMO_PASSWORD).close()
        print(f"the next sign-in: {time.perf_counter() - started:.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
