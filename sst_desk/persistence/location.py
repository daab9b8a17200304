"""Refuse a database on a network share or in a synced folder.

SQLite's locking is unreliable over network file systems, and sync clients
(OneDrive, Dropbox…) copy the file and its -wal separately, mid-write: both
damage databases. So the file must live on the computer's own disk. The
detectors take their inputs as arguments (mountinfo text, a path) so tests
need no real mounts.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path, PureWindowsPath

from sst_desk.persistence.errors import UnsafeLocationError

NETWORK_FILESYSTEMS = frozenset({
    "nfs", "nfs4", "cifs", "smb3", "smbfs", "smb2", "sshfs", "fuse.sshfs", "9p", "afs", "ncpfs", "coda",
    "davfs", "fuse.davfs", "fuse.rclone", "fuse.s3fs", "glusterfs", "fuse.glusterfs", "ceph", "fuse.ceph",
    "lustre", "gfs2", "ocfs2", "beegfs", "fuse.gvfsd-fuse", "fuse.onedriver", "fuse.google-drive-ocamlfuse",
})
SYNCED_FOLDERS = ("onedrive", "dropbox", "google drive", "googledrive", "icloud drive", "icloud", "iclouddrive",
                  "nextcloud", "owncloud", "box", "box sync", "mobile documents")
DRIVE_REMOTE = 4  # GetDriveTypeW


def _unescape(field: str) -> str:
    r"""mountinfo writes space, tab, newline and backslash as octal escapes (``\040``)."""
    out, i = [], 0
    while i < len(field):
        if field[i] == "\\" and i + 4 <= len(field) and field[i + 1:i + 4].isdigit():
            out.append(chr(int(field[i + 1:i + 4], 8)))
            i += 4
        else:
            out.append(field[i])
            i += 1
    return "".join(out)


def filesystem_type(path: Path, mountinfo: str) -> str | None:
    """The type of the file system ``path`` (absolute) lives on, from /proc/self/mountinfo text."""
    best: tuple[int, str] | None = None
    target = str(path)
    for line in mountinfo.splitlines():
        left, sep, right = line.partition(" - ")
        fields, after = left.split(), right.split()
        if not sep or len(fields) < 5 or not after:
            continue
        mount_point = _unescape(fields[4])
        inside = target == mount_point or target.startswith(mount_point.rstrip("/") + "/")
        if inside and (best is None or len(mount_point) >= best[0]):  # the deepest (last) mount wins
            best = (len(mount_point), after[0])
    return best[1] if best else None


def is_network_filesystem(fs_type: str | None) -> bool:
    return fs_type is not None and fs_type.lower() in NETWORK_FILESYSTEMS


def synced_folder(path: Path | PureWindowsPath) -> str | None:
    """The synced-folder component of ``path`` ("OneDrive - Kommunen", "Dropbox"…), if any."""
    for part in path.parts:
        name = part.strip().lower()
        if any(name == word or name.startswith(word + " ") or name.startswith(word + "-")
               or name.startswith(word + "_") for word in SYNCED_FOLDERS):
            return part
    return None


def is_unc_path(text: str) -> bool:
    r"""``\\server\share\…`` or ``//server/share/…`` (but not the ``\\?\C:\`` long-path form of a local drive)."""
    if text.startswith(("\\\\?\\", "\\\\.\\")):
        return text[4:].upper().startswith("UNC\\")
    return text.startswith(("\\\\", "//"))


def _windows_remote_drive(path: Path) -> bool:  # pragma: no cover - Windows only
    import ctypes

    root = os.path.splitdrive(str(path))[0] + "\\"
    return ctypes.windll.kernel32.GetDriveTypeW(ctypes.c_wchar_p(root)) == DRIVE_REMOTE


def _real(path: Path) -> Path:
    """``path`` with symbolic links resolved as far as it exists (the rest may not be made yet)."""
    for candidate in (path, *path.parents):
        if candidate.exists():
            return Path(os.path.realpath(candidate)) / path.relative_to(candidate)
    return path


def check_location(file: Path, *, platform: str | None = None, mountinfo: str | None = None) -> None:
    """Raise ``UnsafeLocationError`` if ``file`` is on a network share or in a synced folder."""
    platform = platform or sys.platform
    absolute = Path(os.path.abspath(file))
    if synced_folder(absolute) is not None or synced_folder(Path(os.path.realpath(file))) is not None:
        raise UnsafeLocationError(file)
    if platform.startswith("win"):
        if is_unc_path(str(file)) or is_unc_path(str(absolute)):
            raise UnsafeLocationError(file)
        if sys.platform.startswith("win") and _windows_remote_drive(absolute):  # pragma: no cover
            raise UnsafeLocationError(file)
        return
    if platform.startswith("linux"):
        if mountinfo is None:
            try:
                mountinfo = Path("/proc/self/mountinfo").read_text(encoding="utf-8", errors="replace")
            except OSError:
                return  # no /proc: nothing to go on
        if is_network_filesystem(filesystem_type(_real(absolute), mountinfo)):
            raise UnsafeLocationError(file)
