"""The document base every SST Desk PDF is built on.

A document module turns workflow objects into a list of flowables and a
``DocumentInfo``; ``render_pdf`` lays them out on A4 with the running header
(team, document, student) and footer (print date, "Sida X av Y") and sets the
PDF metadata (title, author, subject, creator, creation date) — the document kind and case number, never
the student's name or anything from the case. When the team
has set a logo or contact lines, the first page carries them as a letterhead
and its text starts lower. ``write_pdf_atomic`` puts the bytes on disk so that
a crash or a full disk never leaves half a PDF under the real name.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

import sst_desk
from sst_desk import options

from sst_desk.fileio import write_export
from sst_desk.reports.fonts import BOLD, REGULAR, printable, register_fonts
from sst_desk.reports.logo import load_logo
from sst_desk.reports.styles import (
    ACCENT,
    CONTENT_WIDTH,
    MARGIN_BOTTOM,
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    MUTED,
    PAGE_SIZE,
    RULE,
)

CREATOR = f"SST Desk {sst_desk.__version__}"
FIRST_PAGE = "first"  # page template of a page that opens a letter: it carries the letterhead
LATER_PAGE = "page"
MAX_CONTACT_LINES = options.MAX_CONTACT_LINES  # what fits beside the logo; the settings say so before printing


@dataclass(frozen=True)
class ReportContext:
    """Who prints, for which team, and when: the same for every document of one print run."""

    team_name: str = "Skolsociala teamet"
    printed_by: str = ""
    printed_on: dt.date = field(default_factory=dt.date.today)
    contact_lines: tuple[str, ...] = ()  # the team's address, phone …, from the settings (issue 5 templates)
    logo: bytes = field(default=b"", repr=False)  # the team's logo (PNG or JPEG bytes), b"" for none
    consent_text: str = ""  # the samtycke form's explanation; "" for the shipped text
    warn_percent: float = 10.0  # skollinjen's absence thresholds, from the settings
    alert_percent: float = 50.0
    # A kallelse's contact person and their work phone (issue 15): set by the printing service for the case
    # printed (services/printing.py ``_contact_person``), "" when nobody with an account is responsible.
    contact_person: str = ""
    contact_phone: str = ""


@dataclass(frozen=True)
class DocumentInfo:
    """What a document is: its title (the document kind), the student it concerns and its case number.

    Only ``title`` (the kind), ``case_number`` and the generic ``keywords`` go into the PDF's metadata:
    the student's name belongs on the page, not in the file's properties, where a file manager, a
    search index or an e-mail preview shows it to anyone (issue 10; docs/reports.md).
    """

    title: str
    student_name: str = ""  # printed in the running header only
    case_number: int | None = None
    keywords: tuple[str, ...] = ()


def metadata_title(kind: str, case_number: int | None) -> str:
    """The PDF Title: the document kind and, for a case document, its case number ("Handlingsplan, ärende 12")."""
    return f"{kind}, ärende {case_number}" if case_number is not None else kind


def format_date(day: dt.date | None, missing: str = "") -> str:
    """ISO dates (2026-11-22): unambiguous and the form Swedish authorities use."""
    return day.isoformat() if day is not None else missing


def render_pdf(story: Sequence[Flowable], info: DocumentInfo, context: ReportContext) -> bytes:
    """Lay out ``story`` on the shared page templates and return the PDF bytes."""
    register_fonts()
    buffer = io.BytesIO()
    author = context.printed_by or context.team_name
    letterhead = Letterhead.of(context)
    doc = BaseDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=printable(metadata_title(info.title, info.case_number)),
        author=printable(author),
        subject=printable(info.title),  # the kind only: never the name, a reason or a date of the case
        creator=CREATOR,
        keywords=[printable(k) for k in info.keywords],
        lang="sv-SE",
    )
    # The first page's text starts below the letterhead; the rest use the usual frame. A document of
    # several letters (one samtycke per signer) starts each with NextPageTemplate(FIRST_PAGE).
    first = PageTemplate(id=FIRST_PAGE, frames=[_body_frame(letterhead.top_margin)],
                         onPage=partial(_mark, letterhead=True), autoNextPageTemplate=LATER_PAGE)
    later = PageTemplate(id=LATER_PAGE, frames=[_body_frame(MARGIN_TOP)], onPage=partial(_mark, letterhead=False))
    doc.addPageTemplates([first, later])
    decorate = partial(_draw_page_frame, info=info, context=context, letterhead=letterhead)
    doc.build(list(story), canvasmaker=partial(_CountingCanvas, decorate=decorate))
    return buffer.getvalue()


def _mark(canvas: Canvas, _doc: BaseDocTemplate, *, letterhead: bool) -> None:
    """Remember on the page whether it opens a letter; the frame is drawn later, when the page count is known."""
    canvas.sst_letterhead = letterhead  # type: ignore[attr-defined]


def _body_frame(top_margin: float) -> Frame:
    # No frame padding: CONTENT_WIDTH is then exactly the width between the margins,
    # and tables line up with the running header and footer rules.
    return Frame(MARGIN_LEFT, MARGIN_BOTTOM, CONTENT_WIDTH, PAGE_SIZE[1] - top_margin - MARGIN_BOTTOM,
                 leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")


# The letterhead band on the first page, measured down from the top edge of the paper.
LETTERHEAD_TOP = 10 * mm
LOGO_MAX_HEIGHT = 16 * mm
LOGO_MAX_WIDTH = 42 * mm
LOGO_GAP = 5 * mm
TEAM_SIZE = 10.5
CONTACT_SIZE = 7.5
CONTACT_LEADING = 9.5


@dataclass(frozen=True)
class Letterhead:
    """The team's logo (scaled to fit its box) and contact lines, or nothing at all."""

    logo: ImageReader | None = None
    logo_size: tuple[float, float] = (0.0, 0.0)
    lines: tuple[str, ...] = ()

    @classmethod
    def of(cls, context: ReportContext) -> Letterhead:
        lines = tuple(printable(line.strip()) for line in context.contact_lines if line.strip())[:MAX_CONTACT_LINES]
        logo = load_logo(context.logo)
        size = (0.0, 0.0)
        if logo is not None:
            width, height = logo.getSize()
            scale = min(LOGO_MAX_HEIGHT / height, LOGO_MAX_WIDTH / width)
            size = (width * scale, height * scale)
        return cls(logo, size, lines)

    @property
    def empty(self) -> bool:
        return self.logo is None and not self.lines

    @property
    def bottom(self) -> float:
        """Distance from the top of the paper to the letterhead's rule."""
        text = LETTERHEAD_TOP + TEAM_SIZE + CONTACT_LEADING * len(self.lines)
        return max(LETTERHEAD_TOP + self.logo_size[1], text) + 3 * mm

    @property
    def top_margin(self) -> float:
        return max(MARGIN_TOP, self.bottom + 8 * mm)


class _CountingCanvas(Canvas):
    """Holds every page back until the end, so each can say "Sida X av Y"."""

    def __init__(self, *args: Any, decorate: Callable[[Canvas, int, int], None], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._decorate = decorate
        self._held_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 (reportlab's name)
        self._held_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._held_pages)
        for number, state in enumerate(self._held_pages, start=1):
            self.__dict__.update(state)
            self._decorate(self, number, total)
            super().showPage()
        super().save()


def _draw_page_frame(canvas: Canvas, page: int, total: int, *, info: DocumentInfo, context: ReportContext,
                     letterhead: Letterhead) -> None:
    width, height = PAGE_SIZE
    left, right = MARGIN_LEFT, width - MARGIN_RIGHT
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    running = printable(info.title + (f"  ·  {info.student_name}" if info.student_name else ""))
    if getattr(canvas, "sst_letterhead", page == 1) and not letterhead.empty:
        _draw_letterhead(canvas, letterhead, context, running)
    else:
        # Header: the team on the left, document and student on the right, a hairline below.
        top = height - 14 * mm
        canvas.setFillColor(ACCENT)
        canvas.setFont(BOLD, 8.5)
        canvas.drawString(left, top, _fit(canvas, printable(context.team_name), BOLD, 8.5, (right - left) * 0.45))
        canvas.setFillColor(MUTED)
        canvas.setFont(REGULAR, 8.5)
        canvas.drawRightString(right, top, _fit(canvas, running, REGULAR, 8.5, (right - left) * 0.53))
        canvas.line(left, top - 5, right, top - 5)
    # Footer: print date (and by whom) on the left, page numbers on the right.
    bottom = 12 * mm
    canvas.setFillColor(MUTED)
    canvas.line(left, bottom + 10, right, bottom + 10)
    printed = f"Utskriven {format_date(context.printed_on)}"
    if context.printed_by:
        printed += f" av {context.printed_by}"
    canvas.setFont(REGULAR, 8)
    canvas.drawString(left, bottom, _fit(canvas, printable(printed), REGULAR, 8, (right - left) * 0.7))
    canvas.drawRightString(right, bottom, f"Sida {page} av {total}")
    canvas.restoreState()


def _draw_letterhead(canvas: Canvas, letterhead: Letterhead, context: ReportContext, running: str) -> None:
    """Logo at the left, the team's name and contact lines beside it, the document and student at the right."""
    width, height = PAGE_SIZE
    left, right = MARGIN_LEFT, width - MARGIN_RIGHT
    top = height - LETTERHEAD_TOP
    text_left = left
    if letterhead.logo is not None:
        logo_width, logo_height = letterhead.logo_size
        canvas.drawImage(letterhead.logo, left, top - logo_height, logo_width, logo_height, mask="auto")
        text_left = left + logo_width + LOGO_GAP
    running = _fit(canvas, running, REGULAR, 8.5, (right - left) * 0.4)
    baseline = top - TEAM_SIZE
    canvas.setFillColor(MUTED)
    canvas.setFont(REGULAR, 8.5)
    canvas.drawRightString(right, baseline, running)
    canvas.setFillColor(ACCENT)
    canvas.setFont(BOLD, TEAM_SIZE)
    team_width = right - text_left - canvas.stringWidth(running, REGULAR, 8.5) - 6 * mm
    canvas.drawString(text_left, baseline, _fit(canvas, printable(context.team_name), BOLD, TEAM_SIZE, team_width))
    canvas.setFillColor(MUTED)
    canvas.setFont(REGULAR, CONTACT_SIZE)
    for number, line in enumerate(letterhead.lines, start=1):
        canvas.drawString(text_left, baseline - number * CONTACT_LEADING,
                          _fit(canvas, line, REGULAR, CONTACT_SIZE, right - text_left))
    rule = height - letterhead.bottom
    canvas.line(left, rule, right, rule)


def _fit(canvas: Canvas, text: str, font: str, size: float, width: float) -> str:
    """Shorten a running-header text with an ellipsis rather than let it run into its neighbour."""
    if canvas.stringWidth(text, font, size) <= width:
        return text
    while text and canvas.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def write_pdf_atomic(data: bytes, path: Path, *, force: bool = False, database: Path | None = None,
                     before_commit: Callable[[], None] | None = None) -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder, fsync, then rename.

    ``fileio.write_export``'s rule: an existing file only with ``force`` (the person was asked),
    never a database, key file or backup; ``before_commit`` (the access-log entry) once the bytes are on disk.
    """
    return write_export(data, path, force=force, database=database, before_commit=before_commit)
