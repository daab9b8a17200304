"""A gallring killed at each step is finished by the next start or gallring command (issue 10).

What broke: killed at the wrong moment, gallring left the deleted cases in older backups, and
`sst-desk gallring` run again said "nothing is due" without finishing the purge; it also left orphan
``*.keys`` copies of backups it deleted. The proof is the canary's (test_canary.py): decrypted page by page,
neither the database, its WAL nor any backup holds the case's unique text after the rerun.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from test_canary import canary, decrypted_holding, save_canary_case
from conftest import as_if_each_chose_their_own

from sst_desk import paths
from sst_desk.__main__ import main
from sst_desk.persistence import backups, cipher
from sst_desk.persistence.gallring import PENDING_KEY, STEPS, gallra
from sst_desk.security import keyfile, passwords, signin
from sst_desk.workflow.access import Role

WORKER = Path(__file__).with_name("gallring_kill_worker.py")
PASSWORD = "Gallring avbruten 2026!"
TODAY_YEARS = 1


@pytest.fixture(autouse=True)
def _cheap(tmp_path, monkeypatch):
    passwords.use_cheap_parameters_for_tests()
    keyfile.use_cheap_parameters_for_tests()
    monkeypatch.setenv("SST_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SST_DESK_USER", "lena")
    monkeypatch.setenv("SST_DESK_PASSWORD", PASSWORD)
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")  # the command line's English sentences


def team_with_canary(tmp_path: Path, walk_case) -> tuple[Path, bytes, int, str]:
    """An encrypted team database whose closed, due case holds a canary, with two older backups (and key
    copies) holding it too, and an orphan key copy whose backup is long gone."""
    text = canary()
    file = tmp_path / "data" / "sst-desk.sqlite3"
    admin = signin.create_first_administrator(file, "admin", "Ada Admin", PASSWORD)
    signin.add_account(admin, "lena", "Lena Lead", Role.TEAMLEDARE, PASSWORD)
    as_if_each_chose_their_own(admin)  # the command line refuses a first password set by an administrator
    admin.close()
    db = signin.sign_in(file, "lena", PASSWORD)
    try:
        case_id = save_canary_case(db, walk_case, text)
        backups.take_backup(db, backups.AUTO)
        backups.take_backup(db, backups.MANUAL)
        key = db.key
    finally:
        db.close()
    folder = paths.backup_dir_for(file)
    orphan = folder / "auto-20250101-000000.sqlite3.keys"
    orphan.write_bytes(keyfile.key_file_for(file).read_bytes())
    assert key is not None
    stored = [file, *[b.path for b in backups.list_backups(file)]]
    assert len(decrypted_holding(text, stored, key)) == 3  # the scan can fail
    return file, key, case_id, text


def mark(file: Path, key: bytes) -> str | None:
    """The gallring_pending mark, read raw (Database.open would already finish the purge)."""
    connection = cipher.connect(file, key)
    try:
        row = connection.execute("SELECT value FROM database_meta WHERE key = ?", (PENDING_KEY,)).fetchone()
    finally:
        connection.close()
    return row[0] if row else None


def kill_gallring_at(file: Path, case_id: int, step: str) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    done = subprocess.run([sys.executable, str(WORKER), str(file), str(case_id), step], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, (done.returncode, done.stderr[-2000:])


def assert_no_trace(file: Path, key: bytes, text: str) -> None:
    folder = paths.backup_dir_for(file)
    remaining = backups.list_backups(file)
    assert len(remaining) == 1, remaining  # only the fresh backup of the cleaned database
    keys = sorted(p.name for p in folder.glob("*.keys"))
    assert keys == [remaining[0].path.name + ".keys"], keys  # no orphan key copy
    wal = Path(f"{file}-wal")
    assert decrypted_holding(text, [file, wal, remaining[0].path], key) == []
    assert mark(file, key) is None
    assert mark(remaining[0].path, key) is None  # the fresh backup carries no mark to restore


@pytest.mark.parametrize("restart", ["start", "gallring command"])
@pytest.mark.parametrize("step", ["deleted", *STEPS])
def test_a_gallring_killed_at_each_step_is_finished_by_the_next_run(tmp_path, walk_case, capsys, step, restart):
    """What broke: after a kill the older backups still held the case and a rerun said "nothing is due"."""
    file, key, case_id, text = team_with_canary(tmp_path, walk_case)
    kill_gallring_at(file, case_id, step)
    assert mark(file, key) is not None, "the kill left an unfinished purge behind"
    if restart == "start":
        signin.sign_in(file, "lena", PASSWORD).close()  # the app's sign-in opens the database
    else:
        assert main(["gallring", "--db", str(file), "--years", str(TODAY_YEARS)]) == 0
        out = capsys.readouterr().out
        assert "No closed case is due" in out
    assert_no_trace(file, key, text)


def test_gallring_removes_orphan_key_copies(tmp_path, walk_case):
    """What broke: gallring left ``*.keys`` copies of the backups it deleted (and older orphans)."""
    file, key, case_id, text = team_with_canary(tmp_path, walk_case)
    db = signin.sign_in(file, "lena", PASSWORD)
    try:
        result = gallra(db, [case_id], years=TODAY_YEARS, today=__import__("datetime").date(2026, 11, 22))
    finally:
        db.close()
    assert result.complete and result.backups_deleted == 2
    assert_no_trace(file, key, text)
