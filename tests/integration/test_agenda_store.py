""""Kommande" on a real encrypted demo database: the grouped query agrees with the cases' own data.

For each demo person the service's list is compared with the rules run on the full case files
(``agenda_facts(get_full(case))``) of the cases they are a member of, read independently through
raw storage access. The query's statements are counted: a fixed number, whatever the caseload.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa

from sst_desk.demo.accounts import create_demo_database
from sst_desk.demo.users import DEMO_PASSWORD
from sst_desk.persistence import Database
from sst_desk.persistence.mapping import case_members, users
from sst_desk.security import signin
from sst_desk.workflow.agenda import DueKind, agenda_facts, due_items, window_end
from sst_desk.workflow.codes import Stage
from doors import door

TODAY = dt.date(2026, 3, 10)
PEOPLE = ("sara", "karin", "tove", "adam")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo database of 40 students on TODAY, with one of Sara's running cases given an insats and a
    consent that end in the window (the demo has none), and a superseded plan's dates that must not show."""
    path = tmp_path_factory.mktemp("agenda") / "demo.sqlite3"
    create_demo_database(path, 40, seed=1, today=TODAY)
    db = signin.sign_in(path, "sara", DEMO_PASSWORD)
    try:
        running = [r for r in door(db).cases.case_rows(TODAY) if r.stage is Stage.GENOMFORANDE]
        case = door(db).cases.load_case(running[0].case_id)
        plan = case.current_plan
        plan.insatser[0].end_on = TODAY + dt.timedelta(days=3)
        plan.follow_up_on, plan.follow_up_time, plan.follow_up_place = (
            TODAY + dt.timedelta(days=2), dt.time(13, 15), "Elevhälsans rum")
        valid = [c for c in case.consents if c.is_valid_on(TODAY)]
        valid[0].valid_until = TODAY + dt.timedelta(days=9)
        door(db).cases.save_case(case, today=TODAY)
    finally:
        db.close()
    return path


def expected_for(path: Path, username: str, days: int = 14) -> list:
    """The rules on the full case files of the person's cases (raw storage access, no query of ours)."""
    db = Database.open(path, key=signin.unlock(path, "tove", DEMO_PASSWORD))
    try:
        with db.uow(None) as tx:
            ids = tx.session.execute(
                sa.select(case_members.c.case_id).join(users, users.c.id == case_members.c.user_id)
                .where(users.c.username == username)).scalars().all()
            facts = [agenda_facts(tx.cases.get_full(case_id), TODAY) for case_id in ids]
        return due_items(facts, TODAY, days)
    finally:
        db.close()


@pytest.mark.parametrize("username", PEOPLE)
def test_the_list_is_the_rules_on_the_persons_own_cases(demo: Path, username: str) -> None:
    db = signin.sign_in(demo, username, DEMO_PASSWORD)
    try:
        items = door(db).agenda.due_items(TODAY)
    finally:
        db.close()
    expected = expected_for(demo, username) if username != "adam" else []
    assert items == expected
    if username == "sara":
        assert {DueKind.INSATS_ENDS, DueKind.CONSENT_EXPIRES, DueKind.FOLLOW_UP} <= {i.kind for i in items}
        assert any(i.overdue for i in items) and all(i.date >= TODAY for i in items if not i.overdue)
        assert all(i.date <= window_end(TODAY) for i in items)
        meeting = next(i for i in items if i.kind is DueKind.FOLLOW_UP and i.date == TODAY + dt.timedelta(days=2))
        assert (meeting.time, meeting.place) == (dt.time(13, 15), "Elevhälsans rum")
    if username == "karin":
        assert items  # the demo gives her something this fortnight too


def test_a_team_lead_sees_only_the_cases_she_is_a_member_of(demo: Path) -> None:
    db = signin.sign_in(demo, "tove", DEMO_PASSWORD)
    try:
        listed = {i.case_id for i in door(db).agenda.due_items(TODAY, 60)}
        visible = {r.case_id for r in door(db).cases.case_rows(TODAY)}
    finally:
        db.close()
    assert listed == {i.case_id for i in expected_for(demo, "tove", 60)}
    assert listed < visible


def test_reading_the_list_is_logged_with_the_count_only(demo: Path) -> None:
    db = signin.sign_in(demo, "karin", DEMO_PASSWORD)
    try:
        items = door(db).agenda.due_items(TODAY)
    finally:
        db.close()
    raw = Database.open(demo, key=signin.unlock(demo, "tove", DEMO_PASSWORD))
    try:
        with raw.engine.connect() as conn:
            row = conn.execute(sa.text(
                "SELECT action, detail, case_id, student_id FROM access_log ORDER BY seq DESC LIMIT 1")).one()
    finally:
        raw.close()
    assert tuple(row) == ("list", f"kommande:{len(items)}", None, None)


def test_a_fixed_number_of_queries_whatever_the_caseload(demo: Path) -> None:
    db = Database.open(demo, key=signin.unlock(demo, "tove", DEMO_PASSWORD))
    statements: list[str] = []
    try:
        sa.event.listen(db.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
        with db.uow(None) as tx:
            facts = tx.cases.agenda_facts(TODAY, window_end(TODAY), None)
    finally:
        db.close()
    assert len(facts) == 40
    assert len([s for s in statements if s.startswith("SELECT")]) == 5, statements
