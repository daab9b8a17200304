"""Bringing the offline copy up to date, on a thread of its own (never the window's).

``OfflineSync(store, door_of)`` runs ``sync_once`` after an online sign-in, whenever it is poked (a save, a
colleague's change on the live feed) and every ``interval`` seconds. One pass, through the person's own
session on the server (``door_of()``; None while there is no session):

1. the views made from the copy while the server could not be reached are sent
   (``offline.record_offline_views``: the server logs each with its time) and forgotten here, and so are the
   wrong passwords typed at the copy's offline sign-in (one ``sign_in_failed``: how many, first, last);
2. ``offline.offline_copy(known)``: the cases whose revision changed come whole, the ones the person may no
   longer see are dropped (with their views and document states), the list's rows replaced; the team's
   settings and the person (``Actor``) are kept for an offline start.

A server that cannot be reached is tried again at the next pass (and the copy is left as it is); a session
the server no longer takes stops the passes until a new session (the window's lock signs in again). No Qt
here: ``on_synced`` / ``on_unreachable`` are called on the sync's thread.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sst_desk.offline.store import OfflineStore

_log = logging.getLogger(__name__)

INTERVAL_S = 180.0
"""How often the copy is brought up to date while nothing pokes it (seconds)."""
MIN_GAP_S = 30.0
"""At least this long between two passes: a case co-edited in a meeting is saved every few seconds, and each
pass that copies it logs an ``offline_copy`` on the server — the log says when a case left for a laptop, not
every keystroke's save."""


@dataclass(frozen=True)
class SyncResult:
    """What one pass did: cases copied, dropped, views the server logged."""

    copied: int
    dropped: int
    views_sent: int
    at: dt.datetime


def sync_once(store: OfflineStore, door: Any) -> SyncResult:
    """One pass (see the module's text) through ``door`` (a remote door of the person's session).

    Raises what the server raised (``ServerUnreachableError``, ``SessionExpired`` …); the copy is then left
    as it was, or as far as the views were sent.
    """
    pending = store.pending_views()
    tries, failed = store.failed_sign_ins()
    sent = 0
    if pending or failed is not None:
        sent = door.offline.record_offline_views([(case_id, at) for _n, case_id, at in pending], failed)
        store.forget_views(n for n, _c, _at in pending)
        store.forget_failed_sign_ins(tries)
    copy = door.offline.offline_copy(store.known())
    settings = door.settings.team_settings()
    store.apply(copy, actor=getattr(door, "actor", None), team_settings=settings)
    return SyncResult(copied=len(copy.files), dropped=len(copy.drop), views_sent=sent,
                      at=copy.taken_at or dt.datetime.now(dt.UTC))


class OfflineSync:
    """The background passes of one signed-in window (see the module's text)."""

    def __init__(self, store: OfflineStore, door_of: Callable[[], Any], *, interval: float = INTERVAL_S,
                 on_synced: Callable[[SyncResult], None] | None = None,
                 on_failed: Callable[[BaseException], None] | None = None) -> None:
        self.store = store
        self._door_of = door_of
        self._interval = interval
        self._gap = MIN_GAP_S
        self._on_synced = on_synced
        self._on_failed = on_failed
        self._wake = threading.Event()
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None
        self.last: SyncResult | None = None
        self.last_error: BaseException | None = None
        self.passes = 0
        self.idle = threading.Event()  # set while no pass runs and none is asked for (tests wait on it)
        self.idle.set()

    def start(self) -> OfflineSync:
        if self._thread is None:
            self.poke()
            self._thread = threading.Thread(target=self._run, name="sst-desk offline copy", daemon=True)
            self._thread.start()
        return self

    def poke(self) -> None:
        """Bring the copy up to date soon (after a save, a colleague's change, a new session)."""
        self.idle.clear()
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> bool:
        """Stop after the pass under way; True once the thread has ended."""
        self._stopping.set()
        self._wake.set()
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)
            return not thread.is_alive()
        return True

    def wait_idle(self, timeout: float) -> bool:
        """Wait until the passes asked for have run (tests and the sign-out's "forget" use it)."""
        return self.idle.wait(timeout)

    def _run(self) -> None:
        from sst_desk.remote.errors import SessionExpired
        from sst_desk.services.errors import DatabaseError

        last = None
        while not self._stopping.is_set():
            self._wake.wait(self._interval)
            if last is not None and self._gap > 0:
                self._stopping.wait(max(0.0, last + self._gap - time.monotonic()))  # pokes meanwhile: one pass
            if self._stopping.is_set():
                break
            self._wake.clear()
            last = time.monotonic()
            door = self._door_of()
            if door is None:
                self.idle.set()
                continue
            try:
                result = sync_once(self.store, door)
            except (DatabaseError, OSError) as exc:  # unreachable, the session ended, a full disk: next time
                self.last_error = exc
                if not isinstance(exc, DatabaseError) or isinstance(exc, SessionExpired):
                    _log.info("the offline copy was not brought up to date (%s)", type(exc).__name__)
                if self._on_failed is not None:
                    self._on_failed(exc)
            except Exception:  # noqa: BLE001 - a thread's last word: logged, and the next pass tries again
                _log.exception("the offline copy could not be brought up to date")
            else:
                self.last, self.last_error = result, None
                if self._on_synced is not None:
                    self._on_synced(result)
            finally:
                self.passes += 1
            if not self._wake.is_set():
                self.idle.set()
        self.idle.set()
