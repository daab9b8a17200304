"""Issue 15: the kallelse prints the meeting's time and place and the contact person's phone; and the
kallelse to an uppföljning (its own title and introduction, the plan's follow-up date)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from sst_desk.reports import kallelse
from sst_desk.reports.base import ReportContext
from sst_desk.reports.kallelse import build_kallelse, build_kallelse_uppfoljning, follow_up_available
from sst_desk.reports.kinds import kind
from sst_desk.reports.missing import Missing, MissingData

sys.path.insert(0, str(Path(__file__).parent))
from report_cases import FOLLOW_UP_DATE, make_case  # noqa: E402
from report_cases_more import make_closed_case  # noqa: E402

CONTEXT = ReportContext(team_name="Skolsociala teamet Äppelviken", printed_by="Sara Lind",
                        printed_on=dt.date(2027, 1, 10), contact_lines=("Storgatan 1, 123 45 Äppelviken",),
                        contact_person="Sara Lind", contact_phone="070-123 45 67")


def text_of(data: bytes) -> tuple[int, str]:
    reader = PdfReader(io.BytesIO(data))
    return len(reader.pages), " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


def test_the_booster_letter_prints_time_place_and_the_contact_persons_phone():
    case = make_closed_case()
    case.booster.start_time = dt.time(14, 30)
    case.booster.place = "Skolans bibliotek, grupprum 2"
    pages, text = text_of(build_kallelse(case, CONTEXT))
    assert pages == 1
    assert "kl. 14.30" in text and "Skolans bibliotek, grupprum 2" in text
    assert "Kontaktperson: Sara Lind, 070-123 45 67" in text


def test_without_time_and_place_there_are_lines_to_fill_in_and_no_contact_line_without_a_person():
    case = make_closed_case()
    _pages, text = text_of(build_kallelse(case, dataclasses.replace(CONTEXT, contact_person="", contact_phone="")))
    assert "Tid" in text and "Plats" in text and "kl." not in text
    assert "Kontaktperson" not in text


def test_the_follow_up_letter_has_its_own_title_introduction_and_meeting():
    case = make_case()
    plan = case.current_plan
    plan.follow_up_time, plan.follow_up_place = dt.time(8, 15), "Elevhälsans rum"
    assert follow_up_available(case) and kind("kallelse-uppfoljning").applies_to(case)
    pages, text = text_of(build_kallelse_uppfoljning(case, CONTEXT))
    assert pages == 1
    assert kallelse.FOLLOW_UP_TITLE in text and "boosterträff" not in text
    assert "Ett sådant möte kallas uppföljning." in text
    assert FOLLOW_UP_DATE.isoformat() in text and "kl. 08.15" in text and "Elevhälsans rum" in text
    assert "Kontaktperson: Sara Lind, 070-123 45 67" in text


def test_no_follow_up_letter_for_a_closed_case_or_a_plan_without_a_date():
    closed = make_closed_case()
    assert not follow_up_available(closed) and not kind("kallelse-uppfoljning").applies_to(closed)
    with pytest.raises(MissingData) as refused:
        build_kallelse_uppfoljning(closed, CONTEXT)
    assert refused.value.missing is Missing.FOLLOW_UP_DATE
    open_case = make_case()
    open_case.current_plan.follow_up_on = None
    assert not follow_up_available(open_case)
