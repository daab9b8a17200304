"""What the corpus's writers share: the students' days, a row, the expected records, writing a text file, a mapping."""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from sst_desk.importers.attendance_spec import (
    Column,
    MappingSpec,
)
from sst_desk.workflow.attendance import AttendanceRecord, Granularity, Unit

from . import PEOPLE


DAYS = [dt.date(2026, 9, 7) + dt.timedelta(days=i) for i in range(12) if (dt.date(2026, 9, 7)
                                                                         + dt.timedelta(days=i)).weekday() < 5]
DAY_MINUTES = 300


@dataclass(frozen=True)
class Row:
    """One data row as the file states it (minutes, or the file's own unit for lessons and percent)."""

    pnr: str
    name: str
    start: dt.date
    scheduled: float
    absent: float
    valid: float | None
    invalid: float | None
    end: dt.date | None = None


def num(value: float, decimals: int = 0, comma: bool = True) -> str:
    text = f"{value:.{decimals}f}" if decimals else (str(int(value)) if float(value).is_integer() else str(value))
    return text.replace(".", ",") if comma else text


def day_rows(seed: int, days: list[dt.date] = DAYS, people=PEOPLE, minutes: int = DAY_MINUTES) -> list[Row]:
    """A believable day per student and day: mostly present, some absence split into valid and invalid."""
    rng = random.Random(seed)
    rows = []
    for pnr, name in people:
        for day in days:
            absent = rng.choice([0, 0, 0, 0, 45, 60, 120, minutes])
            valid = rng.choice([0, 15, 45, absent]) if absent else 0
            valid = min(valid, absent)
            rows.append(Row(pnr, name, day, minutes, absent, valid, absent - valid))
    return rows


def expected(rows: list[Row], granularity: Granularity, unit: Unit = Unit.MINUTES,
             factor: float = 1.0) -> dict[str, list[AttendanceRecord]]:
    """The records the store must hold: the rows of one student and period summed, in date order."""
    sums: dict[tuple[str, dt.date, dt.date | None], list] = {}
    for row in rows:
        key = (row.pnr, row.start, row.end)
        total = sums.setdefault(key, [0.0, 0.0, None, None])
        total[0] += row.scheduled * factor
        total[1] += row.absent * factor
        if row.valid is not None:
            total[2] = (total[2] or 0.0) + row.valid * factor
        if row.invalid is not None:
            total[3] = (total[3] or 0.0) + row.invalid * factor
    out: dict[str, list[AttendanceRecord]] = defaultdict(list)
    for (pnr, start, end), (scheduled, absent, valid, invalid) in sorted(sums.items(), key=lambda kv: kv[0][:2]):
        out[pnr].append(AttendanceRecord(start, granularity, scheduled, absent, valid, invalid, unit, end))
    return dict(out)


def write_text(path: Path, lines: list[list[str]], *, sep: str = ";", encoding: str = "utf-8",
               newline: str = "\r\n") -> Path:
    def cell(text: str) -> str:
        quoted = text.replace('"', '""')
        return f'"{quoted}"' if sep in text or '"' in text or "\n" in text else text
    path.write_bytes((newline.join(sep.join(cell(c) for c in line) for line in lines) + newline).encode(encoding))
    return path


def spec_of(name: str, columns: dict[Column, str], **kw) -> MappingSpec:
    return MappingSpec(name=name, school="Ekbackeskolan", columns=columns, **kw)


SKOLA24_HEADER = ["Personnummer", "Elev", "Klass", "Datum", "Schemalagd tid (min)", "Total frånvaro (min)",
                  "Anmäld frånvaro (min)", "Ej anmäld frånvaro (min)"]


SKOLA24_SPEC = {Column.STUDENT: "Personnummer", Column.DATE: "Datum", Column.SCHEDULED: "Schemalagd tid (min)",
                Column.ABSENT: "Total frånvaro (min)", Column.VALID: "Anmäld frånvaro (min)",
                Column.INVALID: "Ej anmäld frånvaro (min)"}


def skola24_line(row: Row, date: str | None = None) -> list[str]:
    return [row.pnr, row.name, "8C", date or row.start.isoformat(), num(row.scheduled), num(row.absent),
            num(row.valid), num(row.invalid)]


WEEK_SPEC = {Column.STUDENT: "Personnummer", Column.WEEK: "Vecka", Column.SCHEDULED: "Schemalagt (min)",
             Column.ABSENT: "Frånvaro (min)", Column.VALID: "Giltig (min)", Column.INVALID: "Ogiltig (min)"}


WEEK_WRITINGS = ["v.{}", "v. {}", "V{}"]


def _week_file(directory: Path, name: str, title: list[list[str]], weeks: list[tuple[int, dt.date]]
               ) -> tuple[Path, list[Row]]:
    rng = random.Random(3)
    rows, lines = [], title + [["Personnummer", "Namn", "Vecka", "Schemalagt (min)", "Frånvaro (min)",
                                "Giltig (min)", "Ogiltig (min)"]]
    for index, (pnr, person) in enumerate(PEOPLE):
        for number, monday in weeks:
            absent = rng.choice([0, 60, 135, 400])
            valid = rng.choice([0, absent])
            rows.append(Row(pnr, person, monday, 1500, absent, valid, absent - valid))
            week = WEEK_WRITINGS[(index + number) % 3].format(number)
            lines.append([pnr, person, week, "1500", num(absent), num(valid), num(absent - valid)])
    return write_text(directory / f"{name}.csv", lines), rows


AUTUMN_WEEKS = [(37, dt.date(2026, 9, 7)), (38, dt.date(2026, 9, 14)), (39, dt.date(2026, 9, 21))]


def us(day: dt.date) -> str:
    return f"{day.month}/{day.day}/{day.year}"


TERM = (dt.date(2026, 8, 17), dt.date(2026, 11, 27))


PERCENTS = [(35.1, 20.0, 15.1), (4.2, 4.2, 0.0), (0.0, 0.0, 0.0), (12.5, 2.5, 10.0), (61.0, 60.0, 1.0),
            (7.3, 3.3, 4.0)]


def _period_rows(values=PERCENTS, period=TERM) -> list[Row]:
    return [Row(pnr, name, period[0], 100.0, absent, valid, invalid, period[1])
            for (pnr, name), (absent, valid, invalid) in zip(PEOPLE, values, strict=True)]
