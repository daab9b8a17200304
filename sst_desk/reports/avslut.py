"""The avslutsanteckning (seed 002, "Avslut"): why and when the case was closed, and how the goals stood.

The closing date and reason, the worker's closing note, every goal of the last
plan with its most recent rating, the referrals made, and the boosterträff
booked a few months on. Addresses are never printed; for a protected student
the school is left out as well.

An open case raises ``MissingData`` (see ``missing.py``): a closing note is
written when the case is closed, not before.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from sst_desk.workflow.entities import Boostertraff, Case, Handlingsplan

from sst_desk.reports.base import DocumentInfo, ReportContext, format_date, render_pdf
from sst_desk.reports.blocks import Signer, data_table, empty, heading, key_values, para, signature_blocks, text_paragraphs
from sst_desk.reports.handlingsplan import _student_section
from sst_desk.reports.labels_sv import label
from sst_desk.reports.missing import Missing, MissingData
from sst_desk.reports.rounds import latest_plan, latest_ratings
from sst_desk.reports.styles import styles

TITLE = "Avslutsanteckning"
NO_NOTE = "Ingen avslutande anteckning är skriven."
NO_PLAN = "Ingen handlingsplan upprättades i ärendet."
NO_GOALS = "Planen hade inga mål."
NOT_RATED = "Ej bedömt"
NO_REFERRALS = "Inga hänvisningar, anmälningar, ansökningar eller SIP har gjorts."
NO_BOOSTER = "Ingen boosterträff är bokad."


def available(case: Case) -> bool:
    return case.closed_on is not None


def build_avslutsanteckning(case: Case, context: ReportContext) -> bytes:
    """The closing note's PDF. Raises ``MissingData(…, Missing.CLOSING)`` while the case is open."""
    if case.closed_on is None:
        raise MissingData(TITLE, Missing.CLOSING)
    s = styles()
    story: list[Flowable] = [
        Paragraph(TITLE, s.title),
        para(f"Ärendet avslutades {format_date(case.closed_on)}", s.subtitle),
        Spacer(1, 2 * mm),
        *_student_section(case),
        *heading("Avslut"),
        key_values([
            ("Avslutat", format_date(case.closed_on)),
            ("Skäl", label(case.closing_reason, "Ej angivet")),
            ("Inskriven", format_date(case.enrolled_on, "Ej inskriven")),
        ]),
        Paragraph("Avslutande anteckning", s.subheading),
        *text_paragraphs(case.closing_note, NO_NOTE),
    ]
    story += _goals_section(case, latest_plan(case))
    story += _referrals_section(case)
    story += heading("Boosterträff")
    story.append(_booster_line(case.booster))
    story += _signature(case)
    info = DocumentInfo(title=TITLE, student_name=case.student.full_name, case_number=case.id,
                        keywords=("avslut", "skolsocialt team"))
    return render_pdf(story, info, context)


def _goals_section(case: Case, plan: Handlingsplan | None) -> list[Flowable]:
    story = heading("Målen vid avslut")
    if plan is None:
        return [*story, empty(NO_PLAN)]
    goals = sorted(plan.goals, key=lambda g: g.position)
    if not goals:
        return [*story, empty(NO_GOALS)]
    s = styles()
    ratings = latest_ratings(case, plan)
    rows = []
    for number, goal in enumerate(goals, start=1):
        found = ratings.get(id(goal))
        if found is None:
            verdict: list[Flowable] = [para(NOT_RATED, s.cell_muted)]
        else:
            rating, comment, follow_up = found
            verdict = [para(label(rating), s.cell_bold), para(f"vid uppföljningen {format_date(follow_up.held_on)}",
                                                             s.cell_muted)]
            if comment:
                verdict.append(para(comment, s.cell))
        rows.append([Paragraph(str(number), s.cell_bold),
                     [para(goal.description, s.cell), para(label(goal.area), s.cell_muted)],
                     para(goal.baseline or "–", s.cell), para(goal.target or "–", s.cell), verdict])
    caption = para(f"Handlingsplan version {plan.version}; senaste bedömningen av varje mål.", s.muted)
    table = data_table(["Nr", "Mål", "Utgångsläge", "Målnivå", "Senaste bedömning"], rows,
                       widths=[8, 58, 30, 30, 44])
    return [*story, caption, table]


def _referrals_section(case: Case) -> list[Flowable]:
    story = heading("Hänvisningar och anmälningar")
    if not case.referrals:
        return [*story, empty(NO_REFERRALS)]
    s = styles()
    rows = [[para(label(r.kind), s.cell_bold), para(format_date(r.made_on), s.cell), para(r.to_whom or "–", s.cell),
             para(r.note or "–", s.cell)]
            for r in sorted(case.referrals, key=lambda r: r.made_on)]
    return [*story, data_table(["Typ", "Datum", "Till", "Anteckning"], rows, widths=[32, 24, 48, 66])]


def _booster_line(booster: Boostertraff | None) -> Flowable:
    s = styles()
    if booster is None:
        return empty(NO_BOOSTER)
    line = f"Planerad till {format_date(booster.planned_on)}."
    if booster.held is True:
        line += f" Genomförd {format_date(booster.held_on, 'datum ej angivet')}."
    elif booster.held is False:
        line += " Blev inte av."
    return para(line, s.body)


def _signature(case: Case) -> list[Flowable]:
    s = styles()
    signer = Signer("Skolsocionom", case.socionom) if case.socionom else Signer("Skolsocionom", name_line=True)
    return [CondPageBreak(45 * mm), Paragraph("Underskrift", s.heading), signature_blocks([[signer]])]
