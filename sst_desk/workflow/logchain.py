"""The access log's entries and their hash chain (pure: no database, no Qt).

Every entry's ``hash`` is SHA-256 over the previous entry's hash and the
entry's own fields in a canonical form, so changing, deleting, inserting or
reordering any entry breaks the chain from that point on. A rewrite of the
whole chain is consistent in itself; it is caught against a *kept head* — the
newest ``(seq, hash)`` exported earlier and kept outside the database
(docs/security.md) — or, on a team server, against its anchors.

On a team server the chain is *keyed*: from the ``LOG_KEYED`` entry on, each
hash is HMAC-SHA256 with a secret only the server holds, so whoever can write
the database but lacks the secret cannot recompute it
(docs/security-accesslog.md, "The keyed chain").

An entry names people and records by id and by action, never by content: the
log outlives gallring without keeping anything readable about a student.
"""

from __future__ import annotations

import datetime as dt
import enum
import hashlib
import hmac
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

GENESIS = "0" * 64  # the "previous hash" of the first entry
KEYED_CHAIN = "hmac-sha256"  # database_meta "log_chain" of a keyed log, and the LOG_KEYED entry's detail
_KEY_ID_MESSAGE = b"sst-desk log key id"


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
    IMPORT = "import"  # an attendance export was imported (detail: counts and the file's hash, no names)
    SETTINGS_CHANGED = "settings_changed"  # the team's settings (detail: which, and the new numbers)
    # The team's statistics were shown (detail: "<start>–<end>;by=<breakdown>;cases=<n>", never an id); their
    # export is EXPORT with detail "statistik <format>;<start>–<end>;by=<breakdown>;cases=<n>" (issue 15)
    STATISTICS = "statistics"
    OFFLINE_COPY = "offline_copy"  # the case was copied to the person's laptop for offline work (detail: revision)
    # Written by the log itself when its head row (log_head) was found deleted: the chain goes on after the
    # newest entry there is, and this entry keeps the tampering in the chain for every later verification.
    LOG_HEAD_MISSING = "log_head_missing"
    # The chain is keyed from this entry on (itself included): detail "hmac-sha256;key=<key id>".
    LOG_KEYED = "log_keyed"


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


def chain_hash(prev_hash: str, body: bytes, key: bytes | None = None) -> str:
    """SHA-256 over ``prev_hash`` and ``body``; with ``key``, HMAC-SHA256 keyed with it (a server's log)."""
    message = prev_hash.encode("ascii") + b"\n" + body
    if key is None:
        return hashlib.sha256(message).hexdigest()
    return hmac.new(key, message, hashlib.sha256).hexdigest()


def entry_hash(entry: LogEntry, key: bytes | None = None) -> str:
    """The hash ``entry`` should carry given its ``prev_hash`` and fields (``key``: for a keyed entry)."""
    return chain_hash(
        entry.prev_hash,
        canonical(entry.seq, entry.at, entry.user_id, entry.username, entry.action, entry.case_id,
                  entry.student_id, entry.detail),
        key,
    )


def key_id(key: bytes) -> str:
    """Names a log key without revealing it: HMAC(key, "sst-desk log key id"), 16 hex characters."""
    return hmac.new(key, _KEY_ID_MESSAGE, hashlib.sha256).hexdigest()[:16]


def keyed_detail(key: bytes) -> str:
    """The detail of the ``LOG_KEYED`` entry that switches a chain to ``key``."""
    return f"{KEYED_CHAIN};key={key_id(key)}"


def keyed_detail_key_id(detail: str) -> str | None:
    """The key id a ``LOG_KEYED`` entry's detail names (None when it names none)."""
    kind, _, rest = detail.partition(";")
    name, _, value = rest.partition("=")
    return value if kind == KEYED_CHAIN and name == "key" and value else None


# --- reading the chain back: rows for people, kept heads, verification ------------------------------


@dataclass(frozen=True, slots=True)
class LogRow:
    """One entry as a person reads it: the stored fields plus who and which student, where still known.

    ``display_name``/``role`` come from the users table and ``student_name`` from
    the students table; they are empty when the account or the student is gone
    (gallring) or, for ``student_name``, hidden because the student has protected
    identity and the reader is not responsible for them (``student_hidden``).
    """

    seq: int
    at: dt.datetime  # aware UTC
    user_id: int | None
    username: str
    display_name: str
    role: str | None
    action: str
    case_id: int | None
    student_id: int | None
    student_name: str
    detail: str
    student_hidden: bool = False

    @property
    def who(self) -> str:
        return self.display_name or self.username


class SampleOutcome(enum.StrEnum):
    """The documented outcome of a sample check (stickprov) of the log."""

    OK = "ok"  # every access looked at had a reason
    FOLLOW_UP = "follow_up"  # something must be looked into; the note says what


HEAD_FORMAT = "sst-desk-log-head/1"
_HEAD_TITLE = "SST Desk: the access log's kept head"
_HEAD_KEYS = ("format", "seq", "hash", "at")


@dataclass(frozen=True, slots=True)
class KeptHead:
    """The newest ``(seq, hash)`` of the chain at one moment, kept OUTSIDE the database.

    Whoever can write the database file can rewrite the whole chain so that it
    is consistent in itself; they cannot change the paper in the team lead's
    binder or the file on a USB stick. ``verify(..., kept_head=...)`` then finds
    the rewrite (the entry at ``seq`` has another hash) or a truncation below
    ``seq`` (the entry is missing).
    """

    seq: int
    hash: str
    at: dt.datetime  # when it was exported, aware UTC

    def to_text(self) -> str:
        """A few ``key: value`` lines a person can print, read aloud or type back in."""
        at = self.at.astimezone(dt.UTC).replace(microsecond=0).isoformat()
        return (f"# {_HEAD_TITLE}\n"
                "# Keep this outside the database (print it, or save it on a USB stick).\n"
                f"format: {HEAD_FORMAT}\nseq: {self.seq}\nhash: {self.hash}\nat: {at}\n")

    @classmethod
    def from_text(cls, text: str) -> KeptHead:
        """Parse ``to_text``'s lines; a ``KeptHeadError`` says what is wrong (for the person who picked it)."""
        values: dict[str, str] = {}
        for number, raw in enumerate(text.splitlines(), start=1):
            line = raw.strip().lstrip("\ufeff")
            if not line or line.startswith("#"):
                continue
            key, colon, value = line.partition(":")
            key = key.strip().lower()
            if not colon or key not in _HEAD_KEYS:
                raise KeptHeadError("unknown_line", f"line {number} is not one of {', '.join(_HEAD_KEYS)}: "
                                    f"{raw.strip()[:40]!r}", line=number)
            if key in values:
                raise KeptHeadError("repeated", f"'{key}' appears twice", line=number)
            values[key] = value.strip()
        missing = [key for key in _HEAD_KEYS if key not in values]
        if missing:
            raise KeptHeadError("missing", f"this is not a kept head of the access log: no '{missing[0]}' line")
        if values["format"] != HEAD_FORMAT:
            raise KeptHeadError("format", f"unknown format {values['format']!r} (expected {HEAD_FORMAT})")
        return cls(seq=_parse_seq(values["seq"]), hash=_parse_hash(values["hash"]), at=_parse_at(values["at"]))


class KeptHeadError(ValueError):
    """A kept head that cannot be read; ``code`` (unknown_line, repeated, missing, format, seq, hash, at)
    lets the UI say it in words, ``line`` is the line number where there is one."""

    def __init__(self, code: str, message: str, *, line: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.line = line


def _parse_seq(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise KeptHeadError("seq", f"seq must be a whole number from 1 up, not {text!r}")
    return int(text)


def _parse_hash(text: str) -> str:
    digest = "".join(text.split()).lower()  # a hash typed from paper may be split into groups
    if len(digest) != 64 or any(ch not in "0123456789abcdef" for ch in digest):
        raise KeptHeadError("hash", f"hash must be 64 hexadecimal characters (0-9, a-f), got {len(digest)} "
                            "characters")
    return digest


def _parse_at(text: str) -> dt.datetime:
    try:
        at = dt.datetime.fromisoformat(text)
    except ValueError:
        raise KeptHeadError("at", f"at must be a date and time like 2026-11-22T09:30:00+00:00, not {text!r}") from None
    if at.tzinfo is None:
        raise KeptHeadError("at", "at must carry a time zone (such as +00:00)")
    return at.astimezone(dt.UTC)


class ProblemCode(enum.StrEnum):
    """What ``verify`` found; the UI and the command line turn these into words."""

    CHANGED = "changed"  # the entry's fields no longer match its hash
    GAP = "gap"  # entries before this one are missing (deleted)
    OUT_OF_ORDER = "out_of_order"  # seq not after the previous one (duplicate, or read out of order)
    BROKEN_LINK = "broken_link"  # prev_hash is not the previous entry's hash (inserted or replaced)
    REORDERED = "reordered"  # prev_hash names another entry of the chain, not the one before it
    TRUNCATED = "truncated"  # the head row names a later entry than the newest there is
    HEAD_MISMATCH = "head_mismatch"  # the head row names the newest entry with another hash
    HEAD_BEHIND = "head_behind"  # entries after the head row's entry (written around the log)
    KEPT_HEAD_MISSING = "kept_head_missing"  # the kept head's entry is gone: truncated below it
    KEPT_HEAD_DIFFERENT = "kept_head_different"  # the kept head's entry differs: the chain was rewritten
    HEAD_DELETED = "head_deleted"  # the head row was deleted (found now, or recorded by a LOG_HEAD_MISSING entry)
    # A keyed log (a team server's): its entries from the LOG_KEYED entry on can be checked only with the key.
    KEY_NEEDED = "key_needed"  # verified without the server's key: the keyed entries' contents were not checked
    KEY_WRONG = "key_wrong"  # the key given is not the one the log is keyed with (their ids differ)
    KEYED_MARK_MISSING = "keyed_mark_missing"  # the database says its log is keyed, but no entry switches to it
    ANCHOR_INVALID = "anchor_invalid"  # a line of the anchor file fails its HMAC (the file was edited)


@dataclass(frozen=True, slots=True)
class ChainProblem:
    code: ProblemCode
    seq: int  # the entry where it shows (for head problems: the seq the head names)
    note: str = ""  # plain English for logs and the command line; the UI words it from ``code``


class HeadLike(Protocol):
    @property
    def seq(self) -> int: ...

    @property
    def hash(self) -> str: ...


def verify(entries: Iterable[LogEntry], stored_head: HeadLike | None = None,
           kept_head: HeadLike | None = None, *, key: bytes | None = None, keyed: bool = False,
           anchors: Iterable[HeadLike] = ()) -> list[ChainProblem]:
    """Every problem in the chain, ordered by seq; an empty list means it is intact.

    ``entries`` in seq order (as stored). ``stored_head`` is the ``log_head`` row
    (pass ``(0, GENESIS)`` when there is none, so that entries without a head
    are found); None skips those checks. ``kept_head`` is a head exported
    earlier and kept outside the database.

    A keyed chain (``LOG_KEYED`` entry): the entries from it on are checked
    with ``key``; without it only their links are checked (``KEY_NEEDED``),
    with another key not even that far (``KEY_WRONG``). ``keyed``: the
    database says its log is keyed (``database_meta``), so a chain without a
    ``LOG_KEYED`` entry was rewritten. ``anchors``: the heads a server anchored
    outside the database (``persistence.anchors``), oldest first; each must
    still be in the chain as it was, like a kept head.
    """
    chain = list(entries)
    seq_of_hash = {entry.hash: entry.seq for entry in chain}
    problems: list[ChainProblem] = []
    previous: LogEntry | None = None
    switch = next((entry for entry in chain if entry.action == LogAction.LOG_KEYED), None)
    check_keyed = True
    if switch is not None:
        wanted = keyed_detail_key_id(switch.detail)
        if key is None:
            check_keyed = False
            problems.append(ChainProblem(ProblemCode.KEY_NEEDED, switch.seq,
                                         "the log is keyed from this entry on; verify it on the server"))
        elif wanted != key_id(key):
            check_keyed = False
            problems.append(ChainProblem(ProblemCode.KEY_WRONG, switch.seq,
                                         f"the log is keyed with key {wanted}, the key given is {key_id(key)}"))
    elif keyed and chain:
        problems.append(ChainProblem(ProblemCode.KEYED_MARK_MISSING, chain[0].seq,
                                     "the database says its log is keyed, but no entry switches to the key"))
    for entry in chain:
        in_keyed = switch is not None and entry.seq >= switch.seq
        if (check_keyed or not in_keyed) and entry_hash(entry, key if in_keyed else None) != entry.hash:
            problems.append(ChainProblem(ProblemCode.CHANGED, entry.seq, "fields do not match the hash"))
        if entry.action == LogAction.LOG_HEAD_MISSING:
            problems.append(ChainProblem(ProblemCode.HEAD_DELETED, entry.seq,
                                         "the log's head row had been deleted; the log went on after this entry"))
        problems += _link_problems(previous, entry, seq_of_hash)
        previous = entry
    if stored_head is not None and stored_head.seq == 0 and chain:
        # No head row, but entries: it was deleted (a fresh log has neither).
        problems.append(ChainProblem(ProblemCode.HEAD_DELETED, chain[-1].seq, "the log's head row is deleted"))
    elif stored_head is not None:
        problems += _head_problems(chain, stored_head)
    if kept_head is not None:
        problems += _kept_head_problems(chain, kept_head)
    problems += _anchor_problems(chain, list(anchors), kept_head)
    return sorted(problems, key=lambda p: p.seq)


def _link_problems(previous: LogEntry | None, entry: LogEntry, seq_of_hash: dict[str, int]) -> list[ChainProblem]:
    expected_seq, expected_prev = (1, GENESIS) if previous is None else (previous.seq + 1, previous.hash)
    if previous is not None and entry.seq <= previous.seq:
        return [ChainProblem(ProblemCode.OUT_OF_ORDER, entry.seq, f"comes after entry {previous.seq}")]
    problems = []
    if entry.seq != expected_seq:
        problems.append(ChainProblem(ProblemCode.GAP, entry.seq,
                                     f"entries {expected_seq}–{entry.seq - 1} are missing"))
    if entry.prev_hash != expected_prev:
        linked = seq_of_hash.get(entry.prev_hash)
        if linked is not None and linked != entry.seq:
            problems.append(ChainProblem(ProblemCode.REORDERED, entry.seq, f"follows entry {linked}"))
        elif not problems:  # a gap already explains a link to a deleted entry
            problems.append(ChainProblem(ProblemCode.BROKEN_LINK, entry.seq, "does not follow the entry before"))
    return problems


def _head_problems(chain: list[LogEntry], head: HeadLike) -> list[ChainProblem]:
    last_seq, last_hash = (chain[-1].seq, chain[-1].hash) if chain else (0, GENESIS)
    if head.seq > last_seq:
        return [ChainProblem(ProblemCode.TRUNCATED, head.seq,
                             f"the head names entry {head.seq}, the newest is {last_seq}")]
    if head.seq < last_seq:
        return [ChainProblem(ProblemCode.HEAD_BEHIND, head.seq,
                             f"the head names entry {head.seq}, but entries go on to {last_seq}")]
    if head.hash != last_hash:
        return [ChainProblem(ProblemCode.HEAD_MISMATCH, head.seq, "the head's hash differs from the entry's")]
    return []


def _kept_head_problems(chain: list[LogEntry], kept: HeadLike) -> list[ChainProblem]:
    found = next((entry for entry in chain if entry.seq == kept.seq), None)
    if found is None:
        return [ChainProblem(ProblemCode.KEPT_HEAD_MISSING, kept.seq, "the kept head's entry is missing")]
    if found.hash != kept.hash:
        return [ChainProblem(ProblemCode.KEPT_HEAD_DIFFERENT, kept.seq, "the entry differs from the kept head")]
    return []


def _anchor_problems(chain: list[LogEntry], anchors: list[HeadLike], kept: HeadLike | None) -> list[ChainProblem]:
    """The oldest anchor the chain no longer matches (where tampering reaches back to) and the newest one.

    Each anchor is a kept head; reporting every later one too would repeat the same finding thousands
    of times. An anchor equal to ``kept`` is reported once, as the kept head.
    """
    found: list[ChainProblem] = []
    failing = [problem for anchor in anchors for problem in _kept_head_problems(chain, anchor)]
    for problem in (failing[:1] + failing[-1:]) if failing else []:
        if kept is not None and problem.seq == kept.seq:
            continue
        if problem not in found:
            found.append(problem)
    return found


# --- what a review of the log hands back (plain: the same from a local database or a team server) ------


@dataclass(frozen=True)
class LogVerification:
    """What verifying the log found: the problems (none: intact), how many entries, the chain's newest entry."""

    problems: list[ChainProblem]
    entries: int
    head: KeptHead | None  # the newest entry (None for an empty log)
    kept_head: KeptHead | None  # what it was compared with, if anything
    anchor: KeptHead | None = None  # the newest anchor it was compared with (a server's anchor file)
    anchors: int = 0  # how many anchors were compared
    keyed: bool = False  # the log is keyed (a team server's)

    @property
    def needs_key(self) -> bool:
        """Verified without the server's key: nothing else is wrong, but the keyed entries were not checked."""
        return bool(self.problems) and all(p.code is ProblemCode.KEY_NEEDED for p in self.problems)

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
