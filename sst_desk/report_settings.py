"""The ReportContext of a print run, from the team's settings: one place for the app and the command line.

The team's name, contact lines, logo, consent text and absence thresholds are team settings (templates
as data, issue 5; kept in the team's database since issue 12), so every document and every caller — the
print dialog, the batch print, ``sst-desk print`` — builds the context the same way from the
``TeamSettings`` that ``sst_desk.services.settings.team_settings`` reads. No Qt, no database here.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from sst_desk.options import TEAM_NAME, TeamSettings, contact_lines

if TYPE_CHECKING:  # reportlab is loaded when something is printed, not when the app starts
    from sst_desk.reports.base import ReportContext

__all__ = ["contact_lines", "report_context_from_settings"]


def report_context_from_settings(team: TeamSettings, printed_by: str, printed_on: dt.date | None = None,
                                 team_name: str | None = None) -> ReportContext:
    """Everything a document needs from the team's settings; ``team_name`` overrides the setting (CLI --team-name)."""
    from sst_desk.reports.base import ReportContext

    return ReportContext(
        team_name=(team_name or team.team_name).strip() or TEAM_NAME.default,
        printed_by=printed_by,
        printed_on=printed_on or dt.date.today(),
        contact_lines=contact_lines(team.team_contact),
        logo=team.team_logo,
        consent_text=team.consent_text.strip(),
        warn_percent=float(team.absence_warn_percent),
        alert_percent=float(team.absence_alert_percent),
    )
