"""PDF documents built with reportlab from plain workflow objects: no Qt, no database.

Public API::

    from sst_desk.reports import ReportContext, build_handlingsplan, write_pdf_atomic
    data = build_handlingsplan(case, ReportContext(team_name="SST Rinkeby", printed_by="Anna Lund"))
    write_pdf_atomic(data, folder / "handlingsplan.pdf")

See docs/reports.md for how to add a document.
"""

from __future__ import annotations

import importlib
from typing import Any

# Imported on first use (PEP 562): importing a light submodule such as ``reports.labels_sv`` (the command
# line's ``cases`` table) must not load reportlab (~70 ms of every command).
_HOME = {
    "DocumentInfo": "base", "ReportContext": "base", "format_date": "base", "render_pdf": "base",
    "write_pdf_atomic": "base", "build_handlingsplan": "handlingsplan", "build_min_plan": "min_plan",
    "ConsentSigner": "samtycke", "build_samtycke": "samtycke", "build_samtycken": "samtycke",
    "samtycke_signers": "samtycke",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{_HOME[name]}"), name)
    globals()[name] = value
    return value


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
