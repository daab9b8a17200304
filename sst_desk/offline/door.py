"""The window's door when the team server cannot be reached: the reads it needs answered from the offline copy.

``FallbackDoor`` wraps the connection's door (``remote.here.ServerDoor``). A call goes to the server; when the
server cannot be reached (``ServerUnreachableError``) and the call is one of ``FROM_COPY`` — the case list,
opening a case, who is responsible, what the person may do, the team's settings, "Kommande" (built from the
copy's cases by the same rules, ``workflow.agenda``) — it is answered from the
copy instead, and the connection's ``offline_as_of`` says how old that answer is (the window says "Offline –
your local copy from 14:32"). Opening a case from the copy is recorded there as a view (the server logs it,
with its time, when it is back: ``offline.sync``). Every other call (a save, a print, the access log…) fails
as it did: the banner says the server cannot be reached, and what was typed stays in the window. Edits made
offline go into the case's shared document (``OfflineStore.save_doc_state``), which merges when the case's
room is joined again.

Signed in offline (no session at all), every call is answered from the copy or refused as unreachable; once
the server answers again, calls raise ``SessionExpired``: the window locks, and its unlock signs in on the
server (``ServerConnection.verify_password``), which sends the offline views.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sst_desk.remote.connection import ServerConnection

WRITES_TOLD = frozenset({
    ("cases", "save_case"), ("cases", "add_case"), ("cases", "move_case"), ("cases", "set_case_members"),
    ("cases", "record_consent_override"),
})
"""Calls after which the copy is brought up to date at once (the person's own change)."""


def _case_file(connection: ServerConnection, case_id: int, *, view: bool) -> Any:
    from sst_desk.remote.errors import ServerUnreachableError

    store = connection.store
    file = store.case_file(case_id) if store is not None else None
    if file is None:  # not in the copy: the server is needed for it
        raise ServerUnreachableError(connection.location)
    if view:
        store.record_view(case_id)
    return file


def _case_rows(connection: ServerConnection, *_args: Any, **_kwargs: Any) -> list[Any]:
    return connection.store.rows()


def _open_case(connection: ServerConnection, case_id: int) -> Any:
    return _case_file(connection, case_id, view=True)


def _load_case(connection: ServerConnection, case_id: int) -> Any:
    return _case_file(connection, case_id, view=True).case


def _case_members(connection: ServerConnection, case_id: int) -> list[Any]:
    return list(_case_file(connection, case_id, view=False).members)


def _case_member_ids(connection: ServerConnection, case_id: int) -> list[int]:
    return [m.user_id for m in _case_file(connection, case_id, view=False).members]


def _may(connection: ServerConnection, action: Any, case_id: int, resource: Any = None) -> bool:
    from sst_desk.workflow.access import Resource

    file = connection.store.case_file(case_id)
    return file is not None and file.may(action, resource or Resource.CASE)


def _due_items(connection: ServerConnection, today: Any = None, days: int | None = None) -> list[Any]:
    """"Kommande" from the copy's cases (the person's own, as on the server), on this computer's day."""
    import datetime as dt

    from sst_desk.workflow.agenda import DEFAULT_DAYS, agenda_facts, due_items

    day = today or dt.date.today()
    store = connection.store
    files = [store.case_file(case_id) for case_id in store.case_ids()]
    return due_items([agenda_facts(f.case, day) for f in files if f is not None], day,
                     DEFAULT_DAYS if days is None else days)


def _team_settings(connection: ServerConnection) -> Any:
    from sst_desk.options import TeamSettings

    return connection.store.team_settings() or TeamSettings()


FROM_COPY: dict[tuple[str, str], Callable[..., Any]] = {
    ("cases", "case_rows"): _case_rows,
    ("cases", "open_case"): _open_case,
    ("cases", "load_case"): _load_case,
    ("cases", "case_members"): _case_members,
    ("cases", "case_member_ids"): _case_member_ids,
    ("cases", "may"): _may,
    ("settings", "team_settings"): _team_settings,
    ("agenda", "due_items"): _due_items,
}
"""What the window may read from the copy while the server cannot be reached."""


class _Group:
    def __init__(self, connection: ServerConnection, group: str) -> None:
        self._connection, self._group = connection, group

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        connection, group = self._connection, self._group

        def call(*args: Any, **kwargs: Any) -> Any:
            return connection.call_or_copy(group, name, args, kwargs)

        call.__name__ = call.__qualname__ = name
        setattr(self, name, call)
        return call


class FallbackDoor:
    """``services.Door``'s attributes, answered by the server or, for ``FROM_COPY``, by the copy (module text)."""

    uow = None

    def __init__(self, connection: ServerConnection) -> None:
        self._connection = connection
        self.actor = connection.actor

    def __getattr__(self, group: str) -> _Group:
        if group.startswith("_"):
            raise AttributeError(group)
        bound = _Group(self._connection, group)
        setattr(self, group, bound)
        return bound

    def acting_as(self, actor: Any) -> FallbackDoor:
        if actor != self.actor:
            raise ValueError("a server session acts only as the person who signed in")
        return self


def from_copy(connection: ServerConnection, group: str, name: str, args: tuple, kwargs: dict) -> Any:
    """The copy's answer to ``group.name``; ``ServerUnreachableError`` when the copy cannot answer it."""
    from sst_desk.remote.errors import ServerUnreachableError

    answer = FROM_COPY.get((group, name))
    store = connection.store
    synced_at = store.synced_at if store is not None else None
    if answer is None or synced_at is None:  # a copy never filled answers nothing: an empty list would mislead
        raise ServerUnreachableError(connection.location)
    result = answer(connection, *args, **kwargs)
    connection.offline_as_of = synced_at
    return result
