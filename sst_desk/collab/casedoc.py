"""An open case as a shared document (issue 14): the Case graph as a pycrdt ``Doc``.

Two people in one meeting type into the same handlingsplan; a laptop that was offline comes back with its
edits. pycrdt (the Yjs CRDT) merges their changes — we write no merge algorithm. This module is only the
mapping between ``workflow.entities.Case`` and the document, in both directions, and it is pure: no Qt, no
database, no network.

The layout (docs/server.md, "Case rooms"):

* ``doc["case"]`` — a ``Map``: the Case record. ``doc["meta"]`` — a ``Map`` the server writes: ``revision``
  (the stored revision the room last saved or loaded), ``saved_at``, ``saved_by``, ``problem``.
* Every record (the case, its student, each guardian, consent, goal, insats …) is a ``Map`` with ``"key"``
  (stable and never changed: ``"Goal:12"`` for a stored record, a uuid for one made in the document), ``"id"``
  (the database id, None until stored) and one entry per dataclass field, chosen by the field's type:

  - a plain ``str`` → a shared ``Text`` (two people typing in it both keep their characters);
  - an enum → its value; a date or datetime → ISO text; a time of day → "HH:MM" (seconds dropped); int,
    float, bool, None, ``str | None`` → as they are
    (a number comes back as a float: Yjs numbers are JavaScript's; the reader converts by the field's type);
  - a list of codes (parties, factors …) → a ``Map`` used as a set ``{code: True}``, so two people ticking
    different boxes both count;
  - a list of records → an ``Array`` of record Maps, in list order; an owned record (student, kartläggning)
    → a record Map, or None;
  - a reference (an insats's goal, a consent's guardian, a rating's goal) → the referenced record's key.

``Case.revision`` is not in ``doc["case"]``: it belongs to the stored case (``meta.revision``).

Reading (``read_case``) builds a detached Case graph and remembers each object's key (``key_of``), so a widget
showing that object can find its shared node again (``record_map``, ``text_of``) and a dialog's edited record
can be written back (``apply_case``) as the smallest change: a text by its common prefix and suffix (a
colleague's typing elsewhere in the same text survives), records matched by key or database id, new records
inserted where they stand, missing ones deleted.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import enum
import re
import types
import typing
import uuid
import weakref
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pycrdt import Array, Doc, Map, Text

from sst_desk.workflow import entities
from sst_desk.workflow.entities import Case

ORIGIN_SERVER = "server"
"""The transaction origin of the server's own writes (a save's ids, a change made outside the room)."""

CASE = "case"
META = "meta"


class _Kind(enum.Enum):
    TEXT = "text"
    VALUE = "value"  # str | None, bool, int, float
    ENUM = "enum"
    DATE = "date"
    DATETIME = "datetime"
    TIME = "time"  # a time of day, "HH:MM" (minutes only: a meeting's start)
    CODES = "codes"  # list of an enum, kept as a set
    RECORDS = "records"  # list of records
    RECORD = "record"  # an owned record, or None
    REF = "ref"  # a reference to a record elsewhere in the case


@dataclass(frozen=True)
class _Field:
    name: str
    kind: _Kind
    type: Any = None  # the enum, the record class, or the scalar's Python type


REFERENCES = {("Insats", "goal"), ("Consent", "guardian"), ("GoalRating", "goal")}
"""Fields that point at a record owned elsewhere in the case (stored as that record's key)."""

SKIPPED = {("Case", "revision"), ("Case", "id")}


def _kind_of(owner: type, name: str, hint: Any) -> _Field:
    if (owner.__name__, name) in REFERENCES:
        return _Field(name, _Kind.REF, _strip_optional(hint))
    if hint is str:
        return _Field(name, _Kind.TEXT, str)
    inner = _strip_optional(hint)
    if typing.get_origin(inner) is list:
        (item,) = typing.get_args(inner)
        if isinstance(item, type) and issubclass(item, enum.Enum):
            return _Field(name, _Kind.CODES, item)
        if dataclasses.is_dataclass(item):
            return _Field(name, _Kind.RECORDS, item)
        raise TypeError(f"{owner.__name__}.{name}: a list of {item!r} has no place in the document")
    if isinstance(inner, type):
        if issubclass(inner, enum.Enum):
            return _Field(name, _Kind.ENUM, inner)
        if issubclass(inner, dt.datetime):
            return _Field(name, _Kind.DATETIME, inner)
        if issubclass(inner, dt.date):
            return _Field(name, _Kind.DATE, inner)
        if issubclass(inner, dt.time):
            return _Field(name, _Kind.TIME, inner)
        if dataclasses.is_dataclass(inner):
            return _Field(name, _Kind.RECORD, inner)
        if inner in (str, bool, int, float):
            return _Field(name, _Kind.VALUE, inner)
    raise TypeError(f"{owner.__name__}.{name}: the type {hint!r} has no place in the document")


def _strip_optional(hint: Any) -> Any:
    if typing.get_origin(hint) in (typing.Union, types.UnionType):
        rest = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(rest) == 1:
            return rest[0]
    return hint


_SCHEMA: dict[type, tuple[_Field, ...]] = {}


def schema(cls: type) -> tuple[_Field, ...]:
    """The document fields of a record class (every dataclass field but ``id`` and the skipped ones)."""
    found = _SCHEMA.get(cls)
    if found is None:
        hints = typing.get_type_hints(cls, vars(entities))
        found = tuple(_kind_of(cls, f.name, hints[f.name]) for f in dataclasses.fields(cls)
                      if f.name != "id" and (cls.__name__, f.name) not in SKIPPED)
        _SCHEMA[cls] = found
    return found


# --- keys -------------------------------------------------------------------------------------------------

_KEYS: weakref.WeakKeyDictionary[object, str] = weakref.WeakKeyDictionary()


def key_of(obj: object) -> str | None:
    """The document key of an object read from a document (``read_case``) or written to one; else None."""
    try:
        return _KEYS.get(obj)
    except TypeError:
        return None


def stored_key(obj: object) -> str | None:
    """The key a stored record gets when a document is made from the tables: ``"Goal:12"``."""
    record_id = getattr(obj, "id", None)
    return None if record_id is None else f"{type(obj).__name__}:{record_id}"


def _new_key() -> str:
    return uuid.uuid4().hex


# --- encoding ---------------------------------------------------------------------------------------------

def _encode(spec: _Field, value: Any) -> Any:
    if value is None:
        return None
    if spec.kind is _Kind.ENUM:
        return value.value
    if spec.kind in (_Kind.DATE, _Kind.DATETIME):
        return value.isoformat()
    if spec.kind is _Kind.TIME:
        return value.isoformat(timespec="minutes")
    return value


_HH_MM = re.compile(r"[0-2][0-9]:[0-5][0-9]")

_JSON_TYPES: dict[Any, tuple[type, ...]] = {str: (str,), int: (int, float), float: (int, float), bool: (bool,)}


def _decode(spec: _Field, value: Any) -> Any:
    """A plain value of the document as the field's type; ``DocumentError`` when it is of another kind (a
    hostile client's map where a personnummer belongs must not be stored as its text)."""
    if value is None:
        return None
    try:
        if spec.kind is _Kind.ENUM:
            if isinstance(value, bool) or not isinstance(value, (str, int, float)):
                raise TypeError("not a code")
            enum_type = spec.type
            if issubclass(enum_type, int):
                if value != int(value):
                    raise ValueError("not a whole number")
                value = int(value)
            return enum_type(value)
        if spec.kind in (_Kind.DATETIME, _Kind.DATE):
            if not isinstance(value, str):
                raise TypeError("not a date")
            if spec.kind is _Kind.DATETIME:
                return dt.datetime.fromisoformat(value)
            return dt.date.fromisoformat(value)
        if spec.kind is _Kind.TIME:
            if not isinstance(value, str) or not _HH_MM.fullmatch(value):
                raise TypeError("not a time HH:MM")
            return dt.time.fromisoformat(value)
        if spec.kind is _Kind.VALUE:
            allowed = _JSON_TYPES[spec.type]
            if not isinstance(value, allowed) or (spec.type is not bool and isinstance(value, bool)):
                raise TypeError(f"not a {spec.type.__name__}")
            if spec.type is int:
                if value != int(value):
                    raise ValueError("not a whole number")
                return int(value)
            return spec.type(value)
    except (ValueError, TypeError, OverflowError) as exc:
        raise DocumentError(f"{spec.name}: {value!r} cannot be read ({exc})") from exc
    return value


class DocumentError(ValueError):
    """A document whose content does not fit the case's shape (sent by a faulty or hostile client)."""


# --- writing a whole case ---------------------------------------------------------------------------------

def new_doc(case: Case) -> Doc:
    """A new document holding ``case`` (stored records keyed by their ids)."""
    doc = Doc()
    fill_doc(doc, case)
    return doc


def fill_doc(doc: Doc, case: Case, *, origin: Any = None) -> None:
    """Put ``case`` into an empty document, with ``meta.revision`` set to the case's revision."""
    keys = _KeyPlan(None, case)
    with doc.transaction(origin=origin):
        doc[CASE] = root = Map()
        doc[META] = meta = Map()
        for name, value in _prelim_fields(case, keys).items():
            root[name] = value
        meta["revision"] = case.revision
        meta["problem"] = ""
    _register(case, keys)


def _prelim_fields(obj: object, keys: _KeyPlan) -> dict[str, Any]:
    entries: dict[str, Any] = {"key": keys.key(obj), "id": getattr(obj, "id", None)}
    for spec in schema(type(obj)):
        entries[spec.name] = _prelim_value(spec, getattr(obj, spec.name), keys)
    return entries


def _prelim_value(spec: _Field, value: Any, keys: _KeyPlan) -> Any:
    if spec.kind is _Kind.TEXT:
        return Text(value or "")
    if spec.kind is _Kind.CODES:
        return Map({code.value: True for code in value or ()})
    if spec.kind is _Kind.RECORDS:
        return Array([Map(_prelim_fields(item, keys)) for item in value or ()])
    if spec.kind is _Kind.RECORD:
        return None if value is None else Map(_prelim_fields(value, keys))
    if spec.kind is _Kind.REF:
        return None if value is None else keys.key(value)
    return _encode(spec, value)


# --- reading ----------------------------------------------------------------------------------------------

def read_case(doc: Doc) -> Case:
    """A detached Case graph built from the document; each object's key is remembered (``key_of``).

    Raises ``DocumentError`` when the document does not hold a case of the right shape.
    """
    root = doc.get(CASE, type=Map)
    data = root.to_py() or {}
    if not data:
        raise DocumentError("the document holds no case")
    by_key: dict[str, object] = {}
    pending: list[tuple[object, str, str]] = []  # (object, field, referenced key)
    case = _build(Case, data, by_key, pending)
    for obj, name, ref in pending:
        setattr(obj, name, by_key.get(ref))  # a record deleted meanwhile: no reference
    meta = doc.get(META, type=Map)
    revision = meta.get("revision")
    case.revision = int(revision) if revision is not None else 1
    if case.id is None:
        case.id = _id_from_key(data.get("key"))
    return case


def _id_from_key(key: Any) -> int | None:
    if isinstance(key, str) and key.startswith("Case:"):
        try:
            return int(key.split(":", 1)[1])
        except ValueError:
            return None
    return None


def _build(cls: type, data: dict[str, Any], by_key: dict[str, object],
           pending: list[tuple[object, str, str]]) -> Any:
    if not isinstance(data, dict):
        raise DocumentError(f"{cls.__name__}: a record is not a map")
    values: dict[str, Any] = {}
    refs: list[tuple[str, str]] = []
    for spec in schema(cls):
        raw = data.get(spec.name)
        if spec.kind is _Kind.TEXT:
            if raw is not None and not isinstance(raw, str):
                raise DocumentError(f"{cls.__name__}.{spec.name}: not a text")
            values[spec.name] = raw or ""
        elif spec.kind is _Kind.CODES:
            chosen = raw if isinstance(raw, dict) else {}
            values[spec.name] = [code for code in spec.type if chosen.get(code.value)]
        elif spec.kind is _Kind.RECORDS:
            values[spec.name] = [_build(spec.type, item, by_key, pending) for item in (raw or [])]
        elif spec.kind is _Kind.RECORD:
            values[spec.name] = None if raw is None else _build(spec.type, raw, by_key, pending)
        elif spec.kind is _Kind.REF:
            values[spec.name] = None
            if isinstance(raw, str):
                refs.append((spec.name, raw))
        else:
            values[spec.name] = _decode(spec, raw)
    record_id = data.get("id")
    if "id" in {f.name for f in dataclasses.fields(cls)}:
        values["id"] = None if record_id is None else int(record_id)
    try:
        obj = cls(**values)
    except TypeError as exc:
        raise DocumentError(f"{cls.__name__}: {exc}") from exc
    key = data.get("key")
    if isinstance(key, str):
        by_key[key] = obj
        _KEYS[obj] = key
    for name, ref in refs:
        pending.append((obj, name, ref))
    return _numbered(obj)


def _numbered(obj: Any) -> Any:
    """A plan's goals and insatser numbered by their order in the document (as a save numbers them)."""
    plan_lists = ("goals", "insatser")
    if isinstance(obj, entities.Handlingsplan):
        for name in plan_lists:
            for position, item in enumerate(getattr(obj, name)):
                item.position = position
    return obj


def _register(case: Case, keys: _KeyPlan) -> None:
    for obj in _walk(case):
        key = keys.known.get(id(obj))
        if key is not None:
            _KEYS[obj] = key


def _walk(obj: object) -> Iterator[object]:
    """Every record in a case graph, the case first (references not followed)."""
    yield obj
    for spec in schema(type(obj)):
        value = getattr(obj, spec.name)
        if spec.kind is _Kind.RECORDS:
            for item in value or ():
                yield from _walk(item)
        elif spec.kind is _Kind.RECORD and value is not None:
            yield from _walk(value)


# --- the document's records -------------------------------------------------------------------------------

def records(doc: Doc) -> dict[str, Map]:
    """Every record Map of the document by key."""
    found: dict[str, Map] = {}
    root = doc.get(CASE, type=Map)
    _collect(root, Case, found)
    return found


def _collect(node: Map, cls: type, found: dict[str, Map]) -> None:
    key = node.get("key")
    if isinstance(key, str):
        found[key] = node
    for spec in schema(cls):
        if spec.kind is _Kind.RECORDS:
            items = node.get(spec.name)
            if isinstance(items, Array):
                for item in items:
                    if isinstance(item, Map):
                        _collect(item, spec.type, found)
        elif spec.kind is _Kind.RECORD:
            child = node.get(spec.name)
            if isinstance(child, Map):
                _collect(child, spec.type, found)


def record_map(doc: Doc, obj: object) -> Map | None:
    """The record Map of ``obj`` (an object of a Case read from or written to this document), or None."""
    key = key_of(obj) or stored_key(obj)
    if key is None:
        return None
    return records(doc).get(key)


def text_of(doc: Doc, obj: object, attr: str) -> Text | None:
    """The shared text of ``obj.attr`` (a plain ``str`` field), or None when there is none."""
    node = record_map(doc, obj)
    value = node.get(attr) if node is not None else None
    return value if isinstance(value, Text) else None


# --- applying a changed case ------------------------------------------------------------------------------

class _KeyPlan:
    """The key each object of a case will have in the document (known, by database id, or new)."""

    def __init__(self, doc: Doc | None, case: Case) -> None:
        self.known: dict[int, str] = {}  # id(object) -> key
        self._by_stored: dict[str, str] = {}  # "Goal:12" -> the key of the Map holding id 12
        if doc is not None and CASE in doc.keys():
            self._index_stored(doc.get(CASE, type=Map), Case)

    def _index_stored(self, node: Map, cls: type) -> None:
        key, record_id = node.get("key"), node.get("id")
        if isinstance(key, str) and record_id is not None:
            self._by_stored[f"{cls.__name__}:{int(record_id)}"] = key
        for spec in schema(cls):
            if spec.kind is _Kind.RECORDS:
                items = node.get(spec.name)
                if isinstance(items, Array):
                    for item in items:
                        if isinstance(item, Map):
                            self._index_stored(item, spec.type)
            elif spec.kind is _Kind.RECORD:
                child = node.get(spec.name)
                if isinstance(child, Map):
                    self._index_stored(child, spec.type)

    def key(self, obj: object) -> str:
        found = self.known.get(id(obj))
        if found is not None:
            return found
        key = key_of(obj)
        if key is None:
            stored = stored_key(obj)
            if stored is not None:
                key = self._by_stored.get(stored, stored)
        if key is None:
            key = _new_key()
        self.known[id(obj)] = key
        return key


def apply_case(doc: Doc, case: Case, *, origin: Any = None) -> None:
    """Write into the document what differs between ``case`` and the document's content, as small changes.

    Texts by their common prefix and suffix; records matched by key (``key_of``), else by database id; a new
    record is inserted after the record it follows in ``case``; a record no longer in ``case`` is deleted.
    An empty document is filled. One transaction (``origin``: whose change it is).
    """
    keys = _KeyPlan(doc, case)
    if CASE not in doc.keys() or not doc.get(CASE, type=Map).to_py():
        fill_doc(doc, case, origin=origin)
        return
    with doc.transaction(origin=origin):
        _apply_record(doc.get(CASE, type=Map), case, keys)
        meta = doc.get(META, type=Map)
        if meta.get("revision") is None:
            meta["revision"] = case.revision
    _register(case, keys)


def _apply_record(node: Map, obj: object, keys: _KeyPlan) -> None:
    key = keys.key(obj)
    if node.get("key") != key:
        node["key"] = key
    record_id = getattr(obj, "id", None)
    if record_id is not None and node.get("id") != record_id:
        node["id"] = record_id
    for spec in schema(type(obj)):
        value = getattr(obj, spec.name)
        current = node.get(spec.name)
        if spec.kind is _Kind.TEXT:
            if isinstance(current, Text):
                set_text(current, value or "")
            else:
                node[spec.name] = Text(value or "")
        elif spec.kind is _Kind.CODES:
            wanted = {code.value for code in value or ()}
            if not isinstance(current, Map):
                node[spec.name] = Map({code: True for code in wanted})
                continue
            for code in list(current.keys()):
                if code not in wanted:
                    del current[code]
            for code in wanted:
                if not current.get(code):
                    current[code] = True
        elif spec.kind is _Kind.RECORDS:
            if not isinstance(current, Array):
                node[spec.name] = Array([Map(_prelim_fields(item, keys)) for item in value or ()])
                continue
            _apply_list(current, list(value or ()), keys)
        elif spec.kind is _Kind.RECORD:
            if value is None:
                if current is not None:
                    node[spec.name] = None
            elif isinstance(current, Map) and current.get("key") == keys.key(value):
                _apply_record(current, value, keys)
            else:
                node[spec.name] = Map(_prelim_fields(value, keys))
        elif spec.kind is _Kind.REF:
            wanted_ref = None if value is None else keys.key(value)
            if current != wanted_ref:
                node[spec.name] = wanted_ref
        else:
            encoded = _encode(spec, value)
            if not _same_scalar(current, encoded):
                node[spec.name] = encoded


def _same_scalar(current: Any, encoded: Any) -> bool:
    if current is None or encoded is None:
        return current is encoded
    if isinstance(encoded, bool) or isinstance(current, bool):
        return type(current) is type(encoded) and current == encoded
    return current == encoded


def _apply_list(array: Array, items: list[object], keys: _KeyPlan) -> None:
    wanted = [keys.key(item) for item in items]
    wanted_set = set(wanted)
    for index in range(len(array) - 1, -1, -1):  # deletions first, from the end
        node = array[index]
        if not isinstance(node, Map) or node.get("key") not in wanted_set:
            del array[index]
    position = {array[i].get("key"): i for i in range(len(array))}
    previous = -1
    for item, key in zip(items, wanted):
        index = position.get(key)
        if index is None:
            array.insert(previous + 1, Map(_prelim_fields(item, keys)))
            position = {array[i].get("key"): i for i in range(len(array))}
            previous += 1
        else:
            _apply_record(array[index], item, keys)
            previous = max(previous, index)


def utf8_offset(value: str, index: int) -> int:
    """The position pycrdt uses for the ``index``-th character of ``value``: its UTF-8 byte offset.

    A trap (docs/collab.md): pycrdt's ``Text`` counts in UTF-8 bytes — ``insert``, ``del text[a:b]`` and the
    deltas its events carry (``retain``/``delete``) — not in characters. "Närvaro" is 8 bytes long; a
    position inside the two bytes of "ä" makes Yrs panic. Convert every position that crosses the boundary.
    """
    return len(value[:index].encode("utf-8"))


def char_index(value: str, offset: int) -> int:
    """The character index in ``value`` at the UTF-8 byte ``offset`` (the inverse of ``utf8_offset``)."""
    return len(value.encode("utf-8")[:offset].decode("utf-8", errors="ignore"))


def set_text(text: Text, value: str) -> None:
    """Make ``text`` read ``value`` by replacing only the part between their common prefix and suffix."""
    old = str(text)
    if old == value:
        return
    start = 0
    limit = min(len(old), len(value))
    while start < limit and old[start] == value[start]:
        start += 1
    end_old, end_new = len(old), len(value)
    while end_old > start and end_new > start and old[end_old - 1] == value[end_new - 1]:
        end_old -= 1
        end_new -= 1
    at = utf8_offset(old, start)
    if end_old > start:
        del text[at:utf8_offset(old, end_old)]
    if end_new > start:
        text.insert(at, value[start:end_new])


# --- ids after a save -------------------------------------------------------------------------------------

def assign_ids(doc: Doc, saved: Case, *, origin: Any = ORIGIN_SERVER) -> None:
    """Write the database ids of records stored by a save into their Maps (matched in parallel structure).

    A record Map without an id is matched with a stored record of the same list whose id the document does
    not hold yet: the first one with the same content, else the next in order.
    """
    with doc.transaction(origin=origin):
        root = doc.get(CASE, type=Map)
        if root.get("id") is None and saved.id is not None:
            root["id"] = saved.id
        _assign(root, saved)


def _assign(node: Map, obj: object) -> None:
    for spec in schema(type(obj)):
        if spec.kind is _Kind.RECORD:
            child, value = node.get(spec.name), getattr(obj, spec.name)
            if isinstance(child, Map) and value is not None:
                if child.get("id") is None and value.id is not None:
                    child["id"] = value.id
                _assign(child, value)
        elif spec.kind is _Kind.RECORDS:
            array, stored = node.get(spec.name), list(getattr(obj, spec.name) or ())
            if not isinstance(array, Array):
                continue
            maps = [m for m in array if isinstance(m, Map)]
            held = {int(m.get("id")) for m in maps if m.get("id") is not None}
            by_id = {item.id: item for item in stored if item.id is not None}
            fresh = [item for item in stored if item.id is not None and item.id not in held]
            for child in maps:
                record_id = child.get("id")
                if record_id is None:
                    match = _same_content(child, fresh) or (fresh[0] if fresh else None)
                    if match is None:
                        continue
                    fresh.remove(match)
                    child["id"] = match.id
                    _assign(child, match)
                elif int(record_id) in by_id:
                    _assign(child, by_id[int(record_id)])


def _same_content(node: Map, candidates: list[Any]) -> Any:
    data = node.to_py() or {}
    for candidate in candidates:
        if all(data.get(spec.name) == (str(getattr(candidate, spec.name) or ""))
               for spec in schema(type(candidate)) if spec.kind is _Kind.TEXT):
            return candidate
    return None


# --- putting right a document of the wrong shape ----------------------------------------------------------

def repair(doc: Doc, base: Case, *, origin: Any = ORIGIN_SERVER) -> list[str]:
    """Put right, from ``base`` (the case as last stored), every part of the document whose shape the case
    cannot have — written by a faulty or hostile client — and leave every well-formed part as it is (the
    others' typing stays). Returns the places put right (``"case.plans[0].goals"``…), empty when none was.

    A text that is not a text, a list that is not a list, a record that is not a map, a date that is not a
    date…: each takes ``base``'s value (or none, in a record ``base`` does not have). ``read_case`` reads the
    document after this.
    """
    fixed: list[str] = []
    keys = _KeyPlan(doc, base)
    with doc.transaction(origin=origin):
        root = doc.get(CASE, type=Map)
        _repair_record(root, Case, base, keys, "case", fixed)
    return fixed


def _repair_record(node: Map, cls: type, base: Any, keys: _KeyPlan, path: str, fixed: list[str]) -> None:
    if base is not None and not isinstance(node.get("key"), str):
        node["key"] = keys.key(base)
        fixed.append(f"{path}.key")
    record_id = node.get("id")
    if record_id is not None and not isinstance(record_id, (int, float)):
        node["id"] = getattr(base, "id", None)
        fixed.append(f"{path}.id")
    for spec in schema(cls):
        place = f"{path}.{spec.name}"
        current = node.get(spec.name)
        wanted = getattr(base, spec.name) if base is not None else None
        if spec.kind is _Kind.TEXT:
            if not isinstance(current, Text):
                node[spec.name] = Text(wanted or "")
                fixed.append(place)
        elif spec.kind is _Kind.CODES:
            if not isinstance(current, Map):
                node[spec.name] = _prelim_value(spec, wanted, keys)
                fixed.append(place)
        elif spec.kind is _Kind.RECORDS:
            if not isinstance(current, Array):
                node[spec.name] = _prelim_value(spec, wanted, keys)
                fixed.append(place)
                continue
            stored = {keys.key(item): item for item in wanted or ()}
            for index in range(len(current) - 1, -1, -1):
                item = current[index]
                if not isinstance(item, Map):
                    del current[index]
                    fixed.append(f"{place}[{index}]")
                else:
                    _repair_record(item, spec.type, stored.get(item.get("key")), keys, f"{place}[{index}]", fixed)
        elif spec.kind is _Kind.RECORD:
            if current is None:
                continue
            if not isinstance(current, Map):
                node[spec.name] = _prelim_value(spec, wanted, keys)
                fixed.append(place)
            else:
                _repair_record(current, spec.type, wanted, keys, place, fixed)
        elif spec.kind is _Kind.REF:
            if current is not None and not isinstance(current, str):
                node[spec.name] = _prelim_value(spec, wanted, keys)
                fixed.append(place)
        else:
            try:
                _decode(spec, current)
            except DocumentError:
                node[spec.name] = _encode(spec, wanted)
                fixed.append(place)
