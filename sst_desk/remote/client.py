"""The client of the team server: the same use cases as on a local file, sent over HTTPS (docs/server.md).

::

    server = RemoteServer("https://sst.kommun.example:8443", ca_file=None)
    session = server.signin("socionom.a", password)
    case = session.door.cases.load_case(7)        # as Door(db.uow, actor).cases.load_case(7)
    session.signout()

``session.door`` offers every group of ``services.GROUPS`` and, in each, exactly the names of its
``USE_CASES``; a call is sent by group and name with its arguments wire-encoded (``remote.wire``) and the
server answers with the result or the exception the use case raised, which is raised here as the same class
with the same data. Which use cases the server runs, and which it leaves to the client (writing a file), is
its decision table (``server.calls``).

Only ``https://`` addresses are accepted (``PlainHttpRefused``). The server's certificate is verified against
the system's certificate store, or the CA file given (``ca_file``; the command line's ``--ca-file`` or
``SST_DESK_CA_FILE``). A certificate that does not verify raises ``UntrustedCertificateError``, one for
another name ``CertificateNameError``, a server that does not answer within the timeouts
``ServerUnreachableError`` — three different sentences.

Calls block: the window runs them off its UI thread. One ``RemoteServer`` may be used from several threads
(httpx's client is thread-safe).
"""

from __future__ import annotations

import datetime as dt
import json
import ssl
import threading
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from sst_desk import __version__
from sst_desk.remote import wire
from sst_desk.remote.errors import (
    CaFileError,
    CertificateNameError,
    PlainHttpRefused,
    ServerError,
    SERVER,
    ServerUnreachableError,
    SessionExpired,
    UntrustedCertificateError,
    relocate,
)
from sst_desk.services import GROUPS, group_module
from sst_desk.workflow.access import Actor

API = "/api/v1"
NAME_MISMATCH = frozenset({62, 64})  # OpenSSL's X509_V_ERR_HOSTNAME_MISMATCH, X509_V_ERR_IP_ADDRESS_MISMATCH


def server_location(url: str) -> str:
    """How a server is named in sentences: scheme, host and port, never a path or credentials."""
    parts = urlsplit(url)
    host = parts.hostname or url
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{host}{port}" if parts.scheme else url


def check_url(url: str) -> str:
    """``url`` without a trailing slash; ``PlainHttpRefused`` for anything but an https:// address with a host."""
    parts = urlsplit(url.strip())
    if parts.scheme.lower() != "https" or not parts.hostname:
        raise PlainHttpRefused(url.strip())
    if parts.username or parts.password:
        raise PlainHttpRefused(server_location(url))  # credentials in a URL would end up in logs
    return url.strip().rstrip("/")


def ssl_context(ca_file: str | Path | None) -> ssl.SSLContext:
    """Verify against ``ca_file`` if given, else the system's store; TLS 1.2 at least, host names checked."""
    if ca_file is not None:
        path = Path(ca_file).expanduser()
        try:
            context = ssl.create_default_context(cafile=str(path))
        except (ssl.SSLError, OSError) as exc:
            raise CaFileError(str(path)) from exc
    else:
        context = ssl.create_default_context()
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


class RemoteServer:
    """A team server at ``url``: sign in to it (``signin``), or ask its version (``health``)."""

    def __init__(self, url: str, *, ca_file: str | Path | None = None, connect_timeout: float = 5,
                 timeout: float = 15) -> None:
        self.url = check_url(url)
        self.location = server_location(self.url)
        self.tls = ssl_context(ca_file)  # also verifies the live change feed's connection (remote/events.py)
        self._http = httpx.Client(
            base_url=self.url + API, verify=self.tls,
            timeout=httpx.Timeout(timeout, connect=connect_timeout),
            headers={"User-Agent": f"sst-desk/{__version__}"}, follow_redirects=False, trust_env=False)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> RemoteServer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---------------------------------------------------------------------------------------- requests

    def request(self, method: str, path: str, *, body: Any = None, token: str | None = None) -> httpx.Response:
        """Send one request; transport failures become the sentences of ``remote.errors``."""
        headers = {"Authorization": f"Bearer {token}"} if token else {}
        content = None
        if body is not None:
            content = json.dumps(body, ensure_ascii=False, allow_nan=False).encode("utf-8")
            headers["Content-Type"] = "application/json"
        try:
            return self._http.request(method, path, content=content, headers=headers)
        except httpx.ConnectError as exc:
            verify = _certificate_failure(exc)
            if verify is not None:
                if verify.verify_code in NAME_MISMATCH:
                    raise CertificateNameError(self.location) from None
                raise UntrustedCertificateError(self.location) from None
            raise ServerUnreachableError(self.location) from None
        except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as exc:
            raise ServerUnreachableError(self.location) from exc

    def answer(self, response: httpx.Response) -> Any:
        """The JSON of a successful answer; the server's error raised as its own class otherwise."""
        try:
            data = response.json() if response.content else None
        except (json.JSONDecodeError, UnicodeDecodeError):
            data = None
        if response.is_success:
            if data is None and response.status_code != 204:
                raise ServerError(self.location)
            return data
        if isinstance(data, dict) and "error" in data:
            try:
                error = wire.decode(data["error"])
            except wire.WireError:
                error = None
            if isinstance(error, BaseException):
                relocate(error, SERVER, self.location)
                raise error
        if response.status_code in (502, 503, 504):
            raise ServerUnreachableError(self.location)  # a proxy in front of a server that is down
        raise ServerError(self.location)

    def health(self) -> dict[str, Any]:
        return self.answer(self.request("GET", "/health"))

    def signin(self, username: str, password: str) -> RemoteSession:
        """Sign in; ``security.signin.SignInError`` for a wrong name or password (or "wait" after many)."""
        data = self.answer(self.request("POST", "/signin", body={"username": username, "password": password}))
        try:
            actor = wire.decode(data["actor"])
            expires_at = dt.datetime.fromisoformat(data["expires_at"])
            token, must_change = data["token"], bool(data["must_change_password"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ServerError(self.location) from exc
        if not isinstance(actor, Actor) or type(token) is not str:
            raise ServerError(self.location)
        return RemoteSession(self, token, actor, expires_at=expires_at, must_change_password=must_change)


def _certificate_failure(exc: BaseException) -> ssl.SSLCertVerificationError | None:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ssl.SSLCertVerificationError):
            return current
        current = current.__cause__ or current.__context__
    return None


class RemoteSession:
    """A signed-in person on a server: ``door`` (the use cases), ``actor``, ``signout``."""

    def __init__(self, server: RemoteServer, token: str, actor: Actor, *, expires_at: dt.datetime,
                 must_change_password: bool = False) -> None:
        self.server = server
        self._token = token
        self.actor = actor
        self.expires_at = expires_at
        self.must_change_password = must_change_password
        self.door = RemoteDoor(self)
        self._lock = threading.Lock()

    @property
    def location(self) -> str:
        return self.server.location

    def call(self, group: str, name: str, args: tuple[Any, ...], kwargs: dict[str, Any]) -> Any:
        """Run ``group.name(*args, **kwargs)`` on the server as this person; its result or its exception."""
        body = {"group": group, "name": name, "args": wire.encode(list(args)), "kwargs": wire.encode(dict(kwargs))}
        try:
            data = self.server.answer(self.server.request("POST", "/call", body=body, token=self._token))
        except SessionExpired as exc:
            # Which session ended: a call that was under way when an unlock signed in afresh comes back with
            # the OLD session's refusal, and must not lock the window again (ui/common/connection.py).
            exc.session = self
            raise
        if not isinstance(data, dict) or "result" not in data:
            raise ServerError(self.location)
        try:
            return wire.decode(data["result"])
        except wire.WireError as exc:
            raise ServerError(self.location) from exc

    def change_password(self, old_password: str, new_password: str) -> None:
        """Choose a new password (the old one checked on the server); this session goes on with a new token,
        every other session of the person ends. ``SignInError`` for a wrong old password, ``PasswordProblem``
        for a new one that may not be chosen."""
        body = {"old_password": old_password, "new_password": new_password}
        data = self.server.answer(self.server.request("POST", "/password", body=body, token=self._token))
        try:
            token, expires_at = data["token"], dt.datetime.fromisoformat(data["expires_at"])
        except (KeyError, TypeError, ValueError) as exc:
            raise ServerError(self.location) from exc
        with self._lock:
            self._token, self.expires_at, self.must_change_password = token, expires_at, False

    def events_request(self) -> tuple[str, dict[str, str], ssl.SSLContext]:
        """``(url, headers, TLS context)`` of this session's live change feed (``remote.events.EventStream``)."""
        token = self._token
        headers = {"Authorization": f"Bearer {token}"} if token else {}  # signed out: the server says 401
        return self.server.url + API + "/events", headers, self.server.tls

    def room_request(self, case_id: int) -> tuple[str, dict[str, str], ssl.SSLContext]:
        """``(wss:// address, headers, TLS context)`` of the co-editing room of case ``case_id``
        (``remote.room.RoomClient`` asks at every (re)connect, so a renewed token is used at once)."""
        token = self._token
        headers = {"Authorization": f"Bearer {token}"} if token else {}  # signed out: the server refuses
        address = "wss://" + self.server.url.split("://", 1)[1]  # check_url made it https://
        return f"{address}{API}/rooms/{int(case_id)}", headers, self.server.tls

    def signout(self) -> None:
        """End the session on the server (the token stops working); the sign-out is logged there."""
        with self._lock:
            token, self._token = self._token, ""
        if token:
            self.server.answer(self.server.request("POST", "/signout", token=token))


class _RemoteGroup:
    def __init__(self, session: RemoteSession, group: str) -> None:
        self._session, self._group = session, group
        self._names = frozenset(getattr(group_module(group), "USE_CASES", ()))

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_") or name not in self._names:
            raise AttributeError(f"{self._group} has no use case {name!r}")
        session, group = self._session, self._group

        def call(*args: Any, **kwargs: Any) -> Any:
            return session.call(group, name, args, kwargs)

        call.__name__ = call.__qualname__ = name
        setattr(self, name, call)
        return call


class RemoteDoor:
    """Every use case, on the server, as the signed-in person: the same attributes as ``services.Door``."""

    def __init__(self, session: RemoteSession) -> None:
        self.session = session
        self.actor = session.actor
        self.uow = None  # no unit of work on this side: the server opens it

    def __getattr__(self, group: str) -> _RemoteGroup:
        if group.startswith("_") or group not in GROUPS:
            raise AttributeError(group)
        bound = _RemoteGroup(self.session, group)
        setattr(self, group, bound)
        return bound
