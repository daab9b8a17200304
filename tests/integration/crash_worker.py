"""The fork server for the crash tests (test_crash.py): not a test module, run as a script.

    python crash_worker.py DATABASE USER    # the database key arrives as hex on the first line of stdin

Importing SST Desk (SQLAlchemy, Alembic, sqlcipher3) takes about a second, far
longer than a crash round should. So this process imports everything once and
forks a fresh writer per round. The key comes on stdin, never on the command
line (where ``ps`` would show it).

To keep rounds short the server opens the database once itself, signs in,
does one of everything on it (an add, an edit, a backup — SQLAlchemy compiles
its statements per engine, and a writer's first case would otherwise cost
~80 ms of compiling), then closes every connection. Each writer is forked
from that warm state and makes its own connections (none is open at the fork,
so none crosses it; SQLAlchemy's documented way to share an engine with a
child). A ``cold`` round's writer opens the database from scratch instead
(``Database.open``: checks, migrations), so its kill can land there too.

Protocol, one line per message, space-separated words (stdout is shared by
the server and every writer; each line is one ``os.write`` below PIPE_BUF, so
lines never interleave):

    server → parent   its warm-up writes as ``warm …`` lines (below), then ``ready``
    parent → server   ``round <mode> <cold 0|1> <round> <seed> <case ids to edit, comma-separated, or ->``
    server → parent   ``pid <pid>`` (the round's writer), then ``exit <pid> <wait status>`` once it is reaped
    writer → parent   ``<pid> go`` (open and signed in), then per call
                      ``<pid> try-add <marker>`` / ``<pid> add <case id> <marker>``,
                      ``<pid> try-save <case id> <marker>`` / ``<pid> save <case id> <marker>``,
                      ``<pid> try-backup`` / ``<pid> backup <file name>``; ``<pid> error …`` if it failed

A ``try-…`` line is written BEFORE the call, the confirmation only AFTER it
returned: the parent may demand every confirmed write, and may accept an
unconfirmed one only if it was tried. Modes: ``write`` (add and save cases),
``backup`` (only ``take_backup``), ``mixed`` (writes with a backup now and then).
"""

from __future__ import annotations

import datetime as dt
import os
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from conftest import new_case  # noqa: E402  (fictional cases, shared with the other persistence tests)

from sst_desk.persistence import Database, accounts, backups  # noqa: E402
from sst_desk.workflow.codes import ContactKind  # noqa: E402
from sst_desk.workflow.entities import Case, ContactEntry  # noqa: E402
from sst_desk.services import Door  # noqa: E402

MAX_LIFE_S = 20.0  # a writer nobody kills stops by itself (the parent then fails the round)
ADD_SHARE = 0.35  # of the write calls, how many add a new case (the rest edit one)
BACKUPS_KEPT = 4
_me = ""  # the first word of this process's lines: a writer's pid, or "warm" (the server's own writes)


def say(*words: object) -> None:
    if _me:
        os.write(1, (" ".join(str(w) for w in (_me, *words)) + "\n").encode("ascii", "replace"))


def marker(round_no: int, n: int) -> str:
    """A value that sorts in the order it was written (round, then call)."""
    return f"m{round_no:06d}-{n:05d}"


def add(db: Database, mark: str, graphs: dict[int, Case]) -> int:
    case = new_case(first="Elev", last=mark.replace("-", ""))
    case.reason = mark
    say("try-add", mark)
    stored = Door(db.uow, None).cases.add_case(case)
    say("add", stored.id, mark)
    assert stored.id is not None
    graphs[stored.id] = stored
    return stored.id


def save(db: Database, case_id: int, mark: str, graphs: dict[int, Case]) -> None:
    """A real edit: a changed field and one more contact entry, in one transaction (plus its log entry).

    Like a case window, the writer keeps the graph ``save_case`` returned and edits that next time.
    """
    case = graphs.pop(case_id, None) or Door(db.uow, None).cases.load_case(case_id)
    case.reason = mark
    case.contacts.append(ContactEntry(dt.date(2025, 2, 3), ContactKind.TELEFON, "Elev, mentor", mark, "crash"))
    say("try-save", case_id, mark)
    graphs[case_id] = Door(db.uow, None).cases.save_case(case)
    say("save", case_id, mark)


def backup(db: Database) -> None:
    say("try-backup")
    path = backups.take_backup(db, backups.AUTO, keep=BACKUPS_KEPT)
    say("backup", path.name)


def write(db: Database, mode: str, round_no: int, rng: random.Random, editable: list[int]) -> None:
    """Write until killed (or ``MAX_LIFE_S``)."""
    deadline = time.monotonic() + MAX_LIFE_S
    graphs: dict[int, Case] = {}
    n = 0
    while time.monotonic() < deadline:
        n += 1
        if mode == "backup" or (mode == "mixed" and n % 4 == 0):
            backup(db)
        elif not editable or rng.random() < ADD_SHARE:
            editable.append(add(db, marker(round_no, n), graphs))
        else:
            save(db, rng.choice(editable), marker(round_no, n), graphs)


def open_signed_in(key: bytes, file: Path, username: str) -> Database:
    db = Database.open(file, key=key)
    user = accounts.find_user(db, username)
    assert user is not None
    db.actor = user.actor()
    return db


def writer(db: Database | None, key: bytes, file: Path, username: str, orders: list[str]) -> None:
    """One round's writer: ``db`` is the server's warm database (no connection open), None to open cold."""
    mode, _cold, round_no, seed, ids = orders
    if db is None:
        db = open_signed_in(key, file, username)
    say("go")
    editable = [int(i) for i in ids.split(",")] if ids != "-" else []
    write(db, mode, int(round_no), random.Random(int(seed)), editable)


def fork_writer(db: Database, key: bytes, file: Path, username: str, orders: list[str]) -> int:
    pid = os.fork()
    if pid == 0:
        global _me
        _me = str(os.getpid())
        code = 0
        try:
            writer(None if orders[1] == "1" else db, key, file, username, orders)
        except BaseException as exc:  # the parent sees this line and the exit status
            say("error", type(exc).__name__, str(exc).replace("\n", " ")[:300])
            code = 3
        os._exit(code)
    return pid


def warm_up(db: Database) -> None:
    """One add, one edit of a stored case and one backup, reported like a writer's; then no connection left."""
    global _me
    _me = "warm"
    graphs: dict[int, Case] = {}
    case_id = add(db, marker(0, 1), {})
    save(db, case_id, marker(0, 2), graphs)  # loads it
    save(db, case_id, marker(0, 3), graphs)  # edits the graph save_case returned
    backup(db)
    _me = ""
    db.engine.dispose()  # nothing open across a fork


def serve(key: bytes, file: Path, username: str) -> None:
    db = open_signed_in(key, file, username)
    warm_up(db)
    os.write(1, b"ready\n")
    for line in sys.stdin:
        words = line.split()
        if not words:
            continue
        if words[0] != "round":
            raise SystemExit(f"unknown command {words[0]!r}")
        pid = fork_writer(db, key, file, username, words[1:])
        os.write(1, f"pid {pid}\n".encode("ascii"))
        _, status = os.waitpid(pid, 0)
        os.write(1, f"exit {pid} {status}\n".encode("ascii"))


def main() -> None:
    key = bytes.fromhex(sys.stdin.readline().strip())
    serve(key, Path(sys.argv[1]), sys.argv[2])


if __name__ == "__main__":
    main()
