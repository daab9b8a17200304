"""Bring a database to the current schema with Alembic, configured in code (no alembic.ini).

``upgrade(engine, backup_dir)`` is what opening a database does: a database
already at head is left alone; an older one is first copied with SQLite's
backup API, then upgraded; one from a newer SST Desk is refused untouched.

For developers, a new revision (compared against the models)::

    python -m sst_desk.persistence.migrations revision "add school year to students"
"""

from __future__ import annotations

import argparse
import os
import re
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from sst_desk.persistence.backup import backup_sqlite, timestamp, unique_path
from sst_desk.persistence.engine import make_engine, sqlite_file
from sst_desk.persistence.errors import NewerDatabaseError, NotADatabaseError, UpgradeFailedError

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

# Alembic is imported only when a migration has to run (or for developers' commands): opening a
# database that is already at head, the everyday case, reads the revision files and one table
# itself, which keeps Alembic's ~0.2 s import out of the app's start.

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"
SQLITE_INTERNAL = {"sqlite_sequence", "sqlite_stat1", "sqlite_stat4"}


def version_locations() -> list[Path]:
    """Folders holding revision modules (a test adds one with a future revision)."""
    return [MIGRATIONS_DIR / "versions"]


def alembic_config(connection: sa.Connection | None = None, url: str | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.set_main_option("path_separator", "os")
    cfg.set_main_option("version_locations", _join(version_locations()))
    if url is not None:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    cfg.attributes["connection"] = connection
    return cfg


def _join(paths: list[Path]) -> str:
    return os.pathsep.join(str(p) for p in paths)


def _scripts() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


_REVISION = re.compile(r"^revision\s*(?::[^=\n]+)?=\s*[\"']([^\"']+)[\"']\s*$", re.M)
_DOWN = re.compile(r"^down_revision\s*(?::[^=\n]+)?=\s*(.+?)\s*$", re.M)
_QUOTED = re.compile(r"^[\"']([^\"']+)[\"']$")


def _revision_graph() -> dict[str, str | None] | None:
    """revision → down_revision read from the revision files, or None when one is not a simple chain link."""
    graph: dict[str, str | None] = {}
    for folder in version_locations():
        for file in sorted(Path(folder).glob("*.py")):
            text = file.read_text(encoding="utf-8")
            revision, down = _REVISION.search(text), _DOWN.search(text)
            if revision is None:
                continue
            if down is None:
                return None
            value = down.group(1)
            quoted = _QUOTED.match(value)
            if value != "None" and quoted is None:
                return None  # a merge (tuple) or something computed: let Alembic decide
            graph[revision.group(1)] = quoted.group(1) if quoted else None
    return graph


def head_revision() -> str:
    graph = _revision_graph()
    if graph:
        heads = set(graph) - {down for down in graph.values() if down}
        if len(heads) == 1:
            return heads.pop()
    head = _scripts().get_current_head()
    assert head is not None, "no migrations found"
    return head


def is_known_revision(revision: str) -> bool:
    """Whether this SST Desk has ``revision`` among its migrations (else a newer one made it)."""
    graph = _revision_graph()
    if graph is not None:
        return revision in graph
    from alembic.util.exc import CommandError

    try:
        return _scripts().get_revision(revision) is not None
    except CommandError:
        return False


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return _stored_revision(conn)


def _stored_revision(conn: sa.Connection) -> str | None:
    """The revision recorded in the database (what Alembic's MigrationContext reports), without Alembic."""
    if not sa.inspect(conn).has_table(VERSION_TABLE):
        return None
    rows = conn.execute(sa.text(f"SELECT version_num FROM {VERSION_TABLE}")).scalars().all()
    if len(rows) > 1:
        raise RuntimeError(f"{VERSION_TABLE} holds several revisions: {rows}")
    return rows[0] if rows else None


def _location(engine: Engine) -> str | Path:
    return sqlite_file(engine.url) or engine.url.render_as_string(hide_password=True)


def upgrade(engine: Engine, backup_dir: Path | None = None) -> Path | None:
    """Migrate to head; returns the backup made first, if one was (SQLite only, with ``backup_dir``).

    Raises ``NewerDatabaseError`` for a revision this version does not know,
    ``NotADatabaseError`` for a database with tables but no SST Desk revision,
    and ``UpgradeFailedError`` if a migration fails (its transaction is rolled back).
    """
    location = _location(engine)
    with engine.connect() as conn:
        current = _stored_revision(conn)
        tables = set(sa.inspect(conn).get_table_names()) - SQLITE_INTERNAL
    if current == head_revision():
        return None
    if current is not None and not is_known_revision(current):
        raise NewerDatabaseError(location)
    if current is None and tables - {VERSION_TABLE}:
        raise NotADatabaseError(location)
    backup = None
    if tables and backup_dir is not None and sqlite_file(engine.url) is not None:
        name = f"pre-upgrade-{current or 'base'}-{timestamp()}.sqlite3"
        backup = backup_sqlite(engine, unique_path(backup_dir / name))
        from sst_desk.persistence import cipher

        file = sqlite_file(engine.url)
        assert file is not None
        cipher.copy_key_beside(file, backup)
    try:
        _run_upgrade(engine)
    except Exception as exc:
        raise UpgradeFailedError(location, backup) from exc
    return backup


def _run_upgrade(engine: Engine) -> None:
    with engine.connect() as conn:
        sqlite = conn.dialect.name == "sqlite"
        raw = conn.connection.dbapi_connection
        if sqlite:
            # Batch migrations drop and recreate tables; with foreign keys on, that would
            # cascade into the children. The switch only works outside a transaction.
            raw.execute("PRAGMA foreign_keys = OFF")  # type: ignore[union-attr]
        try:
            from alembic import command

            with conn.begin():
                command.upgrade(alembic_config(conn), "head")
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(f"migration left {len(broken)} broken references, e.g. {broken[0]}")
        finally:
            if sqlite:
                raw.execute("PRAGMA foreign_keys = ON")  # type: ignore[union-attr]


def new_revision(message: str) -> Path:
    """Write the next numbered revision, autogenerated against a scratch database at head."""
    scripts = _scripts()
    head = scripts.get_current_head()
    rev_id = f"{int(head) + 1:04d}" if head and head.isdigit() else "0001"
    with tempfile.TemporaryDirectory() as scratch:
        engine = make_engine(Path(scratch) / "scratch.sqlite3")
        try:
            upgrade(engine)
            with engine.begin() as conn:
                from alembic import command

                script = command.revision(alembic_config(conn), message=message, autogenerate=True, rev_id=rev_id)
        finally:
            engine.dispose()
    assert script is not None and not isinstance(script, list)
    return Path(script.path)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sst_desk.persistence.migrations")
    sub = parser.add_subparsers(dest="command", required=True)
    rev = sub.add_parser("revision", help="autogenerate the next migration from the models")
    rev.add_argument("message")
    sub.add_parser("heads", help="print the head revision")
    args = parser.parse_args(argv)
    if args.command == "revision":
        print(new_revision(args.message))
    else:
        print(head_revision())
    return 0
