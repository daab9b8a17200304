"""Opening the database for the window: local disk only, integrity check, an offer to restore, daily backup.

``app.run_gui`` calls ``open_for_window`` instead of ``Database.open`` and
``backup_on_close`` after the main window has closed. Every failure ends in a
message box with one sentence (``ui/common/errors.py``).
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from sst_desk import paths
from sst_desk.persistence import DamagedDatabaseError, Database, DatabaseError
from sst_desk.persistence import backups, restore
from sst_desk.settings import BACKUPS_TO_KEEP, Settings
from sst_desk.ui.common.errors import database_error_text

log = logging.getLogger(__name__)
CONTEXT = "Startup"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def database_file(target: str | None) -> Path | None:
    """The file behind ``target`` (None: the default database); None for a server URL."""
    from sst_desk.persistence.engine import sqlite_file, to_url

    try:
        return sqlite_file(to_url(paths.default_database_path() if target is None else target))
    except Exception:  # noqa: BLE001 - an unparsable URL: Database.open says so
        return None


def check_before_sign_in(file: Path | None) -> bool:
    """Before asking for a password: is the file's folder usable, and is this (probably) an SST Desk database?

    A non-empty file that is neither plain SQLite nor has a key file beside it cannot be opened by
    anyone; say so now instead of asking for a password that cannot help. False: already said why.
    """
    from sst_desk.persistence import LocationNotWritableError, NotADatabaseError, cipher
    from sst_desk.persistence.checks import prepare_folder
    from sst_desk.persistence.location import check_location

    if file is None:
        return True
    title = _t("SST Desk cannot start")
    try:
        check_location(file)
        prepare_folder(file)
        if file.is_dir():
            raise NotADatabaseError(file)
        if (file.exists() and file.stat().st_size > 0 and not cipher.is_plaintext(file)
                and not cipher.key_file_for(file).exists()):
            QMessageBox.critical(None, title, _t(
                "%1 is not an SST Desk database, or its key file (%1.keys) is missing. If it is your database, put "
                "back the key file from the backups folder; nothing was changed.").replace("%1", str(file)))
            return False
    except (DatabaseError, OSError) as exc:
        if isinstance(exc, OSError) and not isinstance(exc, LocationNotWritableError):
            exc = LocationNotWritableError(file.parent)
        QMessageBox.critical(None, title, database_error_text(exc))
        return False
    return True


def open_for_window(target: str | None, settings: Settings, key: bytes | None = None) -> Database | None:
    """Open ``target`` (None: the default database) for the app; None when it cannot be used (already said why).

    A database file must be on a local disk and pass ``PRAGMA integrity_check``
    (~0.1 s for 5,000 cases); when it fails, the newest backup that passes its
    own check is offered. Then the daily automatic backup is taken if due.
    ``key`` is the database key, unlocked at sign-in (``ui/accounts/signin_dialog.py``).
    """
    from sst_desk.persistence.location import check_location

    from sst_desk.fileio import protect

    title = _t("SST Desk cannot start")
    file = database_file(target)
    protect(file)  # never a target of "Save as PDF" and the like (fileio's rule)
    try:
        if file is not None:
            check_location(file)
            try:
                backups.check_integrity(file, key)
            except DamagedDatabaseError as exc:
                if not offer_restore(exc, file, key):
                    return None
        db = Database.open(target or None, key=key)
    except (DatabaseError, OSError) as exc:
        QMessageBox.critical(None, title, database_error_text(exc))
        return None
    if db.path is not None:
        try:
            backups.backup_if_due(db, keep=settings.get(BACKUPS_TO_KEEP))
        except (DatabaseError, OSError) as exc:  # the work can go on; say so, once
            log.warning("The automatic backup on start failed: %s", type(exc).__name__)
            QMessageBox.warning(None, _t("Automatic backup failed"), database_error_text(exc))
    return db


def offer_restore(exc: DamagedDatabaseError, file: Path, key: bytes | None = None) -> bool:
    """Say the database is damaged and offer the newest whole backup; True when it was restored."""
    title = _t("The database is damaged")
    good = backups.newest_good_backup(file, key)
    if good is None:
        QMessageBox.critical(None, title, database_error_text(exc) + "\n\n" + _t(
            "There is no backup that passes its own check. Do not delete the file; ask IT for help."))
        return False
    when = good.taken_at.astimezone().strftime("%Y-%m-%d %H:%M")
    answer = QMessageBox.question(
        None, title, database_error_text(exc) + "\n\n" + _t(
            "Restore the newest whole backup, from %1? The damaged database is kept as a backup first. What was "
            "saved after %1 has to be entered again.").replace("%1", when),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        backups.restore(good.path, file, key)
    except (DatabaseError, OSError) as failure:
        QMessageBox.critical(None, title, database_error_text(failure))
        return False
    return True


def backup_on_close(db: Database, settings: Settings) -> None:
    """The automatic backup when the main window has closed (database files only)."""
    if db.path is None:
        return
    try:
        backups.take_backup(db, backups.AUTO, keep=settings.get(BACKUPS_TO_KEEP))
    except (DatabaseError, OSError) as exc:
        log.warning("The automatic backup on closing failed: %s", type(exc).__name__)
        QMessageBox.warning(None, _t("Automatic backup failed"), database_error_text(exc))


def restore_for_window(backup: Path, path: Path, key: bytes | None, actor) -> tuple[Database | None, Exception | None]:
    """Off the UI thread, for the Backups dialog: restore ``backup`` over the closed database ``path``, reopen it.

    The restore is ``persistence.restore.restore_as`` (the command line's door too): checked, logged
    before and in the restored database, and allowed only when ``services.backups.authorize_restore``
    lets ``actor`` (the person signed in before; None for a database without accounts) restore.
    Returns the reopened database (None when it cannot be opened), with its key-slot keeper attached (the
    session goes on as the same person, who may manage accounts), and why the restore failed (None: it
    did not); a failed restore leaves the database as it was, and it is reopened all the same.
    """
    from sst_desk.security import keyslots
    from sst_desk.services import Door

    failure: Exception | None = None
    try:
        restore.restore_as(backup, path, key, lambda db: Door(db.uow, actor).backups.authorize_restore())
    except (DatabaseError, OSError) as exc:
        failure = exc
    try:
        return keyslots.attach(Database.open(path, key=key)), failure
    except (DatabaseError, OSError) as exc:
        return None, failure or exc
