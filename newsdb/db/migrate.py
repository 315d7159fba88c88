"""Schema revisions: run Alembic from newsdb, and check the database is current.

Every command that opens the database checks its revision first.  When the
database is current (the usual case) that check reads the migration files'
revision ids and the ``alembic_version`` row without importing Alembic
(about 0.1 s of start-up); anything else goes to Alembic for the verdict.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text

if TYPE_CHECKING:
    from alembic.config import Config
    from alembic.script import ScriptDirectory


class SchemaError(RuntimeError):
    """The database schema is not the one this newsdb needs; the message says what to do."""


def _migrations_dir() -> Path:
    package = Path(__file__).resolve().parent.parent
    for candidate in (package.parent / "migrations", package / "_migrations"):
        if (candidate / "env.py").exists():
            return candidate
    raise SchemaError("newsdb's migrations are missing from this installation; reinstall newsdb")


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(_migrations_dir()))
    cfg.attributes["engine"] = engine
    return cfg


def script() -> ScriptDirectory:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    head = script().get_current_head()
    if head is None:  # pragma: no cover - the package always ships revisions
        raise SchemaError("newsdb ships no migrations; reinstall newsdb")
    return head


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


_REVISION_LINE = re.compile(r"^(revision|down_revision)(?:: [^=]+)? = (None|\"[^\"]+\")$", re.MULTILINE)


def _linear_head() -> str | None:
    """The head revision read from the migration files, or None unless they form one plain chain."""
    try:
        files = sorted((_migrations_dir() / "versions").glob("*.py"))
        parent: dict[str, str | None] = {}
        for path in files:
            found = dict(_REVISION_LINE.findall(path.read_text(encoding="utf-8")))
            if set(found) != {"revision", "down_revision"}:
                return None
            revision, down = found["revision"].strip('"'), found["down_revision"]
            parent[revision] = None if down == "None" else down.strip('"')
    except (OSError, SchemaError):
        return None
    heads = set(parent) - set(parent.values())
    roots = [r for r, p in parent.items() if p is None]
    if len(parent) != len(files) or len(heads) != 1 or len(roots) != 1:
        return None
    if any(p is not None and p not in parent for p in parent.values()):
        return None
    return heads.pop()


def _is_at(engine: Engine, revision: str) -> bool:
    """Whether alembic_version (in the default schema, where Alembic keeps it) holds just ``revision``."""
    with engine.connect() as conn:
        table = conn.execute(text("SELECT to_regclass(quote_ident(current_schema()) || '.alembic_version')")).scalar()
        if table is None:
            return False
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all() == [revision]


def check_current(engine: Engine) -> None:
    """Raise SchemaError unless the database is at this newsdb's head revision."""
    head = _linear_head()
    if head is not None and _is_at(engine, head):
        return
    from alembic.util.exc import CommandError

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
    from alembic import command
    from alembic.util.exc import CommandError

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
