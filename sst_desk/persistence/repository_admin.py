"""The administrative repositories: user accounts and the access log, read and written in one session.

A unit of work attaches them as ``tx.users`` and ``tx.accesslog`` (``uow.py``). They hold no rules
and check no permission: the use cases in ``sst_desk.services.accounts`` / ``.accesslog`` do, and
log what they did. Rows come back as plain workflow objects (``UserRecord``, ``LogRow``,
``LogEntry``, ``KeptHead``, ``SampleCheck``), never as rows or mapped objects.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import sqlalchemy as sa
from sqlalchemy.orm import Session

from sst_desk.workflow.access import Actor, Role
from sst_desk.workflow.accounts import UserRecord
from sst_desk.workflow.logchain import KeptHead, LogEntry, LogRow, SampleCheck, SampleOutcome

from sst_desk.persistence import accesslog
from sst_desk.persistence.accesslog import utc_now
from sst_desk.persistence.mapping import (
    access_log, case_members, cases, database_meta, log_head, sample_checks, server_sessions, students, users,
)

Moment = dt.date | dt.datetime


def user_record(row: sa.Row, with_hash: bool = False) -> UserRecord:
    return UserRecord(
        id=row.id, username=row.username, display_name=row.display_name, role=Role(row.role), active=row.active,
        must_change_password=row.must_change_password, created_at=row.created_at,
        last_login_at=row.last_login_at, password_hash=row.password_hash if with_hash else "",
        phone=row.phone,
    )


class UserRepository:
    """The ``users`` table (and the case memberships that name users) in one session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def count(self) -> int:
        return self.session.execute(sa.select(sa.func.count()).select_from(users)).scalar_one()

    def usernames(self) -> list[str]:
        """Every account's user name, switched off or not, sorted."""
        return list(self.session.execute(sa.select(users.c.username).order_by(users.c.username)).scalars())

    def find(self, username: str) -> UserRecord | None:
        """By the stored (normalised) user name, with its hash; None if there is none."""
        row = self.session.execute(sa.select(users).where(users.c.username == username)).first()
        return user_record(row, with_hash=True) if row is not None else None

    def get(self, user_id: int) -> UserRecord | None:
        """By id, with its hash; None if there is none."""
        row = self.session.execute(sa.select(users).where(users.c.id == user_id)).first()
        return user_record(row, with_hash=True) if row is not None else None

    def list(self) -> list[UserRecord]:
        """Every account by name, without hashes."""
        rows = self.session.execute(sa.select(users).order_by(users.c.display_name, users.c.username)).all()
        return [user_record(r) for r in rows]

    def add(self, username: str, display_name: str, role: Role, password_hash: str, *,
            must_change_password: bool) -> int:
        """Insert an account (``username`` already normalised); returns its id."""
        return self.session.execute(
            sa.insert(users).values(
                username=username, display_name=display_name, role=role, password_hash=password_hash,
                active=True, must_change_password=must_change_password, created_at=utc_now(),
            ).returning(users.c.id)
        ).scalar_one()

    def update(self, user_id: int, **values: object) -> None:
        """Set columns of one account (display_name, phone, role, active, password_hash, must_change_password,
        last_login_at).

        Switching the account off or changing its password revokes its team-server sessions in the same
        transaction (``revoke_user_sessions``): a token never outlives the password it was signed in with.
        """
        if values:
            self.session.execute(sa.update(users).where(users.c.id == user_id).values(**values))
        if values.get("active") is False or "password_hash" in values:
            revoke_user_sessions(self.session, user_id)

    def store_rehash(self, user_id: int, password_hash: str) -> None:
        """The same password hashed with today's parameters (at a sign-in): not a change, no session revoked."""
        self.session.execute(sa.update(users).where(users.c.id == user_id).values(password_hash=password_hash))

    def case_count(self, user_id: int) -> int:
        """How many cases the user is a member of."""
        return self.session.execute(
            sa.select(sa.func.count()).select_from(case_members).where(case_members.c.user_id == user_id)
        ).scalar_one()

    def meta(self, key: str) -> str | None:
        """A value from ``database_meta`` (the demo mark)."""
        return self.session.execute(
            sa.select(database_meta.c.value).where(database_meta.c.key == key)).scalar_one_or_none()

    def set_meta(self, key: str, value: str) -> None:
        self.session.execute(sa.delete(database_meta).where(database_meta.c.key == key))
        self.session.execute(sa.insert(database_meta).values(key=key, value=value))


class AccessLogRepository:
    """Reading the chained access log and storing sample checks, in one session.

    ``reader`` is the person reading (None: raw storage access): rows about a protected student the
    reader is not responsible for come back without the student's name (``LogRow.student_hidden``).
    Appending entries is the unit of work's ``log`` and ``commit`` (``accesslog.append_all``), never this class.
    """

    def __init__(self, session: Session, reader: Actor | None) -> None:
        self.session = session
        self.reader = reader

    # --- rows -----------------------------------------------------------------------------------------

    def rows(self, *, username: str | None = None, student_id: int | None = None, since: Moment | None = None,
             until: Moment | None = None, action: str | None = None, limit: int = 1000) -> list[LogRow]:
        """The newest ``limit`` entries matching every filter given, newest first (bounds inclusive)."""
        query = _rows_query().order_by(access_log.c.seq.desc()).limit(max(0, limit))
        if username:
            query = query.where(access_log.c.username == username)
        if student_id is not None:
            query = query.where(access_log.c.student_id == student_id)
        if action:
            query = query.where(access_log.c.action == str(action))
        return self._log_rows(self.session.execute(_in_period(query, since, until)))

    def rows_by_seq(self, seqs: Sequence[int]) -> list[LogRow]:
        """The entries with these sequence numbers, in seq order."""
        return self._log_rows(self.session.execute(
            _rows_query().where(access_log.c.seq.in_(list(seqs))).order_by(access_log.c.seq)))

    def known_seqs(self, seqs: Sequence[int]) -> set[int]:
        return set(self.session.scalars(sa.select(access_log.c.seq).where(access_log.c.seq.in_(list(seqs)))))

    def seqs_about_students(self, since: Moment, until: Moment, leave_out: Iterable[str]) -> list[int]:
        """The period's entries about a student's data, except the actions in ``leave_out``, in seq order."""
        query = _in_period(sa.select(access_log.c.seq).where(
            access_log.c.student_id.is_not(None), access_log.c.action.not_in(list(leave_out))), since, until)
        return list(self.session.scalars(query.order_by(access_log.c.seq)))

    def students(self) -> list[tuple[int, str]]:
        """``(id, name)`` of the students the log mentions who still exist and the reader may see named."""
        mentioned = sa.select(access_log.c.student_id).where(access_log.c.student_id.is_not(None)).distinct()
        found = self.session.execute(
            sa.select(students.c.id, students.c.first_name, students.c.last_name, students.c.protected_identity)
            .where(students.c.id.in_(mentioned)).order_by(students.c.last_name, students.c.first_name)
        ).all()
        visible = self._visible_protected()
        return [(r.id, f"{r.first_name} {r.last_name}".strip()) for r in found
                if not r.protected_identity or visible is None or r.id in visible]

    # --- the chain ------------------------------------------------------------------------------------

    def chain(self) -> list[LogEntry]:
        """Every entry in seq order, with its hashes (for verification)."""
        return [_entry(r) for r in self.session.execute(sa.select(access_log).order_by(access_log.c.seq))]

    def stored_head(self) -> KeptHead | None:
        """The ``log_head`` row (None when it is missing)."""
        row = self.session.execute(sa.select(log_head.c.seq, log_head.c.hash).where(log_head.c.id == 1)).first()
        return KeptHead(row.seq, row.hash, utc_now()) if row is not None else None

    def keyed(self) -> bool:
        """Whether ``database_meta`` says the log is keyed (a team server's; ``accesslog.key_the_log``)."""
        return accesslog.log_key_id(self.session) is not None

    def head_with_time(self) -> KeptHead | None:
        """The head with its entry's time (what is kept outside the database); None for an empty log."""
        row = self.session.execute(
            sa.select(log_head.c.seq, log_head.c.hash, access_log.c.at)
            .join_from(log_head, access_log, access_log.c.seq == log_head.c.seq).where(log_head.c.id == 1)
        ).first()
        return KeptHead(row.seq, row.hash, row.at) if row is not None else None

    # --- one student ----------------------------------------------------------------------------------

    def case_ids_of_student(self, student_id: int) -> list[int]:
        return list(self.session.scalars(sa.select(cases.c.id).where(cases.c.student_id == student_id)
                                          .order_by(cases.c.id)))

    def student_rows(self, student_id: int, case_ids: Sequence[int], since: dt.date | None,
                     until: dt.date | None) -> list[LogRow]:
        """Every entry about the student or one of ``case_ids``, oldest first, names shown."""
        about = sa.or_(access_log.c.student_id == student_id, access_log.c.case_id.in_(list(case_ids)))
        query = _in_period(_rows_query().where(about), since, until).order_by(access_log.c.seq)
        return [_row(r, hidden=False) for r in self.session.execute(query)]

    def student_name(self, student_id: int) -> str:
        """The student's name; "" when the student is no longer in the database."""
        row = self.session.execute(sa.select(students.c.first_name, students.c.last_name)
                                   .where(students.c.id == student_id)).first()
        return f"{row.first_name} {row.last_name}".strip() if row is not None else ""

    # --- sample checks --------------------------------------------------------------------------------

    def add_sample_check(self, reviewer: str, since: dt.date, until: dt.date, seqs: Sequence[int],
                         outcome: SampleOutcome, note: str) -> SampleCheck:
        at = utc_now()
        check_id = self.session.execute(sa.insert(sample_checks).values(
            at=at, reviewer=reviewer, period_from=since, period_to=until,
            entries=",".join(str(s) for s in seqs), outcome=outcome.value, note=note,
        ).returning(sample_checks.c.id)).scalar_one()
        return SampleCheck(check_id, at, reviewer, since, until, tuple(seqs), outcome, note)

    def sample_checks(self) -> list[SampleCheck]:
        """Every documented sample check, newest first."""
        found = self.session.execute(sa.select(sample_checks).order_by(sample_checks.c.at.desc(),
                                                                       sample_checks.c.id.desc())).all()
        return [SampleCheck(r.id, r.at, r.reviewer, r.period_from, r.period_to,
                            tuple(int(s) for s in r.entries.split(",") if s), SampleOutcome(r.outcome), r.note)
                for r in found]

    # --- helpers --------------------------------------------------------------------------------------

    def _visible_protected(self) -> set[int] | None:
        """Ids of protected students the reader is responsible for; None without a reader (everything shows)."""
        if self.reader is None:
            return None
        return set(self.session.scalars(
            sa.select(cases.c.student_id).join(case_members, case_members.c.case_id == cases.c.id)
            .join(students, students.c.id == cases.c.student_id)
            .where(case_members.c.user_id == self.reader.user_id, students.c.protected_identity.is_(True))))

    def _log_rows(self, result: Iterable[sa.Row]) -> list[LogRow]:
        visible = self._visible_protected()
        return [_row(r, hidden=bool(r.protected_identity) and visible is not None and r.student_id not in visible)
                for r in result]


def _rows_query() -> sa.Select:
    joined = access_log.outerjoin(users, users.c.id == access_log.c.user_id).outerjoin(
        students, students.c.id == access_log.c.student_id)
    return sa.select(access_log, users.c.display_name, users.c.role, students.c.first_name,
                     students.c.last_name, students.c.protected_identity).select_from(joined)


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
        query = query.where(access_log.c.at >= period_start(since))
    if until is not None:
        query = query.where(access_log.c.at < period_end(until))
    return query


def period_start(moment: Moment) -> dt.datetime:
    """A date's local midnight, or an aware datetime as it is (a naive one is refused: which zone?)."""
    if isinstance(moment, dt.datetime):
        if moment.tzinfo is None:
            raise ValueError("a period bound must carry a time zone")
        return moment
    return dt.datetime.combine(moment, dt.time()).astimezone()


def period_end(moment: Moment) -> dt.datetime:
    """The first instant after ``moment``: the next local midnight for a date."""
    if isinstance(moment, dt.datetime):
        return period_start(moment) + dt.timedelta(microseconds=1)
    return dt.datetime.combine(moment + dt.timedelta(days=1), dt.time()).astimezone()


def revoke_user_sessions(session: Session, user_id: int, *, at: dt.datetime | None = None) -> int:
    """Revoke every open team-server session of ``user_id`` in ``session``'s transaction; returns how many."""
    result = session.execute(
        sa.update(server_sessions)
        .where(server_sessions.c.user_id == user_id, server_sessions.c.revoked_at.is_(None))
        .values(revoked_at=at or dt.datetime.now(dt.UTC)))
    return result.rowcount or 0
