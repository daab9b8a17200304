"""Alembic environment: runs on the connection ``sst_desk.persistence.migrate`` hands it.

There is no alembic.ini: ``migrate.alembic_config()`` builds the configuration
in code, so migrations run the same from a checkout, a wheel or the installer.
"""

from __future__ import annotations

from alembic import context

from sst_desk.persistence.engine import make_engine
from sst_desk.persistence.mapping import metadata, start_mappers

start_mappers()
config = context.config


def _configure(**kw: object) -> None:
    context.configure(
        target_metadata=metadata,
        render_as_batch=True,  # SQLite can only alter a table by copying it
        compare_type=True,
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
    engine = make_engine(config.get_main_option("sqlalchemy.url"))
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
