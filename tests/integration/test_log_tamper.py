"""Tampering with the access log in the database file itself — the way someone with the file and its key
could — is found: a changed, deleted or reordered entry, a truncated tail (with and without fixing the head
row), and a consistent rewrite of the whole chain, the last against a head kept outside the database.

The file is edited with ``cipher.connect`` (SQLCipher), never the stdlib ``sqlite3``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from sst_desk.persistence import cipher
from sst_desk.workflow.access import Action
from sst_desk.workflow.logchain import GENESIS, KeptHead, ProblemCode, canonical, chain_hash

from conftest import TEST_PASSWORD, make_team_db  # at import time: later, 'conftest' may be tests/ui's
from logpeople import Team, add_case, make_team
from doors import door


@pytest.fixture(autouse=True)
def english_command_line(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests read the command line's English sentences (it follows the system language)."""
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")


@pytest.fixture
def team(tmp_path):
    """A real day's work: cases created, opened, edited, printed; the lead then keeps the head."""
    team = make_team(tmp_path)
    alva = add_case(team, "sara", "Alva")
    db = team.db
    for _ in range(3):
        case = door(db).cases.load_case(alva.id)
        case.reason = "Hög frånvaro"
        door(db).cases.save_case(case)
    door(db).cases.record_case_action(alva.id, Action.PRINT, "handlingsplan")
    bo = add_case(team, "kim", "Bo")
    door(team.db).cases.load_case(bo.id)
    yield team
    team.db.close()


def keep_head(team: Team, folder: Path) -> KeptHead:
    """Export the head as the lead does and read it back from the 'USB stick'."""
    kept = door(team.act("lead")).accesslog.export_head()
    stick = folder / "usb" / "head.txt"
    stick.parent.mkdir()
    stick.write_text(kept.to_text(), encoding="utf-8")
    return KeptHead.from_text(stick.read_text(encoding="utf-8"))


def tamper(team: Team, *statements: tuple[str, tuple]) -> None:
    """Close the app's connections and run SQL on the file directly."""
    team.db.close()
    conn = cipher.connect(team.path, team.key)
    try:
        for sql, params in statements:
            conn.execute(sql, params)
        conn.commit()
    finally:
        conn.close()
    team.reopen()


def entries(team: Team) -> list[tuple]:
    conn = cipher.connect(team.path, team.key)
    try:
        return conn.execute("SELECT seq, at, user_id, username, action, case_id, student_id, detail, prev_hash, hash "
                            "FROM access_log ORDER BY seq").fetchall()
    finally:
        conn.close()


def last_seq(team: Team) -> int:
    return entries(team)[-1][0]


def found(team: Team, kept: KeptHead | None = None) -> set[tuple[str, int]]:
    result = door(team.act("lead")).accesslog.verify_log(kept)
    return {(p.code.value, p.seq) for p in result.problems}


def test_the_untouched_log_is_intact(team, tmp_path):
    kept = keep_head(team, tmp_path)
    team.reopen()
    assert found(team) == set() and found(team, kept) == set()


def test_a_changed_entry_is_found(team):
    tamper(team, ("UPDATE access_log SET detail = 'nothing to see' WHERE seq = 5", ()))
    assert found(team) == {("changed", 5)}


def test_a_changed_user_is_found(team):
    tamper(team, ("UPDATE access_log SET username = 'kim', user_id = 3 WHERE seq = 6", ()))
    assert found(team) == {("changed", 6)}


def test_a_deleted_entry_is_found(team):
    tamper(team, ("DELETE FROM access_log WHERE seq = 7", ()))
    assert found(team) == {("gap", 8)}


def test_swapped_entries_are_found(team):
    tamper(team,
           ("UPDATE access_log SET seq = -1 WHERE seq = 6", ()),
           ("UPDATE access_log SET seq = 6 WHERE seq = 7", ()),
           ("UPDATE access_log SET seq = 7 WHERE seq = -1", ()))
    problems = found(team)
    assert {("changed", 6), ("changed", 7), ("reordered", 6), ("reordered", 7)} <= problems


def test_a_truncated_tail_is_found_against_the_head_row(team):
    newest = last_seq(team)
    tamper(team, ("DELETE FROM access_log WHERE seq > ?", (newest - 3,)))
    assert found(team) == {(ProblemCode.TRUNCATED.value, newest)}


def test_a_truncated_tail_with_the_head_row_fixed_is_found_against_the_kept_head(team, tmp_path):
    kept = keep_head(team, tmp_path)
    cut = kept.seq - 3
    (row,) = [e for e in entries(team) if e[0] == cut]
    tamper(team, ("DELETE FROM access_log WHERE seq > ?", (cut,)),
           ("UPDATE log_head SET seq = ?, hash = ? WHERE id = 1", (cut, row[9])))
    assert found(team) == set()  # consistent in itself: only something kept outside can tell
    assert found(team, kept) == {("kept_head_missing", kept.seq)}


def test_a_rewrite_of_the_whole_chain_is_found_only_against_the_kept_head(team, tmp_path):
    kept = keep_head(team, tmp_path)
    # Hide that Sara printed Alva's plan: drop the entry, renumber, recompute every hash and the head.
    original = entries(team)
    kept_rows = [e for e in original if e[4] != "print"]
    assert len(kept_rows) == len(original) - 1
    statements: list[tuple[str, tuple]] = [("DELETE FROM access_log", ())]
    prev = GENESIS
    for seq, (_, at, user_id, username, action, case_id, student_id, detail, _, _) in enumerate(kept_rows, 1):
        stamp = dt.datetime.fromisoformat(at).replace(tzinfo=dt.UTC)
        digest = chain_hash(prev, canonical(seq, stamp, user_id, username, action, case_id, student_id, detail))
        statements.append(("INSERT INTO access_log (seq, at, user_id, username, action, case_id, student_id, "
                           "detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                           (seq, at, user_id, username, action, case_id, student_id, detail, prev, digest)))
        prev = digest
    statements.append(("UPDATE log_head SET seq = ?, hash = ? WHERE id = 1", (len(kept_rows), prev)))
    tamper(team, *statements)
    assert found(team) == set()  # the rewrite is consistent in itself
    assert found(team, kept) == {("kept_head_different", kept.seq)}


def test_a_rewrite_that_also_forges_the_export_is_still_found(team, tmp_path):
    """Rewriting keeps the number of entries: the kept seq exists, but its hash cannot be matched."""
    kept = keep_head(team, tmp_path)
    tamper(team, ("UPDATE access_log SET detail = 'x' WHERE seq = 2", ()))
    rows = entries(team)
    statements: list[tuple[str, tuple]] = []
    prev = GENESIS
    for seq, at, user_id, username, action, case_id, student_id, detail, _, _ in rows:
        stamp = dt.datetime.fromisoformat(at).replace(tzinfo=dt.UTC)
        digest = chain_hash(prev, canonical(seq, stamp, user_id, username, action, case_id, student_id, detail))
        statements.append(("UPDATE access_log SET prev_hash = ?, hash = ? WHERE seq = ?", (prev, digest, seq)))
        prev = digest
    statements.append(("UPDATE log_head SET hash = ? WHERE id = 1", (prev,)))
    tamper(team, *statements)
    result = door(team.act("lead")).accesslog.verify_log(kept)
    assert [(p.code, p.seq) for p in result.problems] == [(ProblemCode.KEPT_HEAD_DIFFERENT, kept.seq)]
    assert door(team.act("lead")).accesslog.verify_log().ok


def test_new_entries_after_the_kept_head_are_not_a_problem(team, tmp_path):
    kept = keep_head(team, tmp_path)
    door(team.db, team.people["sara"]).cases.load_case(1)
    assert found(team, kept) == set()


def test_a_deleted_head_row_is_tampering_and_sign_in_still_works(tmp_path, capsys, monkeypatch):
    """What broke (issue 10): deleting the ``log_head`` row made every sign-in fail with "unexpected error
    (IntegrityError)" (entry 1 existed already). Now sign-in works, the chain goes on after the newest entry
    with an entry saying the head was missing, and verification — in the window's words and on the command
    line — reports tampering."""

    from sst_desk.__main__ import main
    from sst_desk.security import signin

    file = tmp_path / "team.sqlite3"
    key = make_team_db(file)
    signin.sign_in(file, "sara", TEST_PASSWORD).close()
    conn = cipher.connect(file, key)
    try:
        newest = conn.execute("SELECT max(seq) FROM access_log").fetchone()[0]
        conn.execute("DELETE FROM log_head")
        conn.commit()
    finally:
        conn.close()

    db = signin.sign_in(file, "sara", TEST_PASSWORD)  # raised IntegrityError before
    db.close()
    db = signin.sign_in(file, "tove", TEST_PASSWORD)
    try:
        result = door(db).accesslog.verify_log()
    finally:
        db.close()
    assert [(p.code, p.seq) for p in result.problems] == [(ProblemCode.HEAD_DELETED, newest + 1)]
    conn = cipher.connect(file, key)
    try:
        rows = conn.execute("SELECT seq, action, username FROM access_log WHERE seq > ? ORDER BY seq",
                            (newest,)).fetchall()
    finally:
        conn.close()
    assert rows[:2] == [(newest + 1, "log_head_missing", "sara"), (newest + 2, "sign_in", "sara")]

    monkeypatch.setenv("SST_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SST_DESK_USER", "tove")
    monkeypatch.setenv("SST_DESK_PASSWORD", TEST_PASSWORD)
    assert main(["log", "verify", "--db", str(file)]) == 1
    out = capsys.readouterr().out
    assert "The access log has been tampered with: its record of the newest entry (log_head) was deleted." in out
    assert "unexpected error" not in out


def test_a_head_row_deleted_just_now_is_reported_before_anything_is_logged():
    """Verification with no head row but entries: the head was deleted (not "entries after entry 0")."""
    from sst_desk.workflow.logchain import LogEntry, verify

    at = dt.datetime(2026, 11, 22, 9, 0, tzinfo=dt.UTC)
    digest = chain_hash(GENESIS, canonical(1, at, 1, "sara", "sign_in", None, None, ""))
    entry = LogEntry(1, at, 1, "sara", "sign_in", None, None, "", GENESIS, digest)
    assert [(p.code, p.seq) for p in verify([entry], KeptHead(0, GENESIS, at))] == [(ProblemCode.HEAD_DELETED, 1)]
