"""The team server's two PostgreSQL roles: the owner, who owns the schema and runs migrations, and the
runtime role the server connects as, which may read and write the data but only SELECT and INSERT the
access log — never UPDATE, DELETE or TRUNCATE it — and create nothing (docs/security-accesslog.md, "Roles").

The server's ``serve --init`` (and every upgrade, after the migrations) runs, as the owner::

    ensure_runtime_role(owner_engine, "sst_desk_runtime", password)   # CREATE ROLE … LOGIN, if missing
    setup_roles(owner_engine, "sst_desk_runtime")                     # the grants below, idempotent
    url = runtime_url(owner_url, "sst_desk_runtime", password)        # what the server then connects with

``server.setup.setup_database`` (milestone 1) calls ``setup_roles(owner_url, config=config)``: the owner's
URL instead of an engine, and the role named by ``config.runtime_role`` when the configuration has one,
else ``sst_desk_runtime``. A role that does not exist yet is then made without a login (NOLOGIN); the
administrator gives it one (``ALTER ROLE sst_desk_runtime LOGIN PASSWORD '…'``, or
``ensure_runtime_role`` before ``setup_roles``), and the server connects with it.

``runtime_problems(runtime_engine)`` says what is wrong if the server was given a role that may do more
(the owner's own login, a superuser, UPDATE on the log): the server should refuse to start with one.

Gallring never deletes log entries (the log outlives the cases it names, holding ids, never content:
``workflow.logchain``), so the runtime role needs no DELETE on ``access_log`` and no function that has it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import sqlalchemy as sa
from sqlalchemy.engine import URL, Engine, make_url

from sst_desk.persistence.engine import make_engine

DEFAULT_RUNTIME_ROLE = "sst_desk_runtime"
SCHEMA = "public"
LOG_TABLE = "access_log"
VERSION_TABLE = "alembic_version"
DATA_PRIVILEGES = "SELECT, INSERT, UPDATE, DELETE"
LOG_PRIVILEGES = "SELECT, INSERT"
_ROLE_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


class RoleSetupError(Exception):
    """The roles cannot be set up as asked (a bad role name, the owner lacking a right); the message says which."""


def _name(name: str) -> str:
    if not _ROLE_NAME.match(name):
        raise RoleSetupError(f"a role name is lower-case letters, digits and _ (at most 63), not {name!r}")
    return name


def ensure_runtime_role(owner_engine: Engine, runtime_role: str, password: str) -> bool:
    """Create ``runtime_role`` as a LOGIN role with ``password`` if it does not exist; True if it was created.

    It gets no other attribute (NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS). An existing
    role keeps its password. The owner needs CREATEROLE (or a superuser runs this).
    """
    name = _name(runtime_role)
    if not password:
        raise RoleSetupError("the runtime role needs a password")
    with owner_engine.begin() as conn:
        if conn.execute(sa.text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}).first() is not None:
            return False
        # CREATE ROLE takes no bound parameters: let the server quote the name and the password itself.
        statement = conn.execute(sa.text(
            "SELECT format('CREATE ROLE %I LOGIN PASSWORD %L NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION "
            "NOBYPASSRLS NOINHERIT', CAST(:n AS text), CAST(:p AS text))"), {"n": name, "p": password}).scalar_one()
        try:
            conn.exec_driver_sql(statement)
        except sa.exc.ProgrammingError as exc:
            raise RoleSetupError(f"the owner role may not create the role {name} (it needs CREATEROLE)") from exc
    return True


@dataclass(frozen=True)
class RoleSetup:
    """What ``setup_roles`` did: the runtime role's name, whether it was made now, whether it may log in."""

    runtime_role: str
    created: bool
    can_log_in: bool


def setup_roles(owner_engine: Engine | str | URL, runtime_role: str | None = None, *,
                config: object | None = None) -> RoleSetup:
    """Grant ``runtime_role`` exactly what the server needs on the database ``owner_engine`` owns (idempotent).

    ``owner_engine``: the owner's engine, or its URL. ``runtime_role``: default ``config.runtime_role`` if
    the server's configuration has one, else ``sst_desk_runtime``; a role that does not exist is made
    NOLOGIN (``RoleSetup.can_log_in`` False: give it a password before the server connects with it).

    - no CREATE on the schema, and no TEMPORARY on the database, for ``PUBLIC`` (roles not named here);
    - CONNECT and TEMPORARY on the database (the attendance import stages its rows in a temporary table)
      and USAGE on the schema;
    - every table: SELECT, INSERT, UPDATE, DELETE — nothing else (no TRUNCATE, REFERENCES, TRIGGER);
    - ``access_log``: SELECT and INSERT only; ``alembic_version``: SELECT only (the owner migrates);
    - sequences: USAGE (new ids);
    - default privileges, so a table or sequence a later migration adds is usable at once; run this
      again after every migration all the same: it puts ``access_log``'s limits back if a migration
      recreated the table.
    """
    role = _name(runtime_role or getattr(config, "runtime_role", None) or DEFAULT_RUNTIME_ROLE)
    if isinstance(owner_engine, Engine):
        return _setup_roles(owner_engine, role)
    engine = make_engine(owner_engine)
    try:
        return _setup_roles(engine, role)
    finally:
        engine.dispose()


def _setup_roles(owner_engine: Engine, role: str) -> RoleSetup:
    with owner_engine.begin() as conn:
        database = conn.execute(sa.text("SELECT current_database()")).scalar_one()
        owner = conn.execute(sa.text("SELECT current_user")).scalar_one()
        if role == owner:
            raise RoleSetupError("the runtime role must not be the owner itself")
        quote = conn.dialect.identifier_preparer.quote
        login = conn.execute(sa.text("SELECT rolcanlogin FROM pg_roles WHERE rolname = :n"), {"n": role}).first()
        created = login is None
        if created:
            try:
                with conn.begin_nested():
                    conn.exec_driver_sql(f"CREATE ROLE {quote(role)} NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE "
                                         "NOREPLICATION NOBYPASSRLS NOINHERIT")
            except sa.exc.ProgrammingError as exc:
                raise RoleSetupError(f"the runtime role {role} does not exist and the owner may not create it "
                                     "(it needs CREATEROLE)") from exc
        tables = list(conn.execute(sa.text(
            "SELECT tablename FROM pg_tables WHERE schemaname = :s ORDER BY tablename"), {"s": SCHEMA}).scalars())
        sequences = list(conn.execute(sa.text(
            "SELECT sequencename FROM pg_sequences WHERE schemaname = :s ORDER BY sequencename"),
            {"s": SCHEMA}).scalars())
        statements = [
            f"REVOKE CREATE ON SCHEMA {SCHEMA} FROM PUBLIC",
            f"REVOKE CREATE, TEMPORARY ON DATABASE {quote(database)} FROM PUBLIC",
            f"GRANT CONNECT, TEMPORARY ON DATABASE {quote(database)} TO {quote(role)}",
            f"REVOKE CREATE ON SCHEMA {SCHEMA} FROM {quote(role)}",
            f"GRANT USAGE ON SCHEMA {SCHEMA} TO {quote(role)}",
            f"ALTER DEFAULT PRIVILEGES FOR ROLE {quote(owner)} IN SCHEMA {SCHEMA} "
            f"GRANT {DATA_PRIVILEGES} ON TABLES TO {quote(role)}",
            f"ALTER DEFAULT PRIVILEGES FOR ROLE {quote(owner)} IN SCHEMA {SCHEMA} "
            f"GRANT USAGE ON SEQUENCES TO {quote(role)}",
        ]
        for table in tables:
            target = f"{SCHEMA}.{quote(table)}"
            statements.append(f"REVOKE ALL ON TABLE {target} FROM PUBLIC, {quote(role)}")
            privileges = {LOG_TABLE: LOG_PRIVILEGES, VERSION_TABLE: "SELECT"}.get(table, DATA_PRIVILEGES)
            statements.append(f"GRANT {privileges} ON TABLE {target} TO {quote(role)}")
        for sequence in sequences:
            statements.append(f"REVOKE ALL ON SEQUENCE {SCHEMA}.{quote(sequence)} FROM PUBLIC, {quote(role)}")
            statements.append(f"GRANT USAGE ON SEQUENCE {SCHEMA}.{quote(sequence)} TO {quote(role)}")
        for statement in statements:
            conn.exec_driver_sql(statement)
    return RoleSetup(role, created, bool(login.rolcanlogin) if login is not None else False)


def runtime_url(owner_url: str | URL, runtime_role: str, password: str) -> URL:
    """The owner's URL with the runtime role's login instead (same host, port, database, options)."""
    return make_url(str(owner_url) if isinstance(owner_url, str) else owner_url).set(
        username=_name(runtime_role), password=password)


def runtime_problems(runtime_engine: Engine) -> list[str]:
    """What the role ``runtime_engine`` logs in as may do beyond the runtime role's rights (empty: none).

    For the server to refuse to run as the owner or a superuser, where the access log's limits would not hold.
    """
    problems: list[str] = []
    with runtime_engine.connect() as conn:
        me = conn.execute(sa.text(
            "SELECT rolname, rolsuper, rolcreaterole, rolcreatedb, rolbypassrls FROM pg_roles "
            "WHERE rolname = current_user")).one()
        if me.rolsuper or me.rolbypassrls:
            problems.append(f"{me.rolname} is a superuser (or bypasses row security)")
        if me.rolcreaterole or me.rolcreatedb:
            problems.append(f"{me.rolname} may create roles or databases")
        owned = conn.execute(sa.text(
            "SELECT count(*) FROM pg_tables WHERE schemaname = :s AND tableowner = current_user"),
            {"s": SCHEMA}).scalar_one()
        if owned:
            problems.append(f"{me.rolname} owns {owned} of the tables (it is the owner role)")
        for right in ("UPDATE", "DELETE", "TRUNCATE", "REFERENCES", "TRIGGER"):
            if conn.execute(sa.text("SELECT has_table_privilege(:t, :r)"),
                            {"t": f"{SCHEMA}.{LOG_TABLE}", "r": right}).scalar_one():
                problems.append(f"{me.rolname} may {right} the access log")
        if conn.execute(sa.text("SELECT has_schema_privilege(:s, 'CREATE')"), {"s": SCHEMA}).scalar_one():
            problems.append(f"{me.rolname} may create objects in the schema {SCHEMA}")
    return problems
