"""The access checks of the real unit of work (persistence/uow.py), for the fake units of work.

A fake gives ``_facts(case_id)`` → ``(student_id, protected, member)`` or None, and ``log``, ``rollback``,
``commit``; this mixin decides like the real one: ``allowed`` from the permission matrix, a refusal rolled
back, logged as DENIED, committed and raised as ``AccessDeniedError``. Without an actor: raw access.
"""

from __future__ import annotations

from sst_desk.persistence.errors import AccessDeniedError
from sst_desk.workflow.access import Action, Resource, allowed
from sst_desk.workflow.logchain import LogAction


class FakeAccess:
    location: object = None

    def _facts(self, case_id: int) -> tuple[int, bool, bool] | None:
        raise NotImplementedError  # each fake answers from its own store

    def may(self, action: Action, case_id: int, resource: Resource = Resource.CASE) -> bool:
        facts = self._facts(case_id)
        if facts is None:
            return False
        return self.actor is None or allowed(self.actor, resource, action, member=facts[2], protected=facts[1])

    def require_case(self, action: Action, case_id: int, resource: Resource = Resource.CASE) -> int | None:
        facts = self._facts(case_id)
        if facts is None:
            return None
        if self.actor is None or allowed(self.actor, resource, action, member=facts[2], protected=facts[1]):
            return facts[0]
        self._refuse(f"{resource.value}:{action.value}", case_id, facts[0])
        return None

    def require(self, resource: Resource, action: Action) -> None:
        if self.actor is None or allowed(self.actor, resource, action):
            return
        self._refuse(f"{resource.value}:{action.value}", None, None)

    def _refuse(self, what: str, case_id: int | None, student_id: int | None) -> None:
        self.rollback()
        self.log(LogAction.DENIED, case_id=case_id, student_id=student_id, detail=what)
        self.commit()
        raise AccessDeniedError(what, case_id, self.location)
