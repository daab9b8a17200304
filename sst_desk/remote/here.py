"""The window's door on a team server: the server's use cases, with the files written on this computer.

The server writes no file on a client's word (its decision table, ``server.calls``): a document, a
registerutdrag or the log's head comes back as data, and the use cases that would write it take their
file half here. ``ServerDoor`` wraps the session's ``RemoteDoor`` so that a window calls the very same
names with the very same arguments on a file and on a server (one code path):

* ``printing.print_document(..., target=FILE)``: the document is made on the server (checked and logged
  there) and written here; ``printing.print_batch``: the plans are read from the server and the batch
  built here, its prints logged there once the file is on disk (``remote.printing.print_batch``);
* ``accesslog.export_head(out=FILE)``: the head exported on the server (logged), written here;
* ``extract.write_registerutdrag``: gathered on the server (checked and logged as an export), written here;
* ``attendance.import_attendance``: the school's export read here and its bytes sent
  (``attendance.import_attendance_data``);
* ``gallring.resume_pending``: the server finishes an interrupted gallring itself; nothing to do here.

Every target is checked (``fileio.check_target``) before the server is asked, so a file that may not be
written costs no log entry; a write that fails after the server answered leaves the entry (the server
logged the print or export when it handed the data out, as a preview is logged).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sst_desk.fileio import check_target, write_export
from sst_desk.remote import printing as remote_printing


class _Group:
    """One group of the remote door, with some of its use cases done (in part) here.

    A local half is called as ``half(remote_door, *args, **kwargs)``: it asks the server through the
    remote door (any group of it) and writes here.
    """

    def __init__(self, door: Any, group: str, local: dict[str, Callable[..., Any]]) -> None:
        self._door, self._remote, self._local = door, getattr(door, group), local

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        found = self._local.get(name)
        if found is None:
            return getattr(self._remote, name)
        door = self._door
        return lambda *args, **kwargs: found(door, *args, **kwargs)


class ServerDoor:
    """``services.Door``'s attributes for a person signed in on a team server (see the module's text)."""

    def __init__(self, remote_door: Any) -> None:
        self._remote = remote_door
        self.actor = remote_door.actor
        self.uow = None  # the server opens the units of work

    def __getattr__(self, group: str) -> Any:
        if group.startswith("_"):
            raise AttributeError(group)
        local = _HERE.get(group)
        wrapped = _Group(self._remote, group, local) if local else getattr(self._remote, group)
        setattr(self, group, wrapped)
        return wrapped

    def acting_as(self, actor: Any) -> ServerDoor:
        """On a server the person is the session's: another person signs in for themselves."""
        if actor != self.actor:
            raise ValueError("a server session acts only as the person who signed in")
        return self


# --- printing ----------------------------------------------------------------------------------------------


def print_document(door: Any, case_id: int, kind_name: str, *, target: Path | None = None,
                   force: bool = False, **kwargs: Any) -> bytes | Path:
    """The document from the server; written to ``target`` here when one is given (else its bytes)."""
    if target is None:
        return door.printing.print_document(case_id, kind_name, **kwargs)
    check_target(Path(target), force=force)
    data = door.printing.print_document(case_id, kind_name, **kwargs)
    return write_export(data, Path(target), force=force)


# --- the access log, the registerutdrag, gallring ---------------------------------------------------------------


def export_head(door: Any, out: Path | None = None, *, force: bool = False) -> Any:
    """The chain's head exported on the server (logged there); written to ``out`` here when given."""
    if out is not None:
        check_target(Path(out), force=force)
    head = door.accesslog.export_head()
    if out is not None:
        write_export(head.to_text().encode("utf-8"), Path(out), force=force)
    return head


def write_registerutdrag(door: Any, case_id: int, folder: Path, context: Any, *, force: bool = False,
                         now: dt.datetime | None = None) -> tuple[Path, Path]:
    """The registerutdrag gathered on the server (checked, logged as an export), its two files written here."""
    from sst_desk.reports.registerutdrag import file_stem, write_registerutdrag as write_files

    today = dt.datetime.now().astimezone().date().isoformat()
    stem = file_stem({"created_at": today}, case_id)  # the server names the day; this is the usual answer
    for suffix in (".pdf", ".json"):
        check_target(Path(folder) / f"{stem}{suffix}", force=force)
    data = door.extract.gather_registerutdrag(case_id)
    return write_files(data, Path(folder), context, case_id=case_id, force=force)


def import_attendance(door: Any, path: Path, spec: Any, *, dry_run: bool = False,
                      progress: Callable[[Any], None] | None = None, cancelled: Callable[[], bool] | None = None,
                      options: Any = None) -> Any:
    """A school's attendance export read here and sent whole; the server imports it all or nothing.

    The server reads no file named by a client (``attendance.import_attendance_data``). Its progress is not
    reported while the server works (the dialog shows it as busy); a cancel asked before the file is sent
    stops it here.
    """
    from sst_desk.importers.attendance_file import ImportCancelled
    from sst_desk.importers.attendance_spec import ProblemCode
    from sst_desk.importers.file_errors import file_error

    try:
        data = Path(path).read_bytes()
    except OSError as exc:  # as the importer says it of a file it cannot read
        raise file_error(ProblemCode.FILE_UNREADABLE, str(exc)) from None
    if cancelled is not None and cancelled():
        raise ImportCancelled()
    return door.attendance.import_attendance_data(Path(path).name, data, spec, dry_run=dry_run, options=options)


def resume_pending(_door: Any, **_kwargs: Any) -> None:
    """Nothing to finish here: the server finishes an interrupted gallring itself."""
    return None


_HERE: dict[str, dict[str, Callable[..., Any]]] = {
    "printing": {"print_document": print_document, "print_batch": remote_printing.print_batch},
    "accesslog": {"export_head": export_head},
    "extract": {"write_registerutdrag": write_registerutdrag},
    "gallring": {"resume_pending": resume_pending},
    "attendance": {"import_attendance": import_attendance},
}
