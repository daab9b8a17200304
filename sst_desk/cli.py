"""The ``sst-desk`` command: the GUI by default, and a few subcommands that need no window.

Subcommands never import Qt widgets: the GUI module is imported only when the
GUI is started. Every failure a person can cause ends as one sentence on
stderr and exit status 1 (2 for a malformed command line, from argparse);
anything unexpected is logged without case content (see ``cli_errors``).
Every word is translated (``i18n``): ``--lang sv|en``, else the system's
language, Swedish by default. Every file the process creates is readable by
its user only (``fileio.restrict_new_files``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import errno
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from . import __version__, fileio, i18n, paths
from . import cli_attendance, cli_auth, cli_backups, cli_print, cli_security
from .cli_errors import CommandError, guarded
from .cli_format import FORMATS, format_rows, whole_number

if TYPE_CHECKING:
    from .persistence import Database
    from .workflow.access import Actor

PROG = "sst-desk"
DEFAULT_STUDENTS = 40
CONTEXT = "CommandLine"


def _t(text: str) -> str:
    return i18n.translate(CONTEXT, text)


MAX_STUDENTS = 10_000  # a large team's demo in about 40 s (5,000 take ~20 s); a billion ran for ever
MAX_ID = 2**63 - 1  # the largest INTEGER SQLite stores: a bigger id can name no case


def _positive_int(text: str) -> int:
    """A case number or similar id: 1 … 2^63-1."""
    return whole_number(text, 1, MAX_ID)


def _students(text: str) -> int:
    return whole_number(text, 1, MAX_STUDENTS)


def _int(text: str) -> int:
    return whole_number(text, -MAX_ID, MAX_ID)


def _add_db(parser: argparse.ArgumentParser, default_text: str) -> None:
    # SUPPRESS: leave a --db (or --user) given before the subcommand in place when none is given after it.
    parser.add_argument("--db", metavar="PATH_OR_URL", default=argparse.SUPPRESS,
                        help=_t("database file or URL (default: %1)").replace("%1", default_text))
    cli_auth.add_user_argument(parser, suppress=True)


def build_parser() -> argparse.ArgumentParser:
    default_db = str(paths.default_database_path())
    demo_db = str(paths.data_dir() / "demo.sqlite3")
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=_t("SST Desk: case management for skolsociala team. Without a command, opens the window."),
        epilog=_t("Without --db, commands use the default database %1 (the demo command: %2). Run 'sst-desk "
                  "COMMAND --help' for a command's options.").replace("%1", default_db).replace("%2", demo_db),
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--db", metavar="PATH_OR_URL", default=None,
                       help=_t("database file or URL to open (default: %1)").replace("%1", default_db))
    where.add_argument("--demo", action="store_true",
                       help=_t("open a demo database with fictional cases (created on first use)"))
    parser.add_argument("--lang", choices=i18n.LANGUAGES, default=None,
                        help=_t("language of the window and the messages (default: the system's language, "
                                "else Swedish; the window: the saved setting)"))
    cli_auth.add_user_argument(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title=_t("commands"))

    demo = commands.add_parser("demo", help=_t("fill a database with fictional cases in every stage"),
                               description=_t("Create fictional students and take them through the process "
                                              "to every stage. All names and personnummer are made up."))
    _add_db(demo, demo_db)
    demo.add_argument("--students", type=_students, default=DEFAULT_STUDENTS, metavar="N",
                      help=_t("how many cases to create, 1 to %1 (default: %2)")
                      .replace("%1", str(MAX_STUDENTS)).replace("%2", str(DEFAULT_STUDENTS)))
    demo.add_argument("--seed", type=_int, default=1, metavar="S",
                      help=_t("random seed; the same seed gives the same cases (default: 1)"))

    cases = commands.add_parser("cases", help=_t("list the cases"), description=_t("List the cases in a database."))
    _add_db(cases, default_db)
    cases.add_argument("--format", choices=FORMATS, default="table",
                       help=_t("table (for reading), csv or json (default: table)"))

    cli_print.add_commands(commands, _add_db, default_db, _positive_int)
    cli_backups.add_commands(commands, _add_db, default_db)
    cli_security.add_commands(commands, _add_db, default_db)
    cli_attendance.add_commands(commands, _add_db, default_db)
    return parser


def _language_asked(argv: Sequence[str]) -> str | None:
    """``--lang`` read before the parser is built, so its help and errors are in that language too."""
    for n, token in enumerate(argv):
        if token == "--lang" and n + 1 < len(argv):
            return argv[n + 1]
        if token.startswith("--lang="):
            return token.split("=", 1)[1]
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    fileio.restrict_new_files()  # databases, -wal/-shm, backups, PDFs, logs, settings: the user's only
    argv = list(sys.argv[1:] if argv is None else argv)
    i18n.use_language(_language_asked(argv))
    try:
        return _main(argv)
    finally:
        i18n.reset()  # in-process callers (tests, the window started from here) get Qt's translators back


def _main(argv: list[str]) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:  # --help, --version and usage errors (status 2)
        return int(exit_.code or 0)
    handler = {None: _run_gui, "demo": _demo, "cases": _cases, "print": lambda a: cli_print.print_command(a, _open_for),
               "backup": lambda a: cli_backups.backup(a, lambda t, must_exist: _open(t, must_exist=must_exist, args=a)),
               "backups": cli_backups.list_backups,
               "restore": lambda a: cli_backups.restore(a, _check_location, _restore_key, _restore_right(a)),
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

    i18n.reset()  # the window installs Qt's translators for its own language
    return run_gui(args.db, demo=args.demo, language=args.lang, user=getattr(args, "user", None))


# --- subcommands ---------------------------------------------------------------


def _location(target: str | None) -> str:
    """The database as shown to the person: an absolute path, or the URL without its password."""
    if target is None:
        return str(paths.default_database_path())
    if "://" not in target:
        return os.path.abspath(os.path.expanduser(target))  # not resolve(): a link loop must not raise here
    from sqlalchemy.engine import make_url

    try:
        return make_url(target).render_as_string(hide_password=True)
    except Exception:  # an unparsable URL: Database.open will say so
        return target


def _reachable(file: Path, shown: str) -> None:
    """Refuse a database path whose links go round in a loop (``Path.exists`` would just say False)."""
    try:
        os.stat(file)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise CommandError(_t("The database path %1 cannot be reached: its symbolic links go round in a "
                                  "loop. Nothing was changed.").replace("%1", shown)) from None


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
    shown = _location(target)
    if target is None or "://" not in target:
        file = Path(target).expanduser() if target else paths.default_database_path()
        _reachable(file, shown)
        if must_exist and not file.exists():
            if target:
                raise CommandError(_t("There is no database at %1.").replace("%1", shown))
            raise CommandError(_t("There is no database at %1; give one with --db.").replace("%1", shown))
        if file.is_dir():
            raise CommandError(_t("%1 is a folder, not a database file.").replace("%1", shown))
        _check_location(file)
        if first_run_needed(file):
            raise CommandError(_t("The database %1 has no users yet: start SST Desk once to create the first "
                                  "administrator (or make a demo database with 'sst-desk demo').").replace("%1", shown))
        fileio.protect(file)
    username, password = _credentials(args)
    key = None
    if file is not None:
        key = _unlock(file, username, password)
        from .persistence.backups import check_integrity

        check_integrity(file, key)
    try:
        db = Database.open(target, key=key)
    except ArgumentError:  # a URL naming no database SQLAlchemy knows ("nonsense://x")
        raise CommandError(_t("%1 is not a database URL SST Desk can use.").replace("%1", shown)) from None
    except ImportError as exc:  # a URL whose driver is not installed (postgresql:// without psycopg)
        driver = getattr(exc, "name", None) or "psycopg"
        raise CommandError(_t("SST Desk cannot reach %1: the database driver %2 is not installed on this "
                              "computer. Install it (pip install \"psycopg[binary]\") or ask IT; nothing was "
                              "changed.").replace("%1", shown).replace("%2", driver)) from None
    try:
        cli_auth.authenticate(db, username, password)
    except BaseException:
        db.close()
        raise
    return db


def _unlock(file: Path, username: str, password: str) -> bytes:
    """The database key; a key file that cannot be read as one (a damaged slot) is said, not raised."""
    try:
        return cli_auth.unlock_key(file, username, password)
    except CommandError:
        raise
    except Exception as exc:  # noqa: BLE001 - a slot edited by hand: bad numbers (OverflowError), Argon2's
        # HashingError for p=0 …: reading the key file is all that ran, so the key file is what is wrong
        from .cli_errors import write_log

        write_log(exc)
        raise CommandError(_t("The key file %1.keys is damaged; put back the copy from the backups folder. "
                              "Nothing was changed.").replace("%1", str(file))) from None


def _credentials(args: argparse.Namespace) -> tuple[str, str]:
    """Who signs in, asked for once per command (a restore unlocks the key and then signs in)."""
    known = getattr(args, "_credentials", None)
    if known is None:
        known = cli_auth.credentials(args)
        args._credentials = known
    return known


def _open_for(args: argparse.Namespace, *, must_exist: bool) -> Database:
    return _open(getattr(args, "db", None), must_exist=must_exist, args=args)


def _restore_key(file: Path, args: argparse.Namespace) -> bytes | None:
    """The key for a restore: from the key file beside the database (the backups share the key)."""
    from .security.keyfile import key_file_for

    if not key_file_for(file).exists():
        return None  # a plain database from an earlier version
    username, password = _credentials(args)
    return _unlock(file, username, password)


def _restore_right(args: argparse.Namespace):
    """``authorize`` for ``backups.restore_as``: sign in on the database given, and require BACKUPS × EDIT.

    Restoring replaces everyone's data: administrators and team leads only. The check runs on the
    current database when it can be read (a refusal is logged there), else on the restored copy.
    """

    def authorize(db: Database) -> Actor:
        from .workflow.access import Action, Resource

        username, password = _credentials(args)
        cli_auth.authenticate(db, username, password)
        with db.uow() as uow:
            uow.require(Resource.BACKUPS, Action.EDIT)
        assert db.actor is not None
        return db.actor

    return authorize


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
        _reachable(Path(target).expanduser(), _location(target))
        file = Path(target).expanduser().resolve()
        _check_location(file)
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
    print(_t("Created %1 fictional cases in %2").replace("%1", str(len(ids))).replace("%2", _location(target)))
    return 0


def _cases(args: argparse.Namespace) -> int:
    db = _open(getattr(args, "db", None), must_exist=True, args=args)
    try:
        from .services import Door

        rows = Door(db.uow, db.actor).cases.case_rows(dt.date.today())
    finally:
        db.close()
    sys.stdout.write(format_rows(rows, args.format))
    return 0
