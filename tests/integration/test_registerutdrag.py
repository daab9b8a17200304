"""Registerutdrag: everything about one student and nothing about anyone else, in JSON and in the PDF."""

from __future__ import annotations

import datetime as dt
import io
import json
import re

import pytest
import sqlalchemy as sa
from pypdf import PdfReader

from sst_desk.persistence import AccessDeniedError, accounts
from sst_desk.persistence.extract import FORMAT, REVIEW_NOTE, THIRD_PARTY_NOTE, gather_registerutdrag
from sst_desk.persistence.gallring import gallra
from sst_desk.persistence.mapping import access_log
from sst_desk.reports import ReportContext
from sst_desk.reports.registerutdrag import build_registerutdrag, write_registerutdrag
from sst_desk.workflow.access import Role
from sst_desk.workflow.codes import Stage
from sst_desk.workflow.entities import Case
from doors import door

CONTEXT = ReportContext(team_name="Skolsociala teamet Äppelviken", printed_by="Lena Lead",
                        printed_on=dt.date(2026, 11, 22))
A_GUARDIAN_DETAILS = ("070-000 00 01", "maja@example.invalid", "Påhittade vägen 1", "arabiska")
B_MARKERS = ("Annansson", "Berit", "070-999 88 77", "berit@example.invalid", "B-ANLEDNING-7f3c", "B-KONTAKT-91d2",
             "Bortaskolan")


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def person(db, username: str, display: str, role: Role):
    return accounts.add_user(db, username, display, role, "not-a-real-hash").actor()


@pytest.fixture
def people(db):
    return (person(db, "kim", "Kim Kurator", Role.KURATOR), person(db, "lena", "Lena Lead", Role.TEAMLEDARE))


@pytest.fixture
def two_students(db, walk_case, make_case, people):
    kim, lena = people
    db.actor = kim
    a = walk_case(db)
    b_case = make_case("Bo", "Annansson", "Bortaskolan")
    b_case.student.guardians = b_case.student.guardians[:1]
    guardian = b_case.student.guardians[0]
    guardian.name, guardian.phone, guardian.email = "Berit Annansson", "070-999 88 77", "berit@example.invalid"
    b_case.reason = "B-ANLEDNING-7f3c"
    db.actor = lena
    b = walk_case(db, case=b_case, until=Stage.UPPFOLJNING)
    b = door(db).cases.load_case(b.id)
    b.contacts[0].summary = "B-KONTAKT-91d2"
    door(db).cases.save_case(b)
    return a, b


def test_the_extract_holds_the_student_and_nothing_about_another(db, two_students, people, tmp_path):
    a, b = two_students
    db.actor = people[0]
    data = gather_registerutdrag(db, a.id)
    text = json.dumps(data, ensure_ascii=False)
    assert data["format"] == FORMAT and data["format_version"] == 1
    assert data["student"]["first_name"] == "Alva" and [c["id"] for c in data["cases"]] == [a.id]
    assert "Ångest och socialt klimat ligger bakom frånvaron." in text  # the kartläggning's summary
    assert "Hembesök, pratade om morgnarna." in text  # a contact
    assert {e["case_id"] for e in data["access_log"]} <= {a.id, None}
    assert {e["name"] for e in data["access_log"]} == {"Kim Kurator"}
    pdf, machine = write_registerutdrag(data, tmp_path, CONTEXT)
    printed = pdf_text(pdf.read_bytes())
    assert json.loads(machine.read_text("utf-8")) == data
    for marker in B_MARKERS:
        assert marker not in text, marker
        assert marker not in printed, marker
    assert "Alva Testsson" in printed and "Hembesök, pratade om morgnarna." in printed
    assert "Sida 1 av" in printed


def test_guardians_are_named_but_their_contact_details_left_out(db, two_students, people):
    a, _ = two_students
    db.actor = people[0]
    data = gather_registerutdrag(db, a.id)
    text = json.dumps(data, ensure_ascii=False)
    printed = pdf_text(build_registerutdrag(data, CONTEXT))
    assert [(g["name"], g["relation"]) for g in data["guardians"]] == [("Maja Testsson", "mamma"),
                                                                        ("Olle Testsson", "pappa")]
    for detail in A_GUARDIAN_DETAILS:
        assert detail not in text, detail
        assert detail not in printed, detail
    assert THIRD_PARTY_NOTE in printed and THIRD_PARTY_NOTE in text
    assert REVIEW_NOTE[:60] in printed


def test_the_export_is_logged_per_case(db, two_students, people):
    a, _ = two_students
    db.actor = people[0]
    gather_registerutdrag(db, a.id)
    with db.uow() as uow:
        rows = uow.session.execute(sa.select(access_log.c.case_id, access_log.c.detail)
                                   .where(access_log.c.action == "export")).all()
    assert [(r.case_id, r.detail) for r in rows] == [(a.id, "registerutdrag")]


def test_a_worker_without_every_case_of_the_student_is_refused(db, two_students, people):
    a, b = two_students
    kim, lena = people
    db.actor = kim
    with pytest.raises(AccessDeniedError):
        gather_registerutdrag(db, b.id)  # not kim's case
    db.actor = lena
    more = door(db).cases.add_case(Case(student=door(db).cases.load_case(a.id).student, raised_on=dt.date(2026, 9, 1)))
    db.actor = kim
    with pytest.raises(AccessDeniedError):
        gather_registerutdrag(db, a.id)  # the student's second case is not kim's: an extract would be incomplete
    db.actor = lena
    assert [c["id"] for c in gather_registerutdrag(db, a.id)["cases"]] == [a.id, more.id]


def test_a_protected_students_school_is_left_out(db, walk_case, make_case, people):
    case = make_case("Dana", "Skyddsson", "Hemligaskolan")
    case.student.protected_identity = True
    db.actor = people[0]
    done = walk_case(db, case=case, until=Stage.KARTLAGGNING)
    data = gather_registerutdrag(db, done.id)
    assert data["student"]["school"] is None
    assert "Hemligaskolan" not in json.dumps(data, ensure_ascii=False)
    assert "Hemligaskolan" not in pdf_text(build_registerutdrag(data, CONTEXT))


def test_log_entries_of_a_gallrad_student_whose_id_is_reused_are_not_included(db, walk_case, make_case, people):
    """SQLite reuses the highest id after a delete; the old student's log entries must not follow the id."""
    kim, lena = people
    db.actor = lena
    old = walk_case(db)
    gallra(db, [old.id], years=1, today=dt.date(2026, 11, 22))
    new = door(db).cases.add_case(make_case("Ny", "Elevsson"))
    assert new.student.id == old.student.id  # the premise: the id was reused
    data = gather_registerutdrag(db, new.id)
    assert {e["action"] for e in data["access_log"]} <= {"create", "view"}
    assert all(e["seq"] > 1 for e in data["access_log"])


def test_the_registerutdrag_pdf_keeps_the_name_out_of_its_metadata(db, two_students, people):
    """What broke: the PDF Title read "Registerutdrag – Alva Testsson" (issue 10): metadata names no student."""
    from pypdf import PdfReader
    import io

    a, _ = two_students
    db.actor = people[0]
    reader = PdfReader(io.BytesIO(build_registerutdrag(gather_registerutdrag(db, a.id), CONTEXT)))
    assert reader.metadata.title == "Registerutdrag" and reader.metadata.subject == "Registerutdrag"
    metadata = " ".join(str(value) for value in reader.metadata.values())
    assert "Alva" not in metadata and "Testsson" not in metadata


def test_attendance_rows_print_their_last_day_and_a_period_in_percent(db, two_students, people):
    a, _ = two_students
    db.actor = people[0]
    data = gather_registerutdrag(db, a.id)
    data["attendance"] = {"records": [
        {"period_start": "2026-09-07", "period_end": None, "granularity": "day", "unit": "minutes",
         "scheduled": 300.0, "absent": 60.0, "valid": None, "invalid": None},
        {"period_start": "2026-09-14", "period_end": None, "granularity": "week", "unit": "lessons",
         "scheduled": 30.0, "absent": 3.0, "valid": 2.0, "invalid": 1.0},
        {"period_start": "2026-08-17", "period_end": "2026-11-06", "granularity": "period", "unit": "percent",
         "scheduled": 100.0, "absent": 35.1, "valid": 20.0, "invalid": 15.1},
    ], "imports": []}
    printed = pdf_text(build_registerutdrag(data, CONTEXT))
    assert "2026-09-07 2026-09-07 Dag minuter 300 60" in printed
    assert "2026-09-14 2026-09-20 Vecka lektioner 30 3 2 1" in printed
    assert "2026-08-17 2026-11-06 Period procent 100 35,1 20 15,1" in printed
