"""The memory of the team server's case rooms (issue 14): what one open case costs the server process.

    .venv/bin/python benchmarks/bench_rooms.py [--rooms 50] [--keystrokes 500] [--server]
    .venv/bin/python benchmarks/bench_rooms.py --keystrokes 0      # the rooms as they open

In process (always): ``--rooms`` realistic fictional cases (the demo generator's, those furthest through the
process: a plan with goals and insatser, contacts, follow-ups), each a ``server.rooms.CaseRoom`` with its
pycrdt document and a started pycrdt-websocket ``YRoom``, on a scratch SQLite file; then ``--keystrokes``
single-character edits typed into each room's texts (the history a meeting leaves: Yjs keeps what was deleted
as tombstones). Printed: the process's RSS growth per room (pycrdt's documents live in Rust, where tracemalloc
does not see them), Python's own allocations per room (tracemalloc), and the document's full state in bytes.

``--server`` also measures the real thing: ``sst-desk serve`` as a subprocess on PostgreSQL (the integration
tests' harness; SST_DESK_TEST_PG_URL, or a throwaway server from scripts/test-postgres.sh), ``--rooms`` cases
added over HTTPS, one peer joining each room over TLS and typing ``--keystrokes`` characters; the server's RSS
before and after. Not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import gc
import os
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "tests" / "integration"))
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_live import postgres  # noqa: E402 - one way to start a throwaway PostgreSQL for the benchmarks


def rss_kib(pid: int | None = None) -> int:
    """The resident set of a process (this one by default), in KiB, from /proc."""
    with open(f"/proc/{pid or 'self'}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc")


def realistic_cases(count: int) -> list:
    """Fictional cases, the fullest first (the most records: a meeting's plan, its follow-ups)."""
    from sst_desk.demo.generate import build_cases

    cases = build_cases(max(count * 3, 60), seed=14, today=dt.date.today())

    def size(case) -> int:
        plans = sum(len(p.goals) + len(p.insatser) for p in case.plans)
        return plans + len(case.contacts) + len(case.follow_ups) + len(case.consents) + len(case.transitions)

    return sorted(cases, key=size, reverse=True)[:count]


def _texts(node, found: list) -> list:
    from pycrdt import Array, Map, Text

    for value in node.values():
        if isinstance(value, Text):
            found.append(value)
        elif isinstance(value, Map):
            _texts(value, found)
        elif isinstance(value, Array):
            for item in value:
                if isinstance(item, Map):
                    _texts(item, found)
    return found


def type_into(doc, keystrokes: int, seed: int) -> None:
    """``keystrokes`` one-character edits spread over the document's texts: mostly typing, some deleting."""
    import random

    from pycrdt import Map

    rng = random.Random(seed)
    texts = _texts(doc.get("case", type=Map), [])
    for _ in range(keystrokes):
        text = texts[rng.randrange(len(texts))]
        size = len(text)  # bytes (pycrdt counts UTF-8): ASCII is typed, so every offset is a character's
        if size and rng.random() < 0.2:
            text_value = str(text).encode()
            at = rng.randrange(size)
            while at and (text_value[at] & 0xC0) == 0x80:  # not inside a multi-byte character
                at -= 1
            end = at + 1
            while end < size and (text_value[end] & 0xC0) == 0x80:
                end += 1
            del text[at:end]
        else:
            text_value = str(text).encode()
            at = rng.randint(0, size)
            while 0 < at < size and (text_value[at] & 0xC0) == 0x80:
                at -= 1
            text.insert(at, rng.choice("abcdefghijklmnopqrstuvwxyz "))


async def _open_rooms(db, cases: list, keystrokes: int) -> list:
    from sst_desk.collab.casedoc import new_doc
    from sst_desk.server.rooms import CaseRoom, RoomHost

    host = RoomHost(db, lambda token, **_: None)  # type: ignore[arg-type, return-value]
    rooms = []
    for number, case in enumerate(cases):
        doc = new_doc(case)
        room = CaseRoom(host, case.id, doc, case)
        await room.start()
        type_into(doc, keystrokes, seed=number)
        rooms.append(room)
    return rooms


def in_process(count: int, keystrokes: int) -> None:
    from sst_desk.persistence import Database
    from sst_desk.services import Door

    with tempfile.TemporaryDirectory() as folder:
        db = Database.open(Path(folder) / "bench.sqlite3")
        door = Door(db.uow, None)
        cases = [door.cases.add_case(case) for case in realistic_cases(count + 1)]
        loop = asyncio.new_event_loop()
        warm = loop.run_until_complete(_open_rooms(db, cases[-1:], keystrokes))  # imports, first-use caches
        cases = cases[:-1]
        gc.collect()
        before_rss = rss_kib()
        tracemalloc.start()
        before_py = tracemalloc.get_traced_memory()[0]
        rooms = loop.run_until_complete(_open_rooms(db, cases, keystrokes))
        loop.run_until_complete(asyncio.sleep(0.05))
        gc.collect()
        after_py = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        after_rss = rss_kib()
        states = [len(room.doc.get_update()) for room in rooms]
        records = sum(1 for _ in _texts_count(rooms[0]))
        for room in rooms + warm:
            loop.run_until_complete(room.yroom.stop())
        loop.close()
        db.close()
    print(f"in process: {count} rooms, {keystrokes} keystrokes typed into each")
    print(f"  RSS growth per room:          {(after_rss - before_rss) / count:8.1f} KiB")
    print(f"  Python allocations per room:  {(after_py - before_py) / count / 1024:8.1f} KiB (tracemalloc)")
    print(f"  document state per room:      {sum(states) / len(states) / 1024:8.1f} KiB (median "
          f"{sorted(states)[len(states) // 2] / 1024:.1f}, largest {max(states) / 1024:.1f}); "
          f"{records} texts in the fullest")


def _texts_count(room) -> list:
    from pycrdt import Map

    return _texts(room.doc.get("case", type=Map), [])


def on_server(count: int, keystrokes: int) -> None:
    with postgres() as url:
        os.environ["SST_DESK_TEST_PG_URL"] = url
        import server_harness
        from pycrdt import Map

        from room_peer import RoomPeer
        from sst_desk.remote.client import RemoteServer
        from sst_desk.workflow.access import Role

        server_harness.PG_URL = url
        with tempfile.TemporaryDirectory() as folder, server_harness.team_server(Path(folder)) as (server, certs):
            with RemoteServer(server.url, ca_file=certs.ca) as remote:
                admin = remote.signin(server_harness.ADMIN[0], server_harness.ADMIN[2])
                admin.door.accounts.create_user("sara.bench", "Sara Bench", Role.SKOLSOCIONOM, "Snöstorm-Tallbacka-93")
                sara = remote.signin("sara.bench", "Snöstorm-Tallbacka-93")
                sara.change_password("Snöstorm-Tallbacka-93", "Egen-Lösenmening-Vintergata-82")
                ids = [sara.door.cases.add_case(case).id for case in realistic_cases(count)]
                time.sleep(1.0)
                pid = server.process.pid
                before = rss_kib(pid)
                peers = []
                for number, case_id in enumerate(ids):
                    peer = RoomPeer(server.url, certs.ca, sara._token, case_id).join()
                    type_into(peer.doc, keystrokes, seed=number)
                    peer.flush()
                    peers.append(peer)
                for peer in peers:  # every room has had what was typed into it
                    peer.pump(timeout=0.2)
                time.sleep(3.0)  # the rooms save what settled
                during = rss_kib(pid)
                sizes = [len(peer.doc.get_update()) for peer in peers]
                for peer in peers:
                    peer.close()
                time.sleep(3.0)
                after = rss_kib(pid)
                assert all(isinstance(p.doc.get("case", type=Map), Map) for p in peers)
                latencies = relay(server.url, certs.ca, sara._token, ids[0], keystrokes=1000)
        print(f"the server process (sst-desk serve, PostgreSQL, TLS): {count} rooms with one peer each, "
              f"{keystrokes} keystrokes each")
        print(f"  RSS before {before / 1024:.1f} MiB, with the rooms open {during / 1024:.1f} MiB "
              f"({(during - before) / count:.1f} KiB per open case, its connection included), "
              f"after they closed {after / 1024:.1f} MiB")
        print(f"  document state per room: {sum(sizes) / len(sizes) / 1024:.1f} KiB on average")
        ordered = sorted(latencies)
        print(f"  a keystroke from one peer to another through the room ({len(ordered)} keystrokes, loopback, "
              f"one after another; a save every few seconds included): p50 {ordered[len(ordered) // 2]:.1f} ms, "
              f"p95 {ordered[int(len(ordered) * 0.95)]:.1f} ms, max {ordered[-1]:.1f} ms")


def relay(url: str, ca: Path, token: str, case_id: int, keystrokes: int) -> list[float]:
    """Milliseconds from one peer sending a keystroke to another peer holding it, for each keystroke."""
    from pycrdt import Map

    from room_peer import RoomPeer

    writer, reader = RoomPeer(url, ca, token, case_id).join(), RoomPeer(url, ca, token, case_id).join()
    mine = writer.doc.get("case", type=Map)["reason"]
    theirs = reader.doc.get("case", type=Map)["reason"]
    found = []
    for number in range(keystrokes):
        expected = len(mine) + 1
        started = time.perf_counter()
        mine.insert(len(mine), "abcdefghij"[number % 10])
        writer.flush()
        reader.pump(until=lambda expected=expected: len(theirs) == expected, timeout=10)
        found.append((time.perf_counter() - started) * 1000)
        writer.pump(timeout=0.002)  # read the echo of its own update (not measured)
    writer.close()
    reader.close()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rooms", type=int, default=50)
    parser.add_argument("--keystrokes", type=int, default=500)
    parser.add_argument("--server", action="store_true", help="also measure a real server process")
    options = parser.parse_args()
    in_process(options.rooms, options.keystrokes)  # one figure per run: freed memory would be reused
    if options.server:
        on_server(options.rooms, options.keystrokes)


if __name__ == "__main__":
    main()
