"""The document base every SST Desk PDF is built on.

A document module turns workflow objects into a list of flowables and a
``DocumentInfo``; ``render_pdf`` lays them out on A4 with the running header
(team, document, student) and footer (print date, "Sida X av Y") and sets the
PDF metadata. ``write_pdf_atomic`` puts the bytes on disk so that a crash or a
full disk never leaves half a PDF under the real name.
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
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

import sst_desk

from ..fileio import write_bytes_atomic
from .fonts import BOLD, REGULAR, printable, register_fonts
from .styles import (
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


@dataclass(frozen=True)
class ReportContext:
    """Who prints, for which team, and when: the same for every document of one print run."""

    team_name: str = "Skolsociala teamet"
    printed_by: str = ""
    printed_on: dt.date = field(default_factory=dt.date.today)
    contact_lines: tuple[str, ...] = ()  # the team's address, phone …, from the settings (issue 5 templates)
    logo: str = ""  # path to the team's logo image, "" for none
    consent_text: str = ""  # the samtycke form's explanation; "" for the shipped text


@dataclass(frozen=True)
class DocumentInfo:
    """What a document is: its title (header and PDF metadata), subject and the student it concerns."""

    title: str
    student_name: str = ""
    subject: str = ""
    keywords: tuple[str, ...] = ()


def format_date(day: dt.date | None, missing: str = "") -> str:
    """ISO dates (2026-11-22): unambiguous and the form Swedish authorities use."""
    return day.isoformat() if day is not None else missing


def render_pdf(story: Sequence[Flowable], info: DocumentInfo, context: ReportContext) -> bytes:
    """Lay out ``story`` on the shared page template and return the PDF bytes."""
    register_fonts()
    buffer = io.BytesIO()
    author = context.printed_by or context.team_name
    doc = BaseDocTemplate(
        buffer,
        pagesize=PAGE_SIZE,
        leftMargin=MARGIN_LEFT,
        rightMargin=MARGIN_RIGHT,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=printable(info.title + (f" – {info.student_name}" if info.student_name else "")),
        author=printable(author),
        subject=printable(info.subject or info.title),
        creator=CREATOR,
        keywords=[printable(k) for k in info.keywords],
        lang="sv-SE",
    )
    # No frame padding: CONTENT_WIDTH is then exactly the width between the margins,
    # and tables line up with the running header and footer rules.
    frame = Frame(MARGIN_LEFT, MARGIN_BOTTOM, CONTENT_WIDTH, PAGE_SIZE[1] - MARGIN_TOP - MARGIN_BOTTOM,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
    decorate = partial(_draw_page_frame, info=info, context=context)
    doc.build(list(story), canvasmaker=partial(_CountingCanvas, decorate=decorate))
    return buffer.getvalue()


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


def _draw_page_frame(canvas: Canvas, page: int, total: int, *, info: DocumentInfo, context: ReportContext) -> None:
    width, height = PAGE_SIZE
    left, right = MARGIN_LEFT, width - MARGIN_RIGHT
    canvas.saveState()
    # Header: the team on the left, document and student on the right, a hairline below.
    top = height - 14 * mm
    canvas.setFillColor(ACCENT)
    canvas.setFont(BOLD, 8.5)
    canvas.drawString(left, top, _fit(canvas, printable(context.team_name), BOLD, 8.5, (right - left) * 0.45))
    canvas.setFillColor(MUTED)
    canvas.setFont(REGULAR, 8.5)
    running = info.title + (f"  ·  {info.student_name}" if info.student_name else "")
    canvas.drawRightString(right, top, _fit(canvas, printable(running), REGULAR, 8.5, (right - left) * 0.53))
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(left, top - 5, right, top - 5)
    # Footer: print date (and by whom) on the left, page numbers on the right.
    bottom = 12 * mm
    canvas.line(left, bottom + 10, right, bottom + 10)
    printed = f"Utskriven {format_date(context.printed_on)}"
    if context.printed_by:
        printed += f" av {context.printed_by}"
    canvas.setFont(REGULAR, 8)
    canvas.drawString(left, bottom, _fit(canvas, printable(printed), REGULAR, 8, (right - left) * 0.7))
    canvas.drawRightString(right, bottom, f"Sida {page} av {total}")
    canvas.restoreState()


def _fit(canvas: Canvas, text: str, font: str, size: float, width: float) -> str:
    """Shorten a running-header text with an ellipsis rather than let it run into its neighbour."""
    if canvas.stringWidth(text, font, size) <= width:
        return text
    while text and canvas.stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def write_pdf_atomic(data: bytes, path: Path) -> Path:
    """Write ``data`` to ``path`` via a temporary file in the same folder, fsync, then rename."""
    return write_bytes_atomic(data, path)
