"""Portable column types for the workflow's enums, lists of enums and UTC timestamps.

Everything here stores plain values (strings, integers, JSON arrays, naive
UTC datetimes) so that SQLite and PostgreSQL hold the same data and a
database can be read without SST Desk.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Dialect
from sqlalchemy.ext.mutable import MutableList

ENUM_LENGTH = 40  # room for values added later without widening the column


def _values(enum_class: type[Enum]) -> list[str]:
    return [member.value for member in enum_class]


def str_enum(enum_class: type[Enum]) -> sa.Enum:
    """A ``str`` enum stored as its value in a VARCHAR (no CHECK constraint, so new values need no migration)."""
    return sa.Enum(
        enum_class,
        native_enum=False,
        create_constraint=False,
        length=ENUM_LENGTH,
        values_callable=_values,
        validate_strings=True,
    )


class IntEnumType(sa.types.TypeDecorator[Enum]):
    """An ``int`` enum (``Level``) stored as its integer value."""

    impl = sa.Integer
    cache_ok = True

    def __init__(self, enum_class: type[Enum]) -> None:
        super().__init__()
        self.enum_class = enum_class

    def process_bind_param(self, value: Any, dialect: Dialect) -> int | None:
        if value is None:
            return None
        return int(self.enum_class(value).value)

    def process_result_value(self, value: Any, dialect: Dialect) -> Enum | None:
        return None if value is None else self.enum_class(value)


class EnumList(sa.types.TypeDecorator[list]):
    """A list of ``str`` enum members stored as a JSON array of their values."""

    impl = sa.JSON
    cache_ok = True

    def __init__(self, enum_class: type[Enum]) -> None:
        super().__init__()
        self.enum_class = enum_class

    def process_bind_param(self, value: Any, dialect: Dialect) -> list[str]:
        # Validate on the way in, so a wrong code fails at save time, not when read back.
        return [self.enum_class(item).value for item in (value or [])]

    def process_result_value(self, value: Any, dialect: Dialect) -> list[Enum]:
        return [self.enum_class(item) for item in (value or [])]

    def compare_values(self, x: Any, y: Any) -> bool:
        return list(x or []) == list(y or [])


def enum_list(enum_class: type[Enum]) -> sa.types.TypeEngine[Any]:
    """An ``EnumList`` whose in-place changes (append, remove…) mark the object dirty."""
    return MutableList.as_mutable(EnumList(enum_class))


class UTCDateTime(sa.types.TypeDecorator[dt.datetime]):
    """An aware datetime stored as naive UTC; read back as aware UTC on every backend."""

    impl = sa.DateTime(timezone=False)
    cache_ok = True

    def process_bind_param(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            # A naive time is ambiguous (local? UTC?); refuse rather than guess.
            raise ValueError(f"a timestamp must carry a time zone, got naive {value.isoformat()}")
        return value.astimezone(dt.timezone.utc).replace(tzinfo=None)

    def process_result_value(self, value: dt.datetime | None, dialect: Dialect) -> dt.datetime | None:
        return None if value is None else value.replace(tzinfo=dt.timezone.utc)
