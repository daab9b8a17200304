"""What can go wrong with the database, each as its own class with one plain sentence.

The UI translates by class, so every failure a person must act on has a class
of its own; ``str(error)`` is an English sentence for the log (never a
traceback or SQL: the original exception is kept as ``__cause__``), and
``error.sentence()`` is the same sentence in the command line's language
(``sst_desk.i18n``; the templates below are the .ts source strings, context
"DatabaseErrors"). Each error carries where it happened: ``.path`` for a file
database, ``.url`` otherwise, and ``.location`` (whichever applies) as text.
"""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

CONTEXT = "DatabaseErrors"
LITTLE_SPACE = 1 << 20  # below 1 MiB free, SQLite's "disk I/O error" is the disk being full (no room for -shm)


def _t(text: str) -> str:
    from sst_desk import i18n

    return i18n.translate(CONTEXT, text)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - Qt's name, so lupdate finds the strings
    """Mark ``text`` for translation in ``context`` without translating it (as PySide6's own does)."""
    return text


class DatabaseError(Exception):
    """Base class: something about the database stops SST Desk from going on."""

    template = QT_TRANSLATE_NOOP("DatabaseErrors", "The database %1 cannot be used.")

    def __init__(self, location: str | Path | None, message: str | None = None) -> None:
        self.path: Path | None = location if isinstance(location, Path) else None
        self.url: str | None = None if isinstance(location, Path) or location is None else str(location)
        self.location = str(location) if location is not None else "(unknown)"
        self._message = message
        self._words: tuple[str, tuple[str, ...]] | None = None  # (source text, %1 %2 …) when not the template
        super().__init__(message or self.template.replace("%1", self.location))

    def _say(self, words: str, *values: object) -> str:
        """Keep ``words`` (a marked source text with %1 …) for ``sentence``; return it in English."""
        self._words = (words, tuple(str(v) for v in values))
        text = words
        for n, value in enumerate(self._words[1], start=1):
            text = text.replace(f"%{n}", value)
        return text

    def sentence(self) -> str:
        """The sentence in the current language (the command line's, or the window's)."""
        if self._words is not None:
            text, values = _t(self._words[0]), self._words[1]
        elif self._message is not None:
            return _t(self._message)
        else:
            text, values = _t(self.template), (self.location,)
        for n, value in enumerate(values, start=1):
            text = text.replace(f"%{n}", value)
        return text


class NotADatabaseError(DatabaseError):
    """The file exists but is not an SQLite database made by SST Desk, or it is damaged."""

    template = QT_TRANSLATE_NOOP("DatabaseErrors",
                                 "The file %1 is not an SST Desk database (or it is damaged); nothing was changed.")


class LocationNotWritableError(DatabaseError):
    """The folder cannot be created or written to (read-only, permission denied, a file in the way)."""

    template = QT_TRANSLATE_NOOP(
        "DatabaseErrors", "SST Desk cannot create or write its database at %1; choose a folder you may write to.")


class NewerDatabaseError(DatabaseError):
    """The database was made by a newer version of SST Desk than this one."""

    template = QT_TRANSLATE_NOOP(
        "DatabaseErrors",
        "The database %1 was made by a newer version of SST Desk; "
        "update SST Desk to open it (nothing was changed).",
    )


class DatabaseUnavailableError(DatabaseError):
    """The database cannot be reached now: server down, file locked by another program."""

    template = QT_TRANSLATE_NOOP("DatabaseErrors",
                                 "SST Desk cannot connect to the database %1 right now; try again later.")


class LogKeyError(DatabaseError):
    """A team server's log key does not fit the database's access log (``code``: "wrong_key", "not_keyed"),
    or a keyed log was to be written without its key ("needs_key": only its server may write it)."""

    template = QT_TRANSLATE_NOOP("DatabaseErrors", "The access log of the database %1 is not keyed with the "
                                                   "server's secret; nothing was changed.")

    def __init__(self, location: str | Path | None, code: str, *, found: str = "", given: str = "") -> None:
        self.code = code
        super().__init__(location)
        if code == "wrong_key":
            self.args = (self._say(_WORDS["log_wrong_key"], self.location, found or "?", given),)
        elif code == "needs_key":
            self.args = (self._say(_WORDS["log_needs_key"], self.location),)
        else:
            self.args = (self._say(_WORDS["log_not_keyed"], self.location),)


class UpgradeFailedError(DatabaseError):
    """Bringing an older database up to date failed; the backup (if any) is in ``backup_path``."""

    template = QT_TRANSLATE_NOOP("DatabaseErrors",
                                 "Updating the database %1 to this version of SST Desk failed; it was left as it was.")

    def __init__(self, location: str | Path | None, backup_path: Path | None = None) -> None:
        self.backup_path = backup_path
        super().__init__(location)
        if backup_path is not None:
            self.args = (self._say(_WORDS["upgrade_backup"], self.location, backup_path),)


class CaseNotFound(DatabaseError):
    """No case with this id (it was never saved, or has been deleted)."""

    def __init__(self, case_id: int, location: str | Path | None = None) -> None:
        self.case_id = case_id
        super().__init__(location)
        self.args = (self._say(_WORDS["no_case"], case_id, self.location),)


class ConcurrentEditError(DatabaseError):
    """The case was saved by someone else after this copy was loaded; saving it would undo their work."""

    def __init__(self, case_id: int, location: str | Path | None = None) -> None:
        self.case_id = case_id
        super().__init__(location)
        self.args = (self._say(_WORDS["concurrent"], case_id),)


class SaveConflict(ConcurrentEditError):
    """Someone else saved the case meanwhile and changed some of the same fields differently.

    Everything else was merged (``sst_desk.workflow.merge``); nothing was written. ``conflicts`` are the
    ``workflow.merge.Conflict``s (both values of each field), ``current`` the case as stored now (who saved
    it is in its history). Save again with ``resolutions`` (a side per conflict's path) to write. Plain data:
    a remote door sends the case id, the conflicts and the current case and raises it again on its side.
    """

    def __init__(self, case_id: int, conflicts: tuple = (), current: object = None,
                 location: str | Path | None = None) -> None:
        self.conflicts = tuple(conflicts)
        self.current = current
        super().__init__(case_id, location)
        self.args = (self._say(_WORDS["conflict"], case_id, len(self.conflicts)),)


class UnsafeLocationError(DatabaseError):
    """The database is on a network share or in a synced folder, where SQLite's locking cannot be trusted."""

    template = QT_TRANSLATE_NOOP(
        "DatabaseErrors",
        "The database %1 is on a network share or in a synced folder, where it can be damaged; "
        "move it to a folder on this computer's own disk.",
    )


class DamagedDatabaseError(DatabaseError):
    """The database file fails SQLite's integrity check; it was left as it was."""

    template = QT_TRANSLATE_NOOP("DatabaseErrors",
                                 "The database %1 is damaged (it fails SQLite's integrity check); nothing was changed.")


class DiskFullError(DatabaseError):
    """The disk (or the database's size limit) is full: SQLITE_FULL or ENOSPC. Nothing is damaged or lost.

    Never reported as damage and never answered with a restore: freeing space is the whole cure.
    """

    template = QT_TRANSLATE_NOOP("DatabaseErrors",
                                 "The disk is full where the database %1 is: free some space and try again; "
                                 "nothing was lost.")


def is_disk_full(exc: BaseException, where: str | Path | None = None) -> bool:
    """Whether ``exc`` says the disk is full rather than that the database is damaged or locked.

    SQLITE_FULL says "database or disk is full" (also a database at its ``max_page_count``);
    an OSError says ENOSPC. But a database in WAL mode that cannot grow its -shm file on a full disk
    gets SQLITE_IOERR, "disk I/O error": that counts as full when the folder ``where`` has (almost)
    no free space left.
    """
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return True
    text = str(exc).lower()
    if "database or disk is full" in text or "sqlite_full" in text:
        return True
    if "disk i/o error" in text and where is not None:
        return _little_space(Path(where))
    return False


def _little_space(where: Path) -> bool:
    folder = where if where.is_dir() else where.parent
    while not folder.exists() and folder != folder.parent:
        folder = folder.parent
    try:
        return shutil.disk_usage(folder).free < LITTLE_SPACE
    except OSError:
        return False


class BackupFailedError(DatabaseError):
    """A backup or restore could not be written (full disk, read-only folder) or failed its own check.

    ``.path`` is the folder or file that could not be written; ``disk_full`` says why when known.
    """

    template = QT_TRANSLATE_NOOP("DatabaseErrors",
                                 "The backup could not be written to %1; the earlier backups are untouched.")

    def __init__(self, location: str | Path | None, *, disk_full: bool = False, message: str | None = None) -> None:
        self.disk_full = disk_full
        super().__init__(location, message)
        if disk_full and message is None:
            self.args = (self._say(_WORDS["backup_full"], self.location),)


class RestoreFailedError(BackupFailedError):
    """Writing a backup over the database failed (full disk, read-only folder); the database was left as it was."""

    template = QT_TRANSLATE_NOOP("DatabaseErrors",
                                 "The backup could not be restored into %1; the database was left as it was.")

    def __init__(self, location: str | Path | None, *, disk_full: bool = False) -> None:
        super().__init__(location, disk_full=False)
        self.disk_full = disk_full
        if disk_full:
            self.args = (self._say(_WORDS["restore_full"], self.location),)


class AccessDeniedError(DatabaseError):
    """The signed-in person may not do this (``sst_desk.workflow.access``); nothing was read or changed.

    The refusal itself is written to the access log.
    """

    template = QT_TRANSLATE_NOOP("DatabaseErrors", "You do not have access to this in %1.")

    def __init__(self, action: str, case_id: int | None = None, location: str | Path | None = None) -> None:
        self.action = action
        self.case_id = case_id
        super().__init__(location)
        what = action.replace(":", " ", 1)
        if case_id is None:
            self.args = (self._say(_WORDS["denied"], what),)
        else:
            self.args = (self._say(_WORDS["denied_case"], what, case_id),)

    def sentence(self) -> str:
        """As the base class, with the refused action in words ("case print" stays the English source)."""
        text = super().sentence()
        what = self.action.replace(":", " ", 1)
        if what in _ACTIONS:
            text = text.replace(f"({what}", f"({_t(_ACTIONS[what])}", 1)
        return text


# The refused "resource action" in words: the English source is the code itself (kept in str() and the log).
_ACTIONS = {code: code for code in (
    QT_TRANSLATE_NOOP("DatabaseErrors", "case view"), QT_TRANSLATE_NOOP("DatabaseErrors", "case create"),
    QT_TRANSLATE_NOOP("DatabaseErrors", "case edit"), QT_TRANSLATE_NOOP("DatabaseErrors", "case print"),
    QT_TRANSLATE_NOOP("DatabaseErrors", "case export"), QT_TRANSLATE_NOOP("DatabaseErrors", "case delete"),
    QT_TRANSLATE_NOOP("DatabaseErrors", "case read_log"), QT_TRANSLATE_NOOP("DatabaseErrors", "case assign"),
    QT_TRANSLATE_NOOP("DatabaseErrors", "consent override"),
    QT_TRANSLATE_NOOP("DatabaseErrors", "access_log read_log"), QT_TRANSLATE_NOOP("DatabaseErrors", "access_log edit"),
    QT_TRANSLATE_NOOP("DatabaseErrors", "access_log export"),
    QT_TRANSLATE_NOOP("DatabaseErrors", "users view"), QT_TRANSLATE_NOOP("DatabaseErrors", "users create"),
    QT_TRANSLATE_NOOP("DatabaseErrors", "users edit"), QT_TRANSLATE_NOOP("DatabaseErrors", "users delete"),
    QT_TRANSLATE_NOOP("DatabaseErrors", "backups view"), QT_TRANSLATE_NOOP("DatabaseErrors", "backups create"),
    QT_TRANSLATE_NOOP("DatabaseErrors", "backups edit"),
    QT_TRANSLATE_NOOP("DatabaseErrors", "settings view"), QT_TRANSLATE_NOOP("DatabaseErrors", "settings edit"),
    QT_TRANSLATE_NOOP("DatabaseErrors", "attendance create"), QT_TRANSLATE_NOOP("DatabaseErrors", "attendance edit"),
    QT_TRANSLATE_NOOP("DatabaseErrors", "statistics view"), QT_TRANSLATE_NOOP("DatabaseErrors", "statistics export"),
)}


_WORDS = {
    "log_wrong_key": QT_TRANSLATE_NOOP("DatabaseErrors",
                                       "The access log of the database %1 is keyed with another secret (key id %2) "
                                       "than the server's (key id %3); check which secret file the server was "
                                       "given. Nothing was changed."),
    "log_needs_key": QT_TRANSLATE_NOOP("DatabaseErrors",
                                       "The database %1 belongs to a team server, whose secret key protects its "
                                       "access log: work through the server (sst-desk --server …). Nothing was "
                                       "changed."),
    "log_not_keyed": QT_TRANSLATE_NOOP("DatabaseErrors",
                                       "The access log of the database %1 is not keyed with the server's secret "
                                       "yet; run 'sst-desk serve --init' first. Nothing was changed."),
    "upgrade_backup": QT_TRANSLATE_NOOP("DatabaseErrors",
                                        "Updating the database %1 to this version of SST Desk failed; it was left as "
                                        "it was, and a copy from before the attempt is at %2."),
    "no_case": QT_TRANSLATE_NOOP("DatabaseErrors", "There is no case number %1 in the database %2."),
    "concurrent": QT_TRANSLATE_NOOP("DatabaseErrors",
                                    "Case number %1 was saved by someone else after you opened it; your copy was not "
                                    "saved over theirs."),
    "conflict": QT_TRANSLATE_NOOP("DatabaseErrors",
                                  "Case number %1 was saved by someone else after you opened it, with other values in "
                                  "%2 of the fields you changed; choose which to keep. Nothing was saved yet."),
    "backup_full": QT_TRANSLATE_NOOP("DatabaseErrors",
                                     "The disk is full: the backup could not be written to %1; the earlier backups "
                                     "are untouched. Free some space and try again."),
    "restore_full": QT_TRANSLATE_NOOP("DatabaseErrors",
                                      "The disk is full: the backup could not be restored into %1; the database was "
                                      "left as it was. Free some space and try again."),
    "denied": QT_TRANSLATE_NOOP("DatabaseErrors", "You may not do this (%1); the attempt was logged."),
    "denied_case": QT_TRANSLATE_NOOP("DatabaseErrors",
                                     "You may not do this (%1 case %2); the attempt was logged. Ask your team lead if "
                                     "you should be responsible for the case."),
}
