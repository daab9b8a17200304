"""The offline copy's use cases against a fake unit of work: only the person's own cases, what to drop, each
copy and each offline view logged, and a view no longer allowed refused."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest

from sst_desk.services import Door
from sst_desk.services.offline import offline_view_detail, offline_view_time
from sst_desk.workflow.access import Actor, Role
from sst_desk.workflow.rules_case import Member

from fake_uow import FakeStore

sys.path.insert(0, str(Path(__file__).parents[1]))
from builders import TODAY, make_case  # noqa: E402

SARA = Actor(1, "sara", "Sara Socionom", Role.SKOLSOCIONOM)
KARIN = Actor(2, "karin", "Karin Kurator", Role.KURATOR)
TOVE = Actor(3, "tove", "Tove Teamledare", Role.TEAMLEDARE)
ADAM = Actor(4, "adam", "Adam Admin", Role.ADMINISTRATOR)
AT = dt.datetime(2031, 5, 17, 9, 30, 12, 345, tzinfo=dt.UTC)


@pytest.fixture
def store() -> FakeStore:
    store = FakeStore()
    for who in (SARA, KARIN, TOVE, ADAM):
        store.users[who.user_id] = Member(who.user_id, who.username, who.display_name, who.role, True)
    return store


def add(store: FakeStore, who: Actor, *, protected: bool = False) -> int:
    case = make_case()
    case.student.protected_identity = protected
    return Door(store.uow, who).cases.add_case(case).id


def test_only_the_persons_own_cases_are_copied_and_each_copy_is_logged(store):
    mine = add(store, SARA)
    karins = add(store, KARIN)
    copy = Door(store.uow, SARA).offline.offline_copy({}, today=TODAY)
    assert [c.case.id for c in copy.files] == [mine] and [r.case_id for r in copy.rows] == [mine]
    assert copy.drop == () and set(copy.room_states) == {mine}  # the room's history, made once
    again = Door(store.uow, SARA).offline.offline_copy({}, today=TODAY)
    assert again.room_states == copy.room_states
    assert store.actions()[-1] == ("offline_copy", str(copy.files[0].case.revision))
    assert karins not in {c.case.id for c in copy.files}


def test_a_team_lead_gets_her_own_cases_not_the_whole_teams(store):
    add(store, SARA)
    own = add(store, TOVE)
    copy = Door(store.uow, TOVE).offline.offline_copy({}, today=TODAY)
    assert [c.case.id for c in copy.files] == [own]


def test_a_protected_students_case_reaches_only_the_responsible_persons_copy(store):
    protected = add(store, SARA, protected=True)  # Sara responsible; Tove, the team lead, is not
    assert [c.case.id for c in Door(store.uow, SARA).offline.offline_copy({}, today=TODAY).files] == [protected]
    assert Door(store.uow, TOVE).offline.offline_copy({}, today=TODAY).files == ()


def test_an_unchanged_case_is_not_sent_again_a_changed_one_is_and_a_lost_one_is_dropped(store):
    one, two = add(store, SARA), add(store, SARA)
    first = Door(store.uow, SARA).offline.offline_copy({}, today=TODAY)
    known = {c.case.id: c.case.revision for c in first.files}
    logged = len(store.log)
    again = Door(store.uow, SARA).offline.offline_copy(known, today=TODAY)
    assert again.files == () and {r.case_id for r in again.rows} == {one, two}
    assert len(store.log) == logged  # nothing copied, nothing logged
    case = Door(store.uow, SARA).cases.load_case(one)
    case.reason = "Ändrad anledning"
    Door(store.uow, SARA).cases.save_case(case, today=TODAY)
    Door(store.uow, TOVE).cases.set_case_members(two, [KARIN.user_id])
    later = Door(store.uow, SARA).offline.offline_copy(known, today=TODAY)
    assert [c.case.id for c in later.files] == [one] and later.drop == (two,)
    assert [r.case_id for r in later.rows] == [one]
    gone = Door(store.uow, SARA).offline.offline_copy({**known, 99: 1}, today=TODAY)
    assert 99 in gone.drop


def test_an_administrator_gets_nothing(store):
    add(store, SARA)
    copy = Door(store.uow, ADAM).offline.offline_copy({5: 1}, today=TODAY)
    assert copy.files == () and copy.rows == () and copy.drop == (5,)


def test_offline_views_are_logged_with_their_time_and_a_view_no_longer_allowed_is_refused(store):
    mine, lost = add(store, SARA), add(store, SARA)
    Door(store.uow, TOVE).cases.set_case_members(lost, [KARIN.user_id])
    before = len(store.log)
    logged = Door(store.uow, SARA).offline.record_offline_views([(mine, AT), (lost, AT), (99, AT)])
    assert logged == 1
    new = store.actions()[before:]
    assert new == [("view", "offline=2031-05-17T09:30:12+00:00"), ("denied", "case:view")]
    assert offline_view_time(new[0][1]) == AT.replace(microsecond=0)
    assert offline_view_time("") is None and offline_view_time("offline=x") is None


def test_an_offline_time_without_a_zone_is_the_laptops_local_time():
    naive = dt.datetime(2031, 5, 17, 9, 30)
    assert offline_view_time(offline_view_detail(naive)) == naive.astimezone().astimezone(dt.UTC)


def test_a_view_without_a_time_is_refused(store):
    mine = add(store, SARA)
    with pytest.raises(ValueError):
        Door(store.uow, SARA).offline.record_offline_views([(mine, "yesterday")])


def test_wrong_passwords_typed_offline_reach_the_log_as_one_failed_sign_in(store):
    first, last = AT, AT + dt.timedelta(minutes=3)
    assert Door(store.uow, SARA).offline.record_offline_views([], (2, first, last)) == 0
    assert store.actions()[-1] == ("sign_in_failed", "name=sara;count=2;first=2031-05-17T09:30:12+00:00;"
                                                     "last=2031-05-17T09:33:12+00:00;offline")
    before = len(store.log)
    Door(store.uow, SARA).offline.record_offline_views([], (0, first, last))
    assert len(store.log) == before
