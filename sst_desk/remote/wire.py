"""What goes over the wire between the team server and its clients: an allowlist of types, as JSON.

``encode(obj)`` turns a value into something ``json.dumps`` takes; ``decode(data)`` turns it back. Only
these round-trip:

* ``None``, ``bool``, ``int``, ``float`` (also NaN and infinities), ``str``, ``list``;
* ``tuple``, ``dict`` (with ``str`` keys as a JSON object, other hashable allowed keys as pairs), ``frozenset``, ``set``, ``bytes``, ``Decimal``, ``date``,
  ``datetime`` (an aware one stays aware, with its offset), ``time``, ``timedelta``, ``pathlib`` paths
  (values only: which use cases may take a path over the wire is the server's decision, docs/server.md);
* the dataclasses and enums *defined in* the modules of ``_MODULES`` (the workflow's entities and rules,
  the services' results, the attendance import's specification…) and the classes of ``_EXTRA``;
* the exceptions of the exception table (``EXCEPTIONS``; ``register_exception`` adds one), so the client
  re-raises the class the service raised, with the same ``args`` and attributes.

Anything else is refused with ``WireError`` naming the type. Decoding looks a class up in the table built
here, by the name the encoder wrote; it never imports anything and never unpickles.

Shared references stay shared: every dataclass object is written once, the first time it is met, with a
number (``"@"``); later meetings write ``{"$": "ref", "@": n}`` and decode to the same object. So
``Insats.goal`` and the plan's ``Goal``, or ``Consent.guardian`` and the student's ``Guardian``, come back as
one object, also for new objects without an id. An object is made through its constructor once its fields
are read (the entities are mapped by SQLAlchemy), so a graph with a cycle is refused; the case graph has none.

The shape: JSON scalars and lists stand for themselves; every other value is an object with a ``"$"`` tag.
"""

from __future__ import annotations

import base64
import dataclasses
import datetime as dt
import enum
import importlib
import math
import pathlib
import threading
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from types import ModuleType
from typing import Any

#: Modules whose own dataclasses and enums (those defined in the module, not imported into it) go over
#: the wire. Listed by name so that this module imports them only when the tables are first built.
_MODULES: tuple[str, ...] = (
    "sst_desk.workflow.access",
    "sst_desk.workflow.accounts",
    "sst_desk.workflow.agenda",
    "sst_desk.workflow.attendance",
    "sst_desk.workflow.attention",
    "sst_desk.workflow.caselist",
    "sst_desk.workflow.catalogue",
    "sst_desk.workflow.codes",
    "sst_desk.workflow.consent_rules",
    "sst_desk.workflow.entities",
    "sst_desk.workflow.intake",
    "sst_desk.workflow.logchain",
    "sst_desk.workflow.merge",
    "sst_desk.workflow.problems",
    "sst_desk.workflow.process",
    "sst_desk.workflow.retention",
    "sst_desk.workflow.rules_case",
    "sst_desk.workflow.skollinje",
    "sst_desk.workflow.stats_model",
    "sst_desk.workflow.status",
    "sst_desk.workflow.steps",
    "sst_desk.services.accounts",
    "sst_desk.services.cases",
    "sst_desk.services.offline",
    "sst_desk.services.printing",
    "sst_desk.services.statistics",
    "sst_desk.importers.attendance_spec",
    "sst_desk.persistence.attendance",
    "sst_desk.persistence.backups",
    "sst_desk.persistence.gallring",
)

#: Exceptions the services raise, by module and class name (the subclasses of an entry that are not
#: entries themselves travel as the nearest entry above them). ``register_exception`` adds more.
_EXCEPTION_NAMES: tuple[tuple[str, str], ...] = (
    ("sst_desk.persistence.errors", "DatabaseError"),
    ("sst_desk.persistence.errors", "NotADatabaseError"),
    ("sst_desk.persistence.errors", "LocationNotWritableError"),
    ("sst_desk.persistence.errors", "NewerDatabaseError"),
    ("sst_desk.persistence.errors", "DatabaseUnavailableError"),
    ("sst_desk.persistence.errors", "UpgradeFailedError"),
    ("sst_desk.persistence.errors", "CaseNotFound"),
    ("sst_desk.persistence.errors", "ConcurrentEditError"),
    ("sst_desk.persistence.errors", "SaveConflict"),
    ("sst_desk.persistence.errors", "UnsafeLocationError"),
    ("sst_desk.persistence.errors", "DamagedDatabaseError"),
    ("sst_desk.persistence.errors", "DiskFullError"),
    ("sst_desk.persistence.errors", "BackupFailedError"),
    ("sst_desk.persistence.errors", "RestoreFailedError"),
    ("sst_desk.persistence.errors", "AccessDeniedError"),
    ("sst_desk.workflow.problems", "ProcessError"),
    ("sst_desk.workflow.rules_case", "CaseRuleError"),
    ("sst_desk.workflow.accounts", "DuplicateUserError"),
    ("sst_desk.workflow.accounts", "LastAdministratorError"),
    ("sst_desk.workflow.accounts", "UserNotFoundError"),
    ("sst_desk.workflow.logchain", "KeptHeadError"),
    ("sst_desk.workflow.retention", "NotDueError"),
    ("sst_desk.workflow.catalogue", "CatalogueError"),
    ("sst_desk.services.printing", "PrintRefused"),
    ("sst_desk.services.settings", "SettingsRefused"),
    ("sst_desk.services.statistics", "StatisticsRequestError"),
    ("sst_desk.security.passwords", "PasswordProblem"),
    ("sst_desk.importers.file_errors", "ImportFileError"),
    ("sst_desk.remote.errors", "RemoteError"),
    ("sst_desk.remote.errors", "ServerError"),
    ("sst_desk.remote.errors", "RequestRefused"),
    ("sst_desk.remote.errors", "SessionExpired"),
    ("sst_desk.remote.errors", "PasswordChangeRequired"),
    ("sst_desk.security.signin", "SignInError"),
    ("builtins", "ValueError"),
    ("builtins", "LookupError"),
)

#: Classes allowed besides those of ``_MODULES`` (module, class name).
_EXTRA: tuple[tuple[str, str], ...] = (
    ("sst_desk.reports.base", "ReportContext"),  # who prints and for which team: a print's argument
    ("sst_desk.options", "TeamSettings"),  # services.settings' result (sst_desk.options also holds Option: not sent)
    ("sst_desk.options", "SettingProblem"),  # in SettingsRefused.problems
)

#: The nesting a value may have (a case graph is about ten deep): a deeper one is refused, not a crash.
MAX_DEPTH = 64


class WireError(ValueError):
    """A value that may not go over the wire (a type not in the allowlist), or data that is not ours."""


class _Tables:
    """Name ↔ class for every allowed dataclass, enum and exception (built once, on first use)."""

    def __init__(self) -> None:
        self.by_name: dict[str, type] = {}
        self.name_of: dict[type, str] = {}
        self.exc_by_name: dict[str, type[BaseException]] = {}
        self.exc_name_of: dict[type[BaseException], str] = {}
        for module_name in _MODULES:
            module = importlib.import_module(module_name)
            for cls in _own_classes(module):
                self._add(module_name, cls)
        for module_name, name in _EXTRA:
            self._add(module_name, getattr(importlib.import_module(module_name), name))
        for module_name, name in _EXCEPTION_NAMES:
            self.add_exception(getattr(importlib.import_module(module_name), name))

    def _add(self, module_name: str, cls: type) -> None:
        name = f"{module_name.rsplit('.', 1)[-1]}.{cls.__qualname__}"
        if name in self.by_name and self.by_name[name] is not cls:
            raise RuntimeError(f"two wire types are called {name}")
        self.by_name[name] = cls
        self.name_of[cls] = name

    def add_exception(self, cls: type[BaseException]) -> None:
        name = f"{cls.__module__.rsplit('.', 1)[-1]}.{cls.__qualname__}"
        if name in self.exc_by_name and self.exc_by_name[name] is not cls:
            raise RuntimeError(f"two wire exceptions are called {name}")
        self.exc_by_name[name] = cls
        self.exc_name_of[cls] = name


def _own_classes(module: ModuleType) -> list[type]:
    found = []
    for value in vars(module).values():
        if not isinstance(value, type) or value.__module__ != module.__name__ or value.__name__.startswith("_"):
            continue  # imported from elsewhere, or the module's own private helper
        if issubclass(value, BaseException):
            continue  # exceptions go by the exception table
        if dataclasses.is_dataclass(value) or issubclass(value, enum.Enum):
            found.append(value)
    return found


_tables: _Tables | None = None
_tables_lock = threading.Lock()


def _get_tables() -> _Tables:
    """The tables, built once (under a lock: the server's threads may ask first at the same moment)."""
    global _tables
    if _tables is None:
        with _tables_lock:
            if _tables is None:
                _tables = _Tables()
    return _tables


def register_exception(cls: type[BaseException]) -> type[BaseException]:
    """Let ``cls`` (an exception a use case raises) travel over the wire; usable as a class decorator.

    E.g. the merge's ``SaveConflict``: ``wire.register_exception(SaveConflict)``. Its ``args`` and
    attributes must be wire values themselves.
    """
    _get_tables().add_exception(cls)
    return cls


def allowed_types() -> frozenset[type]:
    """Every dataclass and enum that may go over the wire (for tests and docs)."""
    return frozenset(_get_tables().by_name.values())


# --------------------------------------------------------------------------------------------- encode


def encode(obj: Any) -> Any:
    """``obj`` as JSON-able data (dicts, lists, strings, numbers, booleans, None); ``WireError`` if not allowed."""
    return _Encoder(_get_tables()).value(obj, 0)


class _Encoder:
    def __init__(self, tables: _Tables) -> None:
        self.tables = tables
        self.seen: dict[int, int] = {}  # id(object) -> its number
        self.keep: list[Any] = []  # objects numbered, kept alive so their id() is not reused meanwhile

    def value(self, obj: Any, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise WireError(f"a value nested deeper than {MAX_DEPTH} levels cannot go over the wire")
        cls = type(obj)
        if obj is None or cls is bool or cls is str:
            return obj
        if isinstance(obj, enum.Enum):  # before int/str: IntEnum and StrEnum are enums on the wire
            name = self.tables.name_of.get(cls)
            if name is None:
                raise WireError(f"the type {cls.__qualname__} may not go over the wire")
            return {"$": "enum", "c": name, "v": obj.name}
        if cls is int:
            return obj
        if cls is float:
            if math.isfinite(obj):
                return obj
            return {"$": "float", "v": repr(obj)}
        if isinstance(obj, list):  # also SQLAlchemy's InstrumentedList of a loaded case's children
            return [self.value(item, depth + 1) for item in obj]
        if cls is tuple:
            return {"$": "tuple", "v": [self.value(item, depth + 1) for item in obj]}
        if cls is dict:
            if all(type(key) is str for key in obj):
                return {"$": "dict", "v": {key: self.value(item, depth + 1) for key, item in obj.items()}}
            # Other keys (case ids, enum members, tuples of them) as pairs: JSON objects take only strings.
            return {"$": "map", "v": [[self.value(key, depth + 1), self.value(item, depth + 1)]
                                      for key, item in obj.items()]}
        if cls is frozenset or cls is set:
            return {"$": cls.__name__, "v": [self.value(item, depth + 1) for item in obj]}
        if cls is dt.datetime:
            return {"$": "datetime", "v": obj.isoformat()}
        if cls is dt.date:
            return {"$": "date", "v": obj.isoformat()}
        if cls is dt.time:
            return {"$": "time", "v": obj.isoformat()}
        if cls is dt.timedelta:
            return {"$": "timedelta", "v": [obj.days, obj.seconds, obj.microseconds]}
        if cls is Decimal:
            return {"$": "decimal", "v": str(obj)}
        if cls is bytes:
            return {"$": "bytes", "v": base64.b64encode(obj).decode("ascii")}
        if isinstance(obj, pathlib.PurePath) and cls in (pathlib.PosixPath, pathlib.WindowsPath,
                                                          pathlib.PurePosixPath, pathlib.PureWindowsPath):
            return {"$": "path", "v": str(obj)}
        if isinstance(obj, BaseException):
            return self.exception(obj, depth)
        name = self.tables.name_of.get(cls)
        if name is None or not dataclasses.is_dataclass(cls):
            raise WireError(f"the type {cls.__module__}.{cls.__qualname__} may not go over the wire")
        if getattr(obj, "password_hash", ""):  # accounts.UserRecord: the services strip it; this makes sure
            raise WireError("a password hash never goes over the wire")
        number = self.seen.get(id(obj))
        if number is not None:
            return {"$": "ref", "@": number}
        number = len(self.seen)
        self.seen[id(obj)] = number
        self.keep.append(obj)
        fields = {f.name: self.value(getattr(obj, f.name), depth + 1) for f in dataclasses.fields(obj)}
        return {"$": "obj", "c": name, "@": number, "f": fields}

    def exception(self, exc: BaseException, depth: int) -> Any:
        name = _exception_name(self.tables, exc)
        if name is None:
            raise WireError(f"the exception {type(exc).__qualname__} may not go over the wire")
        state = {key: value for key, value in vars(exc).items() if not key.startswith("__")}
        return {"$": "exc", "c": name, "args": [self.value(a, depth + 1) for a in exc.args],
                "state": {key: self.value(value, depth + 1) for key, value in state.items()}}


def _exception_name(tables: _Tables, exc: BaseException) -> str | None:
    """The table's name for ``exc``: its class's, or the nearest entry above it (a builtin only exactly)."""
    for cls in type(exc).__mro__:
        name = tables.exc_name_of.get(cls)
        if name is not None and (cls.__module__ != "builtins" or cls is type(exc)):
            return name
    return None


def encodable_exception(exc: BaseException) -> bool:
    """Whether ``exc`` can go over the wire as itself (its class, or an entry above it, is in the table)."""
    if _exception_name(_get_tables(), exc) is None:
        return False
    try:
        encode(exc)
    except WireError:
        return False
    return True


# --------------------------------------------------------------------------------------------- decode


def decode(data: Any) -> Any:
    """The value ``data`` (from ``encode``, after a JSON round trip) stands for; ``WireError`` if it is not ours."""
    return _Decoder(_get_tables()).value(data, 0)


def _scalar(parse: Callable[[Any], Any], what: str) -> Callable[[Any], Any]:
    def read(v: Any) -> Any:
        try:
            return parse(v)
        except (TypeError, ValueError, InvalidOperation, OverflowError, base64.binascii.Error) as exc:
            raise WireError(f"{what} expected, got {v!r:.60}") from exc
    return read


def _str(v: Any) -> str:
    if type(v) is not str:
        raise TypeError(v)
    return v


def _float(v: Any) -> float:
    value = float(_str(v))
    if math.isfinite(value):
        raise ValueError(v)
    return value


def _timedelta(v: Any) -> dt.timedelta:
    if type(v) is not list or len(v) != 3 or any(type(n) is not int for n in v):
        raise ValueError(v)
    return dt.timedelta(days=v[0], seconds=v[1], microseconds=v[2])


_SCALARS: dict[str, Callable[[Any], Any]] = {
    "float": _scalar(_float, "a non-finite float"),
    "datetime": _scalar(lambda v: dt.datetime.fromisoformat(_str(v)), "a datetime"),
    "date": _scalar(lambda v: dt.date.fromisoformat(_str(v)), "a date"),
    "time": _scalar(lambda v: dt.time.fromisoformat(_str(v)), "a time"),
    "timedelta": _scalar(_timedelta, "a timedelta"),
    "decimal": _scalar(lambda v: Decimal(_str(v)), "a decimal"),
    "bytes": _scalar(lambda v: base64.b64decode(_str(v), validate=True), "base64 bytes"),
    "path": _scalar(lambda v: pathlib.Path(_str(v)), "a path"),
}


class _Decoder:
    def __init__(self, tables: _Tables) -> None:
        self.tables = tables
        self.objects: dict[int, Any] = {}

    def value(self, data: Any, depth: int) -> Any:
        if depth > MAX_DEPTH:
            raise WireError(f"data nested deeper than {MAX_DEPTH} levels")
        if data is None or isinstance(data, (bool, str)):
            return data
        if type(data) is int:
            return data
        if type(data) is float:
            if not math.isfinite(data):
                raise WireError("a non-finite float must be tagged")
            return data
        if type(data) is list:
            return [self.value(item, depth + 1) for item in data]
        if type(data) is not dict:
            raise WireError(f"unexpected data of type {type(data).__name__}")
        tag = data.get("$")
        if tag in _SCALARS:
            self._keys(data, {"$", "v"})
            return _SCALARS[tag](data["v"])
        if tag in ("tuple", "frozenset", "set"):
            self._keys(data, {"$", "v"})
            items = self._list(data["v"])
            values = [self.value(item, depth + 1) for item in items]
            try:
                return {"tuple": tuple, "frozenset": frozenset, "set": set}[tag](values)
            except TypeError as exc:  # an unhashable member of a set
                raise WireError(f"a {tag} of values that cannot be in one") from exc
        if tag == "map":
            self._keys(data, {"$", "v"})
            pairs = self._list(data["v"])
            result = {}
            for pair in pairs:
                if type(pair) is not list or len(pair) != 2:
                    raise WireError("a map's items must be [key, value] pairs")
                key = self.value(pair[0], depth + 1)
                try:
                    result[key] = self.value(pair[1], depth + 1)
                except TypeError as exc:
                    raise WireError("a map key that cannot be a key") from exc
            return result
        if tag == "dict":
            self._keys(data, {"$", "v"})
            items = data["v"]
            if type(items) is not dict:
                raise WireError("a dict's items must be an object")
            return {key: self.value(item, depth + 1) for key, item in items.items()}
        if tag == "enum":
            self._keys(data, {"$", "c", "v"})
            cls = self._class(data["c"])
            if not issubclass(cls, enum.Enum):
                raise WireError(f"{data['c']} is not an enum")
            try:
                return cls[_str(data["v"])]
            except (KeyError, TypeError) as exc:
                raise WireError(f"{data['c']} has no member {data['v']!r:.60}") from exc
        if tag == "ref":
            self._keys(data, {"$", "@"})
            number = data["@"]
            if type(number) is not int or number not in self.objects:
                raise WireError(f"a reference to an object not (yet) sent: {number!r:.20}")
            return self.objects[number]
        if tag == "obj":
            return self.dataclass(data, depth)
        if tag == "exc":
            return self.exception(data, depth)
        raise WireError(f"unknown wire tag {tag!r:.40}")

    @staticmethod
    def _keys(data: dict, expected: set[str]) -> None:
        if set(data) != expected:
            raise WireError(f"a {data.get('$')!r:.20} value must have exactly the keys {sorted(expected)}")

    @staticmethod
    def _list(items: Any) -> list:
        if type(items) is not list:
            raise WireError("a list was expected")
        return items

    def _class(self, name: Any) -> type:
        cls = self.tables.by_name.get(name) if type(name) is str else None
        if cls is None:
            raise WireError(f"the type {name!r:.60} may not come over the wire")
        return cls

    def dataclass(self, data: dict, depth: int) -> Any:
        self._keys(data, {"$", "c", "@", "f"})
        cls = self._class(data["c"])
        if not dataclasses.is_dataclass(cls):
            raise WireError(f"{data['c']} is not a dataclass")
        number, given = data["@"], data["f"]
        if type(number) is not int or number in self.objects:
            raise WireError(f"an object number used twice or not a number: {number!r:.20}")
        if type(given) is not dict:
            raise WireError("an object's fields must be an object")
        fields = {f.name: f for f in dataclasses.fields(cls)}
        unknown = set(given) - set(fields)
        if unknown:
            raise WireError(f"{data['c']} has no field {sorted(unknown)[0]!r:.40}")
        values: dict[str, Any] = {}
        for name, f in fields.items():
            if name in given:
                values[name] = self.value(given[name], depth + 1)
            elif f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING:
                raise WireError(f"{data['c']} came without its field {name!r}")
        # Through the constructor: the entities are mapped by SQLAlchemy, whose instrumented __init__ gives
        # each object its state. So an object is complete before anything can refer to it (no cycles).
        try:
            obj = cls(**{name: value for name, value in values.items() if fields[name].init})
        except (TypeError, ValueError) as exc:
            raise WireError(f"{data['c']} cannot be made from the fields sent") from exc
        for name, value in values.items():
            if not fields[name].init:
                object.__setattr__(obj, name, value)
        self.objects[number] = obj
        return obj

    def exception(self, data: dict, depth: int) -> BaseException:
        self._keys(data, {"$", "c", "args", "state"})
        name = data["c"]
        cls = self.tables.exc_by_name.get(name) if type(name) is str else None
        if cls is None:
            raise WireError(f"the exception {name!r:.60} may not come over the wire")
        args = tuple(self.value(a, depth + 1) for a in self._list(data["args"]))
        state = data["state"]
        if type(state) is not dict or any(key.startswith("__") for key in state):
            raise WireError("an exception's state must be an object of plain attribute names")
        exc = cls.__new__(cls, *args)
        exc.args = args
        for key, value in state.items():
            setattr(exc, key, self.value(value, depth + 1))
        return exc
