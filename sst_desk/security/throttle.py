"""Failed sign-ins: an increasing wait before the next try, and a record for the access log.

A wrong password cannot be logged in the database (without the right one
nothing there can be read). So failures are counted in a small file beside it,
``<database>.attempts`` (mode 0600, JSON), keyed by the key file's salted
hash of the typed name (``KeyFile.slot_id``): the same for a name with an
account and one without, so neither the wait nor the file tells who exists.

- Before every try, the tries of that name wait ``delay(failures)`` seconds:
  nothing after the first failure, then 0.5 s, 1 s, 2 s … doubling up to 30 s. The wait
  is in the file, so a loop of command-line processes is slowed as much as
  one window. (The first slip costs nothing.) A right password resets that name's count.
- At the next successful sign-in to the database, every failure not yet
  written is written to the access log (``sign_in_failed``: which name — the
  user name when it is an account, otherwise the start of its hash —, how
  many, first and last time), and the file forgets them.

The clock and the sleep are injectable (unit tests measure without sleeping).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator


SUFFIX = ".attempts"
BASE_DELAY_S = 0.5
MAX_DELAY_S = 30.0
MAX_NAMES = 500  # a flood of invented names cannot grow the file without bound: the oldest go first


def attempts_file_for(db_file: Path) -> Path:
    return db_file.with_name(db_file.name + SUFFIX)


def delay(failures: int, base: float = BASE_DELAY_S, cap: float = MAX_DELAY_S) -> float:
    """Seconds to wait before a try after ``failures`` wrong passwords in a row for that name.

    One slip costs nothing; then 0.5 s, 1 s, 2 s … up to 30 s (ten wrong tries in a row: about 90 s).
    """
    if failures <= 1:
        return 0.0
    return min(cap, base * 2 ** (failures - 2))


@dataclass(frozen=True)
class Unlogged:
    """Failures of one name not yet in the access log."""

    name_hash: str
    count: int
    first: str  # ISO time, UTC
    last: str


class Throttle:
    """The attempts file of one database."""

    def __init__(self, path: Path, *, clock: Callable[[], float] | None = None,
                 sleep: Callable[[float], None] | None = None, base: float | None = None) -> None:
        self.path = Path(path)
        self._clock = clock or (lambda: time.time())
        self._sleep = sleep or (lambda seconds: time.sleep(seconds))
        self._base = BASE_DELAY_S if base is None else base

    @contextmanager
    def _locked(self) -> Iterator[dict]:
        """The file's data, read and rewritten under an exclusive lock (parallel processes count every try).

        Written in place (the lock is on the file itself): a torn write only resets the counts to nothing.
        """
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            try:
                import fcntl

                fcntl.flock(fd, fcntl.LOCK_EX)
            except ImportError:  # Windows: one process at a time is the common case there
                pass
            with os.fdopen(os.dup(fd), "r+b") as stream:
                try:
                    data = json.loads(stream.read().decode("utf-8") or "{}")
                except ValueError:
                    data = {}
                data = data if isinstance(data, dict) else {}
                before = json.dumps(data, sort_keys=True)
                yield data
                if json.dumps(data, sort_keys=True) != before:
                    self._trim(data)
                    stream.seek(0)
                    stream.truncate()
                    stream.write(json.dumps(data, sort_keys=True).encode("utf-8"))
                    stream.flush()
                    os.fsync(stream.fileno())
        finally:
            os.close(fd)

    def _read(self) -> dict:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8") or "{}")
            return data if isinstance(data, dict) else {}
        except (OSError, ValueError):
            return {}  # missing or damaged: start again (it only ever slows guessing down)

    @staticmethod
    def _trim(data: dict) -> None:
        if len(data) > MAX_NAMES:
            for name in sorted(data, key=lambda n: data[n].get("last_t", 0))[: len(data) - MAX_NAMES]:
                del data[name]

    def _now_iso(self) -> str:
        return dt.datetime.fromtimestamp(self._clock(), dt.timezone.utc).isoformat(timespec="seconds")

    def wait_needed(self, name_hash: str) -> float:
        """Seconds still to wait before ``name_hash`` may try again (0: now)."""
        entry = self._read().get(name_hash) or {}
        failures = int(entry.get("failures", 0))
        since = self._clock() - float(entry.get("last_t", 0))
        return max(0.0, delay(failures, self._base) - since)

    def sleep(self, seconds: float) -> None:
        self._sleep(seconds)

    def wait(self, name_hash: str) -> float:
        """Sleep until ``name_hash`` may try again; returns how long it slept."""
        needed = self.wait_needed(name_hash)
        if needed > 0:
            self._sleep(needed)
        return needed

    def failed(self, name_hash: str) -> None:
        now, iso = self._clock(), self._now_iso()
        with self._locked() as data:
            entry = data.setdefault(name_hash, {})
            entry["failures"] = int(entry.get("failures", 0)) + 1
            entry["unlogged"] = int(entry.get("unlogged", 0)) + 1
            entry.setdefault("first", iso)
            entry["last"], entry["last_t"] = iso, now

    def succeeded(self, name_hash: str) -> None:
        """The right password: that name's tries need not wait any more (its unlogged failures stay)."""
        if name_hash not in self._read():
            return
        with self._locked() as data:
            entry = data.get(name_hash)
            if entry is not None:
                entry["failures"] = 0
                if not entry.get("unlogged"):
                    del data[name_hash]

    def unlogged(self) -> list[Unlogged]:
        """Every failure not yet written to the access log, by name hash."""
        return [Unlogged(name, int(entry.get("unlogged", 0)), str(entry.get("first", "")), str(entry.get("last", "")))
                for name, entry in sorted(self._read().items()) if int(entry.get("unlogged", 0)) > 0]

    def mark_logged(self, logged: list[Unlogged]) -> None:
        """Forget the failures in ``logged`` (after the log entries committed); later ones stay."""
        if not logged:
            return
        with self._locked() as data:
            for item in logged:
                entry = data.get(item.name_hash)
                if entry is None:
                    continue
                entry["unlogged"] = max(0, int(entry.get("unlogged", 0)) - item.count)
                if not entry["unlogged"]:
                    entry.pop("first", None)
                    if not entry.get("failures"):
                        del data[item.name_hash]
