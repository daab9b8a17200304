""""Kommande": what falls due in the next days for a person's cases (issue 15, the worker's week).

Four kinds of dates are listed (``DueKind``): the follow-up of the current handlingsplan, a
boosterträff planned and not yet held, a consent in force whose ``valid_until`` falls in the
window, and an insats of the current plan whose ``end_on`` falls in the window.

One truth with the case list (``workflow.attention``): a meeting is listed exactly when it is
the case's ``next_due`` — the follow-up in genomförande/uppföljning, the boosterträff after avslut
while it is not recorded — so "Kommande" and the "Next date" column never disagree. A meeting
whose day has passed (the case list flags it "Uppföljning försenad" / "Dags för boosterträff")
is listed too, at the top, marked ``overdue``: it is still to be done. Consents and insatser are
listed only from today: an expired consent is "Samtycke saknas" in the case list, and an insats
that has ended needs nothing more.

``AgendaFacts`` is the handful of facts per case the rules need; persistence fills it with a
fixed number of grouped queries (``CaseRepository.agenda_facts``), ``agenda_facts(case, today)``
builds it from a full ``Case`` (tests, the offline copy). Pure: no Qt, no database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

from sst_desk.workflow.attention import OPEN_STAGES, PLAN_STAGES, CaseSummary, next_due
from sst_desk.workflow.codes import Stage
from sst_desk.workflow.entities import Case

DEFAULT_DAYS = 14
MAX_DAYS = 366  # a year ahead is the most a person can mean by "kommande"


class DueKind(str, Enum):
    FOLLOW_UP = "follow_up"
    BOOSTER = "booster"
    CONSENT_EXPIRES = "consent_expires"
    INSATS_ENDS = "insats_ends"


_KIND_ORDER = {kind: number for number, kind in enumerate(DueKind)}


@dataclass(frozen=True)
class DueItem:
    """One line of "Kommande": a date something falls due on one case."""

    case_id: int
    label: str  # the case as the case list names it (the student's name)
    kind: DueKind
    date: dt.date
    time: dt.time | None = None  # meetings only, when the time is recorded
    place: str = ""  # meetings only
    detail: str = ""  # the insats's name, the consent's signer
    overdue: bool = False  # a meeting whose day has passed and which is still to be held

    def sort_key(self) -> tuple:
        """By date, then time (a meeting without a time after the timed ones that day), kind, case."""
        return (self.date, self.time is None, self.time or dt.time.min, _KIND_ORDER[self.kind], self.label,
                self.case_id, self.detail)


@dataclass(frozen=True)
class Meeting:
    """When and where a follow-up or boosterträff is planned."""

    on: dt.date
    time: dt.time | None = None
    place: str = ""


@dataclass(frozen=True)
class AgendaFacts:
    """One case as "Kommande" sees it (for a given ``today``)."""

    case_id: int
    label: str
    stage: Stage
    follow_up: Meeting | None = None  # of the current plan (``Case.current_plan``)
    booster: Meeting | None = None  # the case's last boosterträff (``Case.booster``)…
    booster_recorded: bool = False  # …and whether it was recorded (held or not taking place)
    consents: tuple[tuple[str, dt.date], ...] = ()  # (signer, valid_until) of the consents in force today
    insatser: tuple[tuple[str, dt.date], ...] = ()  # (name, end_on) of the current plan's insatser


def agenda_facts(case: Case, today: dt.date) -> AgendaFacts:
    """The facts of a full case (the persistence query reads the same from the tables)."""
    assert case.id is not None
    plan = case.current_plan
    booster = case.booster
    return AgendaFacts(
        case_id=case.id,
        label=case.student.full_name,
        stage=case.stage,
        follow_up=(Meeting(plan.follow_up_on, plan.follow_up_time, plan.follow_up_place)
                   if plan is not None and plan.follow_up_on is not None else None),
        booster=Meeting(booster.planned_on, booster.start_time, booster.place) if booster is not None else None,
        booster_recorded=booster is not None and booster.held is not None,
        consents=tuple((c.signer_name, c.valid_until) for c in case.consents
                       if c.valid_until is not None and c.is_valid_on(today)),
        insatser=tuple((i.name, i.end_on) for i in (plan.insatser if plan is not None else []) if i.end_on is not None),
    )


def window_end(today: dt.date, days: int = DEFAULT_DAYS) -> dt.date:
    """The last day of the window: ``days`` days after today (today + 14 with the default)."""
    return today + dt.timedelta(days=days)


def due_items(facts: Iterable[AgendaFacts], today: dt.date, days: int = DEFAULT_DAYS) -> list[DueItem]:
    """What falls due in [today, today + days] (both ends included), plus the overdue meetings, sorted.

    ``days`` must be 0..MAX_DAYS (``ValueError`` otherwise: the services and the CLI check it first).
    """
    if not 0 <= days <= MAX_DAYS:
        raise ValueError(f"days must be 0..{MAX_DAYS}, not {days}")
    last = window_end(today, days)
    items: list[DueItem] = []
    for case in facts:
        items += _meeting_items(case, today, last)
        if case.stage in OPEN_STAGES:
            items += [DueItem(case.case_id, case.label, DueKind.CONSENT_EXPIRES, until, detail=signer)
                      for signer, until in case.consents if today <= until <= last]
        if case.stage in PLAN_STAGES:
            items += [DueItem(case.case_id, case.label, DueKind.INSATS_ENDS, end, detail=name)
                      for name, end in case.insatser if today <= end <= last]
    items.sort(key=DueItem.sort_key)
    return items


def _meeting_items(case: AgendaFacts, today: dt.date, last: dt.date) -> list[DueItem]:
    summary = CaseSummary(
        stage=case.stage,
        follow_up_on=case.follow_up.on if case.follow_up else None,
        booster_on=case.booster.on if case.booster else None,
        booster_recorded=case.booster_recorded,
    )
    due = next_due(summary)
    if due is None or due > last:
        return []
    booster = case.stage in (Stage.AVSLUTAD, Stage.VIDMAKTHALLANDE)
    meeting = case.booster if booster else case.follow_up
    assert meeting is not None
    return [DueItem(case.case_id, case.label, DueKind.BOOSTER if booster else DueKind.FOLLOW_UP, due,
                    time=meeting.time, place=meeting.place, overdue=due < today)]
