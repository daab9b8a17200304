"""The live change feed's server-sent events: what the server writes is what the client reads (issue 13)."""

from __future__ import annotations

import pytest

from sst_desk.remote import sse


def read(stream: bytes) -> list[tuple[str, str]]:
    reader = sse.EventReader()
    found: list[tuple[str, str]] = []
    for line in stream.decode().split("\n"):
        found += reader.feed(line)
    return found


def test_a_case_event_written_by_the_server_is_read_back_whole():
    event = sse.CaseEvent(7, 12, 3, "Sara Åström")
    ((kind, data),) = read(sse.case_event(event))
    assert sse.parse(kind, data) == event


def test_heartbeats_and_unknown_fields_are_skipped_and_several_events_come_apart():
    stream = (sse.format_event(sse.READY, {"user": 3}) + sse.HEARTBEAT + b"id: 5\nretry: 100\n"
              + sse.format_event(sse.RESYNC, {}) + sse.format_event(sse.ENDED, {"reason": "session"}))
    events = [sse.parse(kind, data) for kind, data in read(stream)]
    assert events == [sse.StreamEvent(sse.READY, {"user": 3}), sse.StreamEvent(sse.RESYNC, {}),
                      sse.StreamEvent(sse.ENDED, {"reason": "session"})]


def test_data_over_several_lines_is_joined_and_a_missing_space_is_allowed():
    reader = sse.EventReader()
    lines = ["event:case", 'data:{"case": 1, "revision": 2,', 'data: "user": null, "by": ""}', ""]
    found = [pair for line in lines for pair in reader.feed(line)]
    assert found == [("case", '{"case": 1, "revision": 2,\n"user": null, "by": ""}')]
    assert sse.parse(*found[0]) == sse.CaseEvent(1, 2, None, "")


@pytest.mark.parametrize("kind,data", [
    ("case", "not json"),
    ("case", "[1, 2]"),
    ("case", '{"case": "7", "revision": 1, "user": 1, "by": "x"}'),
    ("case", '{"case": 7, "revision": true, "user": 1, "by": "x"}'),
    ("case", '{"case": 7, "revision": 1, "user": 1}'),
    ("message", "{}"),
])
def test_what_the_client_cannot_read_is_left_out(kind, data):
    assert sse.parse(kind, data) is None


def test_an_endless_line_is_refused():
    with pytest.raises(ValueError):
        list(sse.EventReader().feed("data: " + "x" * (sse.MAX_LINE + 1)))


def test_a_notification_carries_ids_only_and_anything_else_on_the_channel_is_ignored():
    from sst_desk.persistence.changes import CaseChanged

    told = CaseChanged(7, 12, 3)
    assert told.payload() == '{"case":7,"revision":12,"user":3}'
    assert CaseChanged.from_payload(told.payload()) == told
    assert CaseChanged.from_payload('{"case":7,"revision":12,"user":null}') == CaseChanged(7, 12, None)
    for junk in ("", "7", "[7, 12, 3]", '{"case":7}', '{"case":true,"revision":1,"user":1}',
                 '{"case":7,"revision":"12","user":1}', '{"case":7,"revision":12,"user":"sara"}'):
        assert CaseChanged.from_payload(junk) is None, junk
