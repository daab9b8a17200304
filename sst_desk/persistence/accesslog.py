"""Writing the access log: one entry per view, change, print and export, in the action's own transaction.

The unit of work (``sst_desk.persistence.uow``) records the entries of an
action as it goes (``Pending``) and ``append``s them just before its COMMIT,
in the same session as the action, so either both are committed or neither
is. The chain's newest entry is kept in ``log_head``: appending locks that row
(PostgreSQL ``SELECT … FOR UPDATE``; SQLite transactions begin IMMEDIATE, see
engine.py), so two writers can never fork the chain — and because the lock
is taken only at commit, it is held for milliseconds, not for as long as the
action's transaction is open (issue 13: one save held open for 3 s made every
other person's view wait).

A keyed log (a team server's, ``key``): hashes from the ``LOG_KEYED`` entry on
are HMAC-SHA256 with the server's secret; ``database_meta`` says so
(``log_chain``, ``log_key_id``), never holding the key.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session

from sst_desk.workflow.access import Actor
from sst_desk.workflow.logchain import (
    GENESIS,
    KEYED_CHAIN,
    LogAction,
    canonical,
    chain_hash,
    key_id,
    keyed_detail,
)

from sst_desk.persistence.errors import LogKeyError
from sst_desk.persistence.mapping import access_log, database_meta, log_head

META_CHAIN = "log_chain"  # database_meta: "hmac-sha256" for a keyed log; absent for SHA-256
META_KEY_ID = "log_key_id"  # database_meta: workflow.logchain.key_id of the log's key (never the key)


@dataclass(frozen=True, slots=True)
class Pending:
    """An entry recorded during a unit of work, appended to the chain at its commit."""

    actor: Actor | None
    action: LogAction | str
    case_id: int | None = None
    student_id: int | None = None
    detail: str = ""
    username: str | None = None


@dataclass(frozen=True, slots=True)
class Appended:
    """The chain's newest entry after an append: what an anchor records."""

    seq: int
    hash: str
    at: dt.datetime


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
    key: bytes | None = None,
) -> int:
    """Add one entry to the chain in ``session``'s transaction; returns its sequence number.

    ``username`` names who acted when nobody is signed in (a failed sign-in).
    ``detail`` must never hold case content: counts, ids, a document kind, a legal ground.
    ``key``: the log's key (a keyed log: ``Database.open(..., log_key=)``).
    """
    return append_all(session, [Pending(actor, action, case_id, student_id, detail, username)], at=at, key=key).seq


def append_all(session: Session, entries: list[Pending], *, at: dt.datetime | None = None,
               key: bytes | None = None) -> Appended:
    """Append ``entries`` in order under one lock of the head row; returns the newest entry.

    Called just before the COMMIT: the head row stays locked only until then.
    """
    at = at or utc_now()
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
            first = entries[0]
            name = first.actor.username if first.actor is not None else (first.username or "")
            # Keyed like the entries around it: not when it precedes the switch to the key (key_the_log).
            missing_key = None if first.action == LogAction.LOG_KEYED else key
            prev_seq, prev_hash = _insert(session, newest.seq + 1, newest.hash, at,
                                          first.actor.user_id if first.actor is not None else None, name,
                                          LogAction.LOG_HEAD_MISSING, None, None,
                                          f"log_head missing; newest entry was {newest.seq}", missing_key)
    seq, digest = prev_seq, prev_hash
    for entry in entries:
        name = entry.actor.username if entry.actor is not None else (entry.username or "")
        user_id = entry.actor.user_id if entry.actor is not None else None
        seq, digest = _insert(session, seq + 1, digest, at, user_id, name, str(entry.action), entry.case_id,
                              entry.student_id, entry.detail, key)
    if head is None:
        session.execute(sa.insert(log_head).values(id=1, seq=seq, hash=digest))
    else:
        session.execute(sa.update(log_head).where(log_head.c.id == 1).values(seq=seq, hash=digest))
    return Appended(seq, digest, at)


def _insert(session: Session, seq: int, prev_hash: str, at: dt.datetime, user_id: int | None, name: str,
            action: LogAction | str, case_id: int | None, student_id: int | None, detail: str,
            key: bytes | None = None) -> tuple[int, str]:
    """Write one chained entry; returns its (seq, hash)."""
    body = canonical(seq, at, user_id, name, str(action), case_id, student_id, detail)
    digest = chain_hash(prev_hash, body, key)
    session.execute(
        sa.insert(access_log).values(
            seq=seq, at=at, user_id=user_id, username=name, action=str(action), case_id=case_id,
            student_id=student_id, detail=detail, prev_hash=prev_hash, hash=digest,
        )
    )
    return seq, digest


# --- the keyed chain ---------------------------------------------------------------------------------


def log_key_id(session: Session) -> str | None:
    """The id of the key the log is keyed with (``database_meta``); None for a SHA-256 log."""
    rows = dict(session.execute(sa.select(database_meta.c.key, database_meta.c.value)
                                .where(database_meta.c.key.in_([META_CHAIN, META_KEY_ID]))).tuples().all())
    if rows.get(META_CHAIN) != KEYED_CHAIN:
        return None
    return rows.get(META_KEY_ID, "")


def check_log_key(session: Session, key: bytes, location: str | Path | None = None) -> bool:
    """True when the log is keyed with ``key``, False when it is not keyed yet; ``LogKeyError`` for another key."""
    found = log_key_id(session)
    if found is None:
        return False
    if found != key_id(key):
        raise LogKeyError(location, "wrong_key", found=found, given=key_id(key))
    return True


def key_the_log(session: Session, key: bytes, username: str, location: str | Path | None = None
                ) -> Appended | None:
    """Switch the log to HMAC-SHA256 with ``key`` (a server's ``--init``); the switch entry, None if it already is.

    The chain goes on: a ``LOG_KEYED`` entry (by ``username``, keyed itself) follows the newest entry,
    and ``database_meta`` says the log is keyed and with which key id. A log keyed with another key
    raises ``LogKeyError``. Commit the session afterwards.
    """
    if check_log_key(session, key, location):
        return None
    switch = append_all(session, [Pending(None, LogAction.LOG_KEYED, detail=keyed_detail(key), username=username)],
                        key=key)
    session.execute(sa.delete(database_meta).where(database_meta.c.key.in_([META_CHAIN, META_KEY_ID])))
    session.execute(sa.insert(database_meta), [{"key": META_CHAIN, "value": KEYED_CHAIN},
                                               {"key": META_KEY_ID, "value": key_id(key)}])
    return switch
