"""Schema revisions: run Alembic from newsdb, and check the database is current."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util.exc import CommandError
from sqlalchemy import Engine


class SchemaError(RuntimeError):
    """The database schema is not the one this newsdb needs; the message says what to do."""


def _migrations_dir() -> Path:
    package = Path(__file__).resolve().parent.parent
    for candidate in (package.parent / "migrations", package / "_migrations"):
        if (candidate / "env.py").exists():
            return candidate
    raise SchemaError("newsdb's migrations are missing from this installation; reinstall newsdb")


def alembic_config(engine: Engine | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_migrations_dir()))
    cfg.attributes["engine"] = engine
    return cfg


def script() -> ScriptDirectory:
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script().get_current_head()
    if head is None:  # pragma: no cover - the package always ships revisions
        raise SchemaError("newsdb ships no migrations; reinstall newsdb")
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def check_current(engine: Engine) -> None:
    """Raise SchemaError unless the database is at this newsdb's head revision."""
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return
    if current is None:
        raise SchemaError("the database has no newsdb schema yet; run `newsdb db upgrade`")
    try:
        known = script().get_revision(current)
    except CommandError:
        known = None
    if known is None:
        raise SchemaError(
            f"the database is at revision {current}, which this newsdb does not know "
            "(made by a newer newsdb?); upgrade newsdb, or use another database"
        )
    raise SchemaError(f"the database schema is at revision {current}, newsdb needs {head}; run `newsdb db upgrade`")


def _run(engine: Engine, fn_name: str, revision: str) -> None:
    cfg = alembic_config(engine)
    # A plain connection, not engine.begin(): env.py commits its session settings and
    # Alembic then runs each migration in a transaction of its own.
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        try:
            getattr(command, fn_name)(cfg, revision)
        except CommandError as exc:
            raise SchemaError(f"{fn_name} to {revision!r} failed: {exc}") from exc


def upgrade(engine: Engine, revision: str = "head") -> None:
    _run(engine, "upgrade", revision)


def downgrade(engine: Engine, revision: str) -> None:
    _run(engine, "downgrade", revision)
