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
from typing import TYPE_CHECKING

import sqlalchemy as sa

from .workflow.attendance import AttendanceRecord, Granularity
from .workflow.codes import EventKind

if TYPE_CHECKING:
    from .persistence import Database

DAY = dt.timedelta(days=1)


def easter(year: int) -> dt.date:
    """Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def is_school_day(day: dt.date) -> bool:
    """A weekday outside the usual lov: sportlov v9, påsklov, sommarlov, höstlov v44, jullov, röda dagar."""
    if day.weekday() >= 5:
        return False
    week = day.isocalendar().week
    if week in (9, 44):
        return False
    if (day.month, day.day) >= (6, 12) and (day.month, day.day) <= (8, 18):
        return False
    if (day.month, day.day) >= (12, 21) or (day.month, day.day) <= (1, 7):
        return False
    easter_sunday = easter(day.year)
    if easter_sunday.isocalendar().week + 1 == week:  # påsklov: the week after Easter
        return False
    if day in (easter_sunday - 2 * DAY, easter_sunday + DAY, easter_sunday + 39 * DAY) or (day.month, day.day) == (5, 1):
        return False
    return True


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
    from .persistence.accesslog import utc_now
    from .persistence.mapping import attendance, attendance_imports, case_events, cases, students

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
