"""Two copies of one case: the second save must not silently undo the first (optimistic locking)."""

from __future__ import annotations

import datetime as dt

import pytest

from sst_desk.persistence import ConcurrentEditError, Database
from sst_desk.workflow.codes import ContactKind
from sst_desk.workflow.entities import ContactEntry
from doors import door


def test_a_save_from_an_older_copy_is_refused_and_changes_nothing(db: Database, make_case) -> None:
    case_id = door(db).cases.add_case(make_case()).id
    first, second = door(db).cases.load_case(case_id), door(db).cases.load_case(case_id)
    first.contacts.append(ContactEntry(dt.date(2026, 11, 20), ContactKind.MOTE, "Elev, kurator", "Samtal"))
    saved = door(db).cases.save_case(first)
    assert saved.revision == first.revision + 1

    second.reason = "Skrivet i ett annat fönster"
    with pytest.raises(ConcurrentEditError) as info:
        door(db).cases.save_case(second)
    assert str(case_id) in str(info.value) and "\n" not in str(info.value)
    stored = door(db).cases.load_case(case_id)
    assert len(stored.contacts) == len(saved.contacts)  # the first save's contact is still there
    assert stored.reason == saved.reason and stored.revision == saved.revision


def test_a_failed_save_can_be_retried(db: Database, make_case, monkeypatch) -> None:
    """The detached copy keeps its revision when the transaction fails, so the retry is not a false conflict."""
    case = door(db).cases.load_case(door(db).cases.add_case(make_case()).id)
    case.reason = "Första försöket"
    from sst_desk.persistence import repository

    real_merge = repository.CaseRepository.merge
    calls = []

    def failing_once(self, graph):
        calls.append(1)
        merged = real_merge(self, graph)
        if len(calls) == 1:
            raise OSError("disk I/O error")
        return merged

    monkeypatch.setattr(repository.CaseRepository, "merge", failing_once)
    with pytest.raises(OSError):
        door(db).cases.save_case(case)
    assert door(db).cases.save_case(case).reason == "Första försöket"
