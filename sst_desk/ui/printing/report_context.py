"""The ReportContext for a print from the app: the signed-in worker, today, and the team's document settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sst_desk.report_settings import report_context_from_settings
from sst_desk.ui.common.context import AppContext

if TYPE_CHECKING:
    from sst_desk.reports.base import ReportContext


def report_context(context: AppContext, printed_by: str | None = None) -> ReportContext:
    """What every document printed from the app carries (``printed_by`` defaults to the signed-in worker)."""
    return report_context_from_settings(context.team, printed_by if printed_by is not None else context.user,
                                        context.today())
