"""The keyed chain (a team server's log: HMAC-SHA256 from a LOG_KEYED entry on) and the anchor file.

Pure for the chain: entries are built in memory the way ``persistence.accesslog.append_all`` builds them.
The anchor file is a real file in a temporary folder.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import hmac
import os
import stat
import time

import pytest

from sst_desk.persistence.anchors import Anchor, AnchorFile
from sst_desk.workflow.logchain import (
    GENESIS,
    LogAction,
    LogEntry,
    canonical,
    chain_hash,
    key_id,
    keyed_detail,
    keyed_detail_key_id,
    verify,
)

T0 = dt.datetime(2026, 11, 2, 8, 0, tzinfo=dt.UTC)
KEY = bytes(range(32))
OTHER = bytes(range(1, 33))


def chain(n: int, *, keyed_from: int | None, key: bytes = KEY) -> list[LogEntry]:
    """``n`` entries; from seq ``keyed_from`` on HMAC-keyed, that entry being the LOG_KEYED switch."""
    entries: list[LogEntry] = []
    prev = GENESIS
    for seq in range(1, n + 1):
        keyed = keyed_from is not None and seq >= keyed_from
        action, detail = (LogAction.LOG_KEYED.value, keyed_detail(key)) if seq == keyed_from else ("view", "")
        at = T0 + dt.timedelta(minutes=seq)
        digest = chain_hash(prev, canonical(seq, at, 1, "sara", action, 2, 3, detail), key if keyed else None)
        entries.append(LogEntry(seq, at, 1, "sara", action, 2, 3, detail, prev, digest))
        prev = digest
    return entries


def codes(problems) -> list[tuple[str, int]]:
    return [(p.code.value, p.seq) for p in problems]


def test_without_a_key_the_chain_is_todays_sha256_and_with_one_an_hmac() -> None:
    body = canonical(1, T0, 1, "sara", "view", 2, 3, "")
    assert chain_hash(GENESIS, body) == hashlib.sha256(GENESIS.encode() + b"\n" + body).hexdigest()
    assert chain_hash(GENESIS, body, KEY) == hmac.new(KEY, GENESIS.encode() + b"\n" + body, "sha256").hexdigest()
    assert chain_hash(GENESIS, body, KEY) != chain_hash(GENESIS, body, OTHER)


def test_the_key_id_names_the_key_without_revealing_it() -> None:
    assert key_id(KEY) == hmac.new(KEY, b"sst-desk log key id", "sha256").hexdigest()[:16]
    assert key_id(KEY) != key_id(OTHER) and KEY.hex()[:16] != key_id(KEY)
    assert keyed_detail_key_id(keyed_detail(KEY)) == key_id(KEY)
    assert keyed_detail_key_id("something else") is None


def test_a_log_switched_to_a_key_verifies_with_it() -> None:
    entries = chain(8, keyed_from=4)
    assert verify(entries, entries[-1], key=KEY, keyed=True) == []


def test_a_log_keyed_from_its_first_entry_verifies_with_the_key() -> None:
    entries = chain(5, keyed_from=1)
    assert verify(entries, entries[-1], key=KEY, keyed=True) == []


def test_without_the_key_a_keyed_log_needs_the_server_and_is_not_called_tampered() -> None:
    entries = chain(8, keyed_from=4)
    assert codes(verify(entries, entries[-1], keyed=True)) == [("key_needed", 4)]


def test_without_the_key_links_and_the_unkeyed_part_are_still_checked() -> None:
    entries = chain(8, keyed_from=4)
    entries[1] = dataclasses.replace(entries[1], detail="changed")
    del entries[6]
    assert codes(verify(entries, entries[-1], keyed=True)) == [("changed", 2), ("key_needed", 4), ("gap", 8)]


def test_with_another_key_the_log_says_which_key_it_wants() -> None:
    entries = chain(8, keyed_from=4)
    problems = verify(entries, entries[-1], key=OTHER, keyed=True)
    assert codes(problems) == [("key_wrong", 4)]
    assert key_id(KEY) in problems[0].note and key_id(OTHER) in problems[0].note


def test_an_owner_who_recomputes_the_chain_without_the_key_is_found() -> None:
    """The DBA changes entry 6 and recomputes every hash from there with SHA-256 (having no key)."""
    entries = chain(8, keyed_from=4)
    forged = entries[:5]
    prev = forged[-1].hash
    for entry in entries[5:]:
        detail = "nothing to see" if entry.seq == 6 else entry.detail
        digest = chain_hash(prev, canonical(entry.seq, entry.at, entry.user_id, entry.username, entry.action,
                                            entry.case_id, entry.student_id, detail))
        forged.append(dataclasses.replace(entry, detail=detail, prev_hash=prev, hash=digest))
        prev = digest
    assert codes(verify(forged, forged[-1], key=KEY, keyed=True)) == [("changed", 6), ("changed", 7),
                                                                     ("changed", 8)]


def test_a_keyed_database_whose_switch_entry_was_rewritten_away_is_found() -> None:
    entries = chain(5, keyed_from=None)
    assert codes(verify(entries, entries[-1], key=KEY, keyed=True)) == [("keyed_mark_missing", 1)]
    assert verify(entries, entries[-1], key=KEY, keyed=False) == []  # a laptop's log handed to a server


def test_every_anchor_must_still_be_in_the_chain() -> None:
    entries = chain(10, keyed_from=1)
    anchors = [Anchor(e.seq, e.hash, e.at) for e in entries[2:10:2]]  # 3, 5, 7, 9
    assert verify(entries, entries[-1], key=KEY, anchors=anchors) == []
    truncated = entries[:6]  # the DBA cut entries 7–10 and fixed the head row
    assert codes(verify(truncated, truncated[-1], key=KEY, anchors=anchors)) == [("kept_head_missing", 7),
                                                                               ("kept_head_missing", 9)]
    rewritten = chain(10, keyed_from=1, key=OTHER)  # consistent with itself, but another chain
    found = codes(verify(rewritten, rewritten[-1], key=OTHER, anchors=anchors))
    assert found == [("kept_head_different", 3), ("kept_head_different", 9)]


# --- the anchor file ---------------------------------------------------------------------------------


def anchor(seq: int) -> Anchor:
    return Anchor(seq, f"{seq:064x}", T0 + dt.timedelta(seconds=seq))


def test_anchors_are_appended_0600_and_read_back(tmp_path) -> None:
    file = AnchorFile(tmp_path / "anchors", KEY)
    assert file.read().anchors == []  # no file yet: no anchors
    assert file.write(anchor(3)) and file.write(anchor(7))
    assert stat.S_IMODE(os.stat(tmp_path / "anchors").st_mode) == 0o600
    reading = file.read()
    assert [(a.seq, a.hash) for a in reading.anchors] == [(3, anchor(3).hash), (7, anchor(7).hash)]
    assert reading.newest.seq == 7 and reading.invalid_lines == []


def test_an_anchor_never_goes_backwards(tmp_path) -> None:
    """Two processes on one file (the server and `log verify` on its machine): an older head is not written."""
    first, second = AnchorFile(tmp_path / "anchors", KEY), AnchorFile(tmp_path / "anchors", KEY)
    assert first.write(anchor(9))
    assert not second.write(anchor(8)) and not second.write(anchor(9))
    assert [a.seq for a in first.read().anchors] == [9]


def test_an_edited_or_foreign_line_fails_its_hmac(tmp_path) -> None:
    file = AnchorFile(tmp_path / "anchors", KEY)
    file.write(anchor(3))
    file.write(anchor(5))
    text = (tmp_path / "anchors").read_text()
    (tmp_path / "anchors").write_text(text.replace("\t5\t", "\t4\t").replace(f"5\t{anchor(5).hash}",
                                                                           f"6\t{anchor(5).hash}") + "junk\n")
    reading = file.read()
    assert [a.seq for a in reading.anchors] == [3] and reading.invalid_lines == [2, 3]
    assert AnchorFile(tmp_path / "anchors", OTHER).read().invalid_lines == [1, 2, 3]  # another key signed none


def test_commits_are_anchored_at_most_once_per_interval_and_the_last_at_close(tmp_path) -> None:
    file = AnchorFile(tmp_path / "anchors", KEY, interval=2.0)  # long enough for a busy machine
    for seq in range(1, 51):  # fifty commits in a few milliseconds
        file.note(anchor(seq))
    assert [a.seq for a in file.read().anchors] == [1]  # the first at once, the rest wait for the interval
    deadline = time.monotonic() + 10
    while len(file.read().anchors) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert [a.seq for a in file.read().anchors] == [1, 50]  # the timer wrote the newest
    file.note(anchor(51))
    file.close()  # a clean shutdown writes the last head at once
    assert file.read().newest.seq == 51


def test_an_anchor_that_cannot_be_written_does_not_fail_the_commit(tmp_path, caplog) -> None:
    folder = tmp_path / "gone"
    file = AnchorFile(folder / "anchors", KEY)
    file.note(anchor(1))  # the folder is missing: logged, kept for the next try
    assert "could not be anchored" in caplog.text
    folder.mkdir()
    file.close()
    assert file.read().newest.seq == 1


def test_a_short_key_is_refused() -> None:
    with pytest.raises(ValueError):
        AnchorFile("anchors", b"short")


def test_ensure_makes_the_anchor_file_private_or_says_why_not(tmp_path) -> None:
    from sst_desk.persistence.anchors import AnchorError

    target = tmp_path / "anchors"
    target.write_text("")
    target.chmod(0o644)
    AnchorFile(target, KEY).ensure()
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    with pytest.raises(AnchorError) as missing:
        AnchorFile(tmp_path / "no-such-folder" / "anchors", KEY).ensure()
    assert missing.value.code == "not_writable" and "no-such-folder" in str(missing.value)
