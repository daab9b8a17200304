"""The demo database's users: one per role, with a documented password (README, "Demo").

A newcomer starts with ``./run-app.sh --demo`` and signs in as any of them.
They exist only in databases made by ``sst-desk demo`` / ``--demo``; the
password is public, so a demo database must never hold real data. The demo
accounts are made without the password-strength check (the password is
public anyway, and the database is marked as a demo).

The mark: ``database_meta`` key "demo" holds the file name the database was
made as, and the key file carries a copy (the sign-in dialog must decide before
the database can be read whether to show the demo users). Opened under another
name, the notice is not shown and every demo user still on the public password
must choose a new one at sign-in (security/signin.authenticate).

Case membership in the demo shows access by need: Sara (skolsocionom) and
Karin (kurator) are responsible for most cases, each for some alone, and a few
belong to neither (only Tove, the team lead, sees those); protected students
are Sara's only. Adam (administratör) sees no cases.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import sqlalchemy as sa

from sst_desk.persistence import Database
from sst_desk.persistence import accounts
from sst_desk.persistence.mapping import case_members, cases, students
from sst_desk.demo.users import DEMO_PASSWORD, DEMO_PHONES, DEMO_USERS


def create_demo_database(path: Path, students_count: int = 40, seed: int = 1,
                         today: dt.date | None = None) -> list[int]:
    """Make a new encrypted demo database at ``path`` with the demo users and fictional cases; the case ids."""
    from sst_desk.demo.generate import populate
    from sst_desk.demo.attendance import DEMO_EXPORTS, add_attendance, write_demo_export
    from sst_desk.security import passwords
    from sst_desk.security.keyfile import KeyFile, key_file_for, new_database_key
    from sst_desk.security.signin import first_run_needed

    if not first_run_needed(path):
        raise ValueError(f"{path} already has users")
    key = new_database_key()
    keys = KeyFile.new(key_file_for(path))
    keys.demo_name = path.name
    for username, _name, _role in DEMO_USERS:
        keys.set_slot(username, DEMO_PASSWORD, key)
    db = Database.open(path, key=key)
    try:
        accounts.set_demo_mark(db, path.name)
        for username, name, role in DEMO_USERS:
            added = accounts.add_user(db, username, name, role, passwords.hash_password(DEMO_PASSWORD),
                                      must_change_password=False)
            if username in DEMO_PHONES:
                accounts.update_user(db, added.id, phone=DEMO_PHONES[username])
        ids = populate(db, students=students_count, seed=seed, today=today)
        add_attendance(db, ids, seed, today or dt.date.today())
        write_demo_export(db, path.parent / DEMO_EXPORTS, today or dt.date.today())
        assign_demo_members(db)
        keys.save()
    except BaseException:
        db.close()
        path.unlink(missing_ok=True)
        raise
    db.close()
    return ids


def ensure_demo_database(path: Path | None = None) -> Path:
    """The demo database (encrypted, with the demo users), created with 40 cases only when it has no users yet."""
    from sst_desk import paths
    from sst_desk.demo.generate import DEMO_DATABASE_NAME
    from sst_desk.security.signin import first_run_needed

    path = Path(path) if path is not None else paths.data_dir() / DEMO_DATABASE_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    if first_run_needed(path):
        if path.exists():
            path.unlink()  # an empty or plain demo file from an earlier version: demo data only
        create_demo_database(path)
    else:
        mark_earlier_demo(path)
    return path


def mark_earlier_demo(path: Path) -> bool:
    """Give the demo database at the demo's own place the demo mark, if an earlier SST Desk made it without one.

    Only for ``--demo`` (``ensure_demo_database``), and only when the public demo password still opens
    it: then it is the demo generator's database, not a team's. True when a mark was written.
    """
    from sst_desk.security import signin
    from sst_desk.security.keyfile import KeyFile, KeyFileError, key_file_for

    try:
        keys = KeyFile.load(key_file_for(path))
    except KeyFileError:
        return False
    if keys.demo_name is not None:
        return False
    for username, _name, _role in DEMO_USERS:
        try:
            key = signin.unlock(path, username, DEMO_PASSWORD, wait=0)
        except signin.SignInError:
            continue
        with Database.open(path, key=key) as db:
            if accounts.demo_mark(db) is None:
                accounts.set_demo_mark(db, path.name)
        keys = KeyFile.load(key_file_for(path))  # unlock may have upgraded the slot
        keys.demo_name = path.name
        keys.save()
        return True
    return False


def assign_demo_members(db: Database) -> None:
    """Spread the cases between Sara and Karin as described in the module docstring."""
    with db.uow() as uow:
        ids = {name: uow.users.find(name).id for name in ("sara", "karin")}
        rows = uow.session.execute(
            sa.select(cases.c.id, students.c.protected_identity)
            .join_from(cases, students, cases.c.student_id == students.c.id).order_by(cases.c.id)).all()
        links = []
        for number, (case_id, protected) in enumerate(rows):
            if protected:
                owners = ["sara"]
            else:
                owners = [["sara", "karin"], ["sara", "karin"], ["sara"], ["karin"], []][number % 5]
            links += [{"case_id": case_id, "user_id": ids[name]} for name in owners]
        if links:
            uow.session.execute(sa.insert(case_members), links)
        uow.commit()
