"""The team server's session tokens in the database (table ``server_sessions``; docs/server.md).

A token is 32 random bytes (URL-safe base64, given to the client once); only its SHA-256 is stored. A token
is good while all of these hold: not revoked, used within ``idle`` (each use slides it, written at most once
a minute), younger than its absolute limit, and its account active. Switching an account off and any change
of its password revoke its sessions in the same transaction (``revoke_user_sessions``, called by
``repository_admin.UserRepository.update`` whenever ``active`` goes off or ``password_hash`` changes). The server is stateless apart from this table: any number of
server processes share it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from typing import TYPE_CHECKING

import sqlalchemy as sa

from sst_desk.workflow.access import Actor, Role

from sst_desk.persistence.accesslog import utc_now
from sst_desk.persistence.mapping import server_sessions, users
from sst_desk.persistence.repository_admin import revoke_user_sessions  # noqa: F401 - used with this module

if TYPE_CHECKING:
    from sst_desk.persistence.database import Database

TOKEN_BYTES = 32
TOUCH_EVERY = dt.timedelta(seconds=60)  # how stale last_used_at may get before a use writes it


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class SessionStore:
    """Issues, checks and revokes tokens in ``db``."""

    def __init__(self, db: Database, *, idle: dt.timedelta, absolute: dt.timedelta,
                 clock=utc_now) -> None:
        self.db, self.idle, self.absolute, self._clock = db, idle, absolute, clock

    def issue(self, actor: Actor) -> tuple[str, dt.datetime]:
        """A new token for ``actor`` and when it lapses at the latest (the idle limit may come first)."""
        token = secrets.token_urlsafe(TOKEN_BYTES)
        now = self._clock()
        expires_at = now + self.absolute
        with self.db.uow() as tx:
            tx.session.execute(sa.insert(server_sessions).values(
                token_hash=token_hash(token), user_id=actor.user_id, created_at=now, last_used_at=now,
                expires_at=expires_at))
            tx.commit()
        return token, expires_at

    def actor_for(self, token: str, *, touch: bool = True) -> tuple[Actor, bool] | None:
        """The person ``token`` stands for and whether they must choose a new password first; None when the
        token is unknown, lapsed, revoked or its account switched off.

        ``touch=False`` checks without counting as use (the live change feed's checks: an open window must
        not keep an idle session alive)."""
        now = self._clock()
        with self.db.uow() as tx:
            row = tx.session.execute(
                sa.select(server_sessions.c.id, server_sessions.c.created_at, server_sessions.c.last_used_at,
                          server_sessions.c.expires_at, server_sessions.c.revoked_at,
                          users.c.id.label("user_id"), users.c.username, users.c.display_name, users.c.role,
                          users.c.active, users.c.must_change_password)
                .join_from(server_sessions, users, server_sessions.c.user_id == users.c.id)
                .where(server_sessions.c.token_hash == token_hash(token))).first()
            if row is None or row.revoked_at is not None or not row.active:
                return None
            if now >= row.expires_at or now - row.last_used_at >= self.idle:
                return None
            if touch and now - row.last_used_at >= TOUCH_EVERY:
                tx.session.execute(sa.update(server_sessions).where(server_sessions.c.id == row.id)
                                   .values(last_used_at=now))
                tx.commit()
        return Actor(user_id=row.user_id, username=row.username, display_name=row.display_name,
                     role=Role(row.role)), bool(row.must_change_password)

    def revoke(self, token: str) -> Actor | None:
        """End the session of ``token`` (signing out); returns whose it was, None if it was not open."""
        with self.db.uow() as tx:
            row = tx.session.execute(
                sa.select(server_sessions.c.id, users.c.id.label("user_id"), users.c.username,
                          users.c.display_name, users.c.role)
                .join_from(server_sessions, users, server_sessions.c.user_id == users.c.id)
                .where(server_sessions.c.token_hash == token_hash(token), server_sessions.c.revoked_at.is_(None))
            ).first()
            if row is None:
                return None
            tx.session.execute(sa.update(server_sessions).where(server_sessions.c.id == row.id)
                               .values(revoked_at=self._clock()))
            tx.commit()
        return Actor(user_id=row.user_id, username=row.username, display_name=row.display_name,
                     role=Role(row.role))
