"""Issue 15 on a real encrypted team database: the kallelse names the contact person with the phone from their
own profile — the member who prints, else the case's skolsocionom — and prints the meeting's time and place."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from sst_desk.reports.base import ReportContext
from sst_desk.workflow.entities import Boostertraff, Case, Student
from sst_desk.workflow.process import Move, apply, open_case
from conftest import make_team_db, open_as
from doors import door

NOW = dt.datetime(2026, 11, 20, 9, 0, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def team(tmp_path_factory) -> tuple[Path, int]:
    """A team database; Sara (skolsocionom) has a closed case with a booked boosterträff and her phone set."""
    file = tmp_path_factory.mktemp("kallelse") / "team.sqlite3"
    make_team_db(file)
    with open_as(file, "sara") as db:
        case = Case(student=Student("Noa", "Exempelsson", "Ekbackens skola", grade=8), raised_on=NOW.date())
        open_case(case, by="sara", at=NOW)
        apply(case, Move.NOT_ELIGIBLE, by="sara", at=NOW)
        case.boosters.append(Boostertraff(planned_on=dt.date(2027, 2, 22), start_time=dt.time(15, 0),
                                          place="Skolans konferensrum"))
        case_id = door(db).cases.add_case(case).id
        door(db).accounts.set_own_phone("070-123 45 67")
    return file, case_id


def _printed(file: Path, username: str, case_id: int) -> str:
    with open_as(file, username) as db:
        data = door(db).printing.print_document(case_id, "kallelse", report=ReportContext(team_name="SST Test"),
                                                today=NOW.date())
    return " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(data)).pages)


def test_the_member_who_prints_is_the_contact_with_her_phone_time_and_place(team):
    file, case_id = team
    text = _printed(file, "sara", case_id)
    assert "Kontaktperson: Sara Lind, 070-123 45 67" in text
    assert "kl. 15.00" in text and "Skolans konferensrum" in text


def test_a_team_lead_who_is_no_member_prints_the_skolsocionom_as_contact(team):
    file, case_id = team
    assert "Kontaktperson: Sara Lind, 070-123 45 67" in _printed(file, "tove", case_id)


def test_another_member_who_prints_is_named_without_a_phone_until_she_gives_one(team):
    file, case_id = team
    with open_as(file, "tove") as db:
        users = {u.username: u.id for u in door(db).accounts.list_users(manage=False)}
        door(db).cases.set_case_members(case_id, [users["sara"], users["karin"]])
    text = _printed(file, "karin", case_id)
    assert "Kontaktperson: Karin Berg" in text and "070-123" not in text
    with open_as(file, "karin") as db:
        door(db).accounts.set_own_phone("08-123 456 78")
    assert "Kontaktperson: Karin Berg, 08-123 456 78" in _printed(file, "karin", case_id)


def test_the_demo_workers_have_fictional_phones_on_their_kallelser(tmp_path):
    from sst_desk.demo.accounts import create_demo_database
    from sst_desk.demo.users import DEMO_PASSWORD, DEMO_PHONES
    from sst_desk.security import signin

    file = tmp_path / "demo.sqlite3"
    create_demo_database(file, students_count=30, seed=3, today=NOW.date())
    with signin.sign_in(file, "sara", DEMO_PASSWORD) as db:
        assert door(db).accounts.get_user(db.actor.user_id).phone == DEMO_PHONES["sara"]
        case_id = next(r.case_id for r in door(db).cases.case_rows(today=NOW.date())
                       if door(db).cases.load_case(r.case_id).booster is not None)
        data = door(db).printing.print_document(case_id, "kallelse", report=ReportContext(), today=NOW.date())
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(data)).pages)
    assert f"Kontaktperson: Sara Lind, {DEMO_PHONES['sara']}" in text
