"""The uppföljningsprotokoll (seed 002, "Uppföljning"): each goal of the plan rated, and what happens next.

The meeting's date, the plan version it followed up, the absence when the case
was raised and now, every goal with its starting point, target and rating
(uppnått, delvis uppnått, ej uppnått) and comment, the summary, the decision
that ended the round (continue with the same plan, revise it, or close the
case — or, if not yet recorded, boxes to tick at the meeting), who took part,
and lines to sign. Addresses are never printed; for a protected student the
school is left out as well.

Without any recorded uppföljning the builder raises ``MissingData`` (see
``missing.py``).
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from sst_desk.workflow.attendance import AttendanceRecord
from sst_desk.workflow.codes import Stage
from sst_desk.workflow.entities import Case, FollowUp, Goal, GoalRating, Handlingsplan
from sst_desk.workflow.process import local_date

from sst_desk.reports.base import DocumentInfo, ReportContext, format_date, render_pdf
from sst_desk.reports.blocks import data_table, empty, heading, key_values, markup, para, signature_section, text_paragraphs
from sst_desk.reports.handlingsplan import _student_section
from sst_desk.reports.labels_sv import FOLLOW_UP_OUTCOMES, label, percent_label
from sst_desk.reports.missing import Missing, MissingData
from sst_desk.reports.rounds import decision_after, latest_follow_up, plan_for
from sst_desk.reports.skollinje import skollinje_section
from sst_desk.reports.styles import styles

TITLE = "Uppföljningsprotokoll"
NO_RATINGS = "Inga mål är bedömda vid den här uppföljningen."
NOT_RATED = "Ej bedömt"
NO_SUMMARY = "Ingen sammanfattning är skriven."
UNDECIDED = "Beslutas vid mötet (kryssa i):"
CHOICES = ("Arbetet fortsätter enligt samma plan. Nästa uppföljning: ____________",
           "Planen revideras: en ny version av handlingsplanen tas fram.",
           "Ärendet avslutas.")
BOX = "\u2610"  # ☐, in DejaVu Sans


def available(case: Case) -> bool:
    return bool(case.follow_ups)


def build_uppfoljning(case: Case, follow_up: FollowUp | None, context: ReportContext, *,
                      attendance: Sequence[AttendanceRecord] = ()) -> bytes:
    """The protocol of ``follow_up`` (None: the latest one held). Raises ``MissingData`` without any.

    With ``attendance`` records, skollinjen up to the meeting's day comes right after the goal ratings,
    the evidence they were rated on.
    """
    follow_up = follow_up if follow_up is not None else latest_follow_up(case)
    if follow_up is None:
        raise MissingData(TITLE, Missing.FOLLOW_UP)
    if not any(f is follow_up for f in case.follow_ups):
        raise MissingData(TITLE, Missing.FOLLOW_UP, "the follow-up is not one of this case's")
    plan = plan_for(case, follow_up.plan_version)
    story: list[Flowable] = [*_title(follow_up), *_student_section(case)]
    story += heading("Frånvaro")
    story.append(key_values([
        ("När ärendet aktualiserades", percent_label(case.absence_percent)),
        (f"Vid uppföljningen {format_date(follow_up.held_on)}", percent_label(follow_up.absence_percent)),
    ], label_width=62 * mm))
    story += _goals_section(plan, follow_up)
    story += skollinje_section(case, attendance, context, today=follow_up.held_on)
    story += heading("Sammanfattning")
    story += text_paragraphs(follow_up.summary, NO_SUMMARY)
    story += _next_section(case, follow_up)
    story += _participants(case)
    story += signature_section(case, "Vi har gått igenom målen tillsammans.")
    info = DocumentInfo(title=TITLE, student_name=case.student.full_name, case_number=case.id,
                        keywords=("uppföljning", "handlingsplan", "skolsocialt team"))
    return render_pdf(story, info, context)


def _title(follow_up: FollowUp) -> list[Flowable]:
    s = styles()
    line = f"Uppföljning {format_date(follow_up.held_on)}  ·  handlingsplan version {follow_up.plan_version}"
    return [Paragraph(TITLE, s.title), para(line, s.subtitle), Spacer(1, 2 * mm)]


def _rows(plan: Handlingsplan | None, follow_up: FollowUp) -> list[tuple[Goal, GoalRating | None]]:
    """The plan's goals in order with their rating here, then any rated goal the plan no longer holds."""
    ratings = {id(r.goal): r for r in follow_up.ratings}
    goals = sorted(plan.goals, key=lambda g: g.position) if plan else []
    rows = [(goal, ratings.pop(id(goal), None)) for goal in goals]
    rows += [(r.goal, r) for r in follow_up.ratings if id(r.goal) in ratings]
    return rows


def _goals_section(plan: Handlingsplan | None, follow_up: FollowUp) -> list[Flowable]:
    story = heading("Målen och hur de bedöms")
    pairs = _rows(plan, follow_up)
    if not pairs:
        return [*story, empty(NO_RATINGS)]
    s = styles()
    rows = []
    for number, (goal, rating) in enumerate(pairs, start=1):
        verdict: list[Flowable] = [para(label(rating.rating), s.cell_bold) if rating else para(NOT_RATED, s.cell_muted)]
        if rating and rating.comment:
            verdict.append(para(rating.comment, s.cell))
        rows.append([
            Paragraph(str(number), s.cell_bold),
            [para(goal.description, s.cell), para(label(goal.area), s.cell_muted)],
            para(goal.baseline or "–", s.cell),
            para(goal.target or "–", s.cell),
            verdict,
        ])
    table = data_table(["Nr", "Mål", "Utgångsläge", "Målnivå", "Bedömning"], rows, widths=[8, 58, 30, 30, 44])
    return [*story, table]


def _next_section(case: Case, follow_up: FollowUp) -> list[Flowable]:
    s = styles()
    story = heading("Vad händer nu")
    decision = decision_after(case, follow_up)
    if decision is None:
        return [*story, para(UNDECIDED, s.body), *[para(f"{BOX}  {choice}", s.body) for choice in CHOICES]]
    story.append(Paragraph(f"<b>{markup(FOLLOW_UP_OUTCOMES.get(decision.to_stage, ''))}</b>", s.body))
    if decision.to_stage is Stage.GENOMFORANDE:
        plan = plan_for(case, follow_up.plan_version)
        if plan is not None and plan.follow_up_on is not None and plan.follow_up_on > follow_up.held_on:
            story.append(para(f"Nästa uppföljning: {format_date(plan.follow_up_on)}", s.body))
    elif decision.to_stage is Stage.PLANERING:
        newer = [p.version for p in case.plans if p.version > follow_up.plan_version]
        if newer:
            story.append(para(f"Den nya planen är version {min(newer)}.", s.body))
    elif decision.to_stage is Stage.AVSLUTAD:
        if case.closing_reason is not None:
            story.append(para(f"Skäl: {label(case.closing_reason)}", s.body))
        if case.booster is not None:
            story.append(para(f"Boosterträff planeras till {format_date(case.booster.planned_on)}.", s.body))
    story.append(para(f"Beslutat {format_date(local_date(decision.at))} av {decision.by}.", s.muted))
    if decision.comment.strip():
        story += text_paragraphs(decision.comment, "")
    return story


def _participants(case: Case) -> list[Flowable]:
    """Everyone the meeting was for, to tick, and room for anyone else: the app does not record attendance."""
    s = styles()
    student = case.student
    invited = [f"{student.full_name} (elev)"]
    invited += [f"{g.name} (vårdnadshavare)" for g in student.guardians if g.must_consent]
    if case.socionom:
        invited.append(f"{case.socionom} (skolsocionom)")
    if case.school_contact:
        invited.append(f"{case.school_contact} (skolan)")
    story = [*heading("Deltagare"), para("Kryssa för dem som deltog.", s.muted)]
    story += [para(f"{BOX}  {name}", s.body) for name in invited]
    story.append(para("Övriga: " + "_" * 60, s.body))
    return story


