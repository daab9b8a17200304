"""The live change feed's words on the wire: server-sent events (``GET /api/v1/events``; docs/server.md).

The server writes them (``server/events.py``), the client reads them (``remote/events.py``). A stream is
``text/event-stream`` (the WHATWG format: ``event:`` and ``data:`` lines, a blank line ends an event, a line
starting with ``:`` is a comment). The events::

    event: ready     data: {"user": 3}                                   the stream is open, as user 3
    event: case      data: {"case": 7, "revision": 12, "user": 1, "by": "Sara Socionom"}
    event: resync    data: {}                                            changes may have been missed: reload
    event: ended     data: {"reason": "session"}                         the session ended; no reconnect
    : heartbeat                                                          every 15 s while nothing happens

A ``case`` event is sent only to someone who may see the case, and holds no content: which case, its new
revision, and who saved it (the name resolved on the server).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

READY, CASE, RESYNC, ENDED = "ready", "case", "resync", "ended"
HEARTBEAT = b": heartbeat\n\n"
MEDIA_TYPE = "text/event-stream"
MAX_LINE = 64 * 1024
"""The longest line a client takes (ours are a few dozen bytes); a longer one ends the stream."""


@dataclass(frozen=True)
class CaseEvent:
    """Someone saved a case the person may see: ``by`` (their name) made it ``revision``."""

    case_id: int
    revision: int
    user_id: int | None
    by: str


@dataclass(frozen=True)
class StreamEvent:
    """An event of the stream other than a case: ``kind`` is READY, RESYNC or ENDED; ``data`` its fields."""

    kind: str
    data: dict


def format_event(kind: str, data: dict) -> bytes:
    """One event as the stream carries it (the JSON on one ``data:`` line)."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"event: {kind}\ndata: {body}\n\n".encode()


def case_event(event: CaseEvent) -> bytes:
    return format_event(CASE, {"case": event.case_id, "revision": event.revision, "user": event.user_id,
                               "by": event.by})


def parse(kind: str, data: str) -> CaseEvent | StreamEvent | None:
    """The event ``kind`` with ``data``, or None for one this client does not know or cannot read."""
    try:
        fields = json.loads(data) if data else {}
    except ValueError:
        return None
    if not isinstance(fields, dict):
        return None
    if kind == CASE:
        case_id, revision, user_id, by = (fields.get("case"), fields.get("revision"), fields.get("user"),
                                          fields.get("by"))
        if type(case_id) is not int or type(revision) is not int or type(by) is not str or not (
                user_id is None or type(user_id) is int):
            return None
        return CaseEvent(case_id, revision, user_id, by)
    if kind in (READY, RESYNC, ENDED):
        return StreamEvent(kind, fields)
    return None


class EventReader:
    """Turns the stream's lines into ``(kind, data)`` pairs (the WHATWG parsing rules we need)."""

    def __init__(self) -> None:
        self._kind = ""
        self._data: list[str] = []

    def feed(self, line: str) -> Iterator[tuple[str, str]]:
        """Read one line (without its line break); yields an event when the line ends one."""
        if len(line) > MAX_LINE:
            raise ValueError("an event stream line is too long")
        if line == "":
            if self._data or self._kind:
                kind, data = self._kind or "message", "\n".join(self._data)
                self._kind, self._data = "", []
                yield kind, data
            return
        if line.startswith(":"):
            return  # a comment: the heartbeat
        name, _, value = line.partition(":")
        if value.startswith(" "):
            value = value[1:]
        if name == "event":
            self._kind = value
        elif name == "data":
            self._data.append(value)
        # "id" and "retry" are not used: after a reconnect the client reloads (RESYNC), it does not replay


__all__ = ["CASE", "ENDED", "HEARTBEAT", "MEDIA_TYPE", "READY", "RESYNC", "CaseEvent", "EventReader", "StreamEvent",
           "case_event", "format_event", "parse"]
