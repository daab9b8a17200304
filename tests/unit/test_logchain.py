"""The access log's hash chain read back: every kind of tampering is found, an intact chain passes.

Pure: entries are built in memory the way ``persistence.accesslog.append`` builds them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from sst_desk.workflow.logchain import (
    GENESIS,
    ChainProblem,
    KeptHead,
    KeptHeadError,
    LogEntry,
    ProblemCode,
    canonical,
    chain_hash,
    entry_hash,
    verify,
)

T0 = dt.datetime(2026, 11, 2, 8, 0, tzinfo=dt.UTC)


def make_chain(n: int, start_hash: str = GENESIS, salt: str = "") -> list[LogEntry]:
    entries: list[LogEntry] = []
    prev = start_hash
    for seq in range(1, n + 1):
        at = T0 + dt.timedelta(minutes=seq)
        user, action, case, student, detail = seq % 3 + 1, "view", seq % 4 + 1, seq % 4 + 10, salt
        digest = chain_hash(prev, canonical(seq, at, user, f"user{user}", action, case, student, detail))
        entries.append(LogEntry(seq, at, user, f"user{user}", action, case, student, detail, prev, digest))
        prev = digest
    return entries


def rechain(entries: list[LogEntry]) -> list[LogEntry]:
    """What someone with the database file can do: renumber from 1 and recompute every hash."""
    out: list[LogEntry] = []
    prev = GENESIS
    for seq, entry in enumerate(entries, start=1):
        fixed = dataclasses.replace(entry, seq=seq, prev_hash=prev, hash="")
        fixed = dataclasses.replace(fixed, hash=entry_hash(fixed))
        out.append(fixed)
        prev = fixed.hash
    return out


def head(entries: list[LogEntry]) -> tuple[int, str]:
    return (entries[-1].seq, entries[-1].hash) if entries else (0, GENESIS)


class Head:
    def __init__(self, seq: int, hash: str) -> None:  # noqa: A002 - the column's name
        self.seq, self.hash = seq, hash


def stored(entries: list[LogEntry]) -> Head:
    return Head(*head(entries))


def codes(problems: list[ChainProblem]) -> list[tuple[str, int]]:
    return [(p.code.value, p.seq) for p in problems]


def test_an_intact_chain_has_no_problems():
    chain = make_chain(20)
    kept = KeptHead(10, chain[9].hash, T0)
    assert verify(chain, stored(chain), kept) == []
    assert verify([], Head(0, GENESIS)) == []


def test_a_changed_detail_is_found_at_its_entry():
    chain = make_chain(10)
    chain[4] = dataclasses.replace(chain[4], detail="something else")
    assert codes(verify(chain, stored(chain))) == [("changed", 5)]


def test_a_changed_entry_with_its_own_hash_recomputed_breaks_the_next_link():
    chain = make_chain(10)
    changed = dataclasses.replace(chain[4], user_id=99)
    chain[4] = dataclasses.replace(changed, hash=entry_hash(changed))
    assert codes(verify(chain, stored(chain))) == [("broken_link", 6)]


def test_a_deleted_entry_is_a_gap():
    chain = make_chain(10)
    del chain[3]
    problems = verify(chain, stored(chain))
    assert codes(problems) == [("gap", 5)]
    assert "4–4" in problems[0].note


def test_deleting_the_first_entries_is_a_gap_at_the_start():
    chain = make_chain(5)[2:]
    assert codes(verify(chain, stored(chain))) == [("gap", 3)]


def test_swapped_seqs_are_found_as_changed_and_reordered():
    chain = make_chain(8)
    a, b = chain[3], chain[4]  # seqs 4 and 5
    chain[3], chain[4] = dataclasses.replace(b, seq=4), dataclasses.replace(a, seq=5)
    found = set(codes(verify(chain, stored(chain))))
    assert {("changed", 4), ("changed", 5), ("reordered", 4), ("reordered", 5), ("reordered", 6)} <= found


def test_entries_read_out_of_order_are_reported():
    chain = make_chain(5)
    chain[1], chain[2] = chain[2], chain[1]
    assert ("out_of_order", 2) in codes(verify(chain))


def test_an_inserted_entry_breaks_the_link():
    chain = make_chain(5)
    fake = dataclasses.replace(chain[2], detail="fake", prev_hash="f" * 64)
    fake = dataclasses.replace(fake, hash=entry_hash(fake))
    chain[2] = fake
    assert codes(verify(chain, stored(chain))) == [("broken_link", 3), ("broken_link", 4)]


def test_a_truncated_tail_is_found_against_the_head_row():
    chain = make_chain(10)
    row = stored(chain)
    assert codes(verify(chain[:7], row)) == [("truncated", 10)]
    assert codes(verify([], row)) == [("truncated", 10)]


def test_a_head_row_that_disagrees_or_lags_is_found():
    chain = make_chain(6)
    assert codes(verify(chain, Head(6, "a" * 64))) == [("head_mismatch", 6)]
    assert codes(verify(chain, Head(4, chain[3].hash))) == [("head_behind", 4)]
    assert codes(verify(chain, Head(0, GENESIS))) == [("head_deleted", 6)]  # entries but no head row: deleted


def test_a_consistent_truncation_is_found_only_against_a_kept_head():
    chain = make_chain(10)
    kept = KeptHead(9, chain[8].hash, T0)
    short = chain[:6]
    assert verify(short, stored(short)) == []
    assert codes(verify(short, stored(short), kept)) == [("kept_head_missing", 9)]


def test_a_rewrite_of_the_whole_chain_is_found_only_against_a_kept_head():
    chain = make_chain(12)
    kept = KeptHead(12, chain[-1].hash, T0)
    rewritten = rechain([dataclasses.replace(e, detail="x") if e.seq == 3 else e for e in chain])
    assert verify(rewritten, stored(rewritten)) == []
    assert codes(verify(rewritten, stored(rewritten), kept)) == [("kept_head_different", 12)]
    # Deleting an entry and renumbering the rest is a rewrite too.
    renumbered = rechain(chain[:4] + chain[5:])
    assert verify(renumbered, stored(renumbered)) == []
    assert codes(verify(renumbered, stored(renumbered), kept)) == [("kept_head_missing", 12)]


def test_entries_added_after_the_kept_head_are_fine():
    chain = make_chain(15)
    assert verify(chain, stored(chain), KeptHead(7, chain[6].hash, T0)) == []


def test_problems_come_ordered_by_seq():
    chain = make_chain(10)
    chain[8] = dataclasses.replace(chain[8], detail="late")
    chain[1] = dataclasses.replace(chain[1], detail="early")
    assert [p.seq for p in verify(chain)] == [2, 9]
    assert all(isinstance(p.code, ProblemCode) for p in verify(chain))


# --- the kept head on paper ------------------------------------------------------------------------


def test_a_kept_head_survives_its_text():
    kept = KeptHead(4711, "ab" * 32, dt.datetime(2026, 11, 22, 9, 30, 12, tzinfo=dt.UTC))
    text = kept.to_text()
    assert "seq: 4711" in text and "hash: " + "ab" * 32 in text
    assert KeptHead.from_text(text) == kept
    assert KeptHead.from_text("\ufeff" + text.replace("\n", "\r\n")) == kept  # saved by Notepad


def test_a_hash_typed_from_paper_in_groups_and_capitals_is_read():
    digest = "0123456789abcdef" * 4
    grouped = " ".join(digest[i:i + 8] for i in range(0, 64, 8)).upper()
    text = f"format: sst-desk-log-head/1\nseq: 3\nhash: {grouped}\nat: 2026-11-22T10:30:00+01:00\n"
    kept = KeptHead.from_text(text)
    assert kept.hash == digest
    assert kept.at == dt.datetime(2026, 11, 22, 9, 30, tzinfo=dt.UTC)


@pytest.mark.parametrize(
    ("change", "code", "message"),
    [
        (lambda t: "", "missing", "no 'format' line"),
        (lambda t: t.replace("seq: 5\n", ""), "missing", "no 'seq' line"),
        (lambda t: t.replace("seq: 5", "seq: five"), "seq", "seq must be a whole number"),
        (lambda t: t.replace("seq: 5", "seq: 0"), "seq", "seq must be a whole number"),
        (lambda t: t.replace("ab" * 32, "ab" * 31), "hash", "64 hexadecimal characters"),
        (lambda t: t.replace("ab" * 32, "zz" * 32), "hash", "64 hexadecimal characters"),
        (lambda t: t.replace("+00:00", ""), "at", "time zone"),
        (lambda t: t.replace("at: 2026-11-22T09:30:00", "at: yesterday"), "at", "at must be a date and time"),
        (lambda t: t.replace("sst-desk-log-head/1", "other/2"), "format", "unknown format"),
        (lambda t: t + "seq: 6\n", "repeated", "'seq' appears twice"),
        (lambda t: t + "colour: blue\n", "unknown_line", "line 7 is not one of"),
        (lambda t: "%PDF-1.7 binary junk", "unknown_line", "line 1 is not one of"),
    ],
)
def test_a_bad_kept_head_is_refused_with_a_clear_reason(change, code, message):
    text = KeptHead(5, "ab" * 32, dt.datetime(2026, 11, 22, 9, 30, tzinfo=dt.UTC)).to_text()
    with pytest.raises(KeptHeadError, match=message) as caught:
        KeptHead.from_text(change(text))
    assert caught.value.code == code and isinstance(caught.value, ValueError)
