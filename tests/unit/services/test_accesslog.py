"""The access log's review through the door, against the fake unit of work: who may read it, that every
reading is itself logged, the chain's verification, sample checks and one student's history."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest

from fake_admin import T0, FakeAdminStore
from sst_desk.persistence.errors import AccessDeniedError
from sst_desk.services import Door
from sst_desk.workflow.access import Action, Role
from sst_desk.workflow.logchain import LogAction, ProblemCode, SampleOutcome

DAY = T0.date()


@pytest.fixture
def store() -> FakeAdminStore:
    """Sara works on Alva's case, Kim on Bo's (Bo has protected identity); Tove is the team lead."""
    store = FakeAdminStore()
    store.add_user("tove", Role.TEAMLEDARE, display_name="Tove Ledare")
    sara = store.add_user("sara", Role.SKOLSOCIONOM, display_name="Sara Socionom")
    kim = store.add_user("kim", Role.KURATOR, display_name="Kim Kurator")
    store.add_case(1, 10, "Alva Testsson", members=[sara.user_id])
    store.add_case(2, 20, "Bo Testsson", members=[kim.user_id], protected=True)
    store.append(sara, LogAction.VIEW, case_id=1, student_id=10)
    store.append(sara, LogAction.PRINT, case_id=1, student_id=10, detail="handlingsplan")
    store.append(kim, LogAction.VIEW, case_id=2, student_id=20)
    return store


def as_(store: FakeAdminStore, username: str) -> Door:
    actor = next(u for u in store.data.users.values() if u.username == username).actor()
    return Door(store.uow, actor)


def test_the_lead_reads_the_newest_first_and_the_reading_is_logged(store):
    rows = as_(store, "tove").accesslog.query_log()
    assert [(r.username, r.action) for r in rows] == [("kim", "view"), ("sara", "print"), ("sara", "view")]
    assert store.actions()[-1] == ("tove", LogAction.READ_LOG, "query;rows=3")


def test_filters_narrow_and_are_named_in_the_logged_reading(store):
    rows = as_(store, "tove").accesslog.query_log(username="sara", action="print", since=DAY, until=DAY)
    assert [r.detail for r in rows] == ["handlingsplan"]
    assert store.actions()[-1][2] == f"query;user=sara;action=print;from={DAY};to={DAY};rows=1"
    assert as_(store, "tove").accesslog.query_log(since=DAY + dt.timedelta(days=1)) == []
    assert len(as_(store, "tove").accesslog.query_log(limit=2)) == 2


def test_a_protected_student_is_not_named_to_a_lead_who_is_not_responsible(store):
    rows = as_(store, "tove").accesslog.query_log(username="kim")
    assert rows[0].student_hidden and rows[0].student_name == ""
    assert as_(store, "tove").accesslog.log_students() == [(10, "Alva Testsson")]


def test_workers_may_not_read_the_whole_log_and_the_refusal_is_logged(store):
    for reading in ("query_log", "verify_log", "log_students", "list_sample_checks"):
        with pytest.raises(AccessDeniedError):
            getattr(as_(store, "sara").accesslog, reading)()
        assert store.actions()[-1] == ("sara", LogAction.DENIED, "access_log:read_log")


def test_an_intact_chain_verifies_and_a_changed_entry_is_found(store):
    result = as_(store, "tove").accesslog.verify_log()
    assert result.ok and result.entries == 3 and result.head.seq == 3
    assert store.actions()[-1] == ("tove", LogAction.READ_LOG, "verify;ok")
    store.data.log[1] = dataclasses.replace(store.data.log[1], detail="nothing")
    result = as_(store, "tove").accesslog.verify_log()
    assert not result.ok and result.problems[0].seq == 2
    assert store.actions()[-1][2].startswith("verify;problems=")


def test_a_kept_head_that_is_no_longer_in_the_chain_is_found(store):
    head = as_(store, "tove").accesslog.export_head()
    assert store.actions()[-1] == ("tove", LogAction.EXPORT_HEAD, "") and head.seq == 4
    assert as_(store, "tove").accesslog.verify_log(head).ok
    del store.data.log[3:]
    store.data.head = (store.data.log[-1].seq, store.data.log[-1].hash)
    result = as_(store, "tove").accesslog.verify_log(head)
    assert not result.ok and ProblemCode.KEPT_HEAD_MISSING in {p.code for p in result.problems}


def test_an_empty_log_has_no_head_to_keep_and_nothing_is_logged():
    store = FakeAdminStore()
    door = Door(store.uow, None)  # raw storage access: nothing is logged, the log stays empty
    with pytest.raises(ValueError):
        door.accesslog.export_head()
    assert store.data.log == []


def test_a_sample_is_drawn_from_accesses_to_students_and_its_outcome_documented(store):
    lead = as_(store, "tove").accesslog
    lead.query_log()  # reading the log is not drawn
    rows = lead.draw_sample(DAY, DAY, 2, rng=random.Random(4))
    assert len(rows) == 2 and all(r.student_id is not None for r in rows)
    assert [r.seq for r in rows] == sorted(r.seq for r in rows)
    with pytest.raises(ValueError):
        lead.record_sample_check(DAY, DAY, [r.seq for r in rows], SampleOutcome.FOLLOW_UP, "  ")
    with pytest.raises(ValueError):
        lead.record_sample_check(DAY, DAY, [999], SampleOutcome.OK)
    with pytest.raises(ValueError):
        lead.record_sample_check(DAY, DAY, [1], "maybe")
    check = lead.record_sample_check(DAY, DAY, [r.seq for r in rows], "follow_up", " Ask Sara why ")
    assert (check.outcome, check.note, check.reviewer) == (SampleOutcome.FOLLOW_UP, "Ask Sara why", "tove")
    assert store.actions()[-1] == ("tove", LogAction.SAMPLE_CHECK, f"{check.id};follow_up;entries=2")
    assert lead.list_sample_checks() == [check]
    with pytest.raises(ValueError):
        lead.draw_sample(DAY, DAY - dt.timedelta(days=1), 2)


def test_the_people_responsible_read_their_students_history_and_others_are_refused(store):
    history = as_(store, "sara").accesslog.student_access_history(10, for_print=True)
    assert history.student_name == "Alva Testsson" and [r.action for r in history.rows] == ["view", "print"]
    assert store.actions()[-1] == ("sara", LogAction.READ_LOG, "history;print;rows=2")
    with pytest.raises(AccessDeniedError):
        as_(store, "sara").accesslog.student_access_history(20)
    assert store.actions()[-1] == ("sara", LogAction.DENIED, f"case:{Action.READ_LOG.value}")
    named = as_(store, "kim").accesslog.student_access_history(20)
    assert named.student_name == "Bo Testsson"  # the member sees the protected student's own history


def test_only_names_listed_as_use_cases_can_be_called(store):
    with pytest.raises(AttributeError):
        getattr(as_(store, "tove").accesslog, "random")  # noqa: B009 - imported in the module, not a use case
