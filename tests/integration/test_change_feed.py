"""The server's one listener (``server/live.py``) on a real PostgreSQL: saves reach every subscriber, a
dropped connection is opened again and its subscribers told to reload (issue 13, live changes).

Needs SST_DESK_TEST_PG_URL (a scratch database: every SST Desk table in it is dropped and rebuilt).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import psycopg
import pytest

from sst_desk.persistence import Database, accounts
from sst_desk.persistence.changes import CaseChanged
from sst_desk.server.live import RESYNC, ChangeFeed, listen_conninfo
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


def sara(db: Database) -> Actor:
    made = accounts.add_user(db, "sara", "Sara Testsson", Role.SKOLSOCIONOM, "not-a-real-hash")
    return Actor(made.id, made.username, made.display_name, Role.SKOLSOCIONOM)


def test_a_save_reaches_every_subscriber_and_a_dropped_connection_is_opened_again(pg: Database) -> None:
    who = sara(pg)

    async def scenario() -> None:
        feed = ChangeFeed(listen_conninfo(PG_URL), reconnect_delays=(0.05,), ping_seconds=0.5)
        feed.start()
        try:
            await asyncio.wait_for(feed.connected.wait(), 10)
            first, second = feed.subscribe(), feed.subscribe()
            case = await asyncio.to_thread(door(pg, who).cases.add_case, new_case())
            expected = CaseChanged(case.id, case.revision, who.user_id)
            assert await first.get(5) == expected and await second.get(5) == expected
            second.close()
            assert feed.subscribers == 1

            # The listening connection is killed (a restarted database, a cut network): it comes back, and
            # its subscribers are told that something may have been missed.
            with psycopg.connect(listen_conninfo(PG_URL), autocommit=True) as admin:
                killed = admin.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                                       "WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()").fetchall()
            assert killed and all(ok for (ok,) in killed)
            assert await first.get(10) == RESYNC
            await asyncio.wait_for(feed.connected.wait(), 10)
            assert feed.connections == 2
            loaded = await asyncio.to_thread(door(pg, who).cases.load_case, case.id)
            loaded.reason = "Uppdaterad efter återkoppling."
            saved = await asyncio.to_thread(door(pg, who).cases.save_case, loaded)
            assert await first.get(5) == CaseChanged(case.id, saved.revision, who.user_id)
            assert await first.get(0.3) is None  # a view or nothing at all tells nothing more
        finally:
            await feed.stop()
        assert not feed.connected.is_set()

    asyncio.run(scenario())


def test_a_subscriber_that_falls_behind_gets_one_resync_instead_of_what_it_missed(pg: Database) -> None:
    who = sara(pg)

    async def scenario() -> None:
        feed = ChangeFeed(listen_conninfo(PG_URL), queue_size=2)
        feed.start()
        try:
            await asyncio.wait_for(feed.connected.wait(), 10)
            slow, quick = feed.subscribe(), feed.subscribe()
            for _ in range(4):  # the feed hands each notification to both at once: the slow one gets all four
                await asyncio.to_thread(door(pg, who).cases.add_case, new_case())
                assert isinstance(await quick.get(5), CaseChanged)
            got = [await slow.get(1) for _ in range(3)]
            assert [type(e).__name__ for e in got] == ["CaseChanged", "CaseChanged", "Resync"]
            assert await slow.get(0.2) is None
        finally:
            await feed.stop()

    asyncio.run(scenario())


def test_only_a_postgresql_database_can_be_listened_to() -> None:
    with pytest.raises(ValueError):
        listen_conninfo("sqlite:///team.sqlite3")
    assert listen_conninfo("postgresql+psycopg://u:p@db.example:5433/sst") == "postgresql://u:p@db.example:5433/sst"
