"""Which use cases a client may call over the wire, and how: the server's decision table (docs/server.md).

Every name in every group's ``USE_CASES`` has an entry here (``tests/unit/test_server_calls.py`` checks it):

* ``Remote()``: called as it is;
* ``Remote(clock=...)``: arguments that are a day or a moment (``today``, ``at``, ``now``) are set from the
  SERVER's clock, whatever the client sent: the date rules (a follow-up date in the past, a consent still
  valid today…) are checked on the server's day, never on a client's word;
* ``Remote(no_file=...)``: a use case that would write a file where it runs may be called only with those
  arguments left out (``None``): it then returns the data, and the client writes the file on its own disk;
* ``Refused(reason)``: not offered over the wire; the reason is the sentence the client gets.
"""

from __future__ import annotations

import datetime as dt
import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sst_desk.services import GROUPS, group_module

DAY = "day"
MOMENT = "moment"


@dataclass(frozen=True)
class Remote:
    clock: tuple[tuple[str, str], ...] = ()  # (parameter, DAY or MOMENT)
    no_file: tuple[str, ...] = ()  # parameters that must be None over the wire


@dataclass(frozen=True)
class Refused:
    reason: str


_BACKUPS = ("the server's database is backed up by its operators with PostgreSQL's own tools "
            "(docs/server-operations.md), not from a client")

_ROOMS = ("the server's case room does this itself; a client joins the room (the WebSocket "
          "/api/v1/rooms/{case_id}, docs/server.md \"Case rooms\")")

DECISIONS: dict[tuple[str, str], Remote | Refused] = {
    # agenda ("Kommande"): the window starts on the server's day
    ("agenda", "due_items"): Remote(clock=(("today", DAY),)),
    # cases
    ("cases", "case_rows"): Remote(clock=(("today", DAY),)),
    ("cases", "load_case"): Remote(),
    ("cases", "open_case"): Remote(),
    ("cases", "add_case"): Remote(),
    ("cases", "save_case"): Remote(clock=(("today", DAY),)),
    ("cases", "move_case"): Remote(clock=(("at", MOMENT),)),
    ("cases", "student_case_count"): Remote(),
    ("cases", "record_case_action"): Remote(),
    ("cases", "record_consent_override"): Remote(),
    ("cases", "may"): Remote(),
    ("cases", "case_member_ids"): Remote(),
    ("cases", "case_members"): Remote(),
    ("cases", "assignment_choices"): Remote(),
    ("cases", "set_case_members"): Remote(),
    # printing: a document is made on the server (the case is read, checked and logged there in one
    # transaction) and its bytes come back; the client writes the file
    ("printing", "print_document"): Remote(clock=(("today", DAY),), no_file=("target",)),
    ("printing", "batch_candidates"): Remote(clock=(("today", DAY),)),
    ("printing", "print_batch"): Refused("a batch is made by the client from the cases it loads, and its prints "
                                        "logged with printing.record_prints (sst_desk/remote/printing.py)"),
    ("printing", "printed_documents"): Remote(),
    ("printing", "record_prints"): Remote(),
    # attendance: the file is read by the client and its contents sent (attendance.import_attendance_data)
    ("attendance", "import_attendance"): Refused("the server reads no file named by a client; the client "
                                                 "sends the file's contents (attendance.import_attendance_data)"),
    ("attendance", "import_attendance_data"): Remote(),
    ("attendance", "attendance_for_case"): Remote(),
    ("attendance", "attendance_mappings"): Remote(),
    ("attendance", "attendance_mapping"): Remote(),
    ("attendance", "save_attendance_mapping"): Remote(),
    ("attendance", "delete_attendance_mapping"): Remote(),
    # accounts
    ("accounts", "list_users"): Remote(),
    ("accounts", "get_user"): Remote(),
    ("accounts", "create_user"): Remote(),
    ("accounts", "update_user"): Remote(),
    ("accounts", "reset_password"): Remote(),
    ("accounts", "switch_off"): Remote(),
    ("accounts", "switch_on"): Remote(),
    ("accounts", "record_session_event"): Remote(),
    ("accounts", "set_own_phone"): Remote(),  # the session's own account only: the actor is the server's
    # the access log
    ("accesslog", "query_log"): Remote(),
    ("accesslog", "log_students"): Remote(),
    ("accesslog", "verify_log"): Remote(),
    ("accesslog", "export_head"): Remote(no_file=("out",)),
    ("accesslog", "draw_sample"): Remote(),
    ("accesslog", "record_sample_check"): Remote(),
    ("accesslog", "list_sample_checks"): Remote(),
    ("accesslog", "student_access_history"): Remote(),
    # gallring
    ("gallring", "cases_due"): Remote(clock=(("today", DAY),)),
    ("gallring", "gallra"): Remote(clock=(("today", DAY),)),
    ("gallring", "finish"): Remote(),
    ("gallring", "resume_pending"): Refused("an unfinished gallring is finished by the server itself"),
    # registerutdrag: gathered (checked and logged as an export) on the server, written by the client
    ("extract", "gather_registerutdrag"): Remote(clock=(("now", MOMENT),)),
    ("extract", "write_registerutdrag"): Refused("the client gathers the registerutdrag "
                                                 "(extract.gather_registerutdrag) and writes its files itself"),
    # backups: the server's database is PostgreSQL's to back up
    ("backups", "make_backup"): Refused(_BACKUPS),
    ("backups", "list_backups"): Refused(_BACKUPS),
    ("backups", "backup_folder"): Refused(_BACKUPS),
    ("backups", "check_backup"): Refused(_BACKUPS),
    ("backups", "check_database"): Refused("the server's database is checked by PostgreSQL and its operators"),
    ("backups", "authorize_restore"): Refused(_BACKUPS),
    # the laptop's offline copy (sst_desk/offline): the person's own cases, each copy and offline view logged
    ("offline", "offline_copy"): Remote(clock=(("today", DAY),)),
    ("offline", "record_offline_views"): Remote(),
    # settings
    ("settings", "team_settings"): Remote(),
    ("settings", "change_team_settings"): Remote(),
    ("settings", "adopt_computer_settings"): Refused(
        "a team server's settings are the team's, not one computer's: an administrator sets them "
        "(settings.change_team_settings)"),
    # the team's statistics (issue 15): counted on the server on ITS day; the client writes the export's file
    # and logs it with record_statistics_export
    ("statistics", "team_statistics"): Remote(clock=(("today", DAY),)),
    ("statistics", "record_statistics_export"): Remote(),
    # case rooms (issue 14): the stored shared document, for an offline laptop's copy; the rest is the room's
    ("rooms", "case_room_state"): Remote(),
    ("rooms", "open_room"): Refused(_ROOMS),
    ("rooms", "store_room_state"): Refused(_ROOMS),
    ("rooms", "record_room_edit"): Refused(_ROOMS),
    ("rooms", "record_room_view"): Refused(_ROOMS),
}


class CallRefused(Exception):
    """The call cannot be made over the wire; ``str()`` says why (sent to the client)."""


def server_today() -> dt.date:
    """The server's calendar day (run the server in the team's time zone: docs/server.md)."""
    return dt.date.today()


def server_now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def prepare(group: str, name: str, args: list[Any], kwargs: dict[str, Any], *,
            today: Callable[[], dt.date] = server_today, now: Callable[[], dt.datetime] = server_now,
            ) -> tuple[tuple[Any, ...], dict[str, Any]]:
    """The arguments of the use case ``group.name`` as the server will call it (after ``uow, actor``).

    ``CallRefused`` for a name not offered, arguments that do not fit its signature, or a file argument.
    """
    if group not in GROUPS:
        raise CallRefused(f"there is no group of use cases called {group!r:.40}")
    module = group_module(group)
    if name not in getattr(module, "USE_CASES", ()):
        raise CallRefused(f"{group} has no use case {name!r:.60}")
    decision = DECISIONS.get((group, name))
    if decision is None:
        raise CallRefused(f"{group}.{name} is not offered by the server")
    if isinstance(decision, Refused):
        raise CallRefused(f"{group}.{name} is not offered over the server: {decision.reason}")
    function = getattr(module, name)
    signature = inspect.signature(function)
    try:
        bound = signature.bind_partial(None, None, *args, **kwargs)
        for parameter in decision.no_file:
            if bound.arguments.get(parameter) is not None:
                raise CallRefused(f"{group}.{name} writes no file on the server: leave {parameter} out and write "
                                  "the data it returns on your own computer")
        for parameter, kind in decision.clock:  # set whether the client gave one or not
            bound.arguments[parameter] = today() if kind == DAY else now()
        bound = signature.bind(*bound.args, **bound.kwargs)  # now complete, or refused
    except TypeError as exc:
        raise CallRefused(f"the arguments do not fit {group}.{name}: {exc}") from exc
    return bound.args[2:], bound.kwargs


def check_table() -> list[str]:
    """What is wrong with ``DECISIONS``: a use case without a decision, a decision for none, a clock or file
    argument the function does not take. Empty when all is well."""
    problems = []
    offered = set()
    for group in GROUPS:
        module = group_module(group)
        for name in getattr(module, "USE_CASES", ()):
            offered.add((group, name))
            decision = DECISIONS.get((group, name))
            if decision is None:
                problems.append(f"{group}.{name} has no decision")
                continue
            if isinstance(decision, Remote):
                parameters = inspect.signature(getattr(module, name)).parameters
                for parameter in [p for p, _ in decision.clock] + list(decision.no_file):
                    if parameter not in parameters:
                        problems.append(f"{group}.{name} takes no {parameter}")
    problems += [f"{group}.{name} is decided but not a use case" for group, name in set(DECISIONS) - offered]
    return problems
