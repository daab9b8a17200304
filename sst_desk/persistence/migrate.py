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
import tempfile
from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy.engine import Engine

from .backup import backup_sqlite, timestamp, unique_path
from .engine import make_engine, sqlite_file
from .errors import NewerDatabaseError, NotADatabaseError, UpgradeFailedError

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"
SQLITE_INTERNAL = {"sqlite_sequence", "sqlite_stat1", "sqlite_stat4"}


def version_locations() -> list[Path]:
    """Folders holding revision modules (a test adds one with a future revision)."""
    return [MIGRATIONS_DIR / "versions"]


def alembic_config(connection: sa.Connection | None = None, url: str | None = None) -> Config:
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
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = _scripts().get_current_head()
    assert head is not None, "no migrations found"
    return head


def is_known_revision(revision: str) -> bool:
    """Whether this SST Desk has ``revision`` among its migrations (else a newer one made it)."""
    try:
        return _scripts().get_revision(revision) is not None
    except CommandError:
        return False


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


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
        current = MigrationContext.configure(conn).get_current_revision()
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
