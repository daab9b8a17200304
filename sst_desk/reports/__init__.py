"""PDF documents built with reportlab from plain workflow objects: no Qt, no database.

Public API::

    from sst_desk.reports import ReportContext, build_handlingsplan, write_pdf_atomic
    data = build_handlingsplan(case, ReportContext(team_name="SST Rinkeby", printed_by="Anna Lund"))
    write_pdf_atomic(data, folder / "handlingsplan.pdf")

See docs/reports.md for how to add a document.
"""

from sst_desk.reports.base import DocumentInfo, ReportContext, format_date, render_pdf, write_pdf_atomic
from sst_desk.reports.handlingsplan import build_handlingsplan
from sst_desk.reports.min_plan import build_min_plan
from sst_desk.reports.samtycke import ConsentSigner, build_samtycke, build_samtycken, samtycke_signers

__all__ = [
    "ConsentSigner",
    "DocumentInfo",
    "ReportContext",
    "build_handlingsplan",
    "build_min_plan",
    "build_samtycke",
    "build_samtycken",
    "format_date",
    "render_pdf",
    "samtycke_signers",
    "write_pdf_atomic",
]
