"""A team server's access log: keyed with its secret and anchored outside the database, on SQLite and on
PostgreSQL. The owner of the database (a DBA with the owner role, or whoever holds the file) tampers with it
the way they can — recomputing SHA-256 hashes, cutting the tail and fixing the head row, deleting an entry —
and ``log verify`` on the server finds each without anyone having exported a head.
"""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest
import sqlalchemy as sa

from sst_desk.persistence import AnchorFile, Database, LogKeyError
from sst_desk.persistence.engine import make_engine
from sst_desk.workflow.access import Action
from sst_desk.workflow.logchain import LogAction, ProblemCode, canonical, chain_hash, key_id
from conftest import TEST_PASSWORD, make_team_db  # at import time (tests/ui has a conftest too)
from logteam import LogTeam, Site, make_log_team, new_site

SECRET = os.urandom(32)
INIT = "sst-desk serve --init"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def site(request, tmp_path) -> Site:
    return new_site(request.param, tmp_path)


def server_kw(folder: Path, **extra) -> dict:
    """What the server passes to ``Database.open``: its secret and its anchor file (a new object each start)."""
    return {"log_key": SECRET, "anchors": AnchorFile(folder / "state" / "anchors", SECRET), **extra}


@pytest.fixture
def team(site: Site, tmp_path) -> LogTeam:
    """A keyed server's day: cases created, opened, edited, printed; then a clean shutdown and a restart."""
    (tmp_path / "state").mkdir()
    team = make_log_team(site, **server_kw(tmp_path, key_log=INIT))
    alva, bo = team.case_ids["Alva"], team.case_ids["Bo"]
    for reason in ("Hög frånvaro", "Oro för mående", "Konflikt i klassen"):
        case = team.as_("sara").cases.load_case(alva)
        case.reason = reason
        team.as_("sara").cases.save_case(case)
    team.as_("sara").cases.record_case_action(alva, Action.PRINT, "handlingsplan")
    team.as_("sara").cases.load_case(bo)
    team.reopen(**server_kw(tmp_path))  # the clean shutdown anchored the newest head
    yield team
    team.db.close()


def run_sql(site: Site, *statements: tuple[str, dict]) -> None:
    """Run SQL as the database's owner (for a file: whoever has it and its key), outside the app."""
    engine = make_engine(site.target, key=site.key)
    try:
        with engine.begin() as conn:
            for sql, params in statements:
                conn.execute(sa.text(sql), params)
    finally:
        engine.dispose()


def chain(team: LogTeam):
    with team.db.uow() as tx:
        return tx.accesslog.chain()


def found(team: LogTeam) -> set[tuple[str, int]]:
    result = team.as_("lead").accesslog.verify_log()
    return {(p.code.value, p.seq) for p in result.problems}


def newest_anchor(tmp_path: Path) -> int:
    return AnchorFile(tmp_path / "state" / "anchors", SECRET).read().newest.seq


def test_the_untouched_keyed_log_is_intact_and_anchored(team: LogTeam, tmp_path) -> None:
    entries = chain(team)
    assert (entries[0].action, entries[0].username) == (LogAction.LOG_KEYED, INIT)
    assert entries[0].detail == f"hmac-sha256;key={key_id(SECRET)}"
    result = team.as_("lead").accesslog.verify_log()
    assert result.ok and result.keyed and result.anchors >= 2
    assert result.anchor is not None and result.anchor.seq == entries[-1].seq
    anchors = tmp_path / "state" / "anchors"
    assert stat.S_IMODE(anchors.stat().st_mode) == 0o600
    assert SECRET.hex() not in anchors.read_text()
    with team.db.uow() as tx:
        assert tx.users.meta("log_chain") == "hmac-sha256" and tx.users.meta("log_key_id") == key_id(SECRET)


def test_a_rewrite_with_the_sha_chain_recomputed_fails_the_hmac(team: LogTeam, site: Site) -> None:
    """The owner hides that Sara printed Alva's plan: changes the entry, recomputes every later hash and the
    head row with SHA-256 — all they can do without the server's secret."""
    entries = chain(team)
    printed = next(e for e in entries if e.action == "print")
    statements: list[tuple[str, dict]] = []
    prev = entries[printed.seq - 2].hash
    for entry in entries[printed.seq - 1:]:
        detail = "nothing to see" if entry.seq == printed.seq else entry.detail
        action = "view" if entry.seq == printed.seq else entry.action
        digest = chain_hash(prev, canonical(entry.seq, entry.at, entry.user_id, entry.username, action,
                                            entry.case_id, entry.student_id, detail))
        statements.append(("UPDATE access_log SET action = :action, detail = :detail, prev_hash = :prev, "
                           "hash = :hash WHERE seq = :seq",
                           {"action": action, "detail": detail, "prev": prev, "hash": digest, "seq": entry.seq}))
        prev = digest
    statements.append(("UPDATE log_head SET hash = :hash WHERE id = 1", {"hash": prev}))
    run_sql(site, *statements)
    problems = found(team)
    assert ("changed", printed.seq) in problems
    assert {seq for code, seq in problems if code == "changed"} == set(range(printed.seq, entries[-1].seq + 1))
    assert ("kept_head_different", entries[-1].seq) in problems  # the newest anchor differs too


def test_a_truncated_tail_with_the_head_row_fixed_is_found_by_the_anchor(team: LogTeam, site: Site,
                                                                          tmp_path) -> None:
    entries = chain(team)
    anchored = newest_anchor(tmp_path)
    cut = anchored - 3
    run_sql(site, ("DELETE FROM access_log WHERE seq > :cut", {"cut": cut}),
            ("UPDATE log_head SET seq = :seq, hash = :hash WHERE id = 1",
             {"seq": cut, "hash": entries[cut - 1].hash}))
    problems = found(team)
    assert ("kept_head_missing", anchored) in problems  # the newest anchor; an older one above the cut may be too
    assert all(code == "kept_head_missing" and seq > cut for code, seq in problems), problems


def test_a_deleted_entry_in_the_middle_breaks_the_chain(team: LogTeam, site: Site) -> None:
    run_sql(site, ("DELETE FROM access_log WHERE seq = :seq", {"seq": 4}))
    assert found(team) == {("gap", 5)}


def test_without_the_secret_the_log_says_to_verify_on_the_server(team: LogTeam, site: Site, tmp_path) -> None:
    before = chain(team)
    team.reopen()  # the owner's URL (or a copied file) with no secret and no anchors
    result = team.as_("lead").accesslog.verify_log()
    assert result.needs_key and [(p.code, p.seq) for p in result.problems] == [(ProblemCode.KEY_NEEDED, 1)]
    with pytest.raises(LogKeyError) as refused:  # an unkeyed entry would break the server's chain
        team.as_("sara").cases.load_case(team.case_ids["Bo"])
    assert refused.value.code == "needs_key" and "team server" in str(refused.value)
    assert chain(team) == before  # nothing written: neither the view nor the verification
    team.reopen(**server_kw(tmp_path))
    assert found(team) == set()


def test_a_wrong_secret_is_refused_at_start_and_named(team: LogTeam, tmp_path) -> None:
    team.db.close()
    other = os.urandom(32)
    with pytest.raises(LogKeyError) as wrong:
        team.site.open(log_key=other, anchors=AnchorFile(tmp_path / "state" / "anchors", other))
    assert wrong.value.code == "wrong_key"
    assert key_id(SECRET) in str(wrong.value) and key_id(other) in str(wrong.value)
    team.db = team.site.open(**server_kw(tmp_path))


def test_an_edited_anchor_line_is_found(team: LogTeam, tmp_path) -> None:
    anchors = tmp_path / "state" / "anchors"
    lines = anchors.read_text().splitlines()
    seq, digest, at, mac = lines[0].split("\t")
    lines[0] = "\t".join([seq, "0" * 64, at, mac])
    anchors.write_text("\n".join(lines) + "\n")
    assert found(team) == {("anchor_invalid", 1)}


def test_an_unkeyed_log_is_switched_at_init_and_its_chain_goes_on(site: Site, tmp_path) -> None:
    """A database that has a log (a team's file moved to the server, or a server before this version)."""
    team = make_log_team(site)  # unkeyed: SHA-256, as on a laptop
    try:
        team.as_("sara").cases.load_case(team.case_ids["Alva"])
        before = chain(team)
        team.db.close()
        (tmp_path / "state").mkdir()
        with pytest.raises(LogKeyError) as unkeyed:  # a server never starts on a log it has not keyed
            team.site.open(**server_kw(tmp_path))
        assert unkeyed.value.code == "not_keyed"
        team.db = team.site.open(**server_kw(tmp_path, key_log=INIT))
        team.as_("sara").cases.load_case(team.case_ids["Bo"])
        after = chain(team)
        assert after[:len(before)] == before  # nothing rewritten
        switch = after[len(before)]
        assert (switch.action, switch.prev_hash) == (LogAction.LOG_KEYED, before[-1].hash)
        result = team.as_("lead").accesslog.verify_log()
        assert result.ok and result.keyed and result.anchor is not None
        team.reopen(**server_kw(tmp_path, key_log=INIT))  # a second --init changes nothing
        assert [e.action for e in chain(team)].count(LogAction.LOG_KEYED) == 1
    finally:
        team.db.close()


def test_the_server_clock_is_in_every_anchor(team: LogTeam, tmp_path) -> None:
    newest = AnchorFile(tmp_path / "state" / "anchors", SECRET).read().newest
    assert abs(newest.at - dt.datetime.now(dt.UTC)) < dt.timedelta(minutes=5)


# --- sst-desk log verify on the server's machine, and elsewhere -----------------------------------------


@pytest.fixture
def keyed_file(tmp_path, monkeypatch) -> Path:
    """A team's encrypted file whose log a server keyed and anchored (a DBA's copy, or the server's own disk)."""
    file = tmp_path / "team.sqlite3"
    key = make_team_db(file)
    (tmp_path / "state").mkdir()
    Database.open(file, key=key, **server_kw(tmp_path, key_log=INIT)).close()
    (tmp_path / "state" / "secret").write_bytes(SECRET)
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    monkeypatch.setenv("SST_DESK_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("SST_DESK_USER", "tove")
    monkeypatch.setenv("SST_DESK_PASSWORD", TEST_PASSWORD)
    return file


def test_log_verify_without_the_secret_says_to_verify_on_the_server(keyed_file, capsys) -> None:
    from sst_desk.__main__ import main

    assert main(["log", "verify", "--db", str(keyed_file)]) == 2
    out = capsys.readouterr().out
    assert "keyed with the team server's secret: it can only be verified on the server" in out
    assert "tampered" not in out and "changed" not in out


def test_log_verify_on_the_server_checks_the_key_and_the_anchors(keyed_file, tmp_path, capsys) -> None:
    from sst_desk.__main__ import main

    state = tmp_path / "state"
    argv = ["log", "verify", "--db", str(keyed_file), "--log-key", str(state / "secret")]
    assert main([*argv, "--anchors", str(state / "anchors")]) == 0
    out = capsys.readouterr().out
    assert "The access log is intact:" in out and "keyed with the server's secret" in out and "anchored" in out

    (state / "other").write_bytes(os.urandom(32))
    assert main(["log", "verify", "--db", str(keyed_file), "--log-key", str(state / "other")]) == 1
    captured = capsys.readouterr()
    assert "keyed with another secret (key id" in captured.out + captured.err

    (state / "short").write_bytes(b"not a key")
    assert main(["log", "verify", "--db", str(keyed_file), "--log-key", str(state / "short")]) == 1
    captured = capsys.readouterr()
    assert "is not the team server's secret file" in captured.out + captured.err
    assert main(["log", "verify", "--db", str(keyed_file), "--anchors", str(state / "anchors")]) == 1
    captured = capsys.readouterr()
    assert "--anchors needs --log-key" in captured.out + captured.err


def test_keying_a_log_whose_head_row_was_deleted_keeps_both_marks_verifiable(site: Site, tmp_path) -> None:
    """The head row deleted before --init: the LOG_HEAD_MISSING entry comes before the switch, unkeyed."""
    team = make_log_team(site)
    try:
        team.db.close()
        run_sql(site, ("DELETE FROM log_head", {}))
        (tmp_path / "state").mkdir()
        team.db = team.site.open(**server_kw(tmp_path, key_log=INIT))
        actions = [e.action for e in chain(team)]
        assert actions[-2:] == [LogAction.LOG_HEAD_MISSING, LogAction.LOG_KEYED]
        assert found(team) == {("head_deleted", len(actions) - 1)}  # the tampering, and nothing else
    finally:
        team.db.close()
