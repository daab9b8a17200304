"""``sst-desk demo``: a database with fictional cases in every stage (names and personnummer made up)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from sst_desk import i18n, paths
from sst_desk.cli.common import check_location, location, open_database, reachable, refuse_on_server
from sst_desk.cli.errors import CommandError

CONTEXT = "CommandLine"
DEFAULT_STUDENTS = 40
MAX_STUDENTS = 10_000  # a large team's demo in about 40 s (5,000 take ~20 s); a billion ran for ever


def _t(text: str) -> str:
    return i18n.translate(CONTEXT, text)


def add_commands(commands: argparse._SubParsersAction, add_db, demo_db: str, students, seed) -> None:
    demo = commands.add_parser("demo", help=_t("fill a database with fictional cases in every stage"),
                               description=_t("Create fictional students and take them through the process "
                                              "to every stage. All names and personnummer are made up."))
    add_db(demo, demo_db)
    demo.add_argument("--students", type=students, default=DEFAULT_STUDENTS, metavar="N",
                      help=_t("how many cases to create, 1 to %1 (default: %2)")
                      .replace("%1", str(MAX_STUDENTS)).replace("%2", str(DEFAULT_STUDENTS)))
    demo.add_argument("--seed", type=seed, default=1, metavar="S",
                      help=_t("random seed; the same seed gives the same cases (default: 1)"))
    demo.set_defaults(_run=run)


def run(args: argparse.Namespace) -> int:
    """A new demo database gets the demo users (README); an existing one gets more cases, made by whoever signs in."""
    refuse_on_server(args, _t("The demo makes fictional cases in a database file; it does not write into the team "
                              "server (give --db instead); nothing was done."))
    from sst_desk.demo.generate import DEMO_DATABASE_NAME, add_demo_cases
    from sst_desk.demo.accounts import DEMO_PASSWORD, DEMO_USERS, create_demo_database
    from sst_desk.security.signin import first_run_needed

    target = getattr(args, "db", None) or str(paths.data_dir() / DEMO_DATABASE_NAME)
    if "://" not in target:
        reachable(Path(target).expanduser(), location(target))
        file = Path(target).expanduser().resolve()
        check_location(file)
        if first_run_needed(file):
            if file.exists() and file.stat().st_size > 0:
                raise CommandError(_t("%1 holds a database without users; the demo needs a new file.")
                                   .replace("%1", str(file)))
            file.parent.mkdir(parents=True, exist_ok=True)
            ids = create_demo_database(file, students_count=args.students, seed=args.seed)
            names = ", ".join(f"{user} ({role.value})" for user, _name, role in DEMO_USERS)
            print(_t("Created %1 fictional cases in %2").replace("%1", str(len(ids))).replace("%2", str(file)))
            print(_t("Demo users: %1; password for all: %2").replace("%1", names).replace("%2", DEMO_PASSWORD))
            return 0
    db = open_database(target, must_exist=False, args=args)
    try:
        ids = add_demo_cases(db, students=args.students, seed=args.seed, today=dt.date.today())
    finally:
        db.close()
    print(_t("Created %1 fictional cases in %2").replace("%1", str(len(ids))).replace("%2", location(target)))
    return 0
