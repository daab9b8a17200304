"""Writing files so that a crash or a full disk never leaves half a file behind."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def fsync_directory(folder: Path) -> None:
    """Make a rename in ``folder`` durable (POSIX); Windows cannot open a directory, and need not."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_bytes_atomic(data: bytes, path: Path) -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder, fsync, then rename.

    Either the old file stays as it was or the new one is complete; the temporary file never outlives
    a failure.
    """
    path = Path(path)
    handle, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise
    fsync_directory(path.parent)
    return path


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
