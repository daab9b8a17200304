"""Opening a database: new, existing, not ours, damaged, locked, unwritable, newer or older."""

from __future__ import annotations

import datetime as dt
import os
from sst_desk.persistence.cipher import dbapi as sqlite3  # never two SQLite libraries on one file
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

from sst_desk.persistence import (
    Database,
    DatabaseError,
    DatabaseUnavailableError,
    LocationNotWritableError,
    NewerDatabaseError,
    NotADatabaseError,
    checks,
)
from sst_desk.persistence import engine as engine_module
from sst_desk.persistence.mapping import start_mappers
from doors import door


def files_in(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def assert_one_sentence(error: Exception, where: Path) -> None:
    text = str(error)
    assert str(where) in text and "\n" not in text
    assert not any(word in text for word in ("SELECT", "Traceback", "sqlite3.", "sqlalchemy"))


def test_a_new_database_is_created_with_its_folder(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "sst.sqlite3"
    with Database.open(path) as db:
        assert db.path == path and db.url == f"sqlite:///{path}"
        assert door(db).cases.case_rows(dt.date(2025, 1, 1)) == []
    assert path.is_file()
    assert not (tmp_path / "deep" / "er" / "backups").exists()
    assert sorted(p.name for p in path.parent.iterdir()) == ["sst.sqlite3"]  # no probe or -wal left


def test_none_opens_the_default_database(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SST_DESK_DATA_DIR", str(tmp_path / "appdata"))
    with Database.open() as db:
        assert db.path == tmp_path / "appdata" / "sst-desk.sqlite3"


def test_a_url_works_like_a_path(tmp_path: Path, make_case) -> None:
    path = tmp_path / "via-url.sqlite3"
    with Database.open(f"sqlite:///{path}") as db:
        case_id = door(db).cases.add_case(make_case()).id
    with Database.open(str(path)) as db:
        assert door(db).cases.load_case(case_id).student.first_name == "Alva"


def test_pragmas_are_in_force_on_every_connection(db: Database) -> None:
    for _ in range(2):  # one after the other: transactions begin IMMEDIATE, a second would wait
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_an_empty_file_becomes_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "empty.sqlite3"
    path.touch()
    with Database.open(path) as db:
        assert door(db).cases.case_rows(dt.date(2025, 1, 1)) == []


def _sqlite_of_another_program(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipes (name TEXT)")
    conn.execute("INSERT INTO recipes VALUES ('pannkakor')")
    conn.commit()
    conn.close()


def _damaged_sst_database(path: Path) -> None:
    with Database.open(path):
        pass
    data = bytearray(path.read_bytes())
    data[4096:] = os.urandom(len(data) - 4096)  # keep the header page, scramble the rest
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(lambda p: p.write_bytes(os.urandom(8192)), id="random-bytes"),
        pytest.param(lambda p: p.write_text("Inköpslista:\nmjölk\nbröd\n", encoding="utf-8"), id="text-file"),
        pytest.param(lambda p: p.write_bytes(b"SQLite format 3\x00" + b"\x00" * 50), id="truncated-header"),
        pytest.param(_sqlite_of_another_program, id="another-programs-sqlite"),
        pytest.param(_damaged_sst_database, id="damaged"),
    ],
)
def test_a_file_that_is_not_our_database_is_refused_untouched(tmp_path: Path, make) -> None:
    path = tmp_path / "not-ours.sqlite3"
    make(path)
    before = files_in(tmp_path)
    with pytest.raises(NotADatabaseError) as info:
        Database.open(path)
    assert info.value.path == path
    assert_one_sentence(info.value, path)
    assert files_in(tmp_path) == before  # byte-identical, and no -wal, -shm or probe left beside it


def test_a_folder_where_the_file_should_be(tmp_path: Path) -> None:
    (tmp_path / "db.sqlite3").mkdir()
    with pytest.raises(NotADatabaseError):
        Database.open(tmp_path / "db.sqlite3")


def test_a_path_under_a_regular_file_is_not_writable(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(LocationNotWritableError) as info:
        Database.open(blocker / "sub" / "db.sqlite3")
    assert_one_sentence(info.value, blocker / "sub")
    assert blocker.read_text() == "x"


def test_a_read_only_folder_is_not_writable(read_only_folder: Path) -> None:
    with pytest.raises(LocationNotWritableError):
        Database.open(read_only_folder / "db.sqlite3")
    assert list(read_only_folder.iterdir()) == []


def test_a_database_from_a_newer_sst_desk_is_refused_untouched(db_path: Path) -> None:
    with Database.open(db_path) as db, db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    before = files_in(db_path.parent)
    with pytest.raises(NewerDatabaseError) as info:
        Database.open(db_path)
    assert_one_sentence(info.value, db_path)
    assert files_in(db_path.parent) == before


def test_a_database_locked_by_another_program(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with Database.open(db_path):
        pass
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("PRAGMA journal_mode = DELETE")  # in WAL an exclusive writer does not block readers
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(checks, "LOOK_TIMEOUT_S", 0.1)
    try:
        with pytest.raises(DatabaseUnavailableError) as info:
            Database.open(db_path)
        assert_one_sentence(info.value, db_path)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    Database.open(db_path).close()  # fine once the other program lets go


def test_start_mappers_twice_is_harmless() -> None:
    start_mappers()
    start_mappers()
    threads = [threading.Thread(target=start_mappers) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def test_backup_makes_a_standalone_copy_atomically(db: Database, make_case, tmp_path: Path) -> None:
    case_id = door(db).cases.add_case(make_case()).id
    target = db.backup(tmp_path / "copies" / "copy.sqlite3")
    assert target == tmp_path / "copies" / "copy.sqlite3"
    assert sorted(p.name for p in target.parent.iterdir()) == ["copy.sqlite3"]  # no temp file left
    conn = sqlite3.connect(target)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("SELECT first_name FROM students").fetchall() == [("Alva",)]
    finally:
        conn.close()
    in_folder = db.backup(tmp_path / "copies")
    assert in_folder.parent == tmp_path / "copies" and in_folder.suffix == ".sqlite3"
    with Database.open(in_folder) as copy:
        assert door(copy).cases.load_case(case_id).student.last_name == "Testsson"
    with pytest.raises(ValueError):
        db.backup(db.path)


def test_backup_into_an_unwritable_place(db: Database, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    with pytest.raises(LocationNotWritableError):
        db.backup(blocker / "copy.sqlite3")


def test_failed_open_leaves_no_engine_behind(tmp_path: Path) -> None:
    path = tmp_path / "x.sqlite3"
    path.write_text("not a database")
    with pytest.raises(NotADatabaseError):
        Database.open(path)
    with pytest.raises(NotADatabaseError):
        Database.open(sa.engine.make_url(f"sqlite:///{path}").render_as_string())


def test_two_programs_share_one_database(db_path: Path, make_case) -> None:
    """The app and the command line may have the same file open at once."""
    with Database.open(db_path) as app:
        door(app).cases.add_case(make_case(first="Ada"))
        with Database.open(db_path) as cli:  # the -wal and -shm files exist now
            door(cli).cases.add_case(make_case(first="Bo"))
            assert len(door(app).cases.case_rows(dt.date(2025, 1, 20))) == 2
        assert len(door(app).cases.case_rows(dt.date(2025, 1, 20))) == 2


def test_an_in_memory_database_works_for_quick_tools() -> None:
    with Database.open("sqlite://") as db:
        assert db.path is None and db.url == "sqlite://"
        assert door(db).cases.case_rows(dt.date(2025, 1, 20)) == []
        with pytest.raises(DatabaseError):
            db.backup(Path("/nonexistent/copy.sqlite3"))


def test_an_empty_file_locked_by_another_program(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "empty-locked.sqlite3"
    path.touch()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    monkeypatch.setattr(engine_module, "BUSY_TIMEOUT_MS", 100)
    try:
        with pytest.raises(DatabaseUnavailableError) as info:
            Database.open(path)
        assert_one_sentence(info.value, path)
        assert path.read_bytes() == b""
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_sql_errors_never_quote_case_content(tmp_path):
    """Regression guard: an integrity error's message must not carry the values (children's data) it tried to store."""
    import sqlalchemy as sa

    from sst_desk.persistence.engine import make_engine

    engine = make_engine(tmp_path / "quiet.sqlite3")
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE t (x TEXT UNIQUE)")
        conn.execute(sa.text("INSERT INTO t VALUES (:x)"), {"x": "Hemlig Anteckning om Eleven"})
    try:
        with engine.begin() as conn:
            conn.execute(sa.text("INSERT INTO t VALUES (:x)"), {"x": "Hemlig Anteckning om Eleven"})
    except sa.exc.IntegrityError as exc:
        assert "Hemlig" not in str(exc)
    else:
        raise AssertionError("the duplicate was accepted")
    engine.dispose()
