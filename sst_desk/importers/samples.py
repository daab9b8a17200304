"""Fictional, real-shaped attendance exports for the tests, the demo and the docs.

The shapes are those of Swedish school systems' exports: a semicolon CSV in
Windows-1252 with decimal commas, or an XLSX with a title row and a two-row
merged header; per day, per week or per lesson. The absence is believable:
most students are mostly present, some have ströfrånvaro, some a long absence,
some a rising one; nothing is scheduled in the lov (sportlov v9, påsklov,
sommarlov, höstlov v44, jullov) and on helgdagar. Every writer returns what it
wrote, so a test can read the file back and compare. All people are made up.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sst_desk.workflow.attendance import AttendanceRecord, Granularity, Unit

from sst_desk.importers.attendance_spec import AmountUnit, Column, IdentifierKind, MappingSpec
from sst_desk.importers.calendar_sv import is_school_day, lov_day
from sst_desk.importers.people import fake_students

_NOTES = ["Sjukanmäld av vårdnadshavare", "Sen ankomst; bussen", "Hämtad av förälder\nfeber", "Tandläkare",
          'Ej anmäld, "okänd orsak"']
_LESSON_PLANS = [  # (subject, minutes) per weekday, Monday first; multiples of 15 so hours are exact
    [("Svenska", 60), ("Matematik", 60), ("Idrott", 90), ("Engelska", 60), ("SO", 45)],
    [("Matematik", 60), ("NO", 75), ("Slöjd", 90), ("Svenska", 60)],
    [("Engelska", 45), ("Svenska", 60), ("Musik", 60), ("Matematik", 60), ("Bild", 60)],
    [("SO", 60), ("NO", 60), ("Matematik", 60), ("Svenska", 45), ("Hemkunskap", 90)],
    [("Idrott", 60), ("Engelska", 60), ("Mentorstid", 30), ("Matematik", 60)],
]


@dataclass
class SampleExport:
    """A written export: its file, a mapping that reads it, and each data row as (personnummer, record)."""

    path: Path
    spec: MappingSpec
    rows: list[tuple[str, AttendanceRecord]] = field(default_factory=list)


@dataclass
class _Lesson:
    day: dt.date
    subject: str
    scheduled: int
    valid: int
    invalid: int
    note: str = ""


def _profile(rng: random.Random) -> str:
    return rng.choices(["present", "strö", "long", "rising"], weights=[55, 25, 12, 8])[0]


def _lessons(rng: random.Random, start: dt.date, end: dt.date) -> Iterator[_Lesson]:
    """One student's lessons (with their absence) from start to end, by the student's pattern."""
    profile = _profile(rng)
    days = max((end - start).days, 1)
    long_from = start + dt.timedelta(days=rng.randrange(days))
    long_to = long_from + dt.timedelta(weeks=rng.randint(3, 8))
    day = start
    while day <= end:
        if day.weekday() < 5 and is_school_day(day):
            progress = (day - start).days / days
            full = {"present": 0.03, "strö": 0.05, "long": 0.02, "rising": 0.02 + 0.5 * progress}[profile]
            partial = {"present": 0.01, "strö": 0.12, "long": 0.04, "rising": 0.05 + 0.2 * progress}[profile]
            if profile == "long" and long_from <= day <= long_to:
                full = 0.9
            whole_day = rng.random() < full
            day_valid = whole_day and rng.random() < (0.4 if profile == "rising" else 0.8)
            for subject, minutes in _LESSON_PLANS[day.weekday()]:
                valid = invalid = 0
                if whole_day:
                    if day_valid:
                        valid = minutes
                    else:
                        invalid = minutes
                elif rng.random() < partial:
                    missed = min(minutes, 15 * rng.randint(1, 4))
                    if rng.random() < 0.3:
                        valid = missed
                    else:
                        invalid = missed
                note = rng.choice(_NOTES) if (valid or invalid) and rng.random() < 0.05 else ""
                yield _Lesson(day, subject, minutes, valid, invalid, note)
        elif day.weekday() < 5 and not lov_day(day):
            yield _Lesson(day, "", 0, 0, 0, "Helgdag")  # a helgdag in term: exported with nothing scheduled
        day += dt.timedelta(days=1)


def _periods(lessons: Iterator[_Lesson], granularity: str, per_lesson: bool) -> Iterator[tuple[dt.date, list[_Lesson]]]:
    """Group lessons into the export's rows: each lesson, each day, or each ISO week (lov weeks kept, at 0)."""
    if per_lesson:
        for lesson in lessons:
            yield lesson.day, [lesson]
        return
    groups: dict[dt.date, list[_Lesson]] = {}
    for lesson in lessons:
        key = lesson.day if granularity == "day" else lesson.day - dt.timedelta(days=lesson.day.weekday())
        groups.setdefault(key, []).append(lesson)
    yield from groups.items()


def _all_weeks(start: dt.date, end: dt.date) -> list[dt.date]:
    monday = start - dt.timedelta(days=start.weekday())
    return [monday + dt.timedelta(weeks=w) for w in range((end - monday).days // 7 + 1)]


def _records(students: list[tuple[str, str]], start: dt.date, end: dt.date, granularity: str, per_lesson: bool,
             seed: int) -> Iterator[tuple[str, str, dt.date, list[_Lesson]]]:
    for number, (personnummer, name) in enumerate(students):
        rng = random.Random(f"{seed}:{number}:{personnummer}")
        periods = dict(_periods(_lessons(rng, start, end), granularity, per_lesson)) if not per_lesson else None
        if periods is None:
            for day, group in _periods(_lessons(rng, start, end), granularity, True):
                yield personnummer, name, day, group
        elif granularity == "week":
            for monday in _all_weeks(start, end):
                yield personnummer, name, monday, periods.get(monday, [])  # a lov week: a row with 0 scheduled
        else:
            for day, group in periods.items():
                yield personnummer, name, day, group


def _number(value: float, unit: AmountUnit, decimal_comma: bool) -> str:
    if unit is AmountUnit.HOURS:
        value = value / 60
    text = f"{value:,.2f}".rstrip("0").rstrip(".") if value % 1 else f"{int(value):,d}"
    if decimal_comma:
        return text.replace(",", "\u00a0").replace(".", ",")  # "1 350", "5,25"
    return text.replace(",", "")


def _record(group: list[_Lesson], day: dt.date, granularity: str) -> AttendanceRecord:
    valid = float(sum(lesson.valid for lesson in group))
    invalid = float(sum(lesson.invalid for lesson in group))
    return AttendanceRecord(day, Granularity.WEEK if granularity == "week" else Granularity.DAY,
                            float(sum(lesson.scheduled for lesson in group)), valid + invalid, valid, invalid,
                            Unit.MINUTES)


def _with_unknown(students: list[tuple[str, str]], unknown: int, seed: int) -> list[tuple[str, str]]:
    taken = {pnr for pnr, _ in students}
    extra = [s for s in fake_students(unknown + len(students), seed=seed + 7919) if s[0] not in taken][:unknown]
    return list(students) + extra


def _week_text(monday: dt.date) -> str:
    year, week, _ = monday.isocalendar()
    return f"v. {week} {year}"


def csv_export_text(students: list[tuple[str, str]], start: dt.date, end: dt.date, *, delimiter: str = ";",
                    decimal_comma: bool = True, granularity: str = "day", per_lesson: bool = False, seed: int = 0,
                    unknown: int = 0, unit: AmountUnit = AmountUnit.MINUTES) -> tuple[str, SampleExport]:
    """The text of a CSV export and what it holds (the path left empty)."""
    suffix = "(tim)" if unit is AmountUnit.HOURS else "(min)"
    period = "Vecka" if granularity == "week" and not per_lesson else "Datum"
    header = ["Personnummer", "Namn", "Klass", period] + (["Lektion"] if per_lesson else []) + [
        f"Schemalagd tid {suffix}", f"Frånvaro {suffix}", f"Giltig frånvaro {suffix}", f"Ogiltig frånvaro {suffix}",
        "Anteckning"]
    spec = MappingSpec(name="Exempelskolan CSV", school="Exempelskolan", identifier=IdentifierKind.PERSONNUMMER,
                       unit=unit, columns={
                           Column.STUDENT: "Personnummer",
                           Column.WEEK if period == "Vecka" else Column.DATE: period,
                           Column.SCHEDULED: header[-5], Column.ABSENT: header[-4],
                           Column.VALID: header[-3], Column.INVALID: header[-2]})
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    export = SampleExport(Path(), spec)
    for personnummer, name, day, group in _records(_with_unknown(students, unknown, seed), start, end,
                                                  granularity, per_lesson, seed):
        record = _record(group, day, "week" if period == "Vecka" else "day")
        export.rows.append((personnummer, record))
        klass = f"{7 + int(personnummer[-2]) % 3}{'ABC'[int(personnummer[-3]) % 3]}"
        note = " / ".join(lesson.note for lesson in group if lesson.note)
        cells = [personnummer, name, klass, _week_text(day) if period == "Vecka" else day.isoformat()]
        if per_lesson:
            cells.append(group[0].subject)
        cells += [_number(v, unit, decimal_comma) for v in
                  (record.scheduled, record.absent, record.valid, record.invalid)] + [note]
        writer.writerow(cells)
    return out.getvalue(), export


def write_csv_export(path: Path, students: list[tuple[str, str]], start: dt.date, end: dt.date, *,
                     encoding: str = "cp1252", delimiter: str = ";", decimal_comma: bool = True, bom: bool = False,
                     granularity: str = "day", per_lesson: bool = False, seed: int = 0, unknown: int = 0,
                     unit: AmountUnit = AmountUnit.MINUTES) -> SampleExport:
    """Write a CSV export of ``students`` (personnummer, name) plus ``unknown`` made-up students not in the list."""
    text, export = csv_export_text(students, start, end, delimiter=delimiter, decimal_comma=decimal_comma,
                                   granularity=granularity, per_lesson=per_lesson, seed=seed, unknown=unknown,
                                   unit=unit)
    data = text.encode(encoding)
    if bom:
        data = "\ufeff".encode(encoding) + data
    Path(path).write_bytes(data)
    export.path = Path(path)
    return export


def write_truncated_csv(path: Path, students: list[tuple[str, str]], start: dt.date, end: dt.date, *,
                        cut: str = "quoted", **options) -> SampleExport:
    """An export cut short: inside a quoted (multi-line) note (``cut="quoted"``) or in the middle of a row.

    The export's rows are those before the cut one."""
    encoding = options.pop("encoding", "cp1252")
    text, export = csv_export_text(students, start, end, **options)
    delimiter = options.get("delimiter", ";")
    first = text.splitlines()[1].split(delimiter)
    if cut == "quoted":
        text += delimiter.join(first[:-1] + ['"Hämtad av förälder\r\nfeb'])
    else:
        text += delimiter.join(first[:4])
    Path(path).write_bytes(text.encode(encoding))
    export.path = Path(path)
    return export


def write_empty(path: Path, *, bom: bool = False) -> Path:
    """An empty export (with only a UTF-8 BOM if ``bom``)."""
    Path(path).write_bytes(b"\xef\xbb\xbf" if bom else b"")
    return Path(path)


def write_xlsx_export(path: Path, students: list[tuple[str, str]], start: dt.date, end: dt.date, *,
                      granularity: str = "day", per_lesson: bool = False, seed: int = 0, unknown: int = 0,
                      merged_header: bool = True, title: str = "Frånvarorapport – Exempelskolan") -> SampleExport:
    """Write an XLSX export: a title row, then a two-row header whose "Frånvaro (min)" spans Totalt, Giltig and
    Ogiltig (``merged_header``), or a blank row and a one-row header. Personnummer are numbers, days are date
    cells; a week export has a week number column and a year column. Streams (write-only), so it can be big."""
    from openpyxl import Workbook  # only the XLSX samples need it

    weekly = granularity == "week" and not per_lesson
    period = ["Vecka", "År"] if weekly else ["Datum"]
    lead = ["Personnummer", "Namn", "Klass", *period] + (["Lektion"] if per_lesson else [])
    amounts = ["Totalt", "Giltig", "Ogiltig"] if merged_header else [
        "Frånvaro (min)", "Giltig frånvaro (min)", "Ogiltig frånvaro (min)"]
    names = lead + ["Schemalagd tid (min)"] + [f"Frånvaro (min) {a}" if merged_header else a for a in amounts]
    columns = {Column.STUDENT: "Personnummer", Column.SCHEDULED: names[len(lead)], Column.ABSENT: names[-3],
               Column.VALID: names[-2], Column.INVALID: names[-1]}
    if weekly:
        columns.update({Column.WEEK: "Vecka", Column.YEAR: "År"})
    else:
        columns[Column.DATE] = "Datum"
    export = SampleExport(Path(path), MappingSpec(name="Exempelskolan XLSX", school="Exempelskolan",
                                                  columns=columns, sheet="Frånvaro"))
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Frånvaro")
    width = len(lead) + 5
    sheet.append([title])
    sheet.merged_cells.add(f"A1:{_letter(width)}1")
    if merged_header:
        sheet.append(lead + ["Schemalagd tid (min)", "Frånvaro (min)", None, None, "Anteckning"])
        sheet.append([None] * (len(lead) + 1) + amounts + [None])
        for column in [*range(1, len(lead) + 2), width]:  # the single cells span both header rows
            sheet.merged_cells.add(f"{_letter(column)}2:{_letter(column)}3")
        sheet.merged_cells.add(f"{_letter(len(lead) + 2)}2:{_letter(len(lead) + 4)}2")
    else:
        sheet.append([])
        sheet.append(lead + ["Schemalagd tid (min)"] + amounts + ["Anteckning"])
    for personnummer, name, day, group in _records(_with_unknown(students, unknown, seed), start, end,
                                                  granularity, per_lesson, seed):
        record = _record(group, day, "week" if weekly else "day")
        export.rows.append((personnummer, record))
        last, first = name.split(" ", 1)[::-1] if " " in name else (name, "")
        year, week, _ = day.isocalendar()
        cells: list[object] = [int(personnummer.replace("-", "")), f"{last}, {first}" if first else last,
                               f"{7 + int(personnummer[-2]) % 3}A", *([week, year] if weekly else [day])]
        if per_lesson:
            cells.append(group[0].subject)
        cells += [int(record.scheduled), int(record.absent), int(record.valid or 0), int(record.invalid or 0),
                  " / ".join(lesson.note for lesson in group if lesson.note) or None]
        sheet.append(cells)
    workbook.save(path)
    return export


def _letter(column: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(column)
