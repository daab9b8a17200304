"""Samtycke: the consent form, one page per person who signs, pre-filled from the case.

School and socialtjänsten are separate authorities (OSL): they may share what
they know about a student with the family's consent. The form says exactly
who signs, for which student, which parties may share, what is shared, for how
long, that consent is voluntary, and how to withdraw it (whom to tell; it
takes effect at once). Signers are the student and, while the student is under
18, each guardian who must consent (the same rule as ``process.consent_blockers``).

Pre-filled from the signer's latest consent on the case that is not withdrawn
(parties, scope note, valid until); a new signer gets the default parties
(school, elevhälsa, socialtjänst) and the team's consent text (the
CONSENT_TEXT setting) or, when that is empty, the shipped ``DEFAULT_TEXT``.
No guardian's address or phone number is printed; for a student with protected
identity the school's name is left out too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib.units import mm
from functools import lru_cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import CondPageBreak, Flowable, KeepTogether, NextPageTemplate, PageBreak, Paragraph, Spacer

from sst_desk.workflow.codes import Party, SignerKind
from sst_desk.workflow.entities import Case, Consent, Guardian
from sst_desk.workflow.process import is_adult

from sst_desk.reports.base import FIRST_PAGE, DocumentInfo, ReportContext, format_date, render_pdf
from sst_desk.reports.blocks import Signer, key_values, markup, para, signature_blocks, text_paragraphs
from sst_desk.reports.labels_sv import label
from sst_desk.reports.styles import styles

TITLE = "Samtycke"
HEADLINE = "Samtycke till samverkan"
DEFAULT_PARTIES = (Party.SKOLA, Party.ELEVHALSA, Party.SOCIALTJANST)
DEFAULT_TEXT = (
    "Skolan, elevhälsan och socialtjänsten får lämna uppgifter till varandra om elevens skolgång, närvaro, "
    "hälsa och sociala situation i den mån det behövs för att planera, genomföra och följa upp stödet från "
    "det skolsociala teamet, till exempel närvaro och frånvaro, omdömen och betyg, extra anpassningar och "
    "särskilt stöd, kontakter med elevhälsan och de insatser socialtjänsten ger inom teamets arbete. "
    "Uppgifterna används bara för det stödet."
)
UNTIL_FURTHER = "Tills vidare, längst till ärendet hos det skolsociala teamet avslutas."
VOLUNTARY = (
    "Det är frivilligt att samtycka. Om du inte samtycker får du ändå det stöd som skolan ska ge, "
    "men skolan och socialtjänsten kan inte planera stödet tillsammans på samma sätt."
)
MAY_SHARE = "Får dela uppgifter med varandra"
NOT_CHOSEN = "Ingår inte i samtycket"
CHECKED, UNCHECKED = "\u2612", "\u2610"  # ☒ ☐


@dataclass(frozen=True)
class ConsentSigner:
    """One person whose consent the case needs: the student (guardian None) or one guardian."""

    kind: SignerKind
    name: str
    guardian: Guardian | None = field(default=None, compare=False)


def samtycke_signers(case: Case, today: dt.date) -> list[ConsentSigner]:
    """The student and, under 18, every guardian who must consent, in the order of the case file."""
    student = case.student
    signers = [ConsentSigner(SignerKind.ELEV, student.full_name)]
    if not is_adult(student.personal_id, today):
        signers += [ConsentSigner(SignerKind.VARDNADSHAVARE, g.name, g) for g in student.guardians if g.must_consent]
    return signers


def build_samtycke(case: Case, signer: ConsentSigner, context: ReportContext) -> bytes:
    """The consent form for one signer."""
    return build_samtycken(case, context, [signer])


def build_samtycken(case: Case, context: ReportContext, signers: Sequence[ConsentSigner] | None = None) -> bytes:
    """All forms in one PDF, each starting on a new page; by default for every signer the case needs."""
    if signers is None:
        signers = samtycke_signers(case, context.printed_on)
    story: list[Flowable] = []
    for number, signer in enumerate(signers):
        if number:  # each form is a letter of its own, with the team's letterhead
            story += [NextPageTemplate(FIRST_PAGE), PageBreak()]
        story += _form(case, signer, context)
    info = DocumentInfo(title=TITLE, student_name=case.student.full_name, case_number=case.id,
                        keywords=("samtycke", "skolsocialt team"))
    return render_pdf(story, info, context)


def recorded_consent(case: Case, signer: ConsentSigner) -> Consent | None:
    """The signer's latest consent that is not withdrawn (the one a renewed form repeats), or None."""
    def belongs(consent: Consent) -> bool:
        if signer.guardian is not None:
            return consent.guardian is signer.guardian
        return consent.guardian is None and consent.signer_kind is signer.kind

    mine = [c for c in case.consents if belongs(c) and c.withdrawn_on is None]
    return max(mine, key=lambda c: c.given_on) if mine else None


def _form(case: Case, signer: ConsentSigner, context: ReportContext) -> list[Flowable]:
    s = styles()
    consent = recorded_consent(case, signer)
    parties = list(consent.parties) if consent and consent.parties else list(DEFAULT_PARTIES)
    scope = (consent.scope_note.strip() if consent else "") or context.consent_text.strip() or DEFAULT_TEXT
    until = (f"Till och med {format_date(consent.valid_until)}." if consent and consent.valid_until
             else UNTIL_FURTHER)
    story: list[Flowable] = [Paragraph(HEADLINE, s.title),
                             para(f"Blankett för {signer.name} ({label(signer.kind).lower()})", s.subtitle),
                             Spacer(1, 1 * mm)]
    story += _heading("Eleven")
    story.append(key_values(_student_rows(case)))
    story += _heading("Vilka som får dela uppgifter")
    story += _parties(case, parties)
    story += _heading("Vilka uppgifter det gäller")
    story += text_paragraphs(scope, "")
    story += _heading("Hur länge samtycket gäller")
    story.append(para(until))
    story += _heading("Om du vill ta tillbaka samtycket")
    story.append(para(_withdraw_text(case, context)))
    story.append(para(VOLUNTARY, s.muted))
    story.append(KeepTogether([  # the sentence signed and the lines to sign on the same page
        Spacer(1, 5 * mm),
        para(f"Jag, {signer.name}, har läst vad samtycket gäller och samtycker till att uppgifterna "
             "delas så som det står ovan.", s.body),
        Spacer(1, 3 * mm),
        signature_blocks([[Signer(label(signer.kind), signer.name, name_line=True)]]),
    ]))
    return story


@lru_cache(maxsize=1)
def _heading_style() -> ParagraphStyle:
    """A little tighter than the plan's headings: one form should fit on one page."""
    return ParagraphStyle("samtycke_heading", parent=styles().heading, fontSize=11.5, leading=14,
                          spaceBefore=9, spaceAfter=3)


def _heading(text: str) -> list[Flowable]:
    return [CondPageBreak(25 * mm), Paragraph(markup(text), _heading_style())]


def _student_rows(case: Case) -> list[tuple[str, str]]:
    student = case.student
    rows = [("Namn", student.full_name)]
    if student.personal_id:
        rows.append(("Personnummer", student.personal_id))
    if student.school and not student.protected_identity:
        rows.append(("Skola", student.school))
    return rows


def _parties(case: Case, chosen: list[Party]) -> list[Flowable]:
    """Every party with a box, ticked for those the consent covers, so nothing is implied by omission."""
    school = case.student.school if not case.student.protected_identity else ""
    rows: list[Flowable] = []
    for party in Party:
        if party is Party.ANNAN and party not in chosen:
            continue  # "another party" is named in the scope note when it is part of the consent
        name = label(party) + (f" ({school})" if party is Party.SKOLA and school else "")
        mark, note = (CHECKED, MAY_SHARE) if party in chosen else (UNCHECKED, NOT_CHOSEN)
        rows.append(Paragraph(f"{mark}  <b>{markup(name)}</b> – {note}", _party_style()))
    return rows


@lru_cache(maxsize=1)
def _party_style() -> ParagraphStyle:
    return ParagraphStyle("samtycke_party", parent=styles().body, spaceAfter=1)


def _withdraw_text(case: Case, context: ReportContext) -> str:
    whom = f"{case.socionom} eller någon annan i {context.team_name}" if case.socionom else context.team_name
    return (f"Du kan när som helst ta tillbaka ditt samtycke, helt eller för en viss part. Säg till {whom}, "
            "muntligt eller skriftligt. Det gäller från samma stund: efter det delas inga nya uppgifter med "
            "stöd av samtycket. Uppgifter som redan har lämnats finns kvar i akterna, och vi skriver in i "
            "ärendet att du har tagit tillbaka samtycket.")
