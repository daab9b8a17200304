"""``sst-desk print KIND --case ID --out FILE`` and ``sst-desk print batch --school NAME|--all --out FILE``.

The kinds come from ``reports.kinds``: only those whose builder exists in this
installation are offered. Every print is checked and logged before the file is
written (``record_case_action`` / ``record_prints``); a document shared with
others (the plan) needs a valid samtycke, and the command line has no way to
state a legal ground instead (that is done in the window, where it is
recorded with the case), so it refuses. A batch skips and names the cases
without consent.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from .cli_errors import CommandError

if TYPE_CHECKING:
    from .persistence import Database
    from .reports.kinds import DocumentKind
    from .workflow.entities import Case

OpenFor = Callable[..., "Database"]


def add_commands(commands: argparse._SubParsersAction, add_db, default_db: str, positive_int) -> None:
    from .reports.kinds import available_kinds

    printing = commands.add_parser("print", help="write a document as PDF without opening a window",
                                   description="Write a document as PDF without opening a window. Every print "
                                               "is recorded in the access log.")
    documents = printing.add_subparsers(dest="document", metavar="DOCUMENT", title="documents", required=True)
    for kind in available_kinds():
        one = documents.add_parser(kind.name, help=f"the {kind.title} of a case",
                                   description=f"Write the {kind.title} of a case as PDF.")
        one.add_argument("--case", type=positive_int, required=True, metavar="ID", help="the case number")
        _common(one, add_db, default_db, "FILE.pdf")
    batch = documents.add_parser("batch", help="every current handlingsplan of a school or the team, as one PDF",
                                 description="Write the current handlingsplan of every case you may see in "
                                             "genomförande or uppföljning, for one school or all, as one PDF. "
                                             "Cases without a valid samtycke are skipped and named.")
    which = batch.add_mutually_exclusive_group(required=True)
    which.add_argument("--school", metavar="NAME", help="the school's name as in the case list")
    which.add_argument("--all", action="store_true", help="every case you may see")
    _common(batch, add_db, default_db, "FILE.pdf")


def _common(parser: argparse.ArgumentParser, add_db, default_db: str, metavar: str) -> None:
    add_db(parser, default_db)
    parser.add_argument("--out", type=Path, required=True, metavar=metavar, help="the PDF file to write")
    parser.add_argument("--team-name", default=None, metavar="NAME",
                        help="team name in the header (default: the saved setting)")


def print_command(args: argparse.Namespace, open_for: OpenFor) -> int:
    out = _checked_target(args.out.expanduser())
    if args.document == "batch":
        return _print_batch(args, out, open_for)
    from .reports.kinds import kind

    return _print_one(args, kind(args.document), out, open_for)


def _checked_target(out: Path) -> Path:
    folder = out.parent.resolve()
    if not folder.is_dir():
        raise CommandError(f"The folder {folder} does not exist; nothing was written.")
    if out.is_dir():
        raise CommandError(f"{out} is a folder; give a file name such as {out / 'document.pdf'}.")
    if not os.access(folder, os.W_OK):
        raise CommandError(f"The folder {folder} cannot be written to; nothing was written.")
    return out


def _print_one(args: argparse.Namespace, kind: DocumentKind, out: Path, open_for: OpenFor) -> int:
    from .persistence.printing import plan_to_print
    from .workflow.access import Action

    db = open_for(args, must_exist=True)
    try:
        case = db.load_case(args.case)
        today = dt.date.today()
        if kind.needs_plan and plan_to_print(case) is None:
            raise CommandError(f"Case {args.case} has no handlingsplan yet; nothing was written.")
        if not kind.applies_to(case):  # e.g. an uppföljningsprotokoll before any uppföljning is recorded
            raise CommandError(f"Case {args.case} holds nothing for the {kind.name} yet; nothing was written.")
        if kind.consent is not None:
            _require_consent(case, today, kind)
        from . import reports

        assert db.actor is not None
        db.record_case_action(args.case, Action.PRINT, kind.detail(case))  # checked and logged before writing
        attendance = db.attendance_for_case(args.case, log=False) if kind.uses_attendance else []
        data = kind.build(case, _context(args, db.actor.label, today), attendance=attendance)
        reports.write_pdf_atomic(data, out)
    finally:
        db.close()
    print(f"Wrote the {kind.name} of case {args.case} to {out.resolve()}")
    return 0


def _require_consent(case: Case, today: dt.date, kind: DocumentKind) -> None:
    from .workflow.consent_rules import consent_missing

    missing = consent_missing(case, today)
    if missing:
        who = ", ".join(sorted({f.detail for f in missing if f.detail})) or "the student or a guardian"
        raise CommandError(f"Case {case.id} has no valid samtycke to share the {kind.name} (missing: {who}); "
                           "record the consent, or state a legal ground in the app. Nothing was written.")


def _print_batch(args: argparse.Namespace, out: Path, open_for: OpenFor) -> int:
    from .persistence.printing import current_plans_for, record_prints
    from .reports.batch import NothingToPrint, write_batch

    db = open_for(args, must_exist=True)
    today = dt.date.today()
    try:
        cases = current_plans_for(db, school=args.school, team=args.all, today=today)
        if not cases:
            where = f"at {args.school}" if args.school else "among the cases you may see"
            raise CommandError(f"No case {where} has a handlingsplan in force; nothing was written.")
        assert db.actor is not None
        title = f"Handlingsplaner – {args.school}" if args.school else "Handlingsplaner – hela teamet"
        try:
            outcome = write_batch(cases, _context(args, db.actor.label, today), out, today=today,
                                  record=lambda prints: record_prints(db, prints), title=title,
                                  attendance=lambda case: db.attendance_for_case(case.id, log=False))
        except NothingToPrint:
            raise CommandError(f"None of the {len(cases)} cases has a valid samtycke to share the plan; "
                               "nothing was written.") from None
    finally:
        db.close()
    print(f"Wrote {len(outcome.written)} handlingsplaner to {out.resolve()}")
    if outcome.skipped:
        names = "; ".join(f"{c.student.full_name} (case {c.id})" for c in outcome.skipped)
        print(f"Skipped {len(outcome.skipped)} without a valid samtycke: {names}", file=sys.stdout)
    return 0


def _context(args: argparse.Namespace, printed_by: str, today: dt.date):
    from .reports.kinds import report_context

    try:  # QtCore only (no widgets), for what is saved in the settings dialog
        from .settings import Settings

        settings = Settings()
    except ImportError:
        settings = None
    return report_context(settings, printed_by, today, team_name=args.team_name)
