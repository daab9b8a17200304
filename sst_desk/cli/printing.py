"""``sst-desk print KIND --case ID --out FILE`` and ``sst-desk print batch --school NAME|--all --out FILE``.

The kinds come from ``reports.kinds``: only those whose builder exists in this
installation are offered. Every print is checked and logged before the file is
written (``services.printing.print_document`` / ``print_batch``, the same use
cases the window calls); a document shared with others (the plan) needs a
valid samtycke, and the command line has no way to state a legal ground
instead (that is done in the window, where it is recorded with the case), so
it refuses. A batch skips and names the cases without consent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sst_desk import i18n
from sst_desk.cli.common import open_door
from sst_desk.cli.errors import CommandError

if TYPE_CHECKING:
    from sst_desk.reports.kinds import DocumentKind
    from sst_desk.services.printing import PrintRefused

CONTEXT = "CommandLine"


def _t(text: str) -> str:
    return i18n.translate(CONTEXT, text)


def add_commands(commands: argparse._SubParsersAction, add_db, default_db: str, positive_int) -> None:
    from sst_desk.reports.kinds import available_kinds

    printing = commands.add_parser("print", help=_t("write a document as PDF without opening a window"),
                                   description=_t("Write a document as PDF without opening a window. Every print "
                                                  "is recorded in the access log once the file is written. An "
                                                  "existing file is replaced only with --force, and never a "
                                                  "database, key file or backup."))
    documents = printing.add_subparsers(dest="document", metavar="DOCUMENT", title=_t("documents"), required=True)
    for kind in available_kinds():
        one = documents.add_parser(kind.name, help=_t("the %1 of a case").replace("%1", kind.title),
                                   description=_t("Write the %1 of a case as PDF.").replace("%1", kind.title))
        one.add_argument("--case", type=positive_int, required=True, metavar="ID", help=_t("the case number"))
        _common(one, add_db, default_db, "FILE.pdf")
    batch = documents.add_parser("batch", help=_t("every current handlingsplan of a school or the team, as one PDF"),
                                 description=_t("Write the current handlingsplan of every case you may see in "
                                                "genomförande or uppföljning, for one school or all, as one PDF. "
                                                "Cases without a valid samtycke are skipped and named."))
    which = batch.add_mutually_exclusive_group(required=True)
    which.add_argument("--school", metavar="NAME", help=_t("the school's name as in the case list"))
    which.add_argument("--all", action="store_true", help=_t("every case you may see"))
    _common(batch, add_db, default_db, "FILE.pdf")
    printing.set_defaults(_run=print_command)


def _common(parser: argparse.ArgumentParser, add_db, default_db: str, metavar: str) -> None:
    add_db(parser, default_db)
    parser.add_argument("--out", type=Path, required=True, metavar=metavar, help=_t("the PDF file to write"))
    parser.add_argument("--force", action="store_true",
                        help=_t("replace FILE if it exists (never a database, key file or backup)"))
    parser.add_argument("--team-name", default=None, metavar="NAME",
                        help=_t("team name in the header (default: the saved setting)"))


def print_command(args: argparse.Namespace) -> int:
    from sst_desk.fileio import check_target

    out = check_target(args.out, force=args.force, database=database_file(args))  # before asking for a password
    if args.document == "batch":
        return _print_batch(args, out)
    from sst_desk.reports.kinds import kind

    return _print_one(args, kind(args.document), out)


def database_file(args: argparse.Namespace) -> Path | None:
    """The database file a command works on (None for a server URL): never a target for ``--out``."""
    from sst_desk import paths

    target = getattr(args, "db", None)
    if target is not None and "://" in target:
        return None
    return Path(target).expanduser() if target else paths.default_database_path()


def _print_one(args: argparse.Namespace, kind: DocumentKind, out: Path) -> int:
    from sst_desk.fileio import write_export
    from sst_desk.services.printing import PrintRefused

    with open_door(args) as opened:
        today = dt.date.today()
        printing = opened.door.printing
        try:  # the one print use case: checked (a refusal logged), built, written, then logged
            if opened.remote:  # checked, logged and built on the server; the file is written here
                data = printing.print_document(args.case, kind.name, report=_context(args, opened, today),
                                               today=today)
                write_export(data, out, force=args.force)
            else:
                printing.print_document(args.case, kind.name, report=_context(args, opened, today), today=today,
                                        target=out, force=args.force)
        except PrintRefused as refused:
            raise CommandError(_refusal_text(refused, kind)) from None
    print(_t("Wrote the %1 of case %2 to %3").replace("%1", kind.name).replace("%2", str(args.case))
          .replace("%3", str(out)))
    return 0


def _refusal_text(refused: PrintRefused, kind: DocumentKind) -> str:
    """Why nothing was written, in the command line's words (the command line cannot state a legal ground)."""
    from sst_desk.services.printing import Refusal

    case = str(refused.case_id)
    if refused.reason is Refusal.NO_PLAN:
        return _t("Case %1 has no handlingsplan yet; nothing was written.").replace("%1", case)
    if refused.reason is Refusal.NOTHING_TO_PRINT:  # e.g. an uppföljningsprotokoll before any uppföljning
        return (_t("Case %1 holds nothing for the %2 yet; nothing was written.")
                .replace("%1", case).replace("%2", kind.name))
    who = ", ".join(sorted({f.detail for f in refused.missing if f.detail})) or _t("the student or a guardian")
    return (_t("Case %1 has no valid samtycke to share the %2 (missing: %3); record the consent, "
               "or state a legal ground in the app. Nothing was written.")
            .replace("%1", case).replace("%2", kind.name).replace("%3", who))


def _print_batch(args: argparse.Namespace, out: Path) -> int:
    from sst_desk.remote.printing import print_batch as print_batch_here
    from sst_desk.reports.batch import NothingToPrint
    from sst_desk.services.printing import NoPlansToPrint

    opened = open_door(args)
    today = dt.date.today()
    try:
        printing = opened.door.printing
        ids = printing.batch_candidates(today).case_ids(school=args.school, team=args.all)
        title = f"Handlingsplaner – {args.school}" if args.school else "Handlingsplaner – hela teamet"
        try:
            if not ids:
                raise NoPlansToPrint("no case in the list has a plan in force")
            if opened.remote:  # built and written here; every print checked and logged on the server
                outcome = print_batch_here(opened.door, ids, report=_context(args, opened, today), today=today,
                                           target=out, force=args.force, title=title)
            else:
                outcome = printing.print_batch(ids, report=_context(args, opened, today), today=today,
                                               target=out, force=args.force, title=title)
        except NoPlansToPrint:
            if args.school:
                raise CommandError(_t("No case at %1 has a handlingsplan in force; nothing was written.")
                                   .replace("%1", args.school)) from None
            raise CommandError(_t("No case among the cases you may see has a handlingsplan in force; nothing was "
                                  "written.")) from None
        except NothingToPrint:
            raise CommandError(_t("None of the %1 cases has a valid samtycke to share the plan; nothing was "
                                  "written.").replace("%1", str(len(ids)))) from None
    finally:
        opened.close()
    print(_t("Wrote %1 handlingsplaner to %2").replace("%1", str(len(outcome.written))).replace("%2", str(out)))
    if outcome.skipped:
        names = "; ".join(_t("%1 (case %2)").replace("%1", c.student.full_name).replace("%2", str(c.id))
                          for c in outcome.skipped)
        print(_t("Skipped %1 without a valid samtycke: %2").replace("%1", str(len(outcome.skipped)))
              .replace("%2", names), file=sys.stdout)
    return 0


def _context(args: argparse.Namespace, opened, today: dt.date):
    from sst_desk.reports.kinds import report_context

    return report_context(_team_settings(opened), opened.actor.label, today, team_name=args.team_name)


def _team_settings(opened):
    """The team's settings from its database (adopting this computer's old ones at the first start; never into
    a team server's, which is the team's, not this computer's)."""
    from sst_desk.settings import Settings, read_team_settings  # QtCore only (no widgets)

    return read_team_settings(opened.door, None if opened.remote else Settings())
