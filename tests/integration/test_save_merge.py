"""Saves merged instead of refused (issue 13), on SQLite, on PostgreSQL and through the team server.

Two and three people ("doors", each its own connection to the same database — or, through the server, each
signed in over HTTPS on ``sst-desk serve``) open one case and edit it:
different fields are all kept; the same field changed differently raises ``SaveConflict`` with both
values and writes nothing; saving again with a choice per conflict writes the chosen values. The
PostgreSQL half needs SST_DESK_TEST_PG_URL (a scratch database: its tables are dropped).
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Iterator

import pytest

from sst_desk.persistence import ConcurrentEditError, Database, SaveConflict
from sst_desk.services import Door
from sst_desk.workflow.codes import ContactKind, Stage
from sst_desk.workflow.entities import ContactEntry, Goal
from sst_desk.workflow.merge import Side, clone

from logteam import wipe_pg

PG_URL = os.environ.get("SST_DESK_TEST_PG_URL", "")
if not PG_URL and os.environ.get("SST_DESK_REQUIRE_PG"):
    raise RuntimeError("SST_DESK_REQUIRE_PG is set but SST_DESK_TEST_PG_URL is empty")

TODAY = dt.date(2025, 3, 3)


SERVER_LEADS = ("lead.anna", "lead.bo", "lead.cecilia")  # team leads: each may edit every case of the team
SERVER_PASSWORD = "Lavendel-Tornsvala-Strand-26"


@pytest.fixture(scope="module")
def merge_server(tmp_path_factory: pytest.TempPathFactory):
    """``sst-desk serve`` on its own PostgreSQL database with three team leads, for the module; each test puts
    the database back to that state (server_harness.restore)."""
    import server_harness
    from sst_desk.persistence import accounts
    from sst_desk.security import passwords
    from sst_desk.workflow.access import Role

    folder = tmp_path_factory.mktemp("merge-server")
    certs = server_harness.certificates(folder / "tls")
    state = server_harness.make_state(folder / "state")
    with server_harness.fresh_database() as url:
        with Database.open(url) as db:
            for username in SERVER_LEADS:
                accounts.add_user(db, username, username.split(".")[1].title(), Role.TEAMLEDARE,
                                  passwords.hash_password(SERVER_PASSWORD), must_change_password=False)
        server_harness.key_the_log(url, state)  # as serve --init leaves it
        rows = server_harness.snapshot(url)
        server = server_harness.TeamServer(url, state, certs.good, certs.ca)
        server.start()
        try:
            yield server, rows
        finally:
            server.stop()


BACKENDS = ["sqlite",
            pytest.param("postgres", marks=[pytest.mark.postgres, pytest.mark.skipif(
                not PG_URL, reason="set SST_DESK_TEST_PG_URL to a scratch database")]),
            pytest.param("server", marks=[pytest.mark.postgres, pytest.mark.skipif(
                not PG_URL, reason="set SST_DESK_TEST_PG_URL to a scratch database")])]


@pytest.fixture(params=BACKENDS)
def where(request, tmp_path) -> Iterator[str | os.PathLike]:
    if request.param == "server":
        import server_harness

        server, rows = request.getfixturevalue("merge_server")
        server_harness.restore(server.database, rows, server.state / "anchors")
        yield server.database  # the database the server serves: the tests' own raw reads and walks
        return
    if request.param == "postgres":
        wipe_pg()
        location = PG_URL
    else:
        location = tmp_path / "data" / "sst-desk.sqlite3"
    Database.open(location).close()  # made (and migrated) once
    yield location


@pytest.fixture
def people(request, where) -> Iterator[list]:
    """Three people, each with their own connection to the one database (or signed in on the server)."""
    if request.node.callspec.params.get("where") == "server":
        from sst_desk.remote.client import RemoteServer

        server, _rows = request.getfixturevalue("merge_server")
        remotes = [RemoteServer(server.url, ca_file=server.ca) for _ in SERVER_LEADS]
        sessions = [remote.signin(name, SERVER_PASSWORD) for remote, name in zip(remotes, SERVER_LEADS)]
        yield [session.door for session in sessions]
        for session, remote in zip(sessions, remotes):
            session.signout()
            remote.close()
        return
    opened = [Database.open(where) for _ in range(3)]
    yield [Door(db.uow, None) for db in opened]
    for db in opened:
        db.close()


class Window:
    """What the case window keeps: the case as loaded (``base``) and the copy being edited."""

    def __init__(self, door: Door, case_id: int) -> None:
        self.door = door
        self.base = door.cases.load_case(case_id)
        self.case = clone(self.base)

    def save(self, resolutions=None):
        saved = self.door.cases.save_case(self.case, base=self.base, resolutions=resolutions, today=TODAY)
        self.base, self.case = saved, clone(saved)
        return saved


@pytest.fixture
def case_id(where, walk_case) -> int:
    with Database.open(where) as db:
        return walk_case(db, until=Stage.GENOMFORANDE).id


def test_two_people_different_fields_are_both_kept(people, case_id) -> None:
    anna, bo = Window(people[0], case_id), Window(people[1], case_id)
    anna.case.reason = "Anna skrev om anledningen."
    anna.case.current_plan.goals[0].target = "90 %"
    bo.case.school_contact = "Mentor Bo"
    bo.case.contacts.append(ContactEntry(dt.date(2025, 2, 20), ContactKind.TELEFON, "VH", "Bo ringde hem."))
    first = anna.save()
    second = bo.save()
    assert second.revision == first.revision + 1
    stored = people[2].cases.load_case(case_id)
    assert stored.reason == "Anna skrev om anledningen."
    assert stored.current_plan.goals[0].target == "90 %"
    assert stored.school_contact == "Mentor Bo"
    assert [c.summary for c in stored.contacts][-1] == "Bo ringde hem."


def test_three_people_different_fields_and_rows_are_all_kept(people, case_id) -> None:
    windows = [Window(door, case_id) for door in people]
    windows[0].case.socionom = "Socionom Sigrid"
    windows[0].case.current_plan.goals.append(Goal(description="Äter lunch i matsalen"))
    windows[1].case.student.guardians[0].phone = "070-000 00 09"
    windows[1].case.current_plan.insatser[0].responsible_person = "Kurator Kim"
    windows[2].case.kartlaggning.summary = "Sammanfattning skriven av den tredje."
    windows[2].case.set_student_view(Stage.GENOMFORANDE, "Det känns lite bättre.")
    for window in (windows[2], windows[0], windows[1]):
        window.save()
    stored = people[0].cases.load_case(case_id)
    assert stored.socionom == "Socionom Sigrid"
    assert [g.description for g in stored.current_plan.goals][-1] == "Äter lunch i matsalen"
    assert stored.student.guardians[0].phone == "070-000 00 09"
    assert stored.current_plan.insatser[0].responsible_person == "Kurator Kim"
    assert stored.kartlaggning.summary == "Sammanfattning skriven av den tredje."
    assert stored.student_view(Stage.GENOMFORANDE) == "Det känns lite bättre."
    assert stored.revision == windows[1].base.revision


def test_the_same_field_shows_both_values_and_writes_nothing_until_chosen(people, case_id) -> None:
    anna, bo = Window(people[0], case_id), Window(people[1], case_id)
    goal = anna.case.current_plan.goals[0]
    anna.case.reason = "Annas anledning"
    goal.description = "Annas mål"
    bo.case.reason = "Bos anledning"
    bo.case.current_plan.goals[0].description = "Bos mål"
    bo.case.socionom = "Socionom Bo"  # not in conflict: merged once Bo chooses
    anna.save()
    with pytest.raises(SaveConflict) as info:
        bo.save()
    conflicts = {c.path: c for c in info.value.conflicts}
    plan_id = anna.base.current_plan.id
    goal_path = f"plans[id={plan_id}].goals[id={goal.id}].description"
    assert set(conflicts) == {"reason", goal_path}
    assert (conflicts["reason"].mine, conflicts["reason"].theirs) == ("Bos anledning", "Annas anledning")
    assert (conflicts[goal_path].mine, conflicts[goal_path].theirs) == ("Bos mål", "Annas mål")
    assert conflicts[goal_path].kind == "Goal" and conflicts[goal_path].number == 1
    assert info.value.current.reason == "Annas anledning"
    assert isinstance(info.value, ConcurrentEditError) and str(case_id) in str(info.value)
    stored = people[2].cases.load_case(case_id)
    assert (stored.reason, stored.socionom) == ("Annas anledning", anna.base.socionom)  # nothing of Bo's yet

    saved = bo.save({"reason": Side.MINE, goal_path: Side.THEIRS})
    assert (saved.reason, saved.current_plan.goals[0].description, saved.socionom) == (
        "Bos anledning", "Annas mål", "Socionom Bo")
    assert people[2].cases.load_case(case_id).reason == "Bos anledning"


def test_without_a_base_the_older_copy_is_still_refused(people, case_id) -> None:
    older = people[1].cases.load_case(case_id)
    anna = Window(people[0], case_id)
    anna.case.reason = "Ny"
    anna.save()
    older.school_contact = "Någon"
    with pytest.raises(ConcurrentEditError) as info:
        people[1].cases.save_case(older, today=TODAY)
    assert not isinstance(info.value, SaveConflict)


def test_the_rules_are_checked_on_the_merged_case(people, case_id) -> None:
    from sst_desk.workflow.problems import ProcessError

    anna, bo = Window(people[0], case_id), Window(people[1], case_id)
    anna.case.student.first_name = "Alva-Li"
    anna.save()
    bo.case.student.last_name = ""  # the window would mark it; the door refuses it on the merged case too
    with pytest.raises(ProcessError):
        bo.save()
    assert people[2].cases.load_case(case_id).student.first_name == "Alva-Li"


def test_saves_at_the_same_moment_are_merged_not_lost(people, case_id) -> None:
    """Three threads save at once (each its own connection): each retries against the newer save and merges."""
    windows = [Window(door, case_id) for door in people]
    windows[0].case.reason = "Första tråden"
    windows[1].case.socionom = "Andra tråden"
    windows[2].case.school_contact = "Tredje tråden"
    start = threading.Barrier(3)
    failures: list[BaseException] = []

    def save(window: Window) -> None:
        start.wait()
        try:
            window.save()
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    threads = [threading.Thread(target=save, args=(w,)) for w in windows]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not failures
    stored = people[0].cases.load_case(case_id)
    assert (stored.reason, stored.socionom, stored.school_contact) == (
        "Första tråden", "Andra tråden", "Tredje tråden")


def test_two_different_steps_are_a_conflict_on_the_stage_and_theirs_can_be_kept(where, people, walk_case) -> None:
    """Anna starts genomförande while Bo refers the case on (which would close it): one stage must win."""
    from sst_desk.workflow import process
    from sst_desk.workflow.codes import Authority
    from sst_desk.workflow.codes import ReferralKind
    from sst_desk.workflow.entities import Insats, Referral
    from sst_desk.workflow.process import Move

    with Database.open(where) as db:
        planning = walk_case(db, until=Stage.PLANERING).id
    anna, bo = Window(people[0], planning), Window(people[1], planning)
    when = dt.datetime(2025, 2, 10, 10, tzinfo=dt.timezone.utc)
    plan = anna.case.current_plan
    goal = Goal("Närvaro minst 80 %", baseline="58 %", target="80 %", measure="Närvarostatistik")
    plan.goals.append(goal)
    plan.insatser.append(Insats("Motiverande samtal", responsible_authority=Authority.SOCIALTJANST,
                                responsible_person="Socionom Sara", start_on=when.date(), goal=goal))
    plan.follow_up_on = dt.date(2025, 4, 1)
    plan.guardians_view = "Vi ställer upp."
    process.apply(anna.case, Move.START_GENOMFORANDE, by="anna", at=when)
    bo.case.school_contact = "Mentor Bo"
    bo.case.referrals.append(Referral(ReferralKind.HANVISNING, when.date(), "Socialtjänstens mottagning"))
    process.apply(bo.case, Move.REFER_ON, by="bo", at=when, comment="Till socialtjänsten")
    anna.save()
    with pytest.raises(SaveConflict) as info:
        bo.save()
    assert "stage" in {c.path for c in info.value.conflicts}
    saved = bo.save({c.path: Side.THEIRS for c in info.value.conflicts})
    assert saved.stage is Stage.GENOMFORANDE and saved.school_contact == "Mentor Bo"
    assert [t.by for t in saved.transitions][-1] == "anna"
    assert saved.closed_on is None and saved.closing_reason is None
    assert [r.to_whom for r in saved.referrals] == ["Socialtjänstens mottagning"]  # his record stays


def test_a_record_of_another_case_is_refused_on_every_backend(people, where, walk_case, case_id) -> None:
    """A client puts another case's goal (by its id) into its own case and saves: the save would move that goal
    into this case. Refused with FOREIGN_RECORD on a file, PostgreSQL and the team server; both stay as they were."""
    from sst_desk.workflow.problems import ProcessError, Problem

    with Database.open(where) as db:
        other_id = walk_case(db, until=Stage.GENOMFORANDE).id
    door = people[0]
    other = door.cases.load_case(other_id)
    mine = door.cases.load_case(case_id)
    stolen = other.current_plan.goals[0]
    mine.current_plan.goals.append(Goal(description="Flyttat hit", id=stolen.id))
    with pytest.raises(ProcessError) as refused:
        door.cases.save_case(mine, today=TODAY)
    assert [f.problem for f in refused.value.findings] == [Problem.FOREIGN_RECORD]
    assert door.cases.load_case(other_id).current_plan.goals[0].description == stolen.description
    assert door.cases.load_case(case_id).revision == mine.revision


def test_a_row_removed_meanwhile_that_mine_changed_is_stored_again_when_mine_is_chosen(people, case_id) -> None:
    first = Window(people[0], case_id)
    first.case.contacts.append(ContactEntry(dt.date(2025, 2, 20), ContactKind.TELEFON, "VH", "Ringde hem."))
    first.save()
    anna, bo = Window(people[0], case_id), Window(people[1], case_id)
    gone = bo.case.contacts.pop(0)
    bo.save()
    mine = next(c for c in anna.case.contacts if c.id == gone.id)
    mine.summary = "Annas rättelse"
    with pytest.raises(SaveConflict) as conflict:
        anna.save()
    [path] = [c.path for c in conflict.value.conflicts]
    saved = anna.save({path: Side.MINE})
    assert "Annas rättelse" in [c.summary for c in saved.contacts]
