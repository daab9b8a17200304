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
from collections import defaultdict
from collections.abc import Iterable, Mapping

import sqlalchemy as sa
from sqlalchemy.orm import Session

from sst_desk.workflow.attendance import AttendanceRecord, Granularity, Unit, summarize
from sst_desk.workflow.codes import (
    Assessment,
    Behorighet,
    ClosingReason,
    Gender,
    GoalArea,
    Level,
    RaisedBy,
    Rating,
    ReferralKind,
    Stage,
)
from sst_desk.workflow.stats_model import CaseFacts

from sst_desk.persistence.mapping import (
    attendance,
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

# Which window of a case (the low bits of a window's key: case_id * 4 + which)
BASELINE, LATEST, AT_CLOSE = 0, 1, 2


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


def window_absence(session: Session, windows: sa.Subquery) -> dict[int, float]:
    """Absence % per window key, every window counted in one grouped query joined to ``attendance``.

    ``windows`` has the columns ``key`` (int, unique), ``student_id``, ``start``, ``end`` (inclusive),
    ``lo`` = start − 6 days and ``week_lo``/``week_hi`` = start − 3 / end − 3 days (the Mondays whose
    Thursday is inside). Counted like ``workflow.attendance.summarize`` for the usual export: days inside
    the window, weeks whose Thursday is inside it, lov (nothing scheduled) left out, absence clamped to
    0…scheduled, units weighted by school days (a day 1, a week 5). A window touched by a PERIOD or PERCENT
    record, or holding days of a student who also has week records near it (a week record drops its days),
    is summed by ``summarize`` itself over the student's records (one more query for all such students):
    the figure is exactly the case window's. A window with nothing scheduled has no entry.
    """
    a, w = attendance.c, windows.c
    is_day = a.granularity == Granularity.DAY.value
    is_week = a.granularity == Granularity.WEEK.value
    in_window = sa.or_(sa.and_(is_day, a.period_start >= w.start, a.period_start <= w.end),
                       sa.and_(is_week, a.period_start >= w.week_lo, a.period_start <= w.week_hi))
    special_here = sa.and_(
        sa.or_(a.granularity == Granularity.PERIOD.value, a.unit == Unit.PERCENT.value),
        sa.func.coalesce(a.period_end, a.period_start) >= w.lo,
    )
    counted = sa.and_(in_window, a.scheduled > 0)
    weight = sa.case((is_week, 5), else_=1)
    absent = sa.case((a.absent > a.scheduled, a.scheduled), (a.absent < 0, 0), else_=a.absent)

    def when_counted(value):
        return sa.func.sum(sa.case((counted, value), else_=0))

    def flag(condition):
        return sa.func.max(sa.case((condition, 1), else_=0))

    # The join range: every record that can matter to the window — a week overlapping it starts on or
    # after ``lo``; a PERIOD (or PERCENT) record starting earlier never counts in it and cannot change
    # what counts unless another PERIOD record inside does, which makes the window special anyway.
    # The unique key (student_id, period_start, granularity) finds them.
    query = (
        sa.select(w.key, w.student_id, w.start, w.end,
                  when_counted(a.scheduled), when_counted(absent), when_counted(weight),
                  flag(special_here), flag(sa.and_(counted, is_day)), flag(is_week))
        .select_from(windows.join(attendance, sa.and_(a.student_id == w.student_id, a.period_start >= w.lo,
                                                      a.period_start <= w.end)))
        .group_by(w.key, w.student_id, w.start, w.end, a.unit)
    )
    parts: dict[int, list[tuple[float, int]]] = {}
    special: dict[int, tuple[int, dt.date, dt.date]] = {}
    days: set[int] = set()
    weeks: set[int] = set()
    for key, sid, start, end, scheduled, absent_sum, count, is_special, has_day, has_week in session.execute(query):
        if is_special:
            special[key] = (sid, _as_date(start), _as_date(end))
        elif count and scheduled:
            parts.setdefault(key, []).append((100.0 * absent_sum / scheduled, count))
        if has_day:
            days.add(key)
        if has_week:
            weeks.add(key)
        if key in days and key in weeks and key not in special:
            # A week record drops the days of its week (``effective``), whatever the unit: summarize decides.
            special[key] = (sid, _as_date(start), _as_date(end))
    result = {key: sum(p * n for p, n in units) / sum(n for _p, n in units)
              for key, units in parts.items() if key not in special}
    if special:
        records = records_for_students(session, {sid for sid, _s, _e in special.values()})
        for key, (sid, start, end) in special.items():
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


def date_windows(windows: sa.Select, dialect: str) -> sa.Subquery:
    """``windows`` (columns key, student_id, start, end) with the derived columns ``window_absence`` needs."""
    raw = windows.subquery("raw_windows")
    return sa.select(raw.c.key, raw.c.student_id, raw.c.start.label("start"), raw.c.end.label("end"),
                     _shift(raw.c.start, -6, dialect).label("lo"), _shift(raw.c.start, -3, dialect).label("week_lo"),
                     _shift(raw.c.end, -3, dialect).label("week_hi")).subquery("windows")


def fixed_windows(student_ids: sa.Select, start: dt.date, end: dt.date) -> sa.Subquery:
    """One window [start, end] for each student id ``student_ids`` selects (the key is the student id)."""
    ids = student_ids.subquery("ids")
    sid = ids.c[0]

    def day(value: dt.date, name: str) -> sa.Label:
        return sa.literal(value, sa.Date).label(name)

    return sa.select(sid.label("key"), sid.label("student_id"), day(start, "start"), day(end, "end"),
                     day(start - dt.timedelta(days=6), "lo"), day(start - dt.timedelta(days=3), "week_lo"),
                     day(end - dt.timedelta(days=3), "week_hi")).subquery("windows")


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


def case_windows(scope: sa.ColumnElement[bool] | None, today: dt.date, dialect: str) -> sa.Subquery:
    """The three absence windows of every enrolled case in scope (key = case_id * 4 + BASELINE/LATEST/AT_CLOSE)."""
    c = cases.c
    enrolled, closed = c.enrolled_on, c.closed_on
    ref = sa.func.coalesce(closed, sa.literal(today, sa.Date))

    def window(which: int, start, end, *where) -> sa.Select:
        query = sa.select((c.id * 4 + which).label("key"), c.student_id.label("student_id"),
                          start.label("start"), end.label("end")).where(enrolled.is_not(None), *where)
        return query.where(scope) if scope is not None else query

    back = -(RECENT_DAYS - 1)
    union = sa.union_all(
        window(BASELINE, _shift(enrolled, -BASELINE_DAYS, dialect), _shift(enrolled, -1, dialect)),
        window(LATEST, _greatest(enrolled, _shift(ref, back, dialect), dialect), ref, ref >= enrolled),
        window(AT_CLOSE, _greatest(enrolled, _shift(closed, back, dialect), dialect), closed,
               closed.is_not(None), closed >= enrolled),
    )
    return date_windows(sa.select(union.subquery("case_windows")), dialect)


def case_facts(session: Session, *, visible_to: tuple[int, bool] | None, today: dt.date) -> list[CaseFacts]:
    """Every case the person may count (module docstring: scope), as ``CaseFacts``, in case id order.

    Nine queries whatever the number of cases (ten when some absence window needs ``summarize``).
    """
    dialect = session.get_bind().dialect.name
    scope = _case_scope(visible_to)
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
                                     r.case_id, scope), lambda kind, on: (ReferralKind(kind), on))
    b = boostertraffar.c
    boosters = _grouped(session, _scoped(sa.select(b.case_id, b.planned_on, b.held, b.held_on)
                                         .order_by(b.case_id, b.planned_on, b.id), b.case_id, scope),
                        lambda planned, held, held_on: (planned, None if held is None else bool(held), held_on))
    goal_facts = _goals(session, scope)
    keys = _insats_keys(session, scope)
    absence = window_absence(session, case_windows(scope, today, dialect))
    facts = []
    for (case_id, student_id, school, grade, gender, level, assessment, raised_by, raised_on, stage, enrolled_on,
         closed_on, closing_reason, gymnasie) in rows:
        stage = Stage(stage)
        key = case_id * 4
        facts.append(CaseFacts(
            case_id=case_id, student_id=student_id, school=school, grade=grade, gender=Gender(gender),
            level=Level(level), assessment=Assessment(assessment), raised_by=RaisedBy(raised_by),
            raised_on=raised_on, stage=stage, enrolled_on=enrolled_on, closed_on=closed_on,
            closing_reason=ClosingReason(closing_reason) if closing_reason is not None else None,
            gymnasiebehorighet=Behorighet(gymnasie) if gymnasie else None,
            stage_entries=_entries(entries.get(case_id, ()), stage, raised_on),
            workers=tuple(workers.get(case_id, ())), referrals=tuple(made.get(case_id, ())),
            boosters=tuple(boosters.get(case_id, ())), goals=tuple(goal_facts.get(case_id, ())),
            insatser=tuple(keys.get(case_id, ())),
            absence_baseline=absence.get(key + BASELINE), absence_latest=absence.get(key + LATEST),
            absence_at_close=absence.get(key + AT_CLOSE),
        ))
    return facts


def _grouped(session: Session, query: sa.Select, make=None) -> dict[int, list]:
    """Rows ``(case_id, *values)`` as case_id → [value …] (``make(*values)``, else the one value)."""
    found: dict[int, list] = defaultdict(list)
    for case_id, *values in session.execute(query):
        found[case_id].append(make(*values) if make is not None else values[0])
    return found


def _stage_entries(session: Session, scope) -> dict[int, list[tuple[Stage | None, Stage, dt.datetime]]]:
    t = transitions.c
    query = _scoped(sa.select(t.case_id, t.from_stage, t.to_stage, t.at).order_by(t.case_id, t.at, t.id),
                    t.case_id, scope)
    return _grouped(session, query, lambda from_stage, to_stage, at: (from_stage, to_stage, at))


def _entries(steps: Iterable[tuple], stage: Stage, raised_on: dt.date) -> tuple[tuple[Stage, dt.date], ...]:
    """(first stage, raised_on) then (to_stage, the local day) of each transition, as ``workflow.skollinje``."""
    steps = list(steps)
    if not steps:
        return ((stage, raised_on),)
    first = Stage(steps[0][0]) if steps[0][0] is not None else Stage.AKTUALISERING
    return ((first, raised_on), *((Stage(to_stage), _local_day(at)) for _from, to_stage, at in steps))


_OFFSETS: dict[tuple[int, int, int, int], dt.timedelta] = {}


def _local_day(moment: dt.datetime) -> dt.date:
    """``workflow.process.local_date`` (the worker's calendar day), with the local UTC offset looked up once
    per UTC hour (time zones change offset on a whole UTC hour): 100,000 transitions would otherwise each
    pay for a time-zone conversion."""
    if moment.tzinfo is None:
        return moment.date()
    hour = (moment.year, moment.month, moment.day, moment.hour)
    offset = _OFFSETS.get(hour)
    if offset is None:
        offset = moment.replace(minute=0, second=0, microsecond=0).astimezone().utcoffset() or dt.timedelta()
        if len(_OFFSETS) > 100_000:
            _OFFSETS.clear()
        _OFFSETS[hour] = offset
    return (moment.astimezone(dt.UTC).replace(tzinfo=None) + offset).date()


def _goals(session: Session, scope) -> dict[int, list[tuple[GoalArea, Rating | None]]]:
    """The goals of each case's current plan (highest version), each with its latest rating."""
    p, g, gr, f = handlingsplaner.c, goals.c, goal_ratings.c, follow_ups.c
    current = (sa.select(p.case_id, sa.func.max(p.version).label("version")).group_by(p.case_id)
               .subquery("current"))
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
        latest[case_id][goal_id] = (GoalArea(area), Rating(rating) if rating is not None else None)
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

    def case_facts(self, *, visible_to: tuple[int, bool] | None, today: dt.date) -> list[CaseFacts]:
        return case_facts(self.session, visible_to=visible_to, today=today)

    def display_names(self, user_ids: Iterable[int]) -> Mapping[int, str]:
        return display_names(self.session, user_ids)
