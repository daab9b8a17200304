"""Alembic environment: runs on the connection ``sst_desk.persistence.migrate`` hands it.

There is no alembic.ini: ``migrate.alembic_config()`` builds the configuration
in code, so migrations run the same from a checkout, a wheel or the installer.
"""

from __future__ import annotations

from typing import Any, Literal

import sqlalchemy as sa
from alembic import context
from alembic.autogenerate.api import AutogenContext

from sst_desk.persistence.engine import make_engine
from sst_desk.persistence.mapping import metadata, start_mappers

start_mappers()
config = context.config


def _render_item(kind: str, obj: Any, autogen: AutogenContext) -> str | Literal[False]:
    """Write the app's column types as the plain types they store, so a migration never imports the app."""
    if kind != "type":
        return False
    if isinstance(obj, sa.Enum) and not obj.native_enum:
        return f"sa.String(length={obj.length})"
    if isinstance(obj, sa.types.TypeDecorator):
        return f"sa.{obj.impl_instance!r}"
    return False


def _configure(**kw: Any) -> None:
    context.configure(
        target_metadata=metadata,
        render_as_batch=True,  # SQLite can only alter a table by copying it
        compare_type=True,
        render_item=_render_item,
        **kw,
    )


def run_offline() -> None:
    """Write SQL to stdout (``--sql``), e.g. for a DBA to review a PostgreSQL upgrade."""
    _configure(url=config.get_main_option("sqlalchemy.url"), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection=connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    url = config.get_main_option("sqlalchemy.url")
    if not url:
        raise SystemExit("no database: run migrations through sst_desk.persistence.migrate")
    engine = make_engine(url)
    try:
        with engine.connect() as connection:
            _configure(connection=connection)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
