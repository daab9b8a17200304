"""The permission matrix as the persistence layer enforces it, on a real encrypted team database — and the same
matrix over HTTPS through the team server (issue 13): every test that takes ``team`` runs on both backends,

- ``file``: the encrypted SQLite team database, each person signed in on it in this process;
- ``server``: ``sst-desk serve`` in a subprocess on its own PostgreSQL database (put back to the same three
  cases before each test), each person signed in over the wire with their password only; the checks read
  that database.

Each of the four people (one per role, ``conftest.TEAM_USERS``) signs in and
tries every case operation on three cases:

- ``Alva``: Sara's (skolsocionom) case;
- ``Dana``: Sara's case too, but Dana has protected identity — the team lead is not a member;
- ``Bo``:   Karin's (kurator) case.

An allowed operation is written to the access log once, with the case and
student ids, by the person; a refused one raises ``AccessDeniedError``, adds
exactly one ``denied`` entry (with the ids) and changes nothing else in any
table. The expected outcomes are written out below, not computed from
``workflow.access``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import sqlalchemy as sa

from sst_desk.persistence import AccessDeniedError, ConcurrentEditError, Database, accesslog, accounts
from sst_desk.persistence.mapping import (
    access_log, case_members, cases, consent_overrides, log_head, metadata, server_sessions, users,
)
from sst_desk.workflow.access import Action, Role

from conftest import TEAM_USERS, TEST_PASSWORD, copy_team_db, make_team_db, new_case, open_as
from doors import door
import server_harness

PEOPLE = ("admin", "tove", "sara", "karin")
CASES = ("Alva", "Dana", "Bo")

# Who may do what to which case (names of the cases; everything else is refused).
EXPECTED: dict[str, dict[str, set[str]]] = {
    "view":     {"sara": {"Alva", "Dana"}, "karin": {"Bo"}, "tove": {"Alva", "Bo"}, "admin": set()},
    "edit":     {"sara": {"Alva", "Dana"}, "karin": {"Bo"}, "tove": {"Alva", "Bo"}, "admin": set()},
    "print":    {"sara": {"Alva", "Dana"}, "karin": {"Bo"}, "tove": {"Alva", "Bo"}, "admin": set()},
    "export":   {"sara": {"Alva", "Dana"}, "karin": {"Bo"}, "tove": {"Alva", "Bo"}, "admin": set()},
    "assign":   {"sara": set(), "karin": set(), "tove": {"Alva", "Bo"}, "admin": set()},
    "override": {"sara": {"Alva", "Dana"}, "karin": set(), "tove": {"Alva", "Bo"}, "admin": set()},
}
# The log entry an allowed operation writes, and the ``denied`` detail of a refusal.
LOGGED = {"view": ("view", "case:view"), "edit": ("edit", "case:edit"), "print": ("print", "case:print"),
          "export": ("export", "case:export"), "assign": ("assign", "case:assign"),
          "override": ("consent_override", "consent:override")}


NEW_PASSWORD = "Fjällbjörk-Sandstrand-Vinge-73"  # a first password an administrator could hand over


@dataclass
class Team:
    backend: str
    raw: Database  # storage access without an actor: reads for the checks, logs nothing
    ids: dict[str, int]  # user name -> user id
    case_ids: dict[str, int]
    student_ids: dict[str, int]
    sign_in: Callable[[str], object]  # user name -> a door acting as that person (local or over the wire)


def _make_cases(sign_in: Callable[[str], object]) -> None:
    for who, name, protected in (("sara", "Alva", False), ("sara", "Dana", True), ("karin", "Bo", False)):
        case = new_case(first=name)
        case.student.protected_identity = protected
        sign_in(who).cases.add_case(case)


def _ids(raw: Database) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    ids = {u.username: u.id for u in accounts.list_users(raw)}
    rows = door(raw).cases.case_rows(dt.date.today())
    case_ids = {r.student_name.split()[0]: r.case_id for r in rows}
    student_ids = {name: door(raw).cases.load_case(cid).student.id for name, cid in case_ids.items()}
    return ids, case_ids, student_ids


@pytest.fixture(scope="module")
def file_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The team with its three cases, made once; each test works on its own copy of the closed files."""
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
def server_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[server_harness.TeamServer, Path,
                                                                             dict]]:
    """The same team on PostgreSQL, made once and served by one ``sst-desk serve`` for the module; each test puts
    the database back to this state first (``server_harness.restore``), the server running on."""
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
        server_harness.key_the_log(url, state)  # as serve --init leaves it
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
        yield Team("file", raw, *_ids(raw), sign_in)
    finally:
        for db in opened:
            db.close()


def _server_team(template: tuple[server_harness.TeamServer, Path, dict]) -> Iterator[Team]:
    from sst_desk.remote.client import RemoteServer

    server, ca, rows = template
    server_harness.restore(server.database, rows, server.state / "anchors")
    remote = RemoteServer(server.url, ca_file=ca)
    raw = Database.open(server.database)
    sessions = []

    def sign_in(username: str):
        session = remote.signin(username, TEST_PASSWORD)  # the password only, over HTTPS
        sessions.append(session)
        return session.door

    try:
        yield Team("server", raw, *_ids(raw), sign_in)
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


def state(raw: Database) -> dict[str, list[tuple]]:
    """Every row of every table but the access log (and its head) and the server's sessions, to see that nothing
    changed."""
    with raw.uow() as uow:
        return {table.name: sorted((tuple(row) for row in uow.session.execute(sa.select(table))), key=repr)
                for table in metadata.sorted_tables if table not in (access_log, log_head, server_sessions)}


def log(raw: Database) -> list[sa.Row]:
    with raw.uow() as uow:
        return list(uow.session.execute(sa.select(access_log).order_by(access_log.c.seq)))


def operation(team: Team, person, what: str, name: str) -> Callable[[], object]:
    """``what`` on the case ``name`` through ``person``'s door (in this process, or over the wire)."""
    case_id = team.case_ids[name]
    if what == "view":
        return lambda: person.cases.load_case(case_id)
    if what == "edit":
        copy = door(team.raw).cases.load_case(case_id)  # a current copy, whether or not the person could load it
        copy.reason = "Ändrad anledning"
        return lambda: person.cases.save_case(copy)
    if what == "print":
        return lambda: person.cases.record_case_action(case_id, Action.PRINT, "handlingsplan v1")
    if what == "export":
        return lambda: person.cases.record_case_action(case_id, Action.EXPORT, "registerutdrag")
    if what == "assign":
        return lambda: person.cases.set_case_members(case_id, [team.ids["sara"], team.ids["karin"]])
    if what == "override":
        return lambda: person.cases.record_consent_override(case_id, "share_plan", "10 kap. 19 § OSL", "Akut läge")
    raise AssertionError(what)


# --- every operation × person × case ----------------------------------------------------------------------


@pytest.mark.parametrize("what", list(EXPECTED))
@pytest.mark.parametrize("username", PEOPLE)
def test_each_case_operation_is_allowed_or_refused_and_logged(team: Team, username: str, what: str) -> None:
    db = team.sign_in(username)
    for name in CASES:
        case_id, student_id = team.case_ids[name], team.student_ids[name]
        before, logged_before = state(team.raw), log(team.raw)
        act = operation(team, db, what, name)
        if name in EXPECTED[what][username]:
            act()
        else:
            with pytest.raises(AccessDeniedError) as refused:
                act()
            assert refused.value.case_id == case_id
            assert state(team.raw) == before, f"{username} {what} {name}: refused, yet something changed"
        new = log(team.raw)[len(logged_before):]
        assert len(new) == 1, (username, what, name, [(e.action, e.detail) for e in new])
        entry = new[0]
        allowed_action, denied_detail = LOGGED[what]
        expected_action = allowed_action if name in EXPECTED[what][username] else "denied"
        assert (entry.action, entry.user_id, entry.username, entry.case_id, entry.student_id) == (
            expected_action, team.ids[username], username, case_id, student_id), (what, name)
        if expected_action == "denied":
            assert entry.detail == denied_detail
    assert team.sign_in("tove").accesslog.verify_log().ok


def test_what_the_allowed_operations_stored(team: Team) -> None:
    """The allowed calls above really did their work (not just logged it)."""
    tove = team.sign_in("tove")
    operation(team, tove, "edit", "Bo")()
    operation(team, tove, "assign", "Bo")()
    operation(team, tove, "override", "Bo")()
    bo = team.case_ids["Bo"]
    assert door(team.raw).cases.load_case(bo).reason == "Ändrad anledning"
    assert door(team.raw).cases.case_member_ids(bo) == sorted([team.ids["sara"], team.ids["karin"]])
    with team.raw.uow() as uow:
        (row,) = uow.session.execute(sa.select(consent_overrides)).all()
    assert (row.case_id, row.by, row.purpose, row.legal_ground, row.note) == (
        bo, "Tove Ek", "share_plan", "10 kap. 19 § OSL", "Akut läge")
    (entry,) = [e for e in log(team.raw) if e.action == "consent_override"]
    assert entry.detail == "share_plan: 10 kap. 19 § OSL" and "Akut" not in entry.detail  # the note stays out


# --- the case list -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("username", "visible"), [
    ("sara", {"Alva", "Dana"}), ("karin", {"Bo"}), ("tove", {"Alva", "Bo"}), ("admin", set())])
def test_the_case_list_shows_each_person_their_cases(team: Team, username: str, visible: set[str]) -> None:
    db = team.sign_in(username)
    logged_before = len(log(team.raw))
    rows = db.cases.case_rows(dt.date.today())
    assert {r.student_name.split()[0] for r in rows} == visible
    new = log(team.raw)[logged_before:]
    if visible:
        assert [(e.action, e.detail, e.case_id, e.user_id) for e in new] == [
            ("list", str(len(visible)), None, team.ids[username])]
    else:  # an administrator gets no list at all: nothing was shown, nothing to log
        assert new == []


def test_a_new_member_sees_the_case_and_a_removed_one_no_longer_does(team: Team) -> None:
    karin, tove = team.sign_in("karin"), team.sign_in("tove")
    alva = team.case_ids["Alva"]
    with pytest.raises(AccessDeniedError):
        karin.cases.load_case(alva)
    tove.cases.set_case_members(alva, [team.ids["karin"]])
    assert karin.cases.load_case(alva).student.first_name == "Alva"
    sara = team.sign_in("sara")
    assert "Alva" not in {r.student_name.split()[0] for r in sara.cases.case_rows(dt.date.today())}
    with pytest.raises(AccessDeniedError):
        sara.cases.load_case(alva)


# --- creating cases and accounts -----------------------------------------------------------------------------


@pytest.mark.parametrize("username", PEOPLE)
def test_creating_a_case(team: Team, username: str) -> None:
    db = team.sign_in(username)
    before, logged_before = state(team.raw), log(team.raw)
    if username == "admin":
        with pytest.raises(AccessDeniedError):
            db.cases.add_case(new_case(first="Eva"))
        assert state(team.raw) == before
        (entry,) = log(team.raw)[len(logged_before):]
        assert (entry.action, entry.detail, entry.case_id, entry.user_id) == (
            "denied", "case:create", None, team.ids["admin"])
        return
    made = db.cases.add_case(new_case(first="Eva"))
    assert door(team.raw).cases.case_member_ids(made.id) == [team.ids[username]]  # who creates it is responsible
    (entry,) = log(team.raw)[len(logged_before):]
    assert (entry.action, entry.case_id, entry.student_id, entry.user_id) == (
        "create", made.id, made.student.id, team.ids[username])


@pytest.mark.parametrize("username", PEOPLE)
def test_only_an_administrator_adds_accounts(team: Team, username: str) -> None:
    db = team.sign_in(username)
    before, logged_before = state(team.raw), log(team.raw)
    if username != "admin":
        with pytest.raises(AccessDeniedError) as refused:
            db.accounts.create_user("nils", "Nils Ny", Role.KURATOR, NEW_PASSWORD)
        assert refused.value.case_id is None
        assert state(team.raw) == before
        (entry,) = log(team.raw)[len(logged_before):]
        assert (entry.action, entry.detail, entry.case_id, entry.user_id) == (
            "denied", "users:create", None, team.ids[username])
        return
    made = db.accounts.create_user("nils", "Nils Ny", Role.KURATOR, NEW_PASSWORD)
    (entry,) = log(team.raw)[len(logged_before):]
    assert (entry.action, entry.detail, entry.user_id) == ("user_created", f"{made.id}:kurator", team.ids["admin"])


# --- the log entry and the action share one transaction ------------------------------------------------------


def test_a_save_refused_as_a_concurrent_edit_leaves_no_edit_entry(team: Team) -> None:
    sara = team.sign_in("sara")
    alva = team.case_ids["Alva"]
    first, second = sara.cases.load_case(alva), sara.cases.load_case(alva)
    first.reason = "Först sparad"
    sara.cases.save_case(first)
    before, logged_before = state(team.raw), log(team.raw)
    second.reason = "Skulle skriva över"
    with pytest.raises(ConcurrentEditError):
        sara.cases.save_case(second)
    assert state(team.raw) == before
    assert log(team.raw)[len(logged_before):] == []
    assert [e.action for e in log(team.raw)].count("edit") == 1
    assert door(team.raw).cases.load_case(alva).reason == "Först sparad"


@pytest.mark.parametrize("what", ["edit", "assign", "override"])
def test_when_the_log_entry_cannot_be_written_the_action_is_not_done(
    file_team: Team, what: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No change without its log entry: the entry is written in the action's transaction, or neither is.

    In this process only (the failure is made here); the server runs the same unit of work.
    """
    team = file_team
    tove = team.sign_in("tove")
    before, logged_before = state(team.raw), log(team.raw)
    real_append = accesslog.append_all  # the unit of work appends its entries at commit

    def failing(session, entries, **kw):
        if any(str(entry.action) in ("edit", "assign", "consent_override") for entry in entries):
            raise RuntimeError("disk full while logging")
        return real_append(session, entries, **kw)

    monkeypatch.setattr(accesslog, "append_all", failing)
    with pytest.raises(RuntimeError):
        operation(team, tove, what, "Bo")()
    monkeypatch.undo()
    assert state(team.raw) == before
    assert log(team.raw) == logged_before


def test_refusals_keep_the_chain_intact(team: Team) -> None:
    """A refusal rolls back, logs, commits: the chain stays verifiable and the head follows the last entry."""
    karin = team.sign_in("karin")
    for name in ("Alva", "Dana"):
        for what in ("view", "edit", "print", "export", "assign", "override"):
            with pytest.raises(AccessDeniedError):
                operation(team, karin, what, name)()
    entries = log(team.raw)
    denied = [e for e in entries if e.action == "denied"]
    assert len(denied) == 12 and {e.user_id for e in denied} == {team.ids["karin"]}
    with team.raw.uow() as uow:
        head = uow.session.execute(sa.select(log_head)).one()
    assert (head.seq, head.hash) == (entries[-1].seq, entries[-1].hash)
    assert team.sign_in("tove").accesslog.verify_log().ok


def test_the_log_holds_ids_never_names_or_content(team: Team) -> None:
    tove = team.sign_in("tove")
    for what in ("view", "edit", "print", "export", "assign", "override"):
        operation(team, tove, what, "Alva")()
    with pytest.raises(AccessDeniedError):
        tove.cases.load_case(team.case_ids["Dana"])
    text = " ".join(f"{e.action} {e.detail}" for e in log(team.raw))
    for word in ("Alva", "Dana", "Testsson", "Ändrad", "Akut", "Ekbackeskolan"):
        assert word not in text


def test_nobody_is_a_member_of_a_case_by_being_an_account(team: Team) -> None:
    """Members come from ``case_members`` only: the accounts table grants nothing by itself."""
    with team.raw.uow() as uow:
        members = set(uow.session.execute(sa.select(case_members.c.case_id, case_members.c.user_id)))
        n_users = uow.session.execute(sa.select(sa.func.count()).select_from(users)).scalar_one()
        n_cases = uow.session.execute(sa.select(sa.func.count()).select_from(cases)).scalar_one()
    assert members == {(team.case_ids["Alva"], team.ids["sara"]), (team.case_ids["Dana"], team.ids["sara"]),
                       (team.case_ids["Bo"], team.ids["karin"])}
    assert (n_users, n_cases) == (4, 3)
