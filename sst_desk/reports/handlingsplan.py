"""The handlingsplan as a signed paper document (seed 002, "Planering av insats").

Student and guardians, the goals with starting point and target, the insatser
with who is responsible and when, the next uppföljning, the student's and the
guardians' own views, and lines to sign. Addresses are never printed; for a
student with protected identity the school is left out as well.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from sst_desk.workflow.attendance import AttendanceRecord
from sst_desk.workflow.codes import PlanStatus, Stage
from sst_desk.workflow.entities import Case, Goal, Handlingsplan, Insats

from sst_desk.reports.base import DocumentInfo, ReportContext, format_date, render_pdf
from sst_desk.reports.blocks import (
    data_table,
    empty,
    heading,
    key_values,
    markup,
    notice,
    para,
    signature_section,
    text_paragraphs,
)
from sst_desk.reports.labels_sv import grade_label, label
from sst_desk.reports.skollinje import skollinje_section
from sst_desk.reports.styles import styles

TITLE = "Handlingsplan"
NO_PLAN = "Ingen handlingsplan är upprättad än."
NO_GOALS = "Inga mål har angetts än."
NO_INSATSER = "Inga insatser har angetts än."
NO_FOLLOW_UP = "Datum för nästa uppföljning är inte bestämt än."
NO_STUDENT_VIEW = "Elevens egen syn har inte dokumenterats."
NO_GUARDIANS_VIEW = "Vårdnadshavarnas syn har inte dokumenterats."
NO_GUARDIANS = "Inga vårdnadshavare är registrerade."
PROTECTED_NOTE = (
    "Eleven har skyddade personuppgifter. Skola och adress skrivs inte ut. "
    "Hantera dokumentet så att inga uppgifter om var eleven finns sprids."
)


def build_handlingsplan(case: Case, context: ReportContext, plan: Handlingsplan | None = None, *,
                        attendance: Sequence[AttendanceRecord] = ()) -> bytes:
    """The PDF of ``plan``; by default the case's current plan. Without any, every section says it is empty.

    With ``attendance`` records, skollinjen follows the goals: the goals say where the student is going,
    the chart shows where the student has been (as of ``context.printed_on``).
    """
    plan = plan if plan is not None else case.current_plan
    student = case.student
    story: list[Flowable] = []
    story += _title(plan)
    if plan is not None and plan.status is PlanStatus.SUPERSEDED:
        story += [notice(f"Detta är version {plan.version}, som har ersatts av en senare version av planen."),
                  Spacer(1, 4 * mm)]
    story += _student_section(case)
    story += _goals_section(plan)
    story += skollinje_section(case, attendance, context, today=context.printed_on)
    story += _insatser_section(plan)
    story += _follow_up_section(plan)
    story += heading("Elevens egen syn")
    story += text_paragraphs(case.student_view(Stage.PLANERING), NO_STUDENT_VIEW)
    story += heading("Vårdnadshavarnas syn")
    story += text_paragraphs(plan.guardians_view if plan else "", NO_GUARDIANS_VIEW)
    story += signature_section(case, "Vi har tagit fram planen tillsammans och är överens om den.")
    info = DocumentInfo(title=TITLE, student_name=student.full_name, case_number=case.id,
                        keywords=("handlingsplan", "skolsocialt team"))
    return render_pdf(story, info, context)


def _title(plan: Handlingsplan | None) -> list[Flowable]:
    s = styles()
    if plan is None:
        line = NO_PLAN
    else:
        line = f"Version {plan.version}  ·  upprättad {format_date(plan.created_on, 'datum saknas')}"
    return [Paragraph(TITLE, s.title), para(line, s.subtitle), Spacer(1, 2 * mm)]


def _student_section(case: Case) -> list[Flowable]:
    student = case.student
    rows: list[tuple[str, str]] = [
        ("Elev", student.full_name),
        ("Personnummer", student.personal_id or "saknas"),
    ]
    if not student.protected_identity:
        rows.append(("Skola", student.school or "uppgift saknas"))
    rows.append(("Årskurs", grade_label(student.grade)))
    guardians = [_guardian_line(g.name, g.relation, g.interpreter_language) for g in student.guardians]
    rows.append(("Vårdnadshavare", "\n".join(guardians) if guardians else NO_GUARDIANS))
    if case.socionom:
        rows.append(("Skolsocionom", case.socionom))
    if case.school_contact:
        rows.append(("Kontakt i skolan", case.school_contact))
    story: list[Flowable] = [*heading("Elev och vårdnadshavare"), key_values(rows)]
    if student.protected_identity:
        story += [Spacer(1, 3 * mm), notice(PROTECTED_NOTE)]
    return story


def _guardian_line(name: str, relation: str, interpreter: str) -> str:
    details = [relation] if relation else []
    if interpreter:
        details.append(f"tolk: {interpreter}")
    return name + (f" ({', '.join(details)})" if details else "")


def _ordered_goals(plan: Handlingsplan) -> list[Goal]:
    return sorted(plan.goals, key=lambda g: g.position)  # stable: equal positions keep list order


def _goals_section(plan: Handlingsplan | None) -> list[Flowable]:
    story = heading("Mål")
    goals = _ordered_goals(plan) if plan else []
    if not goals:
        return [*story, empty(NO_GOALS)]
    s = styles()
    rows = [
        [
            Paragraph(str(number), s.cell_bold),
            para(goal.description, s.cell),
            para(label(goal.area), s.cell),
            para(goal.measure or "–", s.cell),
            para(goal.baseline or "–", s.cell),
            para(goal.target or "–", s.cell),
        ]
        for number, goal in enumerate(goals, start=1)
    ]
    table = data_table(["Nr", "Beskrivning", "Område", "Hur det mäts", "Utgångsläge", "Mål"], rows,
                       widths=[8, 46, 21, 35, 30, 30])
    return [*story, table]


def _insatser_section(plan: Handlingsplan | None) -> list[Flowable]:
    story = heading("Insatser")
    insatser = sorted(plan.insatser, key=lambda i: i.position) if plan else []
    if not insatser:
        return [*story, empty(NO_INSATSER)]
    assert plan is not None
    s = styles()
    numbers = {id(goal): n for n, goal in enumerate(_ordered_goals(plan), start=1)}
    rows = []
    for number, insats in enumerate(insatser, start=1):
        what: list[Flowable] = [para(insats.name, s.cell_bold)]
        if insats.description:
            what.append(para(insats.description, s.cell))
        rows.append([
            Paragraph(str(number), s.cell_bold),
            what,
            _responsible(insats),
            para(_period(insats), s.cell),
            _served_goal(insats, numbers),
        ])
    table = data_table(["Nr", "Insats", "Ansvarig", "Period", "Mål"], rows, widths=[8, 72, 40, 30, 20])
    return [*story, table]


def _responsible(insats: Insats) -> list[Flowable]:
    s = styles()
    cell: list[Flowable] = []
    if insats.responsible_authority is not None:
        cell.append(para(label(insats.responsible_authority), s.cell_bold))
    if insats.responsible_person:
        cell.append(para(insats.responsible_person, s.cell))
    return cell or [para("Ej angivet", s.cell_muted)]


def _period(insats: Insats) -> str:
    start, end = format_date(insats.start_on), format_date(insats.end_on)
    if start and end:
        return f"{start} – {end}"
    if start:
        return f"från {start}, tills vidare"
    if end:
        return f"till {end}"
    return "Ej angivet"


def _served_goal(insats: Insats, numbers: dict[int, int]) -> list[Flowable]:
    s = styles()
    goal = insats.goal
    if goal is None:
        return [para("Inget särskilt mål", s.cell_muted)]
    number = numbers.get(id(goal))
    if number is None:  # a goal from another plan version: show its words, it has no number here
        return [para(goal.description, s.cell_muted)]
    return [para(f"Mål {number}", s.cell_bold), para(label(goal.area), s.cell_muted)]


def _follow_up_section(plan: Handlingsplan | None) -> list[Flowable]:
    story = heading("Uppföljning")
    if plan is None or plan.follow_up_on is None:
        return [*story, empty(NO_FOLLOW_UP)]
    s = styles()
    return [
        *story,
        Paragraph(f"Nästa uppföljning: <b>{markup(format_date(plan.follow_up_on))}</b>", s.body),
        para("Vid uppföljningen går vi tillsammans igenom varje mål och bedömer om det är uppnått, "
             "delvis uppnått eller ej uppnått, mätt mot utgångsläget.", s.muted),
    ]


