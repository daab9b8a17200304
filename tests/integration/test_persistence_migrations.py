"""Migrations build the schema the models describe, and upgrades back up first."""

from __future__ import annotations

from sst_desk.persistence.cipher import dbapi as sqlite3  # never two SQLite libraries on one file
import textwrap
from pathlib import Path

import pytest
import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from sst_desk.persistence import Database, UpgradeFailedError, migrate
from sst_desk.persistence.engine import make_engine
from sst_desk.persistence.mapping import metadata
from doors import door

HEAD = "0010"  # the newest shipped revision

FUTURE_HEADER = """
import sqlalchemy as sa
from alembic import op

revision = "0099"
down_revision = "0010"
branch_labels = None
depends_on = None
"""

# A batch migration that copies a table other tables point at (cases → students):
# the kind of change a later issue will make, with foreign keys to keep intact.
RECREATE_STUDENTS = """
def upgrade():
    with op.batch_alter_table("students", recreate="always") as batch:
        batch.add_column(sa.Column("nickname", sa.Text(), nullable=True))
        batch.alter_column("school", existing_type=sa.Text(), nullable=True)


def downgrade():
    with op.batch_alter_table("students", recreate="always") as batch:
        batch.drop_column("nickname")
"""

FAILING = """
def upgrade():
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    op.execute("UPDATE students SET first_name = 'X'")
    raise RuntimeError("simulated failure half-way")


def downgrade():
    pass
"""


@pytest.fixture
def future(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Install a revision 0002 (from the given source) as if this were a newer SST Desk."""

    def install(body: str) -> None:
        folder = tmp_path / "future_versions"
        folder.mkdir(exist_ok=True)
        (folder / "0099_future.py").write_text(textwrap.dedent(FUTURE_HEADER) + body, encoding="utf-8")
        monkeypatch.setattr(migrate, "version_locations", lambda: [migrate.MIGRATIONS_DIR / "versions", folder])

    return install


def backups_of(db_path: Path) -> list[Path]:
    folder = db_path.parent / "backups"
    return sorted(folder.iterdir()) if folder.exists() else []


def test_migrations_build_exactly_the_models(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "fresh.sqlite3")
    try:
        assert migrate.current_revision(engine) is None
        assert migrate.upgrade(engine, tmp_path / "backups") is None  # nothing to back up yet
        assert migrate.current_revision(engine) == migrate.head_revision() == HEAD
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            assert compare_metadata(context, metadata) == []
            # The comparison can fail: a model the migrations lack shows up.
            extra = sa.MetaData(naming_convention=metadata.naming_convention)
            for table in metadata.sorted_tables:
                table.to_metadata(extra)
            sa.Table("not_migrated", extra, sa.Column("id", sa.Integer, primary_key=True))
            extra.tables["students"].append_column(sa.Column("extra", sa.String(5)))
            extra.tables["students"].c.personal_id.type = sa.String(30)
            diff = compare_metadata(context, extra)
            kinds = {d[0] if isinstance(d, tuple) else d[0][0] for d in diff}
            assert kinds == {"add_table", "add_column", "modify_type"}
    finally:
        engine.dispose()
    assert not (tmp_path / "backups").exists()


def test_no_backup_when_already_at_head(db_path: Path, make_case) -> None:
    with Database.open(db_path) as db:
        door(db).cases.add_case(make_case())
    with Database.open(db_path):
        pass
    assert backups_of(db_path) == []


def test_an_older_database_is_backed_up_then_upgraded(db_path: Path, make_case, future) -> None:
    with Database.open(db_path) as db:
        case_id = door(db).cases.add_case(make_case()).id
    future(RECREATE_STUDENTS)

    with Database.open(db_path) as db:
        assert migrate.current_revision(db.engine) == "0099"
        assert door(db).cases.load_case(case_id).student.first_name == "Alva"  # the copied table is still linked
        with db.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
            columns = {c["name"]: c for c in sa.inspect(conn).get_columns("students")}
            assert "nickname" in columns and columns["school"]["nullable"]
            with pytest.raises(sa.exc.IntegrityError):  # references are still enforced
                conn.exec_driver_sql("DELETE FROM students")

    (backup,) = backups_of(db_path)
    assert backup.name.startswith(f"pre-upgrade-{HEAD}-") and backup.suffix == ".sqlite3"
    old = sqlite3.connect(backup)
    try:
        assert old.execute("SELECT version_num FROM alembic_version").fetchall() == [(HEAD,)]
        assert old.execute("SELECT first_name FROM students").fetchall() == [("Alva",)]
        assert "nickname" not in {row[1] for row in old.execute("PRAGMA table_info(students)")}
    finally:
        old.close()

    with Database.open(db_path):
        pass
    assert backups_of(db_path) == [backup]  # at head now: no second backup


def test_a_downgraded_database_is_backed_up_before_rebuilding(db_path: Path) -> None:
    with Database.open(db_path) as db, db.engine.begin() as conn:
        command.downgrade(migrate.alembic_config(conn), "base")
    with Database.open(db_path) as db:
        assert migrate.current_revision(db.engine) == HEAD
    (backup,) = backups_of(db_path)
    assert backup.name.startswith("pre-upgrade-base-")


def test_a_failed_upgrade_leaves_the_database_as_it_was(db_path: Path, make_case, future) -> None:
    with Database.open(db_path) as db:
        case_id = door(db).cases.add_case(make_case()).id
    future(FAILING)
    with pytest.raises(UpgradeFailedError) as info:
        Database.open(db_path)
    (backup,) = backups_of(db_path)
    assert info.value.backup_path == backup and str(backup) in str(info.value)
    assert "\n" not in str(info.value)

    engine = make_engine(db_path)
    try:
        assert migrate.current_revision(engine) == HEAD
        with engine.connect() as conn:
            assert "half_done" not in sa.inspect(conn).get_table_names()  # DDL rolled back too
            assert conn.exec_driver_sql("SELECT first_name FROM students").scalar() == "Alva"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        engine.dispose()
    assert case_id is not None


def test_a_database_with_tables_but_no_revision_is_not_ours(tmp_path: Path) -> None:
    engine = make_engine(tmp_path / "x.sqlite3")
    try:
        with engine.begin() as conn:
            conn.exec_driver_sql("CREATE TABLE recipes (name TEXT)")
        with pytest.raises(migrate.NotADatabaseError):
            migrate.upgrade(engine, tmp_path)
    finally:
        engine.dispose()


def test_the_fast_revision_reading_agrees_with_alembic(future) -> None:
    """Opening a database reads heads and revisions without Alembic; it must agree with Alembic's own view."""
    assert migrate.head_revision() == migrate._scripts().get_current_head() == HEAD
    assert migrate.is_known_revision("0001") and not migrate.is_known_revision("9999")
    future(RECREATE_STUDENTS)
    assert migrate.head_revision() == migrate._scripts().get_current_head() == "0099"
    assert migrate.is_known_revision("0099")


def test_opening_a_current_database_does_not_import_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    Database.open(tmp_path / "current.sqlite3").close()
    code = ("import sys; from sst_desk.persistence import Database; "
            f"Database.open({str(tmp_path / 'current.sqlite3')!r}).close(); "
            "print(sorted(m for m in sys.modules if m.startswith('alembic')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout
