"""The access log's review: search and filter it, verify its chain, keep its head, sample checks, and one
student's access history for a guardian who asks.

Reading the whole log needs ``(ACCESS_LOG, READ_LOG)`` (the team lead); one student's history needs
``(CASE, READ_LOG)`` on one of the student's cases (the people responsible for it, or the team lead).
Every reading is itself logged (``READ_LOG``) in the same transaction as the read. Rows name the
student only while the student still exists, and not at all for a protected student whom the reader
is not responsible for (``LogRow.student_hidden``): the review must not reveal what the case list hides.
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from pathlib import Path

from sst_desk.workflow.access import Action, Actor, Resource
from sst_desk.workflow.logchain import (
    GENESIS,
    AccessHistory,
    ChainProblem,
    KeptHead,
    LogAction,
    LogRow,
    LogVerification,
    ProblemCode,
    SampleCheck,
    SampleOutcome,
    verify,
)

from sst_desk.services.base import UowFactory

DEFAULT_LIMIT = 1000
# Entries a sample check looks at: someone's access to a student's data, not the review of the log itself.
REVIEW_ACTIONS = (LogAction.READ_LOG, LogAction.SAMPLE_CHECK, LogAction.EXPORT_HEAD)

Moment = dt.date | dt.datetime

USE_CASES = (
    "query_log", "log_students", "verify_log", "export_head", "draw_sample", "record_sample_check",
    "list_sample_checks", "student_access_history",
)


def query_log(uow: UowFactory, actor: Actor | None, *, username: str | None = None, student_id: int | None = None,
              since: Moment | None = None, until: Moment | None = None, action: str | None = None,
              limit: int = DEFAULT_LIMIT) -> list[LogRow]:
    """The newest ``limit`` entries matching every filter given, newest first.

    ``since``/``until`` are inclusive; a date means the whole local day.
    """
    with uow(actor) as tx:
        tx.require(Resource.ACCESS_LOG, Action.READ_LOG)
        rows = tx.accesslog.rows(username=username, student_id=student_id, since=since, until=until,
                                 action=action, limit=limit)
        filters = [f"user={username}" if username else "", f"action={action}" if action else "",
                   f"from={since.isoformat()}" if since else "", f"to={until.isoformat()}" if until else ""]
        tx.log(LogAction.READ_LOG, student_id=student_id,
               detail=";".join(["query", *filter(None, filters), f"rows={len(rows)}"]))
        tx.commit()
    return rows


def log_students(uow: UowFactory, actor: Actor | None) -> list[tuple[int, str]]:
    """``(id, name)`` of the students the log mentions who still exist, by name: the review's student filter.

    Protected students the reader is not responsible for are left out. Not logged: it is a list of
    names, as the case list shows, not the log's content.
    """
    with uow(actor) as tx:
        tx.require(Resource.ACCESS_LOG, Action.READ_LOG)
        return tx.accesslog.students()


def verify_log(uow: UowFactory, actor: Actor | None, kept_head: KeptHead | None = None) -> LogVerification:
    """Check the whole chain, its head row, (if given) a head kept outside the database, and a server's anchors.

    On a team server (``Database.open(..., log_key=, anchors=)``) the keyed entries are checked with the
    server's key and every anchor in its anchor file is compared like a kept head, the newest reported as
    ``anchor``. Elsewhere a keyed log is reported as needing the server (``ProblemCode.KEY_NEEDED``).
    ``persistence.anchors.AnchorError`` when the anchor file cannot be read. Without the key, a keyed log
    is verified as far as possible and the verification is not logged (it cannot be written into the
    server's chain).
    """
    with uow(actor) as tx:
        tx.require(Resource.ACCESS_LOG, Action.READ_LOG)
        chain = tx.accesslog.chain()
        stored = tx.accesslog.stored_head() or KeptHead(0, GENESIS, dt.datetime.now(dt.UTC))
        keyed = tx.accesslog.keyed()
        reading = tx.anchors.read() if tx.anchors is not None else None
        anchors = reading.anchors if reading is not None else []
        problems = verify(chain, stored, kept_head, key=tx.log_key, keyed=keyed, anchors=anchors)
        if reading is not None:
            problems += [ChainProblem(ProblemCode.ANCHOR_INVALID, line, f"line {line} of the anchor file fails "
                                      "its HMAC") for line in reading.invalid_lines]
        outcome = "ok" if not problems else f"problems={len(problems)}"
        if tx.log_writable:
            tx.log(LogAction.READ_LOG, detail=f"verify;{outcome}" + (f";kept={kept_head.seq}" if kept_head else "")
                   + (f";anchors={len(anchors)}" if reading is not None else ""))
            tx.commit()
        # else: a server's keyed log read with the owner's credentials (no key): an entry written here would
        # break its chain, and whoever holds those credentials can read the table unlogged anyway.
    newest = KeptHead(chain[-1].seq, chain[-1].hash, chain[-1].at) if chain else None
    anchor = anchors[-1] if anchors else None
    return LogVerification(problems=problems, entries=len(chain), head=newest, kept_head=kept_head,
                           anchor=KeptHead(anchor.seq, anchor.hash, anchor.at) if anchor is not None else None,
                           anchors=len(anchors),
                           keyed=keyed or any(entry.action == LogAction.LOG_KEYED for entry in chain))


def export_head(uow: UowFactory, actor: Actor | None, out: Path | None = None, *, force: bool = False) -> KeptHead:
    """The chain's head to keep outside the database; the export is logged and is itself that head.

    With ``out`` the head is also written there (``fileio.write_export``: never over an existing file
    unless ``force``, never over a database or key file). The entry is committed only once the file's
    bytes are on disk, so a failed write leaves no entry claiming an export.
    """
    from sst_desk.fileio import write_export

    with uow(actor) as tx:
        tx.require(Resource.ACCESS_LOG, Action.EXPORT)
        tx.log(LogAction.EXPORT_HEAD)
        tx.flush_log()  # the head to keep is this very entry
        head = tx.accesslog.head_with_time()
        if head is None:
            raise ValueError("the access log is empty: there is no head to keep yet")
        if out is None:
            tx.commit()
        else:
            write_export(head.to_text().encode("utf-8"), out, force=force, database=tx.storage.file,
                         before_commit=tx.commit)
    return head


def draw_sample(uow: UowFactory, actor: Actor | None, since: dt.date, until: dt.date, n: int,
                rng: random.Random | None = None) -> list[LogRow]:
    """``n`` entries drawn at random from the period's accesses to students' data, in seq order.

    Reviewing the log (reading it, sample checks, exporting the head) is not drawn. The default
    random source is the system's, so nobody can tell in advance which entries will be looked at.
    """
    if until < since:
        raise ValueError("the period ends before it starts")
    rng = rng or random.SystemRandom()
    with uow(actor) as tx:
        tx.require(Resource.ACCESS_LOG, Action.READ_LOG)
        seqs = tx.accesslog.seqs_about_students(since, until, [str(a) for a in REVIEW_ACTIONS])
        chosen = sorted(rng.sample(seqs, min(max(0, n), len(seqs))))
        rows = tx.accesslog.rows_by_seq(chosen)
        tx.log(LogAction.READ_LOG, detail=f"sample;from={since};to={until};rows={len(rows)}")
        tx.commit()
    return rows


def record_sample_check(uow: UowFactory, actor: Actor | None, since: dt.date, until: dt.date, seqs: Iterable[int],
                        outcome: SampleOutcome | str, note: str = "") -> SampleCheck:
    """Store a sample check's documented outcome (``"ok"`` or ``"follow_up"``, which needs a note)."""
    outcome = _outcome(outcome)
    note = note.strip()
    if until < since:
        raise ValueError("the period ends before it starts")
    if outcome is SampleOutcome.FOLLOW_UP and not note:
        raise ValueError("a sample check that needs follow-up must say what to follow up")
    looked_at = tuple(sorted(set(int(s) for s in seqs)))
    with uow(actor) as tx:
        tx.require(Resource.ACCESS_LOG, Action.EDIT)
        known = tx.accesslog.known_seqs(looked_at)
        if unknown := [s for s in looked_at if s not in known]:
            raise ValueError(f"no log entries {unknown}")
        reviewer = tx.actor.username if tx.actor is not None else ""
        check = tx.accesslog.add_sample_check(reviewer, since, until, looked_at, outcome, note)
        tx.log(LogAction.SAMPLE_CHECK, detail=f"{check.id};{outcome.value};entries={len(looked_at)}")
        tx.commit()
    return check


def list_sample_checks(uow: UowFactory, actor: Actor | None) -> list[SampleCheck]:
    """Every documented sample check, newest first (reading them is logged)."""
    with uow(actor) as tx:
        tx.require(Resource.ACCESS_LOG, Action.READ_LOG)
        found = tx.accesslog.sample_checks()
        tx.log(LogAction.READ_LOG, detail=f"sample_checks;rows={len(found)}")
        tx.commit()
    return found


def student_access_history(uow: UowFactory, actor: Actor | None, student_id: int, *, since: dt.date | None = None,
                           until: dt.date | None = None, for_print: bool = False) -> AccessHistory:
    """Every entry about the student (or one of their cases), oldest first, for a registerförteckning.

    ``for_print`` says in the log that the history is being printed (for the guardian).
    Allowed to whoever may read the log of one of the student's cases; when the student has no
    case left (gallring), to whoever may read the whole log.
    """
    with uow(actor) as tx:
        case_ids = tx.accesslog.case_ids_of_student(student_id)
        if not case_ids:
            tx.require(Resource.ACCESS_LOG, Action.READ_LOG)
        elif not any(tx.may(Action.READ_LOG, case_id) for case_id in case_ids):
            tx.require_case(Action.READ_LOG, case_ids[0])  # logs the refusal and raises
        rows = tx.accesslog.student_rows(student_id, case_ids, since, until)
        name = tx.accesslog.student_name(student_id)
        tx.log(LogAction.READ_LOG, student_id=student_id,
               detail=f"history{';print' if for_print else ''};rows={len(rows)}")
        tx.commit()
    return AccessHistory(student_id, name, rows, since, until)


def _outcome(value: SampleOutcome | str) -> SampleOutcome:
    try:
        return SampleOutcome(value)
    except ValueError:
        raise ValueError(f"a sample check's outcome is 'ok' or 'follow_up', not {value!r}") from None
