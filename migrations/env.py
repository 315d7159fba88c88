"""Alembic environment: one transaction per migration, short lock timeouts."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection, text

from newsdb.db import models
from newsdb.db.connection import make_engine, resolve

config = context.config
target_metadata = models.Base.metadata


def _configure(connection: Connection) -> None:
    # Fail fast instead of queueing behind a long query that holds a lock.
    connection.execute(text("SET lock_timeout = '10s'"))
    connection.execute(text("SET statement_timeout = '10min'"))
    connection.commit()
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        compare_type=True,
        compare_server_default=True,
        transaction_per_migration=True,
        include_schemas=False,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        return
    url_option = context.get_x_argument(as_dictionary=True).get("url")
    target = resolve(url_option)
    engine = make_engine(target.url, pool_size=1)
    try:
        with engine.connect() as conn:
            _configure(conn)
    finally:
        engine.dispose()


if context.is_offline_mode():
    raise SystemExit("newsdb migrations run online only: use `newsdb db upgrade` or `alembic upgrade head`")
run_migrations_online()
