"""Co-editing (issue 14): a keystroke in one window's document → in another window's document, through the team
server's case room — p50/p95 over many keystrokes (budget p95 ≤ 300 ms on loopback), beside a bare HTTPS round
trip to the same server measured in the same run.

    .venv/bin/python benchmarks/bench_room_keystrokes.py [--keys 1000] [--rhythm-keys 200]

Runs the real thing: ``sst-desk serve`` as a subprocess on PostgreSQL with a throwaway certificate (the
integration tests' harness), two people signed in over HTTPS, each with a ``remote.room.RoomClient`` on the
same case, each document on a thread of its own standing in for the window's UI thread. Sara types one letter
at a time into the case's reason (in her document's thread, as the widget binding does); the time runs until
Tove's document has applied it (an observer on her Text, in her thread). Two runs: each keystroke waits until
it has arrived (measured alone), then a typing rhythm of 8 keystrokes a second (the room saves to the tables
meanwhile, about every second, so some keystrokes wait for a save). The widgets' own part (a QTextEdit
showing the change) is not in these figures. PostgreSQL: SST_DESK_TEST_PG_URL, or a throwaway server is
started with scripts/test-postgres.sh. Not a test: it prints figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import queue
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # server_harness: the server as its tests start it
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_live import percentiles, postgres  # noqa: E402

SARA = ("sara.socionom", "Sara Socionom", "Snöstorm-Tallbacka-93")
TOVE = ("tove.teamledare", "Tove Teamledare", "Lingonris-Hällebäck-51")
OWN = "Egen-Lösenmening-Vintergata-82"


class Owner:
    """A thread that runs what is posted to it, in order (the window's UI thread in miniature)."""

    def __init__(self) -> None:
        self._queue: queue.Queue[Callable[[], None] | None] = queue.Queue()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (fn := self._queue.get()) is not None:
            fn()

    def post(self, fn: Callable[[], None]) -> None:
        self._queue.put(fn)

    def call(self, fn: Callable[[], Any]) -> Any:
        done: queue.Queue[Any] = queue.Queue()
        self.post(lambda: done.put(fn()))
        return done.get(timeout=30)

    def stop(self) -> None:
        self._queue.put(None)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=1000)
    parser.add_argument("--rhythm-keys", type=int, default=200)
    args = parser.parse_args()

    from pycrdt import Doc, Map

    from sst_desk.collab.casedoc import utf8_offset
    from sst_desk.demo.generate import build_cases
    from sst_desk.remote.client import RemoteServer
    from sst_desk.remote.room import RoomClient, RoomStatus
    from sst_desk.workflow.access import Role
    from sst_desk.workflow.codes import Stage

    from server_harness import ADMIN, team_server

    with postgres(), tempfile.TemporaryDirectory(prefix="bench-room-") as folder, \
            team_server(Path(folder)) as (server, certs):
        remote = RemoteServer(server.url, ca_file=certs.ca)
        admin = remote.signin(ADMIN[0], ADMIN[2])
        sessions = {}
        for (username, name, password), role in ((SARA, Role.SKOLSOCIONOM), (TOVE, Role.TEAMLEDARE)):
            admin.door.accounts.create_user(username, name, role, password)
            session = remote.signin(username, password)
            if session.must_change_password:
                session.change_password(password, OWN)
            sessions[username] = session
        case = next(c for c in build_cases(40, seed=5, today=dt.date.today()) if c.stage is Stage.AKTUALISERING)
        case.reason = "Frånvaro."
        case_id = sessions[SARA[0]].door.cases.add_case(case).id

        round_trips = []
        for _ in range(200):
            started = time.perf_counter()
            remote.health()
            round_trips.append(time.perf_counter() - started)

        owners = {name: Owner() for name in ("sara", "tove")}
        docs = {name: owners[name].call(Doc) for name in owners}
        rooms = {}
        for name, (username, *_rest) in (("sara", SARA), ("tove", TOVE)):
            owner = owners[name]
            rooms[name] = owner.call(lambda s=sessions[username], d=docs[name], o=owner: RoomClient(
                s, case_id, d, post=o.post).start())
        deadline = time.monotonic() + 15
        while any(room.status is not RoomStatus.SYNCED for room in rooms.values()):
            if time.monotonic() > deadline:
                raise SystemExit("the rooms were not joined within 15 s")
            time.sleep(0.05)

        arrived: dict[int, float] = {}
        seen = threading.Event()
        expected_length = [0]

        def watch() -> None:
            text = docs["tove"].get("case", type=Map)["reason"]

            shown = [len(str(text))]

            def changed(_event: object) -> None:  # every length reached now: keystrokes may arrive together
                now, length = time.perf_counter(), len(str(text))
                for reached in range(shown[0] + 1, length + 1):
                    arrived.setdefault(reached, now)
                shown[0] = max(shown[0], length)
                if expected_length[0] in arrived:
                    seen.set()
            text.observe(changed)
        owners["tove"].call(watch)

        def type_one() -> float:
            text = docs["sara"].get("case", type=Map)["reason"]
            shown = str(text)
            expected_length[0] = len(shown) + 1
            started = time.perf_counter()
            text.insert(utf8_offset(shown, len(shown)), "å" if len(shown) % 7 == 0 else "a")
            return started

        def run(keys: int, spacing: float | None) -> list[float]:
            latencies = []
            for _ in range(keys):
                seen.clear()
                started = owners["sara"].call(type_one)
                key = expected_length[0]
                if spacing is None:
                    if not seen.wait(10):
                        raise SystemExit("a keystroke did not arrive within 10 s")
                else:
                    time.sleep(spacing)
                latencies.append((started, key))
            deadline = time.monotonic() + 10
            while any(key not in arrived for _started, key in latencies) and time.monotonic() < deadline:
                time.sleep(0.01)
            return [arrived[key] - started for started, key in latencies if key in arrived]  # seconds

        alone = run(args.keys, None)
        rhythm = run(args.rhythm_keys, 0.125)
        for name, room in rooms.items():
            owners[name].call(room.close)
            owners[name].stop()

        def line(label: str, values: list[float]) -> str:
            p50, p95, worst = percentiles(values)
            return f"| {label} | {len(values)} | {p50:.1f} ms | {p95:.1f} ms | {worst:.1f} ms |"

        print("| from Sara's keystroke in her document to … | n | p50 | p95 | max |")
        print("|---|---|---|---|---|")
        print(line("anchor: a bare HTTPS round trip (GET /api/v1/health)", round_trips))
        print(line("Tove's document, each keystroke alone", alone))
        print(line("Tove's document, typing 8 keystrokes a second", rhythm))
        print(f"(mean alone {statistics.mean(alone) * 1000:.1f} ms)")
        remote.close()


if __name__ == "__main__":
    main()
