"""``sst-desk log verify|export-head``, ``sst-desk gallring`` and ``sst-desk registerutdrag``.

Each signs in like every other command and is permission-checked and logged
as the person (team lead for the log and gallring; the case's workers or the
team lead for a registerutdrag).
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from .cli_errors import CommandError


def add_commands(commands: argparse._SubParsersAction, add_db, default_db: str) -> None:
    log = commands.add_parser("log", help="check the access log, or save its head to keep elsewhere",
                              description="The access log is a hash chain: 'verify' checks every entry (and, "
                                          "with --kept-head, that it still contains a head saved earlier); "
                                          "'export-head' writes the newest entry's hash to a file to keep "
                                          "outside the database.")
    actions = log.add_subparsers(dest="log_command", metavar="ACTION", required=True)
    verify = actions.add_parser("verify", help="check the whole chain")
    add_db(verify, default_db)
    verify.add_argument("--kept-head", type=Path, metavar="FILE", help="a head saved earlier with export-head")
    head = actions.add_parser("export-head", help="write the chain's head to a file")
    add_db(head, default_db)
    head.add_argument("--out", type=Path, required=True, metavar="FILE", help="the file to write (not existing)")

    gallring = commands.add_parser("gallring", help="list the closed cases due for deletion, or delete them",
                                   description="Cases closed longer ago than the retention period "
                                               "(--years, default: the saved setting) are due. Without --run "
                                               "they are only listed.")
    add_db(gallring, default_db)
    gallring.add_argument("--years", type=int, default=None, metavar="N",
                          help="retention in whole years after avslut (default: the saved setting)")
    gallring.add_argument("--run", action="store_true", help="delete every listed case (asks unless --yes)")
    gallring.add_argument("--yes", action="store_true", help="do not ask before deleting")

    extract = commands.add_parser("registerutdrag", help="everything stored about one student, as PDF and JSON",
                                  description="Write a registerutdrag (GDPR art. 15) for the student of a case.")
    add_db(extract, default_db)
    extract.add_argument("--case", type=int, required=True, metavar="ID", help="a case of the student")
    extract.add_argument("--out", type=Path, required=True, metavar="FOLDER", help="the folder to write into")


def log_command(args: argparse.Namespace, open_database) -> int:
    from .persistence.logreview import export_head, verify_log
    from .workflow.logchain import KeptHead, KeptHeadError, ProblemCode

    if args.log_command == "export-head":
        out: Path = args.out.expanduser()
        if out.exists():
            raise CommandError(f"{out} already exists; nothing was written.")
        if not out.parent.resolve().is_dir():
            raise CommandError(f"The folder {out.parent.resolve()} does not exist; nothing was written.")
        db = open_database(args, must_exist=True)
        try:
            head = export_head(db)
        finally:
            db.close()
        from .fileio import write_bytes_atomic

        write_bytes_atomic(head.to_text().encode("utf-8"), out)
        print(f"Wrote the head of the access log (entry {head.seq}) to {out.resolve()}; keep it outside the database.")
        return 0
    kept = None
    if args.kept_head is not None:
        try:
            kept = KeptHead.from_text(args.kept_head.expanduser().read_text(encoding="utf-8-sig"))
        except OSError:
            raise CommandError(f"The kept head {args.kept_head} cannot be read.") from None
        except KeptHeadError as exc:
            raise CommandError(f"The kept head {args.kept_head} is not valid: {exc}") from None
    db = open_database(args, must_exist=True)
    try:
        result = verify_log(db, kept)
    finally:
        db.close()
    if result.ok:
        against = f", and it contains the kept head (entry {kept.seq})" if kept is not None else ""
        print(f"The access log is intact: {result.entries} entries{against}.")
        return 0
    if any(problem.code is ProblemCode.HEAD_DELETED for problem in result.problems):
        print("The access log has been tampered with: its record of the newest entry (log_head) was deleted.")
    print(f"The access log has been changed: {len(result.problems)} problem(s) in {result.entries} entries.")
    for problem in result.problems:
        print(f"  entry {problem.seq}: {problem.code.value} {problem.note}".rstrip())
    return 1


def gallring_command(args: argparse.Namespace, open_database, confirm) -> int:
    from .persistence.gallring import cases_due, gallra, resume_pending

    years = args.years if args.years is not None else _retention_setting()
    if not 1 <= years <= 50:
        raise CommandError("--years must be a whole number from 1 to 50.")
    today = dt.date.today()
    db = open_database(args, must_exist=True)
    try:
        # Opening finishes an interrupted purge already; this says so, or tries again if it was blocked.
        resumed = resume_pending(db)
        if resumed is not None:
            state = "finished" if resumed.complete else "tried again, but it is still not complete"
            print(f"An interrupted gallring was {state}; older backups removed: {resumed.backups_deleted}.")
            if not resumed.complete:
                print("Run 'sst-desk gallring' again when the database is closed everywhere else.")
                return 1
        due = cases_due(db, years, today)
        if not due:
            print(f"No closed case is due for gallring ({years} years after avslut).")
            return 0
        for case in due:
            name = case.student_name or "(protected identity)"
            print(f"{case.case_id:>6}  {name:<30}  closed {case.closed_on}  due {case.due_on}")
        print(f"{len(due)} case(s) due for gallring ({years} years after avslut).")
        if not args.run:
            return 0
        if not args.yes and not confirm(f"Delete these {len(due)} cases and every trace of them? "
                                        "This cannot be undone."):
            print("Nothing was deleted.")
            return 1
        result = gallra(db, [case.case_id for case in due], years=years, today=today)
    finally:
        db.close()
    print(f"Deleted {result.cases} case(s) and {result.students} student(s); older backups removed: "
          f"{result.backups_deleted}.")
    if not result.complete:
        print("The clean-up is not complete (the database is open elsewhere, or a backup could not be deleted); "
              "run 'sst-desk gallring' again when it is closed.")
        return 1
    return 0


def registerutdrag_command(args: argparse.Namespace, open_database) -> int:
    from .persistence.extract import gather_registerutdrag
    from .reports.kinds import report_context
    from .reports.registerutdrag import write_registerutdrag

    folder: Path = args.out.expanduser().resolve()
    if not folder.is_dir():
        raise CommandError(f"The folder {folder} does not exist; nothing was written.")
    db = open_database(args, must_exist=True)
    try:
        data = gather_registerutdrag(db, args.case)
        assert db.actor is not None
        context = report_context(_settings(), db.actor.label, dt.date.today())
    finally:
        db.close()
    pdf, data_file = write_registerutdrag(data, folder, context)
    print(f"Wrote the registerutdrag to {pdf} and {data_file}. Review free text for other people's details "
          "(sekretessprövning) before handing it out.")
    return 0


def _retention_setting() -> int:
    from .settings import RETENTION_YEARS, Settings

    return Settings().get(RETENTION_YEARS)


def _settings():
    """The saved settings (QtCore only, no widgets); None where Qt cannot load (the shipped defaults then)."""
    try:
        from .settings import Settings

        return Settings()
    except ImportError:
        return None
