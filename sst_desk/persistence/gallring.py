"""Gallring: list the closed cases whose retention has run out, and delete them so nothing readable remains.

``cases_due(db, years, today)`` lists them (the rule: ``workflow.retention``);
``gallra(db, case_ids, years=, today=)`` deletes them. Both are for the team
lead, who decides gallring: ``(CASE, DELETE)`` in ``workflow.access``.

What "nothing readable remains" takes, and the choices made:

1. **One transaction** deletes the cases (their records cascade: consents,
   kartläggning, plans, contacts, follow-ups, boosterträffar, referrals,
   views, transitions, members, consent overrides) and every student left
   without a case (their guardians cascade), and writes one ``DELETE`` entry
   per case (detail ``gallring``) and per student removed (``gallring:student``)
   to the access log — ids only, so the log keeps no content. Either
   all of it happens or none of it. Cases that are not due (still open, or
   not yet old enough) are refused before anything is deleted.
2. **The file.** Every connection has ``secure_delete=ON`` (engine.py), so
   deleted cells and freed pages are overwritten with zeros — but in WAL mode
   the old pages still sit in the ``-wal`` file until a checkpoint, and the
   file keeps its free pages. So: ``wal_checkpoint(TRUNCATE)`` (old frames
   into the file, the ``-wal`` cut to zero bytes), ``VACUUM`` (the file
   rebuilt from the live rows only, with the temp store in memory so no temp
   file is written), and ``wal_checkpoint(TRUNCATE)`` again (VACUUM itself
   goes through the WAL). Another program holding the database open can stop
   the checkpoint; the result then says so (``wal_cleared=False``) and
   ``finish(db)`` (steps 2 and 3 again, once the others have closed) ends the job.
3. **The backups.** Every earlier backup holds the deleted cases, so after a
   fresh (automatic) backup of the cleaned database has been taken and
   checked, *every older backup file of every kind* in the backups folder is
   overwritten and deleted — automatic, manual, pre-restore and pre-upgrade
   alike, and leftovers of interrupted backups. Keeping any of them would keep
   what the law says must be gone; the fresh backup keeps the team safe from
   a lost disk. Copies made elsewhere (``sst-desk backup FILE`` to another
   folder, a USB stick) are outside SST Desk's reach: the dialog says so.

4. **Resumable** (issue 10). Killed between steps, a gallring used to leave the
   deleted cases in older backups, and running it again said "nothing is due".
   Now step 1's transaction also writes a mark in ``database_meta`` (key
   ``gallring_pending``: the case ids, when, and what is left to do — see
   ``PendingPurge``), so the deletion and the mark are committed together or
   not at all. The mark is updated after the fresh backup (its name; only the
   purge is then left) and removed when every step succeeded. Any start
   (``Database.open``: the app's sign-in and every command that opens the
   database) and every gallring command first finishes an unfinished purge
   (``resume_pending``) — no permission is checked for that: the team lead's
   decision was taken and committed; only its clean-up is repeated.
   The purge also removes every ``*.keys`` copy beside the deleted backups,
   and orphan ones whose backup is gone.

A database on a server (PostgreSQL) only gets step 1; its files, WAL and
backups are the server's (and its administrator's) job.

Students with protected identity: the team lead lists and deletes their cases
like any other (gallring is an obligation, not a reading), but the list leaves
their name out unless the team lead is a member of the case.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sst_desk import paths
from sst_desk.workflow.access import Action, Actor, Resource
from sst_desk.workflow.logchain import LogAction
from sst_desk.workflow.retention import (  # noqa: F401 - DueCase, GallringResult, NotDueError re-exported
    DueCase,
    GallringResult,
    NotDueError,
    check_years,
    due_cases,
)

from sst_desk.fileio import shred

from sst_desk.persistence import backups, cipher

if TYPE_CHECKING:  # types only: Database.open resumes an interrupted purge here (no import circle)
    from sst_desk.persistence.database import Database
    from sst_desk.persistence.uow import UnitOfWork

GALLRING = "gallring"
GALLRING_STUDENT = "gallring:student"  # extract.py reads the log from after the last one of these
PENDING_KEY = "gallring_pending"  # database_meta: a purge that is committed but not yet finished
STEPS = ("clear_residue", "fresh_backup", "purge_backups")  # what is left after the deletion's commit

# Called with a step's name as it completes (tests kill the process there: tests/integration/
# test_gallring_resume.py). None in the app.
step_done: Callable[[str], None] | None = None


def _reached(step: str) -> None:
    if step_done is not None:
        step_done(step)


@dataclass
class PendingPurge:
    """The ``gallring_pending`` mark: which cases were deleted, when, and which steps are still to do."""

    case_ids: list[int]
    at: str  # ISO UTC time of the deletion
    left: list[str] = field(default_factory=lambda: list(STEPS))
    fresh_backup: str = ""  # the fresh backup's file name, once taken
    database: str = ""  # the database file's name: a copy under another name (a backup) does not resume it

    def to_json(self) -> str:
        return json.dumps({"case_ids": self.case_ids, "at": self.at, "left": self.left,
                           "fresh_backup": self.fresh_backup, "database": self.database})

    @classmethod
    def from_json(cls, text: str) -> PendingPurge:
        try:
            data = json.loads(text)
            return cls([int(c) for c in data.get("case_ids", [])], str(data.get("at", "")),
                       [str(x) for x in data.get("left", STEPS) if x in STEPS], str(data.get("fresh_backup", "")),
                       str(data.get("database", "")))
        except (ValueError, TypeError, AttributeError):
            return cls([], "")  # an unreadable mark still means: finish the purge (every step)


# --- listing ------------------------------------------------------------------------------------------------


def _member_cases(uow: UnitOfWork) -> set[int]:
    return set() if uow.actor is None else uow.retention.member_case_ids(uow.actor.user_id)


def cases_due(db: Database, years: int, today: dt.date, *, actor: Actor | None = None) -> list[DueCase]:
    """The closed cases due for gallring on ``today`` with ``years`` of retention, longest overdue first.

    Team lead only (``AccessDeniedError``, logged, for anyone else). The listing is logged (a count).
    """
    check_years(years)
    with db.uow(actor) as uow:
        uow.require(Resource.CASE, Action.DELETE)
        rows = uow.retention.closed_cases()
        members = _member_cases(uow)
        due = []
        for item in due_cases([r for r, _ in rows.values()], years, today):
            student = rows[item.row.case_id][1]
            hidden = bool(student.protected_identity) and uow.actor is not None and item.row.case_id not in members
            name = "" if hidden else f"{student.first_name} {student.last_name}".strip()
            assert item.row.closed_on is not None  # due_cases only returns cases with a closing day
            due.append(DueCase(item.row.case_id, student.student_id, name, bool(student.protected_identity),
                               item.row.closed_on, item.due_on))
        uow.log(LogAction.LIST, detail=f"{GALLRING}:{len(due)}")
        uow.commit()
    return due


# --- deleting -------------------------------------------------------------------------------------------------


def gallra(db: Database, case_ids: Iterable[int], *, years: int, today: dt.date,
           keep_backups: int = backups.DEFAULT_KEEP, actor: Actor | None = None) -> GallringResult:
    """Delete the cases ``case_ids`` (each must be due on ``today`` with ``years``) and every trace of them.

    See the module docstring for the steps. Raises ``AccessDeniedError`` for
    anyone but a team lead and ``NotDueError`` when a case is open, not yet
    due or gone — in both cases nothing is deleted. Backup failures after the
    deletion raise ``BackupFailedError``; the cases are then already deleted
    and the older backups kept (run gallring again once the disk is fixed).
    """
    wanted = sorted(set(case_ids))
    check_years(years)
    if not wanted:
        return GallringResult(0, 0, 0)
    with db.uow(actor) as uow:
        uow.require(Resource.CASE, Action.DELETE)
        rows = uow.retention.closed_cases(wanted)
        due = {d.row.case_id for d in due_cases([r for r, _ in rows.values()], years, today)}
        if set(wanted) - due:
            raise NotDueError(set(wanted) - due)
        counts = _delete(uow, wanted, {cid: row.student_id for cid, (_, row) in rows.items()})
        mark: PendingPurge | None = None
        if db.path is not None:  # a server's files and backups are its own: nothing left to resume here
            mark = PendingPurge(wanted, dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                                database=db.path.name)
            _write_mark(uow, mark)  # in the deletion's own transaction: both are committed or neither
        uow.commit()
    _reached("deleted")
    if mark is None:
        return GallringResult(*counts)
    return _clean_up(db, counts, keep_backups, mark)


def finish(db: Database, *, keep_backups: int = backups.DEFAULT_KEEP, actor: Actor | None = None) -> GallringResult:
    """Steps 2 and 3 again, deleting nothing: for when an earlier gallring could not clear every trace.

    Team lead only, like ``gallra`` (it deletes backups).
    """
    with db.uow(actor) as uow:
        uow.require(Resource.CASE, Action.DELETE)
    if db.path is None:
        return GallringResult(0, 0, 0)
    return _clean_up(db, (0, 0, 0), keep_backups, pending(db) or PendingPurge([], ""))


def pending(db: Database) -> PendingPurge | None:
    """The unfinished purge recorded in the database, or None."""
    with db.uow() as uow:
        value = uow.retention.mark(PENDING_KEY)
    return PendingPurge.from_json(value) if value is not None else None


def resume_pending(db: Database, *, keep_backups: int = backups.DEFAULT_KEEP,
                   at_start: bool = False) -> GallringResult | None:
    """Finish a purge an earlier gallring left unfinished (killed, or its clean-up was blocked); None if none.

    Called at every start (``at_start``: ``Database.open``) and by every gallring command. No permission
    check: see the module docstring. A failure leaves the mark, so the next start tries again. At a start,
    a file whose name is not the one the mark was written in (a backup opened to look inside) is left
    alone: its "backups folder" is not the team's. A gallring command resumes whatever the name.
    """
    if db.path is None:
        return None
    mark = pending(db)
    if mark is None or (at_start and mark.database and mark.database != db.path.name):
        return None
    return _clean_up(db, (0, 0, 0), keep_backups, mark)


def _write_mark(uow: UnitOfWork, mark: PendingPurge) -> None:
    uow.retention.set_mark(PENDING_KEY, mark.to_json())


def _save_mark(db: Database, mark: PendingPurge | None) -> None:
    """Record what is left (None: the purge is finished, remove the mark)."""
    with db.uow(None) as uow:
        uow.actor = None  # bookkeeping, not an action of the person: nothing to log
        if mark is None:
            uow.retention.clear_mark(PENDING_KEY)
        else:
            _write_mark(uow, mark)
        uow.commit()


def _unmark_copy(copy: Path, key: bytes | None) -> None:
    """Remove the mark from the fresh backup: restored one day, it must not start the purge again (which would
    delete the backups taken since). Only bookkeeping is changed; the copy was checked just before."""
    connection = cipher.connect(copy, key)
    try:
        connection.execute("DELETE FROM database_meta WHERE key = ?", (PENDING_KEY,))
        connection.commit()
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


def _clean_up(db: Database, counts: tuple[int, int, int], keep_backups: int, mark: PendingPurge) -> GallringResult:
    assert db.path is not None
    folder = paths.backup_dir_for(db.path)
    fresh = folder / mark.fresh_backup if mark.fresh_backup else None
    if fresh is None or "fresh_backup" in mark.left or not fresh.is_file():
        wal_cleared, vacuumed = clear_residue(db)
        _reached("clear_residue")
        fresh = backups.take_backup(db, backups.AUTO, keep=keep_backups)
        _unmark_copy(fresh, db.key)
        # Only a clean file lets a resume skip to the purge; otherwise every step is repeated next time.
        mark.fresh_backup = fresh.name
        mark.left = ["purge_backups"] if wal_cleared and vacuumed else list(STEPS)
        _save_mark(db, mark)
        _reached("fresh_backup")
    else:
        wal_cleared, vacuumed = True, True  # done before the interruption; only the purge was left
    deleted, leftovers = purge_backups_except(db.path, fresh)
    _reached("purge_backups")
    if wal_cleared and vacuumed and not leftovers:
        _save_mark(db, None)
        # The mark's own updates went through the WAL: fold them in so the -wal is empty again.
        wal_cleared = clear_wal(db)
    return GallringResult(*counts, backup=fresh, backups_deleted=deleted, leftovers=tuple(leftovers),
                          wal_cleared=wal_cleared, vacuumed=vacuumed)


def _delete(uow: UnitOfWork, case_ids: list[int], student_of: dict[int, int]) -> tuple[int, int, int]:
    """The cases, then students left without a case; one DELETE log entry per case. Returns the counts."""
    orphans, guardian_count = uow.retention.delete(case_ids, student_of)
    for cid in case_ids:
        uow.log(LogAction.DELETE, case_id=cid, student_id=student_of[cid], detail=GALLRING)
    for sid in orphans:
        uow.log(LogAction.DELETE, student_id=sid, detail=GALLRING_STUDENT)
    return len(case_ids), len(orphans), guardian_count


def clear_residue(db: Database) -> tuple[bool, bool]:
    """Checkpoint (TRUNCATE), VACUUM, checkpoint again; returns (wal cleared, vacuumed).

    Runs on a raw connection outside any transaction (VACUUM cannot run inside one).
    """
    vacuumed = True
    with db.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("PRAGMA temp_store = MEMORY")  # VACUUM's scratch copy never touches the disk
        _checkpoint(raw)
        try:
            raw.execute("VACUUM")
        except cipher.Error:
            vacuumed = False  # busy: another program is writing; the result says so
        cleared = _checkpoint(raw)
    return cleared, vacuumed


def clear_wal(db: Database) -> bool:
    """Checkpoint (TRUNCATE) only; True when the -wal is empty."""
    with db.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        return _checkpoint(raw)


def _checkpoint(raw: Any) -> bool:
    """True when every WAL frame went into the file and the -wal was cut to nothing."""
    try:
        busy, log_frames, _done = raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    except cipher.Error:
        return False
    return busy == 0 and log_frames in (0, -1)


def _backup_files(folder: Path) -> list[Path]:
    """Every file in the backups folder that can hold database pages: copies, their journals, temp leftovers."""
    try:
        entries = [e for e in folder.iterdir() if e.is_file()]
    except OSError:
        return []
    # A backup's key copy (``<backup>.keys``) goes with it: left behind, it would still unwrap the key
    # for whoever knew an old password (issue 10: gallring left orphan *.keys files).
    kept = (backups.SUFFIX, backups.SUFFIX + "-wal", backups.SUFFIX + "-shm", backups.SUFFIX + "-journal",
            backups.SUFFIX + cipher.KEY_FILE_SUFFIX)
    return [e for e in entries if e.name.endswith(kept) or (e.name.startswith(".") and e.name.endswith(".tmp"))]


def purge_backups_except(db_file: Path, keep: Path) -> tuple[int, list[Path]]:
    """Overwrite and delete every backup file of ``db_file`` but ``keep`` (and its key copy), including every
    ``*.keys`` copy of a deleted backup; returns (count of backups deleted, failures)."""
    deleted, failed = 0, []
    spared = {keep.resolve(), cipher.key_file_for(keep).resolve()}
    for entry in _backup_files(paths.backup_dir_for(db_file)):
        if entry.resolve() in spared:
            continue
        try:
            shred(entry)
            if not entry.name.endswith(cipher.KEY_FILE_SUFFIX):  # a key copy is not counted as a backup
                deleted += 1
        except FileNotFoundError:
            continue  # gone already (a backup in progress renamed its temporary file)
        except OSError:
            failed.append(entry)
    return deleted, failed

