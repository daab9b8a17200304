"""One typed registry of user options over QSettings (Picard's ``options.py`` pattern).

Every option is declared once here with its type and default; code reads
``settings.get(TEAM_NAME)`` instead of scattering string keys.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QSettings

from .paths import APP_NAME, APP_SLUG

T = TypeVar("T")


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


class Settings:
    """Typed access to the user's settings (an INI file in tests, the platform store otherwise)."""

    def __init__(self, store: QSettings | None = None):
        self._store = store or QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, APP_SLUG, APP_NAME)

    @classmethod
    def from_file(cls, path: str) -> "Settings":
        return cls(QSettings(path, QSettings.Format.IniFormat))

    def get(self, option: Option[T]) -> T:
        raw = self._store.value(option.key, option.default)
        if raw is None:
            return option.default
        try:
            if option.type is bytes:
                return bytes(raw) if not isinstance(raw, bytes) else raw  # type: ignore[return-value]
            if option.type is int:
                return int(raw)  # type: ignore[return-value]
            return option.type(raw)  # type: ignore[return-value]
        except (TypeError, ValueError):
            return option.default

    def set(self, option: Option[T], value: T) -> None:
        self._store.setValue(option.key, value)

    def sync(self) -> None:
        self._store.sync()
