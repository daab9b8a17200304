"""Persistence: the SQLAlchemy mapping, unit of work, engine factory and Alembic migrations.

The rest of SST Desk opens a ``Database`` (open, units of work, backup, close)
and reaches the data through the use cases in ``sst_desk/services/``, which call
the repositories on a unit of work; the error classes are shared by everyone.
"""

from sst_desk.persistence.anchors import AnchorFile
from sst_desk.persistence.database import Database
from sst_desk.persistence.errors import (
    AccessDeniedError,
    BackupFailedError,
    CaseNotFound,
    ConcurrentEditError,
    SaveConflict,
    DamagedDatabaseError,
    DiskFullError,
    DatabaseError,
    DatabaseUnavailableError,
    LocationNotWritableError,
    LogKeyError,
    NewerDatabaseError,
    NotADatabaseError,
    RestoreFailedError,
    UnsafeLocationError,
    UpgradeFailedError,
)
from sst_desk.persistence.uow import UnitOfWork

__all__ = [
    "AccessDeniedError",
    "AnchorFile",
    "BackupFailedError",
    "CaseNotFound",
    "ConcurrentEditError",
    "SaveConflict",
    "DamagedDatabaseError",
    "DiskFullError",
    "Database",
    "DatabaseError",
    "DatabaseUnavailableError",
    "LocationNotWritableError",
    "LogKeyError",
    "NewerDatabaseError",
    "NotADatabaseError",
    "RestoreFailedError",
    "UnitOfWork",
    "UnsafeLocationError",
    "UpgradeFailedError",
]
