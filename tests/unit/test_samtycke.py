"""The samtycke form: one per signer, pre-filled with who shares what with whom, for how long, how to withdraw."""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
from pathlib import Path

from pypdf import PdfReader

from sst_desk.reports import ReportContext, build_samtycke, build_samtycken, samtycke_signers
from sst_desk.reports import samtycke as st
from sst_desk.reports.fonts import missing_glyphs
from sst_desk.workflow.codes import Party, SignerKind

sys.path.insert(0, str(Path(__file__).parent))
from report_cases import make_case  # noqa: E402

TODAY = dt.date(2026, 11, 23)
CONTEXT = ReportContext(team_name="Skolsociala teamet Äppelviken", printed_by="Jonas Ahlström", printed_on=TODAY)


def pages_of(data: bytes) -> list[str]:
    return [re.sub(r"\s+", " ", page.extract_text()) for page in PdfReader(io.BytesIO(data)).pages]


def test_signers_are_the_student_and_the_guardians_who_must_consent():
    case = make_case()
    case.student.guardians[1].must_consent = False
    signers = samtycke_signers(case, TODAY)
    assert [(s.kind, s.name) for s in signers] == [(SignerKind.ELEV, "Måns Ödegård"),
                                                   (SignerKind.VARDNADSHAVARE, "Åsa Ödegård")]
    case.student.personal_id = "20050101-0000"  # 21 years old: custody has ended
    assert [s.kind for s in samtycke_signers(case, TODAY)] == [SignerKind.ELEV]


def test_one_page_per_signer_prefilled_from_the_recorded_consent():
    case = make_case()
    mother_consent = case.consents[1]
    mother_consent.valid_until = dt.date(2027, 6, 30)
    mother_consent.scope_note = "Bara uppgifter om närvaro och om kontakten med BUP."
    pages = pages_of(build_samtycken(case, CONTEXT))
    assert len(pages) == 3
    student, mother, father = pages
    assert "Blankett för Måns Ödegård (elev)" in student
    assert "Blankett för Åsa Ödegård (vårdnadshavare)" in mother
    assert "Blankett för Jörgen Ödegård-Renée (vårdnadshavare)" in father
    # The student consented to school and socialtjänst only; the guardians to the region as well.
    assert "☒ Skolan (Äppelvikens skola) – Får dela" in student
    assert "☐ Elevhälsan – Ingår inte i samtycket" in student
    assert "☐ Regionen (BUP, vårdcentral, habilitering) – Ingår inte" in student
    assert "☒ Regionen (BUP, vårdcentral, habilitering) – Får dela" in mother
    assert "Bara uppgifter om närvaro och om kontakten med BUP." in mother
    assert "Till och med 2027-06-30." in mother
    assert st.DEFAULT_TEXT[:60] in father and st.UNTIL_FURTHER in father
    for page, name in zip(pages, ["Måns Ödegård", "Åsa Ödegård", "Jörgen Ödegård-Renée"], strict=True):
        assert "Samtycke till samverkan" in page and "Personnummer 20120415-0006" in page
        assert "Säg till Jonas Ahlström eller någon annan i Skolsociala teamet Äppelviken" in page
        assert "Det gäller från samma stund" in page
        assert "Det är frivilligt att samtycka" in page
        assert f"Jag, {name}, har läst vad samtycket gäller" in page
        for caption in ("Underskrift", "Datum", "Namnförtydligande"):
            assert caption in page
        assert "070-000" not in page and "Hemlig gatan" not in page


def test_a_new_signer_gets_the_default_parties_and_the_teams_consent_text():
    case = make_case()
    case.consents = []
    context = ReportContext(team_name="SST Norr", consent_text="Teamets egen text om vad som delas.",
                            printed_on=TODAY)
    student = samtycke_signers(case, TODAY)[0]
    (page,) = pages_of(build_samtycke(case, student, context))
    for party in st.DEFAULT_PARTIES:
        assert f"☒ {'Skolan (Äppelvikens skola)' if party is Party.SKOLA else st.label(party)} – Får dela" in page
    assert "Teamets egen text om vad som delas." in page and st.DEFAULT_TEXT[:40] not in page
    assert st.UNTIL_FURTHER in page


def test_a_withdrawn_consent_is_not_repeated_and_protected_identity_hides_the_school():
    case = make_case(protected=True)
    student_consent = case.consents[0]
    student_consent.withdrawn_on = dt.date(2026, 10, 1)
    student_consent.scope_note = "Gammal formulering"
    (page,) = pages_of(build_samtycke(case, samtycke_signers(case, TODAY)[0], CONTEXT))
    assert "Gammal formulering" not in page and st.DEFAULT_TEXT[:40] in page
    assert "Äppelvikens skola" not in page and "☒ Skolan – Får dela" in page


def test_metadata_and_glyphs():
    reader = PdfReader(io.BytesIO(build_samtycken(make_case(), CONTEXT)))
    assert reader.metadata.title == "Samtycke"  # the kind; never the student's name (issue 10)
    assert reader.metadata.subject == "Samtycke"
    fixed = [v for k, v in vars(st).items() if k.isupper() and isinstance(v, str)]
    assert all(not missing_glyphs(t) for t in fixed)
