"""The access log's reading side on a real encrypted file: the team lead's review, who may read what,
reading being logged itself, sample checks, the kept head, and one student's history for a guardian."""

from __future__ import annotations

import datetime as dt
import random

import pytest
import sqlalchemy as sa

from sst_desk.persistence import AccessDeniedError
from sst_desk.persistence.mapping import cases, students
from sst_desk.workflow.access import Action
from sst_desk.workflow.logchain import KeptHead, LogAction, SampleOutcome

from logpeople import Team, add_case, make_team
from doors import door


@pytest.fixture
def team(tmp_path):
    team = make_team(tmp_path)
    yield team
    team.db.close()


@pytest.fixture
def busy(team: Team):
    """Sara has Alva's case and opens it; Kim has Bo's; Sara also has a protected student, Cilla."""
    alva = add_case(team, "sara", "Alva")
    door(team.db).cases.load_case(alva.id)
    door(team.db).cases.record_case_action(alva.id, Action.PRINT, "handlingsplan")
    bo = add_case(team, "kim", "Bo")
    cilla = add_case(team, "sara", "Cilla", protected=True)
    return {"alva": alva, "bo": bo, "cilla": cilla}


def actions(rows) -> list[str]:
    return [r.action for r in rows]


def last_entry(team: Team):
    team.act(None)
    (row,) = door(team.db).accesslog.query_log(limit=1)
    return row


def test_the_team_lead_reads_the_log_with_names_and_the_reading_is_logged(team, busy):
    db = team.act("lead")
    rows = door(db).accesslog.query_log()
    assert [r.seq for r in rows] == sorted((r.seq for r in rows), reverse=True)  # newest first
    view = next(r for r in rows if r.action == LogAction.VIEW)
    assert (view.username, view.display_name, view.role) == ("sara", "Sara Socionom", "skolsocionom")
    assert view.student_name == "Alva Testsson" and view.case_id == busy["alva"].id
    assert view.detail == ""
    reading = last_entry(team)
    assert reading.action == LogAction.READ_LOG and reading.username == "lead"
    assert reading.detail == f"query;rows={len(rows)}"


def test_filters_by_user_student_action_and_period(team, busy):
    db = team.act("lead")
    assert {r.username for r in door(db).accesslog.query_log(username="kim")} == {"kim"}
    alva_id = busy["alva"].student.id
    about_alva = door(db).accesslog.query_log(student_id=alva_id)
    assert actions(about_alva) == ["print", "view", "create"]
    reading = last_entry(team)
    assert reading.student_id == alva_id  # the reading shows in Alva's own history
    assert actions(door(db).accesslog.query_log(action=LogAction.PRINT)) == ["print"]
    today = dt.date.today()
    assert door(db).accesslog.query_log(since=today + dt.timedelta(days=1)) == []
    assert door(db).accesslog.query_log(until=today - dt.timedelta(days=1)) == []
    assert len(door(db).accesslog.query_log(since=today, until=today, action="create")) == 3
    assert len(door(db).accesslog.query_log(limit=2)) == 2
    with pytest.raises(ValueError, match="time zone"):
        door(db).accesslog.query_log(since=dt.datetime(2026, 1, 1))


def test_a_protected_student_is_not_named_to_a_lead_who_is_not_responsible(team, busy):
    cilla_id = busy["cilla"].student.id
    rows = door(team.act("lead")).accesslog.query_log(student_id=cilla_id)
    assert rows and all(r.student_hidden and r.student_name == "" for r in rows)
    assert cilla_id not in [sid for sid, _ in door(team.db).accesslog.log_students()]
    assert [name for _, name in door(team.db).accesslog.log_students()] == ["Alva Testsson", "Bo Testsson"]
    members = [team.people["sara"].user_id, team.people["lead"].user_id]
    door(team.act(None)).cases.set_case_members(busy["cilla"].id, members)
    rows = door(team.act("lead")).accesslog.query_log(student_id=cilla_id)
    assert all(r.student_name == "Cilla Testsson" and not r.student_hidden for r in rows)


def test_a_student_no_longer_in_the_database_keeps_their_entries_without_a_name(team, busy):
    bo = busy["bo"]
    team.act(None)
    with team.db.uow() as uow:
        uow.session.execute(sa.delete(cases).where(cases.c.id == bo.id))
        uow.session.execute(sa.delete(students).where(students.c.id == bo.student.id))
        uow.commit()
    rows = door(team.act("lead")).accesslog.query_log(student_id=bo.student.id)
    assert actions(rows) == ["create"] and rows[0].student_name == "" and not rows[0].student_hidden
    history = door(team.db).accesslog.student_access_history(bo.student.id)  # no case left: the lead's right
    assert history.student_name == "" and actions(history.rows) == ["create", "read_log"]
    with pytest.raises(AccessDeniedError):
        door(team.act("kim")).accesslog.student_access_history(bo.student.id)


@pytest.mark.parametrize("who", ["sara", "kim", "admin"])
def test_only_the_team_lead_reads_the_whole_log_and_a_refusal_is_logged(team, busy, who):
    db = team.act(who)
    for read in (lambda d: door(d).accesslog.query_log(), lambda d: door(d).accesslog.verify_log(),
                 lambda d: door(d).accesslog.list_sample_checks(), lambda d: door(d).accesslog.log_students(),
                 lambda d: door(d).accesslog.draw_sample(dt.date.today(), dt.date.today(), 3)):
        with pytest.raises(AccessDeniedError):
            read(db)
        refused = last_entry(team)
        assert (refused.action, refused.username, refused.detail) == ("denied", who, "access_log:read_log")
        team.act(who)
    with pytest.raises(AccessDeniedError):
        door(db).accesslog.record_sample_check(dt.date.today(), dt.date.today(), [], "ok")


def test_a_students_history_is_for_those_responsible_and_the_lead(team, busy):
    alva = busy["alva"]
    history = door(team.act("sara")).accesslog.student_access_history(alva.student.id)
    assert history.student_name == "Alva Testsson"
    assert actions(history.rows) == ["create", "view", "print"]  # oldest first; the reading is logged after
    assert history.rows[1].display_name == "Sara Socionom"
    reading = last_entry(team)
    assert (reading.action, reading.student_id, reading.detail) == ("read_log", alva.student.id, "history;rows=3")
    lead_history = door(team.act("lead")).accesslog.student_access_history(alva.student.id)
    assert actions(lead_history.rows) == ["create", "view", "print", "read_log"]
    with pytest.raises(AccessDeniedError):
        door(team.act("kim")).accesslog.student_access_history(alva.student.id)
    refused = last_entry(team)
    assert (refused.action, refused.case_id, refused.detail) == ("denied", alva.id, "case:read_log")
    cilla = busy["cilla"]
    with pytest.raises(AccessDeniedError):  # protected: not even the team lead unless responsible
        door(team.act("lead")).accesslog.student_access_history(cilla.student.id)
    assert door(team.act("sara")).accesslog.student_access_history(cilla.student.id).student_name == "Cilla Testsson"
    door(team.act("sara")).accesslog.student_access_history(cilla.student.id, for_print=True)
    assert last_entry(team).detail.startswith("history;print;rows=")


def test_a_history_can_cover_a_period(team, busy):
    alva_id = busy["alva"].student.id
    db = team.act("sara")
    today = dt.date.today()
    assert door(db).accesslog.student_access_history(alva_id, since=today + dt.timedelta(days=1)).rows == []
    history = door(db).accesslog.student_access_history(alva_id, since=today, until=today)
    assert (history.since, history.until) == (today, today) and len(history.rows) >= 3


def test_the_lead_verifies_the_chain_and_the_check_is_logged(team, busy):
    db = team.act("lead")
    result = door(db).accesslog.verify_log()
    assert result.ok and result.problems == [] and result.entries == result.head.seq
    assert last_entry(team).detail == "verify;ok"
    team.act("lead")
    kept = door(db).accesslog.export_head()
    assert door(db).accesslog.verify_log(kept).ok
    assert last_entry(team).detail == f"verify;ok;kept={kept.seq}"


def test_the_exported_head_is_the_export_entry_itself(team, busy):
    db = team.act("lead")
    kept = door(db).accesslog.export_head()
    newest = last_entry(team)
    assert (newest.seq, newest.action, newest.username) == (kept.seq, "export_head", "lead")
    assert KeptHead.from_text(kept.to_text()).hash == kept.hash
    assert door(team.act("admin")).accesslog.export_head().seq == kept.seq + 1  # administrators may keep it too
    with pytest.raises(AccessDeniedError):
        door(team.act("sara")).accesslog.export_head()


def test_a_sample_check_draws_entries_about_students_and_records_its_outcome(team, busy):
    db = team.act("lead")
    today = dt.date.today()
    door(db).accesslog.query_log()  # reading the log is not what a sample check looks at
    everything = door(db).accesslog.draw_sample(today, today, 100)
    assert everything and all(r.student_id is not None and r.action != "read_log" for r in everything)
    assert [r.seq for r in everything] == sorted(r.seq for r in everything)
    sample = door(db).accesslog.draw_sample(today, today, 2, rng=random.Random(7))
    assert len(sample) == 2 and sample == door(db).accesslog.draw_sample(today, today, 2, rng=random.Random(7))
    assert door(db).accesslog.draw_sample(today - dt.timedelta(days=9), today - dt.timedelta(days=8), 5) == []
    check = door(db).accesslog.record_sample_check(today, today, [r.seq for r in sample], "follow_up",
                                          "  Fråga Kim varför Bos ärende öppnades.  ")
    assert check.outcome is SampleOutcome.FOLLOW_UP and check.reviewer == "lead"
    assert check.note == "Fråga Kim varför Bos ärende öppnades."
    assert last_entry(team).detail == f"{check.id};follow_up;entries=2"
    team.act("lead")
    later = door(db).accesslog.record_sample_check(today, today, [], SampleOutcome.OK)
    assert [c.id for c in door(db).accesslog.list_sample_checks()] == [later.id, check.id]
    stored = door(db).accesslog.list_sample_checks()[1]
    assert stored.seqs == tuple(r.seq for r in sample) and stored.period_from == today


def test_a_sample_check_is_refused_when_it_does_not_make_sense(team, busy):
    db = team.act("lead")
    today = dt.date.today()
    with pytest.raises(ValueError, match="what to follow up"):
        door(db).accesslog.record_sample_check(today, today, [1], "follow_up", "   ")
    with pytest.raises(ValueError, match="'ok' or 'follow_up'"):
        door(db).accesslog.record_sample_check(today, today, [1], "fine")
    with pytest.raises(ValueError, match="ends before it starts"):
        door(db).accesslog.record_sample_check(today, today - dt.timedelta(days=1), [1], "ok")
    with pytest.raises(ValueError, match="no log entries"):
        door(db).accesslog.record_sample_check(today, today, [1, 99999], "ok")
    assert door(db).accesslog.list_sample_checks() == []
