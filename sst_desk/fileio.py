"""Writing files: never half a file, never readable by others, and never over a file that must live.

Two kinds of writes:

- ``write_bytes_atomic``: SST Desk's own files (key files, backups' key copies) that it replaces on
  purpose. Temporary file in the same folder (0600), fsync, rename.
- ``write_export`` / ``write_exports``: a file a person asked for (``--out``, a save dialog): PDFs,
  registerutdrag, the log's head. THE one rule for those (docs/cli.md, "Where a command may write"):
  never replace an existing file unless asked (``force``: ``--force``, or the save dialog's own
  overwrite question); never write over anything that is not a regular file (a folder, a device, a
  fifo, a dangling link or a link loop); never — not even when asked — over a database, its key file,
  its -wal/-shm/-journal, or a backup or a backup's key copy. Files are compared by path after
  resolving links, and by ``st_dev``/``st_ino`` so a hard link or a second name is caught too.

``restrict_new_files`` sets the process umask so every file SST Desk creates (SQLite's own -wal and
-shm included) is readable by its user only.
"""

from __future__ import annotations

import enum
import errno
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

PRIVATE_UMASK = 0o077
PRIVATE_MODE = 0o600
SQLITE_HEADER = b"SQLite format 3\x00"
KEY_SUFFIX = ".keys"
# Files beside a database that belong to it: SQLite's own, and the failed sign-in counter
# (security/throttle.py); overwriting the counter would reset the wait after wrong passwords.
COMPANIONS = ("-wal", "-shm", "-journal", ".attempts")
CONTEXT = "Files"

# Database files of this process (the open database, the default one): never an export target.
_databases: set[Path] = set()


def _t(text: str) -> str:
    from sst_desk import i18n

    return i18n.translate(CONTEXT, text)


def restrict_new_files() -> None:
    """Make every file this process creates from now on readable and writable by its user only."""
    os.umask(PRIVATE_UMASK)


def fsync_directory(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX); Windows cannot open a directory, and need not."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _temp_beside(path: Path, data: bytes) -> str:
    """``data`` in a new temporary file (0600) in ``path``'s folder, flushed to disk; returns its name."""
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        if hasattr(os, "fchmod"):
            os.fchmod(handle, PRIVATE_MODE)  # mkstemp already does; say it so nobody loosens it
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    return temp_name


def write_bytes_atomic(data: bytes, path: Path) -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder, fsync, then rename (replaces).

    For SST Desk's own files only; what a person names goes through ``write_export``. Either the
    old file stays as it was or the new one is complete; the temporary file never outlives a failure.
    """
    path = Path(path)
    temp_name = _temp_beside(path, data)
    try:
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    fsync_directory(path.parent)
    return path


# --- files a person asked for -----------------------------------------------------------------------


class Refusal(enum.Enum):
    EXISTS = "exists"  # there is a file; --force / the dialog's question replaces it
    FOLDER = "folder"  # the target is a folder
    NOT_A_FILE = "not_a_file"  # a device, a fifo, a socket, a dangling link
    LOOP = "loop"  # a symbolic link loop (in the name or its folder)
    PROTECTED = "protected"  # a database, key file, -wal/-shm/-journal or backup: never
    NO_FOLDER = "no_folder"  # the folder does not exist
    READ_ONLY = "read_only"  # the folder cannot be written to


class TargetRefused(Exception):
    """A file a person asked for was not written; ``sentence()`` says why in the person's language."""

    def __init__(self, path: Path, reason: Refusal) -> None:
        self.path = Path(path)
        self.reason = reason
        super().__init__(f"{path}: {reason.value}")

    def sentence(self) -> str:
        texts = {
            Refusal.EXISTS: _t("%1 already exists; nothing was written. Choose another name (on the command line, "
                               "--force replaces it)."),
            Refusal.FOLDER: _t("%1 is a folder; give a file name in it. Nothing was written."),
            Refusal.NOT_A_FILE: _t("%1 is not an ordinary file (a device, a pipe or a broken link); nothing was "
                                   "written."),
            Refusal.LOOP: _t("%1 cannot be reached: its symbolic links go round in a loop. Nothing was written."),
            Refusal.PROTECTED: _t("%1 is a database, a key file or a backup; SST Desk never writes a document over "
                                  "it. Choose another name; nothing was written."),
            Refusal.NO_FOLDER: _t("The folder of %1 does not exist; nothing was written."),
            Refusal.READ_ONLY: _t("The folder of %1 cannot be written to; nothing was written."),
        }
        return texts[self.reason].replace("%1", str(self.path))


def protect(database: Path | None) -> None:
    """Remember ``database`` (a file this process opened) as never a target of an export."""
    if database is not None:
        _databases.add(Path(database).absolute())


def _stat(path: Path, *, follow: bool = True) -> os.stat_result | None:
    try:
        return os.stat(path, follow_symlinks=follow)
    except OSError:
        return None


def _family(database: Path) -> list[Path]:
    """A database file and what belongs to it: -wal, -shm, -journal, .attempts, the key file, and its backups."""
    from sst_desk import paths

    database = Path(database)
    members = [database, database.with_name(database.name + KEY_SUFFIX)]
    members += [database.with_name(database.name + suffix) for suffix in COMPANIONS]
    folder = paths.backup_dir_for(database)
    try:
        members += [entry for entry in folder.iterdir()]
    except OSError:
        pass
    return members


def _known_databases(extra: Iterable[Path | None]) -> list[Path]:
    from sst_desk import paths

    known = set(_databases)
    for database in (*extra, paths.default_database_path(), paths.data_dir() / "demo.sqlite3"):
        if database is not None:
            known.add(Path(database).absolute())
    return sorted(known)


def _looks_like_database_file(path: Path) -> bool:
    """An SQLite file, an encrypted one (a key file beside it), a key file, or a -wal/-shm/-journal of one."""
    name = path.name
    if name.endswith(KEY_SUFFIX):
        return True
    for suffix in COMPANIONS:
        if name.endswith(suffix) and len(name) > len(suffix):
            base = path.with_name(name[: -len(suffix)])
            if os.path.lexists(base) or os.path.lexists(base.with_name(base.name + KEY_SUFFIX)):
                return True
    if os.path.lexists(path.with_name(name + KEY_SUFFIX)):
        return True
    try:
        with open(path, "rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _real(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _is_protected(target: Path, target_stat: os.stat_result | None, databases: Sequence[Path]) -> bool:
    from sst_desk import paths

    real = _real(target)
    for database in databases:
        if real.parent == _real(paths.backup_dir_for(database)):  # nothing but backups goes in there
            return True
        for member in _family(database):
            if _real(member) == real or member.absolute() == target.absolute():
                return True
            if target_stat is not None:
                found = _stat(member)
                if found is not None and (found.st_dev, found.st_ino) == (target_stat.st_dev, target_stat.st_ino):
                    return True
    return _looks_like_database_file(real)


def check_target(path: Path, *, force: bool = False, database: Path | None = None) -> Path:
    """The absolute file ``path`` will be written to, or ``TargetRefused`` saying why it must not be.

    Reads only. ``database`` is the database the command works on (besides those already ``protect``-ed).
    """
    path = Path(os.path.expanduser(str(path)))
    path = Path(os.path.abspath(path))
    folder_stat = None
    try:
        folder_stat = os.stat(path.parent)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise TargetRefused(path, Refusal.LOOP) from None
        raise TargetRefused(path, Refusal.NO_FOLDER) from None
    if not stat.S_ISDIR(folder_stat.st_mode):
        raise TargetRefused(path, Refusal.NO_FOLDER)
    databases = _known_databases([database])
    target_stat = None
    if os.path.lexists(path):
        try:
            target_stat = os.stat(path)
        except OSError as exc:
            raise TargetRefused(path, Refusal.LOOP if exc.errno == errno.ELOOP else Refusal.NOT_A_FILE) from None
        if stat.S_ISDIR(target_stat.st_mode):
            raise TargetRefused(path, Refusal.FOLDER)
        if not stat.S_ISREG(target_stat.st_mode):
            raise TargetRefused(path, Refusal.NOT_A_FILE)
    if _is_protected(path, target_stat, databases):
        raise TargetRefused(path, Refusal.PROTECTED)
    if target_stat is not None and not force:
        raise TargetRefused(path, Refusal.EXISTS)
    if not os.access(path.parent, os.W_OK):
        raise TargetRefused(path, Refusal.READ_ONLY)
    return path


def write_exports(files: Sequence[tuple[bytes, Path]], *, force: bool = False, database: Path | None = None,
                  before_commit: Callable[[], None] | None = None) -> list[Path]:
    """Write each ``(data, path)`` a person asked for, all or none; returns the paths written.

    Every target passes ``check_target`` first. Each file is written whole into a temporary file
    (0600) beside it; then ``before_commit()`` runs (the access-log entry: logged only once the bytes
    are safely on disk, and if it refuses or fails nothing appears); then each file is put in place —
    with a hard link when it must not replace anything (a file that appeared meanwhile is not
    replaced), or a rename when ``force``. Raises ``TargetRefused`` or ``OSError``.
    """
    targets = [check_target(path, force=force, database=database) for _, path in files]
    if len(set(targets)) != len(targets):
        raise TargetRefused(targets[-1], Refusal.EXISTS)
    temps: list[str] = []
    placed: list[Path] = []
    try:
        for (data, _), target in zip(files, targets):
            temps.append(_temp_beside(target, data))
        if before_commit is not None:
            before_commit()
        for temp, target in zip(temps, targets):
            check_target(target, force=force, database=database)  # again: the disk may have changed meanwhile
            _place(temp, target, force)
            placed.append(target)
    except BaseException:
        for target in placed:
            target.unlink(missing_ok=True)
        raise
    finally:
        for temp in temps:
            Path(temp).unlink(missing_ok=True)
    for folder in {target.parent for target in targets}:
        fsync_directory(folder)
    return targets


def _place(temp: str, target: Path, force: bool) -> None:
    if force:
        os.replace(temp, target)
        return
    try:
        os.link(temp, target)  # fails with EEXIST instead of replacing: no race with a file made meanwhile
    except FileExistsError:
        raise TargetRefused(target, Refusal.EXISTS) from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
            raise
        os.replace(temp, target)  # a file system without hard links (FAT): checked just before


def write_export(data: bytes, path: Path, *, force: bool = False, database: Path | None = None,
                 before_commit: Callable[[], None] | None = None) -> Path:
    """``write_exports`` for one file."""
    return write_exports([(data, path)], force=force, database=database, before_commit=before_commit)[0]


def shred(path: Path, *, missing_ok: bool = False) -> None:
    """Overwrite a file with zeros, then delete it.

    A best effort: an SSD or a copy-on-write file system may keep the old blocks; encryption is what
    protects those (docs/security.md). Used for plain copies left by encrypting an old database and for
    backups that gallring removes.
    """
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        if missing_ok:
            return
        raise
    try:
        with open(path, "r+b") as handle:
            handle.write(b"\0" * size)
            handle.flush()
            os.fsync(handle.fileno())
    finally:
        path.unlink(missing_ok=missing_ok)
