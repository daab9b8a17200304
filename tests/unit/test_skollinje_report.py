"""Skollinjen in print: the chart and key figures in the handlingsplan and the uppföljningsprotokoll."""

from __future__ import annotations

import datetime as dt
import io
import re
import sys
from pathlib import Path

from pypdf import PdfReader
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, PolyLine, String

from sst_desk.options import TeamSettings
from sst_desk.report_settings import report_context_from_settings
from sst_desk.reports import ReportContext, build_handlingsplan
from sst_desk.reports.kinds import kind
from sst_desk.reports.skollinje import skollinje_drawing, skollinje_section
from sst_desk.reports.uppfoljning import build_uppfoljning
from sst_desk.workflow.attendance import AttendanceRecord, Granularity
from sst_desk.workflow.codes import EventKind, GoalArea
from sst_desk.workflow.entities import CaseEvent
from sst_desk.workflow.skollinje import build_skollinje

sys.path.insert(0, str(Path(__file__).parent))
from report_cases import make_case
from report_cases_more import add_follow_up

PRINTED_ON = dt.date(2026, 11, 23)
CONTEXT = ReportContext(team_name="Skolsociala teamet Äppelviken", printed_by="Jonas Ahlström", printed_on=PRINTED_ON)
HOSTLOV = dt.date(2026, 10, 26)


def term_days() -> list[AttendanceRecord]:
    """HT 2026 school days, 300 minutes each: 40 % absent before inskrivning (16 Sep), 10 % after; höstlov v. 44.

    By hand: 22 days at 120 minutes before 16 Sep, 43 days at 30 minutes after (48 minus the five lov days):
    the term is 3930 / 19500 = 20.15 %; the baseline (8 weeks before 16 Sep) 40 %; the 4 weeks up to
    23 Nov (27 Oct – 23 Nov, the lov days skipped) 10 %: a change of −30 procentenheter.
    """
    records, day = [], dt.date(2026, 8, 17)
    while day <= dt.date(2026, 11, 20):
        if day.weekday() < 5:
            lov = HOSTLOV <= day < HOSTLOV + dt.timedelta(days=7)
            absent = 0 if lov else (120 if day < dt.date(2026, 9, 16) else 30)
            records.append(AttendanceRecord(day, Granularity.DAY, 0 if lov else 300, absent, invalid=absent / 2))
        day += dt.timedelta(days=1)
    return records


def text_of(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


def attendance_case(**kwargs):
    case = make_case(**kwargs)
    goal = next(g for g in case.current_plan.goals if g.area is GoalArea.SKOLNARVARO)
    goal.target_absence_percent = 10.0
    case.events.append(CaseEvent(dt.date(2026, 10, 5), EventKind.SKOLBYTE, "Bytte till Granbackens skola"))
    return case


def test_handlingsplan_prints_skollinjen_between_goals_and_insatser():
    text = text_of(build_handlingsplan(attendance_case(), CONTEXT, attendance=term_days()))
    assert text.index("Mål Nr") < text.index("Skollinjen") < text.index("Insatser Nr")
    assert "Utgångsläge vid inskrivning: 40 %" in text
    assert "HT 2026 till och med 2026-11-23: 20,2 % (varningsnivå, minst 10 %)" in text
    assert "De senaste 4 veckorna mot utgångsläget: −30 procentenheter" in text
    # The drawing's own words: the goal line, months, the event in the legend, the thresholds.
    for words in ("Mål 1", "sep", "okt", "nov", "2026-10-05 Skolbyte: Bytte till Granbackens skola", "50 %"):
        assert words in text


def test_no_section_without_attendance_data():
    case = attendance_case()
    assert "Skollinjen" not in text_of(build_handlingsplan(case, CONTEXT))
    only_lov = [AttendanceRecord(HOSTLOV, Granularity.WEEK, 0, 0)]
    assert "Skollinjen" not in text_of(build_handlingsplan(case, CONTEXT, attendance=only_lov))
    assert skollinje_section(case, [], CONTEXT, today=PRINTED_ON) == []


def test_uppfoljning_prints_skollinjen_with_the_goal_ratings_as_of_the_meeting():
    case = attendance_case()
    add_follow_up(case, dt.date(2026, 11, 20))
    text = text_of(build_uppfoljning(case, None, CONTEXT, attendance=term_days()))
    assert text.index("Målen och hur de bedöms") < text.index("Skollinjen") < text.index("Sammanfattning")
    assert "HT 2026 till och med 2026-11-20: 20,2 %" in text  # the meeting's day, not the print date
    assert "Skollinjen" not in text_of(build_uppfoljning(case, None, CONTEXT))


def test_document_kinds_pass_attendance_to_the_plans_only():
    case = attendance_case()
    add_follow_up(case, dt.date(2026, 11, 20))
    assert kind("handlingsplan").uses_attendance and kind("uppfoljning").uses_attendance
    assert "Skollinjen" in text_of(kind("handlingsplan").build(case, CONTEXT, attendance=term_days()))
    assert "Skollinjen" in text_of(kind("uppfoljning").build(case, CONTEXT, attendance=term_days()))
    assert "Skollinjen" not in text_of(kind("min-plan").build(case, CONTEXT, attendance=term_days()))
    assert "Skollinjen" not in text_of(kind("handlingsplan").build(case, CONTEXT))


def test_thresholds_come_from_the_settings():
    plain = report_context_from_settings(TeamSettings(), "Tess", PRINTED_ON)
    assert (plain.warn_percent, plain.alert_percent) == (10.0, 50.0)
    team = TeamSettings(absence_warn_percent=25, absence_alert_percent=60)
    context = report_context_from_settings(team, "Tess", PRINTED_ON)
    assert (context.warn_percent, context.alert_percent) == (25.0, 60.0)
    text = text_of(build_handlingsplan(attendance_case(), context, attendance=term_days()))
    assert "20,2 % (under varningsnivån 25 %)" in text
    assert "60 %" in text and "25 %" in text


def test_protected_identity_still_prints_without_school_or_event_notes():
    text = text_of(build_handlingsplan(attendance_case(protected=True), CONTEXT, attendance=term_days()))
    assert "Skollinjen" in text and "Skolbyte" in text and "20,2 %" in text
    assert "Granbacken" not in text  # an event's note may say where the student is
    assert "Äppelvikens skola" not in text


def three_years() -> list[AttendanceRecord]:
    """156 ISO weeks, absence rising 0 → 77.5 %; sommarlov weeks 26–32 with nothing scheduled."""
    start = dt.date(2023, 11, 27)
    records = []
    for n in range(156):
        monday = start + dt.timedelta(weeks=n)
        lov = 26 <= monday.isocalendar()[1] <= 32
        records.append(AttendanceRecord(monday, Granularity.WEEK, 0 if lov else 1500, 0 if lov else n * 7.5,
                                        invalid=0 if lov else n * 2.5))
    return records


def _shapes(node) -> list:
    found = []
    for item in getattr(node, "contents", []):
        found.append(item)
        if isinstance(item, Group):
            found += _shapes(item)
    return found


def test_three_years_of_weekly_data_draw_every_week():
    records = three_years()
    model = build_skollinje(attendance_case(), records, today=PRINTED_ON)
    # 156 weeks of data (to 22 Nov 2026), then ten empty weeks until the goal's follow-up on 28 Jan 2027.
    assert model.bucket == "week" and len(model.points) == 166
    assert len([p for p in model.points if p.end <= dt.date(2026, 11, 22)]) == 156
    drawing = skollinje_drawing(model, 480, 300)
    assert isinstance(drawing, Drawing)
    shapes = _shapes(drawing)
    drawn = sum(len(s.points) // 2 for s in shapes if isinstance(s, PolyLine) and s.strokeWidth == 1.3)
    dots = sum(1 for s in shapes if isinstance(s, Circle) and s.r == 1.3)
    assert drawn + dots == sum(1 for p in model.points if p.absence_percent is not None) == 156 - 3 * 7
    # Black and white: the goal and the thresholds differ from the absence line by their dash patterns.
    dashes = {tuple(s.strokeDashArray) for s in shapes if isinstance(s, Line) and s.strokeDashArray}
    assert {(4, 2), (1, 2), (5, 2, 1, 2)} <= dashes
    words = {s.text for s in shapes if isinstance(s, String)}
    assert {"2024", "2025", "2026", "jan", "apr", "jul", "okt", "0 %", "100 %", "Insatser"} <= words
    data = build_handlingsplan(attendance_case(), CONTEXT, attendance=records)
    text = text_of(data)
    assert "Skollinjen" in text and "2025" in text


def test_a_percent_only_period_export_prints_a_band_its_figure_and_its_key():
    from sst_desk.workflow.attendance import Unit

    summary = AttendanceRecord(dt.date(2026, 8, 17), Granularity.PERIOD, 100.0, 35.1, 20.0, 15.1, Unit.PERCENT,
                               dt.date(2026, 11, 6))
    text = text_of(build_handlingsplan(attendance_case(), CONTEXT, attendance=[summary]))
    assert "Skollinjen" in text
    assert "HT 2026 till och med 2026-11-23: 35,1 %" in text  # the whole period lies in the term so far
    assert "Period (sammanfattning)" in text
    assert "Ett band över flera veckor är skolans sammanfattning för hela den perioden" in text
