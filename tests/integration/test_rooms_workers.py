"""Case rooms with two server processes (``sst-desk serve --workers 2``, issue 14): one case never has two rooms.

Each process takes a PostgreSQL advisory lock per room; a join that reaches the process without it is closed with
4409 and tried again (as the window's room client does). Whichever process each connection lands on, the peers
that are let in are in ONE room: what one types reaches the other, and the tables hold it.

Needs SST_DESK_TEST_PG_URL (scripts/test-postgres.sh).
"""

from __future__ import annotations

import datetime as dt
import time
from pathlib import Path


from sst_desk.remote.client import RemoteServer
from sst_desk.workflow.access import Role
from sst_desk.workflow.codes import Stage

from room_peer import Refused, RoomPeer
from server_harness import ADMIN, TeamServer, postgres_marks, team_server

pytestmark = postgres_marks(timeout=240)


def join_retrying(server: TeamServer, ca: Path, token: str, case_id: int, refusals: list[int]) -> RoomPeer:
    for _ in range(60):
        try:
            return RoomPeer(server.url, ca, token, case_id).join()
        except Refused as refused:
            assert refused.code == 4409, refused.code
            refusals.append(refused.code)
            time.sleep(0.05)
    raise AssertionError("never let in")


def test_two_processes_never_hold_two_rooms_of_one_case(tmp_path: Path) -> None:
    from sst_desk.demo.generate import build_cases

    with team_server(tmp_path / "first") as (server, certs):
        server.stop()
        two = TeamServer(server.database, server.state, certs.good, certs.ca)
        two.workers = 2
        two.start()
        try:
            with RemoteServer(two.url, ca_file=certs.ca) as remote:
                admin = remote.signin(ADMIN[0], ADMIN[2])
                admin.door.accounts.create_user("sara.two", "Sara Två", Role.SKOLSOCIONOM, "Snöstorm-Tallbacka-93")
                sara = remote.signin("sara.two", "Snöstorm-Tallbacka-93")
                sara.change_password("Snöstorm-Tallbacka-93", "Egen-Lösenmening-Vintergata-82")
                case = next(c for c in build_cases(20, seed=3, today=dt.date.today()) if c.stage is Stage.AKTUALISERING)
                case_id = sara.door.cases.add_case(case).id
                refusals: list[int] = []
                peers = [join_retrying(two, certs.ca, sara._token, case_id, refusals) for _ in range(6)]
                for number, peer in enumerate(peers):
                    peer.text("reason").insert(0, f"{number}")
                    peer.flush()
                expected = None
                for peer in peers:
                    peer.pump(until=lambda peer=peer: len(str(peer.text("reason"))) == len(case.reason) + 6,
                              timeout=10)
                    expected = expected or str(peer.text("reason"))
                    assert str(peer.text("reason")) == expected  # one room: every peer holds every digit
                for peer in peers:
                    peer.close()
                deadline = time.monotonic() + 15
                while sara.door.cases.load_case(case_id).reason != expected:
                    assert time.monotonic() < deadline, "not written"
                    time.sleep(0.2)
        finally:
            two.stop()
    print(f"joins refused with 4409 before being let in: {len(refusals)}")
