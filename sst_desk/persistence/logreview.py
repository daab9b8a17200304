"""Reading the access log: the team lead's review, the chain's verification and kept head, sample checks,
and one student's access history for a guardian who asks.

Every function acts as ``db.actor`` through the unit of work: reading the whole
log needs ``(ACCESS_LOG, READ_LOG)`` (the team lead); one student's history
needs ``(CASE, READ_LOG)`` on one of the student's cases (the people
responsible for it, or the team lead). Reading the log is itself logged
(``READ_LOG``), in the same transaction as the read; without an actor (tests,
the demo generator) nothing is checked or logged, as everywhere (``uow.py``).

Rows name the student only while the student still exists, and not at all for
a student with protected identity whom the reader is not responsible for
(``LogRow.student_hidden``): the log review must not reveal what the case list
hides.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from dataclasses import dataclass

from pathlib import Path

import sqlalchemy as sa

from sst_desk.workflow.access import Action, Resource
from sst_desk.workflow.logchain import (
    GENESIS,
    ChainProblem,
    KeptHead,
    LogAction,
    LogEntry,
    LogRow,
    SampleOutcome,
    verify,
)

from .accesslog import utc_now
from .database import Database
from .mapping import access_log, case_members, cases, log_head, sample_checks, students, users
from .uow import UnitOfWork

DEFAULT_LIMIT = 1000
# Entries a sample check looks at: someone's access to a student's data, not the review of the log itself.
_REVIEW_ACTIONS = (LogAction.READ_LOG, LogAction.SAMPLE_CHECK, LogAction.EXPORT_HEAD)

Moment = dt.date | dt.datetime


@dataclass(frozen=True)
class LogVerification:
    """What ``verify_log`` found: the problems (none: intact), how many entries, the chain's newest entry."""

    problems: list[ChainProblem]
    entries: int
    head: KeptHead | None  # the newest entry (None for an empty log)
    kept_head: KeptHead | None  # what it was compared with, if anything

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class SampleCheck:
    """A documented sample check (stickprov) of the log: which entries, by whom, and the outcome."""

    id: int
    at: dt.datetime
    reviewer: str
    period_from: dt.date
    period_to: dt.date
    seqs: tuple[int, ...]
    outcome: SampleOutcome
    note: str


@dataclass(frozen=True)
class AccessHistory:
    """Who accessed one student's data, oldest first: for the guardian who asks (registerförteckning)."""

    student_id: int
    student_name: str  # "" when the student is no longer in the database
    rows: list[LogRow]
    since: dt.date | None
    until: dt.date | None


# --- the team lead's review -------------------------------------------------------------------------


def query_log(db: Database, *, username: str | None = None, student_id: int | None = None,
              since: Moment | None = None, until: Moment | None = None, action: str | None = None,
              limit: int = DEFAULT_LIMIT) -> list[LogRow]:
    """The newest ``limit`` entries matching every filter given, newest first.

    ``since``/``until`` are inclusive; a date means the whole local day.
    """
    with db.uow() as uow:
        uow.require(Resource.ACCESS_LOG, Action.READ_LOG)
        query = _rows_query().order_by(access_log.c.seq.desc()).limit(max(0, limit))
        if username:
            query = query.where(access_log.c.username == username)
        if student_id is not None:
            query = query.where(access_log.c.student_id == student_id)
        if action:
            query = query.where(access_log.c.action == str(action))
        query = _in_period(query, since, until)
        rows = _log_rows(uow, uow.session.execute(query))
        filters = [f"user={username}" if username else "", f"action={action}" if action else "",
                   f"from={_iso(since)}" if since else "", f"to={_iso(until)}" if until else ""]
        uow.log(LogAction.READ_LOG, student_id=student_id,
                detail=";".join(["query", *filter(None, filters), f"rows={len(rows)}"]))
        uow.commit()
    return rows


def log_students(db: Database) -> list[tuple[int, str]]:
    """``(id, name)`` of the students the log mentions who still exist, by name: the review's student filter.

    Protected students the reader is not responsible for are left out. Not logged: it is a
    list of names, as the case list shows, not the log's content.
    """
    with db.uow() as uow:
        uow.require(Resource.ACCESS_LOG, Action.READ_LOG)
        mentioned = sa.select(access_log.c.student_id).where(access_log.c.student_id.is_not(None)).distinct()
        found = uow.session.execute(
            sa.select(students.c.id, students.c.first_name, students.c.last_name, students.c.protected_identity)
            .where(students.c.id.in_(mentioned)).order_by(students.c.last_name, students.c.first_name)
        ).all()
        visible = _visible_protected(uow)
    return [(r.id, f"{r.first_name} {r.last_name}".strip()) for r in found
            if not r.protected_identity or visible is None or r.id in visible]


def verify_log(db: Database, kept_head: KeptHead | None = None) -> LogVerification:
    """Check the whole chain, its head row and (if given) a head kept outside the database."""
    with db.uow() as uow:
        uow.require(Resource.ACCESS_LOG, Action.READ_LOG)
        chain = [_entry(r) for r in uow.session.execute(sa.select(access_log).order_by(access_log.c.seq))]
        row = uow.session.execute(sa.select(log_head.c.seq, log_head.c.hash).where(log_head.c.id == 1)).first()
        stored = row if row is not None else KeptHead(0, GENESIS, utc_now())
        problems = verify(chain, stored, kept_head)
        outcome = "ok" if not problems else f"problems={len(problems)}"
        uow.log(LogAction.READ_LOG, detail=f"verify;{outcome}" + (f";kept={kept_head.seq}" if kept_head else ""))
        uow.commit()
    newest = KeptHead(chain[-1].seq, chain[-1].hash, chain[-1].at) if chain else None
    return LogVerification(problems=problems, entries=len(chain), head=newest, kept_head=kept_head)


def export_head(db: Database, out: Path | None = None, *, force: bool = False) -> KeptHead:
    """The chain's head to keep outside the database; the export is logged and is itself that head.

    With ``out`` the head is also written there (``fileio.write_export``: never over an existing file
    unless ``force``, never over a database or key file). The entry is committed only once the file's
    bytes are on disk, so a failed write leaves no entry claiming an export.
    """
    from sst_desk.fileio import write_export

    with db.uow() as uow:
        uow.require(Resource.ACCESS_LOG, Action.EXPORT)
        uow.log(LogAction.EXPORT_HEAD)
        row = uow.session.execute(
            sa.select(log_head.c.seq, log_head.c.hash, access_log.c.at)
            .join_from(log_head, access_log, access_log.c.seq == log_head.c.seq).where(log_head.c.id == 1)
        ).first()
        if row is None:
            raise ValueError("the access log is empty: there is no head to keep yet")
        head = KeptHead(row.seq, row.hash, row.at)
        if out is None:
            uow.commit()
        else:
            write_export(head.to_text().encode("utf-8"), out, force=force, database=db.path,
                         before_commit=uow.commit)
    return head


# --- sample checks (stickprov) -----------------------------------------------------------------------


def draw_sample(db: Database, since: dt.date, until: dt.date, n: int,
                rng: random.Random | None = None) -> list[LogRow]:
    """``n`` entries drawn at random from the period's accesses to students' data, in seq order.

    Reviewing the log (reading it, sample checks, exporting the head) is not drawn. The default
    random source is the system's, so nobody can tell in advance which entries will be looked at.
    """
    if until < since:
        raise ValueError("the period ends before it starts")
    rng = rng or random.SystemRandom()
    with db.uow() as uow:
        uow.require(Resource.ACCESS_LOG, Action.READ_LOG)
        candidates = _in_period(
            sa.select(access_log.c.seq).where(access_log.c.student_id.is_not(None),
                                              access_log.c.action.not_in([str(a) for a in _REVIEW_ACTIONS])),
            since, until)
        seqs = list(uow.session.scalars(candidates.order_by(access_log.c.seq)))
        chosen = sorted(rng.sample(seqs, min(max(0, n), len(seqs))))
        rows = _log_rows(uow, uow.session.execute(
            _rows_query().where(access_log.c.seq.in_(chosen)).order_by(access_log.c.seq)))
        uow.log(LogAction.READ_LOG, detail=f"sample;from={since};to={until};rows={len(rows)}")
        uow.commit()
    return rows


def record_sample_check(db: Database, since: dt.date, until: dt.date, seqs: Iterable[int],
                        outcome: SampleOutcome | str, note: str = "") -> SampleCheck:
    """Store a sample check's documented outcome (``"ok"`` or ``"follow_up"``, which needs a note)."""
    outcome = _outcome(outcome)
    note = note.strip()
    if until < since:
        raise ValueError("the period ends before it starts")
    if outcome is SampleOutcome.FOLLOW_UP and not note:
        raise ValueError("a sample check that needs follow-up must say what to follow up")
    looked_at = tuple(sorted(set(int(s) for s in seqs)))
    with db.uow() as uow:
        uow.require(Resource.ACCESS_LOG, Action.EDIT)
        known = set(uow.session.scalars(sa.select(access_log.c.seq).where(access_log.c.seq.in_(looked_at))))
        if unknown := [s for s in looked_at if s not in known]:
            raise ValueError(f"no log entries {unknown}")
        reviewer = uow.actor.username if uow.actor is not None else ""
        at = utc_now()
        check_id = uow.session.execute(sa.insert(sample_checks).values(
            at=at, reviewer=reviewer, period_from=since, period_to=until,
            entries=",".join(str(s) for s in looked_at), outcome=outcome.value, note=note,
        ).returning(sample_checks.c.id)).scalar_one()
        uow.log(LogAction.SAMPLE_CHECK, detail=f"{check_id};{outcome.value};entries={len(looked_at)}")
        uow.commit()
    return SampleCheck(check_id, at, reviewer, since, until, looked_at, outcome, note)


def list_sample_checks(db: Database) -> list[SampleCheck]:
    """Every documented sample check, newest first (reading them is logged)."""
    with db.uow() as uow:
        uow.require(Resource.ACCESS_LOG, Action.READ_LOG)
        found = uow.session.execute(sa.select(sample_checks).order_by(sample_checks.c.at.desc(),
                                                                      sample_checks.c.id.desc())).all()
        uow.log(LogAction.READ_LOG, detail=f"sample_checks;rows={len(found)}")
        uow.commit()
    return [SampleCheck(r.id, r.at, r.reviewer, r.period_from, r.period_to,
                        tuple(int(s) for s in r.entries.split(",") if s), _outcome(r.outcome), r.note)
            for r in found]


# --- one student's access history -------------------------------------------------------------------


def student_access_history(db: Database, student_id: int, *, since: dt.date | None = None,
                           until: dt.date | None = None, for_print: bool = False) -> AccessHistory:
    """Every entry about the student (or one of their cases), oldest first, for a registerförteckning.

    ``for_print`` says in the log that the history is being printed (for the guardian).
    Allowed to whoever may read the log of one of the student's cases; when the student has no
    case left (gallring), to whoever may read the whole log.
    """
    with db.uow() as uow:
        case_ids = list(uow.session.scalars(sa.select(cases.c.id).where(cases.c.student_id == student_id)
                                            .order_by(cases.c.id)))
        if not case_ids:
            uow.require(Resource.ACCESS_LOG, Action.READ_LOG)
        elif not any(uow.may(Action.READ_LOG, case_id) for case_id in case_ids):
            uow.require_case(Action.READ_LOG, case_ids[0])  # logs the refusal and raises
        about = sa.or_(access_log.c.student_id == student_id, access_log.c.case_id.in_(case_ids))
        query = _in_period(_rows_query().where(about), since, until).order_by(access_log.c.seq)
        rows = [_row(r, hidden=False) for r in uow.session.execute(query)]
        student = uow.session.execute(sa.select(students.c.first_name, students.c.last_name)
                                      .where(students.c.id == student_id)).first()
        uow.log(LogAction.READ_LOG, student_id=student_id, detail=f"history{';print' if for_print else ''};rows={len(rows)}")
        uow.commit()
    name = f"{student.first_name} {student.last_name}".strip() if student is not None else ""
    return AccessHistory(student_id, name, rows, since, until)


# --- helpers -------------------------------------------------------------------------------------------


def _rows_query() -> sa.Select:
    joined = access_log.outerjoin(users, users.c.id == access_log.c.user_id).outerjoin(
        students, students.c.id == access_log.c.student_id)
    return sa.select(access_log, users.c.display_name, users.c.role, students.c.first_name,
                     students.c.last_name, students.c.protected_identity).select_from(joined)


def _visible_protected(uow: UnitOfWork) -> set[int] | None:
    """Ids of protected students the actor is responsible for; None without an actor (everything shows)."""
    if uow.actor is None:
        return None
    return set(uow.session.scalars(
        sa.select(cases.c.student_id).join(case_members, case_members.c.case_id == cases.c.id)
        .join(students, students.c.id == cases.c.student_id)
        .where(case_members.c.user_id == uow.actor.user_id, students.c.protected_identity.is_(True))))


def _log_rows(uow: UnitOfWork, result: Iterable[sa.Row]) -> list[LogRow]:
    visible = _visible_protected(uow)
    return [_row(r, hidden=bool(r.protected_identity) and visible is not None and r.student_id not in visible)
            for r in result]


def _row(r: sa.Row, *, hidden: bool) -> LogRow:
    known = r.first_name is not None and not hidden
    return LogRow(
        seq=r.seq, at=r.at, user_id=r.user_id, username=r.username, display_name=r.display_name or "",
        role=str(r.role) if r.role is not None else None,  # Role is a StrEnum: str() is its value
        action=r.action, case_id=r.case_id, student_id=r.student_id,
        student_name=f"{r.first_name} {r.last_name}".strip() if known else "",
        detail=r.detail or "", student_hidden=hidden,
    )


def _entry(r: sa.Row) -> LogEntry:
    return LogEntry(r.seq, r.at, r.user_id, r.username, r.action, r.case_id, r.student_id, r.detail or "",
                    r.prev_hash, r.hash)


def _in_period(query: sa.Select, since: Moment | None, until: Moment | None) -> sa.Select:
    if since is not None:
        query = query.where(access_log.c.at >= _start(since))
    if until is not None:
        query = query.where(access_log.c.at < _end(until))
    return query


def _start(moment: Moment) -> dt.datetime:
    """A date's local midnight, or an aware datetime as it is (a naive one is refused: which zone?)."""
    if isinstance(moment, dt.datetime):
        if moment.tzinfo is None:
            raise ValueError("a period bound must carry a time zone")
        return moment
    return dt.datetime.combine(moment, dt.time()).astimezone()


def _end(moment: Moment) -> dt.datetime:
    """The first instant after ``moment``: the next local midnight for a date."""
    if isinstance(moment, dt.datetime):
        return _start(moment) + dt.timedelta(microseconds=1)
    return dt.datetime.combine(moment + dt.timedelta(days=1), dt.time()).astimezone()


def _iso(moment: Moment) -> str:
    return moment.isoformat()


def _outcome(value: SampleOutcome | str) -> SampleOutcome:
    try:
        return SampleOutcome(value)
    except ValueError:
        raise ValueError(f"a sample check's outcome is 'ok' or 'follow_up', not {value!r}") from None


__all__ = [
    "AccessHistory", "LogVerification", "SampleCheck", "draw_sample", "export_head", "list_sample_checks",
    "log_students", "query_log", "record_sample_check", "student_access_history", "verify_log",
]
