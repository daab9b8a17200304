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

from .cli_errors import CommandError

if TYPE_CHECKING:
    from .importers.attendance_spec import Progress
    from .persistence import Database
    from .persistence.attendance import ImportResult

OpenFor = Callable[..., "Database"]
SHOWN_PROBLEMS = 50
SHOWN_UNMATCHED = 30


def add_commands(commands: argparse._SubParsersAction, add_db, default_db: str) -> None:
    run = commands.add_parser(
        "import-attendance", help="import a school's attendance export (CSV or XLSX)",
        description="Import a school's attendance export with a column mapping saved in the app "
                    "(Team → Importera närvaro…). All or nothing: if any row has a problem, nothing is "
                    "stored and every problem is listed with its line. Importing the same file again "
                    "changes nothing.")
    run.add_argument("file", type=Path, metavar="FILE", help="the export: .csv, .txt or .xlsx")
    run.add_argument("--mapping", required=True, metavar="NAME", help="the saved column mapping to use")
    run.add_argument("--dry-run", action="store_true", help="only check the file; store nothing")
    add_db(run, default_db)
    listing = commands.add_parser("attendance-mappings", help="list the saved attendance column mappings",
                                  description="List the column mappings saved for attendance imports.")
    add_db(listing, default_db)


def import_command(args: argparse.Namespace, open_for: OpenFor) -> int:
    from .importers.attendance_file import ImportFileError

    file: Path = args.file.expanduser()
    if not file.is_file():
        raise CommandError(f"{file} is not a file; nothing was imported.")
    db = open_for(args, must_exist=True)
    try:
        spec = db.attendance_mapping(args.mapping)
        if spec is None:
            names = ", ".join(s.name for s in db.attendance_mappings()) or "none yet"
            raise CommandError(f"There is no saved mapping called '{args.mapping}' (saved: {names}). "
                               "Save one in the app: Team → Importera närvaro….")
        try:
            result = db.import_attendance(file, spec, dry_run=args.dry_run, progress=_progress_printer())
        except ImportFileError as exc:
            raise CommandError(f"{file.name}: {exc.problem.describe()}. Nothing was imported.") from None
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
        print("No mapping saved yet. Save one in the app: Team → Importera närvaro….")
    for spec in specs:
        columns = ", ".join(f"{role.value}={header!r}" for role, header in spec.columns.items())
        school = f" ({spec.school})" if spec.school else ""
        print(f"{spec.name}{school}: {spec.identifier.value}, {spec.unit.value}; {columns}")
    return 0


def _report(result: ImportResult) -> None:
    from .persistence.attendance import UnmatchedReason
    from .workflow.validation import visible_escapes

    if result.problem_count:
        print(f"{result.file_name}: {result.problem_count} problem(s); nothing was imported.")
        for problem in result.problems[:SHOWN_PROBLEMS]:
            print(f"  {problem.describe()}")
        if result.problem_count > SHOWN_PROBLEMS:
            print(f"  … and {result.problem_count - SHOWN_PROBLEMS} more.")
        return
    verb = "would store" if result.dry_run else "stored"
    print(f"{result.file_name}: {result.rows_read} rows read, {result.rows_matched} matched to "
          f"{result.students} students; {verb} {result.stored} of {result.records} day/week records "
          f"({result.unchanged} unchanged).")
    if result.previously_imported is not None:
        when = result.previously_imported.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"This file was imported before ({when}).")
    if result.unmatched:
        # Signed in, the rows of anyone the person may not see and of identifiers in no register read the
        # same: the import never confirms who is in the team's register (issue 10, docs/attendance.md).
        whose = "who are not among your students" if result.scoped else "not in the register"
        print(f"{result.unmatched_rows} rows for {len(result.unmatched)} students {whose} were not imported:")
        for u in result.unmatched[:SHOWN_UNMATCHED]:
            why = {UnmatchedReason.AMBIGUOUS: "matches more than one student",
                   UnmatchedReason.NOT_YOURS: "not among your students"}.get(u.reason, "not found")
            print(f"  {visible_escapes(u.key)}: {why}; {u.rows} row(s), first on line {u.first_line}")
        if len(result.unmatched) > SHOWN_UNMATCHED:
            print(f"  … and {len(result.unmatched) - SHOWN_UNMATCHED} more.")
    if result.dry_run:
        print("Dry run: nothing was stored.")


def _progress_printer() -> Callable[[Progress], None] | None:
    if not sys.stderr.isatty():
        return None

    def show(progress: Progress) -> None:
        if progress.total:
            sys.stderr.write(f"\rReading … {100 * progress.done // progress.total:3d} %")
            sys.stderr.flush()
    return show


def _clear_progress() -> None:
    if sys.stderr.isatty():
        sys.stderr.write("\r" + " " * 20 + "\r")
