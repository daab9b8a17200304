"""Anchors: the access log's head, written outside the database by the server that holds the log's key.

Whoever owns the database (a DBA with the owner role) can rewrite or truncate the
access log and fix its ``log_head`` row so that the chain is consistent in itself.
The server therefore writes the chain's newest ``(seq, hash)`` after its commits
to an append-only file in its own state directory — the *anchor file* — and
``log verify`` compares the chain with every anchor, as with a head a person kept
(docs/security-accesslog.md, "Anchors").

One line per anchor, tab-separated::

    <seq>\t<hash>\t<at, ISO 8601 UTC>\t<HMAC-SHA256(key, "sst-desk anchor/1\t<seq>\t<hash>\t<at>")>

The file is created 0600, appended to (``O_APPEND``, under ``flock``) and fsync'd
after each line. A line is written at most once per ``interval`` (1 s): the first
commit after a quiet second is anchored at once, later ones by a timer at the end
of the second; ``close()`` (the server's clean shutdown) writes the last one.
A line whose seq is not above the file's newest line is not written (two processes
on one file never make it go backwards).

This module needs no security code: HMAC is the standard library's.
"""

from __future__ import annotations

import datetime as dt
import errno
import hashlib
import hmac
import logging
import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

_log = logging.getLogger(__name__)

_DOMAIN = "sst-desk anchor/1"
INTERVAL_S = 1.0  # at most one anchor per second (the window of undetected truncation; see the docs)
_TAIL_BYTES = 4096  # the newest line is within the file's last few KB (lines are ~170 bytes)


@dataclass(frozen=True, slots=True)
class Anchor:
    """One anchored head: the chain's newest entry at ``at``."""

    seq: int
    hash: str
    at: dt.datetime


@dataclass(frozen=True)
class AnchorReading:
    """The anchor file read back: the valid anchors in file order, and the lines that failed (1-based)."""

    anchors: list[Anchor] = field(default_factory=list)
    invalid_lines: list[int] = field(default_factory=list)

    @property
    def newest(self) -> Anchor | None:
        return self.anchors[-1] if self.anchors else None


class AnchorError(Exception):
    """The anchor file cannot be used (``code``: "unreadable", "not_writable"); the message names the file."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code


class AnchorFile:
    """The append-only anchor file at ``path``, authenticated with ``key`` (the server's secret)."""

    def __init__(self, path: str | Path, key: bytes, *, interval: float = INTERVAL_S) -> None:
        if len(key) < 16:
            raise ValueError("an anchor key must be at least 16 bytes")
        self.path = Path(path)
        self._key = key
        self._interval = interval
        self._lock = threading.Lock()
        self._pending: Anchor | None = None
        self._last_write = 0.0  # time.monotonic() of the last line written
        self._written_seq = 0
        self._timer: threading.Timer | None = None

    # --- writing -----------------------------------------------------------------------------------

    def ensure(self) -> None:
        """Create the file if missing and make it 0600 — at the server's start, so that an anchor file that
        cannot be written stops the start with a sentence instead of failing quietly after each commit."""
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
        except OSError as exc:
            raise AnchorError("not_writable", f"the anchor file {self.path} cannot be written ({exc.strerror})") from exc
        try:
            os.fchmod(fd, 0o600)
        except OSError as exc:
            raise AnchorError("not_writable", f"the anchor file {self.path} cannot be made private "
                                              f"({exc.strerror})") from exc
        finally:
            os.close(fd)

    def line(self, anchor: Anchor) -> str:
        """The text of ``anchor``'s line, its HMAC included (without the line end)."""
        body = f"{anchor.seq}\t{anchor.hash}\t{_stamp(anchor.at)}"
        return f"{body}\t{self._mac(body)}"

    def write(self, anchor: Anchor) -> bool:
        """Append ``anchor`` now (fsync'd); False when the file already has this seq or a later one."""
        import fcntl  # a server's (POSIX) module: imported here so that a laptop never needs it

        data = (self.line(anchor) + "\n").encode("ascii")
        try:
            fd = os.open(self.path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o600)
        except OSError as exc:
            raise AnchorError("not_writable", f"the anchor file {self.path} cannot be written ({exc.strerror})") from exc
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            if self._newest_seq_on_disk() >= anchor.seq:
                return False
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)  # closing releases the lock
        self._written_seq = anchor.seq
        return True

    def note(self, anchor: Anchor) -> None:
        """A commit's new head: anchored now if a second has passed since the last line, else within one.

        Called by the unit of work after each commit (``Database.open(..., anchors=)``). Thread-safe.
        """
        with self._lock:
            if self._pending is None or anchor.seq > self._pending.seq:
                self._pending = anchor
            wait = self._last_write + self._interval - time.monotonic()
            if wait > 0:
                if self._timer is None:
                    self._timer = threading.Timer(wait, self._timed_flush)
                    self._timer.daemon = True
                    self._timer.start()
                return
            self._flush_locked()

    def flush(self) -> None:
        """Write the head noted last, if it is not written yet (the timer does this within a second)."""
        with self._lock:
            self._flush_locked()

    def close(self) -> None:
        """Write the last head and stop the timer (a server's clean shutdown, ``Database.close``)."""
        with self._lock:
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None
            self._flush_locked()

    def _timed_flush(self) -> None:
        with self._lock:
            self._timer = None
            self._flush_locked()

    def _flush_locked(self) -> None:
        anchor, self._pending = self._pending, None
        if anchor is None or anchor.seq <= self._written_seq:
            return
        self._last_write = time.monotonic()
        try:
            self.write(anchor)
        except (AnchorError, OSError):
            # The commit it follows is done and must not look failed; the next commit (or close) tries again.
            _log.error("The access log's head (entry %s) could not be anchored in %s.", anchor.seq, self.path,
                       exc_info=True)
            if self._pending is None:
                self._pending = anchor

    def _newest_seq_on_disk(self) -> int:
        try:
            with open(self.path, "rb") as handle:
                handle.seek(0, os.SEEK_END)
                size = handle.tell()
                handle.seek(max(0, size - _TAIL_BYTES))
                tail = handle.read().decode("ascii", "replace").splitlines()
        except FileNotFoundError:
            return 0
        for text in reversed(tail):
            anchor = self._parse(text)
            if anchor is not None:
                return anchor.seq
        return 0

    # --- reading -----------------------------------------------------------------------------------

    def read(self) -> AnchorReading:
        """Every anchor in the file; a missing file has none. Lines failing their HMAC are listed, not used."""
        try:
            with open(self.path, encoding="ascii", errors="replace") as handle:
                lines = handle.read().splitlines()
        except FileNotFoundError:
            return AnchorReading()
        except OSError as exc:
            if exc.errno == errno.EACCES:
                raise AnchorError("unreadable", f"the anchor file {self.path} cannot be read (permission denied)") from exc
            raise AnchorError("unreadable", f"the anchor file {self.path} cannot be read ({exc.strerror})") from exc
        reading = AnchorReading()
        for number, text in enumerate(lines, start=1):
            if not text.strip():
                continue
            anchor = self._parse(text)
            if anchor is None:
                reading.invalid_lines.append(number)
            else:
                reading.anchors.append(anchor)
        return reading

    def _parse(self, text: str) -> Anchor | None:
        parts = text.rstrip("\r\n").split("\t")
        if len(parts) != 4:
            return None
        seq, digest, at, mac = parts
        if not hmac.compare_digest(self._mac(f"{seq}\t{digest}\t{at}"), mac):
            return None
        try:
            return Anchor(int(seq), digest, dt.datetime.fromisoformat(at))
        except ValueError:
            return None

    def _mac(self, body: str) -> str:
        return hmac.new(self._key, f"{_DOMAIN}\t{body}".encode("ascii"), hashlib.sha256).hexdigest()

    def __repr__(self) -> str:
        return f"AnchorFile({str(self.path)!r})"


def _stamp(at: dt.datetime) -> str:
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    return at.astimezone(dt.UTC).isoformat(timespec="microseconds")
