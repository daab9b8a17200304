"""The window's handle on a team server, in the place a database file has (``AppContext.db``).

The window asks its database four things besides the use cases: who is signed in (``actor``), its file and
key (``path``, ``key``: both None here — the team's database is not on this computer; the person's offline
copy, below, has a key of its own), and ``close()``.
``ServerConnection`` answers them for a signed-in ``remote.client.RemoteSession``: ``door`` is the session's
remote door, ``close()`` signs out on the server. The token lives in this object only, never on disk.

What a file does inside the database the server does over its own endpoints: checking the password that
unlocks a locked screen (``verify_password``: a fresh sign-in, which the window then goes on in), whether an
administrator's first password must be replaced (``must_change_password``, from the sign-in's answer; the
server answers nothing else until it is), and choosing one's own (``change_password``).
No Qt here: the window runs every method off its UI thread (``ui/common/operations.py``).

The offline copy (``sst_desk/offline``, docs/security.md): after an online sign-in the connection opens (or
makes) the person's encrypted copy with the same password and keeps it up to date in the background
(``offline.sync``); while the server cannot be reached, its door answers the case list and opening a case
from the copy (``offline.door``; ``offline_as_of`` says how old the answer is). ``open_offline`` signs in on
the copy alone when the server cannot be reached; ``close(forget=True)`` and a sign-in refused because the
account is switched off remove the copy.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from pathlib import Path
from typing import Any

from sst_desk.remote.client import RemoteServer, RemoteSession
from sst_desk.remote.here import ServerDoor
from sst_desk.workflow.access import Actor

_log = logging.getLogger(__name__)

CONNECT_TIMEOUT_S = 5.0
"""How long the window waits for the server to accept a connection."""
REQUEST_TIMEOUT_S = 15.0
"""How long the window waits for an answer: then the call fails (the banner says so) and the window goes on."""
KEEP_OFFLINE_COPY = True
"""Whether a sign-in on a team server keeps the person's offline copy on this computer (``sst_desk/offline``)."""
PROBE_EVERY_S = 5.0
"""Signed in offline, how often a call may ask the server whether it is back (the answer is kept this long)."""


class ServerConnection:
    """A person signed in on the team server at ``url``, as the window's ``context.db``.

    ``session`` is None when the person signed in on the offline copy alone (``open_offline``).
    """

    path: Path | None = None  # no database file on this computer: no backups, restore or key here
    key: bytes | None = None

    def __init__(self, server: RemoteServer, session: RemoteSession | None, *, store: Any = None,
                 actor: Actor | None = None) -> None:
        self.server = server
        self.session = session
        self.store = store  # offline.store.OfflineStore, or None (no copy kept)
        self.actor: Actor | None = session.actor if session is not None else actor  # None once signed out
        self._username = self.actor.username if self.actor is not None else ""
        self.forget_on_close = False  # Arkiv → "Sign out and remove the local copy" sets it before closing
        self.must_change_password = session.must_change_password if session is not None else False
        self._door = ServerDoor(session.door) if session is not None else None
        self.offline_as_of: dt.datetime | None = None if session is not None else _synced(store)
        """None while the server answers; the time of the copy the last answer came from, while it does not."""
        self.sync: Any = None  # offline.sync.OfflineSync while a session keeps the copy up to date
        self._probe_lock = threading.Lock()
        self._probed: tuple[float, bool] = (0.0, False)
        self._fallback = None
        if store is not None:
            from sst_desk.offline.door import FallbackDoor

            self._fallback = FallbackDoor(self)

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def location(self) -> str:
        """The server as named in sentences (scheme, host and port)."""
        return self.server.location

    @property
    def offline(self) -> bool:
        """True while the window works on the offline copy (the last answer came from it, or no session)."""
        return self.session is None or self.offline_as_of is not None

    @property
    def door(self) -> Any:
        """The use cases, run on the server as the signed-in person; files they make written here (``here.py``);
        with an offline copy, the reads the window needs answered from it while the server cannot be reached."""
        if self._fallback is not None:
            return self._fallback
        return self._door

    @property
    def events_request(self):
        """The live change feed of the session the window works in now (``remote.events.EventStream`` asks at
        every (re)connect): after an unlock or a password change that is a new token, and the stream follows.
        None when signed in on the offline copy alone: there is no session to follow (yet)."""
        if self.session is None:
            return None
        return self._events_request

    def _events_request(self):
        session = self.session
        if session is None:  # signed out meanwhile: the server says 401 and the stream ends
            return self.server.url + "/api/v1/events", {}, self.server.tls
        return session.events_request()

    # --- the offline copy ---------------------------------------------------------------------------------

    def call_or_copy(self, group: str, name: str, args: tuple, kwargs: dict) -> Any:
        """``group.name`` on the server, or from the copy while the server cannot be reached (``offline.door``)."""
        from sst_desk.offline.door import FROM_COPY, WRITES_TOLD, from_copy
        from sst_desk.remote.errors import ServerUnreachableError, SessionExpired

        if self._door is None:  # signed in on the copy alone
            if self._server_back():
                raise SessionExpired(self.location)  # the window locks; its unlock signs in on the server
            return from_copy(self, group, name, args, kwargs)
        try:
            result = getattr(getattr(self._door, group), name)(*args, **kwargs)
        except ServerUnreachableError:
            if (group, name) in FROM_COPY and self.store is not None:
                return from_copy(self, group, name, args, kwargs)
            raise
        was_offline, self.offline_as_of = self.offline_as_of is not None, None
        if self.sync is not None and (was_offline or (group, name) in WRITES_TOLD):
            self.sync.poke()  # the views made offline go to the server; the copy takes the change in
        return result

    def _server_back(self) -> bool:
        """Does the server answer (asked at most every ``PROBE_EVERY_S``)?"""
        from sst_desk.services.errors import DatabaseError

        with self._probe_lock:
            at, answer = self._probed
            if time.monotonic() - at < PROBE_EVERY_S:
                return answer
            try:
                self.server.health()
                answer = True
            except DatabaseError:
                answer = False
            self._probed = (time.monotonic(), answer)
            return answer

    def start_sync(self, *, interval: float | None = None) -> None:
        """Keep the copy up to date in the background while a session lasts (``offline.sync``)."""
        if self.store is None:
            return
        if self.sync is not None:
            self.sync.poke()
            return
        from sst_desk.offline.sync import INTERVAL_S, OfflineSync

        self.sync = OfflineSync(self.store, lambda: self.session.door if self.session is not None else None,
                                interval=interval or INTERVAL_S).start()

    def forget_copy(self) -> bool:
        """Remove this person's offline copy from this computer (overwritten, then deleted); True if there was one."""
        from sst_desk.offline import store as offline_store

        self._stop_sync()
        self.store, self._fallback = None, None
        if not self._username:
            return False
        return offline_store.wipe(self.server.url, self._username)

    def _stop_sync(self) -> None:
        sync, self.sync = self.sync, None
        if sync is not None:
            sync.stop()

    # --- the password --------------------------------------------------------------------------------------

    def room_request(self, case_id: int):
        """The co-editing room of case ``case_id`` in the session the window works in now
        (``remote.room.RoomClient`` asks at every (re)connect: after an unlock it joins with the new token)."""
        return self.session.room_request(case_id)

    def verify_password(self, password: str) -> bool:
        """Unlocking a locked screen: is ``password`` the signed-in person's? Checked (and logged) by the server.

        The check is a fresh sign-in, and the window goes on in that new session (the old one is signed
        out): a person back after the server's idle expiry unlocks into a session that works again. A wrong
        password is False. A server that cannot be reached raises (the lock says so and stays) — unless the
        person has an offline copy: then the copy's password decides, and the window goes on offline. A sign-in
        refused because the account was switched off removes the copy (and is False).
        """
        from sst_desk.remote.errors import ServerUnreachableError
        from sst_desk.security.signin import SignInError
        from sst_desk.services.errors import DatabaseError

        assert self.actor is not None
        try:
            fresh = self.server.signin(self.actor.username, password)
        except SignInError as exc:
            if exc.code == "wait":
                raise
            if exc.code == "inactive":
                self.forget_copy()
            return False
        except ServerUnreachableError:
            if self.store is None:
                raise
            return self._copy_opens(password)
        old, self.session, self._door = self.session, fresh, ServerDoor(fresh.door)
        self.must_change_password = fresh.must_change_password
        self._probed, self.offline_as_of = (0.0, False), None
        if old is not None:
            try:
                old.signout()
            except DatabaseError:
                pass  # expired already, or the server went silent: the old token lapses by itself
        if self.store is not None:
            self.start_sync()
        return True

    def _copy_opens(self, password: str) -> bool:
        from sst_desk.offline.store import OfflineStore
        from sst_desk.security.signin import SignInError

        assert self.actor is not None
        try:
            OfflineStore.open(self.server.url, self.actor.username, password)
        except SignInError as exc:
            if exc.code == "wait":
                raise
            return False
        return True

    def change_password(self, current: str, new: str) -> None:
        """Choose one's own password on the server; this session goes on (new token), every other one ends.
        The offline copy then opens with the new password only."""
        from sst_desk.remote.errors import ServerUnreachableError
        from sst_desk.security.signin import SignInError
        from sst_desk.services.errors import DatabaseError

        if self.session is None:
            raise ServerUnreachableError(self.location)
        self.session.change_password(current, new)
        was_required, self.must_change_password = self.must_change_password, False
        if self.store is not None and self.actor is not None:
            try:
                self.store.change_password(self.actor.username, current, new)
            except (SignInError, DatabaseError, OSError):
                _log.warning("the offline copy could not take the new password; it is made anew")
                self._new_copy(new)
        if was_required and self.sync is not None:
            self.sync.poke()  # the server answered nothing else until now: fill the copy

    def _new_copy(self, password: str) -> None:
        """Replace the copy by a new, empty one under ``password`` (filled by the next pass)."""
        from sst_desk.offline.door import FallbackDoor
        from sst_desk.offline.store import OfflineStore
        from sst_desk.services.errors import DatabaseError

        self.forget_copy()
        try:
            self.store = OfflineStore.create(self.server.url, self._username, password)
        except (DatabaseError, OSError):
            return
        self._fallback = FallbackDoor(self)
        self.start_sync()

    def close(self, *, forget: bool | None = None) -> None:
        """Sign out on the server (best effort: an unreachable server lets the token expire) and let go.

        ``forget`` (default ``forget_on_close``): also remove the offline copy from this computer (Arkiv →
        "Sign out and remove the local copy").
        """
        if forget is None:
            forget = self.forget_on_close
        from sst_desk.services.errors import DatabaseError

        self._stop_sync()
        try:
            if self.session is not None:
                self.session.signout()
        except DatabaseError:
            pass
        finally:
            if forget:
                self.forget_copy()
            self.actor = None
            self.server.close()


def _synced(store: Any) -> dt.datetime | None:
    if store is None:
        return None
    return store.synced_at or dt.datetime.now(dt.UTC)


def _server(url: str, ca_file: str | Path | None, connect_timeout: float | None,
            timeout: float | None) -> RemoteServer:
    return RemoteServer(url, ca_file=ca_file, connect_timeout=connect_timeout or CONNECT_TIMEOUT_S,
                        timeout=timeout or REQUEST_TIMEOUT_S)


def connect(url: str, username: str, password: str, *, ca_file: str | Path | None = None,
            connect_timeout: float | None = None, timeout: float | None = None,
            keep_copy: bool | None = None) -> ServerConnection:
    """Sign in on the server at ``url``; the connection, or the error that says why not.

    ``remote.errors``: plain HTTP refused, a certificate not trusted or for another name, a server that
    cannot be reached; ``security.signin.SignInError`` for a wrong name or password, a switched-off account
    (which also removes this computer's offline copy of that person), or "wait" after too many wrong tries.
    The timeouts default to the module's (read at each call). With ``keep_copy`` (default
    ``KEEP_OFFLINE_COPY``) the person's offline copy is opened or made with the password and brought up to
    date in the background; a copy that cannot be written (a full disk) does not stop the sign-in.
    """
    from sst_desk.security.signin import SignInError
    from sst_desk.services.errors import DatabaseError

    server = _server(url, ca_file, connect_timeout, timeout)
    try:
        session = server.signin(username, password)
    except SignInError as exc:
        if exc.code == "inactive":
            from sst_desk.offline import store as offline_store

            offline_store.wipe(server.url, username)
        server.close()
        raise
    except BaseException:
        server.close()
        raise
    store = None
    if KEEP_OFFLINE_COPY if keep_copy is None else keep_copy:
        from sst_desk.offline.store import OfflineStore

        try:
            store = OfflineStore.open_or_create(server.url, session.actor.username, password)
        except (DatabaseError, OSError) as exc:
            _log.warning("no offline copy on this computer: %s", type(exc).__name__)
    connection = ServerConnection(server, session, store=store)
    connection.start_sync()
    return connection


def open_offline(url: str, username: str, password: str, *, ca_file: str | Path | None = None,
                 connect_timeout: float | None = None, timeout: float | None = None) -> ServerConnection:
    """Sign in on this computer's offline copy of ``username`` on ``url`` (the server cannot be reached).

    ``SignInError`` for a wrong password (the sign-in's own sentence) or after too many tries ("wait");
    ``offline.store.OfflineCopyError`` for a damaged copy or one never filled.
    """
    from sst_desk.offline.store import OfflineCopyError, OfflineStore

    server = _server(url, ca_file, connect_timeout, timeout)
    try:
        store = OfflineStore.open(server.url, username, password)
        actor = store.actor()
        if not isinstance(actor, Actor):
            raise OfflineCopyError(store.file)
    except BaseException:
        server.close()
        raise
    return ServerConnection(server, None, store=store, actor=actor)
