"""The team's statistics as the database holds them: one ``CaseFacts`` per case a person may count.

``case_facts`` reads every case in scope in a FIXED number of grouped queries, whatever the number of
cases (no query per case, no ORM object graph): the case and student columns; the transitions (→ the
stage entries); the case members (→ workers); referrals; boosterträffar; the goals of each case's
current plan with their latest rating; the catalogue keys of its insatser; and the three absence figures,
all windows counted in ONE grouped query (``window_absence``), plus one query for the few students whose
records need ``workflow.attendance.summarize`` itself (PERIOD or PERCENT records, days mixed with weeks).

Scope (``visible_to=(user_id, team)``, as ``workflow.access`` grants STATISTICS × VIEW):

* ``team`` True (a teamledare): EVERY case of the team, protected students' cases too — unlike the case
  list. Only suppressed aggregates leave the statistics, never a row; docs/statistics.md, "Access".
* ``team`` False (a skolsocionom, a kurator): the cases they are a member of.
* None: raw storage access (tests, benchmarks): every case.

Decisions (docs/statistics.md says the same for whoever recomputes the figures):

* Stage entries: ``(first stage, raised_on)`` then ``(to_stage, local day of the transition)`` for every
  transition in time order — the skollinje's reading (``workflow.skollinje``); several steps on one day
  are all kept (the consumer decides).
* Goals: those of the case's CURRENT plan (the highest version; a revision copies the goals into the new
  version, so counting every version would count one goal twice), each with the rating of the most recent
  uppföljning that rated it (held_on, then the uppföljning's id), None when never rated. A closed case's
  current plan has every goal rated (avslut requires it).
* Insatser: the distinct catalogue keys of the insatser in ANY version of the case's plans (an insats
  without a catalogue key is not counted).
* Absence windows, each counted like ``summarize`` over the student's records:
  baseline = the 8 weeks before inskrivning, ``[enrolled_on − 56 d, enrolled_on − 1 d]``;
  latest = the 4 weeks up to ``ref`` (today, or closed_on for a closed case), not before inskrivning:
  ``[max(enrolled_on, ref − 27 d), ref]`` — the same window as ``workflow.attendance.change_since_baseline``;
  at_close = the 4 weeks up to avslut, ``[max(enrolled_on, closed_on − 27 d), closed_on]``.
  A case never enrolled has no absence figures; a window with nothing scheduled gives None.
* Gymnasiebehörighet: the ``cases.gymnasiebehorighet`` column when the schema has it (migration 0010),
  else None.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict, defaultdict
from collections.abc import Iterable, Mapping

import sqlalchemy as sa
from sqlalchemy.orm import Session

from sst_desk.workflow.attendance import AttendanceRecord, Granularity, Unit, summarize
from sst_desk.workflow.codes import (
    GoalArea,
    Rating,
    Stage,
)
from sst_desk.workflow.stats_model import CaseFacts

from sst_desk.persistence.mapping import (
    access_log,
    attendance,
    attendance_imports,
    boostertraffar,
    case_members,
    cases,
    follow_ups,
    goal_ratings,
    goals,
    handlingsplaner,
    insatser,
    referrals,
    students,
    transitions,
    users,
)

BASELINE_DAYS = 56  # 8 weeks before inskrivning
RECENT_DAYS = 28  # 4 weeks up to today / avslut (the window holds 28 days: ref − 27 … ref)
SPECIAL_CHUNK = 500  # student ids per IN list when the few special students' records are read

# Which window of a case (the low bits of a window's key: case_id * 4 + which); a closed case's at_close
# window is its latest one
BASELINE, LATEST = 0, 1


# --- counting absence over windows (shared with the case list's term_absence) --------------------------

def _shift(expr: sa.ColumnElement, days: int, dialect: str) -> sa.ColumnElement:
    """``expr`` (a date column) plus ``days`` days, in SQL."""
    if days == 0:
        return expr
    if dialect == "sqlite":  # dates are ISO text: date() gives ISO text back, compared as text
        return sa.func.date(expr, f"{days:+d} days")
    # PostgreSQL: date + integer = date (a literal: a bound Python int may be sent as bigint, and there is no
    # date + bigint)
    return sa.type_coerce(expr + sa.literal_column(f"({int(days)})", sa.Integer), sa.Date)


def _greatest(a: sa.ColumnElement, b: sa.ColumnElement, dialect: str) -> sa.ColumnElement:
    if dialect == "sqlite":
        return sa.func.max(a, b)  # two arguments: SQLite's scalar max
    return sa.func.greatest(a, b)


def _least(a: sa.ColumnElement, b: sa.ColumnElement, dialect: str) -> sa.ColumnElement:
    if dialect == "sqlite":
        return sa.func.min(a, b)  # two arguments: SQLite's scalar min
    return sa.func.least(a, b)


def _one_if(condition: sa.ColumnElement[bool]) -> sa.ColumnElement[int]:
    return sa.case((condition, 1), else_=0)


def window_absence(session: Session, windows: sa.CTE) -> dict[int, float]:
    """Absence % per window key, every window counted in one grouped query joined to ``attendance``.

    ``windows`` (a MATERIALIZED CTE: its dates are worked out once, not again for each attendance row) has
    the columns ``key`` (int, unique), ``student_id``, ``start``, ``end`` (inclusive), ``lo`` = start − 6 days
    and ``week_lo``/``week_hi`` = start − 3 / end − 3 days (the Mondays whose Thursday is inside). Counted like
    ``workflow.attendance.summarize`` for the usual export: days inside the window, weeks whose Thursday is
    inside it, lov (nothing scheduled) left out, absence clamped to 0…scheduled, units weighted by school
    days (a day 1, a week 5). A window touched by a PERIOD or PERCENT record, or holding days of a student who
    also has week records near it (a week record drops its days), is summed by ``summarize`` itself over the
    student's records (one more query for all such students): the figure is exactly the case window's. A
    window with nothing scheduled has no entry.
    """
    dialect = session.get_bind().dialect.name
    a, w = attendance.c, windows.c
    is_day = a.granularity == Granularity.DAY.value
    is_week = a.granularity == Granularity.WEEK.value
    # The join range: every record that can matter to the window — a week overlapping it starts on or after
    # ``lo``; a PERIOD (or PERCENT) record starting earlier never counts in it and cannot change what counts
    # unless another PERIOD record inside does, which makes the window special anyway. The unique key
    # (student_id, period_start, granularity) finds them. Within the range, a day counts from ``start`` on,
    # a week from ``week_lo`` to ``week_hi``.
    counted = sa.and_(a.scheduled > 0, sa.or_(sa.and_(is_day, a.period_start >= w.start),
                                              sa.and_(is_week, a.period_start >= w.week_lo,
                                                      a.period_start <= w.week_hi)))
    rows = (
        sa.select(w.key.label("key"), a.unit.label("unit"), a.scheduled.label("scheduled"),
                  _least(_greatest(a.absent, sa.literal(0.0), dialect), a.scheduled, dialect).label("absent"),
                  sa.case((is_week, 5), else_=1).label("weight"), _one_if(counted).label("counted"),
                  _one_if(sa.or_(a.granularity == Granularity.PERIOD.value, a.unit == Unit.PERCENT.value))
                  .label("special"),
                  _one_if(is_day).label("day"), _one_if(is_week).label("week"))
        .select_from(windows.join(attendance, sa.and_(a.student_id == w.student_id, a.period_start >= w.lo,
                                                      a.period_start <= w.end)))
        .subquery("rows")
    )
    r = rows.c
    query = (sa.select(r.key, sa.func.sum(r.counted * r.scheduled), sa.func.sum(r.counted * r.absent),
                       sa.func.sum(r.counted * r.weight), sa.func.max(r.special), sa.func.max(r.counted * r.day),
                       sa.func.max(r.week))
             .group_by(r.key, r.unit))
    parts: dict[int, list[tuple[float, int]]] = {}
    special: set[int] = set()
    days: set[int] = set()
    weeks: set[int] = set()
    for key, scheduled, absent_sum, count, is_special, has_day, has_week in session.execute(query):
        if is_special:
            special.add(key)
        elif count and scheduled:
            parts.setdefault(key, []).append((100.0 * absent_sum / scheduled, count))
        if has_day:
            days.add(key)
        if has_week:
            weeks.add(key)
    # A week record drops the days of its week (``effective``), whatever the unit: summarize decides.
    special |= days & weeks
    result = {key: sum(p * n for p, n in units) / sum(n for _p, n in units)
              for key, units in parts.items() if key not in special}
    if special:
        found = sa.select(w.key, w.student_id, w.start, w.end).where(w.key.in_(sorted(special)))
        spans = {key: (sid, _as_date(start), _as_date(end)) for key, sid, start, end in session.execute(found)}
        records = records_for_students(session, {sid for sid, _s, _e in spans.values()})
        for key, (sid, start, end) in spans.items():
            percent = summarize(records.get(sid, ()), start, end).absence_percent
            if percent is not None:
                result[key] = percent
    return result


def _as_date(value: dt.date | str) -> dt.date:
    """A date from a computed column (SQLite's date() gives ISO text; PostgreSQL a date)."""
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def records_for_students(session: Session, student_ids: Iterable[int]) -> dict[int, list[AttendanceRecord]]:
    """Each student's attendance records (``records_for_student`` for many: a query per 500 students)."""
    a = attendance.c
    ids = sorted(set(student_ids))
    found: dict[int, list[AttendanceRecord]] = defaultdict(list)
    for first in range(0, len(ids), SPECIAL_CHUNK):
        query = (sa.select(a.student_id, a.period_start, a.granularity, a.scheduled, a.absent, a.valid, a.invalid,
                           a.unit, a.period_end)
                 .where(a.student_id.in_(ids[first:first + SPECIAL_CHUNK]))
                 .order_by(a.student_id, a.period_start, a.granularity))
        for sid, start, gran, scheduled, absent, valid, invalid, unit, end in session.execute(query):
            granularity = Granularity(gran)
            found[sid].append(AttendanceRecord(start, granularity, scheduled, absent, valid, invalid, Unit(unit),
                                               end if granularity is Granularity.PERIOD else None))
    return dict(found)


def date_windows(windows: sa.Select, dialect: str) -> sa.CTE:
    """``windows`` (columns key, student_id, start, end) with the derived columns ``window_absence`` needs,
    as a MATERIALIZED CTE (SQLite ≥ 3.35, PostgreSQL ≥ 12): each date is worked out once per window."""
    raw = windows.subquery("raw_windows")
    return _materialized(sa.select(
        raw.c.key, raw.c.student_id, raw.c.start.label("start"), raw.c.end.label("end"),
        _shift(raw.c.start, -6, dialect).label("lo"), _shift(raw.c.start, -3, dialect).label("week_lo"),
        _shift(raw.c.end, -3, dialect).label("week_hi")))


def fixed_windows(student_ids: sa.Select, start: dt.date, end: dt.date) -> sa.CTE:
    """One window [start, end] for each student id ``student_ids`` selects (the key is the student id)."""
    ids = student_ids.subquery("ids")
    sid = ids.c[0]

    def day(value: dt.date, name: str) -> sa.Label:
        return sa.literal(value, sa.Date).label(name)

    return _materialized(sa.select(
        sid.label("key"), sid.label("student_id"), day(start, "start"), day(end, "end"),
        day(start - dt.timedelta(days=6), "lo"), day(start - dt.timedelta(days=3), "week_lo"),
        day(end - dt.timedelta(days=3), "week_hi")))


def _materialized(query: sa.Select) -> sa.CTE:
    # Without it SQLite flattens the windows into the join and works out every date again for each
    # attendance row (measured: 4× slower; benchmarks/bench_statistics.py).
    return query.cte("windows").prefix_with("MATERIALIZED")


# --- the facts --------------------------------------------------------------------------------------------

def _case_scope(visible_to: tuple[int, bool] | None) -> sa.ColumnElement[bool] | None:
    """Which cases a person counts, as a WHERE clause on ``cases`` (None: every case of the team)."""
    if visible_to is None or visible_to[1]:
        return None  # the team lead counts every case, protected students' too (only aggregates leave)
    return cases.c.id.in_(sa.select(case_members.c.case_id).where(case_members.c.user_id == visible_to[0]))


def _scoped(query: sa.Select, case_id: sa.ColumnElement, scope: sa.ColumnElement[bool] | None) -> sa.Select:
    if scope is None:
        return query
    return query.where(case_id.in_(sa.select(cases.c.id).where(scope)))


def case_windows(scope: sa.ColumnElement[bool] | None, today: dt.date, dialect: str,
                 absence_for: tuple[dt.date, dt.date] | None = None) -> sa.CTE:
    """The baseline and latest windows of every enrolled case in scope (key = case_id * 4 + BASELINE/LATEST).

    A closed case's at_close window IS its latest one (both end at avslut), so it is not counted twice.
    ``absence_for=(start, end)``: only the cases enrolled at some time in that period (enrolled by its end,
    not closed before its start) — the only ones whose absence the statistics use (``workflow.statistics``:
    "active"); None: every enrolled case.
    """
    c = cases.c
    ref = sa.func.coalesce(c.closed_on, sa.literal(today, sa.Date))
    where = [c.enrolled_on.is_not(None)]
    if scope is not None:
        where.append(scope)
    if absence_for is not None:
        start, end = absence_for
        where += [c.enrolled_on <= sa.literal(end, sa.Date),
                  sa.or_(c.closed_on.is_(None), c.closed_on >= sa.literal(start, sa.Date))]
    # The wide ``cases`` rows are read once (each page decrypted once), into a narrow list the two windows use.
    enrolled_cases = (sa.select(c.id.label("id"), c.student_id.label("student_id"), c.enrolled_on.label("enrolled"),
                                ref.label("ref")).where(*where).cte("enrolled_cases").prefix_with("MATERIALIZED"))
    e = enrolled_cases.c

    def window(which: int, first, last) -> sa.Select:
        return sa.select((e.id * 4 + which).label("key"), e.student_id.label("student_id"), first.label("start"),
                         last.label("end"))

    union = sa.union_all(
        window(BASELINE, _shift(e.enrolled, -BASELINE_DAYS, dialect), _shift(e.enrolled, -1, dialect)),
        window(LATEST, _greatest(e.enrolled, _shift(e.ref, -(RECENT_DAYS - 1), dialect), dialect), e.ref)
        .where(e.ref >= e.enrolled),
    )
    return date_windows(sa.select(union.subquery("case_windows")), dialect)


def fingerprint(session: Session) -> tuple:
    """What the facts are read from, in one cheap query: a save bumps its case's revision (``merge``), a
    change of who is responsible changes the members' sums, an import that stores anything adds an import
    row (and new rows), gallring removes cases and students (their attendance goes with the student).
    Equal fingerprints of one database: equal facts. No count of ``attendance``: on 1.5 million rows that
    alone reads the whole table (300 ms); its largest id and the imports' say the same here. The access log's
    first entry (its hash holds the moment it was written) tells two databases made one after the other at
    the same path apart."""
    c, m, a, i, s, log = cases.c, case_members.c, attendance.c, attendance_imports.c, students.c, access_log.c

    def one(value) -> sa.ScalarSelect:
        return sa.select(value).scalar_subquery()

    query = sa.select(
        sa.select(sa.func.count()).select_from(cases).scalar_subquery(),
        one(sa.func.coalesce(sa.func.sum(c.revision), 0)),
        one(sa.func.coalesce(sa.func.max(c.id), 0)),
        sa.select(sa.func.count()).select_from(case_members).scalar_subquery(),
        one(sa.func.coalesce(sa.func.sum(m.case_id * 7919 + m.user_id), 0)),
        one(sa.func.coalesce(sa.func.max(a.id), 0)),
        one(sa.func.coalesce(sa.func.max(i.id), 0)),
        sa.select(sa.func.count()).select_from(students).scalar_subquery(),
        one(sa.func.coalesce(sa.func.max(s.id), 0)),
        sa.select(log.hash).order_by(log.seq).limit(1).scalar_subquery(),
    )
    return tuple(session.execute(query).one())


_KEPT = 4  # fact lists kept per process (a team lead switching breakdowns, a few people at a server)
PARTIAL_AT_MOST = 5_000  # cases re-read one by one (an IN list) at most; more: one full read is cheaper


class _Kept:
    """One person's facts as last read, PER CASE, with what each was read from.

    ``fingerprint``: the whole database's (``fingerprint``), when they were read; ``cases``: case id →
    (revision, student id, raised_on as stored); ``members``: case id → user ids; ``attendance``: the largest attendance row id
    and import id; ``database``: the access log's first hash."""

    __slots__ = ("fingerprint", "cases", "members", "attendance", "database", "facts")

    def __init__(self, fingerprint: tuple, cases: dict[int, tuple[int, int, str]], members: dict[int, tuple[int, ...]],
                 attendance: tuple[int, int], database: str | None, facts: dict[int, CaseFacts]) -> None:
        self.fingerprint, self.cases, self.members, self.attendance, self.database, self.facts = (
            fingerprint, cases, members, attendance, database, facts)


_kept: OrderedDict[tuple, _Kept] = OrderedDict()
_kept_lock = threading.Lock()


def _marks(session: Session, scope) -> tuple[dict[int, tuple[int, int, str]], dict[int, tuple[int, ...]],
                                              tuple[int, int], str | None]:
    """What each case's facts are read from, in three cheap queries (integers only, no attendance scan):
    every case in scope with its revision and student; every member of those cases; the largest attendance
    row id and import id, and the access log's first hash (tells two databases at one path apart)."""
    c, m, a, i, log = cases.c, case_members.c, attendance.c, attendance_imports.c, access_log.c
    # raised_on (as stored, no date parsing): SQLite may give a deleted case's id to the next new case (no
    # AUTOINCREMENT); its revision and student alone could then match the old one's
    query = sa.select(c.id, c.revision, c.student_id, sa.type_coerce(c.raised_on, sa.String))
    if scope is not None:
        query = query.where(scope)
    found = {case_id: (revision, student_id, raised) for case_id, revision, student_id, raised
             in session.execute(query)}
    members: dict[int, list[int]] = defaultdict(list)
    for case_id, user_id in session.execute(_scoped(sa.select(m.case_id, m.user_id), m.case_id, scope)):
        members[case_id].append(user_id)
    row = session.execute(sa.select(
        sa.select(sa.func.coalesce(sa.func.max(a.id), 0)).scalar_subquery(),
        sa.select(sa.func.coalesce(sa.func.max(i.id), 0)).scalar_subquery(),
        sa.select(log.hash).order_by(log.seq).limit(1).scalar_subquery())).one()
    return (found, {case_id: tuple(sorted(ids)) for case_id, ids in members.items()}, (row[0], row[1]), row[2])


def _touched_students(session: Session, since: tuple[int, int]) -> set[int]:
    """The students whose attendance changed after ``since`` (largest row id, largest import id): new rows
    have a larger id, a changed row takes the id of the import that changed it (``attendance._upsert``).
    One pass over ``attendance`` (import_id has no index; no migration for it): only after an import."""
    a = attendance.c
    query = sa.select(a.student_id).where(sa.or_(a.id > since[0], a.import_id > since[1])).distinct()
    return set(session.scalars(query))


def case_facts(session: Session, *, visible_to: tuple[int, bool] | None, today: dt.date,
               absence_for: tuple[dt.date, dt.date] | None = None) -> list[CaseFacts]:
    """Every case the person may count (module docstring: scope), as ``CaseFacts``, in case id order.

    ``absence_for=(start, end)``: the absence figures only of the cases enrolled at some time in that period
    (the statistics use no other's; ``case_windows``), the others' None — the windows are most of the work.

    The last few people's facts are kept in this process PER CASE, keyed by the database, the arguments,
    and for each case what it was read from (``_marks``: its revision and student, its members; the
    attendance's largest row and import id). Asking again reads the marks (a few ms) and then only the cases
    that changed: a save bumps its case's revision; a change of members shows in the members; an import
    touches students (``_touched_students``) and with them their cases; a case in scope no longer there
    (gallring, a member removed) is dropped. A case whose student changed has every case of that student
    read again (the student's school, grade and gender are shared). Another database at the same path, or
    more than PARTIAL_AT_MOST cases to read, reads everything. CaseFacts are frozen: sharing them is safe.
    """
    scope = _case_scope(visible_to)
    key = (str(session.get_bind().url), visible_to, today, absence_for)
    whole = fingerprint(session)  # one query (~35 ms on 20,000 cases); the marks cost ~3× that
    with _kept_lock:
        kept = _kept.get(key)
        if kept is not None:
            _kept.move_to_end(key)
            if kept.fingerprint == whole:  # nothing changed anywhere: nothing to read
                return [kept.facts[case_id] for case_id in sorted(kept.facts)]
    marks, members, attendance_mark, database = _marks(session, scope)
    facts: dict[int, CaseFacts]
    stale: set[int] | None = None  # None: read everything
    if (kept is not None and kept.database == database
            and all(now >= then for now, then in zip(attendance_mark, kept.attendance, strict=True))):
        stale = {case_id for case_id, mark in marks.items()
                 if kept.cases.get(case_id) != mark or kept.members.get(case_id, ()) != members.get(case_id, ())}
        students_changed = {marks[case_id][1] for case_id in stale}
        students_changed |= {kept.cases[case_id][1] for case_id in stale if case_id in kept.cases}
        if attendance_mark != kept.attendance:
            students_changed |= _touched_students(session, kept.attendance)
        if students_changed:
            stale |= {case_id for case_id, (_rev, sid, _raised) in marks.items() if sid in students_changed}
        if len(stale) > PARTIAL_AT_MOST:
            stale = None
    if stale is None:
        read = read_case_facts(session, visible_to=visible_to, today=today, absence_for=absence_for)
        facts = {f.case_id: f for f in read}
    else:
        facts = {case_id: f for case_id, f in kept.facts.items() if case_id in marks and case_id not in stale}
        if stale:
            for f in read_case_facts(session, visible_to=visible_to, today=today, absence_for=absence_for,
                                     only=stale):
                facts[f.case_id] = f
    result = [facts[case_id] for case_id in sorted(facts)]
    if fingerprint(session) != whole:
        # Someone committed while the facts were read (PostgreSQL's READ COMMITTED sees each statement's
        # newest data): they are right now but belong to no one state, so they are not kept.
        return result
    with _kept_lock:
        _kept[key] = _Kept(whole, marks, members, attendance_mark, database, facts)
        _kept.move_to_end(key)
        while len(_kept) > _KEPT:
            _kept.popitem(last=False)
    return result


def read_case_facts(session: Session, *, visible_to: tuple[int, bool] | None, today: dt.date,
                    absence_for: tuple[dt.date, dt.date] | None = None,
                    only: Iterable[int] | None = None) -> list[CaseFacts]:
    """``case_facts`` read from the database, never from what this process kept.

    Nine queries whatever the number of cases (ten when some absence window needs ``summarize``).
    ``only``: just these case ids (those of them in scope) — ``case_facts`` re-reading the changed ones.
    """
    dialect = session.get_bind().dialect.name
    scope = _case_scope(visible_to)
    if only is not None:
        chosen = cases.c.id.in_(sorted(set(only)))
        scope = chosen if scope is None else sa.and_(scope, chosen)
    c, s = cases.c, students.c
    behorighet = c.gymnasiebehorighet if "gymnasiebehorighet" in c else sa.null()  # migration 0010
    base = (sa.select(c.id, c.student_id, s.school, s.grade, s.gender, c.level, c.assessment, c.raised_by,
                      c.raised_on, c.stage, c.enrolled_on, c.closed_on, c.closing_reason, behorighet)
            .join_from(cases, students, c.student_id == s.id).order_by(c.id))
    if scope is not None:
        base = base.where(scope)
    rows = session.execute(base).all()
    if not rows:
        return []
    entries = _stage_entries(session, scope)
    workers = _grouped(session, _scoped(sa.select(case_members.c.case_id, case_members.c.user_id)
                                        .order_by(case_members.c.case_id, case_members.c.user_id),
                                        case_members.c.case_id, scope))
    r = referrals.c
    made = _grouped(session, _scoped(sa.select(r.case_id, r.kind, r.made_on).order_by(r.case_id, r.made_on, r.id),
                                     r.case_id, scope), lambda kind, on: (kind, on))
    b = boostertraffar.c
    boosters = _grouped(session, _scoped(sa.select(b.case_id, b.planned_on, b.held, b.held_on)
                                         .order_by(b.case_id, b.planned_on, b.id), b.case_id, scope),
                        lambda planned, held, held_on: (planned, None if held is None else bool(held), held_on))
    goal_facts = _goals(session, scope)
    keys = _insats_keys(session, scope)
    absence = window_absence(session, case_windows(scope, today, dialect, absence_for))
    facts = []
    for (case_id, student_id, school, grade, gender, level, assessment, raised_by, raised_on, stage, enrolled_on,
         closed_on, closing_reason, gymnasie) in rows:
        # every enum column comes back as its member already (str_enum / IntEnumType): no conversion per row
        key = case_id * 4
        latest = absence.get(key + LATEST)
        facts.append(CaseFacts(
            case_id=case_id, student_id=student_id, school=school, grade=grade, gender=gender,
            level=level, assessment=assessment, raised_by=raised_by,
            raised_on=raised_on, stage=stage, enrolled_on=enrolled_on, closed_on=closed_on,
            closing_reason=closing_reason, gymnasiebehorighet=gymnasie or None,
            stage_entries=_entries(entries.get(case_id, ()), stage, raised_on),
            workers=tuple(workers.get(case_id, ())), referrals=tuple(made.get(case_id, ())),
            boosters=tuple(boosters.get(case_id, ())), goals=tuple(goal_facts.get(case_id, ())),
            insatser=tuple(keys.get(case_id, ())),
            absence_baseline=absence.get(key + BASELINE), absence_latest=latest,
            absence_at_close=latest if closed_on is not None else None,  # the latest window ends at avslut
        ))
    return facts


def _grouped(session: Session, query: sa.Select, make=None) -> dict[int, list]:
    """Rows ``(case_id, *values)`` as case_id → [value …] (``make(*values)``, else the one value)."""
    found: dict[int, list] = defaultdict(list)
    for case_id, *values in session.execute(query):
        found[case_id].append(make(*values) if make is not None else values[0])
    return found


def _stage_entries(session: Session, scope) -> dict[int, list[tuple[Stage | None, Stage, dt.date]]]:
    """Each case's transitions in time order as (from_stage, to_stage, the local day it happened).

    Sorted here, not by the database (a temporary B-tree over 100,000 rows costs more than Python's sort),
    and the stored UTC time read as text on SQLite and turned into the local day per UTC hour (``_local_day``).
    """
    t = transitions.c
    text = session.get_bind().dialect.name == "sqlite"
    at = sa.type_coerce(t.at, sa.String) if text else t.at
    query = _scoped(sa.select(t.case_id, at, t.id, t.from_stage, t.to_stage), t.case_id, scope)
    rows = sorted(session.execute(query).tuples(), key=lambda row: row[:3])  # case, time (ISO text sorts), id
    day = _local_day_of_text if text else _local_day
    found: dict[int, list[tuple[Stage | None, Stage, dt.date]]] = defaultdict(list)
    for case_id, moment, _id, from_stage, to_stage in rows:
        found[case_id].append((from_stage, to_stage, day(moment)))
    return found


def _entries(steps: Iterable[tuple], stage: Stage, raised_on: dt.date) -> tuple[tuple[Stage, dt.date], ...]:
    """(first stage, raised_on) then (to_stage, the local day) of each transition, as ``workflow.skollinje``."""
    steps = list(steps)
    if not steps:
        return ((stage, raised_on),)
    first = steps[0][0] if steps[0][0] is not None else Stage.AKTUALISERING  # members already (str_enum)
    return ((first, raised_on), *((to_stage, day) for _from, to_stage, day in steps))


_OFFSETS: dict[tuple[int, int, int, int], dt.timedelta] = {}


def _local_day(moment: dt.datetime) -> dt.date:
    """``workflow.process.local_date`` (the worker's calendar day), with the local UTC offset looked up once
    per UTC hour (time zones change offset on a whole UTC hour): 100,000 transitions would otherwise each
    pay for a time-zone conversion."""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)  # stored as naive UTC (UTCDateTime)
    hour = (moment.year, moment.month, moment.day, moment.hour)
    offset = _OFFSETS.get(hour)
    if offset is None:
        offset = moment.replace(minute=0, second=0, microsecond=0).astimezone().utcoffset() or dt.timedelta()
        if len(_OFFSETS) > 100_000:
            _OFFSETS.clear()
        _OFFSETS[hour] = offset
    return (moment.astimezone(dt.UTC).replace(tzinfo=None) + offset).date()


_DAY_OFFSETS: dict[str, tuple[dt.date, int] | None] = {}


def _local_day_of_text(stored: str) -> dt.date:
    """The local day of a UTC time as SQLite stores it ("2025-01-14 08:30:00.000000"): the same as
    ``_local_day``. The local UTC offset is looked up once per UTC DAY (the offset at its first and last hour;
    when they agree the whole day has it — a DST change happens at most once a day); the local day is then
    the UTC day shifted by whole days from the minutes alone (100,000 transitions: no datetime per row).
    A day whose offset changes, or a non-whole-minute time, goes through ``_local_day`` itself."""
    date_text = stored[:10]
    known = _DAY_OFFSETS.get(date_text, False)
    if known is False:
        known = _day_offset(date_text)
        if len(_DAY_OFFSETS) > 100_000:
            _DAY_OFFSETS.clear()
        _DAY_OFFSETS[date_text] = known
    if known is None or len(stored) < 16:
        return _local_day(dt.datetime.fromisoformat(stored).replace(tzinfo=dt.UTC))
    day, offset = known
    shift = (int(stored[11:13]) * 60 + int(stored[14:16]) + offset) // 1440
    return day if not shift else day + dt.timedelta(days=shift)


def _day_offset(date_text: str) -> tuple[dt.date, int] | None:
    """(the UTC day, its local offset in minutes) when the offset is one and whole minutes all day, else None."""
    day = dt.date.fromisoformat(date_text)
    first = dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC)
    offsets = {(first + dt.timedelta(hours=h)).astimezone().utcoffset() or dt.timedelta() for h in (0, 23)}
    if len(offsets) != 1:
        return None
    (offset,) = offsets
    if offset.total_seconds() % 60:
        return None
    return day, int(offset.total_seconds() // 60)


def _goals(session: Session, scope) -> dict[int, list[tuple[GoalArea, Rating | None]]]:
    """The goals of each case's current plan (highest version), each with its latest rating."""
    p, g, gr, f = handlingsplaner.c, goals.c, goal_ratings.c, follow_ups.c
    # scoped inside too: a re-read of a few cases (``only``) then groups their plans, not every plan
    current = (_scoped(sa.select(p.case_id, sa.func.max(p.version).label("version")), p.case_id, scope)
               .group_by(p.case_id).subquery("current"))
    query = (sa.select(p.case_id, g.id, g.area, gr.rating)
             .select_from(handlingsplaner.join(current, sa.and_(current.c.case_id == p.case_id,
                                                                current.c.version == p.version))
                          .join(goals, g.plan_id == p.id)
                          .outerjoin(goal_ratings, gr.goal_id == g.id)
                          .outerjoin(follow_ups, f.id == gr.follow_up_id))
             .order_by(p.case_id, g.position, g.id, f.held_on, f.id, gr.id))
    latest: dict[int, dict[int, tuple[GoalArea, Rating | None]]] = defaultdict(dict)
    for case_id, goal_id, area, rating in session.execute(_scoped(query, p.case_id, scope)):
        # rows of one goal come oldest rating first: the last one written stays
        latest[case_id][goal_id] = (area, rating)  # members already (str_enum), rating None when never rated
    return {case_id: list(by_goal.values()) for case_id, by_goal in latest.items()}


def _insats_keys(session: Session, scope) -> dict[int, list[str]]:
    i, p = insatser.c, handlingsplaner.c
    query = (sa.select(p.case_id, i.catalogue_key).join_from(insatser, handlingsplaner, i.plan_id == p.id)
             .where(i.catalogue_key.is_not(None), i.catalogue_key != "").distinct()
             .order_by(p.case_id, i.catalogue_key))
    return _grouped(session, _scoped(query, p.case_id, scope))


def display_names(session: Session, user_ids: Iterable[int]) -> Mapping[int, str]:
    """The display name (else the user name) of each user id."""
    ids = sorted(set(user_ids))
    if not ids:
        return {}
    u = users.c
    return {uid: (name or username) for uid, name, username in
            session.execute(sa.select(u.id, u.display_name, u.username).where(u.id.in_(ids)))}


class StatisticsRepository:
    """The statistics' reads in a unit of work (``tx.statistics``)."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def case_facts(self, *, visible_to: tuple[int, bool] | None, today: dt.date,
                   absence_for: tuple[dt.date, dt.date] | None = None) -> list[CaseFacts]:
        return case_facts(self.session, visible_to=visible_to, today=today, absence_for=absence_for)

    def display_names(self, user_ids: Iterable[int]) -> Mapping[int, str]:
        return display_names(self.session, user_ids)
