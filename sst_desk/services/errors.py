"""The errors a caller of the services may need to catch, re-exported so widgets and commands
need not import ``sst_desk.persistence`` (a plain list: other service groups add their names here).
"""

from sst_desk.persistence.errors import (  # noqa: F401 - re-exports
    AccessDeniedError,
    BackupFailedError,
    CaseNotFound,
    ConcurrentEditError,
    SaveConflict,
    DamagedDatabaseError,
    DatabaseError,
    DatabaseUnavailableError,
    DiskFullError,
    LocationNotWritableError,
    LogKeyError,
    NewerDatabaseError,
    NotADatabaseError,
    RestoreFailedError,
    UnsafeLocationError,
    UpgradeFailedError,
    is_disk_full,
)
from sst_desk.persistence.anchors import AnchorError  # noqa: F401 - a server's anchor file (services.accesslog)
from sst_desk.workflow.retention import NotDueError  # noqa: F401
from sst_desk.workflow.accounts import (  # noqa: F401
    DuplicateUserError,
    LastAdministratorError,
    UserNotFoundError,
)
