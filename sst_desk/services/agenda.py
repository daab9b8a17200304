""""Kommande": what falls due in the next days for the person's own cases (issue 15, the worker's week).

"The person's cases" are those they are a member of, for a team lead too: the panel is one's own week.
An administrator works with no cases and gets an empty list. Reading the list is logged as the case
list's is (``LogAction.LIST``, detail ``kommande:<number of items>``; no case or student id).
"""

from __future__ import annotations

import datetime as dt

from sst_desk.workflow.access import Action, Actor, Resource, Scope, scope
from sst_desk.workflow.agenda import DEFAULT_DAYS, MAX_DAYS, DueItem, due_items as agenda_items, window_end
from sst_desk.workflow.logchain import LogAction

from sst_desk.services.base import UowFactory

USE_CASES = ("due_items",)

LOG_PREFIX = "kommande"  # the access log's detail: "kommande:<count>" (ui/accesslog/details.py words it)


def due_items(uow: UowFactory, actor: Actor | None, today: dt.date | None = None,
              days: int = DEFAULT_DAYS) -> list[DueItem]:
    """The follow-ups, boosterträffar, expiring consents and ending insatser of the person's cases from
    ``today`` (None: this machine's clock; the server sets its own) to ``today + days``, with the
    overdue meetings first (``workflow.agenda.due_items``). ``days`` outside 0..366 raises ``ValueError``.
    """
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= MAX_DAYS:
        raise ValueError(f"days must be a whole number from 0 to {MAX_DAYS}")
    day = today or dt.date.today()
    with uow(actor) as tx:
        who = tx.actor
        if who is not None and scope(who.role, Resource.CASE, Action.VIEW) is Scope.NONE:
            return []
        facts = tx.cases.agenda_facts(day, window_end(day, days), who.user_id if who is not None else None)
        items = agenda_items(facts, day, days)
        tx.log(LogAction.LIST, detail=f"{LOG_PREFIX}:{len(items)}")
        tx.commit()
        return items
