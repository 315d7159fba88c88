"""Read-only logins for SQL users and BI tools: `reporting` and nothing else.

A reader role can connect to the archive's database, use the `reporting`
schema and SELECT from its views. It gets no right on the base tables (the
views read them with their owner's rights), cannot write or create anything,
and its sessions default to read-only transactions, `search_path = reporting`
and a statement timeout, so a runaway dashboard query cannot hold the server.

Roles newsdb made carry the comment ``newsdb reader``; a role of the same name
made by anyone else is never altered or dropped. Names are validated and
quoted as identifiers; the password is sent as a quoted literal, never
formatted into SQL text by hand.
"""

from __future__ import annotations

import re
from typing import Any

import psycopg
from psycopg import sql
from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

READER_COMMENT = "newsdb reader"
NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")
TIMEOUT = re.compile(r"^\d{1,7}\s*(ms|s|min|h)?$")


class RoleError(ValueError):
    """A reader role cannot be granted or revoked; the message says why and what to do."""


def check_name(name: str) -> None:
    if not NAME.match(name):
        raise RoleError(
            f"{name!r} is not a valid role name: use lower-case letters, digits and _, "
            "starting with a letter or _, at most 63 characters"
        )
    if name.startswith("pg_"):
        raise RoleError(f"{name!r} is reserved: role names starting with pg_ belong to PostgreSQL")


def _role_comment(conn: Connection, name: str) -> tuple[bool, str | None]:
    row = conn.execute(
        text("SELECT shobj_description(oid, 'pg_authid') FROM pg_roles WHERE rolname = :name"), {"name": name}
    ).first()
    return (row is not None, row[0] if row is not None else None)


def _exec(conn: Connection, statement: sql.Composable) -> None:
    """Run a composed statement on the connection's psycopg connection, in its transaction."""
    raw: Any = conn.connection.driver_connection
    with raw.cursor() as cur:
        cur.execute(statement)


def grant_reader(engine: Engine, name: str, password: str, *, statement_timeout: str = "30s") -> bool:
    """Create (or update) reader role ``name``; True when it was created."""
    check_name(name)
    if not password or not password.strip():
        raise RoleError("the password is empty; give a non-empty password")
    if "\x00" in password:
        raise RoleError("the password contains a NUL character")
    if not TIMEOUT.match(statement_timeout.strip()):
        raise RoleError(f"statement timeout {statement_timeout!r} is not a duration like 30s, 500ms or 2min")
    role = sql.Identifier(name)
    try:
        with engine.begin() as conn:
            exists, comment = _role_comment(conn, name)
            if exists and comment != READER_COMMENT:
                raise RoleError(f"role {name!r} exists and is not a newsdb reader; choose another name")
            database = sql.Identifier(conn.execute(text("SELECT current_database()")).scalar_one())
            verb = "ALTER" if exists else "CREATE"
            options = "LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT"
            _exec(
                conn,
                sql.SQL(verb + " ROLE {} " + options + " PASSWORD {}").format(role, sql.Literal(password)),
            )
            _exec(conn, sql.SQL("COMMENT ON ROLE {} IS {}").format(role, sql.Literal(READER_COMMENT)))
            for setting, value in (
                ("statement_timeout", statement_timeout.strip()),
                ("search_path", "reporting"),
                ("default_transaction_read_only", "on"),
            ):
                _exec(
                    conn,
                    sql.SQL("ALTER ROLE {} IN DATABASE {} SET {} = {}").format(
                        role, database, sql.Identifier(setting), sql.Literal(value)
                    ),
                )
            _exec(conn, sql.SQL("GRANT CONNECT ON DATABASE {} TO {}").format(database, role))
            _exec(conn, sql.SQL("GRANT USAGE ON SCHEMA reporting TO {}").format(role))
            _exec(conn, sql.SQL("GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO {}").format(role))
            # Views added by later migrations (made by the same owner) become readable too.
            _exec(
                conn, sql.SQL("ALTER DEFAULT PRIVILEGES IN SCHEMA reporting GRANT SELECT ON TABLES TO {}").format(role)
            )
    except (DBAPIError, psycopg.Error) as exc:
        raise RoleError(_explain(exc, "grant-reader")) from exc
    return not exists


def revoke_reader(engine: Engine, name: str) -> None:
    """Drop reader role ``name`` and its privileges in this database."""
    check_name(name)
    role = sql.Identifier(name)
    try:
        with engine.begin() as conn:
            exists, comment = _role_comment(conn, name)
            if not exists:
                raise RoleError(f"there is no role {name!r}")
            if comment != READER_COMMENT:
                raise RoleError(f"role {name!r} is not a newsdb reader; newsdb leaves it alone")
            _exec(
                conn,
                sql.SQL("ALTER DEFAULT PRIVILEGES IN SCHEMA reporting REVOKE SELECT ON TABLES FROM {}").format(role),
            )
            _exec(conn, sql.SQL("DROP OWNED BY {}").format(role))
            _exec(conn, sql.SQL("DROP ROLE {}").format(role))
    except (DBAPIError, psycopg.Error) as exc:
        raise RoleError(_explain(exc, "revoke-reader")) from exc


def list_readers(engine: Engine) -> list[str]:
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT rolname FROM pg_roles WHERE shobj_description(oid, 'pg_authid') = :c ORDER BY rolname"),
            {"c": READER_COMMENT},
        )
        return [r[0] for r in rows]


def _explain(exc: DBAPIError | psycopg.Error, command: str) -> str:
    orig = exc.orig if isinstance(exc, DBAPIError) else exc
    state = getattr(orig, "sqlstate", None)
    detail = str(orig).strip().splitlines()[0] if orig is not None else str(exc)
    if state == "42501" or isinstance(orig, psycopg.errors.InsufficientPrivilege):
        return (
            f"the database user may not manage roles ({detail}); run `newsdb db {command}` as the "
            "database owner with the CREATEROLE privilege"
        )
    if state == "2BP01":
        return f"the role still owns objects in another database ({detail}); drop them there first"
    return f"{command} failed: {detail}"
