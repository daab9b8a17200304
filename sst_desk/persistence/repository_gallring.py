"""Gallring's reads and deletes in one session: which closed cases exist with their retention facts,
deleting cases and the students they leave behind, and the mark of an unfinished purge.

A unit of work attaches it as ``tx.retention`` (``uow.py``). The rule (when a case is due) is
``workflow.retention``; the steps, their order and the log entries are ``gallring.py``'s.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import sqlalchemy as sa
from sqlalchemy.orm import Session

from sst_desk.workflow.codes import Stage
from sst_desk.workflow.process import local_date
from sst_desk.workflow.retention import CLOSED_STAGES, BoosterDates, RetentionRow

from sst_desk.persistence.mapping import (
    boostertraffar,
    case_members,
    cases,
    database_meta,
    follow_ups,
    goal_ratings,
    guardians,
    students,
    transitions,
)


class RetentionRepository:
    """The cases gallring looks at, and what it deletes, in one session."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def closed_cases(self, case_ids: Iterable[int] | None = None) -> dict[int, tuple[RetentionRow, sa.Row]]:
        """Every closed case (or those of ``case_ids``) with its student row, as retention rows (column queries).

        The student row carries ``student_id``, ``first_name``, ``last_name``, ``protected_identity``.
        """
        query = (
            sa.select(cases.c.id, cases.c.stage, cases.c.closed_on, cases.c.student_id,
                      students.c.first_name, students.c.last_name, students.c.protected_identity)
            .join_from(cases, students, cases.c.student_id == students.c.id)
            .where(cases.c.stage.in_([s.value for s in CLOSED_STAGES]))
        )
        if case_ids is not None:
            query = query.where(cases.c.id.in_(list(case_ids)))
        found = {row.id: row for row in self.session.execute(query)}
        boosters: dict[int, list[BoosterDates]] = {}
        for b in self.session.execute(
            sa.select(boostertraffar.c.case_id, boostertraffar.c.planned_on, boostertraffar.c.held,
                      boostertraffar.c.held_on).where(boostertraffar.c.case_id.in_(list(found)))
        ):
            boosters.setdefault(b.case_id, []).append(BoosterDates(b.planned_on, b.held, b.held_on))
        closed = self._closing_days([cid for cid, row in found.items() if row.closed_on is None])
        return {
            cid: (RetentionRow(cid, Stage(row.stage), row.closed_on or closed.get(cid),
                               tuple(boosters.get(cid, ()))), row)
            for cid, row in found.items()
        }

    def _closing_days(self, case_ids: list[int]) -> dict[int, dt.date]:
        """For closed cases without a closing date (older data): the day of their last move into avslutad."""
        if not case_ids:
            return {}
        rows = self.session.execute(
            sa.select(transitions.c.case_id, sa.func.max(transitions.c.at).label("at"))
            .where(transitions.c.case_id.in_(case_ids), transitions.c.to_stage == Stage.AVSLUTAD.value)
            .group_by(transitions.c.case_id)
        )
        return {row.case_id: local_date(row.at) for row in rows if row.at is not None}

    def member_case_ids(self, user_id: int) -> set[int]:
        """The cases the user is responsible for."""
        return set(self.session.execute(
            sa.select(case_members.c.case_id).where(case_members.c.user_id == user_id)).scalars())

    def delete(self, case_ids: list[int], student_of: dict[int, int]) -> tuple[list[int], int]:
        """Delete the cases, then the students left without a case (their guardians cascade).

        Returns the students deleted and how many guardians went with them.
        """
        # A rated goal is RESTRICTed (a rating must not lose its goal); remove the ratings first so the
        # cascade from the case can remove plans and goals in whatever order SQLite walks it.
        self.session.execute(sa.delete(goal_ratings).where(goal_ratings.c.follow_up_id.in_(
            sa.select(follow_ups.c.id).where(follow_ups.c.case_id.in_(case_ids)))))
        self.session.execute(sa.delete(cases).where(cases.c.id.in_(case_ids)))
        affected = sorted(set(student_of.values()))
        still_used = set(self.session.execute(
            sa.select(cases.c.student_id).where(cases.c.student_id.in_(affected))).scalars())
        orphans = [sid for sid in affected if sid not in still_used]
        guardian_count = 0
        if orphans:
            guardian_count = self.session.execute(
                sa.select(sa.func.count()).select_from(guardians).where(guardians.c.student_id.in_(orphans))
            ).scalar_one()
            self.session.execute(sa.delete(students).where(students.c.id.in_(orphans)))
        return orphans, guardian_count

    # --- the mark of an unfinished purge (database_meta) ----------------------------------------------

    def mark(self, key: str) -> str | None:
        return self.session.execute(sa.select(database_meta.c.value).where(database_meta.c.key == key)).scalar()

    def set_mark(self, key: str, value: str) -> None:
        updated = self.session.execute(sa.update(database_meta).where(database_meta.c.key == key)
                                       .values(value=value)).rowcount
        if not updated:
            self.session.execute(sa.insert(database_meta).values(key=key, value=value))

    def clear_mark(self, key: str) -> None:
        self.session.execute(sa.delete(database_meta).where(database_meta.c.key == key))
