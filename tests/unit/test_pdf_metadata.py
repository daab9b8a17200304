"""Every PDF's metadata names the document kind and the case number, never the student or the case (issue 10).

What broke: the PDF Title and Subject carried the student's name and the closing reason ("Avslut
2027-02-26: Målen uppnådda"), which a file manager, a search index or an e-mail preview shows to anyone.
"""

from __future__ import annotations

import datetime as dt
import io
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from sst_desk.reports.access_history import build_access_history
from sst_desk.reports.base import ReportContext
from sst_desk.reports.batch import build_batch
from sst_desk.reports.kinds import KINDS
from sst_desk.reports.labels_sv import label

sys.path.insert(0, str(Path(__file__).parent))  # the fictional cases live next to this file
from report_cases import make_case  # noqa: E402
from report_cases_more import make_closed_case, with_kartlaggning  # noqa: E402

CONTEXT = ReportContext(team_name="Skolsociala teamet Äppelviken", printed_by="Jonas Ahlström",
                        printed_on=dt.date(2027, 3, 6))
CASE_NUMBER = 4711


def _metadata_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    info = reader.metadata or {}
    xmp = reader.xmp_metadata
    return " | ".join(str(value) for value in info.values()) + (str(xmp.rdf_root.toxml()) if xmp else "")


def _secrets(case) -> list[str]:
    """What must never be in metadata: names, school, personnummer, the reason for closing, dates of the case."""
    student = case.student
    words = [student.first_name, student.last_name, student.school, student.personal_id or "",
             *[g.name for g in student.guardians]]
    if case.closing_reason is not None:
        words.append(label(case.closing_reason))
    if case.closed_on is not None:
        words.append(case.closed_on.isoformat())
    return [w for w in words if w]


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.name)
def test_each_kind_keeps_the_name_and_case_content_out_of_its_metadata(kind):
    # A kallelse to an uppföljning is for a case still open (its plan's next follow-up); the rest: a closed one.
    case = with_kartlaggning(make_case() if kind.name == "kallelse-uppfoljning" else make_closed_case())
    case.id = CASE_NUMBER
    assert kind.applies_to(case), "the fictional case holds what every kind prints"
    data = kind.build(case, CONTEXT)
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata.subject.startswith(kind.title)  # the document kind ("Kartläggning – sammanfattning")
    assert reader.metadata.title == f"{reader.metadata.subject}, ärende {CASE_NUMBER}"
    metadata = _metadata_text(data)
    for secret in _secrets(case):
        assert secret not in metadata, (kind.name, secret)
    assert case.student.first_name in reader.pages[0].extract_text()  # the page itself still names the student


def test_the_access_history_keeps_the_name_out_of_its_metadata():
    data = build_access_history("Alva Åström", [], CONTEXT)
    assert PdfReader(io.BytesIO(data)).metadata.title == "Åtkomsthistorik"
    assert "Alva" not in _metadata_text(data) and "Åström" not in _metadata_text(data)


def test_a_batch_keeps_every_name_out_of_its_metadata():
    cases = [make_case(), make_case()]
    for number, case in enumerate(cases, start=1):
        case.id = number
    data = build_batch(cases, CONTEXT, title="Handlingsplaner")
    reader = PdfReader(io.BytesIO(data))
    assert reader.metadata.title == "Handlingsplaner"
    for secret in _secrets(cases[0]):
        assert secret not in _metadata_text(data), secret
