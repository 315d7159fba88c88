"""Where the database is, and engines to reach it.

Resolution order: ``--database-url``, then ``NEWSDB_DATABASE_URL``, then the
embedded server (started on first use).  A URL (``postgresql://...``) or a
libpq DSN (``host=... dbname=...``) both work; libpq's ``PG*`` environment
variables fill what the URL leaves out, as in psql.  Nothing here connects at
import time, and passwords never leave :func:`masked`.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Literal

import psycopg
from psycopg.types.array import ListBinaryDumper
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from newsdb.db.embedded import EmbeddedServer

APPLICATION_NAME = "newsdb"

Origin = Literal["option", "environment", "embedded"]


class DatabaseURLError(ValueError):
    """A database URL that cannot be used; the message is safe to print."""


@dataclass(frozen=True)
class Target:
    """A resolved database location."""

    url: URL
    origin: Origin
    server: EmbeddedServer | None = None

    @property
    def masked(self) -> str:
        return masked(self.url)


def masked(url: URL | str) -> str:
    """The URL with its password replaced by ``***``."""
    if isinstance(url, str):
        try:
            url = parse_url(url)
        except DatabaseURLError:
            return "<unparseable URL>"
    return url.render_as_string(hide_password=True)


def parse_url(value: str) -> URL:
    """Parse a URL or libpq DSN into a SQLAlchemy URL for the psycopg driver."""
    value = value.strip()
    if not value:
        raise DatabaseURLError("the database URL is empty")
    if "://" not in value:
        try:
            params = psycopg.conninfo.conninfo_to_dict(value)
        except psycopg.ProgrammingError as exc:
            raise DatabaseURLError(f"not a valid URL or libpq DSN ({_first_line(exc)})") from exc
        query = {k: str(v) for k, v in params.items() if k not in {"user", "password", "dbname", "port"}}
        host = query.pop("host", None)
        port = params.get("port")
        url = URL.create(
            "postgresql+psycopg",
            username=_opt(params.get("user")),
            password=_opt(params.get("password")),
            database=_opt(params.get("dbname")),
            query=query,
        )
        if host and ("/" in host or "," in host):
            url = url.update_query_dict({"host": host})
        elif host:
            url = url.set(host=host)
        if port:
            try:
                url = url.set(port=int(str(port)))
            except ValueError as exc:
                raise DatabaseURLError(f"port {port!r} is not a number") from exc
        return url
    try:
        url = make_url(value)
    except (ArgumentError, ValueError) as exc:
        raise DatabaseURLError("not a valid database URL (expected postgresql://user@host:port/dbname)") from exc
    if url.get_backend_name() not in {"postgresql", "postgres"}:
        raise DatabaseURLError(f"newsdb needs PostgreSQL, not {url.get_backend_name()!r}")
    return url.set(drivername="postgresql+psycopg")


def resolve(option: str | None = None, *, start: bool = True) -> Target:
    """Find the database: option, environment, or the embedded server."""
    if option:
        return Target(parse_url(option), "option")
    env = os.environ.get("NEWSDB_DATABASE_URL")
    if env:
        return Target(parse_url(env), "environment")
    server = EmbeddedServer()
    if start:
        server.ensure_running()
    return Target(make_url(server.socket_url()), "embedded", server)


class BinaryArray(list[Any]):
    """A list that newsdb's connections send to PostgreSQL as a binary array.

    The server gets the same values as from a plain list (which psycopg sends as
    a text array literal), but encoding is about five times cheaper: no quoting
    and escaping of every element.  The writer's multi-row statements send
    thousands of elements per article.  Use it where the SQL casts the parameter
    (``CAST(:x AS bigint[])``): a binary array has a definite element type.  On a
    connection not made by :func:`make_engine` it is sent as a plain list.
    """


def make_engine(url: URL, *, pool_size: int = 5, echo: bool = False) -> Engine:
    """An engine with newsdb's session settings (UTC, application_name)."""
    query = dict(url.query)
    query.setdefault("application_name", APPLICATION_NAME)
    query.setdefault("connect_timeout", "10")
    engine = create_engine(
        url.set(query=query),
        pool_size=pool_size,
        pool_pre_ping=False,
        echo=echo,
    )

    @event.listens_for(engine, "connect")
    def _session_setup(dbapi_connection: psycopg.Connection, _record: object) -> None:
        dbapi_connection.adapters.register_dumper(BinaryArray, ListBinaryDumper)
        with dbapi_connection.cursor() as cur:
            cur.execute("SET TIME ZONE 'UTC'")
        dbapi_connection.commit()

    return engine


def describe_connect_error(exc: BaseException, target: Target) -> str:
    """A one-line, password-free explanation of a failed connection."""
    text = _first_line(exc.__cause__ or exc)
    password = target.url.password
    if password:
        text = text.replace(str(password), "***")
    hint = "check --database-url / NEWSDB_DATABASE_URL"
    if target.origin == "embedded":
        hint = "try `newsdb db status`, or `newsdb db stop` then `newsdb db start`"
    return f"cannot connect to {target.masked}: {text}; {hint}"


def _first_line(exc: BaseException | str) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _opt(value: object) -> str | None:
    return None if value is None else str(value)
