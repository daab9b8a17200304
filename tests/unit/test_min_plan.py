"""Min plan, the student's copy: the goals, who helps and when we meet again — and nothing the student copy
must not show (kartläggning, guardians' contact details and views, socialtjänstens bedömning, case notes)."""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from sst_desk.reports import ReportContext, build_min_plan
from sst_desk.reports import min_plan as mp
from sst_desk.reports.fonts import missing_glyphs
from sst_desk.workflow.codes import Assessment, ContactKind, Factor, ProtectiveFactor, Stage
from sst_desk.workflow.entities import ContactEntry, Kartlaggning

sys.path.insert(0, str(Path(__file__).parent))
from report_cases import FOLLOW_UP_DATE, GUARDIANS_VIEW, make_case, make_large_case  # noqa: E402

CONTEXT = ReportContext(team_name="Skolsociala teamet Äppelviken", printed_by="Jonas Ahlström",
                        printed_on=dt.date(2026, 11, 23))
KARTLAGGNING_NOTE = "Pappan berättar om konflikter i hemmet"
ASSESSMENT_NOTE = "Utredning enligt 11 kap. 1 § SoL inledd"
CONTACT_NOTE = "Telefonsamtal med mamman om oro för syskonet"


def text_of(data: bytes) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(data))
    return reader, re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def a_full_case():
    """A case with everything recorded, including what the student copy must leave out."""
    case = make_case()
    for number, guardian in enumerate(case.student.guardians, start=1):
        guardian.email = f"vardnadshavare{number}@example.se"
    case.assessment = Assessment.EFTER_BESLUT
    case.decision_ref = ASSESSMENT_NOTE
    case.kartlaggning = Kartlaggning(factors=[Factor.ANGEST, Factor.KOMMUNIKATION_SAMSPEL],
                                     family_notes=KARTLAGGNING_NOTE, summary="Sammanfattning av kartläggningen",
                                     protective_factors=[ProtectiveFactor.STRUKTURERAD_FRITID],
                                     guardians_view="Vårdnadshavarnas syn i kartläggningen")
    case.contacts = [ContactEntry(on=dt.date(2026, 10, 1), kind=ContactKind.TELEFON, participants="Åsa Ödegård",
                                  summary=CONTACT_NOTE)]
    return case


@pytest.fixture(scope="module")
def typical() -> tuple[PdfReader, str]:
    return text_of(build_min_plan(a_full_case(), CONTEXT))


def test_goals_helpers_and_next_meeting_are_there(typical):
    _, text = typical
    plan = make_case().current_plan
    for heading in ("Min plan", "Det här vill jag nå", "Det här gör vi", "Vi ses igen", "Mina egna ord"):
        assert heading in text
    for goal in plan.goals:
        assert goal.description in text
        assert goal.target in text  # what we aim for, in the student's copy too
    for insats in plan.insatser:
        assert insats.name in text
        assert f"Vem hjälper mig: {insats.responsible_person}" in text
    assert "När: från 29 november 2026 till 11 juni 2027." in text
    assert mp.long_date(FOLLOW_UP_DATE, weekday=True) == "torsdag 28 januari 2027"
    assert "torsdag 28 januari 2027" in text
    assert "Jag vill klara matten och engelskan" in text  # the student's own words
    assert "Elev: Måns Ödegård" in text and "Underskrift" in text


def test_what_the_student_copy_leaves_out(typical):
    _, text = typical
    plan = make_case().current_plan
    left_out = [
        "070-000", "@example.se", "Hemlig gatan",  # guardians' phone, e-mail, address
        GUARDIANS_VIEW[:40], "Vårdnadshavarnas syn",  # guardians' views (plan and kartläggning)
        KARTLAGGNING_NOTE, "Sammanfattning av kartläggningen", "Ångest", "Kommunikation och samspel",
        "Strukturerade fritidsaktiviteter",  # kartläggning factors and notes
        ASSESSMENT_NOTE, "Efter utredning och beslut", "utredning",  # socialtjänstens bedömning
        CONTACT_NOTE,  # the contact log
        "20120415-0006", "Äppelvikens skola", "Hög frånvaro",  # personnummer, school, reason for the case
        "Utgångsläge", "Hur det mäts",
    ]
    left_out += [goal.baseline for goal in plan.goals] + [goal.measure for goal in plan.goals]
    found = [item for item in left_out if item.lower() in text.lower()]
    assert not found, found
    assert "Vårdnadshavare:" not in text  # the student signs alone


def test_body_type_is_large():
    assert mp.BODY_SIZE >= 14
    styles = mp._styles()
    assert min(styles.body.fontSize, styles.item.fontSize, styles.detail.fontSize) >= 14


def test_twelve_goals_and_twenty_insatser_all_print_on_numbered_pages():
    case = make_large_case()
    reader, text = text_of(build_min_plan(case, CONTEXT))
    pages = len(reader.pages)
    assert pages >= 4
    for number in range(1, pages + 1):
        assert f"Sida {number} av {pages}" in reader.pages[number - 1].extract_text()
    assert text.count("Vem hjälper mig:") == 20
    assert text.count("Så vet vi att det går bra:") == 12
    assert "(delmål 2)" in text
    assert "torsdag 28 januari 2027" in text


def test_empty_plan_and_no_plan_say_so_plainly():
    case = make_case(goals=0, insatser=0, student_view="")
    case.current_plan.follow_up_on = None
    _, text = text_of(build_min_plan(case, CONTEXT))
    for sentence in (mp.NO_GOALS, mp.NO_INSATSER, mp.NO_FOLLOW_UP):
        assert sentence in text
    assert "Mina egna ord" not in text  # only when the student's words were recorded
    case.plans = []
    _, text = text_of(build_min_plan(case, CONTEXT))
    assert mp.NO_PLAN in text and "Min underskrift" in text


def test_an_insats_without_person_names_the_authority_or_says_we_decide_together():
    case = make_case(goals=1, insatser=2)
    first, second = case.current_plan.insatser
    first.responsible_person = ""
    second.responsible_person, second.responsible_authority = "", None
    second.start_on = second.end_on = None
    _, text = text_of(build_min_plan(case, CONTEXT))
    assert "Vem hjälper mig: Skolan" in text
    assert f"Vem hjälper mig: {mp.NOBODY}" in text


def test_metadata_names_the_document_and_not_the_student():
    reader, _ = text_of(build_min_plan(make_case(), CONTEXT))
    assert reader.metadata.title == "Min plan"  # never the student's name (issue 10)
    assert reader.metadata.subject == "Min plan"


def test_user_text_prints_literally_and_fixed_texts_have_glyphs():
    case = make_case(goals=1, insatser=0)
    case.current_plan.goals[0].description = "Jag vill <b>våga</b> gå & stanna"
    case.set_student_view(Stage.PLANERING, "Jag < du")
    _, text = text_of(build_min_plan(case, CONTEXT))
    assert "Jag vill <b>våga</b> gå & stanna" in text and "Jag < du" in text
    fixed = [v for k, v in vars(mp).items() if k.isupper() and isinstance(v, str)] + list(mp.MONTHS + mp.WEEKDAYS)
    assert all(not missing_glyphs(t) for t in fixed)
