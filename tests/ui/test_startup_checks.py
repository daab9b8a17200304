"""Start-up: a damaged database is said plainly and the newest whole backup offered; the daily backup; settings."""

from __future__ import annotations

import hashlib
from pathlib import Path
from sst_desk.persistence.cipher import dbapi as sqlite3  # never two SQLite libraries on one file

import pytest
from PySide6.QtWidgets import QMessageBox

from sst_desk.persistence import Database, backups
from sst_desk.settings import BACKUPS_TO_KEEP, Settings
from sst_desk.ui.common import startup

from person import answer_dialog, click, fill, shown_errors
from doors import door


@pytest.fixture
def boxes(monkeypatch) -> dict[str, list[str]]:
    """Every message box's text by kind; questions are answered by ``boxes["answer"]``."""
    seen: dict[str, list] = {"critical": [], "warning": [], "question": [], "answer": [QMessageBox.StandardButton.Yes]}
    monkeypatch.setattr(QMessageBox, "critical", lambda _p, _t, text: seen["critical"].append(text))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: seen["warning"].append(text))

    def question(_parent, _title, text, *_args):
        seen["question"].append(text)
        return seen["answer"][0]

    monkeypatch.setattr(QMessageBox, "question", question)
    return seen


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings.from_file(str(tmp_path / "settings.ini"))


def damaged(tmp_path, with_backup: bool):
    from sst_desk.demo.generate import populate

    file = tmp_path / "team" / "sst.sqlite3"
    db = Database.open(file)
    populate(db, students=30, seed=2, by="testare")
    if with_backup:
        backups.take_backup(db, backups.AUTO)
    db.close()
    with open(file, "r+b") as handle:  # scribble over every page but the first (the header)
        for page in range(1, file.stat().st_size // 4096):
            handle.seek(page * 4096 + 8)
            handle.write(b"\x5a" * 200)
    return file


def digest(file) -> str:
    return hashlib.sha256(file.read_bytes()).hexdigest()


def test_a_damaged_database_offers_the_newest_whole_backup(qapp, tmp_path, boxes, settings):
    file = damaged(tmp_path, with_backup=True)
    db = startup.open_for_window(str(file), settings)
    try:
        assert db is not None and len(door(db).cases.case_rows(__import__("datetime").date(2026, 11, 22))) == 30
    finally:
        if db is not None:
            db.close()
    (asked,) = boxes["question"]
    assert asked.startswith(f"The database {file} is damaged: it fails SQLite's integrity check.")
    assert "Restore the newest whole backup, from " in asked
    assert boxes["critical"] == [] and boxes["warning"] == []
    assert {info.kind for info in backups.list_backups(file)} == {backups.AUTO, backups.PRE_RESTORE}


def test_saying_no_changes_nothing(qapp, tmp_path, boxes, settings):
    file = damaged(tmp_path, with_backup=True)
    before = digest(file)
    boxes["answer"][0] = QMessageBox.StandardButton.No
    assert startup.open_for_window(str(file), settings) is None
    assert digest(file) == before and len(backups.list_backups(file)) == 1


def test_without_a_whole_backup_the_message_says_so(qapp, tmp_path, boxes, settings):
    file = damaged(tmp_path, with_backup=False)
    before = digest(file)
    assert startup.open_for_window(str(file), settings) is None
    (said,) = boxes["critical"]
    assert "is damaged" in said and "There is no backup that passes its own check." in said
    assert digest(file) == before


def test_the_daily_backup_is_taken_on_start_and_on_close(qapp, tmp_path, boxes, settings):
    file = tmp_path / "sst.sqlite3"
    settings.set(BACKUPS_TO_KEEP, 2)
    for _ in range(2):
        db = startup.open_for_window(str(file), settings)
        assert db is not None
        db.close()
    assert [info.kind for info in backups.list_backups(file)] == [backups.AUTO]  # once a day on start
    db = startup.open_for_window(str(file), settings)
    for _ in range(3):
        startup.backup_on_close(db, settings)
    db.close()
    assert [info.kind for info in backups.list_backups(file)] == [backups.AUTO] * 2  # the setting: keep 2
    for info in backups.list_backups(file):
        assert sqlite3.connect(info.path).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_the_number_of_backups_to_keep_is_checked_and_kept(main_window, context):
    seen: list[list[str]] = []

    def handler(dialog) -> None:
        for wrong in ("0", "101", "2,5"):
            fill(dialog, "Automatic backups to keep", wrong)
            click(dialog, "OK")
            seen.append(shown_errors(dialog))
        fill(dialog, "Automatic backups to keep", "30")
        click(dialog, "OK")

    errors = answer_dialog(handler)
    main_window.edit_settings()
    assert not errors, errors
    assert seen == [["Write a whole number from 1 to 100."]] * 3
    assert context.settings.get(BACKUPS_TO_KEEP) == 30


def test_a_synced_folder_is_refused_before_anything_is_written(qapp, tmp_path, boxes, settings):
    file = tmp_path / "Dropbox" / "sst.sqlite3"
    assert startup.open_for_window(str(file), settings) is None
    (said,) = boxes["critical"]
    assert said.startswith(f"The database {file} is on a network share or in a synced folder")
    assert not file.parent.exists()


def _fill(folder) -> None:
    import contextlib

    for size in (65536, 512):
        with contextlib.suppress(OSError), open(folder / f"filler-{size}", "wb") as filler:
            while True:
                filler.write(b"\0" * size)
                filler.flush()


@pytest.mark.parametrize("how", ["tmpfs", "max_page_count"])
def test_a_full_disk_is_said_as_such_and_no_restore_is_offered(qapp, tmp_path, boxes, settings, monkeypatch, how):
    """Regression (issue 10): on a full disk the start-up check said "the database is damaged" and offered to
    restore a backup — which cannot help and costs the newest work. A small tmpfs filled up where it can be
    mounted (root, as in CI); SQLite's max_page_count (SQLITE_FULL) otherwise and as well."""
    import shutil
    import subprocess

    from sst_desk.demo.generate import populate
    from sst_desk.persistence import cipher

    made = tmp_path / "made" / "sst.sqlite3"
    db = Database.open(made)
    populate(db, students=5, seed=2, by="testare")
    backups.take_backup(db, backups.AUTO, now=__import__("datetime").datetime(2020, 1, 1))  # a backup to offer
    db.close()
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = how == "tmpfs" and _mount_tmpfs(disk, "4m")
    try:
        file = disk / "sst.sqlite3"
        shutil.copy2(made, file)
        shutil.copytree(made.parent / "backups", disk / "backups")
        if mounted:
            _fill(disk)
        else:  # no room to grow: the daily backup (due once the old ones are gone) cannot be written
            shutil.rmtree(disk / "backups")
            pages = file.stat().st_size // 4096 - 1  # SQLite keeps a database at least its current size
            real = cipher.apply_key

            def keyed_and_full(conn, key):
                real(conn, key)
                conn.execute(f"PRAGMA max_page_count = {pages}")

            monkeypatch.setattr(cipher, "apply_key", keyed_and_full)
        opened = startup.open_for_window(str(file), settings)
        if opened is not None:
            opened.close()
    finally:
        if mounted:
            subprocess.run(["umount", "-l", str(disk)], check=False)
    said = boxes["critical"] + boxes["warning"]
    assert boxes["question"] == []  # no restore offered
    assert said and all("disk is full" in text and "damaged" not in text for text in said), said


def _mount_tmpfs(folder: Path, size: str) -> bool:
    """Mount a small tmpfs on ``folder``; False where that is impossible (not root, no ``mount``, a container)."""
    import subprocess

    try:
        return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                              capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.SubprocessError):
        return False
