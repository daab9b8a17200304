"""The server's decision table (sst_desk/server/calls.py): every use case decided, the server's clock for day
and time arguments, no file written on the server on a client's word, and the refusals."""

from __future__ import annotations

import datetime as dt

import pytest

from sst_desk.server import calls
from sst_desk.services import GROUPS, group_module

DAY = dt.date(2031, 5, 17)
MOMENT = dt.datetime(2031, 5, 17, 9, 30, tzinfo=dt.UTC)


def prepare(group: str, name: str, *args, **kwargs):
    return calls.prepare(group, name, list(args), kwargs, today=lambda: DAY, now=lambda: MOMENT)


def test_every_use_case_of_every_group_has_a_decision_and_every_decision_a_use_case() -> None:
    assert calls.check_table() == []
    decided = {(g, n) for g in GROUPS for n in group_module(g).USE_CASES}
    assert decided == set(calls.DECISIONS)


def test_the_server_day_replaces_the_clients_day_given_or_not() -> None:
    assert prepare("cases", "case_rows", dt.date(1999, 1, 1)) == ((DAY,), {})
    assert prepare("cases", "case_rows") == ((DAY,), {})
    args, kwargs = prepare("cases", "save_case", "a case", today=dt.date(2000, 1, 1))
    assert args == ("a case",) and kwargs == {"today": DAY}
    args, kwargs = prepare("cases", "save_case", "a case")
    assert kwargs == {"today": DAY}
    args, kwargs = prepare("cases", "move_case", 7, "move", at=dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    assert kwargs["at"] == MOMENT
    assert prepare("gallring", "cases_due", 5, dt.date(1990, 1, 1)) == ((5, DAY), {})
    assert prepare("extract", "gather_registerutdrag", 3)[1] == {"now": MOMENT}


def test_a_print_comes_back_as_bytes_never_as_a_file_on_the_server() -> None:
    args, kwargs = prepare("printing", "print_document", 7, "handlingsplan", report="ctx", today=dt.date(2000, 1, 1))
    assert kwargs["today"] == DAY and "target" not in kwargs
    with pytest.raises(calls.CallRefused, match="writes no file on the server"):
        prepare("printing", "print_document", 7, "handlingsplan", report="ctx", today=DAY, target="/etc/passwd")
    with pytest.raises(calls.CallRefused, match="writes no file"):
        prepare("accesslog", "export_head", "/tmp/head.txt")
    assert prepare("accesslog", "export_head") == ((), {})


@pytest.mark.parametrize("group, name", [
    ("backups", "make_backup"), ("backups", "authorize_restore"), ("backups", "list_backups"),
    ("attendance", "import_attendance"), ("extract", "write_registerutdrag"), ("printing", "print_batch"),
    ("gallring", "resume_pending"), ("settings", "adopt_computer_settings"),
])
def test_use_cases_that_work_on_the_servers_disk_are_refused_with_a_reason(group: str, name: str) -> None:
    with pytest.raises(calls.CallRefused, match="not offered over the server: .{20,}"):
        prepare(group, name)


@pytest.mark.parametrize("group, name, message", [
    ("nosuch", "x", "no group"),
    ("cases", "not_found", "no use case"),  # a module function, not a use case
    ("cases", "__init__", "no use case"),
    ("cases", "load_case", "do not fit"),  # no case id
])
def test_unknown_names_and_arguments_that_do_not_fit_are_refused(group: str, name: str, message: str) -> None:
    with pytest.raises(calls.CallRefused, match=message):
        prepare(group, name)


def test_arguments_that_do_not_fit_are_refused_before_anything_runs() -> None:
    with pytest.raises(calls.CallRefused, match="do not fit"):
        prepare("cases", "load_case", 1, 2, 3)
    with pytest.raises(calls.CallRefused, match="do not fit"):
        prepare("cases", "load_case", 1, uow="mine")


def _types_in(tp, seen: set) -> list[type]:
    """Every class named by the type hint ``tp``, and by the fields of the dataclasses among them."""
    import collections.abc
    import dataclasses
    import typing

    origin = typing.get_origin(tp)
    if origin is collections.abc.Callable:
        return [collections.abc.Callable]
    if origin is not None:
        return [t for arg in typing.get_args(tp) if arg is not Ellipsis for t in _types_in(arg, seen)]
    if tp in seen or tp is typing.Any:
        return []
    seen.add(tp)
    found = [tp]
    if dataclasses.is_dataclass(tp):
        for hint in typing.get_type_hints(tp).values():
            found += _types_in(hint, seen)
    return found


# Parameters a client never sends: the server's own random source (accesslog.draw_sample).
NOT_SENT = {("accesslog", "draw_sample", "rng")}


def test_every_argument_and_result_of_a_use_case_offered_over_the_wire_can_travel() -> None:
    import dataclasses
    import enum
    import pathlib
    import typing

    from sst_desk.remote import wire

    allowed = wire.allowed_types()
    plain = {int, float, str, bool, bytes, type(None), dt.date, dt.datetime, dt.time, dt.timedelta, pathlib.Path,
             list, dict, tuple, set, frozenset, object}
    problems = []
    for (group, name), decision in calls.DECISIONS.items():
        if not isinstance(decision, calls.Remote):
            continue
        hints = typing.get_type_hints(getattr(group_module(group), name))
        for parameter, hint in hints.items():
            if parameter in ("uow", "actor") or (group, name, parameter) in NOT_SENT:
                continue
            for tp in _types_in(hint, set()):
                if tp in plain:
                    continue
                if (dataclasses.is_dataclass(tp) or (isinstance(tp, type) and issubclass(tp, enum.Enum))) \
                        and tp in allowed:
                    continue
                problems.append(f"{group}.{name} {parameter}: {tp}")
    assert problems == []
