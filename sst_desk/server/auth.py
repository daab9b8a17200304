"""Sign-in over the wire: the password checked on the server (Argon2id), a session token, failures slowed.

``Authenticator.sign_in(username, password, client)`` checks the account as the app does
(``security.passwords``; the same sentence for an unknown name and a wrong password), logs the sign-in, and
issues a token (``server.sessions``). ``actor_for(token)`` is the person a token stands for, or
``SessionExpired``. Failures are counted per user name and per client address in this process
(``FailureThrottle``); while either has failed too often, a sign-in is answered "wait" without checking the
password, and every failure is written to the access log (``sign_in_failed``, with the name if it is an
account and the client's address).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from sst_desk.persistence import Database
from sst_desk.persistence import accounts
from sst_desk.remote.errors import PasswordChangeRequired, SessionExpired
from sst_desk.security import passwords
from sst_desk.security.signin import WRONG, SignInError
from sst_desk.server.config import ServerConfig
from sst_desk.persistence.server_sessions import SessionStore
from sst_desk.workflow.access import Actor
from sst_desk.workflow.logchain import LogAction

LOCATION = "server"

FREE_FAILURES = 3  # failures in the window before the next try must wait
WINDOW_SECONDS = 15 * 60
MAX_WAIT_SECONDS = 60.0


@dataclass(frozen=True)
class IssuedSession:
    token: str
    expires_at: dt.datetime
    actor: Actor
    must_change_password: bool


class FailureThrottle:
    """Failed sign-ins per key (a user name, a client address) in this process, with the wait they demand.

    After ``FREE_FAILURES`` failures within ``WINDOW_SECONDS`` the next try waits 1 s, then 2, 4 … up to
    ``MAX_WAIT_SECONDS`` after the latest failure. A success clears the name (not the address).
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._lock = threading.Lock()
        self._failures: dict[str, list[float]] = {}

    def _recent(self, key: str, now: float) -> list[float]:
        kept = [t for t in self._failures.get(key, ()) if now - t < WINDOW_SECONDS]
        if kept:
            self._failures[key] = kept
        else:
            self._failures.pop(key, None)
        return kept

    def wait_needed(self, *keys: str) -> float:
        with self._lock:
            now = self._clock()
            waits = []
            for key in keys:
                recent = self._recent(key, now)
                if len(recent) >= FREE_FAILURES:
                    wait = min(2.0 ** (len(recent) - FREE_FAILURES), MAX_WAIT_SECONDS)
                    waits.append(recent[-1] + wait - now)
            return max([0.0, *waits])

    def failed(self, *keys: str) -> None:
        with self._lock:
            now = self._clock()
            for key in keys:
                self._recent(key, now)
                self._failures.setdefault(key, []).append(now)
                if len(self._failures) > 100_000:  # a flood of names: forget the oldest half
                    for old in list(self._failures)[:50_000]:
                        del self._failures[old]

    def succeeded(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)


def _name_key(username: str) -> str:
    return "name:" + accounts.normal_username(username)


class Authenticator:
    """Signs people in against the server's database and keeps their sessions."""

    def __init__(self, db: Database, config: ServerConfig, *, sessions: SessionStore | None = None,
                 throttle: FailureThrottle | None = None) -> None:
        self.db = db
        self.sessions = sessions if sessions is not None else SessionStore(
            db, idle=dt.timedelta(minutes=config.idle_minutes), absolute=dt.timedelta(hours=config.absolute_hours))
        self.throttle = throttle if throttle is not None else FailureThrottle()

    def sign_in(self, username: str, password: str, client: str) -> IssuedSession:
        name_key, client_key = _name_key(username), "client:" + client
        wait = self.throttle.wait_needed(name_key, client_key)
        if wait > 0:
            self._log_failure(username, client, "wait")
            raise SignInError("wait", f"Too many wrong passwords: wait {wait:.0f} s and try again.", seconds=wait)
        user = accounts.find_user(self.db, username)
        if user is None or not passwords.verify_password(user.password_hash, password):
            self.throttle.failed(name_key, client_key)
            self._log_failure(username, client, "wrong", known=user is not None)
            raise SignInError("wrong_credentials", WRONG)
        if not user.active:
            self._log_failure(username, client, "inactive", known=True)
            raise SignInError("inactive", "This account has been switched off; ask your administrator.")
        self.throttle.succeeded(name_key)
        actor = user.actor()
        rehash = passwords.hash_password(password) if passwords.needs_rehash(user.password_hash) else None
        accounts.record_sign_in(self.db, actor, new_hash=rehash)
        token, expires_at = self.sessions.issue(actor)
        return IssuedSession(token, expires_at, actor, user.must_change_password)

    def _log_failure(self, username: str, client: str, why: str, *, known: bool = False) -> None:
        name = accounts.normal_username(username)
        who = name if known else "#" + hashlib.sha256(name.encode("utf-8")).hexdigest()[:12]  # not an account
        accounts.log_failed_sign_in(self.db, who, f"name={who};client={client};reason={why}")

    def actor_for(self, token: str, *, changing_password: bool = False, touch: bool = True) -> Actor:
        """The person of ``token``: ``SessionExpired`` for a token that is no longer good, and
        ``PasswordChangeRequired`` for someone who must choose their own password first (unless doing so).
        ``touch=False``: the check does not count as use of the session (the live change feed's)."""
        found = self.sessions.actor_for(token, touch=touch)
        if found is None:
            raise SessionExpired(LOCATION)
        actor, must_change = found
        if must_change and not changing_password:
            raise PasswordChangeRequired(LOCATION)
        return actor

    def change_password(self, token: str, old_password: str, new_password: str) -> IssuedSession:
        """The signed-in person chooses a new password (the old one checked); every session of theirs ends,
        this one included, and a new token is issued. ``SignInError`` for a wrong old password,
        ``PasswordProblem`` for a new one that may not be chosen."""
        actor = self.actor_for(token, changing_password=True)
        user = accounts.find_user(self.db, actor.username)
        if user is None or not passwords.verify_password(user.password_hash, old_password):
            raise SignInError("wrong_credentials", "The current password is wrong.")
        passwords.check_new_password(new_password, username=user.username,
                                     personal=[user.display_name, self._team_name(actor)])
        if new_password == old_password:
            raise passwords.PasswordProblem("same_as_old", "The new password must differ from the current one.")
        accounts.set_password_hash(self.db, user.id, passwords.hash_password(new_password),
                                   must_change_password=False, reset=False, actor=actor)  # revokes its sessions
        token, expires_at = self.sessions.issue(actor)
        return IssuedSession(token, expires_at, actor, False)

    def _team_name(self, actor: Actor) -> str:
        from sst_desk.services import Door

        return Door(self.db.uow, actor).settings.team_settings().team_name

    def sign_out(self, token: str) -> None:
        actor = self.sessions.revoke(token)
        if actor is not None:
            accounts.log_event(self.db, LogAction.SIGN_OUT, actor=actor)
