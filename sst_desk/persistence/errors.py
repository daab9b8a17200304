"""What can go wrong with the database, each as its own class with one plain sentence.

The UI translates by class, so every failure a person must act on has a class
of its own; ``str(error)`` is an English sentence for the command line and the
log (never a traceback or SQL: the original exception is kept as
``__cause__``). Each error carries where it happened: ``.path`` for a file
database, ``.url`` otherwise, and ``.location`` (whichever applies) as text.
"""

from __future__ import annotations

from pathlib import Path


class DatabaseError(Exception):
    """Base class: something about the database stops SST Desk from going on."""

    template = "The database {location} cannot be used."

    def __init__(self, location: str | Path | None, message: str | None = None) -> None:
        self.path: Path | None = location if isinstance(location, Path) else None
        self.url: str | None = None if isinstance(location, Path) or location is None else str(location)
        self.location = str(location) if location is not None else "(unknown)"
        super().__init__(message or self.template.format(location=self.location))


class NotADatabaseError(DatabaseError):
    """The file exists but is not an SQLite database made by SST Desk, or it is damaged."""

    template = "The file {location} is not an SST Desk database (or it is damaged); nothing was changed."


class LocationNotWritableError(DatabaseError):
    """The folder cannot be created or written to (read-only, permission denied, a file in the way)."""

    template = "SST Desk cannot create or write its database at {location}; choose a folder you may write to."


class NewerDatabaseError(DatabaseError):
    """The database was made by a newer version of SST Desk than this one."""

    template = (
        "The database {location} was made by a newer version of SST Desk; "
        "update SST Desk to open it (nothing was changed)."
    )


class DatabaseUnavailableError(DatabaseError):
    """The database cannot be reached now: server down, file locked by another program."""

    template = "SST Desk cannot connect to the database {location} right now; try again later."


class UpgradeFailedError(DatabaseError):
    """Bringing an older database up to date failed; the backup (if any) is in ``backup_path``."""

    template = "Updating the database {location} to this version of SST Desk failed; it was left as it was."

    def __init__(self, location: str | Path | None, backup_path: Path | None = None) -> None:
        self.backup_path = backup_path
        message = None
        if backup_path is not None:
            message = (
                f"Updating the database {location} to this version of SST Desk failed; "
                f"it was left as it was, and a copy from before the attempt is at {backup_path}."
            )
        super().__init__(location, message)


class CaseNotFound(DatabaseError):
    """No case with this id (it was never saved, or has been deleted)."""

    def __init__(self, case_id: int, location: str | Path | None = None) -> None:
        self.case_id = case_id
        super().__init__(location, f"There is no case number {case_id} in the database {location}.")


class ConcurrentEditError(DatabaseError):
    """The case was saved by someone else after this copy was loaded; saving it would undo their work."""

    def __init__(self, case_id: int, location: str | Path | None = None) -> None:
        self.case_id = case_id
        super().__init__(location, f"Case number {case_id} was saved by someone else after you opened it; "
                                   "your copy was not saved over theirs.")


class UnsafeLocationError(DatabaseError):
    """The database is on a network share or in a synced folder, where SQLite's locking cannot be trusted."""

    template = (
        "The database {location} is on a network share or in a synced folder, where it can be damaged; "
        "move it to a folder on this computer's own disk."
    )


class DamagedDatabaseError(DatabaseError):
    """The database file fails SQLite's integrity check; it was left as it was."""

    template = "The database {location} is damaged (it fails SQLite's integrity check); nothing was changed."


class BackupFailedError(DatabaseError):
    """A backup or restore could not be written (full disk, read-only folder) or failed its own check.

    ``.path`` is the folder or file that could not be written; ``disk_full`` says why when known.
    """

    template = "The backup could not be written to {location}; the earlier backups are untouched."

    def __init__(self, location: str | Path | None, *, disk_full: bool = False, message: str | None = None) -> None:
        self.disk_full = disk_full
        if disk_full and message is None:
            message = f"The disk is full: the backup could not be written to {location}; the earlier backups are untouched."
        super().__init__(location, message)


class RestoreFailedError(BackupFailedError):
    """Writing a backup over the database failed (full disk, read-only folder); the database was left as it was."""

    template = "The backup could not be restored into {location}; the database was left as it was."

    def __init__(self, location: str | Path | None, *, disk_full: bool = False) -> None:
        message = None
        if disk_full:
            message = f"The disk is full: the backup could not be restored into {location}; the database was left as it was."
        super().__init__(location, disk_full=disk_full, message=message)


class AccessDeniedError(DatabaseError):
    """The signed-in person may not do this (``sst_desk.workflow.access``); nothing was read or changed.

    The refusal itself is written to the access log.
    """

    template = "You do not have access to this in {location}."

    def __init__(self, action: str, case_id: int | None = None, location: str | Path | None = None) -> None:
        self.action = action
        self.case_id = case_id
        what = action.replace(":", " ", 1)
        where = f" case {case_id}" if case_id is not None else ""
        hint = " Ask your team lead if you should be responsible for the case." if case_id is not None else ""
        super().__init__(location, f"You may not do this ({what}{where}); the attempt was logged.{hint}")
