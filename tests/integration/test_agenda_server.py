""""Kommande" over the real team server (HTTPS, PostgreSQL): each person sees only their own cases' dates, and
the window starts on the server's day whatever the client sends.

Needs SST_DESK_TEST_PG_URL (scripts/test-postgres.sh); on the run's shared server other tests add cases too,
so the checks name the cases made here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest

from sst_desk.remote.client import RemoteServer, RemoteSession
from sst_desk.workflow.access import Role
from sst_desk.workflow.agenda import DueKind
from sst_desk.workflow.codes import Stage

from server_harness import postgres_marks
from shared_server import server_for_tests, unique

pytestmark = postgres_marks(timeout=180)

PASSWORD = "Kvällssol-Granskog-Bryggan-47"
OWN_PASSWORD = "Morgondimma-Ekhage-Stuga-38"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[object, Path, tuple]]:
    with server_for_tests(tmp_path_factory.mktemp("agenda-server")) as found:
        yield found


@pytest.fixture(scope="module")
def people(served) -> Iterator[dict[str, RemoteSession]]:
    server, ca, (admin_name, _full, admin_password) = served
    with RemoteServer(server.url, ca_file=ca) as remote:
        admin = remote.signin(admin_name, admin_password)
        sessions: dict[str, RemoteSession] = {}
        for key, role in (("socionom", Role.SKOLSOCIONOM), ("kurator", Role.KURATOR)):
            username = unique(f"agenda.{key}")
            admin.door.accounts.create_user(username, f"Agenda {key.title()}", role, PASSWORD)
            session = remote.signin(username, PASSWORD)
            session.change_password(PASSWORD, OWN_PASSWORD)
            sessions[key] = session
        yield sessions


def running_case(days_to_follow_up: int, insats_days: int):
    from sst_desk.demo.generate import build_cases

    case = next(c for c in build_cases(6, seed=5, today=dt.date.today()) if c.stage is Stage.GENOMFORANDE)
    case.current_plan.follow_up_on = dt.date.today() + dt.timedelta(days=days_to_follow_up)
    case.current_plan.insatser[0].end_on = dt.date.today() + dt.timedelta(days=insats_days)
    return case


def test_each_person_sees_only_their_own_cases_dates(people: dict[str, RemoteSession]) -> None:
    socionom, kurator = people["socionom"], people["kurator"]
    hers = kurator.door.cases.add_case(running_case(3, 5)).id
    his = socionom.door.cases.add_case(running_case(4, 6)).id
    kurator_items = kurator.door.agenda.due_items(None)
    socionom_items = socionom.door.agenda.due_items(None)
    assert {i.case_id for i in kurator_items} >= {hers} and his not in {i.case_id for i in kurator_items}
    assert {i.case_id for i in socionom_items} == {his}
    today = dt.date.today()
    assert [(i.kind, i.date) for i in kurator_items if i.case_id == hers] == [
        (DueKind.FOLLOW_UP, today + dt.timedelta(days=3)), (DueKind.INSATS_ENDS, today + dt.timedelta(days=5))]


def test_the_window_starts_on_the_servers_day(people: dict[str, RemoteSession]) -> None:
    kurator = people["kurator"]
    kurator.door.cases.add_case(running_case(1, 9))
    on_server = kurator.door.agenda.due_items(None)
    assert on_server
    assert kurator.door.agenda.due_items(dt.date(2001, 1, 1)) == on_server  # a client's day is not taken


def test_bad_days_come_back_as_the_services_refusal(people: dict[str, RemoteSession]) -> None:
    with pytest.raises(ValueError):
        people["kurator"].door.agenda.due_items(None, 400)


def test_sst_desk_due_over_the_server(people: dict[str, RemoteSession], served) -> None:
    from server_harness import sst_desk

    server, ca, _admin = served
    kurator = people["kurator"]
    kurator.door.cases.add_case(running_case(2, 8))
    items = kurator.door.agenda.due_items(None)
    done = sst_desk("--lang", "sv", "due", "--server", server.url, "--ca-file", str(ca),
                    "--user", kurator.actor.username, env={"SST_DESK_PASSWORD": OWN_PASSWORD})
    assert done.returncode == 0, done.stderr
    body = [line for line in done.stdout.splitlines() if line[:4].isdigit() and line[4] == "-"]
    assert [line[:10] for line in body] == [i.date.isoformat() for i in items]
    assert all(f"{i.case_id}  {i.label}" in line for i, line in zip(items, body))
    assert done.stdout.splitlines()[-1] == f"{len(items)} datum."
