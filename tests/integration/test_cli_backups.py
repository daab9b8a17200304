"""``sst-desk backup``, ``backups`` and ``restore``, run in process on real files."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from sst_desk.__main__ import main

from conftest import TEST_PASSWORD, make_team_db, new_case, open_as
from doors import door


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SST_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")  # these tests read the English sentences (Swedish: test_cli_safety)
    monkeypatch.setenv("SST_DESK_USER", "tove")
    monkeypatch.setenv("SST_DESK_PASSWORD", TEST_PASSWORD)
    return tmp_path / "data"


@pytest.fixture
def team_db(tmp_path: Path) -> Path:
    file = tmp_path / "team" / "sst.sqlite3"
    make_team_db(file)
    db = open_as(file, "tove")
    for name in ("Alva", "Bo"):
        door(db).cases.add_case(new_case(first=name))
    db.close()
    return file


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def count(file: Path) -> int:
    from sst_desk.persistence import cipher
    from sst_desk.security.signin import unlock

    conn = cipher.connect(file, unlock(file, "tove", TEST_PASSWORD))  # every backup has its <file>.keys
    try:
        return conn.execute("SELECT count(*) FROM cases").fetchone()[0]
    finally:
        conn.close()


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def add_case(file: Path, name: str) -> None:
    db = open_as(file, "tove")
    door(db).cases.add_case(new_case(first=name))
    db.close()


def test_backup_then_list(capsys: pytest.CaptureFixture[str], team_db: Path) -> None:
    code, out, err = run(capsys, "backup", "--db", str(team_db))
    assert code == 0, err
    made = list((team_db.parent / "backups").glob("manual-*.sqlite3"))
    assert len(made) == 1 and count(made[0]) == 2
    assert out.strip() == f"Backed up {team_db} to {made[0]} (checked: ok)"
    code, out, _ = run(capsys, "backups", "--db", str(team_db))
    assert code == 0
    assert out.count("\n") == 1 and "manual" in out and str(made[0]) in out


def test_backup_to_a_file(capsys: pytest.CaptureFixture[str], team_db: Path, tmp_path: Path) -> None:
    out_file = tmp_path / "usb" / "kopia.sqlite3"
    out_file.parent.mkdir()
    assert run(capsys, "backup", "--db", str(team_db), "--out", str(out_file))[0] == 0
    assert count(out_file) == 2
    before = out_file.read_bytes()
    code, _, err = run(capsys, "backup", "--db", str(team_db), "--out", str(out_file))
    assert code == 1 and err.strip() == (f"sst-desk: {out_file} is a database, a key file or a backup; SST Desk never "
                                         "writes a document over it. Choose another name; nothing was written.")
    assert out_file.read_bytes() == before


def test_no_backups_yet(capsys: pytest.CaptureFixture[str], team_db: Path) -> None:
    code, out, _ = run(capsys, "backups", "--db", str(team_db))
    assert code == 0 and out.startswith("There are no backups of")


def test_restore_needs_a_terminal_or_yes(capsys: pytest.CaptureFixture[str], team_db: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    run(capsys, "backup", "--db", str(team_db))
    (saved,) = (team_db.parent / "backups").glob("manual-*.sqlite3")
    add_case(team_db, "Cia")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, out, err = run(capsys, "restore", str(saved), "--db", str(team_db), "--user", "admin")
    assert code == 1 and out == ""
    assert err.strip() == ("sst-desk: Restoring replaces the database; run it on a terminal to confirm, "
                           "or add --yes.")
    assert count(team_db) == 3

    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("builtins.input", lambda _prompt: "n")
    code, out, _ = run(capsys, "restore", str(saved), "--db", str(team_db), "--user", "admin")
    assert code == 1 and out.strip() == "Nothing was changed." and count(team_db) == 3

    monkeypatch.setattr("builtins.input", lambda _prompt: "ja")
    code, out, err = run(capsys, "restore", str(saved), "--db", str(team_db), "--user", "admin")
    assert code == 0, err
    assert count(team_db) == 2
    (safety,) = (team_db.parent / "backups").glob("pre-restore-*.sqlite3")
    assert count(safety) == 3 and str(safety) in out


def test_restore_with_yes(capsys: pytest.CaptureFixture[str], team_db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    run(capsys, "backup", "--db", str(team_db))
    (saved,) = (team_db.parent / "backups").glob("manual-*.sqlite3")
    add_case(team_db, "Cia")
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    code, out, err = run(capsys, "restore", str(saved), "--db", str(team_db), "--user", "admin", "--yes")
    assert code == 0, err
    assert out.startswith(f"Restored {team_db} from {saved}; the database as it was is in ")
    assert count(team_db) == 2


def test_restore_refuses_what_is_not_a_backup(capsys: pytest.CaptureFixture[str], team_db: Path,
                                              tmp_path: Path) -> None:
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"not a database at all")
    code, _, err = run(capsys, "restore", str(junk), "--db", str(team_db), "--user", "admin", "--yes")
    assert code == 1
    assert err.strip() == (f"sst-desk: The file {junk} is not an SST Desk database (or it is damaged); "
                           "nothing was changed.")
    code, _, err = run(capsys, "restore", str(tmp_path / "missing.sqlite3"), "--db", str(team_db), "--user", "admin", "--yes")
    assert code == 1 and "There is no backup file" in err
    assert count(team_db) == 2


def test_a_damaged_database_is_reported_by_every_command(capsys: pytest.CaptureFixture[str], team_db: Path) -> None:
    run(capsys, "backup", "--db", str(team_db))
    with open(team_db, "r+b") as handle:  # scribble over every page but the first (the header)
        for page in range(1, team_db.stat().st_size // 4096):
            handle.seek(page * 4096 + 8)
            handle.write(b"\xa5" * 200)
    for command in ("cases", "backup"):
        code, _, err = run(capsys, command, "--db", str(team_db))
        assert code == 1 and "is damaged" in err, (command, err)


def test_server_databases_are_not_backed_up_here(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "backups", "--db", "postgresql+psycopg://server/sst")
    assert code == 1 and "server's own tools" in err


def test_a_database_in_a_synced_folder_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    file = tmp_path / "OneDrive - Norrby kommun" / "sst.sqlite3"
    code, _, err = run(capsys, "demo", "--db", str(file), "--students", "1")
    assert code == 1
    assert err.strip() == (f"sst-desk: The database {file} is on a network share or in a synced folder, where it "
                           "can be damaged; move it to a folder on this computer's own disk.")
    assert not file.parent.exists()
