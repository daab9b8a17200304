"""The permission matrix as the persistence layer enforces it, on a real encrypted team database.

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
from sst_desk.persistence.mapping import access_log, case_members, cases, consent_overrides, log_head, metadata, users
from sst_desk.workflow.access import Action, Role

from conftest import copy_team_db, make_team_db, new_case, open_as
from doors import door

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


@dataclass
class Team:
    file: Path
    raw: Database  # storage access without an actor: reads for the checks, logs nothing
    ids: dict[str, int]  # user name -> user id
    case_ids: dict[str, int]
    student_ids: dict[str, int]
    open: list[Database]

    def sign_in(self, username: str) -> Database:
        db = open_as(self.file, username)
        self.open.append(db)
        return db


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The team with its three cases, made once; each test works on its own copy of the closed files."""
    file = tmp_path_factory.mktemp("team") / "sst.sqlite3"
    make_team_db(file)
    for who, name, protected in (("sara", "Alva", False), ("sara", "Dana", True), ("karin", "Bo", False)):
        db = open_as(file, who)
        case = new_case(first=name)
        case.student.protected_identity = protected
        door(db).cases.add_case(case)
        db.close()
    return file


@pytest.fixture
def team(template: Path, tmp_path: Path) -> Iterator[Team]:
    file = copy_team_db(template, tmp_path / "sst.sqlite3")
    raw = open_as(file, None)
    ids = {u.username: u.id for u in accounts.list_users(raw)}
    rows = door(raw).cases.case_rows(dt.date.today())
    case_ids = {r.student_name.split()[0]: r.case_id for r in rows}
    student_ids = {name: door(raw).cases.load_case(cid).student.id for name, cid in case_ids.items()}
    made = Team(file, raw, ids, case_ids, student_ids, [raw])
    yield made
    for db in made.open:
        db.close()


def state(raw: Database) -> dict[str, list[tuple]]:
    """Every row of every table but the access log (and its head), to see that nothing changed."""
    with raw.uow() as uow:
        return {table.name: sorted((tuple(row) for row in uow.session.execute(sa.select(table))), key=repr)
                for table in metadata.sorted_tables if table not in (access_log, log_head)}


def log(raw: Database) -> list[sa.Row]:
    with raw.uow() as uow:
        return list(uow.session.execute(sa.select(access_log).order_by(access_log.c.seq)))


def operation(team: Team, db: Database, what: str, name: str) -> Callable[[], object]:
    case_id = team.case_ids[name]
    if what == "view":
        return lambda: door(db).cases.load_case(case_id)
    if what == "edit":
        copy = door(team.raw).cases.load_case(case_id)  # a current copy, whether or not the person could load it
        copy.reason = "Ändrad anledning"
        return lambda: door(db).cases.save_case(copy)
    if what == "print":
        return lambda: door(db).cases.record_case_action(case_id, Action.PRINT, "handlingsplan v1")
    if what == "export":
        return lambda: door(db).cases.record_case_action(case_id, Action.EXPORT, "registerutdrag")
    if what == "assign":
        return lambda: door(db).cases.set_case_members(case_id, [team.ids["sara"], team.ids["karin"]])
    if what == "override":
        return lambda: door(db).cases.record_consent_override(case_id, "share_plan", "10 kap. 19 § OSL", "Akut läge")
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
    assert door(team.sign_in("tove")).accesslog.verify_log().ok


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
    rows = door(db).cases.case_rows(dt.date.today())
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
        door(karin).cases.load_case(alva)
    door(tove).cases.set_case_members(alva, [team.ids["karin"]])
    assert door(karin).cases.load_case(alva).student.first_name == "Alva"
    sara = team.sign_in("sara")
    assert "Alva" not in {r.student_name.split()[0] for r in door(sara).cases.case_rows(dt.date.today())}
    with pytest.raises(AccessDeniedError):
        door(sara).cases.load_case(alva)


# --- creating cases and accounts -----------------------------------------------------------------------------


@pytest.mark.parametrize("username", PEOPLE)
def test_creating_a_case(team: Team, username: str) -> None:
    db = team.sign_in(username)
    before, logged_before = state(team.raw), log(team.raw)
    if username == "admin":
        with pytest.raises(AccessDeniedError):
            door(db).cases.add_case(new_case(first="Eva"))
        assert state(team.raw) == before
        (entry,) = log(team.raw)[len(logged_before):]
        assert (entry.action, entry.detail, entry.case_id, entry.user_id) == (
            "denied", "case:create", None, team.ids["admin"])
        return
    made = door(db).cases.add_case(new_case(first="Eva"))
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
            accounts.add_user(db, "nils", "Nils Ny", Role.KURATOR, "not-a-real-hash")
        assert refused.value.case_id is None
        assert state(team.raw) == before
        (entry,) = log(team.raw)[len(logged_before):]
        assert (entry.action, entry.detail, entry.case_id, entry.user_id) == (
            "denied", "users:create", None, team.ids[username])
        return
    made = accounts.add_user(db, "nils", "Nils Ny", Role.KURATOR, "not-a-real-hash")
    (entry,) = log(team.raw)[len(logged_before):]
    assert (entry.action, entry.detail, entry.user_id) == ("user_created", f"{made.id}:kurator", team.ids["admin"])


# --- the log entry and the action share one transaction ------------------------------------------------------


def test_a_save_refused_as_a_concurrent_edit_leaves_no_edit_entry(team: Team) -> None:
    sara = team.sign_in("sara")
    alva = team.case_ids["Alva"]
    first, second = door(sara).cases.load_case(alva), door(sara).cases.load_case(alva)
    first.reason = "Först sparad"
    door(sara).cases.save_case(first)
    before, logged_before = state(team.raw), log(team.raw)
    second.reason = "Skulle skriva över"
    with pytest.raises(ConcurrentEditError):
        door(sara).cases.save_case(second)
    assert state(team.raw) == before
    assert log(team.raw)[len(logged_before):] == []
    assert [e.action for e in log(team.raw)].count("edit") == 1
    assert door(team.raw).cases.load_case(alva).reason == "Först sparad"


@pytest.mark.parametrize("what", ["edit", "assign", "override"])
def test_when_the_log_entry_cannot_be_written_the_action_is_not_done(
    team: Team, what: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No change without its log entry: the entry is written in the action's transaction, or neither is."""
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
    assert door(team.sign_in("tove")).accesslog.verify_log().ok


def test_the_log_holds_ids_never_names_or_content(team: Team) -> None:
    tove = team.sign_in("tove")
    for what in ("view", "edit", "print", "export", "assign", "override"):
        operation(team, tove, what, "Alva")()
    with pytest.raises(AccessDeniedError):
        door(tove).cases.load_case(team.case_ids["Dana"])
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
