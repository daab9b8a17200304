"""A small Yjs peer for the case-room tests: the websockets sync client and pycrdt's ``_sync`` helpers.

``RoomPeer(url, ca, token, case_id)`` joins ``/api/v1/rooms/{case_id}`` over real TLS, speaks the standard sync
protocol (step 1 / step 2 / update) and keeps its own ``pycrdt.Doc``. Local changes to ``peer.doc`` are sent by
``flush()``; ``pump()`` reads what the server sends. ``drop()`` goes "offline" (the socket closes, the document
stays) and ``rejoin()`` comes back: both sides exchange what the other lacks.
"""

from __future__ import annotations

import ssl
import time
from collections.abc import Callable
from pathlib import Path

from pycrdt import (
    Doc,
    Map,
    Text,
    YMessageType,
    YSyncMessageType,
    create_sync_message,
    create_update_message,
    handle_sync_message,
)
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect


class Refused(Exception):
    """The server closed the connection; ``code`` says why."""

    def __init__(self, code: int | None) -> None:
        super().__init__(f"closed with {code}")
        self.code = code


def room_url(server_url: str, case_id: int) -> str:
    return server_url.replace("https://", "wss://", 1) + f"/api/v1/rooms/{case_id}"


def close_code(server_url: str, ca: Path, token: str | None, case_id: int, timeout: float = 10) -> int | None:
    """Join and read until the server closes: its close code (None if it kept the connection open)."""
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    context = ssl.create_default_context(cafile=str(ca))
    with connect(room_url(server_url, case_id), ssl=context, additional_headers=headers,
                 open_timeout=timeout) as ws:
        deadline = time.monotonic() + timeout
        try:
            while time.monotonic() < deadline:
                ws.recv(timeout=deadline - time.monotonic())
        except TimeoutError:
            return None
        except ConnectionClosed as closed:
            return closed.rcvd.code if closed.rcvd is not None else None
    return None


class RoomPeer:
    def __init__(self, server_url: str, ca: Path, token: str, case_id: int, doc: Doc | None = None) -> None:
        self.url = room_url(server_url, case_id)
        self.context = ssl.create_default_context(cafile=str(ca))
        self.token = token
        self.doc = doc if doc is not None else Doc()
        self._outbox: list[bytes] = []
        self._applying = False
        self.doc.observe(self._local)
        self.ws: ClientConnection | None = None
        self.synced = False

    def _local(self, event) -> None:
        if not self._applying:
            self._outbox.append(event.update)

    # --- connection ------------------------------------------------------------------------------------

    def join(self, timeout: float = 10) -> RoomPeer:
        self.ws = connect(self.url, ssl=self.context, additional_headers={"Authorization": f"Bearer {self.token}"},
                          open_timeout=timeout, max_size=None).__enter__()  # closed by drop()
        self.synced = False
        self._outbox.clear()  # what the server lacks goes in sync step 2, in answer to its step 1
        self.ws.send(create_sync_message(self.doc))  # our step 1: what we have
        self.pump(until=lambda: self.synced, timeout=timeout)
        return self

    def drop(self) -> None:
        """Go offline: close the socket, keep the document (changes made now wait for ``rejoin``)."""
        if self.ws is not None:
            self.ws.close()
            self.ws = None

    def rejoin(self, timeout: float = 10) -> RoomPeer:
        return self.join(timeout)

    def close(self) -> None:
        self.flush()
        self.drop()

    # --- messages --------------------------------------------------------------------------------------

    def flush(self) -> None:
        """Send the local changes made since the last flush."""
        if self.ws is None:
            return
        pending, self._outbox = self._outbox, []
        for update in pending:
            self.ws.send(create_update_message(update))

    def pump(self, until: Callable[[], bool] | None = None, timeout: float = 5.0) -> None:
        """Read the server's messages for ``timeout`` seconds, or until ``until()`` holds."""
        assert self.ws is not None
        deadline = time.monotonic() + timeout
        while True:
            if until is not None and until():
                return
            left = deadline - time.monotonic()
            if left <= 0:
                if until is not None:
                    raise AssertionError("the room did not answer in time")
                return
            try:
                message = self.ws.recv(timeout=left)
            except TimeoutError:
                continue
            except ConnectionClosed as closed:
                raise Refused(closed.rcvd.code if closed.rcvd is not None else None) from None
            if not isinstance(message, bytes) or not message or message[0] != YMessageType.SYNC:
                continue
            if message[1] == YSyncMessageType.SYNC_STEP2:
                self.synced = True
            self._applying = True
            try:
                reply = handle_sync_message(message[1:], self.doc)
            finally:
                self._applying = False
            if reply is not None:
                self.ws.send(reply)

    # --- the case document ------------------------------------------------------------------------------

    def text(self, name: str, record: Map | None = None) -> Text:
        node = record if record is not None else self.doc.get("case", type=Map)
        return node[name]

    def meta(self) -> dict:
        return self.doc.get("meta", type=Map).to_py() or {}
