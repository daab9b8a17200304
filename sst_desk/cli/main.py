"""The ``sst-desk`` command: the GUI by default, and a few subcommands that need no window.

Subcommands never import Qt widgets: the GUI module is imported only when the
GUI is started. Every failure a person can cause ends as one sentence on
stderr and exit status 1 (2 for a malformed command line, from argparse);
anything unexpected is logged without case content (see ``cli.errors``).
Every word is translated (``i18n``): ``--lang sv|en``, else the system's
language, Swedish by default. Every file the process creates is readable by
its user only (``fileio.restrict_new_files``).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from sst_desk import __version__, fileio, i18n, paths
from sst_desk.cli import agenda as cli_agenda
from sst_desk.cli import attendance as cli_attendance
from sst_desk.cli import auth as cli_auth
from sst_desk.cli import backups as cli_backups
from sst_desk.cli import cases as cli_cases
from sst_desk.cli import demo as cli_demo
from sst_desk.cli import printing as cli_print
from sst_desk.cli import password as cli_password
from sst_desk.cli import security as cli_security
from sst_desk.cli import serve as cli_serve
from sst_desk.cli import statistics as cli_statistics
from sst_desk.cli.errors import guarded
from sst_desk.cli.format import whole_number

if TYPE_CHECKING:
    pass

PROG = "sst-desk"
CONTEXT = "CommandLine"


def _t(text: str) -> str:
    return i18n.translate(CONTEXT, text)


MAX_ID = 2**63 - 1  # the largest INTEGER SQLite stores: a bigger id can name no case


def _positive_int(text: str) -> int:
    """A case number or similar id: 1 … 2^63-1."""
    return whole_number(text, 1, MAX_ID)


def _students(text: str) -> int:
    return whole_number(text, 1, cli_demo.MAX_STUDENTS)


def _int(text: str) -> int:
    return whole_number(text, -MAX_ID, MAX_ID)


def _add_db(parser: argparse.ArgumentParser, default_text: str) -> None:
    # SUPPRESS: leave a --db (or --user, --server) given before the subcommand in place when none is given after it.
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--db", metavar="PATH_OR_URL", default=argparse.SUPPRESS,
                       help=_t("database file or URL (default: %1)").replace("%1", default_text))
    where.add_argument("--server", metavar="URL", default=argparse.SUPPRESS,
                       help=_t("work on the team server at this https:// address instead of a database"))
    _add_ca_file(parser, suppress=True)
    cli_auth.add_user_argument(parser, suppress=True)


def _add_ca_file(parser: argparse.ArgumentParser, *, suppress: bool = False) -> None:
    parser.add_argument("--ca-file", metavar="FILE", default=argparse.SUPPRESS if suppress else None,
                        help=_t("the certificate authority (PEM) the team server's certificate is checked against "
                                "(default: $%1, else the system's)").replace("%1", "SST_DESK_CA_FILE"))


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
    where.add_argument("--server", metavar="URL", default=None,
                       help=_t("work on the team server at this https:// address (sst-desk serve) instead of a "
                               "database"))
    _add_ca_file(parser)
    parser.add_argument("--lang", choices=i18n.LANGUAGES, default=None,
                        help=_t("language of the window and the messages (default: the system's language, "
                                "else Swedish; the window: the saved setting)"))
    cli_auth.add_user_argument(parser)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", title=_t("commands"))

    cli_demo.add_commands(commands, _add_db, demo_db, _students, _int)
    cli_cases.add_commands(commands, _add_db, default_db)
    cli_agenda.add_commands(commands, _add_db, default_db)
    cli_print.add_commands(commands, _add_db, default_db, _positive_int)
    cli_backups.add_commands(commands, _add_db, default_db)
    cli_security.add_commands(commands, _add_db, default_db)
    cli_attendance.add_commands(commands, _add_db, default_db)
    cli_password.add_commands(commands, _add_db, default_db)
    cli_statistics.add_commands(commands, _add_db, default_db)
    cli_serve.add_commands(commands)
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
    # Each command module names the function that runs its command (set_defaults(_run=…); "_run", not
    # "run": gallring has a --run option).
    run = getattr(args, "_run", None) or _run_gui
    return guarded(lambda: run(args))


def _run_gui(args: argparse.Namespace) -> int:
    # Qt is imported only here. The window reports database problems itself; what
    # reaches guarded() is a start-up failure such as Qt's system libraries missing.
    from sst_desk.app import run_gui

    i18n.reset()  # the window installs Qt's translators for its own language
    # --server: the window on the team server (app.run_gui signs in over HTTPS); --ca-file, else
    # $SST_DESK_CA_FILE, else the one remembered for that server, else the system's certificate store.
    return run_gui(args.db, demo=args.demo, language=args.lang, user=getattr(args, "user", None),
                   server=getattr(args, "server", None),
                   ca_file=getattr(args, "ca_file", None) or os.environ.get("SST_DESK_CA_FILE") or None)
