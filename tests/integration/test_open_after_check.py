"""Opening right after the start-up's full integrity check does not scan the file a second time."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from sst_desk.persistence import Database, NotADatabaseError, backups, checks

from conftest import new_case
from doors import door


@pytest.fixture
def scans(monkeypatch) -> list[bool]:
    """Whether each look inside a file before opening ran ``quick_check``."""
    seen: list[bool] = []
    real = checks._look_inside

    def look(*args, **kwargs):
        seen.append(kwargs.get("scan", True))
        return real(*args, **kwargs)

    monkeypatch.setattr(checks, "_look_inside", look)
    return seen


def stored(tmp_path: Path) -> Path:
    file = tmp_path / "team.sqlite3"
    db = Database.open(file)
    door(db).cases.add_case(new_case())
    db.close()
    return file


def test_the_open_after_a_passed_check_skips_the_scan_once(tmp_path, scans):
    file = stored(tmp_path)
    backups.check_integrity(file)
    Database.open(file).close()
    Database.open(file).close()  # no check before this one: scanned as always
    assert scans == [False, True]


def test_a_file_changed_after_the_check_is_scanned_and_refused_when_damaged(tmp_path, scans):
    file = stored(tmp_path)
    backups.check_integrity(file)
    with open(file, "r+b") as handle:  # damage after the check: every page but the header
        for page in range(1, file.stat().st_size // 4096):
            handle.seek(page * 4096 + 8)
            handle.write(b"\x5a" * 200)
    facts = file.stat()  # in-place writes may land in the same clock tick: make the change visible
    os.utime(file, ns=(facts.st_atime_ns, facts.st_mtime_ns + 1_000_000))
    with pytest.raises(NotADatabaseError):
        Database.open(file)
    assert scans == [True]
