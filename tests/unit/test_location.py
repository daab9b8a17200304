"""A database on a network share or in a synced folder is refused (fake mountinfo and paths, no real mounts)."""

from __future__ import annotations

from pathlib import Path, PureWindowsPath

import pytest

from sst_desk.persistence import UnsafeLocationError
from sst_desk.persistence.location import check_location, filesystem_type, is_unc_path, synced_folder

MOUNTINFO = """\
22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw
25 22 0:23 / /proc rw,nosuid shared:12 - proc proc rw
40 22 0:40 / /mnt/team rw,relatime shared:20 - nfs4 fileserver:/export/team rw,vers=4.2
41 40 8:2 / /mnt/team/local rw,relatime shared:21 - ext4 /dev/sdb1 rw
42 22 0:41 / /home/kim/Skolsocialt\\040team rw,relatime shared:22 - cifs //kommun/sst rw
43 22 0:42 / /media/laptop rw,nosuid shared:23 - fuse.sshfs kim@laptop:/data rw
44 22 0:43 / /srv/share rw shared:24 - 9p share rw
"""


@pytest.mark.parametrize(("path", "expected"), [
    ("/home/kim/sst-desk.sqlite3", "ext4"),
    ("/mnt/team/sst-desk.sqlite3", "nfs4"),
    ("/mnt/team/local/sst-desk.sqlite3", "ext4"),  # a local disk mounted inside the share
    ("/mnt/teamwork/sst-desk.sqlite3", "ext4"),  # a sibling with a common prefix is not inside
    ("/home/kim/Skolsocialt team/sst.sqlite3", "cifs"),  # the escaped space in mountinfo
    ("/media/laptop/x.sqlite3", "fuse.sshfs"),
    ("/srv/share/x.sqlite3", "9p"),
])
def test_the_file_system_is_read_from_mountinfo(path: str, expected: str) -> None:
    assert filesystem_type(Path(path), MOUNTINFO) == expected


@pytest.mark.parametrize("path", ["/mnt/team/sst.sqlite3", "/home/kim/Skolsocialt team/db/sst.sqlite3",
                                  "/media/laptop/sst.sqlite3", "/srv/share/sst.sqlite3"])
def test_a_network_share_is_refused_with_an_explanation(path: str) -> None:
    with pytest.raises(UnsafeLocationError) as caught:
        check_location(Path(path), platform="linux", mountinfo=MOUNTINFO)
    assert "network share or in a synced folder" in str(caught.value)
    assert caught.value.path == Path(path)


def test_a_local_disk_is_accepted(tmp_path: Path) -> None:
    check_location(Path("/home/kim/data/sst-desk.sqlite3"), platform="linux", mountinfo=MOUNTINFO)
    check_location(Path("/mnt/team/local/sst.sqlite3"), platform="linux", mountinfo=MOUNTINFO)
    check_location(tmp_path / "sst.sqlite3")  # this machine's real mountinfo: the test folder is local


@pytest.mark.parametrize("path", [
    r"C:\Users\kim\OneDrive - Norrby kommun\SST\sst-desk.sqlite3",
    r"C:\Users\kim\OneDrive\sst-desk.sqlite3",
    r"D:\Dropbox\team\sst-desk.sqlite3",
    r"C:\Users\kim\Google Drive\sst-desk.sqlite3",
    r"C:\Users\kim\iCloudDrive\sst-desk.sqlite3",
    r"C:\Users\kim\Nextcloud\sst-desk.sqlite3",
    r"C:\Users\kim\ownCloud\sst-desk.sqlite3",
    r"C:\Users\kim\Box\sst-desk.sqlite3",
])
def test_synced_folders_are_recognised_on_windows(path: str) -> None:
    assert synced_folder(PureWindowsPath(path)) is not None


@pytest.mark.parametrize("path", ["/Users/kim/Library/Mobile Documents/com~apple~CloudDocs/sst.sqlite3",
                                  "/home/kim/Dropbox/sst.sqlite3", "/home/kim/Nextcloud/team/sst.sqlite3"])
def test_synced_folders_are_refused_on_other_systems(path: str) -> None:
    with pytest.raises(UnsafeLocationError):
        check_location(Path(path), platform="linux", mountinfo=MOUNTINFO)
    with pytest.raises(UnsafeLocationError):
        check_location(Path(path), platform="darwin")


@pytest.mark.parametrize("path", [r"C:\Users\kim\Documents\sst.sqlite3", r"C:\Users\kim\Boxes\sst.sqlite3",
                                  r"C:\Users\kim\Inbox\sst.sqlite3", r"C:\SST\dropboxes\sst.sqlite3"])
def test_ordinary_folders_are_not_mistaken_for_synced_ones(path: str) -> None:
    assert synced_folder(PureWindowsPath(path)) is None


@pytest.mark.parametrize(("text", "unc"), [
    (r"\\fileserver\sst\sst-desk.sqlite3", True),
    ("//fileserver/sst/sst-desk.sqlite3", True),
    (r"\\?\UNC\fileserver\sst\db.sqlite3", True),
    (r"\\?\C:\Users\kim\db.sqlite3", False),
    (r"C:\Users\kim\db.sqlite3", False),
])
def test_unc_paths(text: str, unc: bool) -> None:
    assert is_unc_path(text) is unc


def test_a_unc_path_is_refused_on_windows() -> None:
    with pytest.raises(UnsafeLocationError):
        check_location(Path(r"\\fileserver\sst\sst-desk.sqlite3"), platform="win32")
