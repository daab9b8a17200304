"""Turn what can go wrong with the database or files into one sentence for the worker."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

log = logging.getLogger(__name__)
CONTEXT = "Errors"


def _t(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def database_error_text(exc: BaseException) -> str:
    """A translated sentence for a database or file error; unexpected errors are logged, not shown raw."""
    from sst_desk.services import errors  # late: keeps this module importable without the database layer
    from sst_desk.fileio import TargetRefused

    path = str(getattr(exc, "path", "") or "")
    if isinstance(exc, TargetRefused):  # a file the person chose must not be written (fileio's rule)
        return exc.sentence()
    if isinstance(exc, errors.DiskFullError) or (
            isinstance(exc, OSError) and errors.is_disk_full(exc)):
        return _t("The disk is full: free some space and try again. Nothing was lost.")
    if isinstance(exc, errors.AccessDeniedError):
        return _t("You do not have permission to do this.")
    if isinstance(exc, errors.UnsafeLocationError):
        return _t("The database %1 is on a network share or in a synced folder (such as OneDrive or Dropbox). "
                  "There it can be damaged when two computers or the sync program write at the same time. Move it "
                  "to a folder on this computer's own disk.").replace("%1", path)
    if isinstance(exc, errors.DamagedDatabaseError):
        return _t("The database %1 is damaged: it fails SQLite's integrity check. Nothing was changed.").replace("%1", path)
    if isinstance(exc, errors.RestoreFailedError):
        if exc.disk_full:
            return _t("The disk is full, so the backup could not be restored into %1. The database was left as it "
                      "was. Free some space and try again.").replace("%1", path)
        return _t("The backup could not be restored into %1. The database was left as it was. Check that you may "
                  "write to the folder.").replace("%1", path)
    if isinstance(exc, errors.BackupFailedError):
        if exc.disk_full:
            return _t("The disk is full, so the backup could not be written to %1. The earlier backups are "
                      "untouched. Free some space and try again.").replace("%1", path)
        return _t("The backup could not be written to %1. The earlier backups are untouched. Check that the "
                  "folder exists and that you may write to it.").replace("%1", path)
    if isinstance(exc, errors.NotADatabaseError):
        return _t("The file %1 is not an SST Desk database, or it is damaged. Nothing was changed.").replace("%1", path)
    if isinstance(exc, errors.LocationNotWritableError):
        return _t("SST Desk cannot write to the folder %1. Choose another location or ask IT to fix the "
                  "folder's permissions. Nothing was changed.").replace("%1", path)
    if isinstance(exc, errors.NewerDatabaseError):
        return _t("The database %1 was made by a newer version of SST Desk. Update SST Desk to open it.").replace("%1", path)
    if isinstance(exc, errors.ConcurrentEditError):
        return _t("Someone else saved this case after you opened it, so your copy was not saved over theirs. "
                  "Your changes are still in the window: note what you need, close the window without saving "
                  "and open the case again.")
    if isinstance(exc, errors.CaseNotFound):
        return _t("The case no longer exists. It may have been removed by someone else.")
    from sst_desk.remote.errors import RemoteError, ServerUnreachableError

    if isinstance(exc, (RemoteError, ServerUnreachableError)):  # the team server: each says which server, and why
        return exc.sentence()
    if isinstance(exc, errors.DatabaseUnavailableError):
        return _t("The database cannot be reached right now. Your changes are still in the window; try again.")
    from sst_desk.workflow.rules_case import CaseRule, CaseRuleError

    if isinstance(exc, CaseRuleError):  # a case rule the service enforces (workflow/rules_case.py)
        if exc.reason is CaseRule.NOBODY_RESPONSIBLE:
            return _t("At least one person must be responsible for the case. Nothing was changed.")
        return _t("Acting without consent needs a stated legal ground. Nothing was changed.")
    from sst_desk.workflow.problems import ProcessError

    if isinstance(exc, ProcessError):  # the process's rules, enforced by the service (workflow/editing.py)
        from sst_desk.ui.common.messages import message

        reasons = "\n".join(f"\u2022 {message(f)}" for f in dict.fromkeys(exc.findings))
        return _t("The case was not saved, because the process's rules do not allow it:\n%1\nNothing was "
                  "changed; your changes are still in the window.").replace("%1", reasons)
    if isinstance(exc, OSError):
        return _t("The file could not be written: %1").replace("%1", exc.strerror or str(exc))
    log.exception("Unexpected error", exc_info=exc)
    return _t("Something unexpected went wrong; your changes are still in the window. The details were written to "
              "the log.")
