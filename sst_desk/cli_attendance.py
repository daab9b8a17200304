"""``sst-desk import-attendance FILE --mapping NAME`` and ``sst-desk attendance-mappings``.

For whoever runs the school's export every week: the same all-or-nothing import
as the dialog (``Database.import_attendance``), with a mapping saved in the
dialog. ``--dry-run`` only checks. Exit status: 0 imported (or checked) without
problems, 1 when the file has problems (nothing was stored) or a failure.
Unmatched rows are listed, never dropped silently; they do not stop an import.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from . import i18n
from .cli_errors import CommandError

if TYPE_CHECKING:
    from .importers.attendance_spec import Progress
    from .persistence import Database
    from .persistence.attendance import ImportResult

OpenFor = Callable[..., "Database"]
SHOWN_PROBLEMS = 50
SHOWN_UNMATCHED = 30
CONTEXT = "CommandLine"


def _t(text: str) -> str:
    return i18n.translate(CONTEXT, text)


def add_commands(commands: argparse._SubParsersAction, add_db, default_db: str) -> None:
    run = commands.add_parser(
        "import-attendance", help=_t("import a school's attendance export (CSV or XLSX)"),
        description=_t("Import a school's attendance export with a column mapping saved in the app "
                       "(Team → Importera närvaro…). All or nothing: if any row has a problem, nothing is "
                       "stored and every problem is listed with its line. Importing the same file again "
                       "changes nothing."))
    run.add_argument("file", type=Path, metavar="FILE", help=_t("the export: .csv, .txt or .xlsx"))
    run.add_argument("--mapping", required=True, metavar="NAME", help=_t("the saved column mapping to use"))
    run.add_argument("--dry-run", action="store_true", help=_t("only check the file; store nothing"))
    add_db(run, default_db)
    listing = commands.add_parser("attendance-mappings", help=_t("list the saved attendance column mappings"),
                                  description=_t("List the column mappings saved for attendance imports."))
    add_db(listing, default_db)


def import_command(args: argparse.Namespace, open_for: OpenFor) -> int:
    from .importers.attendance_file import ImportFileError

    file: Path = args.file.expanduser()
    if not file.is_file():
        raise CommandError(_t("%1 is not a file; nothing was imported.").replace("%1", str(file)))
    db = open_for(args, must_exist=True)
    try:
        spec = db.attendance_mapping(args.mapping)
        if spec is None:
            names = ", ".join(s.name for s in db.attendance_mappings()) or _t("none yet")
            raise CommandError(_t("There is no saved mapping called '%1' (saved: %2). Save one in the app: "
                                  "Team → Importera närvaro….").replace("%1", args.mapping).replace("%2", names))
        try:
            result = db.import_attendance(file, spec, dry_run=args.dry_run, progress=_progress_printer())
        except ImportFileError as exc:
            raise CommandError(_t("%1: %2. Nothing was imported.").replace("%1", file.name)
                               .replace("%2", exc.problem.describe())) from None
    finally:
        db.close()
    _clear_progress()
    _report(result)
    return 0 if result.ok else 1


def mappings_command(args: argparse.Namespace, open_for: OpenFor) -> int:
    db = open_for(args, must_exist=True)
    try:
        specs = db.attendance_mappings()
    finally:
        db.close()
    if not specs:
        print(_t("No mapping saved yet. Save one in the app: Team → Importera närvaro…."))
    for spec in specs:
        columns = ", ".join(f"{role.value}={header!r}" for role, header in spec.columns.items())
        school = f" ({spec.school})" if spec.school else ""
        print(f"{spec.name}{school}: {spec.identifier.value}, {spec.unit.value}; {columns}")
    return 0


def _report(result: ImportResult) -> None:
    from .persistence.attendance import UnmatchedReason
    from .workflow.validation import visible_escapes

    if result.problem_count:
        print(_t("%1: %2 problem(s); nothing was imported.").replace("%1", result.file_name)
              .replace("%2", str(result.problem_count)))
        for problem in result.problems[:SHOWN_PROBLEMS]:
            print(f"  {problem.describe()}")
        if result.problem_count > SHOWN_PROBLEMS:
            print("  " + _t("… and %1 more.").replace("%1", str(result.problem_count - SHOWN_PROBLEMS)))
        return
    summary = (_t("%1: %2 rows read, %3 matched to %4 students; would store %5 of %6 day/week records (%7 "
                  "unchanged).") if result.dry_run else
               _t("%1: %2 rows read, %3 matched to %4 students; stored %5 of %6 day/week records (%7 unchanged)."))
    for n, value in enumerate((result.file_name, result.rows_read, result.rows_matched, result.students,
                               result.stored, result.records, result.unchanged), start=1):
        summary = summary.replace(f"%{n}", str(value))
    print(summary)
    if result.previously_imported is not None:
        when = result.previously_imported.astimezone().strftime("%Y-%m-%d %H:%M")
        print(_t("This file was imported before (%1).").replace("%1", when))
    if result.unmatched:
        # Signed in, the rows of anyone the person may not see and of identifiers in no register read the
        # same: the import never confirms who is in the team's register (issue 10, docs/attendance.md).
        heading = (_t("%1 rows for %2 students who are not among your students were not imported:")
                   if result.scoped else _t("%1 rows for %2 students not in the register were not imported:"))
        print(heading.replace("%1", str(result.unmatched_rows)).replace("%2", str(len(result.unmatched))))
        for u in result.unmatched[:SHOWN_UNMATCHED]:
            why = {UnmatchedReason.AMBIGUOUS: _t("matches more than one student"),
                   UnmatchedReason.NOT_YOURS: _t("not among your students")}.get(u.reason, _t("not found"))
            print("  " + _t("%1: %2; %3 row(s), first on line %4").replace("%1", visible_escapes(u.key))
                  .replace("%2", why).replace("%3", str(u.rows)).replace("%4", str(u.first_line)))
        if len(result.unmatched) > SHOWN_UNMATCHED:
            print("  " + _t("… and %1 more.").replace("%1", str(len(result.unmatched) - SHOWN_UNMATCHED)))
    if result.dry_run:
        print(_t("Dry run: nothing was stored."))


def _progress_printer() -> Callable[[Progress], None] | None:
    if not sys.stderr.isatty():
        return None

    def show(progress: Progress) -> None:
        if progress.total:
            sys.stderr.write("\r" + _t("Reading … %1 %").replace("%1", f"{100 * progress.done // progress.total:3d}"))
            sys.stderr.flush()
    return show


def _clear_progress() -> None:
    if sys.stderr.isatty():
        sys.stderr.write("\r" + " " * 20 + "\r")
