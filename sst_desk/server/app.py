"""The team server's web application: JSON over HTTPS under ``/api/v1`` (docs/server.md).

``create_app(config)`` builds the Starlette application; ``sst-desk serve`` runs it under uvicorn with the
TLS files. Endpoints:

* ``GET  /api/v1/health`` → ``{"version"}``;
* ``POST /api/v1/signin`` ``{"username", "password"}`` → ``{"token", "expires_at", "actor",
  "must_change_password"}``; a wrong name or password → 401 with the same sentence for both;
* ``POST /api/v1/signout`` (``Authorization: Bearer TOKEN``) → 204;
* ``POST /api/v1/password`` ``{"old_password", "new_password"}`` (with the token) → a new session as for a
  sign-in; every other session of the person ends;
* ``POST /api/v1/call`` ``{"group", "name", "args", "kwargs"}`` (wire-encoded, ``remote.wire``) → 200
  ``{"result"}`` or an error status with ``{"error"}``: the exception the use case raised, wire-encoded.

Every use case runs through the server's own ``Door(db.uow, actor)``, the actor taken from the token: access
is checked and logged on the server, in the same transaction as the action (``server.calls`` decides which
use cases are offered, and sets day and time arguments from the server's clock).

No traceback leaves the server: an unexpected exception is logged here (types and code locations, no
values) and the client gets ``ServerError``. Requests are logged by path, use-case name, status, time and
user id, never with arguments or results (case content).
"""

from __future__ import annotations

import contextlib
import json
import logging
import re
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import BaseRoute, Route

from sst_desk import __version__
from sst_desk.persistence import Database
from sst_desk.persistence.errors import (
    AccessDeniedError,
    CaseNotFound,
    ConcurrentEditError,
    DatabaseUnavailableError,
)
from sst_desk.remote import wire
from sst_desk.remote.errors import (
    SERVER,
    PasswordChangeRequired,
    RequestRefused,
    ServerError,
    SessionExpired,
    relocate,
)
from sst_desk.security.passwords import PasswordProblem
from sst_desk.security.signin import SignInError
from sst_desk.server import calls
from sst_desk.server.auth import Authenticator, IssuedSession
from sst_desk.server.config import ServerConfig
from sst_desk.services import Door
from sst_desk.workflow.access import Actor

_log = logging.getLogger("sst_desk.server")
_LOGGABLE = re.compile(r"[^A-Za-z0-9_.]")

API = "/api/v1"
LOCATION = SERVER  # how the server names itself in the errors it sends (never its database's URL)


class BadRequest(Exception):
    """A request the server cannot read; ``str()`` is the sentence for the client."""

    def __init__(self, message: str, status: int = 400) -> None:
        self.status = status
        super().__init__(message)


def status_for(exc: BaseException) -> int:
    """The HTTP status that goes with an error a use case raised."""
    if isinstance(exc, (SessionExpired, SignInError)):
        return 401
    if isinstance(exc, (AccessDeniedError, PasswordChangeRequired)):
        return 403
    if isinstance(exc, CaseNotFound):
        return 404
    if isinstance(exc, ConcurrentEditError):  # SaveConflict too: both values come with it
        return 409
    if isinstance(exc, DatabaseUnavailableError):
        return 503
    if isinstance(exc, ServerError):
        return 500
    if isinstance(exc, RequestRefused):
        return 400
    return 422  # the request was understood and refused by a rule (ProcessError, a ValueError …)


def _error(exc: BaseException, status: int | None = None) -> JSONResponse:
    try:
        body = {"error": wire.encode(exc)}
    except wire.WireError as problem:
        _log.error("an error of type %s could not be sent over the wire: %s", type(exc).__qualname__, problem)
        exc = ServerError(LOCATION)
        body = {"error": wire.encode(exc)}
        status = 500
    return JSONResponse(body, status_code=status or status_for(exc))


def _refused(message: str, status: int = 400) -> JSONResponse:
    return _error(RequestRefused(LOCATION, message), status)


async def read_json(request: Request, limit: int) -> dict[str, Any]:
    """The request's JSON object, read at most ``limit`` bytes; ``BadRequest`` with a sentence otherwise."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.isdigit():
            raise BadRequest("the Content-Length header is not a number")
        if int(declared) > limit:
            raise BadRequest(f"the request is larger than the {limit} bytes the server takes", 413)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BadRequest(f"the request is larger than the {limit} bytes the server takes", 413)
        chunks.append(chunk)
    try:
        data = json.loads(b"".join(chunks))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise BadRequest("the request is not JSON") from None
    except RecursionError:
        raise BadRequest("the request is nested too deeply") from None
    if type(data) is not dict:
        raise BadRequest("the request must be a JSON object")
    return data


def _session_response(session: IssuedSession) -> JSONResponse:
    return JSONResponse({"token": session.token, "expires_at": session.expires_at.isoformat(),
                         "actor": wire.encode(session.actor), "must_change_password": session.must_change_password})


def _bearer(request: Request) -> str:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise SessionExpired(LOCATION)
    return token.strip()


class ServerApp:
    """The endpoints, bound to one database and one authenticator."""

    def __init__(self, config: ServerConfig, db: Database, auth: Authenticator) -> None:
        self.config, self.db, self.auth = config, db, auth

    def routes(self) -> list[Route]:
        return [
            Route(f"{API}/health", self.guarded(self.health), methods=["GET"]),
            Route(f"{API}/signin", self.guarded(self.signin), methods=["POST"]),
            Route(f"{API}/signout", self.guarded(self.signout), methods=["POST"]),
            Route(f"{API}/call", self.guarded(self.call), methods=["POST"]),
            Route(f"{API}/password", self.guarded(self.password), methods=["POST"]),
        ]

    def guarded(self, handler: Callable[[Request], Awaitable[Response]]) -> Callable[[Request], Awaitable[Response]]:
        """``handler`` with the request logged and nothing unexpected leaving the server."""

        async def endpoint(request: Request) -> Response:
            started = time.perf_counter()
            request.state.what = ""
            request.state.user_id = None
            try:
                response = await handler(request)
            except BadRequest as exc:
                response = _refused(str(exc), exc.status)
            except Exception as exc:  # noqa: BLE001 - the boundary: the client gets a sentence, the log the type
                _log.error("unexpected %s in %s %s%s", type(exc).__qualname__, request.method, request.url.path,
                           _where(exc))
                response = _error(ServerError(LOCATION), 500)
            _log.info("%s %s %s %s user=%s %.1f ms", request.method, request.url.path, request.state.what,
                      response.status_code, request.state.user_id, (time.perf_counter() - started) * 1000)
            return response

        return endpoint

    async def health(self, request: Request) -> Response:
        return JSONResponse({"version": __version__})

    async def signin(self, request: Request) -> Response:
        data = await read_json(request, self.config.max_body_bytes)
        username, password = data.get("username"), data.get("password")
        if set(data) != {"username", "password"} or type(username) is not str or type(password) is not str:
            raise BadRequest("a sign-in takes exactly a username and a password, as strings")
        client = request.client.host if request.client is not None else ""
        try:
            session = await run_in_threadpool(self.auth.sign_in, username, password, client)
        except SignInError as exc:
            return _error(exc, 401)
        request.state.user_id = session.actor.user_id
        return _session_response(session)

    async def password(self, request: Request) -> Response:
        """The signed-in person chooses a new password: ``{"old_password", "new_password"}`` → a new session."""
        try:
            token = _bearer(request)
        except SessionExpired as exc:
            return _error(exc)
        data = await read_json(request, self.config.max_body_bytes)
        old, new = data.get("old_password"), data.get("new_password")
        if set(data) != {"old_password", "new_password"} or type(old) is not str or type(new) is not str:
            raise BadRequest("a password change takes exactly old_password and new_password, as strings")
        try:
            session = await run_in_threadpool(self.auth.change_password, token, old, new)
        except (SessionExpired, SignInError, PasswordProblem) as exc:
            return _error(exc)
        request.state.user_id = session.actor.user_id
        return _session_response(session)

    async def signout(self, request: Request) -> Response:
        try:
            token = _bearer(request)
        except SessionExpired as exc:
            return _error(exc)
        await run_in_threadpool(self.auth.sign_out, token)
        return Response(status_code=204)

    async def call(self, request: Request) -> Response:
        try:
            actor = await run_in_threadpool(self.auth.actor_for, _bearer(request))
        except (SessionExpired, PasswordChangeRequired) as exc:
            return _error(exc)
        request.state.user_id = actor.user_id
        data = await read_json(request, self.config.max_body_bytes)
        if set(data) != {"group", "name", "args", "kwargs"}:
            raise BadRequest("a call takes exactly group, name, args and kwargs")
        group, name = data["group"], data["name"]
        if type(group) is not str or type(name) is not str:
            raise BadRequest("group and name must be strings")
        request.state.what = _LOGGABLE.sub("?", f"{group}.{name}"[:80])  # a client's words: no line breaks in the log
        try:
            args, kwargs = wire.decode(data["args"]), wire.decode(data["kwargs"])
        except wire.WireError as exc:
            raise BadRequest(f"the arguments cannot be read: {exc}") from None
        if type(args) is not list or type(kwargs) is not dict:
            raise BadRequest("args must be a list and kwargs a dict")
        try:
            args, kwargs = calls.prepare(group, name, args, kwargs)
        except calls.CallRefused as exc:
            return _refused(str(exc))
        try:
            result = await run_in_threadpool(self._run, actor, group, name, args, kwargs)
        except Exception as exc:  # a use case's own error travels if the wire's table knows it
            if wire.encodable_exception(exc):
                relocate(exc, str(self.db.location), LOCATION)
                return _error(exc)
            raise
        try:
            body = {"result": wire.encode(result)}
        except wire.WireError as exc:  # names a type, never a value
            _log.error("the result of %s.%s could not be sent over the wire: %s", group, name, exc)
            return _error(ServerError(LOCATION), 500)
        return JSONResponse(body)

    async def actor_of(self, request: Request) -> Actor:
        """The person of the request's ``Authorization: Bearer`` token; ``SessionExpired`` or
        ``PasswordChangeRequired`` (send them with ``error_response``) when it may not act."""
        return await run_in_threadpool(self.auth.actor_for, _bearer(request))

    @staticmethod
    def error_response(exc: BaseException) -> JSONResponse:
        """An error as ``/call`` sends it: wire-encoded, with its HTTP status."""
        return _error(exc)

    def _run(self, actor: Actor, group: str, name: str, args: tuple, kwargs: dict) -> Any:
        door = Door(self.db.uow, actor)  # the server's own door, as the token's user
        return getattr(getattr(door, group), name)(*args, **kwargs)


def _where(exc: BaseException) -> str:
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    return "".join(f" at {frame.filename}:{frame.lineno}" for frame in frames[-3:])


def create_app(config: ServerConfig, *, db: Database | None = None,
               extra_routes: Sequence[BaseRoute] = ()) -> Starlette:
    """The server's application for ``config``: its database opened here (the access log keyed with the server's
    secret and anchored in its state folder: ``config.open_server_database``) unless ``db`` is given.

    ``extra_routes`` plug more endpoints in beside ``/api/v1`` (live events: a WebSocket or server-sent events
    route); they reach the server as ``request.app.state.server`` (a ``ServerApp``) and sign a request in with
    ``ServerApp.actor_of(request)``, the same token rules as ``/call``.
    """
    from sst_desk.server.config import open_server_database

    database = db if db is not None else open_server_database(config)
    app = ServerApp(config, database, Authenticator(database, config))

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette):
        yield
        if db is None:
            database.close()  # a clean stop anchors the last head (persistence/anchors.py)

    starlette = Starlette(routes=[*app.routes(), *extra_routes], lifespan=lifespan)
    starlette.state.server = app
    # Live changes (issue 13): GET /api/v1/events and the one LISTEN connection (server/events.py, live.py).
    from sst_desk.server import events

    streams = events.install(starlette, database, lambda token: app.auth.actor_for(token, touch=False),
                             guard=app.guarded)
    # Case rooms (issue 14): WebSocket /api/v1/rooms/{case_id}, live co-editing (server/rooms.py).
    from sst_desk.server import rooms

    rooms.install(starlette, database, app.auth.actor_for, feed=streams.feed if streams is not None else None)
    return starlette


__all__ = ["API", "ServerApp", "app_from_environment", "create_app", "status_for"]


def app_from_environment() -> Starlette:
    """The application of a worker process started by ``sst-desk serve --workers N`` (uvicorn's factory)."""
    import os

    from sst_desk.server.config import CONFIG_ENV, from_environment

    return create_app(from_environment(os.environ[CONFIG_ENV]))
