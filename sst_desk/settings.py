"""One typed registry of user options over QSettings (Picard's ``options.py`` pattern).

Every option is declared once here with its type and default; code reads
``settings.get(TEAM_NAME)`` instead of scattering string keys.

Only plain text and numbers are stored. PySide pickles Python ``bytes`` (and any
other Python object) into the INI file as ``@Variant(…PySide::PyObjectWrapper…)``,
and QSettings unpickles such a value as soon as it converts it — when the key is
read, even with ``type=str``, or when ``allKeys()`` runs. A planted settings file
would then run code. So window geometry is stored as base64 text, and every
``@Variant`` entry is removed from the file before QSettings parses it
(``quarantine_pickled_values``); an old pickled geometry is simply forgotten.
"""

from __future__ import annotations

import base64
import binascii
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QSettings

from .paths import APP_NAME, APP_SLUG

T = TypeVar("T")
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    type: type
    default: T


LANGUAGE = Option[str]("ui/language", str, "sv")
TEAM_NAME = Option[str]("team/name", str, "Skolsociala teamet")
BOOSTER_MONTHS = Option[int]("process/booster_months", int, 3)
USER_NAME = Option[str]("user/display_name", str, "")
MAIN_GEOMETRY = Option[bytes]("ui/main_geometry", bytes, b"")
CASE_GEOMETRY = Option[bytes]("ui/case_geometry", bytes, b"")
BACKUPS_TO_KEEP = Option[int]("backup/keep", int, 10)  # automatic backups kept (1–100)
IDLE_LOCK_MINUTES = Option[int]("security/idle_lock_minutes", int, 10)  # lock after this idle time (1–120)
# Gallring: a closed case is due this many whole years after avslut (or after its boosterträff) (1–50).
RETENTION_YEARS = Option[int]("retention/years_after_close", int, 5)
LAST_USER = Option[str]("security/last_user", str, "")  # pre-filled in the sign-in dialog (a name, never a password)
# Document templates as data (issue 5): empty means the shipped default.
TEAM_CONTACT = Option[str]("documents/contact_lines", str, "")  # lines under the team's name, one per line
TEAM_LOGO = Option[str]("documents/logo_path", str, "")  # a PNG/JPEG shown in the page header
CONSENT_TEXT = Option[str]("documents/consent_text", str, "")  # the samtycke form's explanation
# Skollinjen (issue 4): absence over the current term at or above these flags the student (1–100 %).
ABSENCE_WARN_PERCENT = Option[int]("attendance/warn_percent", int, 10)
ABSENCE_ALERT_PERCENT = Option[int]("attendance/alert_percent", int, 50)

ALL_OPTIONS = [LANGUAGE, TEAM_NAME, BOOSTER_MONTHS, USER_NAME,
               MAIN_GEOMETRY, CASE_GEOMETRY, BACKUPS_TO_KEEP, IDLE_LOCK_MINUTES, RETENTION_YEARS, LAST_USER,
               TEAM_CONTACT, TEAM_LOGO, CONSENT_TEXT, ABSENCE_WARN_PERCENT, ABSENCE_ALERT_PERCENT]


# Qt's INI escapes: \xHHHH (any number of hex digits), \OOO (octal), \n and friends; a QChar keeps 16 bits.
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]*|[0-7]+|.)", re.DOTALL)
_SIMPLE_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v"}


def _unescaped(raw: str) -> str:
    """An INI value as QSettings unescapes it (enough to see what it would turn into)."""
    def one(match: re.Match[str]) -> str:
        code = match.group(1)
        if code.startswith("x"):
            return chr(int(code[1:] or "0", 16) & 0xFFFF) if len(code) < 40 else ""
        if code[0] in "01234567":
            return chr(int(code, 8) & 0xFFFF) if len(code) < 40 else ""
        return _SIMPLE_ESCAPES.get(code, code)

    return _ESCAPE.sub(one, raw)


def _logical_lines(text: str) -> list[str]:
    """The file's lines with backslash-continued lines joined to the line they continue (as Qt reads them)."""
    lines: list[str] = []
    for line in text.splitlines(keepends=True):
        if lines and lines[-1].rstrip("\r\n").endswith("\\"):
            lines[-1] += line
        else:
            lines.append(line)
    return lines


def quarantine_pickled_values(path: str | Path) -> int:
    """Remove every entry of the INI file at ``path`` that QSettings would unpickle; return how many.

    Qt turns a value reading ``@Variant(…)`` into a QVariant by deserialising it, and PySide6
    deserialises a Python object by unpickling it — code runs. No option of SST Desk is ever stored that
    way, so such an entry is either an old pickled window geometry or planted: it is dropped, unread.
    The check is made on the unescaped value, so ``\\x40Variant(`` is caught as well.
    """
    file = Path(path)
    try:
        raw = file.read_bytes()
    except OSError:
        return 0  # no file yet (or unreadable: QSettings will not read it either)
    text = raw.decode("utf-8", "surrogateescape")
    kept: list[str] = []
    dropped = 0
    for line in _logical_lines(text):
        key, equals, value = line.partition("=")
        if equals and "Variant" in _unescaped(value.replace("\\\r\n", "").replace("\\\n", "")):
            dropped += 1
            continue
        kept.append(line)
    if dropped:
        log.warning("Removed %d unsafe value(s) from the settings file %s", dropped, file)
        file.write_bytes("".join(kept).encode("utf-8", "surrogateescape"))
    return dropped


class Settings:
    """Typed access to the user's settings (an INI file in tests, the platform store otherwise)."""

    def __init__(self, store: QSettings | None = None):
        self._store = store or QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_SLUG, APP_NAME)
        if self._store.format() == QSettings.Format.IniFormat and self._store.fileName():
            # QSettings reads the file lazily, converting each value when asked: clean it before the first read.
            if quarantine_pickled_values(self._store.fileName()):
                self._store.sync()

    @classmethod
    def from_file(cls, path: str) -> "Settings":
        quarantine_pickled_values(path)
        return cls(QSettings(path, QSettings.Format.IniFormat))

    def get(self, option: Option[T]) -> T:
        raw = self._store.value(option.key, option.default)
        if raw is None:
            return option.default
        try:
            if option.type is bytes:
                # Stored as base64 text; anything else (an old @ByteArray, a list…) is ignored.
                if not isinstance(raw, str):
                    return option.default
                return base64.b64decode(raw.encode("ascii"), validate=True)  # type: ignore[return-value]
            if option.type is int:
                return int(raw)  # type: ignore[return-value]
            return option.type(raw)  # type: ignore[return-value]
        except (TypeError, ValueError, binascii.Error):
            return option.default

    def set(self, option: Option[T], value: T) -> None:
        if option.type is bytes:
            # Never hand QSettings Python bytes: PySide would pickle them into the file.
            value = base64.b64encode(bytes(value)).decode("ascii")  # type: ignore[assignment]
        self._store.setValue(option.key, value)

    def sync(self) -> None:
        self._store.sync()
