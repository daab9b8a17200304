"""Persistence: the SQLAlchemy mapping, unit of work, engine factory and Alembic migrations.

The rest of SST Desk uses ``Database`` (open, load_case, save_case, case_rows,
backup) and the error classes; nothing outside this package imports SQLAlchemy
sessions or tables directly.
"""

from .database import Database
from .errors import (
    AccessDeniedError,
    BackupFailedError,
    CaseNotFound,
    ConcurrentEditError,
    DamagedDatabaseError,
    DiskFullError,
    DatabaseError,
    DatabaseUnavailableError,
    LocationNotWritableError,
    NewerDatabaseError,
    NotADatabaseError,
    RestoreFailedError,
    UnsafeLocationError,
    UpgradeFailedError,
)
from .uow import UnitOfWork

__all__ = [
    "AccessDeniedError",
    "BackupFailedError",
    "CaseNotFound",
    "ConcurrentEditError",
    "DamagedDatabaseError",
    "DiskFullError",
    "Database",
    "DatabaseError",
    "DatabaseUnavailableError",
    "LocationNotWritableError",
    "NewerDatabaseError",
    "NotADatabaseError",
    "RestoreFailedError",
    "UnitOfWork",
    "UnsafeLocationError",
    "UpgradeFailedError",
]
