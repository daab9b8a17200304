"""The insats catalogue: the shipped list of insatser plus the team's own additions.

The catalogue is data (``resources/catalogue/insatser.json``), not code, so a
team can extend or correct it without a new release: a file
``insatser.json`` in the user's data directory is read after the shipped one;
an entry there with a known ``key`` replaces the shipped entry, a new key adds
one. See ``resources/catalogue/README.md`` for the file format.

Errors name the file, the entry (index and key) and the field, so whoever
edited the file by hand can find the mistake.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from sst_desk import paths

from sst_desk.workflow.codes import Assessment

CATALOGUE_FILENAME = "insatser.json"
_KEY = re.compile(r"^[a-z0-9][a-z0-9_-]*$")
_TEXT_FIELDS = ("name", "description", "target_ages", "evidence", "source")
_REQUIRED_TEXT = frozenset({"name"})
_KNOWN_FIELDS = frozenset({"key", "assessment", *_TEXT_FIELDS})


class CatalogueAssessment(str, Enum):
    """Whether an insats is given without needs-assessment, after a decision, or either way."""

    UTAN_BEHOVSPROVNING = "utan_behovsprovning"
    EFTER_BESLUT = "efter_beslut"
    BADA = "bada"

    def allows(self, assessment: Assessment) -> bool:
        """True when an insats of this kind fits a case with the given assessment."""
        return self is CatalogueAssessment.BADA or self.value == assessment.value


@dataclass(frozen=True)
class CatalogueEntry:
    """One insats in the catalogue. ``origin`` is the file it was read from."""

    key: str
    name: str
    description: str = ""
    target_ages: str = ""
    assessment: CatalogueAssessment = CatalogueAssessment.BADA
    evidence: str = ""
    source: str = ""
    origin: Path | None = field(default=None, compare=False)


class CatalogueError(ValueError):
    """A catalogue file that cannot be used; the message says where and what."""

    def __init__(
        self,
        path: Path,
        problem: str,
        *,
        index: int | None = None,
        key: str | None = None,
        field_name: str | None = None,
    ) -> None:
        self.path = path
        self.problem = problem
        self.index = index
        self.key = key
        self.field_name = field_name
        where = [str(path)]
        if index is not None:
            where.append(f"entry {index}" + (f" (key {key!r})" if key else ""))
        if field_name is not None:
            where.append(f"field {field_name!r}")
        super().__init__(", ".join(where) + ": " + problem)


def default_catalogue_paths() -> list[Path]:
    """The shipped catalogue, then the team's extension file if there is one."""
    result = [paths.resource("catalogue", CATALOGUE_FILENAME)]
    team_file = paths.data_dir() / CATALOGUE_FILENAME
    if team_file.is_file():
        result.append(team_file)
    return result


def load_catalogue(*paths: Path) -> list[CatalogueEntry]:
    """Read the files in order (later keys override earlier ones); sorted by Swedish name."""
    if not paths:
        paths = tuple(default_catalogue_paths())
    by_key: dict[str, CatalogueEntry] = {}
    for path in paths:
        for entry in read_catalogue_file(Path(path)):
            by_key[entry.key] = entry
    return sorted(by_key.values(), key=lambda e: (swedish_sort_key(e.name), e.key))


def read_catalogue_file(path: Path) -> list[CatalogueEntry]:
    """Parse and check one file; raise CatalogueError at the first problem."""
    try:
        # utf-8-sig: Windows Notepad saves UTF-8 with a byte-order mark.
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise CatalogueError(path, "file not found") from None
    except UnicodeDecodeError as exc:
        raise CatalogueError(path, f"not UTF-8 text (byte {exc.start})") from None
    except OSError as exc:
        raise CatalogueError(path, f"cannot be read ({exc.strerror})") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CatalogueError(path, f"not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})") from None
    if not isinstance(document, dict):
        raise CatalogueError(path, "the top level must be an object with 'version' and 'insatser'")
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise CatalogueError(path, "must be a whole number of at least 1", field_name="version")
    items = document.get("insatser")
    if not isinstance(items, list):
        raise CatalogueError(path, "must be a list of entries", field_name="insatser")
    entries: list[CatalogueEntry] = []
    seen: dict[str, int] = {}
    for index, item in enumerate(items):
        entry = _parse_entry(path, index, item)
        if entry.key in seen:
            raise CatalogueError(
                path, f"duplicate key, also used by entry {seen[entry.key]}",
                index=index, key=entry.key, field_name="key",
            )
        seen[entry.key] = index
        entries.append(entry)
    return entries


def _parse_entry(path: Path, index: int, item: object) -> CatalogueEntry:
    if not isinstance(item, dict):
        raise CatalogueError(path, "must be an object", index=index)
    raw_key = item.get("key")
    key = raw_key if isinstance(raw_key, str) else None

    def fail(field_name: str, problem: str) -> CatalogueError:
        return CatalogueError(path, problem, index=index, key=key, field_name=field_name)

    if key is None or not _KEY.match(key):
        raise fail("key", "must be a lower-case ASCII slug (a-z, 0-9, '_' or '-'), e.g. 'familjebehandling'")
    unknown = sorted(set(item) - _KNOWN_FIELDS)
    if unknown:
        # Catches typos such as "desciption", which would otherwise be silently empty.
        raise fail(unknown[0], "unknown field (known: " + ", ".join(sorted(_KNOWN_FIELDS)) + ")")
    texts: dict[str, str] = {}
    for name in _TEXT_FIELDS:
        value = item.get(name, "")
        if not isinstance(value, str):
            raise fail(name, "must be text")
        if name in _REQUIRED_TEXT and not value.strip():
            raise fail(name, "must not be empty")
        texts[name] = value.strip()
    raw_assessment = item.get("assessment", CatalogueAssessment.BADA.value)
    try:
        assessment = CatalogueAssessment(raw_assessment)
    except ValueError:
        allowed = ", ".join(a.value for a in CatalogueAssessment)
        raise fail("assessment", f"must be one of {allowed} (got {raw_assessment!r})") from None
    return CatalogueEntry(key=key, assessment=assessment, origin=path, **texts)


# Swedish alphabet order: å, ä, ö come after z; é sorts as e and ü as y.
# "{", "|" and "}" are the three code points right after "z".
_SWEDISH_LETTERS = str.maketrans({"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}", "ü": "y"})


def swedish_sort_key(text: str) -> str:
    """An approximation of Swedish collation that needs no locale installed."""
    folded = text.casefold().translate(_SWEDISH_LETTERS)
    decomposed = unicodedata.normalize("NFKD", folded)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))
