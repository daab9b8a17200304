"""The kartläggning summary (seed 002, "Kartläggning"): for the case file and the planning meeting.

What documentation was asked for and has come in, the four groups of factors
(school, individual, family, other) with the factors marked and the notes, the
protective factors, the guardians' and the student's own view, and the
summary the plan is built on. Addresses are never printed; for a student with
protected identity the school is left out too (the student section is the
handlingsplan's own).

A case whose kartläggning has not been started raises ``MissingData`` (see
``missing.py``): there is nothing to summarise.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from sst_desk.workflow.codes import FactorGroup, Stage
from sst_desk.workflow.entities import Case, Kartlaggning, KartlaggningDocument

from sst_desk.reports.base import DocumentInfo, ReportContext, format_date, render_pdf
from sst_desk.reports.blocks import data_table, empty, heading, para, text_paragraphs
from sst_desk.reports.handlingsplan import _student_section
from sst_desk.reports.labels_sv import label
from sst_desk.reports.missing import Missing, MissingData
from sst_desk.reports.styles import styles

TITLE = "Kartläggning – sammanfattning"
NO_DOCUMENTS = "Ingen befintlig dokumentation har begärts in."
NO_FACTORS = "Inga faktorer är markerade i den här gruppen."
NO_NOTES = "Inga anteckningar."
NO_PROTECTIVE = "Inga skyddsfaktorer är markerade."
NO_GUARDIANS_VIEW = "Vårdnadshavarnas syn har inte dokumenterats."
NO_STUDENT_VIEW = "Elevens egen syn har inte dokumenterats."
NO_SUMMARY = "Sammanfattningen är inte skriven än."
NOT_RECEIVED = "ej mottagen"
NOT_REQUESTED = "ej begärd"


def available(case: Case) -> bool:
    """Whether the case has a kartläggning to summarise."""
    return case.kartlaggning is not None


def build_kartlaggning(case: Case, context: ReportContext) -> bytes:
    """The summary PDF. Raises ``MissingData(…, Missing.KARTLAGGNING)`` when none has been started."""
    mapping = case.kartlaggning
    if mapping is None:
        raise MissingData(TITLE, Missing.KARTLAGGNING)
    story: list[Flowable] = [*_title(mapping), *_student_section(case)]
    story += _documents_section(mapping.documents)
    for group in FactorGroup:
        story += _factor_group(mapping, group)
    story += heading("Skyddsfaktorer")
    story += _names([label(f) for f in mapping.protective_factors], NO_PROTECTIVE)
    if mapping.protective_notes.strip():
        story += text_paragraphs(mapping.protective_notes, NO_NOTES)
    story += heading("Vårdnadshavarnas syn")
    story += text_paragraphs(mapping.guardians_view, NO_GUARDIANS_VIEW)
    story += heading("Elevens egen syn")
    story += text_paragraphs(case.student_view(Stage.KARTLAGGNING), NO_STUDENT_VIEW)
    story += heading("Sammanfattning")
    story += text_paragraphs(mapping.summary, NO_SUMMARY)
    info = DocumentInfo(title=TITLE, student_name=case.student.full_name, case_number=case.id,
                        keywords=("kartläggning", "skolsocialt team"))
    return render_pdf(story, info, context)


def _title(mapping: Kartlaggning) -> list[Flowable]:
    s = styles()
    line = f"Påbörjad {format_date(mapping.started_on)}" if mapping.started_on else "Startdatum saknas"
    line += f"  ·  avslutad {format_date(mapping.completed_on)}" if mapping.completed_on else "  ·  pågår"
    return [Paragraph("Kartläggning", s.title), para(line, s.subtitle), Spacer(1, 2 * mm)]


def _documents_section(documents: list[KartlaggningDocument]) -> list[Flowable]:
    story = heading("Befintlig dokumentation")
    if not documents:
        return [*story, empty(NO_DOCUMENTS)]
    s = styles()
    rows = [
        [
            para(_document_name(d), s.cell_bold),
            para(format_date(d.requested_on, NOT_REQUESTED), s.cell if d.requested_on else s.cell_muted),
            para(format_date(d.received_on, NOT_RECEIVED), s.cell if d.received_on else s.cell_muted),
            para(d.note or "–", s.cell),
        ]
        for d in documents
    ]
    return [*story, data_table(["Dokument", "Begärd", "Mottagen", "Anteckning"], rows, widths=[50, 22, 22, 76])]


def _document_name(document: KartlaggningDocument) -> str:
    if document.kind is not None and document.label:
        return f"{label(document.kind)}: {document.label}"
    return label(document.kind) if document.kind is not None else (document.label or "Dokument utan namn")


def _factor_group(mapping: Kartlaggning, group: FactorGroup) -> list[Flowable]:
    s = styles()
    marked = [label(f) for f in mapping.factors if f.group is group]
    story = [*heading(label(group)), Paragraph("Markerade faktorer", s.subheading)]
    story += _names(marked, NO_FACTORS)
    story += [*_subheading("Anteckningar"), *text_paragraphs(mapping.notes_for(group), NO_NOTES)]
    return story


def _subheading(text: str) -> list[Flowable]:
    """A subheading that does not stay behind alone at the foot of a page."""
    return [CondPageBreak(18 * mm), Paragraph(text, styles().subheading)]


def _names(names: list[str], empty_note: str) -> list[Flowable]:
    """A short list as one line per item, each with a bullet; the empty note when there are none."""
    if not names:
        return [empty(empty_note)]
    s = styles()
    return [para(f"•  {name}", s.body) for name in dict.fromkeys(names)]  # a code marked twice prints once
