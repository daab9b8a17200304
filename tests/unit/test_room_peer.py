"""``remote.room.SyncPeer`` without a network: what it sends when, and presence (awareness) between peers.

Three peers around a relay that forwards every message to the others, as the team server's room does with
awareness; the documents are kept in step the same way (each peer answers sync step 1 itself).
"""

from __future__ import annotations

from pycrdt import Doc, Map, Text, YMessageType, YSyncMessageType

from sst_desk.remote.room import SyncPeer

SARA = {"user": {"name": "Sara Lind", "initials": "SL", "colour": "#1b6ac9", "shape": "circle"}, "field": ""}
TOVE = {"user": {"name": "Tove Berg", "initials": "TB", "colour": "#b35806", "shape": "square"}, "field": ""}


class Relay:
    """Everything one peer sends reaches every other connected peer, in order, when ``deliver()`` runs."""

    def __init__(self) -> None:
        self.peers: dict[str, SyncPeer] = {}
        self.wire: list[tuple[str, bytes]] = []

    def add(self, name: str, doc: Doc | None = None) -> SyncPeer:
        peer = SyncPeer(doc or Doc(), lambda message, name=name: self.wire.append((name, message)))
        self.peers[name] = peer
        return peer

    def deliver(self) -> None:
        while self.wire:
            sender, message = self.wire.pop(0)
            for name, peer in self.peers.items():
                if name != sender and peer.connected_now:
                    peer.receive(message)


def kinds(messages: list[bytes]) -> list[str]:
    names = {(YMessageType.SYNC, YSyncMessageType.SYNC_STEP1): "step1",
             (YMessageType.SYNC, YSyncMessageType.SYNC_STEP2): "step2",
             (YMessageType.SYNC, YSyncMessageType.SYNC_UPDATE): "update"}
    return [names.get((m[0], m[1]), "awareness") if m[0] == YMessageType.SYNC else "awareness" for m in messages]


def test_what_a_peer_sends_and_when() -> None:
    sent: list[bytes] = []
    doc = Doc()
    doc.get("case", type=Map)["reason"] = Text("Frånvaro")
    peer = SyncPeer(doc, sent.append)
    reason = doc.get("case", type=Map)["reason"]
    reason += "."
    assert sent == []  # not connected: the edit stays in the document
    peer.connected()
    assert kinds(sent) == ["step1", "awareness"]
    sent.clear()
    reason.insert(0, "Hög ")
    assert kinds(sent) == ["update"]
    sent.clear()
    other = Doc()
    other_peer = SyncPeer(other, sent.append)
    other_peer.connected()
    step1 = sent[0]
    sent.clear()
    peer.receive(step1)  # the other side's state: answered with everything it lacks, not echoed as an update
    assert kinds(sent) == ["step2"]
    other_peer.receive(sent[0])
    assert str(other.get("case", type=Map)["reason"]) == "Hög Frånvaro."
    assert other_peer.synced
    sent.clear()
    peer.disconnected()
    reason += " Oro."
    assert sent == []


def test_presence_is_seen_at_once_also_by_a_latecomer_and_goes_with_the_goodbye() -> None:
    relay = Relay()
    sara, tove = relay.add("sara"), relay.add("tove")
    sara.connected(), tove.connected()
    relay.deliver()
    assert sara.presence() == tove.presence() == {}  # present, but nameless: not shown
    sara.set_presence(SARA)
    relay.deliver()
    assert tove.presence() == {sara.awareness.client_id: SARA}
    later = relay.add("later")  # Tove opens the case on a second screen, named
    later.set_presence(TOVE)
    later.connected()
    relay.deliver()  # Sara and Tove hear of a newcomer and renew: the latecomer sees Sara now, not in 15 s
    assert later.presence() == {sara.awareness.client_id: SARA}
    assert sara.presence() == {later.awareness.client_id: TOVE}
    sara.close()
    relay.deliver()
    assert later.presence() == {}
    assert tove.presence() == {later.awareness.client_id: TOVE}  # Tove's second screen is still there


def test_a_silent_peer_is_forgotten_after_30_seconds_and_our_own_state_renewed_every_15() -> None:
    relay = Relay()
    sara, tove = relay.add("sara"), relay.add("tove")
    sara.connected(), tove.connected()
    sara.set_presence(SARA)
    relay.deliver()
    heard = tove.awareness.meta[sara.awareness.client_id]["lastUpdated"]
    sent_before = len(relay.wire)
    own = sara.awareness.meta[sara.awareness.client_id]["lastUpdated"]
    sara.heartbeat(now_ms=own + 5_000)
    assert len(relay.wire) == sent_before  # renewed only when 15 s have passed
    sara.heartbeat(now_ms=own + 15_000)
    assert kinds([m for _n, m in relay.wire]) == ["awareness"]
    relay.wire.clear()  # lost: Tove does not hear of Sara any more
    tove.heartbeat(now_ms=heard + 29_999)
    assert sara.awareness.client_id in tove.presence()
    tove.heartbeat(now_ms=heard + 30_000)
    assert tove.presence() == {}
