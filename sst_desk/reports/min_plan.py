"""Min plan: the handlingsplan as the student's own copy, in plain Swedish and large type.

The student reads it alone, perhaps keeps it in a bag or on a fridge, so it
says only what the student needs and nothing a classmate or sibling who picks
it up should learn. What it shows, in the student's voice ("jag", "vi"):

- *Det här vill jag nå*: each goal's words and what we aim for (its target);
- *Det här gör vi*: each insats, what happens, who helps, from when (and until);
- *Vi ses igen*: the date of the next uppföljning;
- *Mina egna ord*: the student's own view, when it was recorded;
- one signature line, for the student.

What it leaves out on purpose (tests check this): the starting point of each
goal (absence figures and grades are measurements of the problem, not goals),
how a goal is measured, the personnummer, school and addresses, the guardians
(their names, views, phone numbers and e-mail), anything from the
kartläggning (factors, notes, documents), socialtjänstens bedömning and
decision, the case's contact log and the team's notes. Only the people who
help with an insats are named, by name and role as written in the plan.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from sst_desk.workflow.codes import Stage
from sst_desk.workflow.entities import Case, Goal, Handlingsplan, Insats

from sst_desk.reports.base import DocumentInfo, ReportContext, render_pdf
from sst_desk.reports.blocks import Signer, markup, signature_blocks
from sst_desk.reports.fonts import BOLD, FAMILY, register_fonts
from sst_desk.reports.labels_sv import label
from sst_desk.reports.styles import ACCENT, CONTENT_WIDTH, INK, MUTED, NOTE_FILL, NOTE_RULE

TITLE = "Min plan"
BODY_SIZE = 14  # large type: the student copy is read by children, some with reading difficulties
NO_PLAN = "Din plan är inte klar än. Vi gör den tillsammans."
NO_GOALS = "Vi har inte skrivit några mål än."
NO_INSATSER = "Vi har inte bestämt vad vi ska göra än."
NO_FOLLOW_UP = "Vi bestämmer snart när vi ses igen."
NOBODY = "Det bestämmer vi tillsammans."
MONTHS = ("januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september", "oktober",
          "november", "december")
WEEKDAYS = ("måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag")


def long_date(day: dt.date, weekday: bool = False) -> str:
    """"28 januari 2027" (or "torsdag 28 januari 2027"): easier to read than 2027-01-28."""
    text = f"{day.day} {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


class _Large:
    """Paragraph styles for large type; local, because only the student copy reads this way."""

    def __init__(self) -> None:
        register_fonts()
        self.body = ParagraphStyle("mp_body", fontName=FAMILY, fontSize=BODY_SIZE, leading=BODY_SIZE * 1.45,
                                   textColor=INK, spaceAfter=6)
        self.title = ParagraphStyle("mp_title", parent=self.body, fontName=BOLD, fontSize=30, leading=36,
                                    textColor=ACCENT, spaceAfter=4)
        self.intro = ParagraphStyle("mp_intro", parent=self.body, textColor=MUTED)
        self.heading = ParagraphStyle("mp_heading", parent=self.body, fontName=BOLD, fontSize=20, leading=25,
                                      textColor=ACCENT, spaceBefore=14, spaceAfter=8)
        self.item = ParagraphStyle("mp_item", parent=self.body, fontName=BOLD, spaceAfter=2)
        self.detail = ParagraphStyle("mp_detail", parent=self.body, spaceAfter=2)
        self.big_date = ParagraphStyle("mp_date", parent=self.body, fontName=BOLD, fontSize=18, leading=24)


@lru_cache(maxsize=1)
def _styles() -> _Large:
    return _Large()


def build_min_plan(case: Case, context: ReportContext, plan: Handlingsplan | None = None) -> bytes:
    """The student's copy of ``plan`` (by default the current plan)."""
    plan = plan if plan is not None else case.current_plan
    s = _styles()
    student = case.student
    story: list[Flowable] = [Paragraph(TITLE, s.title)]
    if plan is None:
        story.append(_p(NO_PLAN, s.intro))
    else:
        since = f" Den gäller från {long_date(plan.created_on)}." if plan.created_on else ""
        story.append(_p(f"Det här är din plan, {student.first_name}. Vi har gjort den tillsammans.{since}", s.intro))
        story += _goals(plan)
        story += _insatser(plan)
        story += _next_meeting(plan)
    own_words = case.student_view(Stage.PLANERING).strip()
    if own_words:
        story += _section("Mina egna ord")
        story += [_p(block.strip(), s.body) for block in own_words.split("\n\n") if block.strip()]
    story += _signature(case)
    info = DocumentInfo(title=TITLE, student_name=student.full_name, case_number=case.id,
                        keywords=("min plan", "handlingsplan", "skolsocialt team"))
    return render_pdf(story, info, context)


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(markup(text), style)


def _section(title: str) -> list[Flowable]:
    return [CondPageBreak(45 * mm), Paragraph(markup(title), _styles().heading)]


def _card(lines: list[Flowable]) -> Flowable:
    """One goal or insats as a block with a coloured edge, kept on one page when it fits."""
    box = Table([[lines]], colWidths=[CONTENT_WIDTH])
    box.setStyle(TableStyle([
        ("LINEBEFORE", (0, 0), (0, -1), 3, ACCENT),
        ("LEFTPADDING", (0, 0), (-1, -1), 10),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    ]))
    return KeepTogether([box, Spacer(1, 4 * mm)])


def _goals(plan: Handlingsplan) -> list[Flowable]:
    s = _styles()
    story = _section("Det här vill jag nå")
    goals: list[Goal] = sorted(plan.goals, key=lambda g: g.position)
    if not goals:
        return [*story, _p(NO_GOALS, s.body)]
    for goal in goals:
        lines: list[Flowable] = [_p(goal.description, s.item)]
        if goal.target.strip():
            lines.append(_p(f"Så vet vi att det går bra: {goal.target.strip()}", s.detail))
        story.append(_card(lines))
    return story


def _insatser(plan: Handlingsplan) -> list[Flowable]:
    s = _styles()
    story = _section("Det här gör vi")
    insatser: list[Insats] = sorted(plan.insatser, key=lambda i: i.position)
    if not insatser:
        return [*story, _p(NO_INSATSER, s.body)]
    for insats in insatser:
        lines: list[Flowable] = [_p(insats.name, s.item)]
        if insats.description.strip():
            lines.append(_p(insats.description.strip(), s.detail))
        lines.append(_p(f"Vem hjälper mig: {_helper(insats)}", s.detail))
        when = _when(insats)
        if when:
            lines.append(_p(when, s.detail))
        story.append(_card(lines))
    return story


def _helper(insats: Insats) -> str:
    if insats.responsible_person.strip():
        return insats.responsible_person.strip()
    if insats.responsible_authority is not None:
        return label(insats.responsible_authority)
    return NOBODY


def _when(insats: Insats) -> str:
    if insats.start_on and insats.end_on:
        return f"När: från {long_date(insats.start_on)} till {long_date(insats.end_on)}."
    if insats.start_on:
        return f"När: från {long_date(insats.start_on)}."
    if insats.end_on:
        return f"När: till {long_date(insats.end_on)}."
    return ""


def _next_meeting(plan: Handlingsplan) -> list[Flowable]:
    s = _styles()
    story = _section("Vi ses igen")
    if plan.follow_up_on is None:
        return [*story, _p(NO_FOLLOW_UP, s.body)]
    box = Table([[[_p(long_date(plan.follow_up_on, weekday=True), s.big_date),
                   _p("Då pratar vi om hur det går med varje mål. Du får säga vad du tycker.", s.detail)]]],
                colWidths=[CONTENT_WIDTH])
    box.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), NOTE_FILL),
        ("LINEBEFORE", (0, 0), (0, -1), 3, NOTE_RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 10),
        ("TOPPADDING", (0, 0), (-1, -1), 6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 8),
    ]))
    return [*story, KeepTogether([box])]


def _signature(case: Case) -> list[Flowable]:
    s = _styles()
    return [
        CondPageBreak(60 * mm),
        Paragraph("Min underskrift", s.heading),
        _p("Jag har varit med och gjort planen.", s.body),
        Spacer(1, 4 * mm),
        signature_blocks([[Signer("Elev", case.student.full_name)]]),
    ]
