"""Telling the team server that cases changed: PostgreSQL NOTIFY, sent inside the transaction that changed them.

A use case says what it changed (``tx.changed(case_id)``, ``tx.changed_students(ids)``; services decide);
the unit of work sends one notification per case just before it commits (``uow.py``), with
``pg_notify`` in the same transaction, so PostgreSQL delivers it only if the change is committed and
never for a rolled-back one. The payload holds ids only — the case, its revision after the change,
the user who acted — never a name or any content: anyone who may LISTEN on the database learns no
more than that something changed. The server's single listener (``sst_desk/server/live.py``) resolves
who may hear of it and the actor's name. On SQLite nothing is sent: a file has no other listeners.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterable
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.orm import Session

from sst_desk.persistence.mapping import cases

CHANNEL = "sst_desk_case_changed"
"""The PostgreSQL channel the notifications go to (the server LISTENs on it)."""


@dataclass(frozen=True)
class CaseChanged:
    """One notification: which case, its revision after the change, and the user id of who changed it (None:
    raw storage access, e.g. a migration or the demo generator)."""

    case_id: int
    revision: int
    user_id: int | None

    def payload(self) -> str:
        return json.dumps({"case": self.case_id, "revision": self.revision, "user": self.user_id},
                          separators=(",", ":"))

    @classmethod
    def from_payload(cls, text: str) -> CaseChanged | None:
        """The notification in ``text`` (a NOTIFY payload), or None when it is not one of ours."""
        try:
            data = json.loads(text)
            case_id, revision, user_id = data["case"], data["revision"], data["user"]
        except (ValueError, KeyError, TypeError):
            return None
        if type(case_id) is not int or type(revision) is not int or not (user_id is None or type(user_id) is int):
            return None  # (type(): a JSON true is no id)
        return cls(case_id, revision, user_id)


def sends(session: Session) -> bool:
    """Whether this session's database has listeners to tell (PostgreSQL only)."""
    return session.get_bind().dialect.name == "postgresql"


def cases_of_students(session: Session, student_ids: Iterable[int]) -> set[int]:
    """The ids of every case of these students (an attendance import changes what their cases show)."""
    wanted = sorted(set(student_ids))
    found: set[int] = set()
    for start in range(0, len(wanted), 1000):  # bounded IN lists
        found.update(session.execute(
            sa.select(cases.c.id).where(cases.c.student_id.in_(wanted[start:start + 1000]))).scalars())
    return found


def notify(session: Session, case_ids: Collection[int], user_id: int | None) -> list[CaseChanged]:
    """Send one notification per case in ``case_ids`` in ``session``'s transaction; returns what was sent.

    The revision is read here, in the transaction, after the change: it is the one a client will load.
    A case removed in the same transaction has nothing left to tell and is skipped. Nothing is sent on
    SQLite (and [] is returned).
    """
    if not case_ids or not sends(session):
        return []
    wanted = sorted(set(case_ids))
    sent: list[CaseChanged] = []
    for start in range(0, len(wanted), 1000):
        rows = session.execute(sa.select(cases.c.id, cases.c.revision)
                               .where(cases.c.id.in_(wanted[start:start + 1000])).order_by(cases.c.id)).all()
        sent += [CaseChanged(case_id, revision, user_id) for case_id, revision in rows]
    for start in range(0, len(sent), 200):
        batch = sent[start:start + 200]
        # One statement for a batch: pg_notify over a VALUES list, each payload a bound parameter.
        values = sa.values(sa.column("payload", sa.Text), name="changed").data([(c.payload(),) for c in batch])
        session.execute(sa.select(sa.func.pg_notify(CHANNEL, values.c.payload)).select_from(values))
    return sent
