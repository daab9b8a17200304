"""``sst-desk import-attendance FILE --mapping NAME`` and ``sst-desk attendance-mappings``.

For whoever runs the school's export every week: the same all-or-nothing import
as the dialog (``Database.import_attendance``), with a mapping saved in the
dialog. ``--dry-run`` only checks. Exit status: 0 imported (or checked) without
problems, 1 when the file has problems (nothing was stored) or a failure —
including a file that cannot settle its date order, its weeks' year or its
period (the sentence names the option to pass: ``--date-order``, ``--school-year``,
``--period``) and exact duplicate rows (``--skip-duplicate-rows``); 2 for an
option argparse refuses (a malformed ``--school-year`` or ``--period``).
Unmatched rows are listed, never dropped silently; they do not stop an import.
Notices (weekend, holiday, future rows not stored, duplicates skipped) are printed
with their lines before the summary's last line.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from sst_desk import i18n
from sst_desk.cli.common import open_door
from sst_desk.cli.errors import CommandError

if TYPE_CHECKING:
    from sst_desk.importers.attendance_spec import ImportOptions, Progress
    from sst_desk.services.attendance import ImportResult

SHOWN_PROBLEMS = 50
SHOWN_NOTICES = 10  # per kind
SHOWN_UNMATCHED = 30
CONTEXT = "CommandLine"


def _t(text: str) -> str:
    return i18n.translate(CONTEXT, text)


def add_commands(commands: argparse._SubParsersAction, add_db, default_db: str) -> None:
    run = commands.add_parser(
        "import-attendance", help=_t("import a school's attendance export (CSV, XLSX, XLS or ODS)"),
        description=_t("Import a school's attendance export with a column mapping saved in the app "
                       "(Team → Importera närvaro…). All or nothing: if any row has a problem, nothing is "
                       "stored and every problem is listed with its line. Importing the same file again "
                       "changes nothing."))
    run.add_argument("file", type=Path, metavar="FILE", help=_t("the export: .csv, .txt, .xlsx, .xlsm, .xls or .ods"))
    run.add_argument("--mapping", required=True, metavar="NAME", help=_t("the saved column mapping to use"))
    run.add_argument("--dry-run", action="store_true", help=_t("only check the file; store nothing"))
    run.add_argument("--date-order", choices=("dmy", "mdy"), metavar="dmy|mdy",
                     help=_t("how a date like 11/2/2026 is written: dmy (11 February) or mdy (2 November); "
                             "only needed when the file cannot tell"))
    run.add_argument("--school-year", type=school_year, metavar="2026/27",
                     help=_t("the school year of weeks written without a year (2026/27, 2026/2027 or 2026)"))
    run.add_argument("--period", type=period, metavar="FROM:TO",
                     help=_t("the period of a file with one row per student, e.g. 2026-08-17:2026-12-18"))
    run.add_argument("--skip-duplicate-rows", action="store_true",
                     help=_t("skip rows that are exact copies of an earlier row (listed) instead of refusing "
                             "the file"))
    add_db(run, default_db)
    listing = commands.add_parser("attendance-mappings", help=_t("list the saved attendance column mappings"),
                                  description=_t("List the column mappings saved for attendance imports."))
    add_db(listing, default_db)
    run.set_defaults(_run=import_command)
    listing.set_defaults(_run=mappings_command)


def school_year(text: str) -> int:
    """ "2026/27", "2026/2027" or "2026": the autumn year (argparse type; a specific message otherwise)."""
    value = text.strip().replace("\u2013", "/").replace("-", "/")
    first, _, second = value.partition("/")
    if first.isdigit() and len(first) == 4 and 1990 <= int(first) <= 2100:
        year = int(first)
        if not second or second in (f"{(year + 1) % 100:02d}", str(year + 1)):
            return year
        raise argparse.ArgumentTypeError(
            _t("'%1' is not a school year: the second year must follow the first (%2/%3)")
            .replace("%1", text).replace("%2", str(year)).replace("%3", f"{(year + 1) % 100:02d}"))
    raise argparse.ArgumentTypeError(
        _t("'%1' is not a school year; write it as 2026/27, 2026/2027 or 2026").replace("%1", text))


def period(text: str) -> tuple[dt.date, dt.date]:
    """ "2026-08-17:2026-12-18" (argparse type): both days, the second not before the first."""
    first, sep, second = text.strip().partition(":")
    try:
        if not sep:
            raise ValueError(text)
        start, end = dt.date.fromisoformat(first.strip()), dt.date.fromisoformat(second.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            _t("'%1' is not a period; write it as FROM:TO, e.g. 2026-08-17:2026-12-18").replace("%1", text)
        ) from None
    if end < start:
        raise argparse.ArgumentTypeError(
            _t("'%1' is not a period: it ends before it starts").replace("%1", text))
    return start, end


def options_from(args: argparse.Namespace) -> ImportOptions:
    from sst_desk.importers.attendance_spec import DateOrder, ImportOptions

    return ImportOptions(
        date_order=DateOrder(args.date_order) if getattr(args, "date_order", None) else None,
        school_year=getattr(args, "school_year", None), period=getattr(args, "period", None),
        skip_duplicates=bool(getattr(args, "skip_duplicate_rows", False)))


def _refusal(file: Path, problem) -> str:
    """The sentence for a file that cannot be read, naming the option that settles it when there is one."""
    code = problem.code.value
    if code == "date_order_ambiguous":
        what = _t("the dates can be read as day/month or month/day (e.g. '%1'); say which with "
                  "--date-order dmy or --date-order mdy").replace("%1", problem.value)
    elif code == "week_year_unknown":
        what = _t("the weeks have no year and the file does not say which; give the school year with "
                  "--school-year, e.g. --school-year 2026/27")
    elif code == "period_unknown":
        what = _t("the file does not say which period it covers; give it with --period, e.g. "
                  "--period 2026-08-17:2026-12-18")
    else:
        from sst_desk.attendance_words import problem_sentence

        what = problem_sentence(problem).rstrip(".")
    return _t("%1: %2. Nothing was imported.").replace("%1", file.name).replace("%2", what)


def import_command(args: argparse.Namespace) -> int:
    from sst_desk.importers.attendance_file import ImportFileError

    file: Path = args.file.expanduser()
    if not file.is_file():
        raise CommandError(_t("%1 is not a file; nothing was imported.").replace("%1", str(file)))
    opened = open_door(args)
    try:
        attendance = opened.door.attendance
        spec = attendance.attendance_mapping(args.mapping)
        if spec is None:
            names = ", ".join(s.name for s in attendance.attendance_mappings()) or _t("none yet")
            raise CommandError(_t("There is no saved mapping called '%1' (saved: %2). Save one in the app: "
                                  "Team → Importera närvaro….").replace("%1", args.mapping).replace("%2", names))
        try:
            if opened.remote:  # the server reads no file named by a client: the contents go over the wire
                result = attendance.import_attendance_data(file.name, file.read_bytes(), spec, dry_run=args.dry_run,
                                                           options=options_from(args))
            else:
                result = attendance.import_attendance(file, spec, dry_run=args.dry_run, progress=_progress_printer(),
                                                      options=options_from(args))
        except ImportFileError as exc:
            raise CommandError(_refusal(file, exc.problem)) from None
    finally:
        opened.close()
    _clear_progress()
    _report(result)
    return 0 if result.ok else 1


def mappings_command(args: argparse.Namespace) -> int:
    with open_door(args) as opened:
        specs = opened.door.attendance.attendance_mappings()
    if not specs:
        print(_t("No mapping saved yet. Save one in the app: Team → Importera närvaro…."))
    for spec in specs:
        columns = ", ".join(f"{role.value}={header!r}" for role, header in spec.columns.items())
        school = f" ({spec.school})" if spec.school else ""
        print(f"{spec.name}{school}: {spec.identifier.value}, {spec.unit.value}; {columns}")
    return 0


def _report(result: ImportResult) -> None:
    from sst_desk.attendance_words import duplicate_sentence, problem_sentence
    from sst_desk.importers.attendance_spec import ProblemCode
    from sst_desk.services.attendance import UnmatchedReason
    from sst_desk.workflow.validation import visible_escapes

    if result.problem_count:
        print(_t("%1: %2 problem(s); nothing was imported.").replace("%1", result.file_name)
              .replace("%2", str(result.problem_count)))
        for problem in result.problems[:SHOWN_PROBLEMS]:
            if problem.code is ProblemCode.DUPLICATE_ROW:
                print("  " + duplicate_sentence(problem.line, problem.value))
            elif problem.code is ProblemCode.PERIOD_REPEATED:
                print("  " + _t("line %1 has the same student and period as line %2: percentages and period "
                                "figures cannot be added up").replace("%1", str(problem.line))
                      .replace("%2", problem.value))
            else:
                print("  " + problem_sentence(problem))
        if result.problem_count > SHOWN_PROBLEMS:
            print("  " + _t("… and %1 more.").replace("%1", str(result.problem_count - SHOWN_PROBLEMS)))
        if any(p.code is ProblemCode.DUPLICATE_ROW for p in result.problems):
            print(_t("Rows that are exact copies of an earlier row: check the file, or skip the copies with "
                     "--skip-duplicate-rows."))
        return
    _report_notices(result)
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


def _report_notices(result: ImportResult) -> None:
    """Rows the check points out (stored or not): how many of each kind, and the first lines."""
    from sst_desk.attendance_words import notice_sentence
    from sst_desk.importers.attendance_spec import NoticeCode

    headings = {
        NoticeCode.FUTURE_SKIPPED: _t("%1 row(s) dated after today were not stored:"),
        NoticeCode.DUPLICATE_SKIPPED: _t("%1 row(s) that copy an earlier row were skipped:"),
        NoticeCode.SUMMARY_SKIPPED: _t("%1 total row(s) (Summa, Totalt) were skipped:"),
        NoticeCode.WEEKEND: _t("%1 row(s) have scheduled time on a Saturday or Sunday (stored):"),
        NoticeCode.HOLIDAY: _t("%1 row(s) have scheduled time on a holiday or in a school break (stored):"),
    }
    for code, heading in headings.items():
        count = result.notice_counts.get(code, 0)
        if not count:
            continue
        print(heading.replace("%1", str(count)))
        shown = [n for n in result.notices if n.code is code][:SHOWN_NOTICES]
        for notice in shown:
            print("  " + notice_sentence(notice))
        if count > len(shown):
            print("  " + _t("… and %1 more.").replace("%1", str(count - len(shown))))
    if result.skipped_rows:
        print(_t("%1 row(s) in all were skipped and not stored.").replace("%1", str(result.skipped_rows)))


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
