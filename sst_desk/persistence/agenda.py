""""Kommande"'s facts (``workflow.agenda.AgendaFacts``) for a person's cases, in five grouped queries.

"The person's cases" are the cases they are a member of (``case_members``) — for a team lead too:
"Kommande" is one's own week, not the team's. No object graph is loaded: one query each for the
cases (with the student's name), the current plans, their insatser ending in the window, the last
boosterträff of each case, and the consents in force today ending in the window, whatever the
number of cases. The rules (which stage lists what, overdue meetings) stay in ``workflow.agenda``.

The meetings' time and place are the columns of migration 0010 (``handlingsplaner.follow_up_time/
follow_up_place``, ``boostertraffar.start_time/place``).
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from sqlalchemy.orm import Session

from sst_desk.workflow.agenda import AgendaFacts, Meeting
from sst_desk.workflow.codes import Party, PlanStatus, Stage
from sst_desk.workflow.entities import Consent

from sst_desk.persistence.mapping import (
    boostertraffar,
    case_members,
    cases,
    consents,
    handlingsplaner,
    insatser,
    students,
)


def agenda_facts(session: Session, today: dt.date, last: dt.date, user_id: int | None) -> list[AgendaFacts]:
    """The facts of the cases ``user_id`` is a member of (every case for None), as they stand ``today``.

    Only insatser and consents ending in [today, last] are read; meetings are read whatever their date
    (an overdue one is listed too, see ``workflow.agenda``).
    """
    member_of = sa.select(case_members.c.case_id).where(case_members.c.user_id == user_id).scalar_subquery()

    def mine(column: sa.ColumnElement) -> sa.ColumnElement:
        """The rows of the person's cases (every case's for None: no filter at all)."""
        return column.in_(member_of) if user_id is not None else sa.true()

    found = session.execute(
        sa.select(cases.c.id, cases.c.stage, students.c.first_name, students.c.last_name)
        .join_from(cases, students, cases.c.student_id == students.c.id)
        .where(mine(cases.c.id))
        .order_by(cases.c.id)
    ).all()
    if not found:
        return []
    h = handlingsplaner.c
    plans: dict[int, tuple[int, Meeting | None]] = {}
    for case_id, plan_id, follow_up_on, time, place in session.execute(
            sa.select(h.case_id, h.id, h.follow_up_on, h.follow_up_time, h.follow_up_place)
            .where(h.status == PlanStatus.CURRENT, mine(h.case_id))
            .order_by(h.case_id, h.version)).all():
        # Sorted by version: the highest current version wins, as ``Case.current_plan``.
        plans[case_id] = (plan_id, Meeting(follow_up_on, time, place or "") if follow_up_on else None)
    current_plan_ids = {plan_id for plan_id, _meeting in plans.values()}
    i = insatser.c
    ending: dict[int, list[tuple[str, dt.date]]] = {}
    for plan_id, name, end_on in session.execute(
            sa.select(i.plan_id, i.name, i.end_on)
            .join_from(insatser, handlingsplaner, i.plan_id == h.id)
            .where(h.status == PlanStatus.CURRENT, mine(h.case_id), i.end_on >= today, i.end_on <= last)
            .order_by(i.plan_id, i.position, i.id)).all():
        if plan_id in current_plan_ids:
            ending.setdefault(plan_id, []).append((name, end_on))
    b = boostertraffar.c
    boosters: dict[int, tuple[Meeting, bool]] = {}
    for case_id, planned_on, held, time, place in session.execute(
            sa.select(b.case_id, b.planned_on, b.held, b.start_time, b.place)
            .where(mine(b.case_id))
            .order_by(b.case_id, b.id)).all():
        boosters[case_id] = (Meeting(planned_on, time, place or ""), held is not None)  # the last: Case.booster
    c = consents.c
    expiring: dict[int, list[tuple[str, dt.date]]] = {}
    for case_id, signer_kind, signer_name, given_on, parties, valid_until, withdrawn_on in session.execute(
            sa.select(c.case_id, c.signer_kind, c.signer_name, c.given_on, c.parties, c.valid_until, c.withdrawn_on)
            .where(mine(c.case_id), c.valid_until >= today, c.valid_until <= last, c.given_on <= today)
            .order_by(c.case_id, c.valid_until, c.id)).all():
        consent = Consent(signer_kind=signer_kind, signer_name=signer_name, given_on=given_on,
                          parties=[Party(p) for p in parties], valid_until=valid_until, withdrawn_on=withdrawn_on)
        if consent.is_valid_on(today):  # the entity's own rule: withdrawn, and the parties it lets share
            expiring.setdefault(case_id, []).append((signer_name, valid_until))
    facts: list[AgendaFacts] = []
    for case_id, stage, first_name, last_name in found:
        plan_id, follow_up = plans.get(case_id, (None, None))
        booster, recorded = boosters.get(case_id, (None, False))
        facts.append(AgendaFacts(
            case_id=case_id,
            label=f"{first_name} {last_name}".strip(),
            stage=Stage(stage),
            follow_up=follow_up,
            booster=booster,
            booster_recorded=recorded,
            consents=tuple(expiring.get(case_id, ())),
            insatser=tuple(ending.get(plan_id, ())) if plan_id is not None else (),
        ))
    return facts
