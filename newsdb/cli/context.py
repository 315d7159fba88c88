"""State shared by every command: where the database is, made on first use.

The database layer (SQLAlchemy, psycopg, Alembic) is imported here only when a
command first asks for the database: `newsdb extract` and `--help` never do.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from newsdb.db.connection import Target


@dataclass
class AppContext:
    database_url: str | None = None
    _target: Target | None = field(default=None, repr=False)
    _engine: Engine | None = field(default=None, repr=False)

    def target(self, *, start: bool = True) -> Target:
        if self._target is None or (start and self._target.origin == "embedded" and self._target.server is None):
            from newsdb.db.connection import DatabaseURLError, resolve
            from newsdb.db.embedded import EmbeddedServerError

            try:
                self._target = resolve(self.database_url, start=start)
            except DatabaseURLError as exc:
                raise click.ClickException(f"bad database URL: {exc}") from exc
            except EmbeddedServerError as exc:
                raise click.ClickException(str(exc)) from exc
        return self._target

    def engine(self, *, check_schema: bool = True) -> Engine:
        """The engine, after proving it connects (and, by default, that the schema is current)."""
        from sqlalchemy.exc import DBAPIError, OperationalError

        from newsdb.db.connection import describe_connect_error, make_engine
        from newsdb.db.migrate import SchemaError, check_current

        if self._engine is None:
            target = self.target()
            engine = make_engine(target.url)
            try:
                with engine.connect():
                    pass
            except OperationalError as exc:
                engine.dispose()
                raise click.ClickException(describe_connect_error(exc, target)) from exc
            self._engine = engine
        if check_schema:
            try:
                check_current(self._engine)
            except SchemaError as exc:
                raise click.ClickException(str(exc)) from exc
            except DBAPIError as exc:  # e.g. a login that may not read alembic_version
                first = str(exc.orig or exc).strip().splitlines()[0]
                raise click.ClickException(f"cannot read the schema revision as this database user: {first}") from exc
        return self._engine

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None


pass_app = click.make_pass_decorator(AppContext)
