"""The ``sst-desk`` command: the GUI by default, and a few subcommands that need no window.

Subcommands never import Qt widgets: the GUI module is imported only when the
GUI is started. Every failure a person can cause ends as one English sentence
on stderr and exit status 1 (2 for a malformed command line, from argparse);
anything unexpected is logged without case content (see ``cli_errors``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__, paths
from . import cli_attendance, cli_auth, cli_backups, cli_print, cli_security
from .cli_errors import CommandError, guarded
from .cli_format import FORMATS, format_rows

if TYPE_CHECKING:
    from .persistence import Database

PROG = "sst-desk"
DEFAULT_STUDENTS = 40


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1 (got {value})")
    return value


def _int(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None


def _add_db(parser: argparse.ArgumentParser, default_text: str) -> None:
    # SUPPRESS: leave a --db (or --user) given before the subcommand in place when none is given after it.
    parser.add_argument("--db", metavar="PATH_OR_URL", default=argparse.SUPPRESS,
                        help=f"database file or URL (default: {default_text})")
    cli_auth.add_user_argument(parser, suppress=True)


def build_parser() -> argparse.ArgumentParser:
    default_db = str(paths.default_database_path())
    demo_db = str(paths.data_dir() / "demo.sqlite3")
    parser = argparse.ArgumentParser(
        prog=PROG,
        description="SST Desk: case management for skolsociala team. Without a command, opens the window.",
        epilog=f"Without --db, commands use the default database {default_db} (the demo command: {demo_db}). "
               "Run 'sst-desk COMMAND --help' for a command's options.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--db", metavar="PATH_OR_URL", default=None,
                       help=f"database file or URL to open (default: {default_db})")
    where.add_argument("--demo", action="store_true",
                       help="open a demo database with fictional cases (created on first use)")
    parser.add_argument("--lang", choices=("sv", "en"), default=None,
                        help="language of the window (default: the saved setting, else Swedish)")
    cli_auth.add_user_argument(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")

    demo = commands.add_parser("demo", help="fill a database with fictional cases in every stage",
                               description="Create fictional students and take them through the process "
                                           "to every stage. All names and personnummer are made up.")
    _add_db(demo, demo_db)
    demo.add_argument("--students", type=_positive_int, default=DEFAULT_STUDENTS, metavar="N",
                      help=f"how many cases to create (default: {DEFAULT_STUDENTS})")
    demo.add_argument("--seed", type=_int, default=1, metavar="S",
                      help="random seed; the same seed gives the same cases (default: 1)")

    cases = commands.add_parser("cases", help="list the cases", description="List the cases in a database.")
    _add_db(cases, default_db)
    cases.add_argument("--format", choices=FORMATS, default="table",
                       help="table (for reading), csv or json (default: table)")

    cli_print.add_commands(commands, _add_db, default_db, _positive_int)
    cli_backups.add_commands(commands, _add_db, default_db)
    cli_security.add_commands(commands, _add_db, default_db)
    cli_attendance.add_commands(commands, _add_db, default_db)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help, --version and usage errors (status 2)
        return int(exit_.code or 0)
    handler = {None: _run_gui, "demo": _demo, "cases": _cases, "print": lambda a: cli_print.print_command(a, _open_for),
               "backup": lambda a: cli_backups.backup(a, lambda t, must_exist: _open(t, must_exist=must_exist, args=a)), "backups": cli_backups.list_backups,
               "restore": lambda a: cli_backups.restore(a, _check_location, _restore_key),
               "log": lambda a: cli_security.log_command(a, _open_for),
               "gallring": lambda a: cli_security.gallring_command(a, _open_for, cli_backups.confirm),
               "registerutdrag": lambda a: cli_security.registerutdrag_command(a, _open_for),
               "import-attendance": lambda a: cli_attendance.import_command(a, _open_for),
               "attendance-mappings": lambda a: cli_attendance.mappings_command(a, _open_for)}[args.command]
    return guarded(lambda: handler(args))


def _run_gui(args: argparse.Namespace) -> int:
    # Qt is imported only here. The window reports database problems itself; what
    # reaches guarded() is a start-up failure such as Qt's system libraries missing.
    from .app import run_gui

    return run_gui(args.db, demo=args.demo, language=args.lang, user=getattr(args, "user", None))


# --- subcommands ---------------------------------------------------------------


def _location(target: str | None) -> str:
    """The database as shown to the person: an absolute path, or the URL without its password."""
    if target is None:
        return str(paths.default_database_path())
    if "://" not in target:
        return str(Path(target).expanduser().resolve())
    from sqlalchemy.engine import make_url

    try:
        return make_url(target).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL: Database.open will say so
        return target


def _open(target: str | None, *, must_exist: bool, args: argparse.Namespace | None = None) -> Database:
    """Open the database signed in as the person ``args`` names; reading commands never create one.

    The password is asked for once: it unlocks the database key, the file's integrity is checked
    with that key, and then the account is checked inside.
    """
    from sqlalchemy.exc import ArgumentError

    from .persistence import Database
    from .security.signin import first_run_needed

    args = args or argparse.Namespace()
    file = None
    if target is None or "://" not in target:
        file = Path(target).expanduser() if target else paths.default_database_path()
        if must_exist and not file.exists():
            hint = "" if target else "; give one with --db"
            raise CommandError(f"There is no database at {_location(target)}{hint}.")
        if file.is_dir():
            raise CommandError(f"{_location(target)} is a folder, not a database file.")
        _check_location(file)
        if first_run_needed(file):
            raise CommandError(f"The database {_location(target)} has no users yet: start SST Desk once to create "
                               "the first administrator (or make a demo database with 'sst-desk demo').")
    username, password = cli_auth.credentials(args)
    key = None
    if file is not None:
        key = cli_auth.unlock_key(file, username, password)
        from .persistence.backups import check_integrity

        check_integrity(file, key)
    try:
        db = Database.open(target, key=key)
    except ArgumentError:  # a URL naming no database SQLAlchemy knows ("nonsense://x")
        raise CommandError(f"{_location(target)} is not a database URL SST Desk can use.") from None
    try:
        cli_auth.authenticate(db, username, password)
    except BaseException:
        db.close()
        raise
    return db


def _open_for(args: argparse.Namespace, *, must_exist: bool) -> Database:
    return _open(getattr(args, "db", None), must_exist=must_exist, args=args)


def _restore_key(file: Path, args: argparse.Namespace) -> bytes | None:
    """The key for a restore: from the key file beside the database (the backups share the key)."""
    from .security.keyfile import key_file_for

    if not key_file_for(file).exists():
        return None  # a plain database from an earlier version
    username, password = cli_auth.credentials(args)
    key = cli_auth.unlock_key(file, username, password)
    _require_restore_right(file, key, username, password)
    return key


def _require_restore_right(file: Path, key: bytes, username: str, password: str) -> None:
    """Restoring replaces everyone's data: administrators only — while the database can be read.

    A database that fails its integrity check cannot say who is an administrator; then whoever holds
    a key slot may restore (as the window's start-up offer does), which is what a damaged file needs.
    """
    from .persistence import Database
    from .persistence.backups import integrity_problems
    from .workflow.access import Action, Resource

    if not file.exists() or integrity_problems(file, key):
        return
    db = Database.open(file, key=key)
    try:
        cli_auth.authenticate(db, username, password)
        with db.uow() as uow:
            uow.require(Resource.BACKUPS, Action.EDIT)
    finally:
        db.close()


def _check_location(file: Path) -> None:
    """Refuse a database file on a network share or in a synced folder."""
    from .persistence.location import check_location

    check_location(file)


def _demo(args: argparse.Namespace) -> int:
    """A new demo database gets the demo users (README); an existing one gets more cases, made by whoever signs in."""
    from .demo import DEMO_DATABASE_NAME, populate
    from .demo_accounts import DEMO_PASSWORD, DEMO_USERS, create_demo_database
    from .security.signin import first_run_needed

    target = getattr(args, "db", None) or str(paths.data_dir() / DEMO_DATABASE_NAME)
    if "://" not in target:
        file = Path(target).expanduser().resolve()
        _check_location(file)
        if first_run_needed(file):
            if file.exists() and file.stat().st_size > 0:
                raise CommandError(f"{file} holds a database without users; the demo needs a new file.")
            file.parent.mkdir(parents=True, exist_ok=True)
            ids = create_demo_database(file, students_count=args.students, seed=args.seed)
            names = ", ".join(f"{user} ({role.value})" for user, _name, role in DEMO_USERS)
            print(f"Created {len(ids)} fictional cases in {file}\n"
                  f"Demo users: {names}; password for all: {DEMO_PASSWORD}")
            return 0
    db = _open(target, must_exist=False, args=args)
    try:
        from .workflow.access import Action, Resource

        with db.uow() as uow:
            uow.require(Resource.CASE, Action.CREATE)
        assert db.actor is not None
        ids = populate(db, students=args.students, seed=args.seed, by=db.actor.label, members=[db.actor.user_id])
        from .demo_attendance import add_attendance

        add_attendance(db, ids, args.seed, dt.date.today())
    finally:
        db.close()
    print(f"Created {len(ids)} fictional cases in {_location(target)}")
    return 0


def _cases(args: argparse.Namespace) -> int:
    db = _open(getattr(args, "db", None), must_exist=True, args=args)
    try:
        rows = db.case_rows(dt.date.today())
    finally:
        db.close()
    sys.stdout.write(format_rows(rows, args.format))
    return 0
