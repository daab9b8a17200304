"""The case repository: whole case files in and out, and the case list's cheap rows.

A case file is an aggregate: the ``Case`` with its student and everything
recorded under it. ``get_full`` loads all of it in one set of queries so it
can be used detached; ``save`` merges an edited detached graph back in.
``list_rows`` never loads aggregates: the case list reads a few columns.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import TYPE_CHECKING, NamedTuple

import sqlalchemy as sa
from sqlalchemy.orm import Mapper, Session, selectinload

from sst_desk.workflow.attendance import term_bounds
from sst_desk.workflow.agenda import AgendaFacts
from sst_desk.workflow.attention import CONSENT_STAGES, CaseSummary, attention, next_due
from sst_desk.workflow.caselist import CaseRow
from sst_desk.workflow.codes import Level, Party, PlanStatus, SignerKind, Stage
from sst_desk.workflow.entities import Case, shares_school_and_socialtjanst
from sst_desk.workflow.process import ConsentFacts, is_adult, missing_consents

from sst_desk.persistence import agenda
from sst_desk.persistence.attendance import term_absence
from sst_desk.persistence.errors import ConcurrentEditError
from sst_desk.persistence.graph import prepare_for_save
from sst_desk.persistence.mapping import boostertraffar, case_members, cases, consents, guardians, handlingsplaner, students

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

    def revisions(self, case_ids: list[int]) -> dict[int, int]:
        """The stored revision of each of ``case_ids`` that exists (one query; for the offline copy's sync)."""
        if not case_ids:
            return {}
        query = sa.select(cases.c.id, cases.c.revision).where(cases.c.id.in_(sorted(set(case_ids))))
        return {int(case_id): int(revision) for case_id, revision in self.session.execute(query).all()}

    def stored_elsewhere(self, unknown: dict[type, set[int]]) -> type | None:
        """The first kind of record whose ids (not the saved case's own) exist in the database — rows of
        another case — or None when none does (rows removed meanwhile, stored again by the save)."""
        for kind, ids in unknown.items():
            key = sa.inspect(kind).primary_key[0]
            if self.session.execute(sa.select(key).where(key.in_(sorted(ids))).limit(1)).first() is not None:
                return kind
        return None

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
        The columns are read as the driver returns them and converted through ``_Plain``'s memos:
        the few distinct dates, codes and party lists are parsed once, not once per row.
        """
        plain = _Plain()
        follow_up = self._current_follow_ups(plain)
        consent_end, signed = self._consents_in_force(today, plain)
        booster = self._latest_boosters(plain)
        query = (
            sa.select(*(_raw(column) for column in (
                cases.c.id, cases.c.student_id, cases.c.stage, cases.c.level, cases.c.socionom, cases.c.raised_on,
                students.c.first_name, students.c.last_name, students.c.personal_id, students.c.school,
                students.c.grade, students.c.protected_identity)))
            .join_from(cases, students, cases.c.student_id == students.c.id)
            .order_by(cases.c.id)
        )
        if visible_to is not None:
            user_id, team = visible_to
            member = sa.exists().where(case_members.c.case_id == cases.c.id, case_members.c.user_id == user_id)
            query = query.where(sa.or_(member, students.c.protected_identity.is_(False)) if team else member)
        found = [
            _ListedCase(case_id, student_id, plain.stage(stage), plain.level(level), socionom, plain.date(raised_on),
                        f"{first_name} {last_name}".strip(), personal_id, school, grade, bool(protected))
            for (case_id, student_id, stage, level, socionom, raised_on, first_name, last_name, personal_id, school,
                 grade, protected) in self.session.execute(query).all()
        ]
        gaps = self._consent_gaps(today, [r for r in found if r.stage in CONSENT_STAGES], signed)
        term_start, _term_end = term_bounds(today)
        # One grouped query: over every student for a team-wide list, over the listed ones for a worker's.
        team_wide = visible_to is None or visible_to[1]
        absence = term_absence(self.session, term_start, today,
                               None if team_wide else sorted({r.student_id for r in found}))
        rows: list[CaseRow] = []
        for r in found:
            booster_on, booster_held = booster.get(r.case_id, (None, None))
            summary = CaseSummary(
                stage=r.stage,
                follow_up_on=follow_up.get(r.case_id),
                consent_expires_on=consent_end.get(r.case_id),
                booster_on=booster_on,
                booster_recorded=booster_on is not None and booster_held is not None,
                consent_missing=r.case_id in gaps,
            )
            rows.append(
                CaseRow(
                    case_id=r.case_id,
                    student_name=r.student_name,
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

    def agenda_facts(self, today: dt.date, last: dt.date, user_id: int | None) -> list[AgendaFacts]:
        """"Kommande"'s facts for the cases ``user_id`` is a member of (all for None); see persistence/agenda.py."""
        return agenda.agenda_facts(self.session, today, last, user_id)

    def _current_follow_ups(self, plain: _Plain) -> dict[int, dt.date | None]:
        """The follow-up date of each case's current plan (the highest current version, as ``Case.current_plan``)."""
        h = handlingsplaner.c
        query = (
            sa.select(h.case_id, _raw(h.follow_up_on))
            .where(h.status == PlanStatus.CURRENT)
            .order_by(h.case_id, h.version)
        )
        # Sorted by version, so the dict keeps the highest current version per case.
        return {case_id: plain.date(follow_up_on) for case_id, follow_up_on in self.session.execute(query).all()}

    def _consent_gaps(self, today: dt.date, work: list[_ListedCase], signed: dict[int, set[object]]) -> set[int]:
        """The cases among ``work`` where someone who must consent has no consent in force today.

        The rule itself is the workflow's (``missing_consents``); only its facts come from the queries here.
        """
        if not work:
            return set()
        g = guardians.c
        by_student: dict[int, list[tuple[int, str, bool]]] = {}
        for student_id, guardian_id, name, must in self.session.execute(
                sa.select(g.student_id, g.id, g.name, _raw(g.must_consent)).order_by(g.id)).all():
            by_student.setdefault(student_id, []).append((guardian_id, name, bool(must)))
        gaps: set[int] = set()
        for r in work:
            who = signed.get(r.case_id, set())
            facts = ConsentFacts(
                student_name=r.student_name,
                student_consented="student" in who,
                adult=is_adult(r.personal_id, today),
                guardians=tuple((name, must, gid in who) for gid, name, must in by_student.get(r.student_id, [])),
            )
            if missing_consents(facts):
                gaps.add(r.case_id)
        return gaps

    def _consents_in_force(self, today: dt.date, plain: _Plain) -> tuple[dict[int, dt.date], dict[int, set[object]]]:
        """From one query of the consents in force today (``Consent.is_valid_on``): each case's earliest
        ``valid_until``, and who has signed (guardian ids, and "student" for the student's own consent)."""
        c = consents.c
        query = sa.select(c.case_id, c.guardian_id, _raw(c.signer_kind), _raw(c.valid_until), _raw(c.parties)).where(
            c.given_on <= today,
            sa.or_(c.withdrawn_on.is_(None), c.withdrawn_on > today),
            sa.or_(c.valid_until.is_(None), c.valid_until >= today),
        )
        ends: dict[int, dt.date] = {}
        signed: dict[int, set[object]] = {}
        for case_id, guardian_id, signer_kind, valid_until, parties in self.session.execute(query).all():
            if not plain.shared_with_team(parties):
                continue  # Consent.is_valid_on's rule needs the JSON list; checked here to stay portable
            valid_until = plain.date(valid_until)
            if valid_until is not None and (case_id not in ends or valid_until < ends[case_id]):
                ends[case_id] = valid_until
            who = guardian_id if guardian_id is not None else ("student" if signer_kind == SignerKind.ELEV else None)
            signed.setdefault(case_id, set()).add(who)
        return ends, signed

    def _latest_boosters(self, plain: _Plain) -> dict[int, tuple[dt.date, bool | None]]:
        """Each case's last boosterträff (``Case.booster``): when it is planned and whether it was held."""
        b = boostertraffar.c
        query = sa.select(b.case_id, _raw(b.planned_on), _raw(b.held)).order_by(b.case_id, b.id)
        return {case_id: (plain.date(planned_on), None if held is None else bool(held))
                for case_id, planned_on, held in self.session.execute(query).all()}


def _raw(column: sa.ColumnElement) -> sa.ColumnElement:
    """``column`` as the driver returns it, without SQLAlchemy's per-row result processing (``_Plain`` converts)."""
    return sa.type_coerce(column, sa.types.NullType()).label(column.name)


class _ListedCase(NamedTuple):
    """One case of the list's main query, converted (``list_rows``)."""

    case_id: int
    student_id: int
    stage: Stage
    level: Level
    socionom: str
    raised_on: dt.date
    student_name: str
    personal_id: str | None
    school: str
    grade: int | None
    protected_identity: bool


class _Plain:
    """Converts the case list's raw column values, each distinct value once (dates, codes, party lists repeat).

    SQLite returns dates as ISO text and JSON as text; PostgreSQL's drivers return ``date`` objects and parsed
    lists. Both are accepted, so the list reads the same on either backend.
    """

    def __init__(self) -> None:
        self._dates: dict[object, dt.date | None] = {None: None}
        self._stages: dict[str, Stage] = {}
        self._levels: dict[int, Level] = {}
        self._parties: dict[str, bool] = {}

    def date(self, value: object) -> dt.date | None:
        try:
            return self._dates[value]
        except KeyError:
            if isinstance(value, dt.datetime):
                converted = value.date()
            else:
                converted = value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))
            self._dates[value] = converted
            return converted

    def stage(self, value: str) -> Stage:
        found = self._stages.get(value)
        if found is None:
            found = self._stages[value] = Stage(value)
        return found

    def level(self, value: int) -> Level:
        found = self._levels.get(value)
        if found is None:
            found = self._levels[value] = Level(value)
        return found

    def shared_with_team(self, parties: object) -> bool:
        """``shares_school_and_socialtjanst`` of a stored party list (JSON text or an already parsed list)."""
        if not isinstance(parties, str):
            return shares_school_and_socialtjanst([Party(p) for p in (parties or [])])
        found = self._parties.get(parties)
        if found is None:
            found = self._parties[parties] = shares_school_and_socialtjanst(
                [Party(p) for p in (json.loads(parties) or [])])
        return found
