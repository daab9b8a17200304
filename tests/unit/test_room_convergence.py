"""A case room under random interleavings (hypothesis, 1,000 runs): it always converges and loses nothing.

The server is pycrdt-websocket's own ``YRoom`` (what the team server mounts), run in-process on in-memory
channels; up to three clients are ``remote.room.SyncPeer`` s, the protocol half of the window's
``RoomClient``. The test decides the order of everything: which client types, which message is delivered
when, in which direction, and when a connection breaks — every message in flight either way is then lost —
and comes back (sync step 1 both ways). Clients type unique characters at random places into one shared
text (a text field of a record inside ``doc["case"]``), delete random stretches of what they see, and add
and remove records in a shared list; some start from a copy of the case (a laptop's local copy, offline)
and some empty (a window that waits for the room before it lets anyone type).

After delivering everything: every document equals the server's (neither lacks an update of the other), the
text holds exactly the characters that were typed or there from the start minus the ones somebody deleted,
each once — nothing silently lost, nothing doubled — and the list exactly the records added minus the
removed ones. Everyone sees everyone else's presence.
"""

from __future__ import annotations

import asyncio
import math
from dataclasses import dataclass, field
from itertools import count

import anyio
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pycrdt import Array, Decoder, Doc, Map, Text
from pycrdt.websocket import YRoom

from sst_desk.remote.room import SyncPeer

pytestmark = pytest.mark.timeout(240)

INITIAL = "".join(chr(0x0400 + n) for n in range(12))  # the stored text: unique letters (two bytes each in UTF-8)


def utf8_offset(text: str, index: int) -> int:
    """pycrdt 0.14 counts a Text's positions in UTF-8 bytes, not characters (y-crdt/pycrdt#379): an index
    in characters must be converted, or å, ä, ö and every letter past them land in the wrong place."""
    return len(text[:index].encode("utf-8"))


def initial_doc() -> Doc:
    """The room's document as the server loads it: the case record with a text field and a list of goals."""
    doc = Doc()
    case = doc.get("case", type=Map)
    case["key"] = "r1"
    case["id"] = 1
    case["reason"] = Text(INITIAL)
    case["goals"] = Array([Map({"key": "r10", "id": 10, "description": Text("Närvaro")}),
                           Map({"key": "r11", "id": 11, "description": Text("Trivsel")})])
    return doc


async def quiet() -> None:
    """Let the room work until every task waits for something (anyio's ``wait_all_tasks_blocked`` looks again
    only every 100 ms: a thousand runs would take an hour)."""
    this = asyncio.current_task()
    for _ in range(10_000):
        await asyncio.sleep(0)
        if all(task is this or (task._fut_waiter is not None and not task._fut_waiter.done())  # type: ignore[attr-defined]
               for task in asyncio.all_tasks()):
            return
    raise AssertionError("the room never came to rest")


class MemoryChannel:
    """One connection as the room sees it: what the client sent waits in a stream the room reads; what the
    room sends waits in ``to_client`` until the test delivers it (or the connection breaks and it is lost)."""

    def __init__(self, name: str) -> None:
        self.path = name
        self.to_client: list[bytes] = []
        self.alive = True
        self._send, self._receive = anyio.create_memory_object_stream[bytes](math.inf)

    def __aiter__(self) -> MemoryChannel:
        return self

    async def __anext__(self) -> bytes:
        try:
            return await self._receive.receive()
        except (anyio.EndOfStream, anyio.ClosedResourceError):
            raise StopAsyncIteration from None

    async def recv(self) -> bytes:
        return await self.__anext__()

    async def send(self, message: bytes) -> None:
        if self.alive:
            self.to_client.append(message)

    def from_client(self, message: bytes) -> None:
        self._send.send_nowait(message)

    def cut(self) -> None:
        self.alive = False
        self.to_client.clear()
        self._send.close()


@dataclass
class Client:
    name: str
    doc: Doc
    outbox: list[bytes] = field(default_factory=list)
    channel: MemoryChannel | None = None
    peer: SyncPeer = field(init=False)

    def __post_init__(self) -> None:
        self.peer = SyncPeer(self.doc, self.outbox.append)
        self.peer.set_presence({"user": {"name": self.name, "initials": self.name[:2].upper(),
                                         "colour": "#1b6ac9", "shape": "circle"}, "field": "r1/reason"})

    def case(self) -> Map | None:
        """The case record once this client has it (a window lets nobody type before)."""
        case = self.doc.get("case", type=Map)
        return case if "reason" in case and "goals" in case else None


class Scenario:
    def __init__(self, room: YRoom, task_group, clients: list[Client]) -> None:
        self.room, self.tg, self.clients = room, task_group, clients
        self.letters = count(0x4E00)
        self.keys = count(1)
        self.typed: set[str] = set()
        self.deleted: set[str] = set()
        self.added: set[str] = {"r10", "r11"}
        self.removed: set[str] = set()

    async def connect(self, client: Client) -> None:
        client.channel = MemoryChannel(client.name)
        self.tg.start_soon(self.room.serve, client.channel)
        client.peer.connected()
        await quiet()

    async def cut(self, client: Client) -> None:
        if client.channel is not None:
            client.channel.cut()
            client.channel = None
        client.outbox.clear()
        client.peer.disconnected()
        await quiet()

    async def up(self, client: Client, n: int) -> None:
        for message in client.outbox[:n]:
            assert client.channel is not None
            client.channel.from_client(message)
        del client.outbox[:n]
        await quiet()

    def down(self, client: Client, n: int) -> None:
        assert client.channel is not None
        messages = client.channel.to_client[:n]
        del client.channel.to_client[:n]
        for message in messages:
            client.peer.receive(message)

    def type(self, client: Client, where: float, n: int) -> None:
        case = client.case()
        if case is None:
            return
        text: Text = case["reason"]
        letters = "".join(chr(next(self.letters)) for _ in range(n))
        shown = str(text)
        text.insert(utf8_offset(shown, int(where * len(shown))), letters)
        self.typed.update(letters)

    def delete(self, client: Client, where: float, n: int) -> None:
        case = client.case()
        if case is None:
            return
        text: Text = case["reason"]
        shown = str(text)
        start = int(where * len(shown))
        gone = shown[start:start + n]
        if gone:
            del text[utf8_offset(shown, start):utf8_offset(shown, start + len(gone))]
            self.deleted.update(gone)

    def add(self, client: Client, where: float) -> None:
        case = client.case()
        if case is None:
            return
        goals: Array = case["goals"]
        key = f"k{next(self.keys)}"
        goals.insert(min(int(where * (len(goals) + 1)), len(goals)),
                     Map({"key": key, "id": None, "description": Text(key)}))
        self.added.add(key)

    def remove(self, client: Client, where: float) -> None:
        case = client.case()
        if case is None or not len(case["goals"]):
            return
        goals: Array = case["goals"]
        index = min(int(where * len(goals)), len(goals) - 1)
        self.removed.add(goals[index]["key"])
        del goals[index]

    async def step(self, step: tuple[int, str, float, int]) -> None:
        number, action, where, n = step
        client = self.clients[number % len(self.clients)]
        if action == "type":
            self.type(client, where, n)
        elif action == "delete":
            self.delete(client, where, n)
        elif action == "add":
            self.add(client, where)
        elif action == "remove":
            self.remove(client, where)
        elif action == "up" and client.channel is not None:
            await self.up(client, n)
        elif action == "down" and client.channel is not None:
            self.down(client, n)
        elif action == "cut":
            await self.cut(client)
        elif action == "connect" and client.channel is None:
            await self.connect(client)

    async def settle(self) -> None:
        """Everyone connected, every message delivered, until nothing moves."""
        for client in self.clients:
            if client.channel is None:
                await self.connect(client)
        for _ in range(100):
            moved = False
            for client in self.clients:
                if client.outbox:
                    await self.up(client, len(client.outbox))
                    moved = True
                assert client.channel is not None
                if client.channel.to_client:
                    self.down(client, len(client.channel.to_client))
                    moved = True
            if not moved:
                return
        raise AssertionError("the room did not settle")


def state_vector(doc: Doc) -> dict[int, int]:
    """What ``doc`` has seen: the number of changes of each client (the decoded Yjs state vector)."""
    decoder = Decoder(doc.get_state())
    return {decoder.read_var_uint(): decoder.read_var_uint() for _ in range(decoder.read_var_uint())}


def text_of(doc: Doc) -> str:
    return str(doc.get("case", type=Map)["reason"])


def goal_keys(doc: Doc) -> list[str]:
    return [goal["key"] for goal in doc.get("case", type=Map)["goals"]]


ACTIONS = ("type", "type", "delete", "add", "remove", "up", "up", "down", "down", "cut", "connect")
scenarios = st.fixed_dictionaries({
    # per client: starts from a local copy of the case?, starts connected?
    "clients": st.lists(st.tuples(st.booleans(), st.booleans()), min_size=1, max_size=3),
    "steps": st.lists(st.tuples(st.integers(0, 2), st.sampled_from(ACTIONS), st.floats(0, 1), st.integers(1, 4)),
                      min_size=5, max_size=40),
})


async def run(plan: dict) -> None:
    server_doc = initial_doc()
    stored = server_doc.get_update()
    clients = []
    for n, (local_copy, _online) in enumerate(plan["clients"]):
        doc = Doc()
        if local_copy:
            doc.apply_update(stored)
        clients.append(Client(f"client{n}", doc))
    async with YRoom(ready=True, ydoc=server_doc) as room, anyio.create_task_group() as tg:
        scenario = Scenario(room, tg, clients)
        for client, (_local_copy, online) in zip(clients, plan["clients"], strict=True):
            if online:
                await scenario.connect(client)
        for step in plan["steps"]:
            await scenario.step(step)
        await scenario.settle()
        for client in clients:  # a heartbeat round: everyone's presence renewed, to everyone connected now
            client.peer.set_presence(dict(client.peer.awareness.get_local_state() or {}))
        await scenario.settle()

        server_text = text_of(server_doc)
        expected = (set(INITIAL) | scenario.typed) - scenario.deleted
        assert len(server_text) == len(set(server_text)), "a character doubled"
        assert set(server_text) == expected, "a character lost or one that was deleted came back"
        server_goals = goal_keys(server_doc)
        assert len(server_goals) == len(set(server_goals))
        assert set(server_goals) == scenario.added - scenario.removed
        for client in clients:
            assert state_vector(client.doc) == state_vector(server_doc), f"{client.name} differs from the server"
            assert client.doc.get("case", type=Map).to_py() == server_doc.get("case", type=Map).to_py()
            assert text_of(client.doc) == server_text
            assert goal_keys(client.doc) == server_goals
            assert client.peer.synced
            others = {other.peer.awareness.client_id for other in clients if other is not client}
            assert set(client.peer.presence()) == others
        for client in clients:
            await scenario.cut(client)
        tg.cancel_scope.cancel()


@settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(scenarios)
def test_room_converges_and_loses_nothing(plan: dict) -> None:
    try:
        anyio.run(run, plan)
    except BaseExceptionGroup as group:  # the task groups wrap it: raise the failure itself, to shrink it
        raise first_leaf(group) from None


def first_leaf(error: BaseException) -> BaseException:
    while isinstance(error, BaseExceptionGroup):
        error = error.exceptions[0]
    return error


def test_offline_edits_need_no_queue_of_their_own() -> None:
    """Edits made while cut off stay in the document and cross with sync step 1/2 when the connection is
    back, both ways at once, also when the updates sent just before the cut were lost in flight."""
    server, laptop = initial_doc(), Doc()
    laptop.apply_update(server.get_update())
    to_server: list[bytes] = []
    to_laptop: list[bytes] = []
    s, c = SyncPeer(server, to_laptop.append), SyncPeer(laptop, to_server.append)
    s.connected(), c.connected()
    laptop.get("case", type=Map)["reason"].insert(0, "före ")  # position 0: no conversion needed
    assert to_server and to_server[-1][1] == 2  # an update went out ...
    to_server.clear(), to_laptop.clear()  # ... and was lost with the connection
    s.disconnected(), c.disconnected()
    reason = laptop.get("case", type=Map)["reason"]
    reason += " offline"  # (not ``case["reason"] += …``: that would put a new Text in the Map)
    laptop.get("case", type=Map)["goals"].append(Map({"key": "k1", "id": None, "description": Text("Ny")}))
    server.get("case", type=Map)["reason"].insert(0, "kollega ")
    assert not to_server and not to_laptop  # nothing is sent, nothing is queued
    s.connected(), c.connected()
    while to_server or to_laptop:
        for message in to_server[:]:
            to_server.remove(message)
            s.receive(message)
        for message in to_laptop[:]:
            to_laptop.remove(message)
            c.receive(message)
    assert text_of(server) == text_of(laptop)
    assert text_of(server) in {"kollega före " + INITIAL + " offline", "före kollega " + INITIAL + " offline"}
    assert goal_keys(server) == goal_keys(laptop) == ["r10", "r11", "k1"]
    assert s.synced and c.synced
