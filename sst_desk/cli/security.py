"""``sst-desk log verify|export-head``, ``sst-desk gallring`` and ``sst-desk registerutdrag``.

Each signs in like every other command and is permission-checked and logged
as the person (team lead for the log and gallring; the case's workers or the
team lead for a registerutdrag).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
from pathlib import Path

from sst_desk import i18n
from sst_desk.cli.common import confirm, open_door, server_of, server_options
from sst_desk.cli.errors import CommandError

CONTEXT = "CommandLine"


def _t(text: str) -> str:
    return i18n.translate(CONTEXT, text)


def add_commands(commands: argparse._SubParsersAction, add_db, default_db: str) -> None:
    log = commands.add_parser("log", help=_t("check the access log, or save its head to keep elsewhere"),
                              description=_t("The access log is a hash chain: 'verify' checks every entry (and, "
                                             "with --kept-head, that it still contains a head saved earlier); "
                                             "'export-head' writes the newest entry's hash to a file to keep "
                                             "outside the database."))
    actions = log.add_subparsers(dest="log_command", metavar="ACTION", required=True)
    verify = actions.add_parser("verify", help=_t("check the whole chain"))
    add_db(verify, default_db)
    verify.add_argument("--kept-head", type=Path, metavar="FILE", help=_t("a head saved earlier with export-head"))
    verify.add_argument("--log-key", type=Path, metavar="FILE",
                        help=_t("on a team server: the server's secret file, to check the keyed log"))
    verify.add_argument("--anchors", type=Path, metavar="FILE",
                        help=_t("on a team server: its anchor file, to compare the log with (needs --log-key)"))
    head = actions.add_parser("export-head", help=_t("write the chain's head to a file"))
    add_db(head, default_db)
    head.add_argument("--out", type=Path, required=True, metavar="FILE", help=_t("the file to write (not existing)"))
    head.add_argument("--force", action="store_true",
                      help=_t("replace FILE if it exists (never a database, key file or backup)"))

    gallring = commands.add_parser("gallring", help=_t("list the closed cases due for deletion, or delete them"),
                                   description=_t("Cases closed longer ago than the retention period "
                                                  "(--years, default: the saved setting) are due. Without --run "
                                                  "they are only listed."))
    add_db(gallring, default_db)
    gallring.add_argument("--years", type=int, default=None, metavar="N",
                          help=_t("retention in whole years after avslut (default: the saved setting)"))
    gallring.add_argument("--run", action="store_true", help=_t("delete every listed case (asks unless --yes)"))
    gallring.add_argument("--yes", action="store_true", help=_t("do not ask before deleting"))

    extract = commands.add_parser("registerutdrag", help=_t("everything stored about one student, as PDF and JSON"),
                                  description=_t("Write a registerutdrag (GDPR art. 15) for the student of a case. "
                                                 "The files are named by the case number and the day."))
    add_db(extract, default_db)
    extract.add_argument("--case", type=case_number, required=True, metavar="ID", help=_t("a case of the student"))
    extract.add_argument("--out", type=Path, required=True, metavar="FOLDER", help=_t("the folder to write into"))
    extract.add_argument("--force", action="store_true",
                         help=_t("replace an extract of the same case made earlier the same day"))
    log.set_defaults(_run=log_command)
    gallring.set_defaults(_run=gallring_command)
    extract.set_defaults(_run=registerutdrag_command)


def case_number(text: str) -> int:
    """A case number for argparse: a whole number from 1 to the largest id SQLite can store."""
    from sst_desk.cli.format import whole_number

    return whole_number(text, 1, MAX_ID)


MAX_ID = 2**63 - 1  # SQLite's INTEGER


def log_command(args: argparse.Namespace) -> int:
    from sst_desk.fileio import check_target, write_export
    from sst_desk.services.errors import AnchorError, LogKeyError
    from sst_desk.workflow.logchain import ProblemCode

    if args.log_command == "export-head":
        from sst_desk.cli.printing import database_file

        out = check_target(args.out, force=args.force, database=database_file(args))  # before the password
        with open_door(args) as opened:
            if opened.remote:  # the server writes no file: the head comes back and is written here
                head = opened.door.accesslog.export_head()
                write_export(head.to_text().encode("utf-8"), out, force=args.force)
            else:
                head = opened.door.accesslog.export_head(out, force=args.force)
        print(_t("Wrote the head of the access log (entry %1) to %2; keep it outside the database.")
              .replace("%1", str(head.seq)).replace("%2", str(out)))
        return 0
    kept = None
    if args.kept_head is not None:
        kept = _read_kept_head(args.kept_head)
    if server_of(args) is not None and (args.log_key is not None or args.anchors is not None):
        raise CommandError(_t("--log-key and --anchors are for the team server's own machine; over --server the "
                              "server checks the log with its secret and anchors itself."))
    server = {} if server_of(args) is not None else server_options(args, _read_log_key)
    try:
        opened = open_door(args, **server)
    except LogKeyError as exc:
        if exc.code != "needs_key":
            raise
        # Signing in is logged, and nothing may be written into a server's keyed chain without its key.
        print(_t("The access log is keyed with the team server's secret: it can only be verified on the server "
                 "(there: sst-desk log verify --log-key FILE --anchors FILE)."))
        return 2
    try:
        result = opened.door.accesslog.verify_log(kept)
    except AnchorError as exc:
        raise CommandError(_t("The anchor file %1 cannot be read; nothing was verified.")
                           .replace("%1", str(args.anchors))) from exc
    finally:
        opened.close()
    if result.needs_key:
        print(_t("The access log is keyed with the team server's secret: from entry %1 on, its entries can only "
                 "be verified on the server (there: sst-desk log verify --log-key FILE --anchors FILE). Nothing "
                 "else is wrong with its %2 entries.")
              .replace("%1", str(result.problems[0].seq)).replace("%2", str(result.entries)))
        return 2
    if result.ok and result.anchor is not None:
        print(_t("The access log is intact: %1 entries, keyed with the server's secret, and it contains every "
                 "one of the %2 anchored heads (the newest: entry %3).")
              .replace("%1", str(result.entries)).replace("%2", str(result.anchors))
              .replace("%3", str(result.anchor.seq)))
        return 0
    if result.ok:
        if kept is not None:
            print(_t("The access log is intact: %1 entries, and it contains the kept head (entry %2).")
                  .replace("%1", str(result.entries)).replace("%2", str(kept.seq)))
        else:
            print(_t("The access log is intact: %1 entries.").replace("%1", str(result.entries)))
        return 0
    if any(problem.code is ProblemCode.KEY_WRONG for problem in result.problems):
        print(_t("The secret file given is not the one this access log is keyed with; check which file the "
                 "server uses."))
    if any(problem.code is ProblemCode.HEAD_DELETED for problem in result.problems):
        print(_t("The access log has been tampered with: its record of the newest entry (log_head) was deleted."))
    print(_t("The access log has been changed: %1 problem(s) in %2 entries.")
          .replace("%1", str(len(result.problems))).replace("%2", str(result.entries)))
    for problem in result.problems:
        print(_t("  entry %1: %2 %3").replace("%1", str(problem.seq)).replace("%2", problem.code.value)
              .replace("%3", problem.note).rstrip())
    return 1


KEPT_HEAD_MAX_BYTES = 64 * 1024  # a kept head is one line; a bigger file is not one
LOG_KEY_BYTES = 32  # the team server's secret file: 32 random bytes (sst-desk serve --init makes it)


def _read_log_key(path: Path) -> bytes:
    """The server's secret in ``path``, or a sentence saying why it is not one."""
    shown = str(path)
    try:
        with open(path.expanduser(), "rb") as handle:
            raw = handle.read(LOG_KEY_BYTES + 1)
    except OSError:
        raise CommandError(_t("The secret file %1 cannot be read (on the server it is readable by the server's "
                              "account only).").replace("%1", shown)) from None
    if len(raw) != LOG_KEY_BYTES:
        raise CommandError(_t("%1 is not the team server's secret file (it holds %2 random bytes).")
                           .replace("%1", shown).replace("%2", str(LOG_KEY_BYTES)))
    return raw


def _read_kept_head(path: Path):
    """The kept head in ``path``, or a sentence saying why it cannot be one (never a traceback)."""
    from sst_desk.workflow.logchain import KeptHead, KeptHeadError

    shown = str(path)
    try:
        with open(path.expanduser(), "rb") as handle:
            raw = handle.read(KEPT_HEAD_MAX_BYTES + 1)
    except OSError as exc:
        import errno

        if exc.errno == errno.ELOOP:
            raise CommandError(_t("The kept head %1 cannot be reached: its symbolic links go round in a loop.")
                               .replace("%1", shown)) from None
        raise CommandError(_t("The kept head %1 cannot be read.").replace("%1", shown)) from None
    try:
        if len(raw) > KEPT_HEAD_MAX_BYTES:
            raise UnicodeError("too long")
        text = raw.decode("utf-8-sig")
    except UnicodeError:
        raise CommandError(_t("The kept head %1 is not a head saved by 'sst-desk log export-head' (it is not "
                              "text); give the file you saved then.").replace("%1", shown)) from None
    try:
        return KeptHead.from_text(text)
    except (KeptHeadError, ValueError, OverflowError) as exc:
        # The window's words for each problem (QtCore only; the same translations).
        from sst_desk.ui.accesslog.verdict import HEAD_ERRORS

        code = getattr(exc, "code", "missing")
        why = i18n.translate("LogVerdict", HEAD_ERRORS.get(code, HEAD_ERRORS["missing"]))
        why = why.replace("%1", str(getattr(exc, "line", None) or ""))
        raise CommandError(_t("The kept head %1 is not valid: %2").replace("%1", shown).replace("%2", why)) from None


def gallring_command(args: argparse.Namespace) -> int:
    years = args.years
    if years is not None and not 1 <= years <= 50:
        raise CommandError(_t("--years must be a whole number from 1 to 50."))
    today = dt.date.today()
    opened = open_door(args)
    try:
        years = years if years is not None else _team_settings(opened).retention_years  # the team's rule
        gallring = opened.door.gallring
        # Opening finishes an interrupted purge already; this says so, or tries again if it was blocked.
        # (A server finishes its own; it offers no resume to a client.)
        resumed = None if opened.remote else gallring.resume_pending()
        if resumed is not None:
            if resumed.complete:
                print(_t("An interrupted gallring was finished; older backups removed: %1.")
                      .replace("%1", str(resumed.backups_deleted)))
            else:
                print(_t("An interrupted gallring was tried again, but it is still not complete; older backups "
                         "removed: %1.").replace("%1", str(resumed.backups_deleted)))
                print(_t("Run 'sst-desk gallring' again when the database is closed everywhere else."))
                return 1
        due = gallring.cases_due(years, today)
        if not due:
            print(_t("No closed case is due for gallring (%1 years after avslut).").replace("%1", str(years)))
            return 0
        for case in due:
            name = case.student_name or _t("(protected identity)")
            print(f"{case.case_id:>6}  {name:<30}  " + _t("closed %1  due %2").replace("%1", str(case.closed_on))
                  .replace("%2", str(case.due_on)))
        print(_t("%1 case(s) due for gallring (%2 years after avslut).").replace("%1", str(len(due)))
              .replace("%2", str(years)))
        if not args.run:
            return 0
        if not args.yes and not confirm(_t("Delete these %1 cases and every trace of them? This cannot be undone.")
                                        .replace("%1", str(len(due)))):
            print(_t("Nothing was deleted."))
            return 1
        result = gallring.gallra([case.case_id for case in due], years=years, today=today)
    finally:
        opened.close()
    print(_t("Deleted %1 case(s) and %2 student(s); older backups removed: %3.").replace("%1", str(result.cases))
          .replace("%2", str(result.students)).replace("%3", str(result.backups_deleted)))
    if not result.complete:
        print(_t("The clean-up is not complete (the database is open elsewhere, or a backup could not be deleted); "
                 "run 'sst-desk gallring' again when it is closed."))
        return 1
    return 0


def registerutdrag_command(args: argparse.Namespace) -> int:
    from sst_desk.fileio import TargetRefused
    from sst_desk.reports.kinds import report_context
    from sst_desk.reports.registerutdrag import write_registerutdrag

    folder: Path = args.out.expanduser()
    try:
        if not folder.resolve().is_dir():
            raise CommandError(_t("The folder %1 does not exist; nothing was written.").replace("%1", str(folder)))
    except RuntimeError:  # a symbolic link loop
        raise CommandError(_t("The folder %1 cannot be reached: its symbolic links go round in a loop. Nothing "
                              "was written.").replace("%1", str(folder))) from None
    if not os.access(folder, os.W_OK | os.X_OK):  # said before the password is asked for
        raise CommandError(_t("The folder %1 cannot be written to; nothing was written.").replace("%1", str(folder)))
    with open_door(args) as opened:
        context = report_context(_team_settings(opened), opened.actor.label, dt.date.today())
        try:
            if opened.remote:  # gathered (checked and logged as an export) on the server, written here
                data = opened.door.extract.gather_registerutdrag(args.case)
                pdf, data_file = write_registerutdrag(data, folder, context, case_id=args.case, force=args.force)
            else:
                pdf, data_file = opened.door.extract.write_registerutdrag(args.case, folder, context,
                                                                          force=args.force)
        except TargetRefused as exc:
            if exc.reason.value != "exists":
                raise
            raise CommandError(_t("A registerutdrag of case %1 made today is already in %2; nothing was written. "
                                  "Add --force to replace it.").replace("%1", str(args.case))
                               .replace("%2", str(folder))) from None
    print(_t("Wrote the registerutdrag to %1 and %2. Review free text for other people's details "
             "(sekretessprövning) before handing it out.").replace("%1", str(pdf)).replace("%2", str(data_file)))
    return 0


def _team_settings(opened):
    """The team's settings from its database (adopting this computer's old ones at the first start; never into
    a team server's, which is the team's, not this computer's)."""
    from sst_desk.settings import Settings, read_team_settings  # QtCore only (no widgets)

    return read_team_settings(opened.door, None if opened.remote else Settings())
