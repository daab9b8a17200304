"""The access log's entries and their hash chain (pure: no database, no Qt).

Every entry's ``hash`` is SHA-256 over the previous entry's hash and the
entry's own fields in a canonical form, so changing, deleting, inserting or
reordering any entry breaks the chain from that point on. A rewrite of the
whole chain is consistent in itself; it is caught against a *kept head* — the
newest ``(seq, hash)`` exported earlier and kept outside the database
(docs/security.md).

An entry names people and records by id and by action, never by content: the
log outlives gallring without keeping anything readable about a student.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import json
from dataclasses import dataclass

GENESIS = "0" * 64  # the "previous hash" of the first entry


class LogAction(enum.StrEnum):
    SIGN_IN = "sign_in"
    SIGN_IN_FAILED = "sign_in_failed"
    SIGN_OUT = "sign_out"
    LOCK = "lock"
    UNLOCK = "unlock"
    LIST = "list"  # the case list was shown (detail: how many rows)
    VIEW = "view"  # a case file was opened
    CREATE = "create"
    EDIT = "edit"
    PRINT = "print"
    EXPORT = "export"  # registerutdrag, machine-readable exports
    DELETE = "delete"  # gallring
    ASSIGN = "assign"  # case members changed
    CONSENT_OVERRIDE = "consent_override"
    DENIED = "denied"  # a refused attempt
    READ_LOG = "read_log"
    SAMPLE_CHECK = "sample_check"
    EXPORT_HEAD = "export_head"
    USER_CREATED = "user_created"
    USER_CHANGED = "user_changed"
    PASSWORD_CHANGED = "password_changed"
    PASSWORD_RESET = "password_reset"
    BACKUP = "backup"
    RESTORE = "restore"


@dataclass(frozen=True, slots=True)
class LogEntry:
    seq: int
    at: dt.datetime  # UTC (hashed without its tzinfo)
    user_id: int | None
    username: str
    action: str
    case_id: int | None
    student_id: int | None
    detail: str
    prev_hash: str
    hash: str


def canonical(
    seq: int,
    at: dt.datetime,
    user_id: int | None,
    username: str,
    action: str,
    case_id: int | None,
    student_id: int | None,
    detail: str,
) -> bytes:
    """The bytes an entry's hash covers (besides the previous hash); stable across Python versions."""
    if at.tzinfo is not None:
        at = at.astimezone(dt.UTC)
    stamp = at.replace(tzinfo=None).isoformat(timespec="microseconds")
    fields = [seq, stamp, user_id, username, str(action), case_id, student_id, detail]
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def chain_hash(prev_hash: str, body: bytes) -> str:
    return hashlib.sha256(prev_hash.encode("ascii") + b"\n" + body).hexdigest()


def entry_hash(entry: LogEntry) -> str:
    """The hash ``entry`` should carry given its ``prev_hash`` and fields."""
    return chain_hash(
        entry.prev_hash,
        canonical(entry.seq, entry.at, entry.user_id, entry.username, entry.action, entry.case_id,
                  entry.student_id, entry.detail),
    )
