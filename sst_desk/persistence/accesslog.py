"""Writing the access log: one entry per view, change, print and export, in the action's own transaction.

``append`` is called by the unit of work (``sst_desk.persistence.uow``) inside
the same session as the action it records, so either both are committed or
neither is. The chain's newest entry is kept in ``log_head``: appending locks
that row (PostgreSQL ``SELECT … FOR UPDATE``; SQLite transactions begin
IMMEDIATE, see engine.py), so two writers can never fork the chain.
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Session

from sst_desk.workflow.access import Actor
from sst_desk.workflow.logchain import GENESIS, LogAction, canonical, chain_hash

from sst_desk.persistence.mapping import access_log, log_head


def utc_now() -> dt.datetime:
    """Aware UTC (the ``UTCDateTime`` columns store it naive; the chain hashes it naive)."""
    return dt.datetime.now(dt.UTC)


def append(
    session: Session,
    actor: Actor | None,
    action: LogAction | str,
    *,
    case_id: int | None = None,
    student_id: int | None = None,
    detail: str = "",
    username: str | None = None,
    at: dt.datetime | None = None,
) -> int:
    """Add one entry to the chain in ``session``'s transaction; returns its sequence number.

    ``username`` names who acted when nobody is signed in (a failed sign-in).
    ``detail`` must never hold case content: counts, ids, a document kind, a legal ground.
    """
    at = at or utc_now()
    name = actor.username if actor is not None else (username or "")
    user_id = actor.user_id if actor is not None else None
    head = session.execute(sa.select(log_head.c.seq, log_head.c.hash).where(log_head.c.id == 1).with_for_update()).first()
    prev_seq, prev_hash = (head.seq, head.hash) if head is not None else (0, GENESIS)
    if head is None:
        newest = session.execute(
            sa.select(access_log.c.seq, access_log.c.hash).order_by(access_log.c.seq.desc()).limit(1)).first()
        if newest is not None:
            # The head row was deleted under a log that has entries: someone edited the file (issue 10 — every
            # sign-in failed with IntegrityError, entry 1 existing). Go on after the newest entry, and say so
            # in the chain itself, where verification finds it (ProblemCode.HEAD_DELETED) and no one can
            # remove it without breaking the chain. Work goes on: a deleted row must not lock the team out.
            prev_seq, prev_hash = _insert(session, newest.seq + 1, newest.hash, at, user_id, name,
                                          LogAction.LOG_HEAD_MISSING, None, None,
                                          f"log_head missing; newest entry was {newest.seq}")
    seq, digest = _insert(session, prev_seq + 1, prev_hash, at, user_id, name, str(action), case_id, student_id,
                          detail)
    if head is None:
        session.execute(sa.insert(log_head).values(id=1, seq=seq, hash=digest))
    else:
        session.execute(sa.update(log_head).where(log_head.c.id == 1).values(seq=seq, hash=digest))
    return seq


def _insert(session: Session, seq: int, prev_hash: str, at: dt.datetime, user_id: int | None, name: str,
            action: LogAction | str, case_id: int | None, student_id: int | None, detail: str) -> tuple[int, str]:
    """Write one chained entry; returns its (seq, hash)."""
    digest = chain_hash(prev_hash, canonical(seq, at, user_id, name, str(action), case_id, student_id, detail))
    session.execute(
        sa.insert(access_log).values(
            seq=seq, at=at, user_id=user_id, username=name, action=str(action), case_id=case_id,
            student_id=student_id, detail=detail, prev_hash=prev_hash, hash=digest,
        )
    )
    return seq, digest
