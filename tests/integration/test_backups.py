"""Automatic backups, restore and the integrity check, on real SQLite files."""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import os
import shutil
from sst_desk.persistence.cipher import dbapi as sqlite3  # never two SQLite libraries on one file
import threading
import types
from pathlib import Path

import pytest

from sst_desk import paths
from sst_desk.persistence import cipher
from sst_desk.persistence import (
    BackupFailedError,
    DamagedDatabaseError,
    Database,
    DatabaseUnavailableError,
    NotADatabaseError,
)
from sst_desk.persistence import backup as backup_module
from sst_desk.persistence import backups

from conftest import new_case
from doors import door

UTC = dt.timezone.utc
CASES = 220


def case_count(file: Path) -> int:
    conn = sqlite3.connect(f"{file.as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM cases").fetchone()[0]
    finally:
        conn.close()


def digest(file: Path) -> str:
    return hashlib.sha256(file.read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str]:
    return {p.name: digest(p) for p in sorted(folder.iterdir())}


@pytest.fixture(scope="module")
def populated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A closed database file with 220 demo cases (made once, copied by the tests)."""
    from sst_desk.demo.generate import populate

    file = tmp_path_factory.mktemp("populated") / "source.sqlite3"
    db = Database.open(file)
    populate(db, students=CASES, seed=3, by="testare")
    db.close()
    return file


@pytest.fixture
def big(populated: Path, tmp_path: Path) -> Path:
    target = tmp_path / "team" / "sst-desk.sqlite3"
    target.parent.mkdir()
    shutil.copyfile(populated, target)  # a closed database with no -wal: a plain copy is whole here
    return target


def test_rotation_keeps_the_newest_automatic_ones_and_every_other_kind(db: Database, db_path: Path) -> None:
    folder = paths.backup_dir_for(db_path)
    folder.mkdir(parents=True)
    pre_upgrade = folder / "pre-upgrade-0001-20250101T000000Z.sqlite3"
    db.backup(pre_upgrade)
    manual = backups.take_backup(db, backups.MANUAL)
    start = dt.datetime(2026, 1, 1, tzinfo=UTC)
    made = []
    for day in range(6):
        path = backups.take_backup(db, backups.AUTO, keep=3, now=start + dt.timedelta(days=day))
        os.utime(path, ns=(path.stat().st_atime_ns, int((start + dt.timedelta(days=day)).timestamp() * 1e9)))
        made.append(path)
    backups.rotate(db_path, 3)
    kinds = [(info.kind, info.path) for info in backups.list_backups(db_path)]
    assert [p for k, p in kinds if k == backups.AUTO] == made[:-4:-1]  # the newest three, newest first
    assert pre_upgrade.exists() and manual.exists()
    assert {k for k, _ in kinds} == {backups.AUTO, backups.MANUAL, backups.PRE_UPGRADE}
    backups.rotate(db_path, 1)
    assert [p for p in folder.iterdir() if p.name.startswith("auto-")] == [made[-1]]
    assert pre_upgrade.exists() and manual.exists()


def test_an_automatic_backup_is_due_once_a_day(db: Database, db_path: Path) -> None:
    now = dt.datetime.now(UTC)
    assert backups.backup_due(db_path, now)
    first = backups.backup_if_due(db, now=now)
    assert first is not None and backups.backup_if_due(db, now=now + dt.timedelta(hours=23)) is None
    assert backups.backup_due(db_path, now + dt.timedelta(days=1, minutes=1))


def test_a_backup_taken_while_another_connection_writes_is_consistent(db_path: Path) -> None:
    writer_db = Database.open(db_path)
    reader_db = Database.open(db_path)
    committed: list[int] = []
    stop = threading.Event()

    def write() -> None:
        n = 0
        while not stop.is_set() and n < 200:
            case = door(writer_db).cases.add_case(new_case(first=f"Elev{n}", last="Testsson"))
            committed.append(case.id)
            n += 1

    thread = threading.Thread(target=write)
    thread.start()
    try:
        taken = []
        while thread.is_alive() and len(taken) < 8:
            before = len(committed)
            path = backups.take_backup(reader_db, backups.MANUAL)
            taken.append((before, path))
    finally:
        stop.set()
        thread.join()
        writer_db.close()
        reader_db.close()
    assert taken
    for before, path in taken:
        assert backups.integrity_problems(path) == []
        conn = sqlite3.connect(path)
        ids = {row[0] for row in conn.execute("SELECT id FROM cases")}
        conn.close()
        assert set(committed[:before]) <= ids  # every case committed before the backup began


def test_restore_round_trip_keeps_a_copy_of_what_it_replaced(db: Database, db_path: Path) -> None:
    for n in range(3):
        door(db).cases.add_case(new_case(first=f"Före{n}"))
    saved = backups.take_backup(db, backups.MANUAL)
    for n in range(4):
        door(db).cases.add_case(new_case(first=f"Efter{n}"))
    db.close()
    assert case_count(db_path) == 7
    safety = backups.restore(saved, db_path)
    assert safety is not None and safety.name.startswith("pre-restore-")
    assert case_count(db_path) == 3 and case_count(safety) == 7
    assert not Path(f"{db_path}-wal").exists()
    reopened = Database.open(db_path)
    try:
        assert sorted(r.student_name for r in door(reopened).cases.case_rows(dt.date.today())) == [
            f"Före{n} Testsson" for n in range(3)]
    finally:
        reopened.close()
    backups.restore(safety, db_path)  # the restore undone
    assert case_count(db_path) == 7


def corrupt(file: Path) -> None:
    """Overwrite a few pages in the middle of the file (not the header) with garbage."""
    size = file.stat().st_size
    with open(file, "r+b") as handle:
        for fraction in (0.3, 0.5, 0.7):
            handle.seek(int(size * fraction) // 4096 * 4096 + 100)
            handle.write(bytes(range(256)) * 12)


def test_a_damaged_database_is_caught_left_as_it_is_and_restored(big: Path) -> None:
    db = Database.open(big)
    good = backups.take_backup(db, backups.AUTO)
    db.close()
    corrupt(big)
    before = digest(big)
    with pytest.raises(DamagedDatabaseError) as caught:
        backups.check_integrity(big)
    assert str(caught.value) == (f"The database {big} is damaged (it fails SQLite's integrity check); "
                                 "nothing was changed.")
    assert digest(big) == before and not Path(f"{big}-wal").exists()
    assert backups.newest_good_backup(big).path == good
    safety = backups.restore(good, big)
    backups.check_integrity(big)
    assert case_count(big) == CASES
    assert safety is not None and safety.exists()
    assert backups.newest_good_backup(big).path == good  # the damaged pre-restore copy fails its check


def test_a_file_sqlite_cannot_read_at_all_is_moved_aside_on_restore(big: Path, db: Database, db_path: Path) -> None:
    good = backups.take_backup(db, backups.MANUAL)
    db.close()
    garbage = b"SQLite format 3\x00" + os.urandom(8000)
    db_path.write_bytes(garbage)
    safety = backups.restore(good, db_path)
    assert safety is not None and safety.read_bytes() == garbage
    backups.check_integrity(db_path)


def test_restore_refuses_while_the_database_is_open(db: Database, db_path: Path) -> None:
    door(db).cases.add_case(new_case())
    saved = backups.take_backup(db, backups.MANUAL)
    door(db).cases.add_case(new_case(first="Bo"))
    with db.engine.connect() as conn:  # someone else is inside
        conn.exec_driver_sql("SELECT 1")
        with pytest.raises(DatabaseUnavailableError):
            backups.restore(saved, db_path)
    db.close()
    assert case_count(db_path) == 2


def test_restore_refuses_a_file_that_is_not_a_whole_sst_desk_backup(db: Database, db_path: Path,
                                                                   tmp_path: Path) -> None:
    other = tmp_path / "other.sqlite3"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE notes (x)")
    conn.commit()
    conn.close()
    text = tmp_path / "notes.sqlite3"
    text.write_text("hej")
    door(db).cases.add_case(new_case())
    db.close()
    before = digest(db_path)
    for bad in (other, text):
        with pytest.raises(NotADatabaseError):
            backups.restore(bad, db_path)
    assert digest(db_path) == before
    assert not paths.backup_dir_for(db_path).exists()  # no pre-restore copy either: nothing was started


def test_a_full_disk_during_a_backup_leaves_the_old_ones_alone(db: Database, db_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    door(db).cases.add_case(new_case())
    backups.take_backup(db, backups.AUTO, now=dt.datetime(2026, 1, 1, tzinfo=UTC))
    folder = paths.backup_dir_for(db_path)
    before = folder_state(folder)

    def no_space(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup_module.os, "replace", no_space)
    with pytest.raises(BackupFailedError) as caught:
        backups.take_backup(db, backups.AUTO, keep=1)
    assert caught.value.disk_full
    assert str(caught.value).startswith("The disk is full: the backup could not be written to")
    assert folder_state(folder) == before  # nothing rotated, no partial file, no temporary file


def test_sqlite_reporting_a_full_disk_is_a_full_disk(db: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    def full_target(*_args: object, **_kw: object) -> None:
        raise cipher.OperationalError("database or disk is full")

    monkeypatch.setattr(backup_module.cipher, "connect", full_target)
    with pytest.raises(BackupFailedError) as caught:
        backups.take_backup(db, backups.MANUAL)
    assert caught.value.disk_full


def test_a_read_only_backup_folder_is_explained(db: Database, db_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    folder = paths.backup_dir_for(db_path)
    folder.mkdir(parents=True)
    if os.geteuid() != 0:  # root writes anywhere: then simulate what SQLite says in a read-only folder
        folder.chmod(0o555)
    else:
        def read_only(*_args: object, **_kw: object) -> None:
            raise sqlite3.OperationalError("unable to open database file")

        monkeypatch.setattr(backup_module.cipher, "connect", read_only)
    try:
        with pytest.raises(BackupFailedError) as caught:
            backups.take_backup(db, backups.AUTO)
    finally:
        folder.chmod(0o755)
    assert not caught.value.disk_full
    assert str(caught.value) == f"The backup could not be written to {folder}; the earlier backups are untouched."
    assert list(folder.iterdir()) == []


def test_a_server_database_is_not_backed_up_here() -> None:
    fake = types.SimpleNamespace(path=None, url="postgresql+psycopg://server/sst")
    with pytest.raises(Exception, match="server's own tools"):
        backups.take_backup(fake, backups.AUTO)  # type: ignore[arg-type]


def test_a_full_disk_during_a_restore_leaves_the_database_as_it_was(db: Database, db_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from sst_desk.persistence import RestoreFailedError

    door(db).cases.add_case(new_case())
    saved = backups.take_backup(db, backups.MANUAL)
    door(db).cases.add_case(new_case(first="Bo"))
    db.close()
    real_replace = os.replace

    def no_space(src, dst) -> None:
        if Path(dst) == db_path:
            raise OSError(errno.ENOSPC, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(backups.os, "replace", no_space)
    with pytest.raises(RestoreFailedError) as caught:
        backups.restore(saved, db_path)
    assert caught.value.disk_full and "the database was left as it was" in str(caught.value)
    assert case_count(db_path) == 2 and not [p for p in db_path.parent.iterdir() if p.name.endswith(".tmp")]


def test_a_copy_that_fails_its_check_is_removed_and_nothing_is_rotated(db: Database, db_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    old = backups.take_backup(db, backups.AUTO, now=dt.datetime(2026, 1, 1, tzinfo=UTC))
    real = backups.integrity_problems

    def new_copies_are_bad(file: Path, key: bytes | None = None, *, quick: bool = False) -> list[str]:
        return ["*** in database main ***\nPage 7: btreeInitPage() returns error code 11"] if file != old \
            else real(file, key, quick=quick)

    monkeypatch.setattr(backups, "integrity_problems", new_copies_are_bad)
    with pytest.raises(BackupFailedError, match="failed its own check and was removed"):
        backups.take_backup(db, backups.AUTO, keep=1)
    assert [info.path for info in backups.list_backups(db_path)] == [old]
