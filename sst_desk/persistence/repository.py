"""The case repository: whole case files in and out, and the case list's cheap rows.

A case file is an aggregate: the ``Case`` with its student and everything
recorded under it. ``get_full`` loads all of it in one set of queries so it
can be used detached; ``save`` merges an edited detached graph back in.
``list_rows`` never loads aggregates: the case list reads a few columns.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.orm import Mapper, Session, selectinload

from sst_desk.workflow.attendance import term_bounds
from sst_desk.workflow.attention import CONSENT_STAGES, CaseSummary, attention, next_due
from sst_desk.workflow.caselist import CaseRow
from sst_desk.workflow.codes import PlanStatus, SignerKind
from sst_desk.workflow.entities import Case, shares_school_and_socialtjanst
from sst_desk.workflow.process import ConsentFacts, is_adult, missing_consents

from .attendance import term_absence
from .errors import ConcurrentEditError
from .graph import prepare_for_save
from .mapping import boostertraffar, case_members, cases, consents, guardians, handlingsplaner, students

if TYPE_CHECKING:
    from sqlalchemy.orm.strategy_options import _AbstractLoad


def _load_everything(mapper: Mapper, parent: _AbstractLoad | None = None, depth: int = 0) -> list[_AbstractLoad]:
    """``selectinload`` along every relationship, recursively, so nothing is left to lazy-load."""
    assert depth < 8, "relationship cycle in the mapping"
    options: list[_AbstractLoad] = []
    for rel in mapper.relationships:
        loader = selectinload(rel.class_attribute) if parent is None else parent.selectinload(rel.class_attribute)
        options.append(loader)
        options += _load_everything(rel.mapper, loader, depth + 1)
    return options


def full_case_options() -> list[_AbstractLoad]:
    return _load_everything(sa.inspect(Case))


class CaseRepository:
    """Cases in one session (a unit of work's); see ``sst_desk.persistence.uow``."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def add(self, case: Case) -> None:
        self.session.add(case)

    def insert(self, case: Case) -> int:
        """Add a new case and write it now, so it has its id (and its student one, if new)."""
        prepare_for_save(case)
        self.session.add(case)
        self.session.flush()
        assert case.id is not None
        return case.id

    def get(self, case_id: int) -> Case | None:
        """The case, with relationships loaded lazily while the session is open."""
        return self.session.get(Case, case_id)

    def get_full(self, case_id: int) -> Case | None:
        """The case with every relationship loaded (usable after the session closes)."""
        return self.session.get(Case, case_id, options=full_case_options())

    def merge(self, case: Case) -> Case | None:
        """Write an edited, detached case graph over the stored one; None if it is not stored.

        The stored graph is loaded first, so the merge finds every object in the
        identity map instead of selecting them one by one. Children missing from
        a list are deleted (delete-orphan); new ones are inserted.
        """
        assert case.id is not None
        prepare_for_save(case)  # list order into positions, references inside the graph (graph.py)
        # Claim the next revision first, conditionally: a copy loaded before someone else's save no longer
        # matches, and PostgreSQL makes a concurrent saver wait here and then find no row.
        claimed = self.session.execute(
            sa.update(cases).where(cases.c.id == case.id, cases.c.revision == case.revision)
            .values(revision=cases.c.revision + 1)
        ).rowcount
        if not claimed:
            exists = self.session.execute(sa.select(cases.c.id).where(cases.c.id == case.id)).first()
            if exists is None:
                return None
            raise ConcurrentEditError(case.id)
        stored = self.get_full(case.id)
        if stored is None:
            return None
        if stored.kartlaggning is not None and case.kartlaggning is not None:
            if case.kartlaggning.id != stored.kartlaggning.id:
                # A replaced kartläggning: delete the old row first, or the new one
                # would collide with it on the one-per-case constraint.
                stored.kartlaggning = None
                self.session.flush()
        merged = self.session.merge(case)
        merged.revision = case.revision + 1  # the detached copy keeps its number, so a failed save can be retried
        return merged

    def list_rows(self, today: dt.date, visible_to: tuple[int, bool] | None = None) -> list[CaseRow]:
        """One ``CaseRow`` per case from five column queries, whatever the number of cases.

        ``visible_to=(user_id, team)`` keeps the cases that user may see: those they are a member
        of, and with ``team`` every case whose student has no protected identity (access.py).
        """
        follow_up = self._current_follow_ups()
        consent_end, signed = self._consents_in_force(today)
        booster = self._latest_boosters()
        query = (
            sa.select(
                cases.c.id,
                cases.c.student_id,
                cases.c.stage,
                cases.c.level,
                cases.c.socionom,
                cases.c.raised_on,
                students.c.first_name,
                students.c.last_name,
                students.c.personal_id,
                students.c.school,
                students.c.grade,
                students.c.protected_identity,
            )
            .join_from(cases, students, cases.c.student_id == students.c.id)
            .order_by(cases.c.id)
        )
        if visible_to is not None:
            user_id, team = visible_to
            member = sa.exists().where(case_members.c.case_id == cases.c.id, case_members.c.user_id == user_id)
            query = query.where(sa.or_(member, students.c.protected_identity.is_(False)) if team else member)
        found = list(self.session.execute(query))
        gaps = self._consent_gaps(today, [r for r in found if r.stage in CONSENT_STAGES], signed)
        term_start, _term_end = term_bounds(today)
        # One grouped query: over every student for a team-wide list, over the listed ones for a worker's.
        team_wide = visible_to is None or visible_to[1]
        absence = term_absence(self.session, term_start, today,
                               None if team_wide else sorted({r.student_id for r in found}))
        rows: list[CaseRow] = []
        for r in found:
            booster_on, booster_held = booster.get(r.id, (None, None))
            summary = CaseSummary(
                stage=r.stage,
                follow_up_on=follow_up.get(r.id),
                consent_expires_on=consent_end.get(r.id),
                booster_on=booster_on,
                booster_recorded=booster_on is not None and booster_held is not None,
                consent_missing=r.id in gaps,
            )
            rows.append(
                CaseRow(
                    case_id=r.id,
                    student_name=f"{r.first_name} {r.last_name}".strip(),
                    personal_id=r.personal_id,
                    school=r.school,
                    grade=r.grade,
                    stage=r.stage,
                    level=r.level,
                    socionom=r.socionom,
                    raised_on=r.raised_on,
                    next_due=next_due(summary),
                    attention=attention(summary, today),
                    protected_identity=r.protected_identity,
                    term_absence_percent=absence.get(r.student_id),
                )
            )
        return rows

    def _current_follow_ups(self) -> dict[int, dt.date | None]:
        """The follow-up date of each case's current plan (the highest current version, as ``Case.current_plan``)."""
        query = (
            sa.select(handlingsplaner.c.case_id, handlingsplaner.c.follow_up_on)
            .where(handlingsplaner.c.status == PlanStatus.CURRENT)
            .order_by(handlingsplaner.c.case_id, handlingsplaner.c.version)
        )
        # Sorted by version, so the dict keeps the highest current version per case.
        return {case_id: follow_up_on for case_id, follow_up_on in self.session.execute(query)}

    def _consent_gaps(self, today: dt.date, work: list, signed: dict[int, set[object]]) -> set[int]:
        """The cases among ``work`` where someone who must consent has no consent in force today.

        The rule itself is the workflow's (``missing_consents``); only its facts come from the queries here.
        """
        if not work:
            return set()
        g = guardians.c
        by_student: dict[int, list[tuple[int, str, bool]]] = {}
        for student_id, guardian_id, name, must in self.session.execute(
                sa.select(g.student_id, g.id, g.name, g.must_consent).order_by(g.id)):
            by_student.setdefault(student_id, []).append((guardian_id, name, must))
        gaps: set[int] = set()
        for r in work:
            who = signed.get(r.id, set())
            facts = ConsentFacts(
                student_name=f"{r.first_name} {r.last_name}".strip(),
                student_consented="student" in who,
                adult=is_adult(r.personal_id, today),
                guardians=tuple((name, must, gid in who) for gid, name, must in by_student.get(r.student_id, [])),
            )
            if missing_consents(facts):
                gaps.add(r.id)
        return gaps

    def _consents_in_force(self, today: dt.date) -> tuple[dict[int, dt.date], dict[int, set[object]]]:
        """From one query of the consents in force today (``Consent.is_valid_on``): each case's earliest
        ``valid_until``, and who has signed (guardian ids, and "student" for the student's own consent)."""
        c = consents.c
        query = sa.select(c.case_id, c.guardian_id, c.signer_kind, c.valid_until, c.parties).where(
            c.given_on <= today,
            sa.or_(c.withdrawn_on.is_(None), c.withdrawn_on > today),
            sa.or_(c.valid_until.is_(None), c.valid_until >= today),
        )
        ends: dict[int, dt.date] = {}
        signed: dict[int, set[object]] = {}
        for case_id, guardian_id, signer_kind, valid_until, parties in self.session.execute(query):
            if not shares_school_and_socialtjanst(parties):
                continue  # Consent.is_valid_on's rule needs the JSON list; checked here to stay portable
            if valid_until is not None and (case_id not in ends or valid_until < ends[case_id]):
                ends[case_id] = valid_until
            who = guardian_id if guardian_id is not None else ("student" if signer_kind == SignerKind.ELEV else None)
            signed.setdefault(case_id, set()).add(who)
        return ends, signed

    def _latest_boosters(self) -> dict[int, tuple[dt.date, bool | None]]:
        """Each case's last boosterträff (``Case.booster``): when it is planned and whether it was held."""
        b = boostertraffar.c
        query = sa.select(b.case_id, b.planned_on, b.held).order_by(b.case_id, b.id)
        return {case_id: (planned_on, held) for case_id, planned_on, held in self.session.execute(query)}
