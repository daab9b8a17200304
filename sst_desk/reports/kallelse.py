"""A kallelse (invitation) to the boosterträff or to an uppföljning, in plain Swedish, for the student and the
guardians.

The letter is addressed by name only: no postal address, ever, and not just for
a student with protected identity. A letter to "the student and the guardians"
is read by all of them, and guardians do not always live together; printing
one guardian's address on a letter the other reads can do harm, and for a
protected student any address or school on paper is a leak. The team hands the
letter over or posts it in an envelope addressed by hand from the case file.
For guardians who live apart, print one letter each with ``to=``.

The meeting's day is printed; its time and place too when the case holds them (issue 15:
``Boostertraff.start_time``/``place``, ``Handlingsplan.follow_up_time``/``follow_up_place``), otherwise they
are lines to fill in by hand. The contact person is printed with their work phone ("Kontaktperson: Sara Lind,
070-123 45 67"): ``ReportContext.contact_person``/``contact_phone``, which the printing service fills in —
the case member who prints, else the case's skolsocionom (services/printing.py ``_contact_person``, where the
decision is written down). The team's contact lines (settings TEAM_CONTACT) follow. A case without a booked
boosterträff (or, for the uppföljning letter, without a follow-up date in a case not yet closed) raises
``MissingData``.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from sst_desk.workflow.entities import Case, Guardian

from sst_desk.reports.base import DocumentInfo, ReportContext, format_date, render_pdf
from sst_desk.reports.blocks import markup, para
from sst_desk.reports.labels_sv import weekday_label
from sst_desk.reports.missing import Missing, MissingData
from sst_desk.reports.styles import INK, styles

TITLE = "Kallelse till boosterträff"
INTRODUCTION = (
    "Det har gått en tid sedan vi avslutade arbetet tillsammans. Nu vill vi träffas igen för att höra "
    "hur det går i skolan och hemma. Vi pratar om det som fungerar och om något behöver mer stöd. "
    "Ett sådant möte kallas boosterträff."
)
FOLLOW_UP_TITLE = "Kallelse till uppföljning"
FOLLOW_UP_INTRODUCTION = (
    "Vi har en plan för att det ska gå bättre i skolan. Nu vill vi träffas för att tillsammans se hur det "
    "har gått: vad som har blivit bättre, vad som är svårt och om planen behöver ändras. Ett sådant möte "
    "kallas uppföljning. Det är viktigt att både eleven och ni vårdnadshavare får säga vad ni tycker."
)
CHANGE_TIME = "Passar inte tiden? Hör av er till oss, så hittar vi en annan tid."
WELCOME = "Välkomna!"


def available(case: Case) -> bool:
    return case.booster is not None


def follow_up_available(case: Case) -> bool:
    """An uppföljning letter needs the plan's next follow-up date, in a case that is still open."""
    plan = case.current_plan
    return case.closed_on is None and plan is not None and plan.follow_up_on is not None


def build_kallelse(case: Case, context: ReportContext, *, to: str | None = None) -> bytes:
    """The letter to the boosterträff, to the student and the vårdnadshavare, or to one of them (``to``)."""
    booster = case.booster
    if booster is None:
        raise MissingData(TITLE, Missing.BOOSTER)
    return _letter(case, context, TITLE, INTRODUCTION, booster.planned_on, booster.start_time, booster.place,
                   "boosterträff", to)


def build_kallelse_uppfoljning(case: Case, context: ReportContext, *, to: str | None = None) -> bytes:
    """The letter to the next uppföljning of the plan (its date, time and place), same shape as the booster's."""
    plan = case.current_plan
    if not follow_up_available(case) or plan is None or plan.follow_up_on is None:
        raise MissingData(FOLLOW_UP_TITLE, Missing.FOLLOW_UP_DATE)
    return _letter(case, context, FOLLOW_UP_TITLE, FOLLOW_UP_INTRODUCTION, plan.follow_up_on, plan.follow_up_time,
                   plan.follow_up_place, "uppföljning", to)


def _letter(case: Case, context: ReportContext, title: str, introduction: str, day: dt.date,
            time: dt.time | None, place: str, keyword: str, to: str | None) -> bytes:
    recipients = _recipients(case, to, title)
    s = styles()
    letter = _letter_style()
    story: list[Flowable] = [
        Paragraph(title, s.title),
        Spacer(1, 3 * mm),
        Paragraph(f"<b>Till:</b> {markup(_joined([name for name, _ in recipients]))}", letter),
        Spacer(1, 5 * mm),
        para("Hej!", letter),
        para(introduction, letter),
        Spacer(1, 3 * mm),
        _when_and_where(f"{weekday_label(day)} {format_date(day)}", time, place),
        Spacer(1, 4 * mm),
    ]
    if case.socionom:
        story.append(para(f"Från teamet kommer {case.socionom}, skolsocionom.", letter))
    languages = sorted({g.interpreter_language for _, g in recipients if g is not None and g.interpreter_language})
    if languages:
        story.append(para(f"Vi bokar tolk på {_joined(languages)}.", letter))
    story += [para(CHANGE_TIME, letter), *_contact(case, context), Spacer(1, 4 * mm), para(WELCOME, letter),
              Spacer(1, 2 * mm), para("Hälsningar", letter)]
    story += [para(line, letter) for line in (context.contact_person or case.socionom, context.team_name) if line]
    info = DocumentInfo(title=title, student_name=case.student.full_name, case_number=case.id,
                        keywords=("kallelse", keyword, "skolsocialt team"))
    return render_pdf(story, info, context)


def _when_and_where(day: str, time: dt.time | None, place: str) -> Table:
    """Day printed; time and place printed when the case holds them, else lines to write on by hand."""
    letter = _letter_style()
    time_text = f"kl. {time.strftime('%H.%M')}" if time is not None else ""
    rows = [[Paragraph("<b>Dag</b>", letter), para(day, letter)],
            [Paragraph("<b>Tid</b>", letter), para(time_text, letter) if time_text else ""],
            [Paragraph("<b>Plats</b>", letter), para(place, letter) if place.strip() else ""]]
    table = Table(rows, colWidths=[22 * mm, 120 * mm], rowHeights=[None, 10 * mm, None if place.strip() else 10 * mm],
                  hAlign="LEFT")
    style = [
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
    ]
    if not time_text:
        style.append(("LINEBELOW", (1, 1), (1, 1), 0.6, INK))
    if not place.strip():
        style.append(("LINEBELOW", (1, 2), (1, 2), 0.6, INK))
    table.setStyle(TableStyle(style))
    return table


def _recipients(case: Case, to: str | None, title: str = TITLE) -> list[tuple[str, Guardian | None]]:
    """(name, guardian or None for the student): everyone by default, else the one person named ``to``."""
    student = case.student
    everyone: list[tuple[str, Guardian | None]] = [(student.full_name, None)]
    everyone += [(g.name, g) for g in student.guardians]
    if to is None:
        return [(name, g) for name, g in everyone if g is None or g.must_consent]
    wanted = " ".join(to.split()).casefold()
    chosen = [(name, g) for name, g in everyone if " ".join(name.split()).casefold() == wanted]
    if not chosen:
        raise MissingData(title, Missing.RECIPIENT, "to must be the student's or a guardian's name")
    return chosen[:1]


def _contact(case: Case, context: ReportContext) -> list[Flowable]:
    letter = _letter_style()
    lines = [line for line in context.contact_lines if line.strip()]
    person = ", ".join(x for x in (context.contact_person.strip(), context.contact_phone.strip()) if x)
    story: list[Flowable] = []
    if person:
        story.append(Paragraph(f"<b>Kontaktperson:</b> {markup(person)}", letter))
    if not lines:
        who = case.socionom or context.team_name
        if not person and who:
            story.append(para(f"Ni når oss genom {who}.", letter))
        return story
    return [*story, Spacer(1, 2 * mm), Paragraph("<b>Kontakt</b>", letter), *[para(line, letter) for line in lines]]


@lru_cache(maxsize=1)
def _letter_style() -> ParagraphStyle:
    """A letter to a family reads in a size larger than the file's documents."""
    return ParagraphStyle("letter", parent=styles().body, fontSize=11, leading=15.5, spaceAfter=5)


def _joined(names: list[str]) -> str:
    """Names the Swedish way: "A", "A och B", "A, B och C"."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " och " + names[-1]
