"""The laptop's encrypted copy of one person's cases on one team server (docs/security.md, "The offline copy").

One file per (server, person), in the data folder's ``offline`` folder, named by a hash of the server's
address and the user name (the name of a person or a server is not in the file name)::

    offline/<hash>.sqlite3        SQLCipher, under 32 random bytes (as a database file is)
    offline/<hash>.sqlite3.keys   that key in a key slot under the person's password (security/keyfile.py:
                                  Argon2id, per-slot salt; 0600) — one slot, the person's
    offline/<hash>.sqlite3.attempts  wrong passwords typed offline (security/throttle.py: the waits)

It holds the person's own cases as the server last handed them out (``CaseFile``s, wire-encoded, with their
revision), the case-list rows for them, the team's settings, the signed-in ``Actor``, each case's
shared-document state (Yjs update bytes, for the case window), the views made from it while the server could
not be reached (case id, time) until the server has logged them, and when it was last brought up to date.

Opening it needs the person's password: a wrong one is ``SignInError("wrong_credentials")`` (the sign-in's
own sentence; every wrong try makes the next wait, as on a database file); a key file or copy that cannot be
read is ``OfflineCopyError`` (its own sentence), never a traceback. ``wipe`` overwrites and removes all three
files. Every method opens its own short connection (the raw key is given to SQLCipher: no derivation per
connection), so the window's thread and the background sync may use one store.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sst_desk.fileio import shred
from sst_desk.paths import data_dir
from sst_desk.persistence import cipher
from sst_desk.persistence.errors import QT_TRANSLATE_NOOP
from sst_desk.remote.errors import RemoteError
from sst_desk.security.keyfile import KeyFile, KeyFileError, key_file_for, new_database_key
from sst_desk.security.signin import WRONG, SignInError
from sst_desk.security.throttle import Throttle, attempts_file_for

FOLDER = "offline"
SUFFIX = ".sqlite3"
SCHEMA_VERSION = 1
WAIT_S = 2.0
"""Offline sign-ins wait for at most this long after wrong tries; a longer wait is said (``SignInError("wait")``)."""

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS cases (case_id INTEGER PRIMARY KEY, revision INTEGER NOT NULL, file TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS rows (case_id INTEGER PRIMARY KEY, row TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS doc_states (case_id INTEGER PRIMARY KEY, state BLOB NOT NULL)",
    "CREATE TABLE IF NOT EXISTS views (id INTEGER PRIMARY KEY AUTOINCREMENT, case_id INTEGER NOT NULL, "
    "at TEXT NOT NULL)",
)


class OfflineCopyError(RemoteError):
    """The offline copy (or its key file) cannot be read: damaged, or from another version; nothing was changed."""

    template = QT_TRANSLATE_NOOP(
        "DatabaseErrors",
        "The local copy of your cases on this computer (%1) cannot be read: it is damaged. Sign in when the server "
        "can be reached, and SST Desk makes a new copy; nothing was changed on the server.")


def normal_url(url: str) -> str:
    return url.strip().rstrip("/").lower()


def copy_file(url: str, username: str, folder: Path | None = None) -> Path:
    """Where the copy of ``username`` on the server ``url`` lives (a hash: no name in the file name)."""
    digest = hashlib.sha256(f"{normal_url(url)}\n{username.strip().casefold()}".encode()).hexdigest()[:40]
    return (folder or data_dir() / FOLDER) / f"{digest}{SUFFIX}"


def exists(url: str, username: str, folder: Path | None = None) -> bool:
    """True when this computer holds a copy for ``username`` on ``url`` (its key file and its file)."""
    file = copy_file(url, username, folder)
    return file.exists() and key_file_for(file).exists()


def wipe(url: str, username: str, folder: Path | None = None) -> bool:
    """Overwrite and remove the copy, its key file and its tries (``fileio.shred``); True if there was one."""
    return wipe_file(copy_file(url, username, folder))


def wipe_file(file: Path) -> bool:
    found = False
    for path in (file, Path(f"{file}-wal"), Path(f"{file}-shm"), Path(f"{file}-journal"), key_file_for(file),
                 attempts_file_for(file)):
        if path.exists():
            found = True
            shred(path, missing_ok=True)
    return found


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)


class OfflineStore:
    """One open offline copy (see the module's text). Make with ``create``, ``open`` or ``open_or_create``."""

    def __init__(self, file: Path, key: bytes) -> None:
        self.file = Path(file)
        self._key = key
        self._lock = threading.Lock()  # one writer at a time in this process (the window, the sync)

    # --- making and opening ----------------------------------------------------------------------------

    @classmethod
    def create(cls, url: str, username: str, password: str, folder: Path | None = None) -> OfflineStore:
        """A new, empty copy for ``username`` on ``url``, under a key only ``password`` opens (replaces any old one)."""
        file = copy_file(url, username, folder)
        file.parent.mkdir(parents=True, exist_ok=True)
        if os.name == "posix":
            os.chmod(file.parent, 0o700)
        wipe_file(file)
        key = new_database_key()
        keys = KeyFile.new(key_file_for(file))
        keys.set_slot(username, password, key)
        keys.save()  # 0600
        store = cls(file, key)
        fd = os.open(file, os.O_CREAT | os.O_WRONLY, 0o600)  # made 0600 before SQLCipher writes a byte
        os.close(fd)
        with store._connect() as conn:
            for statement in _SCHEMA:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
            conn.execute("INSERT OR REPLACE INTO meta VALUES ('url', ?), ('username', ?)",
                         (normal_url(url), username.strip()))
        return store

    @classmethod
    def open(cls, url: str, username: str, password: str, folder: Path | None = None, *,
             wait: float = WAIT_S, throttled: bool = True) -> OfflineStore:
        """The copy for ``username`` on ``url`` opened with ``password``.

        ``SignInError``: "wrong_credentials" for a wrong password or no copy (the same sentence as a wrong
        name or password anywhere), "wait" after too many wrong tries; ``OfflineCopyError`` for a damaged copy.
        ``throttled=False``: the server has just accepted the password (an online sign-in): no wait.
        """
        file = copy_file(url, username, folder)
        key_path = key_file_for(file)
        if not file.exists() or not key_path.exists():
            raise SignInError("wrong_credentials", WRONG)
        throttle = Throttle(attempts_file_for(file))
        try:
            keys = KeyFile.load(key_path)
            name_hash = keys.slot_id(username)
            remaining = throttle.wait_needed(name_hash) if throttled else 0.0
            if remaining > wait:
                raise SignInError("wait", f"Too many wrong passwords: wait {remaining:.0f} s and try again.",
                                  seconds=remaining)
            if remaining > 0:
                throttle.sleep(remaining)
            key = keys.unwrap(username, password)
        except KeyFileError as exc:
            raise OfflineCopyError(file) from exc
        if key is None:
            _best_effort(lambda: throttle.failed(name_hash))
            raise SignInError("wrong_credentials", WRONG)
        _best_effort(lambda: throttle.succeeded(name_hash))
        store = cls(file, key)
        store.check()
        return store

    @classmethod
    def open_or_create(cls, url: str, username: str, password: str, folder: Path | None = None) -> OfflineStore:
        """After an ONLINE sign-in (the password is the person's, the server said so): the copy, or a new one.

        A copy the password does not open (the password was changed on another computer since) or that is
        damaged is replaced by a new, empty one: it fills at the next sync. (Views still in the old copy cannot
        be read without the old password: they are lost with it; docs/security.md.)
        """
        try:
            return cls.open(url, username, password, folder, throttled=False)
        except (SignInError, OfflineCopyError):
            return cls.create(url, username, password, folder)

    def change_password(self, username: str, old: str, new: str) -> None:
        """The person chose a new password (online): the copy's key slot now opens with ``new`` only."""
        path = key_file_for(self.file)
        try:
            keys = KeyFile.load(path)
        except KeyFileError as exc:
            raise OfflineCopyError(self.file) from exc
        if keys.unwrap(username, old) != self._key:
            raise SignInError("wrong_credentials", WRONG)
        keys.set_slot(username, new, self._key)
        keys.save()

    def check(self) -> None:
        """Read the copy's header and schema; ``OfflineCopyError`` if it cannot be read."""
        try:
            with self._connect(write=False) as conn:
                (version,) = conn.execute("PRAGMA user_version").fetchone()
                names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except cipher.Error as exc:
            raise OfflineCopyError(self.file) from exc
        if version != SCHEMA_VERSION or not {"meta", "cases", "rows", "doc_states", "views"} <= names:
            raise OfflineCopyError(self.file)

    @contextmanager
    def _connect(self, *, write: bool = True) -> Iterator[Any]:
        try:
            conn = cipher.connect(self.file, self._key, isolation_level=None)
        except cipher.Error as exc:
            raise OfflineCopyError(self.file) from exc
        try:
            conn.execute("PRAGMA secure_delete = ON")  # a dropped case's pages are overwritten
            conn.execute("PRAGMA busy_timeout = 5000")
            if write:
                with self._lock:
                    conn.execute("BEGIN IMMEDIATE")
                    try:
                        yield conn
                    except BaseException:
                        conn.execute("ROLLBACK")
                        raise
                    conn.execute("COMMIT")
            else:
                yield conn
        except cipher.Error as exc:
            raise OfflineCopyError(self.file) from exc
        finally:
            conn.close()

    # --- reading -----------------------------------------------------------------------------------------

    def _meta(self, name: str) -> str | None:
        with self._connect(write=False) as conn:
            found = conn.execute("SELECT value FROM meta WHERE name = ?", (name,)).fetchone()
        return found[0] if found else None

    @property
    def synced_at(self) -> dt.datetime | None:
        """When the copy was last brought up to date from the server (UTC); None before the first time."""
        value = self._meta("synced_at")
        return dt.datetime.fromisoformat(value) if value else None

    def actor(self) -> Any:
        """The signed-in person as the server said at the last sync (``workflow.access.Actor``), or None."""
        return _decode(self._meta("actor"))

    def team_settings(self) -> Any:
        """The team's settings as the server gave them at the last sync (``options.TeamSettings``), or None."""
        return _decode(self._meta("team_settings"))

    def known(self) -> dict[int, int]:
        """Case id → the revision the copy holds (``services.offline.offline_copy``'s ``known``)."""
        with self._connect(write=False) as conn:
            return {int(i): int(r) for i, r in conn.execute("SELECT case_id, revision FROM cases")}

    def case_ids(self) -> list[int]:
        return sorted(self.known())

    def rows(self) -> list[Any]:
        """The case-list rows (``CaseRow``) of the cases in the copy, by case id."""
        with self._connect(write=False) as conn:
            return [_decode(row) for (row,) in conn.execute("SELECT row FROM rows ORDER BY case_id")]

    def case_file(self, case_id: int) -> Any:
        """The copied ``services.cases.CaseFile`` of the case, or None when the copy does not hold it."""
        with self._connect(write=False) as conn:
            found = conn.execute("SELECT file FROM cases WHERE case_id = ?", (int(case_id),)).fetchone()
        return _decode(found[0]) if found else None

    def doc_state(self, case_id: int) -> bytes | None:
        """The case's shared-document state (Yjs update bytes) as last saved here, or None."""
        with self._connect(write=False) as conn:
            found = conn.execute("SELECT state FROM doc_states WHERE case_id = ?", (int(case_id),)).fetchone()
        return bytes(found[0]) if found else None

    def pending_views(self) -> list[tuple[int, int, dt.datetime]]:
        """The views made from the copy not yet logged by the server: (row id, case id, time)."""
        with self._connect(write=False) as conn:
            return [(int(n), int(c), dt.datetime.fromisoformat(at))
                    for n, c, at in conn.execute("SELECT id, case_id, at FROM views ORDER BY id")]

    def failed_sign_ins(self) -> tuple[list[Any], tuple[int, dt.datetime, dt.datetime] | None]:
        """Wrong passwords typed at this copy's offline sign-in, not yet in the server's log: the throttle's
        records (for ``forget_failed_sign_ins``) and (how many, first, last), or None."""
        pending = Throttle(attempts_file_for(self.file)).unlogged()
        if not pending:
            return [], None
        try:
            firsts = [dt.datetime.fromisoformat(p.first) for p in pending if p.first]
            lasts = [dt.datetime.fromisoformat(p.last) for p in pending if p.last]
        except ValueError:
            return pending, None
        count = sum(p.count for p in pending)
        now = _now()
        return pending, (count, min(firsts, default=now), max(lasts, default=now))

    def forget_failed_sign_ins(self, pending: list[Any]) -> None:
        """The server has logged these wrong passwords."""
        _best_effort(lambda: Throttle(attempts_file_for(self.file)).mark_logged(pending))

    # --- writing -------------------------------------------------------------------------------------------

    def record_view(self, case_id: int, at: dt.datetime | None = None) -> None:
        """The person opened the case from the copy (the server logs it when it can be reached again)."""
        when = (at or _now()).astimezone(dt.UTC).isoformat()
        with self._connect() as conn:
            conn.execute("INSERT INTO views (case_id, at) VALUES (?, ?)", (int(case_id), when))

    def forget_views(self, ids: Iterable[int]) -> None:
        """The server has logged these views."""
        with self._connect() as conn:
            conn.executemany("DELETE FROM views WHERE id = ?", [(int(n),) for n in ids])

    def save_doc_state(self, case_id: int, state: bytes) -> None:
        """Keep the case's shared-document state (the window saves it as it changes, offline or not)."""
        with self._connect() as conn:
            conn.execute("INSERT OR REPLACE INTO doc_states VALUES (?, ?)", (int(case_id), bytes(state)))

    def merge_doc_state(self, case_id: int, state: bytes) -> bytes:
        """Merge the server's state of the case's document into the copy's (a CRDT: both sides' edits kept)."""
        mine = self.doc_state(case_id)
        merged = state if mine is None else merge_states(mine, state)
        self.save_doc_state(case_id, merged)
        return merged

    def apply(self, copy: Any, *, actor: Any = None, team_settings: Any = None) -> None:
        """Bring the copy up to date with ``services.offline.offline_copy``'s answer, in one transaction."""
        from sst_desk.remote import wire

        with self._connect() as conn:
            for case_id in copy.drop:
                for table in ("cases", "rows", "doc_states", "views"):
                    conn.execute(f"DELETE FROM {table} WHERE case_id = ?", (int(case_id),))
            for file in copy.files:
                conn.execute("INSERT OR REPLACE INTO cases VALUES (?, ?, ?)",
                             (int(file.case.id), int(file.case.revision), json.dumps(wire.encode(file))))
            conn.execute("DELETE FROM rows")
            conn.executemany("INSERT INTO rows VALUES (?, ?)",
                             [(int(r.case_id), json.dumps(wire.encode(r))) for r in copy.rows])
            kept = {int(r.case_id) for r in copy.rows}
            for (case_id,) in conn.execute("SELECT case_id FROM cases").fetchall():
                if case_id not in kept:  # listed no more: not the person's (drop says so too; belt and braces)
                    for table in ("cases", "doc_states"):
                        conn.execute(f"DELETE FROM {table} WHERE case_id = ?", (case_id,))
            meta = {"synced_at": (copy.taken_at or _now()).isoformat()}
            if actor is not None:
                meta["actor"] = json.dumps(wire.encode(actor))
            if team_settings is not None:
                meta["team_settings"] = json.dumps(wire.encode(team_settings))
            conn.executemany("INSERT OR REPLACE INTO meta VALUES (?, ?)", list(meta.items()))
        for case_id, state in (copy.room_states or {}).items():
            if int(case_id) in kept:
                self.merge_doc_state(int(case_id), state)


def merge_states(*states: bytes) -> bytes:
    """One Yjs update holding every edit of ``states`` (pycrdt; the order does not matter)."""
    from pycrdt import Doc

    doc = Doc()
    for state in states:
        doc.apply_update(state)
    return doc.get_update()


def _decode(text: str | None) -> Any:
    if text is None:
        return None
    from sst_desk.remote import wire

    return wire.decode(json.loads(text))


def _best_effort(fn: Any) -> Any:
    try:
        return fn()
    except OSError:
        return None
