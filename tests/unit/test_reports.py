"""The handlingsplan PDF: what a family and the team read and sign, checked through pypdf's text extraction."""

from __future__ import annotations

import datetime as dt
import enum
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from sst_desk.reports import ReportContext, build_handlingsplan, write_pdf_atomic
from sst_desk.reports import handlingsplan as hp
from sst_desk.reports.fonts import missing_glyphs
from sst_desk.reports.labels_sv import LABELS, grade_label, label
from sst_desk.workflow import codes
from sst_desk.workflow.codes import Authority, GoalArea, PlanStatus, Stage
from sst_desk.workflow.entities import Goal, Guardian, Insats

sys.path.insert(0, str(Path(__file__).parent))  # the fictional cases live next to this file
from report_cases import (  # noqa: E402
    FOLLOW_UP_DATE,
    GUARDIANS_VIEW,
    make_case,
    make_large_case,
    make_plan,
)

CONTEXT = ReportContext(team_name="Skolsociala teamet Äppelviken", printed_by="Jonas Ahlström",
                        printed_on=dt.date(2026, 11, 23))


def read(data: bytes) -> tuple[PdfReader, str]:
    """The reader and the whole text with runs of whitespace made single spaces (cells wrap)."""
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() for page in reader.pages)
    return reader, re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def typical() -> tuple[PdfReader, str]:
    return read(build_handlingsplan(make_case(), CONTEXT))


def test_goals_with_baseline_and_target_are_printed(typical):
    _, text = typical
    plan = make_case().current_plan
    assert "Utgångsläge" in text
    for goal in plan.goals:
        assert goal.description in text
        assert goal.baseline in text
        assert goal.target in text
        assert goal.measure in text


def test_insatser_show_responsible_people_dates_and_goal(typical):
    _, text = typical
    assert "Närvarouppföljning" in text
    assert "Sofia Ek, kurator" in text
    assert "Jonas Ahlström, skolsocionom" in text
    assert "Lars Öhman, specialpedagog" in text
    assert "Socialtjänsten" in text
    assert "2026-11-29 – 2027-06-11" in text
    assert "från 2026-11-22, tills vidare" in text
    assert "Mål 2 Skolresultat" in text  # insats 3 serves goal 2


def test_follow_up_views_and_signatures(typical):
    _, text = typical
    assert f"Nästa uppföljning: {FOLLOW_UP_DATE.isoformat()}" in text
    assert "Jag vill klara matten och engelskan" in text  # Elevens egen syn (planering)
    assert GUARDIANS_VIEW in text
    for caption in ("Elev: Måns Ödegård", "Vårdnadshavare: Åsa Ödegård",
                    "Vårdnadshavare: Jörgen Ödegård-Renée", "För skolan", "För socialtjänsten",
                    "Underskrift", "Datum", "Namnförtydligande"):
        assert caption in text


def test_student_and_guardians_with_swedish_characters(typical):
    _, text = typical
    for expected in ("Version 1", "upprättad 2026-11-22", "Måns Ödegård", "20120415-0006", "Äppelvikens skola",
                     "Åsa Ödegård (mamma)", "Jörgen Ödegård-Renée (pappa)", "Skolsociala teamet Äppelviken",
                     "Vårdnadshavarnas syn"):
        assert expected in text


def test_header_footer_and_metadata(typical):
    reader, text = typical
    assert reader.metadata.title == "Handlingsplan"  # never the student's name (issue 10)
    assert reader.metadata.author == "Jonas Ahlström"
    assert reader.metadata.subject == "Handlingsplan"
    assert reader.metadata.creator.startswith("SST Desk")
    pages = len(reader.pages)
    for number in range(1, pages + 1):
        page = reader.pages[number - 1].extract_text()
        assert f"Sida {number} av {pages}" in page
        assert "Utskriven 2026-11-23 av Jonas Ahlström" in page
        assert "Skolsociala teamet Äppelviken" in page


def test_addresses_and_phone_numbers_are_never_printed(typical):
    _, text = typical
    assert "Hemlig gatan" not in text
    assert "070-000" not in text


def test_large_plan_runs_over_several_numbered_pages():
    reader, text = read(build_handlingsplan(make_large_case(), CONTEXT))
    pages = len(reader.pages)
    assert pages >= 3
    assert f"Sida 1 av {pages}" in reader.pages[0].extract_text()
    assert f"Sida {pages} av {pages}" in reader.pages[-1].extract_text()
    assert text.count("Närvarouppföljning") >= 3  # insatser 1, 8 and 15
    assert "(delmål 2)" in text and "Mål 6 Hälsa" in text
    assert " 20 " in text  # the last insats number


def test_long_text_wraps_and_continues_across_pages():
    case = make_case(goals=2, insatser=1)
    case.current_plan.goals[0].description = "Början " + "lång text om målet " * 400 + "SLUTORD"
    case.set_student_view(Stage.PLANERING, ("Ett stycke om skolan. " * 60 + "\n\n") * 6 + "SISTA")
    reader, text = read(build_handlingsplan(case, CONTEXT))
    assert len(reader.pages) >= 4
    assert "SLUTORD" in text and "SISTA" in text


def test_protected_identity_leaves_out_the_school():
    _, text = read(build_handlingsplan(make_case(protected=True), CONTEXT))
    assert "Äppelvikens skola" not in text
    assert "Skyddade personuppgifter" in text or "skyddade personuppgifter" in text
    assert "Måns Ödegård" in text


def test_empty_plan_says_so_section_by_section():
    case = make_case(goals=0, insatser=0, student_view="", guardians_view="")
    case.current_plan.follow_up_on = None
    _, text = read(build_handlingsplan(case, CONTEXT))
    for sentence in (hp.NO_GOALS, hp.NO_INSATSER, hp.NO_FOLLOW_UP, hp.NO_STUDENT_VIEW, hp.NO_GUARDIANS_VIEW):
        assert sentence in text
    assert "Underskrift" in text


def test_case_without_plan_prints_an_empty_document():
    case = make_case()
    case.plans = []
    case.student.guardians = []
    case.student.personal_id = None
    case.student.grade = 0
    _, text = read(build_handlingsplan(case, CONTEXT))
    assert hp.NO_PLAN in text and hp.NO_GOALS in text and hp.NO_GUARDIANS in text
    assert "Personnummer saknas" in text
    assert "Årskurs förskoleklass" in text


def test_an_older_version_can_be_printed_and_is_marked_as_replaced():
    case = make_case()
    old = make_plan(1, 1, version=1, status=PlanStatus.SUPERSEDED)
    case.current_plan.version = 2
    case.plans.insert(0, old)
    _, current = read(build_handlingsplan(case, CONTEXT))
    assert "Version 2" in current and "ersatts" not in current
    _, printed = read(build_handlingsplan(case, CONTEXT, plan=old))
    assert "Version 1" in printed and "har ersatts av en senare version" in printed


def test_insats_without_goal_and_with_goal_of_another_version():
    case = make_case(goals=1, insatser=0)
    plan = case.current_plan
    stray = Goal(description="Ett mål från en tidigare version", area=GoalArea.TRIVSEL)
    plan.insatser = [
        Insats(name="Samarbetssamtal", responsible_authority=Authority.SOCIALTJANST),
        Insats(name="Kontaktperson", goal=stray, responsible_person="Eva Lind"),
    ]
    _, text = read(build_handlingsplan(case, CONTEXT))
    assert "Inget särskilt mål" in text
    assert "Ett mål från en tidigare version" in text
    assert "Ej angivet" in text  # neither dates nor (for the first) a person


def test_user_text_is_printed_literally_not_as_markup():
    case = make_case(goals=1, insatser=0)
    case.current_plan.goals[0].description = "Närvaro <b>minst</b> 80 % & inga <sena> ankomster"
    _, text = read(build_handlingsplan(case, CONTEXT))
    assert "Närvaro <b>minst</b> 80 % & inga <sena> ankomster" in text


def test_characters_the_font_lacks_become_a_visible_replacement():
    case = make_case(goals=0, insatser=0)
    case.student.guardians = [Guardian(name="Łucja Şahin 李")]
    assert missing_glyphs("Łucja Şahin 李") == {"李"}
    _, text = read(build_handlingsplan(case, CONTEXT))
    assert "Łucja Şahin \ufffd" in text


def test_every_fixed_text_has_glyphs_in_the_font():
    fixed = [value for table in LABELS.values() for value in table.values()]
    fixed += [value for name, value in vars(hp).items() if name.isupper() and isinstance(value, str)]
    fixed += ["Sida 1 av 2", "Utskriven", "Underskrift", "Namnförtydligande", "–…·", "åäöÅÄÖéÉüÜ"]
    assert all(not missing_glyphs(text) for text in fixed), [t for t in fixed if missing_glyphs(t)]


def test_every_workflow_code_has_a_swedish_label():
    enums = [obj for obj in vars(codes).values()
             if isinstance(obj, type) and issubclass(obj, enum.Enum) and obj.__module__ == codes.__name__]
    assert len(enums) >= 15
    for cls in enums:
        for member in cls:
            assert label(member), f"{cls.__name__}.{member.name} has no Swedish label"


def test_labels_do_not_mix_up_enums_with_equal_values():
    assert label(Authority.ELEV) == "Eleven"
    assert label(codes.SignerKind.ELEV) == "Elev"
    assert label(codes.RaisedBy.ELEV) == "Eleven själv"
    assert label(Authority.SOCIALTJANST) == "Socialtjänsten"
    assert label(None, "–") == "–"


@pytest.mark.parametrize(("grade", "expected"), [
    (None, "uppgift saknas"), (0, "förskoleklass"), (4, "4"), (9, "9"),
    (10, "gymnasiet år 1"), (13, "gymnasiet år 4"),
])
def test_grade_labels(grade, expected):
    assert grade_label(grade) == expected


def test_write_pdf_atomic_replaces_the_file_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "handlingsplan.pdf"
    target.write_bytes(b"old")
    assert write_pdf_atomic(b"%PDF-new", target, force=True) == target  # the save dialog asked
    assert target.read_bytes() == b"%PDF-new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["handlingsplan.pdf"]


def test_write_pdf_atomic_keeps_the_old_file_when_the_rename_fails(tmp_path, monkeypatch):
    target = tmp_path / "handlingsplan.pdf"
    target.write_bytes(b"old")

    def refuse(*args, **kwargs):
        raise PermissionError("the file is open in a PDF viewer")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(PermissionError):
        write_pdf_atomic(b"%PDF-new", target, force=True)
    assert target.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["handlingsplan.pdf"]


def test_reports_load_neither_qt_nor_sqlalchemy():
    probe = ("import sys, sst_desk.reports; "
             "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'sqlalchemy', 'alembic')))")
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True,
                            cwd=Path(__file__).resolve().parents[2])
    assert result.stdout.strip() == "[]"
