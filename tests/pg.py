"""A real PostgreSQL for tests: the embedded server, or NEWSDB_TEST_DATABASE_URL.

One server per test session; a database migrated once to head serves as the
template, and each test that asks for a database gets a fresh clone of it
(CREATE DATABASE ... TEMPLATE: tens of milliseconds).
"""

from __future__ import annotations

import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import psycopg
from psycopg import sql
from sqlalchemy.engine import URL, make_url

from newsdb.db.connection import make_engine, parse_url
from newsdb.db.embedded import EmbeddedServer
from newsdb.db.migrate import upgrade


class TestServer:
    """Creates and drops databases on one PostgreSQL server."""

    __test__ = False

    def __init__(self, admin_url: URL, embedded: EmbeddedServer | None = None) -> None:
        self.admin_url = admin_url
        self.embedded = embedded

    @classmethod
    @contextmanager
    def start(cls) -> Iterator[TestServer]:
        external = os.environ.get("NEWSDB_TEST_DATABASE_URL")
        if external:
            yield cls(parse_url(external))
            return
        # Under the system temp dir (not pytest's 0700 one): as root the server runs as
        # an unprivileged user that must be able to reach its data directory.
        home = Path(tempfile.mkdtemp(prefix="newsdb-test-"))
        server = EmbeddedServer(home)
        server.ensure_running()
        try:
            yield cls(make_url(server.socket_url("postgres")), server)
        finally:
            server.stop()
            shutil.rmtree(home, ignore_errors=True)

    def url(self, database: str) -> URL:
        return self.admin_url.set(database=database)

    def _admin(self) -> psycopg.Connection:
        conninfo = self.admin_url.set(drivername="postgresql").render_as_string(hide_password=False)
        return psycopg.connect(conninfo, autocommit=True)

    def create(self, template: str | None = None, prefix: str = "newsdb_test") -> str:
        name = f"{prefix}_{os.getpid()}_{uuid.uuid4().hex[:8]}"
        with self._admin() as conn:
            if template:
                conn.execute(
                    sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(name), sql.Identifier(template))
                )
            else:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
        return name

    def drop(self, name: str) -> None:
        with self._admin() as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))

    def create_migrated_template(self) -> str:
        name = self.create(prefix="newsdb_tpl")
        engine = make_engine(self.url(name), pool_size=1)
        try:
            upgrade(engine)
        finally:
            engine.dispose()
        return name
