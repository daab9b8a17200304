"""A kallelse (invitation) to the boosterträff, in plain Swedish, for the student and the guardians.

The letter is addressed by name only: no postal address, ever, and not just for
a student with protected identity. A letter to "the student and the guardians"
is read by all of them, and guardians do not always live together; printing
one guardian's address on a letter the other reads can do harm, and for a
protected student any address or school on paper is a leak. The team hands the
letter over or posts it in an envelope addressed by hand from the case file.
For guardians who live apart, print one letter each with ``to=``.

The boosterträff holds a date only, so time and place are lines to fill in by
hand. The team's contact lines (settings TEAM_CONTACT) say whom to call if the
time does not suit. A case without a booked boosterträff raises ``MissingData``.
"""

from __future__ import annotations

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
CHANGE_TIME = "Passar inte tiden? Hör av er till oss, så hittar vi en annan tid."
WELCOME = "Välkomna!"


def available(case: Case) -> bool:
    return case.booster is not None


def build_kallelse(case: Case, context: ReportContext, *, to: str | None = None) -> bytes:
    """The letter to the student and the vårdnadshavare, or to one of them (``to``, a name in the case)."""
    booster = case.booster
    if booster is None:
        raise MissingData(TITLE, Missing.BOOSTER)
    recipients = _recipients(case, to)
    s = styles()
    letter = _letter_style()
    story: list[Flowable] = [
        Paragraph(TITLE, s.title),
        Spacer(1, 3 * mm),
        Paragraph(f"<b>Till:</b> {markup(_joined([name for name, _ in recipients]))}", letter),
        Spacer(1, 5 * mm),
        para("Hej!", letter),
        para(INTRODUCTION, letter),
        Spacer(1, 3 * mm),
        _when_and_where(f"{weekday_label(booster.planned_on)} {format_date(booster.planned_on)}"),
        Spacer(1, 4 * mm),
    ]
    if case.socionom:
        story.append(para(f"Från teamet kommer {case.socionom}, skolsocionom.", letter))
    languages = sorted({g.interpreter_language for _, g in recipients if g is not None and g.interpreter_language})
    if languages:
        story.append(para(f"Vi bokar tolk på {_joined(languages)}.", letter))
    story += [para(CHANGE_TIME, letter), *_contact(case, context), Spacer(1, 4 * mm), para(WELCOME, letter),
              Spacer(1, 2 * mm), para("Hälsningar", letter)]
    story += [para(line, letter) for line in (case.socionom, context.team_name) if line]
    info = DocumentInfo(title=TITLE, student_name=case.student.full_name, case_number=case.id,
                        keywords=("kallelse", "boosterträff", "skolsocialt team"))
    return render_pdf(story, info, context)


def _when_and_where(day: str) -> Table:
    """Day printed; time and place as lines tall enough to write on by hand."""
    letter = _letter_style()
    rows = [[Paragraph("<b>Dag</b>", letter), para(day, letter)],
            [Paragraph("<b>Tid</b>", letter), ""],
            [Paragraph("<b>Plats</b>", letter), ""]]
    table = Table(rows, colWidths=[22 * mm, 90 * mm], rowHeights=[None, 10 * mm, 10 * mm], hAlign="LEFT")
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ("LINEBELOW", (1, 1), (1, 2), 0.6, INK),
    ]))
    return table


def _recipients(case: Case, to: str | None) -> list[tuple[str, Guardian | None]]:
    """(name, guardian or None for the student): everyone by default, else the one person named ``to``."""
    student = case.student
    everyone: list[tuple[str, Guardian | None]] = [(student.full_name, None)]
    everyone += [(g.name, g) for g in student.guardians]
    if to is None:
        return [(name, g) for name, g in everyone if g is None or g.must_consent]
    wanted = " ".join(to.split()).casefold()
    chosen = [(name, g) for name, g in everyone if " ".join(name.split()).casefold() == wanted]
    if not chosen:
        raise MissingData(TITLE, Missing.RECIPIENT, "to must be the student's or a guardian's name")
    return chosen[:1]


def _contact(case: Case, context: ReportContext) -> list[Flowable]:
    letter = _letter_style()
    lines = [line for line in context.contact_lines if line.strip()]
    if not lines:
        who = case.socionom or context.team_name
        return [para(f"Ni når oss genom {who}.", letter)] if who else []
    return [Spacer(1, 2 * mm), Paragraph("<b>Kontakt</b>", letter), *[para(line, letter) for line in lines]]


@lru_cache(maxsize=1)
def _letter_style() -> ParagraphStyle:
    """A letter to a family reads in a size larger than the file's documents."""
    return ParagraphStyle("letter", parent=styles().body, fontSize=11, leading=15.5, spaceAfter=5)


def _joined(names: list[str]) -> str:
    """Names the Swedish way: "A", "A och B", "A, B och C"."""
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " och " + names[-1]
