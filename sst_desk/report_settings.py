"""The ReportContext of a print run, read from the settings: one place for the app and the command line.

The team's name, contact lines, logo, consent text and absence thresholds are settings (templates
as data, issue 5), so every document and every caller — the print dialog, the
batch print, ``sst-desk print`` — must read them the same way. This module
imports no widgets (only ``settings``, which uses QtCore's QSettings), so the
CLI can use it without a display.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from .settings import (
    ABSENCE_ALERT_PERCENT,
    ABSENCE_WARN_PERCENT,
    CONSENT_TEXT,
    TEAM_CONTACT,
    TEAM_LOGO,
    TEAM_NAME,
    Settings,
)

if TYPE_CHECKING:  # reportlab is loaded when something is printed, not when the app starts
    from .reports.base import ReportContext


def contact_lines(text: str) -> tuple[str, ...]:
    """The contact setting as printed: one line each, blank lines and surrounding spaces dropped."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def report_context_from_settings(settings: Settings, printed_by: str, printed_on: dt.date | None = None,
                                 team_name: str | None = None) -> ReportContext:
    """Everything a document needs from the settings; ``team_name`` overrides the setting (CLI --team-name)."""
    from .reports.base import ReportContext

    return ReportContext(
        team_name=(team_name or settings.get(TEAM_NAME)).strip() or TEAM_NAME.default,
        printed_by=printed_by,
        printed_on=printed_on or dt.date.today(),
        contact_lines=contact_lines(settings.get(TEAM_CONTACT)),
        logo=settings.get(TEAM_LOGO).strip(),
        consent_text=settings.get(CONSENT_TEXT).strip(),
        warn_percent=float(settings.get(ABSENCE_WARN_PERCENT)),
        alert_percent=float(settings.get(ABSENCE_ALERT_PERCENT)),
    )
