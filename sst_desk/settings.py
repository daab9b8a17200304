"""This computer's options over QSettings; the registry of every option is ``sst_desk.options``.

Code reads ``settings.get(LANGUAGE)`` instead of scattering string keys. Only the options whose scope is
this computer (``Scope.COMPUTER``: language, window geometry, the last user name, backups kept, the idle
lock) are read and written here; the team's options live in the team's database
(``sst_desk.services.settings``). What this computer kept of them before they moved there is read once,
by ``computer_team_values``, at the first start after the upgrade.

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
import json
import logging
import re
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QSettings

from sst_desk.options import (  # noqa: F401 - the options are imported from here by the rest of the app
    ABSENCE_ALERT_PERCENT,
    ABSENCE_WARN_PERCENT,
    ALL_OPTIONS,
    BACKUPS_TO_KEEP,
    BOOSTER_MONTHS,
    CASE_GEOMETRY,
    CONSENT_TEXT,
    IDLE_LOCK_MINUTES,
    LANGUAGE,
    LAST_SERVER,
    LAST_USER,
    MAIN_GEOMETRY,
    MAIN_STATE,
    RETENTION_YEARS,
    SERVER_CA_FILES,
    TEAM_CONTACT,
    TEAM_LOGO,
    TEAM_NAME,
    TEAM_OPTIONS,
    USER_NAME,
    Option,
    image_problem,
)
from sst_desk.paths import APP_NAME, APP_SLUG

if TYPE_CHECKING:
    from sst_desk.options import TeamSettings
    from sst_desk.services import Door

T = TypeVar("T")
log = logging.getLogger(__name__)


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
        # No fallback to the system-wide file (on Windows %ProgramData%\sst-desk\SST Desk.ini, which any user
        # of the laptop may create, and which quarantine_pickled_values does not clean): another user could
        # plant a pickled value there, or a team server of their choosing. Machine-wide defaults come from
        # the environment instead (app.SERVER_ENV, docs/installing.md).
        self._store.setFallbacksEnabled(False)
        if self._store.format() == QSettings.Format.IniFormat and self._store.fileName():
            # QSettings reads the file lazily, converting each value when asked: clean it before the first read.
            if quarantine_pickled_values(self._store.fileName()):
                self._store.sync()

    @classmethod
    def from_file(cls, path: str) -> "Settings":
        quarantine_pickled_values(path)
        return cls(QSettings(path, QSettings.Format.IniFormat))

    def get(self, option: Option[T]) -> T:
        """This computer's value of ``option`` (its default when unset or unreadable)."""
        _computer_only(option)
        return self._get(option)

    def _get(self, option: Option[T]) -> T:
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
        _computer_only(option)
        if option.type is bytes:
            # Never hand QSettings Python bytes: PySide would pickle them into the file.
            value = base64.b64encode(bytes(value)).decode("ascii")  # type: ignore[assignment]
        self._store.setValue(option.key, value)

    def sync(self) -> None:
        self._store.sync()

    def has(self, option: Option[object]) -> bool:
        """Whether this computer has a value of its own for ``option`` (not just the default)."""
        return self._store.contains(option.key)

    def forget(self, option: Option[object]) -> None:
        self._store.remove(option.key)


def _computer_only(option: Option[object]) -> None:
    if option.team:
        raise ValueError(f"{option.name} is a team setting: it lives in the team's database "
                         "(sst_desk.services.settings), not on this computer")


def server_ca_file(settings: Settings, url: str) -> str | None:
    """The CA file remembered for the team server at ``url`` (None: the system's certificate store)."""
    return _ca_files(settings).get(_server_key(url)) or None


def remember_server_ca_file(settings: Settings, url: str, ca_file: str | None) -> None:
    """Remember ``ca_file`` for the server at ``url`` (None forgets it: the system's store is used again)."""
    files = _ca_files(settings)
    if ca_file:
        files[_server_key(url)] = str(ca_file)
    else:
        files.pop(_server_key(url), None)
    settings.set(SERVER_CA_FILES, json.dumps(files, ensure_ascii=False, sort_keys=True) if files else "")


def _server_key(url: str) -> str:
    """One server under one key: ``https://Host:8443/`` and ``https://host:8443`` are the same server."""
    text = url.strip().rstrip("/")
    scheme, sep, rest = text.partition("://")
    if not sep:
        return text
    host, slash, path = rest.partition("/")
    return f"{scheme.lower()}://{host.lower()}{slash}{path}"


def _ca_files(settings: Settings) -> dict[str, str]:
    """The remembered CA files; a hand-edited value that is not a JSON object of texts is ignored."""
    try:
        found = json.loads(settings.get(SERVER_CA_FILES) or "{}")
    except ValueError:
        return {}
    if not isinstance(found, dict):
        return {}
    return {str(k): v for k, v in found.items() if isinstance(v, str) and v}


def computer_team_values(settings: Settings) -> dict[str, object]:
    """What this computer kept of today's team options before they moved to the team's database.

    Read once, at the first start after the upgrade, so that nobody loses their logo or contact lines
    (``services.settings.adopt_computer_settings`` stores them when the team's database has none yet).
    Only values this computer set are returned, and only those the registry accepts; the logo was kept as a
    path and is returned as the image's bytes (left out when the file is gone or is not a PNG or JPEG).
    """
    found: dict[str, object] = {}
    for option in TEAM_OPTIONS:
        if not settings.has(option):
            continue
        if option is TEAM_LOGO:
            value: object = _logo_bytes(str(settings._store.value(option.key, "") or "").strip())
            if not value:
                continue
        else:
            value = settings._get(option)
            if isinstance(value, str):
                value = value.strip()
        if option.problem(value) is None:
            found[option.name] = value
    return found


def _logo_bytes(path: str) -> bytes:
    """The image at ``path`` (the logo setting as this computer kept it), b"" when none can be used."""
    from sst_desk.options import MAX_LOGO_BYTES

    if not path:
        return b""
    try:
        file = Path(path)
        if not file.is_file() or file.stat().st_size > MAX_LOGO_BYTES:
            return b""
        data = file.read_bytes()
    except OSError:
        return b""
    return data if image_problem(data) is None else b""


def read_team_settings(door: Door, settings: Settings | None) -> TeamSettings:
    """The team's settings from its database, after this computer's old values were adopted if it has none.

    The app's start (``app.build_context``) and every command that prints or gallrar go through here, so the
    first of them after the upgrade copies this computer's logo, contact lines … into the team's database
    (``services.settings.adopt_computer_settings``: once per team). ``settings`` None: no Qt, nothing to adopt.
    """
    if settings is not None:
        found = computer_team_values(settings)
        if found:
            door.settings.adopt_computer_settings(found)
    return door.settings.team_settings()
