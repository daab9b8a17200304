"""Helpers for the merge tests: a stored case (every object with an id), and "saving" a merged case.

Storage is simulated the way the database does it: a row without id gets the next free id.
"""

from __future__ import annotations

import datetime as dt
import itertools

from sst_desk.workflow.codes import ContactKind, Stage
from sst_desk.workflow.entities import Case, ContactEntry
from sst_desk.workflow.merge import ENTITIES, clone

from tests.unit.builders import make_case_at, make_guardian


def _objects(value: object, seen: set[int]):
    if isinstance(value, list):
        for item in value:
            yield from _objects(item, seen)
        return
    if not isinstance(value, ENTITIES) or id(value) in seen:
        return
    seen.add(id(value))
    yield value
    for name in vars(value):
        if not name.startswith("_"):
            yield from _objects(getattr(value, name), seen)


class Store:
    """One stored case, as a database would keep it: ids handed out, a revision bumped by every save."""

    def __init__(self, case: Case) -> None:
        self.ids = itertools.count(1)
        self.case = self._write(case, revision=1)

    def _write(self, case: Case, revision: int) -> Case:
        stored = clone(case)
        for obj in _objects(stored, set()):
            if obj.id is None:
                obj.id = next(self.ids)
        stored.revision = revision
        return stored

    def save(self, case: Case) -> Case:
        self.case = self._write(case, revision=self.case.revision + 1)
        return self.load()

    def load(self) -> Case:
        return clone(self.case)


def stored_case() -> Store:
    """A fictional case in uppföljning with two guardians, goals, insatser, a contact: stored, with ids."""
    case = make_case_at(Stage.UPPFOLJNING)
    case.student.guardians.append(make_guardian("Vårdnadshavare Tre", must_consent=False))
    case.contacts.append(ContactEntry(on=dt.date(2026, 10, 1), kind=ContactKind.MOTE, participants="Elev, VH",
                                      summary="Första mötet."))
    case.contacts.append(ContactEntry(on=dt.date(2026, 10, 8), kind=ContactKind.TELEFON, participants="VH",
                                      summary="Uppföljande samtal."))
    return Store(case)
