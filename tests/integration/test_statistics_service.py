"""The statistics' use cases on a real encrypted team database, each person signed in — and the same over HTTPS
through the team server (``sst-desk serve`` on PostgreSQL, when SST_DESK_TEST_PG_URL is set).

Three cases: Alva (Sara's), Dana (Sara's, protected identity: the team lead is no member), Bo (Karin's). The team
lead counts all three, Sara her two, Karin her one; the administrator is refused (logged as a refusal). Each view
and each export leaves exactly one log entry, with the period, the breakdown and the number of cases — no case or
student id. A request that cannot be answered is refused with its reason before anything is read or logged.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa

from conftest import TEAM_USERS, TEST_PASSWORD, copy_team_db, make_team_db, new_case, open_as, walk
from doors import door
import server_harness

from sst_desk.persistence import AccessDeniedError, Database, accounts
from sst_desk.persistence.mapping import access_log
from sst_desk.services.statistics import RequestProblem, StatisticsRequestError
from sst_desk.workflow.access import Role
from sst_desk.workflow.logchain import LogAction
from sst_desk.workflow.stats_model import Dimension, Statistics

START, END, TODAY = dt.date(2024, 7, 1), dt.date(2025, 6, 30), dt.date(2025, 3, 1)
PERIOD = "2024-07-01–2025-06-30"
CASES = {"tove": 3, "sara": 2, "karin": 1}


@dataclass
class Team:
    backend: str
    raw: Database
    sign_in: object  # user name -> a door acting as that person


def _make_cases(sign_in) -> None:
    for who, name, protected in (("sara", "Alva", False), ("sara", "Dana", True), ("karin", "Bo", False)):
        case = new_case(first=name)
        case.student.protected_identity = protected
        sign_in(who).cases.add_case(case)


@pytest.fixture(scope="module")
def file_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    file = tmp_path_factory.mktemp("team") / "sst.sqlite3"
    make_team_db(file)
    opened: list[Database] = []

    def sign_in(username: str):
        db = open_as(file, username)
        opened.append(db)
        return door(db)

    _make_cases(sign_in)
    for db in opened:
        db.close()
    return file


@pytest.fixture(scope="module")
def server_template(tmp_path_factory: pytest.TempPathFactory):
    if not server_harness.PG_URL:
        pytest.skip("set SST_DESK_TEST_PG_URL to a scratch PostgreSQL database")
    from sst_desk.security import passwords

    folder = tmp_path_factory.mktemp("team-server")
    certs = server_harness.certificates(folder / "tls")
    state = server_harness.make_state(folder / "state")
    with server_harness.fresh_database() as url:
        raw = Database.open(url)
        try:
            for username, name, role in TEAM_USERS:
                accounts.add_user(raw, username, name, Role(role), passwords.hash_password(TEST_PASSWORD),
                                  must_change_password=False)
            people = {u.username: u.actor() for u in accounts.list_users(raw)}
            _make_cases(lambda username: door(raw, people[username]))
        finally:
            raw.close()
        server_harness.key_the_log(url, state)
        rows = server_harness.snapshot(url)
        server = server_harness.TeamServer(url, state, certs.good, certs.ca)
        server.start()
        try:
            yield server, certs.ca, rows
        finally:
            server.stop()


def _file_team(template: Path, tmp_path: Path) -> Iterator[Team]:
    file = copy_team_db(template, tmp_path / "sst.sqlite3")
    raw = open_as(file, None)
    opened = [raw]

    def sign_in(username: str):
        db = open_as(file, username)
        opened.append(db)
        return door(db)

    try:
        yield Team("file", raw, sign_in)
    finally:
        for db in opened:
            db.close()


def _server_team(template) -> Iterator[Team]:
    from sst_desk.remote.client import RemoteServer

    server, ca, rows = template
    server_harness.restore(server.database, rows, server.state / "anchors")
    remote = RemoteServer(server.url, ca_file=ca)
    raw = Database.open(server.database)
    sessions = []

    def sign_in(username: str):
        session = remote.signin(username, TEST_PASSWORD)
        sessions.append(session)
        return session.door

    try:
        yield Team("server", raw, sign_in)
    finally:
        for session in sessions:
            session.signout()
        remote.close()
        raw.close()


@pytest.fixture(params=["file", pytest.param("server", marks=pytest.mark.postgres)])
def team(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Team]:
    if request.param == "file":
        yield from _file_team(request.getfixturevalue("file_template"), tmp_path)
    else:
        yield from _server_team(request.getfixturevalue("server_template"))


@pytest.fixture
def file_team(file_template: Path, tmp_path: Path) -> Iterator[Team]:
    yield from _file_team(file_template, tmp_path)


def log(raw: Database) -> list[sa.Row]:
    with raw.uow() as uow:
        return list(uow.session.execute(sa.select(access_log).order_by(access_log.c.seq)))


def new_entries(raw: Database, before: int) -> list[sa.Row]:
    return [row for row in log(raw) if row.seq > before]


def last_seq(raw: Database) -> int:
    rows = log(raw)
    return rows[-1].seq if rows else 0


@pytest.mark.parametrize("username", ["tove", "sara", "karin"])
def test_each_counts_their_scope_and_leaves_one_entry_without_ids(team: Team, username: str):
    person = team.sign_in(username)
    before = last_seq(team.raw)
    stats = person.statistics.team_statistics(START, END, Dimension.SCHOOL, today=TODAY)
    assert isinstance(stats, Statistics)
    assert stats.request.breakdown is Dimension.SCHOOL and stats.request.min_cell == 5
    assert stats.case_count == CASES[username]
    entries = new_entries(team.raw, before)
    assert [(e.action, e.username, e.case_id, e.student_id) for e in entries] == [
        (LogAction.STATISTICS.value, username, None, None)]
    assert entries[0].detail == f"{PERIOD};by=school;cases={CASES[username]}"


def test_the_administrator_is_refused_and_the_refusal_logged(team: Team):
    admin = team.sign_in("admin")
    before = last_seq(team.raw)
    with pytest.raises(AccessDeniedError):
        admin.statistics.team_statistics(START, END, today=TODAY)
    with pytest.raises(AccessDeniedError):
        admin.statistics.record_statistics_export(START, END, None, "csv")
    assert [(e.action, e.detail) for e in new_entries(team.raw, before)] == [
        (LogAction.DENIED.value, "statistics:view"), (LogAction.DENIED.value, "statistics:export")]


def test_an_export_is_logged_with_its_format(team: Team):
    lead = team.sign_in("tove")
    before = last_seq(team.raw)
    lead.statistics.record_statistics_export(START, END, "gender", "xlsx")
    lead.statistics.record_statistics_export(START, END, None, "pdf")
    assert [(e.action, e.detail, e.case_id, e.student_id) for e in new_entries(team.raw, before)] == [
        (LogAction.EXPORT.value, f"statistik xlsx;{PERIOD};by=gender", None, None),
        (LogAction.EXPORT.value, f"statistik pdf;{PERIOD};by=none", None, None)]


@pytest.mark.parametrize(("start", "end", "breakdown", "problem"), [
    (END, START, None, RequestProblem.END_BEFORE_START),
    (dt.date(2019, 7, 1), dt.date(2025, 6, 30), None, RequestProblem.TOO_LONG),
    (START, END, "klass", RequestProblem.UNKNOWN_BREAKDOWN),
])
def test_a_request_that_cannot_be_answered_is_refused_with_its_reason(team: Team, start, end, breakdown, problem):
    lead = team.sign_in("tove")
    before = last_seq(team.raw)
    with pytest.raises(StatisticsRequestError) as refused:
        lead.statistics.team_statistics(start, end, breakdown, today=TODAY)
    assert refused.value.problem is problem
    with pytest.raises(StatisticsRequestError):
        lead.statistics.record_statistics_export(start, end, breakdown, "csv")
    assert new_entries(team.raw, before) == []


def test_an_unknown_export_format_is_refused(file_team: Team):
    with pytest.raises(StatisticsRequestError) as refused:
        file_team.sign_in("tove").statistics.record_statistics_export(START, END, None, "docx")
    assert refused.value.problem is RequestProblem.UNKNOWN_FORMAT


def test_five_years_are_allowed_and_a_breakdown_may_be_given_as_text(file_team: Team):
    lead = file_team.sign_in("tove")
    stats = lead.statistics.team_statistics(dt.date(2020, 7, 1), dt.date(2025, 6, 30), "worker", today=TODAY)
    assert stats.request.breakdown is Dimension.WORKER


def test_the_threshold_is_the_team_setting(team: Team):
    team.sign_in("admin").settings.change_team_settings({"stats_min_cell": 7})
    stats = team.sign_in("tove").statistics.team_statistics(START, END, today=TODAY)
    assert stats.request.min_cell == 7


def test_names_of_the_workers_and_the_insatser_are_given(file_team: Team, monkeypatch):
    """The facts handed to compute are the scope's; the names are the accounts' and the catalogue's."""
    import sst_desk.workflow.statistics as statistics_module

    seen = []
    real = statistics_module.compute

    def spy(facts, request):
        facts = list(facts)
        seen.append(facts)
        return real(facts, request)

    monkeypatch.setattr(statistics_module, "compute", spy)
    stats = file_team.sign_in("tove").statistics.team_statistics(START, END, Dimension.WORKER, today=TODAY)
    facts = seen[0]
    assert len(facts) == 3
    users = {u.id: u.display_name for u in accounts.list_users(file_team.raw)}
    workers = {w for f in facts for w in f.workers}
    assert stats.worker_names == {str(w): users[w] for w in workers}
    assert set(stats.worker_names.values()) == {"Sara Lind", "Karin Berg"}
    karin = file_team.sign_in("karin")
    seen.clear()
    karin.statistics.team_statistics(START, END, today=TODAY)
    assert [f.workers for f in seen[0]] == [(next(i for i, n in users.items() if n == "Karin Berg"),)]


def test_insatser_are_named_from_the_catalogue(file_team: Team, tmp_path: Path):
    """Walked to genomförande, a case has the catalogue's "motiverande_samtal": its name comes with the figures."""
    from sst_desk.services.statistics import insats_names
    from sst_desk.workflow.codes import Stage

    walk(file_team.raw, until=Stage.GENOMFORANDE)
    stats = file_team.sign_in("tove").statistics.team_statistics(START, END, today=TODAY)
    assert stats.insats_names == {"motiverande_samtal": "Motiverande och stödjande samtal"}
    assert insats_names({"gone_from_the_catalogue"}) == {"gone_from_the_catalogue": "gone_from_the_catalogue"}
