"""Issue 10, "Data loss and the command line": what a mistyped or hostile command did, and what it does now.

Run in process (``main``) on a real encrypted team database, as the other CLI tests. The team
(``conftest.TEAM_USERS``): admin, tove (teamledare), sara (skolsocionom), karin (kurator). Sara works
with Cia (genomförande, a handlingsplan) and with two students both called "Ella Testsson".
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from sst_desk.__main__ import main
from sst_desk.persistence import cipher
from sst_desk.security.keyfile import key_file_for
from sst_desk.security.signin import unlock
from sst_desk.workflow.codes import Stage

from conftest import (TEST_PASSWORD, copy_team_db, make_team_db, mount_tmpfs, new_case, one_line, open_as, run_cli,
                      unmount, walk)
from doors import door


@pytest.fixture(autouse=True)
def environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SST_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SST_DESK_USER", "tove")
    monkeypatch.setenv("SST_DESK_PASSWORD", TEST_PASSWORD)
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")  # these tests read the English sentences (see test_language_*)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    file = tmp_path_factory.mktemp("safety") / "sst.sqlite3"
    make_team_db(file)
    sara = open_as(file, "sara")
    cia = walk(sara, until=Stage.GENOMFORANDE, case=new_case(first="Cia"))
    for consent in cia.consents:  # sharing the plan needs a samtycke in force today (the walk's dates are 2025)
        consent.valid_until = None
    door(sara).cases.save_case(cia)
    door(sara).cases.add_case(new_case(first="Ella", school="Ekbackeskolan"))
    door(sara).cases.add_case(new_case(first="Ella", school="Norrskolan"))
    sara.close()
    return file


@pytest.fixture
def team_db(template: Path, tmp_path: Path) -> Path:
    return copy_team_db(template, tmp_path / "team" / "sst.sqlite3")


run = run_cli


def digest(path: Path) -> str | None:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else None


def everything(file: Path) -> dict[str, str | None]:
    """The database, its companions, its key file and every backup, byte for byte."""
    paths = [file, Path(f"{file}-wal"), Path(f"{file}-shm"), key_file_for(file)]
    backups = file.parent / "backups"
    if backups.is_dir():
        paths += sorted(backups.iterdir())
    return {str(p): digest(p) for p in paths}


def log_entries(file: Path) -> list[tuple]:
    conn = cipher.connect(file, unlock(file, "tove", TEST_PASSWORD))
    try:
        return conn.execute("SELECT seq, username, action, case_id, detail FROM access_log ORDER BY seq").fetchall()
    finally:
        conn.close()


def case_ids(file: Path) -> dict[str, list[int]]:
    db = open_as(file, None)
    try:
        found: dict[str, list[int]] = {}
        for row in door(db).cases.case_rows(dt.date.today()):
            found.setdefault(row.student_name.split()[0], []).append(row.case_id)
        return found
    finally:
        db.close()


def print_plan(capsys, team_db: Path, out: Path | str, *extra: str) -> tuple[int, str, str]:
    (cia,) = case_ids(team_db)["Cia"]
    return run(capsys, "print", "handlingsplan", "--case", str(cia), "--db", str(team_db), "--out", str(out), *extra)


# --- 1. --out never destroys ------------------------------------------------------------------------------------


def _protected_targets(team_db: Path) -> dict[str, Path]:
    assert main(["backup", "--db", str(team_db)]) == 0
    (backup,) = (team_db.parent / "backups").glob("manual-*.sqlite3")
    hard = team_db.parent / "hard-link.pdf"
    os.link(team_db, hard)
    soft = team_db.parent / "soft-link.pdf"
    soft.symlink_to(key_file_for(team_db))
    return {"database": team_db, "key file": key_file_for(team_db), "wal (not there yet)": Path(f"{team_db}-wal"),
            "shm": Path(f"{team_db}-shm"), "failed sign-in counter": Path(f"{team_db}.attempts"), "backup": backup, "backup key copy": key_file_for(backup),
            "hard link to the database": hard, "symbolic link to the key file": soft,
            "a new name in the backups folder": backup.parent / "plan.pdf"}


@pytest.mark.parametrize("force", [False, True], ids=["plain", "--force"])
def test_print_out_never_overwrites_the_database_its_keys_wal_or_backups(
    capsys: pytest.CaptureFixture[str], team_db: Path, force: bool
) -> None:
    """Regression: ``print … --out`` overwrote whatever it was given — the database, its key file (then nobody
    could sign in) or a backup. Not even --force may: resolved links and hard links (st_ino) included."""
    targets = _protected_targets(team_db)
    capsys.readouterr()
    before = everything(team_db)
    for what, target in targets.items():
        code, out, err = print_plan(capsys, team_db, target, *(["--force"] if force else []))
        assert (code, out) == (1, ""), what
        assert "is a database, a key file or a backup" in one_line(err), (what, err)
    assert everything(team_db) == before
    assert not Path(f"{team_db}-wal").exists() or before[f"{team_db}-wal"] is not None
    assert [e for e in log_entries(team_db) if e[2] == "print"] == []


def test_print_out_refuses_devices_fifos_folders_and_link_loops(
    capsys: pytest.CaptureFixture[str], team_db: Path, tmp_path: Path
) -> None:
    """Regression: ``--out /dev/null`` (a device) was "written"; a fifo would hang; a link loop gave a traceback."""
    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    loop_a, loop_b = tmp_path / "a.pdf", tmp_path / "b.pdf"
    loop_a.symlink_to(loop_b)
    loop_b.symlink_to(loop_a)
    dangling = tmp_path / "dangling.pdf"
    dangling.symlink_to(tmp_path / "nowhere" / "x.pdf")
    in_loop = loop_a / "plan.pdf"
    expected = {
        Path("/dev/null"): "is not an ordinary file", fifo: "is not an ordinary file",
        dangling: "is not an ordinary file", tmp_path: "is a folder",
        loop_a: "symbolic links go round in a loop", in_loop: "symbolic links go round in a loop",
        tmp_path / "missing" / "plan.pdf": "does not exist",
    }
    for target, words in expected.items():
        code, out, err = print_plan(capsys, team_db, target, "--force")
        assert (code, out) == (1, ""), target
        assert words in one_line(err), (target, err)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode) and os.path.islink(loop_a) and os.path.islink(dangling)


def test_print_replaces_an_existing_file_only_with_force(
    capsys: pytest.CaptureFixture[str], team_db: Path, tmp_path: Path
) -> None:
    """An ordinary file is kept unless the person asks (--force); the written PDF is readable by its user only."""
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"an earlier letter")
    code, out, err = print_plan(capsys, team_db, target)
    assert (code, out) == (1, "")
    assert one_line(err) == (f"{target} already exists; nothing was written. Choose another name (on the command "
                             "line, --force replaces it).")
    assert target.read_bytes() == b"an earlier letter"
    code, out, err = print_plan(capsys, team_db, target, "--force")
    assert code == 0, err
    assert target.read_bytes().startswith(b"%PDF") and stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [name for name in os.listdir(tmp_path) if name.endswith(".part")] == []


def test_the_temporary_file_of_an_export_is_private(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The temporary file is 0600 from the start, even under a permissive umask (before the rename)."""
    from sst_desk import fileio

    seen: list[int] = []
    real_place = fileio._place

    def place(temp: str, target: Path, force: bool) -> None:
        seen.append(stat.S_IMODE(os.stat(temp).st_mode))
        real_place(temp, target, force)

    monkeypatch.setattr(fileio, "_place", place)
    old = os.umask(0o022)
    try:
        written = fileio.write_export(b"data", tmp_path / "x.txt")
    finally:
        os.umask(old)
    assert seen == [0o600] and stat.S_IMODE(written.stat().st_mode) == 0o600


def test_other_commands_that_write_follow_the_same_rule(
    capsys: pytest.CaptureFixture[str], team_db: Path, tmp_path: Path
) -> None:
    """Regression: export-head, print batch and backup --out had their own (weaker) checks or none."""
    before = everything(team_db)
    db_key = str(key_file_for(team_db))
    for argv in (["log", "export-head", "--db", str(team_db), "--out", db_key, "--force"],
                 ["print", "batch", "--all", "--db", str(team_db), "--out", str(team_db), "--force"],
                 ["backup", "--db", str(team_db), "--out", f"{team_db}-wal"]):
        code, out, err = run(capsys, *argv)
        assert (code, out) == (1, ""), argv
        assert "is a database, a key file or a backup" in one_line(err), argv
    assert everything(team_db) == before


def test_two_students_with_the_same_name_get_two_registerutdrag(
    capsys: pytest.CaptureFixture[str], team_db: Path, tmp_path: Path
) -> None:
    """Regression: the files were named by the student's name, so the second Ella's extract replaced the first's."""
    first, second = case_ids(team_db)["Ella"]
    folder = tmp_path / "utdrag"
    folder.mkdir()
    for case in (first, second):
        code, _, err = run(capsys, "registerutdrag", "--case", str(case), "--db", str(team_db), "--out", str(folder))
        assert code == 0, err
    names = sorted(p.name for p in folder.iterdir())
    today = dt.date.today().isoformat()
    assert names == sorted(f"Registerutdrag ärende {case} {today}.{ext}" for case in (first, second)
                           for ext in ("pdf", "json"))
    assert all("Ella" not in name for name in names)
    kept = {name: digest(folder / name) for name in names}
    code, out, err = run(capsys, "registerutdrag", "--case", str(first), "--db", str(team_db), "--out", str(folder))
    assert (code, out) == (1, "") and "already in" in one_line(err) and "--force" in err
    assert {name: digest(folder / name) for name in names} == kept
    assert run(capsys, "registerutdrag", "--case", str(first), "--db", str(team_db), "--out", str(folder),
               "--force")[0] == 0


# --- 6. an export is logged only once the file is written ---------------------------------------------------------


@contextlib.contextmanager
def full_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A folder on a disk with no space left (a filled tmpfs, as root in CI); where mounting is impossible, a
    folder where writing a file fails with ENOSPC as it would there."""
    folder = tmp_path / "usb"
    folder.mkdir()
    mounted = mount_tmpfs(folder, "1m")
    try:
        if mounted:
            for size in (65536, 512):
                with contextlib.suppress(OSError), open(folder / f".filler-{size}", "wb") as filler:
                    while True:
                        filler.write(b"\0" * size)
                        filler.flush()
        else:
            from sst_desk import fileio

            def full(path: Path, data: bytes) -> str:
                raise OSError(28, "No space left on device", str(path))

            monkeypatch.setattr(fileio, "_temp_beside", full)
        yield folder
        assert sorted(p.name for p in folder.iterdir() if not p.name.startswith(".filler")) == []  # no temp file
    finally:
        if mounted:
            unmount(folder)


def test_a_failed_write_logs_no_export(
    capsys: pytest.CaptureFixture[str], team_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: print, batch print, registerutdrag and export-head logged the export before writing, so a write
    that failed (here: the USB stick is full) left an entry claiming a document that never existed."""
    (cia,) = case_ids(team_db)["Cia"]
    before = log_entries(team_db)
    with full_folder(tmp_path, monkeypatch) as usb:
        for argv in (["print", "handlingsplan", "--case", str(cia), "--out", str(usb / "p.pdf")],
                     ["print", "batch", "--all", "--out", str(usb / "b.pdf")],
                     ["registerutdrag", "--case", str(cia), "--out", str(usb)],
                     ["log", "export-head", "--out", str(usb / "head.txt")]):
            code, out, err = run(capsys, *argv, "--db", str(team_db))
            assert (code, out) == (1, ""), argv
            assert one_line(err) == "The disk is full: free some space and try again; nothing was lost.", argv
    exports = [e for e in log_entries(team_db)[len(before):] if e[2] in ("print", "export", "export_head")]
    assert exports == []


def test_a_refused_print_writes_no_file(capsys: pytest.CaptureFixture[str], team_db: Path, tmp_path: Path) -> None:
    """A worker who may not print the case gets nothing on disk, and the refusal is logged."""
    (cia,) = case_ids(team_db)["Cia"]
    code, out, err = run(capsys, "print", "handlingsplan", "--case", str(cia), "--db", str(team_db),
                         "--out", str(tmp_path / "p.pdf"), "--user", "karin")
    assert (code, out) == (1, "") and "may not do this" in one_line(err)
    assert not (tmp_path / "p.pdf").exists()
    assert log_entries(team_db)[-1][1:4] == ("karin", "denied", cia)


# --- 2. restore: administrator and teamledare, logged in both databases --------------------------------------------


def test_restore_is_for_the_team_lead_and_the_administrator_and_is_logged_in_the_restored_database(
    capsys: pytest.CaptureFixture[str], team_db: Path
) -> None:
    """Regression: any user who could sign in could restore, and nothing was logged — a restore silently rolled the
    access log back to the backup's. Now: workers are refused (logged), and the restore is logged in the database
    before it is replaced (kept in the pre-restore copy) and appended to the restored database's own log."""
    assert run(capsys, "backup", "--db", str(team_db))[0] == 0
    (saved,) = (team_db.parent / "backups").glob("manual-*.sqlite3")
    for user in ("sara", "karin"):
        code, out, err = run(capsys, "restore", str(saved), "--db", str(team_db), "--yes", "--user", user)
        assert (code, out) == (1, "") and "may not do this (backups edit)" in one_line(err)
        assert log_entries(team_db)[-1][1:3] == (user, "denied")
    entries_before = log_entries(team_db)
    code, out, err = run(capsys, "restore", str(saved), "--db", str(team_db), "--yes")
    assert code == 0, err
    (pre,) = (team_db.parent / "backups").glob("pre-restore-*.sqlite3")
    restored = log_entries(team_db)
    assert restored[-1][1:3] == ("tove", "restore") and saved.name in restored[-1][4]
    assert len(restored) < len(entries_before)  # the backup's log, plus the restore
    kept = log_entries(pre)
    assert kept[-1][1:3] == ("tove", "restore") and kept[:len(entries_before)] == entries_before
    code, out, _ = run(capsys, "log", "verify", "--db", str(team_db))
    assert code == 0 and "intact" in out


def test_a_damaged_database_is_restored_by_a_team_lead_checked_in_the_backup(
    capsys: pytest.CaptureFixture[str], team_db: Path
) -> None:
    """A damaged file cannot say who is a team lead: the role is checked in the backup, and the restore logged there."""
    assert run(capsys, "backup", "--db", str(team_db))[0] == 0
    (saved,) = (team_db.parent / "backups").glob("manual-*.sqlite3")
    with open(team_db, "r+b") as handle:  # every page, the first too: SQLite cannot read the file at all
        for page in range(0, team_db.stat().st_size // 4096):
            handle.seek(page * 4096 + 100)
            handle.write(b"\x5a" * 64)
    damaged = everything(team_db)
    code, out, err = run(capsys, "restore", str(saved), "--db", str(team_db), "--yes", "--user", "sara")
    assert (code, out) == (1, "") and "may not do this" in one_line(err)
    assert everything(team_db) == damaged  # refused before anything moved: the damaged file is where it was
    assert [p.name for p in team_db.parent.iterdir() if p.name.startswith(".")] == []
    code, out, err = run(capsys, "restore", str(saved), "--db", str(team_db), "--yes")
    assert code == 0, err
    assert log_entries(team_db)[-1][1:3] == ("tove", "restore")
    (pre,) = (team_db.parent / "backups").glob("pre-restore-*.sqlite3")  # the damaged bytes, kept for repair
    assert digest(pre) == damaged[str(team_db)]


# --- 3. every error a person can cause is a sentence -----------------------------------------------------------


def test_demo_has_an_upper_bound(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Regression: ``demo --students 1000000000`` ran for ever."""
    code, out, err = run(capsys, "demo", "--db", str(tmp_path / "d.sqlite3"), "--students", "1000000000")
    assert code == 2 and out == ""
    assert "--students: must be at most 10000 (got 1000000000)" in err
    assert not (tmp_path / "d.sqlite3").exists()


@pytest.mark.parametrize("value", [str(2**63), str(10**30), "9" * 5000, "١٢", "1e3"])
def test_huge_or_strange_ids_are_a_sentence(capsys: pytest.CaptureFixture[str], team_db: Path, tmp_path: Path,
                                            value: str) -> None:
    """Regression: ``--case 9223372036854775808`` (2^63) and 10^30 gave "unexpected error (OverflowError)"."""
    for argv in (["print", "handlingsplan", "--out", str(tmp_path / "p.pdf")],
                 ["registerutdrag", "--out", str(tmp_path)]):
        code, out, err = run(capsys, *argv, "--case", value, "--db", str(team_db))
        assert code == 2 and out == "" and "Traceback" not in err and "unexpected" not in err
        assert ("must be at most 9223372036854775807" in err) or ("is not a whole number" in err), err
        assert len(err) < 2000


def test_the_largest_id_is_simply_not_found(capsys: pytest.CaptureFixture[str], team_db: Path, tmp_path: Path) -> None:
    code, _, err = run(capsys, "print", "handlingsplan", "--case", str(2**63 - 1), "--db", str(team_db),
                       "--out", str(tmp_path / "p.pdf"))
    assert code == 1 and one_line(err).startswith(f"There is no case number {2**63 - 1} in the database")


def test_a_symlink_loop_is_a_sentence(capsys: pytest.CaptureFixture[str], team_db: Path, tmp_path: Path) -> None:
    """Regression: a symbolic link loop as --db, --out or --kept-head gave "unexpected error (…)"."""
    loop_a, loop_b = tmp_path / "loop-a", tmp_path / "loop-b"
    loop_a.symlink_to(loop_b)
    loop_b.symlink_to(loop_a)
    for argv in (["cases", "--db", str(loop_a)],
                 ["demo", "--db", str(loop_a)],
                 ["log", "verify", "--db", str(team_db), "--kept-head", str(loop_a)],
                 ["log", "export-head", "--db", str(team_db), "--out", str(loop_a)],
                 ["registerutdrag", "--case", "1", "--db", str(team_db), "--out", str(loop_a)]):
        code, out, err = run(capsys, *argv)
        assert (code, out) == (1, ""), argv
        assert "symbolic links go round in a loop" in one_line(err), (argv, err)


def test_a_random_bytes_kept_head_is_a_sentence(capsys: pytest.CaptureFixture[str], team_db: Path,
                                               tmp_path: Path) -> None:
    """Regression: a --kept-head file of random bytes gave "unexpected error (UnicodeDecodeError)"."""
    kept = tmp_path / "head.txt"
    kept.write_bytes(bytes(range(256)) * 40 + os.urandom(4096))
    code, out, err = run(capsys, "log", "verify", "--db", str(team_db), "--kept-head", str(kept))
    assert (code, out) == (1, "")
    assert one_line(err) == (f"The kept head {kept} is not a head saved by 'sst-desk log export-head' (it is not "
                             "text); give the file you saved then.")


@pytest.mark.parametrize("damage", [{"p": 0}, {"m": 10**30}, {"t": "x"}, {"private": "!!"}, {"sealed": ["x"]},
                                    {"salt": None}])
def test_a_damaged_key_slot_is_a_sentence(capsys: pytest.CaptureFixture[str], team_db: Path,
                                          damage: dict[str, object]) -> None:
    """Regression: a key file whose slot was edited (parallelism 0, a huge memory cost…) gave "unexpected error
    (HashingError)" or (OverflowError)."""
    import json

    keys = key_file_for(team_db)
    data = json.loads(keys.read_text(encoding="utf-8"))
    for slot in data["slots"].values():
        slot.update(damage)
    keys.write_text(json.dumps(data), encoding="utf-8")
    before = digest(team_db)
    code, out, err = run(capsys, "cases", "--db", str(team_db))
    assert (code, out) == (1, "")
    assert one_line(err).startswith(f"The key file {team_db}.keys is damaged; put back the copy from the backups "
                                    "folder.")
    assert digest(team_db) == before


def test_a_postgresql_url_without_the_driver_is_a_sentence(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: ``--db postgresql://…`` on a computer without psycopg gave "unexpected error
    (ModuleNotFoundError)"."""
    import sys

    monkeypatch.setitem(sys.modules, "psycopg", None)  # what a computer without the driver has: import fails
    monkeypatch.setitem(sys.modules, "psycopg2", None)
    code, out, err = run(capsys, "cases", "--db", "postgresql+psycopg://sst:hemligt@db.example/sst")
    assert (code, out) == (1, "")
    line = one_line(err)
    assert "the database driver psycopg is not installed" in line and "hemligt" not in line


# --- 4. a full disk is not damage -------------------------------------------------------------------------------


@contextlib.contextmanager
def full_disk(team_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
              how: str) -> Iterator[tuple[Path, bool]]:
    """A copy of ``team_db`` on a disk with no space left: a small tmpfs filled up (root in CI), or SQLite's own
    limit (``max_page_count`` at the file's size gives SQLITE_FULL) — also where mounting is impossible."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = how == "tmpfs" and mount_tmpfs(disk, "4m")
    try:
        file = copy_team_db(team_db, disk / "sst.sqlite3")
        if mounted:
            with open(disk / "filler", "wb") as filler:
                with contextlib.suppress(OSError):
                    while True:
                        filler.write(b"\0" * 65536)
                        filler.flush()
            with contextlib.suppress(OSError):  # the last few blocks too
                with open(disk / "filler2", "wb") as filler:
                    while True:
                        filler.write(b"\0" * 512)
                        filler.flush()
        else:
            pages = file.stat().st_size // 4096
            real = cipher.apply_key

            def keyed_and_full(conn, key):
                real(conn, key)
                conn.execute(f"PRAGMA max_page_count = {pages}")

            monkeypatch.setattr(cipher, "apply_key", keyed_and_full)
        yield file, mounted
    finally:
        if mounted:
            unmount(disk)


@pytest.mark.parametrize("how", ["tmpfs", "max_page_count"])
def test_a_full_disk_is_not_reported_as_damage(
    capsys: pytest.CaptureFixture[str], team_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    """Regression: on a full disk every command said "the database is damaged" (and the window offered a restore)."""
    from sst_desk.persistence.backups import integrity_problems

    with full_disk(team_db, tmp_path, monkeypatch, how) as (file, mounted):
        before = case_ids(team_db)
        # SQLite's limit only stops what needs a new page (new cases); a full file system stops everything
        commands = (["cases"], ["demo", "--students", "3"], ["backup"]) if mounted else (["demo", "--students", "3"],)
        for argv in commands:
            code, out, err = run(capsys, *argv, "--db", str(file))
            assert code == 1, argv
            line = one_line(err)
            assert "damaged" not in line and "The disk is full" in line, (argv, line)
            assert "nothing was lost" in line or "the earlier backups are untouched" in line, line
        for filler in file.parent.glob("filler*"):  # free some space, as the sentence says
            filler.unlink()
        assert integrity_problems(file, unlock(file, "tove", TEST_PASSWORD)) == []  # whole: it was never damaged
        after = case_ids(file)
        assert all(after[name][:len(ids)] == ids for name, ids in before.items())  # nothing was lost
        assert run(capsys, "cases", "--db", str(file))[0] == 0


# --- 5. every file SST Desk writes is its user's only -------------------------------------------------------------


def test_every_file_written_is_readable_by_its_user_only(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: database files were created 0644 (readable by every account on the laptop)."""
    from sst_desk.persistence import Database

    old = os.umask(0o022)  # a typical login umask
    try:
        file = tmp_path / "demo" / "demo.sqlite3"
        monkeypatch.setenv("SST_DESK_USER", "tove")
        monkeypatch.setenv("SST_DESK_PASSWORD", "demo-losenord")
        assert main(["demo", "--db", str(file), "--students", "3"]) == 0
        out = tmp_path / "out"
        out.mkdir()
        (cia,) = [row.case_id for row in _rows(file) if row.stage == Stage.GENOMFORANDE][:1]
        for argv in (["backup"], ["backup", "--out", str(out / "copy.sqlite3")],
                     ["print", "handlingsplan", "--case", str(cia), "--out", str(out / "plan.pdf")],
                     ["registerutdrag", "--case", str(cia), "--out", str(out)],
                     ["log", "export-head", "--out", str(out / "head.txt")]):
            assert main([*argv, "--db", str(file)]) == 0, argv
        db = Database.open(file, key=unlock(file, "tove", "demo-losenord"))
        try:
            door(db).cases.case_rows(dt.date.today())
            wal_and_shm = [Path(f"{file}-wal"), Path(f"{file}-shm")]
            written = [p for p in wal_and_shm if p.exists()]
            modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in written}
        finally:
            db.close()
        from sst_desk.settings import LANGUAGE, Settings

        settings = Settings.from_file(str(tmp_path / "settings.ini"))  # the window's settings file (QSettings)
        settings.set(LANGUAGE, "sv")
        settings.sync()
        from sst_desk.cli.errors import write_log

        os.umask(0o022)  # the CLI log is private even where the umask was not set (it names files and commands)
        log = write_log(RuntimeError("a bug"))
        assert log is not None
        files = [file, key_file_for(file), *(file.parent / "backups").iterdir(), *out.iterdir(),
                 tmp_path / "settings.ini", log]
        modes.update({str(p): stat.S_IMODE(p.stat().st_mode) for p in files})
    finally:
        os.umask(old)
    kinds = {".sqlite3", ".keys", ".pdf", ".json", ".txt", ".ini", ".log"}
    assert kinds <= {Path(name).suffix for name in modes}, modes
    assert len(written) >= 1
    assert {name: mode for name, mode in modes.items() if mode != 0o600} == {}


def _rows(file: Path):
    db = open_as_demo(file)
    try:
        return door(db).cases.case_rows(dt.date.today())
    finally:
        db.close()


def open_as_demo(file: Path):
    from sst_desk.security import signin

    return signin.sign_in(file, "tove", "demo-losenord")


# --- 7. the command line speaks the person's language --------------------------------------------------------


@pytest.mark.parametrize(("how", "expected"), [
    (["--lang", "sv"], "Det finns ingen databas"),
    (["--lang", "en"], "There is no database"),
])
def test_language_follows_lang(capsys: pytest.CaptureFixture[str], tmp_path: Path, how: list[str],
                               expected: str) -> None:
    """Regression: command-line messages were English only."""
    code, out, err = run(capsys, *how, "cases", "--db", str(tmp_path / "none.sqlite3"))
    assert code == 1 and one_line(err).startswith(expected), err


@pytest.mark.parametrize(("variables", "expected"), [
    ({"LC_ALL": "sv_SE.UTF-8"}, "Det finns ingen databas"),
    ({"LC_ALL": "", "LC_MESSAGES": "", "LANG": "en_GB.UTF-8"}, "There is no database"),
    ({"LC_ALL": "de_DE.UTF-8"}, "Det finns ingen databas"),  # neither: Swedish, the product's default
    ({"LC_ALL": "", "LC_MESSAGES": "", "LANG": ""}, "Det finns ingen databas"),
])
def test_language_follows_the_system(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                     monkeypatch: pytest.MonkeyPatch, variables: dict[str, str],
                                     expected: str) -> None:
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    code, out, err = run(capsys, "cases", "--db", str(tmp_path / "none.sqlite3"))
    assert code == 1 and one_line(err).startswith(expected), err


def test_help_is_translated_too(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--lang", "sv", "print", "--help")
    assert code == 0 and "Skriv ett dokument som PDF" in out
    code, out, _ = run(capsys, "--lang", "en", "print", "--help")
    assert code == 0 and "Write a document as PDF" in out


def test_cases_never_prints_control_or_bidi_characters_raw(capsys: pytest.CaptureFixture[str], team_db: Path) -> None:
    """Regression: a NUL in a stored name printed raw in ``cases`` (a terminal escape or a right-to-left override
    would too). New names refuse them; what was stored before is shown as a visible escape in the table."""
    conn = cipher.connect(team_db, unlock(team_db, "tove", TEST_PASSWORD))
    try:
        conn.execute("UPDATE students SET first_name = ? WHERE first_name = 'Cia'", ("Ci\x00a\u202e\x1b[2J",))
        conn.commit()
    finally:
        conn.close()
    code, out, _ = run(capsys, "cases", "--db", str(team_db))
    assert code == 0
    assert "Ci\\u0000a\\u202e\\u001b[2J" in out
    assert not any(ch in out for ch in ("\x00", "\u202e", "\x1b"))


def test_a_refusal_is_said_in_words_in_swedish(capsys: pytest.CaptureFixture[str], team_db: Path) -> None:
    """Regression: a refusal showed the permission's code ("backups create"); in Swedish it is now words, in English
    the code stays (scripts and the log match it)."""
    code, _, err = run(capsys, "--lang", "sv", "backup", "--db", str(team_db), "--user", "karin")
    assert code == 1 and one_line(err) == "Du får inte göra det här (ta säkerhetskopior); försöket loggades."
    code, _, err = run(capsys, "--lang", "en", "backup", "--db", str(team_db), "--user", "karin")
    assert code == 1 and one_line(err) == "You may not do this (backups create); the attempt was logged."
