"""Fictional attendance for the demo cases, shaped by each case's story, and a few skollinje events.

Every demo student gets a school day record (Monday–Friday, Swedish school
holidays left out) from about half a year before the case was raised until
today: absence is high before inskrivning and, for most students, falls after
the plan starts — some with long continuous absences, some with ströfrånvaro
(many short absences). Stored directly (the demo generator has raw storage
access), as one "demo" import. Invented data; the same seed gives the same records.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa

from sst_desk.importers.calendar_sv import is_school_day
from sst_desk.workflow.attendance import AttendanceRecord, Granularity
from sst_desk.workflow.codes import EventKind

if TYPE_CHECKING:
    from sst_desk.persistence import Database

DAY = dt.timedelta(days=1)
DEMO_EXPORTS = "demo-exporter"  # the folder beside the demo database with a school's export to import


def school_days(start: dt.date, end: dt.date) -> Iterator[dt.date]:
    day = start
    while day <= end:
        if is_school_day(day):
            yield day
        day += DAY


def records_for(rng: random.Random, raised_on: dt.date, enrolled_on: dt.date | None, end: dt.date,
                grade: int | None) -> list[AttendanceRecord]:
    """One record per school day: high absence before inskrivning, then (mostly) falling."""
    scheduled = 270.0 if (grade or 5) < 7 else 330.0
    before = rng.uniform(0.25, 0.6)
    after = rng.choice([rng.uniform(0.03, 0.15), rng.uniform(0.03, 0.15), rng.uniform(0.15, 0.3), before])
    long_runs = rng.random() < 0.4  # absence in continuous spells rather than scattered
    turn = enrolled_on or raised_on + dt.timedelta(days=30)
    records: list[AttendanceRecord] = []
    spell = 0
    for day in school_days(raised_on - dt.timedelta(days=180), end):
        weeks_in = (day - turn).days / 7
        share = before if weeks_in < 0 else after + (before - after) * max(0.0, 1 - weeks_in / 16)
        if spell > 0:
            spell -= 1
            absent = scheduled
        elif long_runs and rng.random() < share / 8:
            spell = rng.randint(2, 12)
            absent = scheduled
        elif rng.random() < share * (0.5 if long_runs else 1.2):
            absent = scheduled if rng.random() < 0.3 else float(rng.choice([40, 60, 80, 120, 160]))
        else:
            absent = 0.0
        valid = round(absent * rng.choice([0.0, 0.3, 0.5, 1.0]) / 10) * 10 if absent else 0.0
        records.append(AttendanceRecord(day, Granularity.DAY, scheduled, absent, valid, absent - valid))
    return records


def add_attendance(db: Database, case_ids: list[int], seed: int, today: dt.date) -> int:
    """Give every case's student attendance up to ``today`` and some cases an event; returns the record count."""
    from sst_desk.persistence.accesslog import utc_now
    from sst_desk.persistence.mapping import (
        attendance,
        attendance_imports,
        case_events,
        cases,
        students,
    )

    rng = random.Random(seed * 7919 + 17)
    stored = 0
    with db.uow() as uow:
        found = uow.session.execute(
            sa.select(cases.c.id, cases.c.student_id, cases.c.raised_on, cases.c.enrolled_on, students.c.grade)
            .join_from(cases, students, cases.c.student_id == students.c.id)
            .where(cases.c.id.in_(case_ids)).order_by(cases.c.id)).all()
        import_id = uow.session.execute(attendance_imports.insert().values(
            at=utc_now(), by="demo", file_name="demo", file_sha256="0" * 64, mapping_name="demo",
            rows=0, students=len(found))).inserted_primary_key[0]
        for case_id, student_id, raised_on, enrolled_on, grade in found:
            rows = [{"student_id": student_id, "period_start": r.period_start, "granularity": r.granularity.value,
                     "unit": r.unit.value, "scheduled": r.scheduled, "absent": r.absent, "valid": r.valid,
                     "invalid": r.invalid, "import_id": import_id}
                    for r in records_for(rng, raised_on, enrolled_on, today, grade)]
            if rows:
                uow.session.execute(attendance.insert(), rows)
                stored += len(rows)
            if rng.random() < 0.35:
                kind = rng.choice([EventKind.SJUKDOM, EventKind.FAMILJ, EventKind.SKOLBYTE, EventKind.PLACERING])
                on = raised_on + dt.timedelta(days=rng.randint(-60, 90))
                uow.session.execute(case_events.insert().values(case_id=case_id, on=min(on, today), kind=kind.value,
                                                                note=_EVENT_NOTES[kind]))
        uow.session.execute(attendance_imports.update().where(attendance_imports.c.id == import_id)
                            .values(rows=stored))
        uow.commit()
    return stored


_EVENT_NOTES = {
    EventKind.SJUKDOM: "Influensa, hemma en vecka.",
    EventKind.FAMILJ: "Föräldrarna har separerat.",
    EventKind.SKOLBYTE: "Bytte till en mindre skola.",
    EventKind.PLACERING: "Placerad i familjehem.",
}


def write_demo_export(db: Database, folder: Path, today: dt.date) -> Path | None:
    """A school's export of the last weeks for a newcomer to try Team → Import attendance…, with its saved mapping.

    One school's demo students plus two students the team does not know (to see how unmatched rows
    are listed); semicolon CSV in Windows-1252 with decimal commas, as the schools' systems write.
    """
    from sst_desk.importers.samples import write_csv_export
    from sst_desk.persistence.mapping import students

    with db.uow() as uow:
        rows = uow.session.execute(sa.select(students.c.school, students.c.personal_id, students.c.first_name,
                                             students.c.last_name)
                                   .where(students.c.personal_id.is_not(None), students.c.protected_identity.is_(False))
                                   .order_by(students.c.school, students.c.id)).all()
    if not rows:
        return None
    school = rows[0].school
    people = [(r.personal_id, f"{r.first_name} {r.last_name}") for r in rows if r.school == school]
    folder.mkdir(parents=True, exist_ok=True)
    start = today - dt.timedelta(days=today.weekday() + 14)  # the Monday two weeks back
    export = write_csv_export(folder / f"narvaro-{_slug(school)}.csv", people, start, today, seed=5, unknown=2)
    export.spec.name = f"{school} – närvaroexport"
    export.spec.school = school
    from sst_desk.services import Door

    Door(db.uow, db.actor).attendance.save_attendance_mapping(export.spec)
    return export.path


def _slug(text: str) -> str:
    plain = text.casefold().translate(str.maketrans("åäöé", "aaoe"))
    return "".join(ch if ch.isalnum() else "-" for ch in plain).strip("-")
