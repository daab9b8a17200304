"""The window's handle on a team server, in the place a database file has (``AppContext.db``).

The window asks its database four things besides the use cases: who is signed in (``actor``), its file and
key (``path``, ``key``: both None here — nothing of the team's data is on this computer), and ``close()``.
``ServerConnection`` answers them for a signed-in ``remote.client.RemoteSession``: ``door`` is the session's
remote door, ``close()`` signs out on the server. The token lives in this object only, never on disk.

What a file does inside the database the server does over its own endpoints: checking the password that
unlocks a locked screen (``verify_password``: a fresh sign-in, which the window then goes on in), whether an
administrator's first password must be replaced (``must_change_password``, from the sign-in's answer; the
server answers nothing else until it is), and choosing one's own (``change_password``).
No Qt here: the window runs every method off its UI thread (``ui/common/operations.py``).
"""

from __future__ import annotations

from pathlib import Path

from sst_desk.remote.client import RemoteServer, RemoteSession
from sst_desk.remote.here import ServerDoor
from sst_desk.workflow.access import Actor

CONNECT_TIMEOUT_S = 5.0
"""How long the window waits for the server to accept a connection."""
REQUEST_TIMEOUT_S = 15.0
"""How long the window waits for an answer: then the call fails (the banner says so) and the window goes on."""


class ServerConnection:
    """A person signed in on the team server at ``url``, as the window's ``context.db``."""

    path: Path | None = None  # no database file on this computer: no backups, restore or key here
    key: bytes | None = None

    def __init__(self, server: RemoteServer, session: RemoteSession) -> None:
        self.server = server
        self.session = session
        self.actor: Actor | None = session.actor  # None once signed out (Arkiv → Logga ut)
        self.must_change_password = session.must_change_password
        self._door = ServerDoor(session.door)

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def location(self) -> str:
        """The server as named in sentences (scheme, host and port)."""
        return self.server.location

    @property
    def door(self) -> ServerDoor:
        """The use cases, run on the server as the signed-in person; files they make written here (``here.py``)."""
        return self._door

    def events_request(self):
        """The live change feed of the session the window works in now (``remote.events.EventStream`` asks at
        every (re)connect): after an unlock or a password change that is a new token, and the stream follows."""
        return self.session.events_request()

    def room_request(self, case_id: int):
        """The co-editing room of case ``case_id`` in the session the window works in now
        (``remote.room.RoomClient`` asks at every (re)connect: after an unlock it joins with the new token)."""
        return self.session.room_request(case_id)

    def verify_password(self, password: str) -> bool:
        """Unlocking a locked screen: is ``password`` the signed-in person's? Checked (and logged) by the server.

        The check is a fresh sign-in, and the window goes on in that new session (the old one is signed
        out): a person back after the server's idle expiry unlocks into a session that works again. A wrong
        password is False; a server that cannot be reached raises (the lock says so and stays).
        """
        from sst_desk.security.signin import SignInError
        from sst_desk.services.errors import DatabaseError

        assert self.actor is not None
        try:
            fresh = self.server.signin(self.actor.username, password)
        except SignInError as exc:
            if exc.code == "wait":
                raise
            return False
        old, self.session, self._door = self.session, fresh, ServerDoor(fresh.door)
        self.must_change_password = fresh.must_change_password
        try:
            old.signout()
        except DatabaseError:
            pass  # expired already, or the server went silent: the old token lapses by itself
        return True

    def change_password(self, current: str, new: str) -> None:
        """Choose one's own password on the server; this session goes on (new token), every other one ends."""
        self.session.change_password(current, new)
        self.must_change_password = False

    def close(self) -> None:
        """Sign out on the server (best effort: an unreachable server lets the token expire) and let go."""
        from sst_desk.services.errors import DatabaseError

        try:
            self.session.signout()
        except DatabaseError:
            pass
        finally:
            self.actor = None
            self.server.close()


def connect(url: str, username: str, password: str, *, ca_file: str | Path | None = None,
            connect_timeout: float | None = None, timeout: float | None = None) -> ServerConnection:
    """Sign in on the server at ``url``; the connection, or the error that says why not.

    ``remote.errors``: plain HTTP refused, a certificate not trusted or for another name, a server that
    cannot be reached; ``security.signin.SignInError`` for a wrong name or password, a switched-off account,
    or "wait" after too many wrong tries. The timeouts default to the module's (read at each call).
    """
    server = RemoteServer(url, ca_file=ca_file, connect_timeout=connect_timeout or CONNECT_TIMEOUT_S,
                          timeout=timeout or REQUEST_TIMEOUT_S)
    try:
        return ServerConnection(server, server.signin(username, password))
    except BaseException:
        server.close()
        raise
