"""``sst-desk due``: "Kommande" — what falls due in the next days for the person's own cases, as aligned text.

One line per item: date, time, what (with "overdue" for a meeting whose day has passed), the case number,
the student, the place and the detail (the insats, the consent's signer). The kinds are said in Swedish, as
the stages are in ``sst-desk cases`` (the report words); the rest follows the command line's language.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence

from sst_desk import i18n
from sst_desk.cli.common import open_door
from sst_desk.cli.format import whole_number
from sst_desk.reports.labels_sv import label as swedish_label
from sst_desk.workflow.agenda import DEFAULT_DAYS, MAX_DAYS, DueItem, window_end
from sst_desk.workflow.validation import visible_escapes

CONTEXT = "CommandLine"


def _t(text: str) -> str:
    return i18n.translate(CONTEXT, text)


def _days(text: str) -> int:
    return whole_number(text, 0, MAX_DAYS)


def add_commands(commands: argparse._SubParsersAction, add_db, default_db: str) -> None:
    due = commands.add_parser(
        "due", help=_t("what falls due in the next days for your cases"),
        description=_t("List the follow-ups, boosterträffar, consents that expire and insatser that end in the "
                       "next days for the cases you are responsible for, with overdue meetings first."))
    add_db(due, default_db)
    due.add_argument("--days", type=_days, default=DEFAULT_DAYS, metavar="N",
                     help=_t("how many days ahead, 0 to %1 (default: %2)").replace("%1", str(MAX_DAYS))
                     .replace("%2", str(DEFAULT_DAYS)))
    due.set_defaults(_run=run)


def run(args: argparse.Namespace) -> int:
    today = dt.date.today()  # a server uses its own day
    with open_door(args) as opened:
        items = opened.door.agenda.due_items(today, args.days)
    sys.stdout.write(to_table(items, today, args.days))
    return 0


def to_table(items: Sequence[DueItem], today: dt.date, days: int) -> str:
    """The items as aligned columns under a heading naming the window."""
    heading = (_t("Upcoming %1 – %2 (%3 days)").replace("%1", today.isoformat())
               .replace("%2", window_end(today, days).isoformat()).replace("%3", str(days)))
    if not items:
        return heading + "\n\n" + _t("Nothing falls due in the next %1 days.").replace("%1", str(days)) + "\n"
    header = (_t("Date"), _t("Time"), _t("What"), _t("Case"), _t("Student"), _t("Place"), _t("Detail"))
    lines = [header] + [
        (
            item.date.isoformat(),
            item.time.strftime("%H:%M") if item.time else "–",
            _t("%1, overdue").replace("%1", swedish_label(item.kind)) if item.overdue else swedish_label(item.kind),
            str(item.case_id),
            item.label,
            item.place,
            item.detail,
        )
        for item in items
    ]
    # Names stored before they were checked may hold a NUL, an escape or a direction override: never raw.
    lines = [tuple(visible_escapes(cell) for cell in line) for line in lines]
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    out = [heading, ""]
    for number, line in enumerate(lines):
        cells = [cell.rjust(w) if i == 3 else cell.ljust(w) for i, (cell, w) in enumerate(zip(line, widths))]
        out.append("  ".join(cells).rstrip())
        if number == 0:
            out.append("  ".join("-" * w for w in widths))
    total = len(items)
    out.append("\n" + (_t("1 date.") if total == 1 else _t("%1 dates.").replace("%1", str(total))))
    return "\n".join(out) + "\n"
