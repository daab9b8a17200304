"""What goes wrong around an ENCRYPTED team database and signing in: a clear answer, and nothing lost.

The plain-SQLite versions (damaged file, full disk, read-only folder during a
backup or a restore) are in test_backups.py and test_persistence_open.py; these
cover the paths a signed-in team actually takes: the key file, the key, and
backups that are encrypted too.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from sst_desk import fileio, paths
from sst_desk.persistence import (
    BackupFailedError,
    DamagedDatabaseError,
    Database,
    DatabaseUnavailableError,
    LocationNotWritableError,
    NotADatabaseError,
    accounts,
    backups,
    checks,
)
from sst_desk.persistence import backup as backup_module
from sst_desk.security import keyfile, passwords, signin
from sst_desk.security.keyfile import key_file_for
from sst_desk.workflow.access import Role

from conftest import new_case
from test_persistence_open import assert_one_sentence
from doors import door

UTC = dt.timezone.utc
ADMIN, ADMIN_PW = "admin", "styr hela teamet 1"
SARA, SARA_PW = "sara", "socionom med nyckel 2"
CASES = 3


@pytest.fixture(autouse=True)
def cheap_argon2() -> None:
    passwords.use_cheap_parameters_for_tests()
    keyfile.use_cheap_parameters_for_tests()


@pytest.fixture
def team(tmp_path: Path) -> Path:
    """An encrypted team database: an administrator, Sara (skolsocionom) and her three cases; closed."""
    file = tmp_path / "team" / "sst-desk.db"  # (".sqlite3." in a key file name would trip assert_one_sentence)
    with signin.create_first_administrator(file, ADMIN, "Admin Adminsson", ADMIN_PW) as db:
        signin.add_account(db, SARA, "Sara Socionom", Role.SKOLSOCIONOM, SARA_PW)
    with signin.sign_in(file, SARA, SARA_PW) as db:
        for n in range(CASES):
            door(db).cases.add_case(new_case(first=f"Elev{n}"))
    return file


def state(file: Path) -> dict[str, str]:
    """Every file in the database's folder (and its backups folder) by content hash."""
    found = {}
    for folder in (file.parent, paths.backup_dir_for(file)):
        if folder.is_dir():
            found.update({str(p): hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir() if p.is_file()})
    return found


def case_count(file: Path, user: str = SARA, password: str = SARA_PW) -> int:
    with signin.sign_in(file, user, password) as db:
        return len(door(db).cases.case_rows(dt.date.today()))


def flip(file: Path, where: str) -> None:
    """Damage an encrypted file: bytes in the middle of a page, or the first page's salt (nothing decrypts)."""
    with open(file, "r+b") as handle:
        handle.seek(8 if where == "salt" else (file.stat().st_size // 4096 // 2) * 4096 + 700)
        data = handle.read(8)
        handle.seek(-len(data), os.SEEK_CUR)
        handle.write(bytes(b ^ 0xA5 for b in data))


# --- signing in -------------------------------------------------------------------------------------


@pytest.mark.parametrize("user, password", [(SARA, "fel lösenord här"), ("okänd.person", SARA_PW),
                                            (ADMIN, SARA_PW), (" SARA ", SARA_PW + " ")])
def test_a_wrong_password_and_an_unknown_user_get_the_same_answer_and_change_nothing(
        team: Path, user: str, password: str) -> None:
    before = state(team)
    with pytest.raises(signin.SignInError) as caught:
        signin.sign_in(team, user, password)
    assert caught.value.code == "wrong_credentials" and str(caught.value) == signin.WRONG
    after = state(team)
    attempts = str(team) + ".attempts"  # the failure is counted beside the database (security/throttle.py)
    assert attempts in after and attempts not in before
    del after[attempts]
    assert after == before  # not even a -wal: the database was never opened


def test_a_user_name_is_found_whatever_its_case_and_spaces(team: Path) -> None:
    assert case_count(team, " Sara ", SARA_PW) == CASES


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:40])


def _break_every_slot(path: Path) -> None:
    data = json.loads(path.read_text())
    for slot in data["slots"].values():
        slot["salt"] = "***"
    path.write_text(json.dumps(data))


def _not_json(path: Path) -> None:
    path.write_bytes(os.urandom(300))


@pytest.mark.parametrize("damage", [_truncate, _break_every_slot, _not_json])
def test_a_damaged_key_file_is_named_and_nothing_is_changed(team: Path, damage) -> None:
    """Regression: a damaged slot (valid JSON) escaped as a bare KeyFileError instead of a SignInError."""
    key_file = key_file_for(team)
    damage(key_file)
    before = state(team)
    with pytest.raises(signin.SignInError) as caught:
        signin.sign_in(team, SARA, SARA_PW)
    assert caught.value.code == "key_file_damaged"
    assert_one_sentence(caught.value, key_file)
    assert "damaged" in str(caught.value)
    assert state(team) == before
    assert not signin.first_run_needed(team)  # never offered to start over on top of the data


def test_an_encrypted_database_without_its_key_file_is_not_a_first_run(team: Path) -> None:
    key_file_for(team).unlink()
    before = state(team)
    with pytest.raises(signin.SignInError) as caught:
        signin.sign_in(team, SARA, SARA_PW)
    assert caught.value.code == "key_file_missing"
    assert_one_sentence(caught.value, key_file_for(team))
    assert not signin.first_run_needed(team)
    with pytest.raises(ValueError):
        signin.create_first_administrator(team, "ny.admin", "Ny", "ett nytt lösenord 3")
    assert state(team) == before


def test_the_key_file_of_another_database_opens_nothing(team: Path, tmp_path: Path) -> None:
    other = tmp_path / "other" / "sst-desk.db"
    signin.create_first_administrator(other, ADMIN, "Annan Admin", ADMIN_PW).close()
    key_file_for(team).write_bytes(key_file_for(other).read_bytes())
    before = state(team)
    with pytest.raises(signin.SignInError) as caught:
        signin.sign_in(team, ADMIN, ADMIN_PW)  # the key unwraps, but it is not this database's key
    assert caught.value.code == "key_file_stale"  # said as such, not as a damaged database (test_revocation.py)
    assert_one_sentence(caught.value, team)
    assert state(team) == before


def test_a_full_disk_while_changing_a_password_keeps_the_old_one(team: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Regression: the new hash was stored before the key file was written; a full disk then left the
    database hash and the key slot disagreeing, and the person (the only administrator: everyone) locked out."""
    key_before = key_file_for(team).read_bytes()

    def no_space(*_args: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    with signin.sign_in(team, ADMIN, ADMIN_PW) as db:
        monkeypatch.setattr(fileio.os, "replace", no_space)
        with pytest.raises(OSError) as caught:
            signin.change_own_password(db, ADMIN_PW, "ett nytt lösenord 4")
        monkeypatch.undo()
    assert caught.value.errno == errno.ENOSPC
    assert key_file_for(team).read_bytes() == key_before
    assert not [p for p in team.parent.iterdir() if p.name.endswith(".part")]
    signin.sign_in(team, ADMIN, ADMIN_PW).close()
    with pytest.raises(signin.SignInError):
        signin.sign_in(team, ADMIN, "ett nytt lösenord 4")


def test_a_database_failure_after_the_key_slot_puts_the_old_key_file_back(team: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    key_before = key_file_for(team).read_bytes()

    def busy(*_args: object, **_kw: object) -> None:
        raise DatabaseUnavailableError(team)

    with signin.sign_in(team, ADMIN, ADMIN_PW) as db:
        sara = accounts.find_user(db, SARA)
        from sst_desk.persistence.repository_admin import UserRepository

        with monkeypatch.context() as failing:  # the account's row cannot be written
            failing.setattr(UserRepository, "update", busy)
            failing.setattr(UserRepository, "add", busy)
            with pytest.raises(DatabaseUnavailableError):
                signin.reset_password(db, sara.id, "återställt lösen 5")
            with pytest.raises(DatabaseUnavailableError):
                signin.add_account(db, "kim", "Kim Kurator", Role.KURATOR, "kuratorns lösen 6")
    assert key_file_for(team).read_bytes() == key_before
    assert case_count(team) == CASES
    with pytest.raises(signin.SignInError):
        signin.sign_in(team, "kim", "kuratorns lösen 6")


def test_adding_an_account_under_a_taken_name_leaves_that_persons_key_slot_alone(team: Path) -> None:
    key_before = key_file_for(team).read_bytes()
    with signin.sign_in(team, ADMIN, ADMIN_PW) as db:
        with pytest.raises(accounts.DuplicateUserError):
            signin.add_account(db, " Sara", "Another Sara", Role.KURATOR, "en annan kurators lösen 8")
    assert key_file_for(team).read_bytes() == key_before
    assert case_count(team) == CASES


def test_an_encrypted_database_without_its_key_slot_keeper_changes_no_account(team: Path) -> None:
    """The key-slot work is security's (security/keyslots.py), attached at sign-in: a unit of work on an
    encrypted file opened past it refuses an account change rather than write a password without its slot."""
    key = signin.unlock(team, ADMIN, ADMIN_PW)
    key_before = key_file_for(team).read_bytes()
    with Database.open(team, key=key) as db:
        db.actor = accounts.find_user(db, ADMIN).actor()  # signed in by hand, past signin.authenticate
        with pytest.raises(RuntimeError, match="key file's keeper"):
            door(db).accounts.create_user("kim", "Kim Kurator", Role.KURATOR, "kuratorns lösen 6")
    assert key_file_for(team).read_bytes() == key_before
    with Database.open(team, key=key) as db:
        assert accounts.find_user(db, "kim") is None


def test_the_windows_restore_reopens_the_database_ready_to_keep_the_key_file(team: Path) -> None:
    """What broke once the key slots left persistence: the database the Backups dialog reopens after a
    restore had no keeper, so the administrator's next new account would have failed."""
    from sst_desk.ui.common.startup import restore_for_window

    with signin.sign_in(team, ADMIN, ADMIN_PW) as db:
        backup = backups.take_backup(db, backups.MANUAL)
        actor, key = db.actor, db.key
    reopened, failure = restore_for_window(backup, team, key, actor)
    assert failure is None and reopened is not None
    with reopened:
        reopened.actor = actor  # the dialog goes on as the same person
        door(reopened).accounts.create_user("kim", "Kim Kurator", Role.KURATOR, "kuratorns lösen 6")
    signin.sign_in(team, "kim", "kuratorns lösen 6").close()  # the new account's key slot was written


# --- a damaged database, and its backups ------------------------------------------------------------


@pytest.mark.parametrize("where", ["page", "salt"])
def test_a_damaged_encrypted_database_is_caught_and_the_newest_good_backup_restored(team: Path, where: str) -> None:
    key = signin.unlock(team, SARA, SARA_PW)
    with signin.sign_in(team, SARA, SARA_PW) as db:
        older = backups.take_backup(db, backups.AUTO, now=dt.datetime(2026, 1, 1, tzinfo=UTC))
        door(db).cases.add_case(new_case(first="Efter"))
        newer = backups.take_backup(db, backups.AUTO, now=dt.datetime(2026, 1, 2, tzinfo=UTC))
    flip(newer, "page")  # the newest backup is damaged too
    flip(team, where)
    before = state(team)
    with pytest.raises(DamagedDatabaseError) as caught:
        backups.check_integrity(team, key)
    assert_one_sentence(caught.value, team)
    assert state(team) == before
    with pytest.raises((DamagedDatabaseError, NotADatabaseError)):  # "… (or it is damaged)"
        backups.verify_backup(newer, key)
    assert backups.newest_good_backup(team, key).path == older
    safety = backups.restore(older, team, key)
    backups.check_integrity(team, key)
    assert case_count(team) == CASES  # as it was at the older backup; the key file still fits
    assert safety is not None and safety.name.startswith("pre-restore-")
    assert backups.newest_good_backup(team, key).path == older  # the damaged copy kept aside fails its check


# --- full disk, read-only folder --------------------------------------------------------------------


def test_a_full_disk_during_an_encrypted_backup_loses_nothing(team: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with signin.sign_in(team, SARA, SARA_PW) as db:
        backups.take_backup(db, backups.AUTO, now=dt.datetime(2026, 1, 1, tzinfo=UTC))
        folder = paths.backup_dir_for(team)
        before = state(team)

        def no_space(*_args: object) -> None:
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(backup_module.os, "replace", no_space)
        with pytest.raises(BackupFailedError) as caught:
            backups.take_backup(db, backups.AUTO, keep=1)
        monkeypatch.undo()
        assert caught.value.disk_full
        assert_one_sentence(caught.value, folder)
        assert {p: h for p, h in state(team).items() if "backups" in p} == \
            {p: h for p, h in before.items() if "backups" in p}
        door(db).cases.add_case(new_case(first="Sedan"))  # the database goes on working
    assert case_count(team) == CASES + 1


FILE_SIZE_LIMIT = """
import resource, signal, sys
from pathlib import Path
from sst_desk.persistence import BackupFailedError, backups
from sst_desk.security import keyfile, passwords, signin
passwords.use_cheap_parameters_for_tests(); keyfile.use_cheap_parameters_for_tests()
db = signin.sign_in(Path(sys.argv[1]), sys.argv[2], sys.argv[3])
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails (EFBIG) instead of killing us
resource.setrlimit(resource.RLIMIT_FSIZE, (8192, 8192))
try:
    backups.take_backup(db, backups.MANUAL)
except BackupFailedError as exc:
    print(type(exc).__name__, exc.disk_full, exc)
"""


def test_a_backup_beyond_a_file_size_limit_is_a_failed_backup_not_a_damaged_database(team: Path) -> None:
    """Regression: SQLite reports a refused write (a file-size limit, a disk quota) as "disk I/O error",
    and the backup said the DATABASE was damaged. A real limit (RLIMIT_FSIZE), in a child process."""
    out = subprocess.run([sys.executable, "-c", FILE_SIZE_LIMIT, str(team), SARA, SARA_PW], capture_output=True,
                         text=True, timeout=60, env=dict(os.environ, PYTHONPATH=str(Path(__file__).parents[2])))
    assert out.returncode == 0, out.stderr
    folder = paths.backup_dir_for(team)
    assert out.stdout.strip() == (f"BackupFailedError False The backup could not be written to {folder}; "
                                  "the earlier backups are untouched.")
    assert not folder.exists() or list(folder.iterdir()) == []  # no partial file, no temporary one
    assert case_count(team) == CASES


def test_a_read_only_folder_stops_the_sign_in_with_a_clear_sentence(team: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    before = state(team)
    if os.geteuid() != 0:
        team.parent.chmod(0o555)
    else:  # root writes anywhere: refuse the probe file as a read-only folder would
        def read_only(*_args: object, **_kw: object) -> None:
            raise PermissionError(errno.EROFS, "Read-only file system")

        monkeypatch.setattr(checks.tempfile, "mkstemp", read_only)
    try:
        with pytest.raises(LocationNotWritableError) as caught:
            signin.sign_in(team, SARA, SARA_PW)
    finally:
        team.parent.chmod(0o755)
    assert_one_sentence(caught.value, team.parent)
    assert state(team) == before
    monkeypatch.undo()
    assert case_count(team) == CASES


def test_a_read_only_backups_folder_leaves_the_encrypted_database_working(team: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    folder = paths.backup_dir_for(team)
    folder.mkdir()
    with signin.sign_in(team, SARA, SARA_PW) as db:
        if os.geteuid() != 0:
            folder.chmod(0o555)
        else:
            real = backup_module.cipher.connect

            def read_only(target, *args, **kw):
                if Path(target).parent == folder:
                    raise backup_module.cipher.OperationalError("unable to open database file")
                return real(target, *args, **kw)

            monkeypatch.setattr(backup_module.cipher, "connect", read_only)
        try:
            with pytest.raises(BackupFailedError) as caught:
                backups.take_backup(db, backups.AUTO)
        finally:
            folder.chmod(0o755)
        assert not caught.value.disk_full
        assert str(caught.value) == f"The backup could not be written to {folder}; the earlier backups are untouched."
        assert list(folder.iterdir()) == []
        door(db).cases.add_case(new_case(first="Ändå"))
    assert case_count(team) == CASES + 1
