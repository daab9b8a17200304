"""Every option of SST Desk, declared once: its scope, type, default, range and title (Picard's ``options.py``).

An option belongs either to the **team** or to this **computer**:

* team options (retention, the boosterträff interval, the absence limits, the letterhead and the consent
  text) are the team's policy. They live in the team's database (table ``team_settings``), so two laptops
  of one team cannot gallra or print by different rules. They are read and changed through
  ``sst_desk.services.settings`` (changing them needs SETTINGS × EDIT: an administrator);
* computer options (language, window geometry, the last user name, backups kept, the idle lock) belong
  to one computer and live in QSettings (``sst_desk.settings.Settings``).

Pure Python (no Qt, no database): the services, the settings dialog and the tests read the same
declarations. ``problems`` checks a set of team values the same way for the dialog and for the service;
it returns codes (``SettingProblem``) that the dialog turns into sentences.

Titles and help texts are English source strings in the translation context ``SettingsDialog``; the
dialog shows them through ``QCoreApplication.translate("SettingsDialog", title)``. ``_t`` below only
marks them for ``scripts/update_translations.py``: it returns the text unchanged.
"""

from __future__ import annotations

import base64
import binascii
import enum
import math
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from typing import Any, Generic, TypeVar

T = TypeVar("T")
CONTEXT = "SettingsDialog"


class _Marker:
    """Marks a title for the translation script without translating it (no Qt here)."""

    @staticmethod
    def translate(_context: str, text: str) -> str:
        return text


def _t(text: str) -> str:
    return _Marker.translate(CONTEXT, text)


class Scope(enum.StrEnum):
    TEAM = "team"  # the team's database: the same on every laptop of the team
    COMPUTER = "computer"  # QSettings on this computer


class Unit(enum.StrEnum):
    """What a whole-number option counts (for the sentence that names its range)."""

    MONTHS = "months"
    YEARS = "years"
    MINUTES = "minutes"
    PERCENT = "percent"
    COUNT = "count"


class SettingProblem(enum.StrEnum):
    """Why a value cannot be saved; the dialog says it in words next to the field."""

    REQUIRED = "required"  # an empty team name
    RANGE = "range"  # not a whole number within the option's range
    TOO_LONG = "too_long"  # more characters than the option takes
    ALERT_NOT_ABOVE_WARN = "alert_not_above_warn"  # the high-absence limit must be above the first one
    TOO_MANY_LINES = "too_many_lines"  # more contact lines than fit in the letterhead
    LINE_TOO_LONG = "line_too_long"  # a contact line longer than fits beside the logo
    NOT_IMAGE = "not_image"  # the logo is not a PNG or JPEG
    IMAGE_TOO_LARGE = "image_too_large"  # the logo is larger than MAX_LOGO_BYTES
    UNKNOWN = "unknown"  # no such team option


MAX_CONTACT_LINES = 4  # what fits beside the logo in the letterhead (reports.base uses the same number)
MAX_CONTACT_LINE_CHARS = 80  # what fits beside the logo in the letterhead's small type
MAX_LOGO_BYTES = 5 * 1024 * 1024  # a letterhead logo is a few KiB; a photo by mistake would bloat every PDF
IMAGE_SIGNATURES = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff")  # PNG, JPEG


@dataclass(frozen=True)
class Option(Generic[T]):
    """One option: where it lives, what it holds, what it may be and what the person reads as its name.

    ``key`` is its QSettings key; for a team option it is where this computer kept it before the team's
    database did (read once, at the first start after the upgrade: ``sst_desk.settings.computer_team_values``).
    ``name`` is the attribute of ``TeamSettings`` and the settings dialog's field.
    """

    key: str
    type: type
    default: T
    scope: Scope = Scope.COMPUTER
    name: str = ""
    title: str = ""
    help: str = ""
    low: int | None = None  # whole numbers: the smallest and largest value allowed
    high: int | None = None
    unit: Unit | None = None
    max_length: int = 0  # text: the most characters (0: no limit of its own)
    choices: tuple[str, ...] = ()

    @property
    def team(self) -> bool:
        return self.scope is Scope.TEAM

    def problem(self, value: object) -> SettingProblem | None:
        """What is wrong with ``value`` for this option on its own; None when it can be saved."""
        if self.type is int:
            if (isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value)
                    or value != int(value)):
                return SettingProblem.RANGE
            if (self.low is not None and value < self.low) or (self.high is not None and value > self.high):
                return SettingProblem.RANGE
            return None
        if self.type is bytes:
            return None if isinstance(value, bytes) else SettingProblem.NOT_IMAGE
        if not isinstance(value, str):
            return SettingProblem.TOO_LONG
        if self.choices and value not in self.choices:
            return SettingProblem.UNKNOWN
        if self.max_length and len(value) > self.max_length:
            return SettingProblem.TOO_LONG
        return None

    def encode(self, value: T) -> str:
        """The value as stored in the team's database (text: whole numbers in digits, images in base64)."""
        if self.type is bytes:
            return base64.b64encode(bytes(value)).decode("ascii")  # type: ignore[arg-type]
        if self.type is int:
            return str(int(value))  # type: ignore[call-overload]
        return str(value)

    def decode(self, text: str) -> T:
        """A stored value back in its type; the default when it cannot be read or is out of range."""
        try:
            if self.type is bytes:
                value: Any = base64.b64decode(text.encode("ascii"), validate=True)
            elif self.type is int:
                value = int(text)
            else:
                value = str(text)
        except (TypeError, ValueError, binascii.Error):
            return self.default
        return self.default if self.problem(value) is not None else value


# --- this computer ----------------------------------------------------------------------------------------

LANGUAGE = Option[str]("ui/language", str, "sv", name="language", title=_t("Language"),
                       help=_t("Takes effect the next time SST Desk starts."), choices=("sv", "en"))
USER_NAME = Option[str]("user/display_name", str, "")
MAIN_GEOMETRY = Option[bytes]("ui/main_geometry", bytes, b"")
# The main window's docks and toolbars (QMainWindow.saveState): whether "Kommande" is shown, where, how wide.
MAIN_STATE = Option[bytes]("ui/main_state", bytes, b"")
CASE_GEOMETRY = Option[bytes]("ui/case_geometry", bytes, b"")
LAST_USER = Option[str]("security/last_user", str, "")  # pre-filled in the sign-in dialog (a name, never a password)
# The team server this computer signed in on last (``sst-desk --server URL``, or the first-run dialog's choice):
# a plain start goes there while this computer has no database file of its own.
LAST_SERVER = Option[str]("server/last_url", str, "")
# The CA file that vouches for each server's certificate, given once (``--ca-file`` or the sign-in dialog's
# "Choose CA file…"): a JSON object from server URL to file path (plain text, as every value here).
SERVER_CA_FILES = Option[str]("server/ca_files", str, "")
BACKUPS_TO_KEEP = Option[int](
    "backup/keep", int, 10, name="backups_to_keep", title=_t("Automatic backups to keep"),
    help=_t("One is taken each day SST Desk is used, and when it closes. The oldest beyond this number are "
            "deleted."), low=1, high=100, unit=Unit.COUNT)
IDLE_LOCK_MINUTES = Option[int](
    "security/idle_lock_minutes", int, 10, name="idle_lock_minutes", title=_t("Idle lock (minutes)"),
    help=_t("SST Desk locks itself after this many minutes without use; your password opens it again."),
    low=1, high=120, unit=Unit.MINUTES)

# --- the team (its database) -------------------------------------------------------------------------------

TEAM_NAME = Option[str]("team/name", str, "Skolsociala teamet", Scope.TEAM, "team_name",
                        _t("Team name on prints"), max_length=100)
BOOSTER_MONTHS = Option[int]("process/booster_months", int, 3, Scope.TEAM, "booster_months",
                             _t("Booster session after closing (months)"), low=1, high=24, unit=Unit.MONTHS)
# Gallring: a closed case is due this many whole years after avslut (or after its boosterträff).
RETENTION_YEARS = Option[int](
    "retention/years_after_close", int, 5, Scope.TEAM, "retention_years", _t("Retention (years after avslut)"),
    _t("A closed case is due for gallring this many whole years after avslut or its boosterträff, whichever "
       "is later. Follow your authority's dokumenthanteringsplan."), low=1, high=50, unit=Unit.YEARS)
# Skollinjen: absence over the current term at or above these flags the student.
ABSENCE_WARN_PERCENT = Option[int](
    "attendance/warn_percent", int, 10, Scope.TEAM, "absence_warn_percent", _t("Flag absence from (% of the term)"),
    _t("A student whose absence this term reaches this share is flagged in the case list and on the skollinje."),
    low=1, high=100, unit=Unit.PERCENT)
ABSENCE_ALERT_PERCENT = Option[int](
    "attendance/alert_percent", int, 50, Scope.TEAM, "absence_alert_percent", _t("High absence from (% of the term)"),
    _t("The second, stronger flag. Many teams use over 50 % of a term as a criterion."),
    low=1, high=100, unit=Unit.PERCENT)
# Statistics (issue 15): a group of fewer students than this is shown as "<N>", and what could reveal it is
# suppressed too (docs/statistics.md). Never below 5: fewer tells about a child.
STATS_MIN_CELL = Option[int](
    "statistics/min_cell", int, 5, Scope.TEAM, "stats_min_cell", _t("Smallest group in statistics (students)"),
    _t("The statistics show a group of fewer students than this only as \"fewer than\", and hide what would let "
       "it be worked out."), low=5, high=20, unit=Unit.COUNT)
# Document templates as data (issue 5): empty means the shipped default.
TEAM_CONTACT = Option[str]("documents/contact_lines", str, "", Scope.TEAM, "team_contact",
                           _t("Contact lines on documents"),
                           _t("Printed under the team's name at the top of the first page of every document."))
# The logo itself (PNG or JPEG bytes), not a path: a path on one laptop means nothing on the next.
# Before the team's database held it, this computer kept a path under the same key.
TEAM_LOGO = Option[bytes]("documents/logo_path", bytes, b"", Scope.TEAM, "team_logo", _t("Logo on documents"),
                          _t("Printed at the top left of the first page of every document."))
CONSENT_TEXT = Option[str]("documents/consent_text", str, "", Scope.TEAM, "consent_text", _t("Consent text"),
                           _t("What the samtycke form says is shared. Leave it empty to print the text shown in "
                              "grey."), max_length=4000)

ALL_OPTIONS: tuple[Option[Any], ...] = (  # in the settings dialog's order
    TEAM_NAME, BOOSTER_MONTHS, RETENTION_YEARS, ABSENCE_WARN_PERCENT, ABSENCE_ALERT_PERCENT, STATS_MIN_CELL,
    TEAM_CONTACT, TEAM_LOGO, CONSENT_TEXT,
    LANGUAGE, BACKUPS_TO_KEEP, IDLE_LOCK_MINUTES, USER_NAME, LAST_USER, MAIN_GEOMETRY, MAIN_STATE, CASE_GEOMETRY,
    LAST_SERVER, SERVER_CA_FILES,
)
TEAM_OPTIONS: tuple[Option[Any], ...] = tuple(o for o in ALL_OPTIONS if o.team)
COMPUTER_OPTIONS: tuple[Option[Any], ...] = tuple(o for o in ALL_OPTIONS if not o.team)
BY_NAME: dict[str, Option[Any]] = {o.name: o for o in ALL_OPTIONS if o.name}


def contact_lines(text: str) -> tuple[str, ...]:
    """The contact setting as printed: one line each, blank lines and surrounding spaces dropped."""
    return tuple(line.strip() for line in text.splitlines() if line.strip())


def image_problem(data: bytes) -> SettingProblem | None:
    """A logo's bytes at a glance: a PNG or JPEG no larger than ``MAX_LOGO_BYTES`` (b"" is no logo)."""
    if not data:
        return None
    if len(data) > MAX_LOGO_BYTES:
        return SettingProblem.IMAGE_TOO_LARGE
    return None if data.startswith(IMAGE_SIGNATURES) else SettingProblem.NOT_IMAGE


@dataclass(frozen=True)
class TeamSettings:
    """The team's settings as read from its database: one typed attribute per team option."""

    team_name: str = TEAM_NAME.default
    booster_months: int = BOOSTER_MONTHS.default
    retention_years: int = RETENTION_YEARS.default
    absence_warn_percent: int = ABSENCE_WARN_PERCENT.default
    absence_alert_percent: int = ABSENCE_ALERT_PERCENT.default
    stats_min_cell: int = STATS_MIN_CELL.default
    team_contact: str = TEAM_CONTACT.default
    team_logo: bytes = field(default=TEAM_LOGO.default, repr=False)
    consent_text: str = CONSENT_TEXT.default

    @classmethod
    def from_stored(cls, stored: Mapping[str, str]) -> TeamSettings:
        """From the ``team_settings`` rows (name → text); a missing or unreadable value is its default."""
        return cls(**{o.name: o.decode(stored[o.name]) for o in TEAM_OPTIONS if o.name in stored})

    def value(self, option: Option[T]) -> T:
        return getattr(self, option.name)

    def as_dict(self) -> dict[str, object]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @property
    def contact(self) -> tuple[str, ...]:
        """The contact lines as printed."""
        return contact_lines(self.team_contact)


def normalised(name: str, value: object) -> object:
    """A value as it is saved: text stripped, contact lines one per line, whole numbers as ``int``."""
    option = BY_NAME.get(name)
    if option is None:
        return value
    if option.type is int and isinstance(value, float) and value == int(value):
        return int(value)
    if name == TEAM_CONTACT.name and isinstance(value, str):
        return "\n".join(contact_lines(value))
    if option.type is str and isinstance(value, str):
        return value.strip()
    return value


def problems(values: Mapping[str, object]) -> dict[str, SettingProblem]:
    """What is wrong with a set of team values (by option name); empty when they can all be saved.

    ``values`` holds every team option (``TeamSettings.as_dict()`` with the changes applied), so the rules
    between two options (the high-absence limit above the first) see both.
    """
    found: dict[str, SettingProblem] = {}
    for name, value in values.items():
        option = BY_NAME.get(name)
        if option is None or not option.team:
            found[name] = SettingProblem.UNKNOWN
            continue
        problem = option.problem(value)
        if problem is not None:
            found[name] = problem
    if TEAM_NAME.name in values and TEAM_NAME.name not in found and not str(values[TEAM_NAME.name]).strip():
        found[TEAM_NAME.name] = SettingProblem.REQUIRED
    warn, alert = values.get(ABSENCE_WARN_PERCENT.name), values.get(ABSENCE_ALERT_PERCENT.name)
    if (warn is not None and alert is not None and not found.keys() & {ABSENCE_WARN_PERCENT.name,
                                                                      ABSENCE_ALERT_PERCENT.name}
            and warn >= alert):  # type: ignore[operator]
        found[ABSENCE_ALERT_PERCENT.name] = SettingProblem.ALERT_NOT_ABOVE_WARN
    contact = values.get(TEAM_CONTACT.name)
    if isinstance(contact, str) and TEAM_CONTACT.name not in found:
        lines = contact_lines(contact)
        if len(lines) > MAX_CONTACT_LINES:
            found[TEAM_CONTACT.name] = SettingProblem.TOO_MANY_LINES
        elif any(len(line) > MAX_CONTACT_LINE_CHARS for line in lines):
            found[TEAM_CONTACT.name] = SettingProblem.LINE_TOO_LONG
    logo = values.get(TEAM_LOGO.name)
    if isinstance(logo, bytes) and TEAM_LOGO.name not in found:
        problem = image_problem(logo)
        if problem is not None:
            found[TEAM_LOGO.name] = problem
    return found
