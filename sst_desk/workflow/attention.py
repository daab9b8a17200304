"""What needs the worker's attention, and when a case is next due.

``CaseSummary`` is the handful of facts the case list needs per case; the
persistence layer fills it with a few set queries for thousands of cases, and
``summarize`` builds it from a full ``Case`` for the case window. The rules
below then serve both.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import Enum

from sst_desk.workflow.codes import Stage
from sst_desk.workflow.entities import Case
from sst_desk.workflow.process import consent_blockers

CONSENT_EXPIRY_DAYS = 30
BOOSTER_NOTICE_DAYS = 14


class Attention(str, Enum):
    FOLLOW_UP_OVERDUE = "follow_up_overdue"
    CONSENT_EXPIRING = "consent_expiring"
    BOOSTER_DUE = "booster_due"
    CONSENT_MISSING = "consent_missing"  # work goes on without valid consent from everyone who must give it


@dataclass(frozen=True)
class CaseSummary:
    stage: Stage
    follow_up_on: dt.date | None = None
    consent_expires_on: dt.date | None = None  # earliest end of a consent in force
    booster_on: dt.date | None = None
    booster_recorded: bool = False
    consent_missing: bool = False  # someone who must consent has no consent in force


def summarize(case: Case, today: dt.date) -> CaseSummary:
    plan = case.current_plan
    ends = [c.valid_until for c in case.consents if c.is_valid_on(today) and c.valid_until is not None]
    booster = case.booster
    return CaseSummary(
        stage=case.stage,
        follow_up_on=plan.follow_up_on if plan else None,
        consent_expires_on=min(ends) if ends else None,
        booster_on=booster.planned_on if booster else None,
        booster_recorded=booster is not None and booster.held is not None,
        consent_missing=bool(consent_blockers(case, today)),
    )


_PLAN_STAGES = {Stage.PLANERING, Stage.GENOMFORANDE, Stage.UPPFOLJNING}
#: Stages in which information is shared under the samtycke, so a lapsed consent needs attention.
CONSENT_STAGES = {Stage.KARTLAGGNING} | _PLAN_STAGES
_OPEN_STAGES = {Stage.INSKRIVNING, Stage.KARTLAGGNING} | _PLAN_STAGES
#: Public names for the rules built on the same stages ("Kommande", workflow/agenda.py).
PLAN_STAGES = frozenset(_PLAN_STAGES)
OPEN_STAGES = frozenset(_OPEN_STAGES)


def next_due(summary: CaseSummary) -> dt.date | None:
    """The next date the team must act on: the follow-up, or the boosterträff."""
    if summary.stage in (Stage.GENOMFORANDE, Stage.UPPFOLJNING):
        return summary.follow_up_on
    if summary.stage in (Stage.AVSLUTAD, Stage.VIDMAKTHALLANDE) and not summary.booster_recorded:
        return summary.booster_on
    return None


def attention(
    summary: CaseSummary,
    today: dt.date,
    consent_days: int = CONSENT_EXPIRY_DAYS,
    booster_days: int = BOOSTER_NOTICE_DAYS,
) -> frozenset[Attention]:
    flags: set[Attention] = set()
    if summary.stage in (Stage.GENOMFORANDE, Stage.UPPFOLJNING) and summary.follow_up_on is not None:
        if summary.follow_up_on < today:
            flags.add(Attention.FOLLOW_UP_OVERDUE)
    if summary.stage in _OPEN_STAGES and summary.consent_expires_on is not None:
        if summary.consent_expires_on <= today + dt.timedelta(days=consent_days):
            flags.add(Attention.CONSENT_EXPIRING)
    if summary.stage in CONSENT_STAGES and summary.consent_missing:
        flags.add(Attention.CONSENT_MISSING)
    if summary.booster_on is not None and not summary.booster_recorded:
        if summary.stage in (Stage.AVSLUTAD, Stage.VIDMAKTHALLANDE):
            if summary.booster_on <= today + dt.timedelta(days=booster_days):
                flags.add(Attention.BOOSTER_DUE)
    return frozenset(flags)
