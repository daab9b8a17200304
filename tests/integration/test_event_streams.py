"""One event stream of the server (``server/events.py``) driven on a real PostgreSQL change feed, in process:
a heartbeat when nothing happens, the session's end noticed at a heartbeat, batches checked once, a person's
new role asked again (issue 13, live changes).

The endpoint through the real server process is tested in test_live_events.py; here the heartbeat is made
short so its rules can be seen in a second. Needs SST_DESK_TEST_PG_URL.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest

from sst_desk.persistence import Database, accounts
from sst_desk.remote import sse
from sst_desk.remote.errors import SessionExpired
from sst_desk.server.events import EventStreams, _Reader
from sst_desk.server.live import ChangeFeed, listen_conninfo
from sst_desk.workflow.access import Actor, Role

from conftest import new_case
from doors import door
from logteam import wipe_pg

from server_harness import PG_URL, postgres_marks  # noqa: E402 - after the module's own imports

pytestmark = postgres_marks()


@pytest.fixture
def pg() -> Iterator[Database]:
    wipe_pg()
    database = Database.open(PG_URL)
    yield database
    database.close()


def person(db: Database, username: str, name: str, role: Role) -> Actor:
    made = accounts.add_user(db, username, name, role, "not-a-real-hash")
    return Actor(made.id, made.username, made.display_name, role)


def read(chunks: list[bytes]) -> list:
    reader = sse.EventReader()
    found = []
    for line in b"".join(chunks).decode().split("\n"):
        found += [sse.parse(kind, data) for kind, data in reader.feed(line)]
    return found


def test_a_quiet_stream_beats_and_ends_at_the_heartbeat_after_the_session_ended(pg: Database) -> None:
    sara = person(pg, "sara", "Sara Testsson", Role.SKOLSOCIONOM)
    valid = {"token-1": sara}

    def actor_for(token: str) -> Actor:
        if token not in valid:
            raise SessionExpired("server")
        return valid[token]

    async def scenario() -> list[bytes]:
        feed = ChangeFeed(listen_conninfo(PG_URL))
        streams = EventStreams(pg, actor_for, feed, heartbeat_seconds=0.2)
        feed.start()
        chunks: list[bytes] = []
        try:
            await asyncio.wait_for(feed.connected.wait(), 10)
            stream = streams._stream(_Reader("token-1", sara), feed.subscribe())
            chunks.append(await anext(stream))  # ready
            chunks.append(await asyncio.wait_for(anext(stream), 5))  # nothing happens: a heartbeat
            assert streams.open_streams == 1 and feed.subscribers == 1
            del valid["token-1"]  # signed out (or expired) while nothing happens
            chunks.append(await asyncio.wait_for(anext(stream), 5))
            with pytest.raises(StopAsyncIteration):
                await anext(stream)
            assert streams.open_streams == 0 and feed.subscribers == 0  # the subscription went with it
        finally:
            await feed.stop()
        return chunks

    ready, heartbeat, ended = asyncio.run(scenario())
    assert heartbeat == sse.HEARTBEAT
    assert read([ready, ended]) == [sse.StreamEvent(sse.READY, {"user": sara.user_id}),
                                    sse.StreamEvent(sse.ENDED, {"reason": "session"})]


async def until(condition, timeout: float = 5.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        assert asyncio.get_running_loop().time() < deadline, "timed out"
        await asyncio.sleep(0.01)


def test_a_kurator_is_told_nothing_of_others_cases_until_her_new_role_lets_her_see_them(pg: Database) -> None:
    sara = person(pg, "sara", "Sara Testsson", Role.SKOLSOCIONOM)
    karin = person(pg, "karin", "Karin Testsson", Role.KURATOR)
    now = {"karin": karin}
    checks: list[str] = []

    def actor_for(token: str) -> Actor:
        checks.append(token)
        return now[token]

    async def scenario() -> tuple[list, object, list]:
        feed = ChangeFeed(listen_conninfo(PG_URL))
        streams = EventStreams(pg, actor_for, feed, heartbeat_seconds=30)
        feed.start()
        out: list[bytes] = []
        try:
            await asyncio.wait_for(feed.connected.wait(), 10)
            hers, witness = feed.subscribe(), feed.subscribe()
            stream = streams._stream(_Reader("karin", karin), hers)

            async def consume() -> None:
                async for chunk in stream:
                    out.append(chunk)

            task = asyncio.get_running_loop().create_task(consume())
            await until(lambda: len(out) == 1)  # ready
            added = [await asyncio.to_thread(door(pg, sara).cases.add_case, new_case()) for _ in range(3)]
            for _ in added:  # the feed hands each to every subscriber at once: Karin's stream has them too
                await witness.get(5)
            await until(hers._queue.empty)  # noqa: SLF001 - read, checked and (not) told
            told_before = read(out)
            batches = len(checks)
            now["karin"] = Actor(karin.user_id, karin.username, karin.display_name, Role.TEAMLEDARE)
            loaded = await asyncio.to_thread(door(pg, sara).cases.load_case, added[0].id)
            loaded.reason = "Ny bedömning."
            saved = await asyncio.to_thread(door(pg, sara).cases.save_case, loaded)
            await until(lambda: len(read(out)) > len(told_before))
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)
            assert 1 <= batches <= 3  # the token checked once per batch that came, not once per case
            return told_before, saved, read(out)
        finally:
            await feed.stop()

    told_before, saved, told = asyncio.run(scenario())
    ready = sse.StreamEvent(sse.READY, {"user": karin.user_id})
    assert told_before == [ready]  # Sara's three new cases: Karin is told nothing, not even that they exist
    assert told == [ready, sse.CaseEvent(saved.id, saved.revision, sara.user_id, "Sara Testsson")]
