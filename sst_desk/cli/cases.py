"""``sst-desk cases``: the cases the person may see, as a table, CSV or JSON."""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from sst_desk import i18n
from sst_desk.cli.common import open_door
from sst_desk.cli.format import FORMATS, format_rows

CONTEXT = "CommandLine"


def _t(text: str) -> str:
    return i18n.translate(CONTEXT, text)


def add_commands(commands: argparse._SubParsersAction, add_db, default_db: str) -> None:
    cases = commands.add_parser("cases", help=_t("list the cases"), description=_t("List the cases in a database."))
    add_db(cases, default_db)
    cases.add_argument("--format", choices=FORMATS, default="table",
                       help=_t("table (for reading), csv or json (default: table)"))
    cases.set_defaults(_run=run)


def run(args: argparse.Namespace) -> int:
    with open_door(args) as opened:
        rows = opened.door.cases.case_rows(dt.date.today())  # a server uses its own day
    sys.stdout.write(format_rows(rows, args.format))
    return 0
