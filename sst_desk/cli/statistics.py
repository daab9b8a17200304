"""``sst-desk stats``: the team's statistics for a school year, a term or a period, as text or as a file.

``sst-desk stats --year 2025/26 | --term HT2025 | --from DAY --to DAY [--by school|grade|gender|level|assessment|
worker] [--csv FILE | --xlsx FILE | --pdf FILE | --yearly FILE] [--force]``

The figures come from the same use case as the window's Team → Statistik (``services.statistics.team_statistics``:
access checked, the team's threshold, the view logged), on the database or the team server the command signs in
on; a server counts on its own day. Without a file option the tables are printed as aligned text: a cell of
fewer students than the team's threshold as "<5" (primary suppression), a cell hidden so that such a cell cannot
be worked out as ".." (secondary: it may hold 5 or more). With one, the file is made by ``sst_desk.reports`` (the same functions as
the window's export buttons), written whole beside its target and put in place — an existing file only with
``--force``, never a database — and the export is logged (``record_statistics_export``) before it appears.

Exit status: 0 done; 1 a failure (refused, no such file …); 2 a command line that cannot be answered (a
malformed year, term or day, the end before the start, a period longer than five years).
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from sst_desk import i18n
from sst_desk.cli.common import open_door
from sst_desk.cli.errors import CommandError, say
from sst_desk.workflow.stats_model import SECONDARY_TEXT, cell_text

if TYPE_CHECKING:
    from sst_desk.workflow.stats_model import Statistics

CONTEXT = "CommandLine"
BREAKDOWNS = ("school", "grade", "gender", "level", "assessment", "worker")  # workflow.stats_model.Dimension
FILE_OPTIONS = ("csv", "xlsx", "pdf", "yearly")  # services.statistics.EXPORT_FORMATS


def _t(text: str) -> str:
    return i18n.translate(CONTEXT, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - Qt's name, so lupdate finds the strings
    return text


def add_commands(commands: argparse._SubParsersAction, add_db, default_db: str) -> None:
    stats = commands.add_parser(
        "stats", help=_t("the team's statistics for a school year, a term or a period"),
        description=_t("The team's statistics for a period: a team lead's over every case of the team, a worker's "
                       "over their own cases. Groups of fewer students than the team's threshold show as <5. "
                       "Without a file option the tables are printed; every view and export is recorded in the "
                       "access log."))
    period = stats.add_mutually_exclusive_group(required=True)
    period.add_argument("--year", type=school_year_bounds, metavar="2025/26",
                        help=_t("a school year, July 1 to June 30 (2025/26, 2025/2026 or 2025)"))
    period.add_argument("--term", type=term_bounds_of, metavar="HT2025",
                        help=_t("a term: HT2025 (July 1 to December 31) or VT2026 (January 1 to June 30)"))
    period.add_argument("--from", dest="start", type=day, metavar="DAY",
                        help=_t("the first day of a period (YYYY-MM-DD); needs --to"))
    stats.add_argument("--to", dest="end", type=day, metavar="DAY",
                       help=_t("the last day of the period given with --from"))
    stats.add_argument("--by", choices=BREAKDOWNS, default=None, metavar="|".join(BREAKDOWNS),
                       help=_t("break the tables down by school, årskurs, gender, nivå, with or without needs "
                               "assessment, or worker"))
    files = stats.add_mutually_exclusive_group()
    files.add_argument("--csv", type=Path, metavar="FILE", help=_t("write the tables as CSV"))
    files.add_argument("--xlsx", type=Path, metavar="FILE", help=_t("write the tables as an Excel workbook"))
    files.add_argument("--pdf", type=Path, metavar="FILE", help=_t("write the report for the nämnd as PDF"))
    files.add_argument("--yearly", type=Path, metavar="FILE", help=_t("write the one-page yearly report as PDF"))
    stats.add_argument("--force", action="store_true",
                       help=_t("replace FILE if it exists (never a database, key file or backup)"))
    stats.add_argument("--team-name", default=None, metavar="NAME",
                       help=_t("team name in the PDF's header (default: the saved setting)"))
    add_db(stats, default_db)
    stats.set_defaults(_run=stats_command)


# --- the period -------------------------------------------------------------------------------------------

def school_year_bounds(text: str) -> tuple[dt.date, dt.date]:
    """ "2025/26" (argparse type): July 1 2025 to June 30 2026."""
    from sst_desk.cli.attendance import school_year

    first = school_year(text)
    return dt.date(first, 7, 1), dt.date(first + 1, 6, 30)


def term_bounds_of(text: str) -> tuple[dt.date, dt.date]:
    """ "HT2025" or "VT2026" (argparse type; also "ht 2025", "VT-2026")."""
    from sst_desk.workflow.attendance import term_bounds

    cleaned = text.strip().upper().replace(" ", "").replace("-", "")
    kind, year = cleaned[:2], cleaned[2:]
    if kind not in ("HT", "VT") or not (year.isdigit() and len(year) == 4 and 1990 <= int(year) <= 2100):
        raise argparse.ArgumentTypeError(
            _t("'%1' is not a term; write it as HT2025 (autumn) or VT2026 (spring)").replace("%1", text[:30]))
    return term_bounds(dt.date(int(year), 9 if kind == "HT" else 3, 1))


def day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            _t("'%1' is not a day; write it as YYYY-MM-DD, e.g. 2025-08-18").replace("%1", text[:30])) from None


class BadRequest(Exception):
    """The command line asks for what the statistics cannot answer: exit status 2, like argparse."""


def period_of(args: argparse.Namespace) -> tuple[dt.date, dt.date]:
    """The period asked for; ``BadRequest`` with a sentence when it cannot be answered."""
    from sst_desk.services.statistics import StatisticsRequestError, check_period

    if args.start is not None:
        if args.end is None:
            raise BadRequest(_t("--from needs --to: give the last day of the period too."))
        start, end = args.start, args.end
    else:
        if args.end is not None:
            raise BadRequest(_t("--to goes with --from, not with --year or --term."))
        start, end = args.year or args.term
    try:
        check_period(start, end)
    except StatisticsRequestError as refused:
        raise BadRequest(request_sentence(refused)) from None
    return start, end


def request_sentence(refused) -> str:
    """A ``services.statistics.StatisticsRequestError`` in words."""
    from sst_desk.services.statistics import MAX_YEARS, RequestProblem

    problem = refused.problem
    if problem is RequestProblem.END_BEFORE_START:
        return _t("The period %1 ends before it starts; nothing was counted.").replace("%1", refused.value)
    if problem is RequestProblem.TOO_LONG:
        return (_t("The period %1 is longer than %2 years; ask for a shorter one.")
                .replace("%1", refused.value).replace("%2", str(MAX_YEARS)))
    if problem is RequestProblem.UNKNOWN_BREAKDOWN:
        return _t("'%1' is not a breakdown the statistics know.").replace("%1", refused.value)
    return _t("'%1' is not a file format the statistics are written in.").replace("%1", refused.value)


# --- the command ------------------------------------------------------------------------------------------

def stats_command(args: argparse.Namespace) -> int:
    from sst_desk.services.statistics import StatisticsRequestError

    try:
        start, end = period_of(args)
    except BadRequest as bad:
        say(str(bad))
        return 2
    fmt, target = next(((name, getattr(args, name)) for name in FILE_OPTIONS if getattr(args, name) is not None),
                       (None, None))
    out = None
    if target is not None:
        from sst_desk.cli.printing import database_file
        from sst_desk.fileio import check_target

        out = check_target(target, force=args.force, database=database_file(args))  # before the password
        make = _file_maker(fmt)  # a missing report module is said before anything is counted
    with open_door(args) as opened:
        statistics = opened.door.statistics
        try:
            stats = statistics.team_statistics(start, end, args.by, today=dt.date.today())  # a server: its day
        except StatisticsRequestError as refused:
            raise CommandError(request_sentence(refused)) from None
        if out is None:
            sys.stdout.write(as_text(stats))
            return 0
        from sst_desk.cli.printing import database_file
        from sst_desk.fileio import write_exports

        data = make(stats, _context(args, opened))
        write_exports([(data, out)], force=args.force, database=database_file(args),
                      before_commit=lambda: statistics.record_statistics_export(start, end, args.by, fmt))
    print(_t("Wrote the statistics for %1 to %2").replace("%1", period_words(start, end)).replace("%2", str(out)))
    return 0


def _file_maker(fmt: str):
    """The function that makes the file's bytes from (stats, report context), from ``sst_desk.reports``."""
    try:
        if fmt == "csv":
            from sst_desk.reports.statistics_tables import statistics_csv

            return lambda stats, _context: statistics_csv(stats)
        if fmt == "xlsx":
            from sst_desk.reports.statistics_tables import statistics_xlsx

            return lambda stats, _context: statistics_xlsx(stats)
        if fmt == "pdf":
            from sst_desk.reports.statistics import build_statistics_report

            return build_statistics_report
        from sst_desk.reports.statistics_yearly import build_yearly_report

        return build_yearly_report
    except ImportError:
        raise CommandError(_t("This installation cannot write the statistics as %1 yet; print them without a file "
                              "option. Nothing was written.").replace("%1", fmt.upper())) from None


def _context(args: argparse.Namespace, opened):
    from sst_desk.cli.printing import _context as print_context

    return print_context(args, opened, dt.date.today())


# --- the tables as text -----------------------------------------------------------------------------------

TABLE_TITLES: dict[str, str] = {  # CountTable.key → its title (docs/statistics.md defines each figure)
    "active": QT_TRANSLATE_NOOP("CommandLine", "Students enrolled (inskrivna) at some time in the period"),
    "raised": QT_TRANSLATE_NOOP("CommandLine", "New cases (aktualiseringar)"),
    "enrolled": QT_TRANSLATE_NOOP("CommandLine", "Inskrivningar in the period"),
    "closed": QT_TRANSLATE_NOOP("CommandLine", "Avslut in the period"),
    "booster_proposed": QT_TRANSLATE_NOOP("CommandLine", "Boosterträffar proposed"),
    "booster_held": QT_TRANSLATE_NOOP("CommandLine", "Boosterträffar held"),
    "raised_by": QT_TRANSLATE_NOOP("CommandLine", "New cases by who raised them"),
    "closing_reason": QT_TRANSLATE_NOOP("CommandLine", "Avslut by reason"),
    "referral": QT_TRANSLATE_NOOP("CommandLine", "Referrals by kind"),
    "stage_now": QT_TRANSLATE_NOOP("CommandLine", "Cases in each stage now"),
    "goal_rating": QT_TRANSLATE_NOOP("CommandLine", "Goals by area and their latest rating"),
    "behorighet": QT_TRANSLATE_NOOP("CommandLine", "Gymnasiebehörighet at avslut (årskurs 9)"),
}
DIMENSION_WORDS: dict[str, str] = {  # a table's row dimension, as the head of its first column
    "": QT_TRANSLATE_NOOP("CommandLine", "All"),
    "school": QT_TRANSLATE_NOOP("CommandLine", "School"),
    "grade": QT_TRANSLATE_NOOP("CommandLine", "Årskurs"),
    "gender": QT_TRANSLATE_NOOP("CommandLine", "Gender"),
    "level": QT_TRANSLATE_NOOP("CommandLine", "Nivå"),
    "assessment": QT_TRANSLATE_NOOP("CommandLine", "Needs assessment"),
    "worker": QT_TRANSLATE_NOOP("CommandLine", "Worker"),
    "raised_by": QT_TRANSLATE_NOOP("CommandLine", "Raised by"),
    "closing_reason": QT_TRANSLATE_NOOP("CommandLine", "Reason"),
    "referral": QT_TRANSLATE_NOOP("CommandLine", "Kind"),
    "stage": QT_TRANSLATE_NOOP("CommandLine", "Stage"),
    "goal_area": QT_TRANSLATE_NOOP("CommandLine", "Goal area"),
    "behorighet": QT_TRANSLATE_NOOP("CommandLine", "Behörighet"),
    "insats": QT_TRANSLATE_NOOP("CommandLine", "Insats"),
}


def _code_classes() -> dict[str, type]:
    from sst_desk.workflow import codes

    return {"gender": codes.Gender, "assessment": codes.Assessment, "raised_by": codes.RaisedBy,
            "closing_reason": codes.ClosingReason, "referral": codes.ReferralKind, "stage": codes.Stage,
            "goal_area": codes.GoalArea, "rating": codes.Rating, "behorighet": codes.Behorighet}


def code_word(dimension: str, code: str, stats: Statistics) -> str:
    """A row's or column's code in words: an enum's label, a worker's or an insats's name, an årskurs."""
    from sst_desk.vocabulary import words

    if code == "":
        if dimension == "":
            return _t("All")
        return _t("not rated") if dimension == "rating" else _t("(not known)")
    if code == "all" and dimension == "gender":  # the one column of a table broken down by gender
        return _t("All")
    if code == "other" and dimension == "goal_area":
        return _t("other areas")
    if dimension == "worker":
        return stats.worker_names.get(code, code)
    if dimension == "insats":
        return stats.insats_names.get(code, code)
    if dimension == "grade":
        return _t("åk %1").replace("%1", code)
    if dimension == "level":
        return _t("nivå %1").replace("%1", code)
    cls = _code_classes().get(dimension)
    if cls is not None:
        try:
            said = words(cls(code))
        except (ValueError, KeyError):
            return code
        return said.sv if i18n.language() == "sv" else said.en
    return code


def period_words(start: dt.date, end: dt.date) -> str:
    return f"{start.isoformat()} – {end.isoformat()}"


def _number(value: float | None) -> str:
    return "–" if value is None else i18n.decimal(value)


def as_text(stats: Statistics) -> str:
    """Every table of ``stats`` as aligned text, then the distributions, suppressed cells as "<N"."""
    from sst_desk.cli.format import visible_escapes

    hidden = f"<{stats.request.min_cell}"  # a primary suppressed cell: fewer students than the threshold
    by = stats.request.breakdown.value if stats.request.breakdown is not None else ""
    lines = [_t("Statistics %1, %2 cases counted").replace("%1", period_words(stats.request.start, stats.request.end))
             .replace("%2", str(stats.case_count)),
             _t("Groups of fewer than %1 students are shown as %2.").replace("%1", str(stats.request.min_cell))
             .replace("%2", hidden),
             _t("%1 hides a figure so that a smaller group cannot be worked out from the others.")
             .replace("%1", SECONDARY_TEXT), ""]

    def cell(c) -> str:  # "<5" for a primary suppressed cell, ".." for a secondary one (never "<5": it holds ≥ 5)
        return cell_text(c, stats.request.min_cell)

    for table in stats.counts:
        title = _t(TABLE_TITLES[table.key]) if table.key in TABLE_TITLES else table.key
        if table.row_dimension in BREAKDOWNS:
            title += " – " + _t("by %1").replace("%1", _t(DIMENSION_WORDS[table.row_dimension]).lower())
        head = ([_t(DIMENSION_WORDS[table.row_dimension]) if table.row_dimension in DIMENSION_WORDS else ""]
                + [code_word(table.column_dimension, c, stats) for c in table.columns] + [_t("Total")])
        body = [[code_word(table.row_dimension, r, stats)] + [cell(c) for c in row] + [cell(total)]
                for r, row, total in zip(table.rows, table.cells, table.row_totals, strict=True)]
        body.append([_t("Total")] + [cell(c) for c in table.column_totals] + [cell(table.total)])
        lines += [title] + _aligned([head] + body, visible_escapes) + [""]
    # (title, distributions, their groups' dimension, whether the first is everyone's: the absence lists)
    distributions = [(_t("Change in absence, baseline to the latest 4 weeks (percentage points)"),
                      stats.absence.get("change_latest", ()), by, True),
                     (_t("Change in absence, baseline to avslut (percentage points)"),
                      stats.absence.get("change_at_close", ()), by, True),
                     (_t("Days in each stage"), stats.stage_days, "stage", False),
                     (_t("Insatser: students and their change in absence at avslut"), stats.insatser, "insats",
                      False)]
    for title, rows, dimension, everyone_first in distributions:
        if not rows:
            continue
        head = [_t(DIMENSION_WORDS.get(dimension, "")), _t("Students"), _t("Median"), _t("Lower quartile"),
                _t("Upper quartile"), _t("Mean")]
        body = [[_t("All") if everyone_first and n == 0 else code_word(dimension, d.group, stats),
                 cell(d.n_cell), _number(d.median), _number(d.q1), _number(d.q3),
                 _number(d.mean)] for n, d in enumerate(rows)]
        lines += [title] + _aligned([head] + body, visible_escapes) + [""]
    if stats.notes:
        lines.append(_t("Notes: %1").replace("%1", ", ".join(stats.notes)))
    return "\n".join(lines).rstrip("\n") + "\n"


def _aligned(rows: list[list[str]], clean) -> list[str]:
    rows = [[clean(c) for c in row] for row in rows]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    out = []
    for number, row in enumerate(rows):
        cells = [c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))]
        out.append("  ".join(cells).rstrip())
        if number == 0:
            out.append("  ".join("-" * w for w in widths))
    return out
