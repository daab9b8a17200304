"""Building blocks for documents: safe paragraphs, headed sections, tables, signature lines.

Every piece of user text goes through ``para``/``text_paragraphs``: it is
escaped for reportlab's markup, keeps its line breaks, and has characters the
font lacks replaced, so whatever a worker typed prints as typed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from sst_desk.reports.fonts import printable
from sst_desk.reports.styles import CONTENT_WIDTH, INK, NOTE_FILL, NOTE_RULE, data_table_style, key_value_style, styles

Cell = Flowable | str | Sequence[Flowable]


def markup(text: str) -> str:
    """User text as Paragraph markup: escaped, printable, line breaks kept."""
    cleaned = printable(text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", "    "))
    return escape(cleaned).replace("\n", "<br/>")


def para(text: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A Paragraph of user text in ``style`` (body text by default)."""
    return Paragraph(markup(text), style or styles().body)


def text_paragraphs(text: str, empty_note: str, style: ParagraphStyle | None = None) -> list[Flowable]:
    """Free text split on blank lines into paragraphs (so it flows across pages), or the empty note."""
    blocks = [block.strip() for block in text.replace("\r\n", "\n").split("\n\n")]
    blocks = [block for block in blocks if block]
    if not blocks:
        return [empty(empty_note)]
    return [para(block, style) for block in blocks]


def empty(note: str) -> Paragraph:
    """The sentence that stands in for a section with nothing in it yet."""
    return Paragraph(markup(note), styles().empty)


def heading(text: str) -> list[Flowable]:
    """A section heading that never ends up alone at the foot of a page."""
    return [CondPageBreak(30 * mm), Paragraph(markup(text), styles().heading)]


def notice(text: str) -> Table:
    """A shaded box for something the reader must not miss (protected identity, superseded plan)."""
    box = Table([[Paragraph(markup(text), styles().note)]], colWidths=[CONTENT_WIDTH])
    box.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (-1, -1), NOTE_FILL),
        ("LINEBEFORE", (0, 0), (0, -1), 2.5, NOTE_RULE),
        ("LEFTPADDING", (0, 0), (-1, -1), 8),
        ("RIGHTPADDING", (0, 0), (-1, -1), 8),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
    ]))
    return box


def key_values(rows: Sequence[tuple[str, str]], label_width: float = 42 * mm) -> Table:
    """Label/value pairs, e.g. the student's details."""
    s = styles()
    data = [[Paragraph(markup(label), s.label), para(value, s.value)] for label, value in rows]
    table = Table(data, colWidths=[label_width, CONTENT_WIDTH - label_width], hAlign="LEFT")
    table.setStyle(key_value_style())
    return table


def data_table(header: Sequence[str], rows: Sequence[Sequence[Cell]], widths: Sequence[float]) -> Table:
    """A shaded-header table that repeats its header and may split inside a tall row across pages."""
    s = styles()
    head = [Paragraph(markup(title), s.cell_head) for title in header]
    scale = CONTENT_WIDTH / sum(widths)
    table = Table(
        [head, *[list(row) for row in rows]],
        colWidths=[w * scale for w in widths],
        repeatRows=1,
        # A single cell taller than a page (a very long goal) would otherwise stop the build.
        splitInRow=1,
        hAlign="LEFT",
    )
    table.setStyle(data_table_style(len(rows) + 1))
    return table


@dataclass(frozen=True)
class Signer:
    """One place to sign: a role ("Elev", "För skolan"), a printed name, and whether to ask for one."""

    role: str
    name: str = ""
    name_line: bool = False


def signature_blocks(groups: Sequence[Sequence[Signer]]) -> Table:
    """Two signers to a row, each group starting a new row; the table may break between rows."""
    cells: list[Flowable] = []
    for group in groups:
        for signer in group:
            cells.append(_signature_block(signer))
        if len(cells) % 2:
            cells.append(Spacer(1, 1))
    rows = [cells[i:i + 2] for i in range(0, len(cells), 2)]
    outer = Table(rows, colWidths=[SIGNATURE_COLUMN + SIGNATURE_GAP, SIGNATURE_COLUMN], hAlign="LEFT")
    outer.setStyle(TableStyle([
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 7 * mm),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]))
    return outer


SIGNATURE_GAP = 10 * mm
SIGNATURE_COLUMN = (CONTENT_WIDTH - SIGNATURE_GAP) / 2


def _signature_block(signer: Signer) -> Table:
    s = styles()
    column = SIGNATURE_COLUMN
    caption = Paragraph(markup(signer.role) + (f": {markup(signer.name)}" if signer.name else ""), s.signer)
    # Columns: signature line, a gap, date line. Rows: caption, writing space, captions
    # under the lines; then the same again for a printed name when asked for.
    data: list[list[object]] = [
        [caption, "", ""], ["", "", ""],
        [Paragraph("Underskrift", s.caption), "", Paragraph("Datum", s.caption)],
    ]
    heights: list[float | None] = [None, 10 * mm, None]
    if signer.name_line:
        data += [["", "", ""], [Paragraph("Namnförtydligande", s.caption), "", ""]]
        heights += [8 * mm, None]
    grid = Table(data, colWidths=[column * 0.6, column * 0.06, column * 0.34], rowHeights=heights)
    commands = [
        ("SPAN", (0, 0), (2, 0)),
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
        ("LINEABOVE", (0, 2), (0, 2), 0.6, INK),
        ("LINEABOVE", (2, 2), (2, 2), 0.6, INK),
    ]
    if signer.name_line:
        commands.append(("LINEABOVE", (0, 4), (0, 4), 0.6, INK))
    grid.setStyle(TableStyle(commands))
    return grid


def signature_section(case, sentence: str) -> list[Flowable]:
    """"Underskrifter": the student and every guardian who must consent, and one line each for school and
    socialtjänst — the plan and the uppföljningsprotokoll are signed by the same people."""
    s = styles()
    student = case.student
    people = [Signer("Elev", student.full_name)]
    people += [Signer("Vårdnadshavare", g.name) for g in student.guardians if g.must_consent]
    authorities = [Signer("För skolan", name_line=True), Signer("För socialtjänsten", name_line=True)]
    return [
        CondPageBreak(75 * mm),  # the heading, the sentence and at least one row of signatures together
        Paragraph("Underskrifter", s.heading),
        para(sentence, s.muted),
        Spacer(1, 4 * mm),
        signature_blocks([people, authorities]),
    ]
