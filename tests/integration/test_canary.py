"""The canary: a unique string saved in a case is readable nowhere SST Desk writes on its own — and after
gallring it is gone from all of it.

Where SST Desk writes by itself: the database file, its ``-wal`` and ``-shm``, the backups folder, the key
file, the temp folder and the log folder. (A registerutdrag written to a folder the person chose is theirs to
keep or delete; here it is written and deleted, as a person would, and must leave nothing behind elsewhere.)

Two variants:

- **Encrypted** (as the app runs): no raw file ever holds the canary, in UTF-8 or UTF-16. Decrypted page by
  page with the key (so free space and deleted cells are seen too, not only what SQL returns), the database
  and its backups hold it before gallring (so the scan can fail); neither the database, its -wal nor any
  backup holds it after.
- **Plain** (key=None): the raw bytes hold the canary before gallring (so the scan can fail) and none after —
  proof that secure_delete + checkpoint + VACUUM + the backup purge leave no residue in the file itself.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
import tempfile
import uuid
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from sst_desk import app, paths
from sst_desk.persistence import Database, accounts, backups
from sst_desk.persistence.extract import gather_registerutdrag
from sst_desk.persistence.gallring import gallra
from sst_desk.reports import ReportContext
from sst_desk.reports.registerutdrag import write_registerutdrag
from sst_desk.security import keyfile, passwords, signin
from sst_desk.workflow.access import Role
from sst_desk.workflow.codes import ContactKind, Stage
from sst_desk.workflow.entities import ContactEntry
from doors import door

TODAY = dt.date(2026, 11, 22)  # the walked case closed in 2025; one year of retention has run out
PASSWORD = "Kanariefågeln sjunger 2026!"
SCHEMA_WORD = b"CREATE TABLE"  # in every database's first pages: proves a file decrypted


@pytest.fixture(autouse=True)
def _cheap_and_isolated(tmp_path, monkeypatch):
    """Cheap Argon2, the data folder and the temp folder under tmp_path, the app's own log file."""
    passwords.use_cheap_parameters_for_tests()
    keyfile.use_cheap_parameters_for_tests()
    monkeypatch.setenv("SST_DESK_DATA_DIR", str(tmp_path / "data"))
    temp = tmp_path / "temp"
    temp.mkdir()
    monkeypatch.setenv("TMPDIR", str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    app.setup_logging()
    yield
    for handler in root.handlers[:]:
        if handler not in handlers:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def canary() -> str:
    return f"KANARIEFÅGEL-{uuid.uuid4().hex}"


def patterns(text: str) -> list[bytes]:
    """The canary as UTF-8 and UTF-16 (both byte orders), and its unique hex part alone."""
    unique = text.split("-", 1)[1]
    return [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be"), unique.encode("ascii")]


def files_left_behind(db_file: Path) -> list[Path]:
    """Every file SST Desk writes on its own: database, -wal, -shm, backups, key file, temp folder, logs."""
    found = [Path(f"{db_file}{suffix}") for suffix in ("", "-wal", "-shm", "-journal")]
    found.append(keyfile.key_file_for(db_file))
    for folder in (paths.backup_dir_for(db_file), Path(tempfile.gettempdir()), paths.data_dir() / "logs"):
        found += [p for p in folder.rglob("*") if p.is_file()]
    return [p for p in found if p.exists()]


def holding(text: str, files: list[Path]) -> list[Path]:
    wanted = patterns(text)
    return [f for f in files if any(p in f.read_bytes() for p in wanted)]


PAGE, RESERVE, SALT = 4096, 80, 16  # SQLCipher 4: 4 KiB pages, each ending in IV (16) + HMAC (64); page 1 salted
WAL_HEADER, FRAME_HEADER = 32, 24


def decrypted_pages(file: Path, key: bytes) -> bytes:
    """Every page of an SQLCipher database or -wal file, decrypted raw: live rows, free space and free pages.

    Decrypting by hand (AES-256-CBC with the raw key and each page's IV) rather than through SQL sees what
    SQL cannot: deleted cells and unused space that secure_delete and VACUUM are meant to clear.
    """
    data = file.read_bytes()
    wal = file.name.endswith("-wal")
    offset, step = (WAL_HEADER + FRAME_HEADER, FRAME_HEADER + PAGE) if wal else (0, PAGE)
    plain = []
    while offset + PAGE <= len(data):
        page = data[offset:offset + PAGE]
        first = not wal and offset == 0
        iv = page[PAGE - RESERVE:PAGE - RESERVE + 16]
        decryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
        plain.append(decryptor.update(page[SALT if first else 0:PAGE - RESERVE]) + decryptor.finalize())
        offset += step
    return b"".join(plain)


def decrypted_holding(text: str, files: list[Path], key: bytes) -> list[Path]:
    """The encrypted files whose decrypted pages contain ``text``; checks the decryption works on the way."""
    found = []
    for file in files:
        if not file.exists() or file.stat().st_size == 0:
            continue
        pages = decrypted_pages(file, key)
        if not file.name.endswith("-wal"):
            assert SCHEMA_WORD in pages, f"{file} did not decrypt"
        if any(p in pages for p in patterns(text)):
            found.append(file)
    return found


def save_canary_case(db: Database, walk_case, text: str) -> int:
    """A case walked to its boosterträff, with the canary in its free text, and the person's own view."""
    case = walk_case(db)
    case = door(db).cases.load_case(case.id)
    case.reason = f"Hög frånvaro. {text}"
    case.closing_note = text
    case.kartlaggning.summary = f"Sammanfattning: {text}"
    case.contacts.append(ContactEntry(dt.date(2025, 3, 1), ContactKind.MOTE, "Alva", f"Samtal om {text}", "Sara"))
    case.set_student_view(Stage.AVSLUTAD, f"Jag tycker {text}")
    return door(db).cases.save_case(case).id


def export_and_delete(db: Database, case_id: int, folder: Path) -> None:
    """A registerutdrag written where the person chose, then deleted by them."""
    folder.mkdir()
    pdf, machine = write_registerutdrag(gather_registerutdrag(db, case_id), folder, ReportContext())
    assert pdf.exists() and machine.exists()
    shutil.rmtree(folder)


def test_encrypted_database_never_holds_the_canary_in_a_readable_file(tmp_path, walk_case):
    text = canary()
    file = tmp_path / "data" / "sst-desk.sqlite3"
    admin = signin.create_first_administrator(file, "admin", "Ada Admin", PASSWORD)
    signin.add_account(admin, "lena", "Lena Lead", Role.TEAMLEDARE, PASSWORD)
    admin.close()
    db = signin.sign_in(file, "lena", PASSWORD)
    try:
        case_id = save_canary_case(db, walk_case, text)
        backups.take_backup(db, backups.AUTO)
        backups.take_backup(db, backups.MANUAL)
        export_and_delete(db, case_id, tmp_path / "utdrag")
        files = files_left_behind(file)
        assert keyfile.key_file_for(file) in files and len(backups.list_backups(file)) == 2
        assert holding(text, files) == []
        key = db.key
        stored = [file, Path(f"{file}-wal"), *[b.path for b in backups.list_backups(file)]]
        assert len(decrypted_holding(text, stored, key)) >= 3  # database or -wal, both backups: the scan can fail

        result = gallra(db, [case_id], years=1, today=TODAY)
        assert result.complete and result.cases == 1
        remaining = [b.path for b in backups.list_backups(file)]
        assert remaining == [result.backup]
        assert decrypted_holding(text, [file, Path(f"{file}-wal"), *remaining], key) == []
        assert holding(text, files_left_behind(file)) == []
    finally:
        db.close()
    assert holding(text, files_left_behind(file)) == []
    assert decrypted_holding(text, [file, *[b.path for b in backups.list_backups(file)]], key) == []


def test_plain_database_keeps_no_residue_after_gallring(tmp_path, walk_case):
    text = canary()
    file = tmp_path / "data" / "sst-desk.sqlite3"
    db = Database.open(file)
    try:
        db.actor = accounts.add_user(db, "lena", "Lena Lead", Role.TEAMLEDARE, "not-a-real-hash").actor()
        case_id = save_canary_case(db, walk_case, text)
        # A second case stays: gallring must keep it, and the file is not simply emptied.
        walk_case(db, until=Stage.PLANERING)
        backups.take_backup(db, backups.AUTO)
        backups.take_backup(db, backups.MANUAL)
        export_and_delete(db, case_id, tmp_path / "utdrag")
        stored = [file, Path(f"{file}-wal"), *[b.path for b in backups.list_backups(file)]]
        before = holding(text, stored)
        assert len(before) >= 3, before  # the database (file or -wal) and both backups: the scan can fail

        result = gallra(db, [case_id], years=1, today=TODAY)
        assert result.complete, result
        assert holding(text, files_left_behind(file)) == []
        assert len(door(db).cases.case_rows(TODAY)) == 1
    finally:
        db.close()
    assert holding(text, files_left_behind(file)) == []
