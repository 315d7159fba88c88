"""What every report shares: filters, entity look-up, limits.

Reports are SQLAlchemy Core queries with bound parameters; a user's text
never becomes SQL text. Each report module exposes one function taking a
Connection and returning a :class:`~newsdb.cli.output.RowSet`-shaped result.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import ColumnElement, Connection, and_, func, select, true

from newsdb.db.models import Article, Entity, EntityAlias, Source
from newsdb.load.normalize import normalize_name

UTC = UTC


class ReportError(ValueError):
    """A report cannot answer as asked; the message says what to do."""


@dataclass(frozen=True)
class Filters:
    since: date | None = None
    until: date | None = None
    source: str | None = None
    limit: int = 20

    def article_clause(self) -> ColumnElement[bool]:
        """Conditions on ``article`` for --since/--until/--source."""
        a = Article
        clauses: list[ColumnElement[bool]] = []
        if self.since is not None:
            clauses.append(a.published_at >= datetime.combine(self.since, time(), UTC))
        if self.until is not None:
            end = datetime.combine(self.until + timedelta(days=1), time(), UTC)
            clauses.append(a.published_at < end)
        if self.source is not None:
            clauses.append(a.source_id.in_(select(Source.id).where(Source.code == self.source.strip().lower())))
        return and_(true(), *clauses)

    @property
    def filtered(self) -> bool:
        return self.since is not None or self.until is not None or self.source is not None

    def describe(self) -> str:
        """' since 2024-01-01 from site-59', for messages about empty results."""
        parts = []
        if self.since:
            parts.append(f"since {self.since.isoformat()}")
        if self.until:
            parts.append(f"until {self.until.isoformat()}")
        if self.source:
            parts.append(f"from source {self.source}")
        return (" " + " ".join(parts)) if parts else ""


@dataclass(frozen=True)
class EntityRef:
    id: int
    kind: str
    name: str
    disambiguation: str | None = None

    def label(self) -> str:
        extra = f", {self.disambiguation}" if self.disambiguation else ""
        return f"{self.name} (#{self.id}, {self.kind}{extra})"


def find_entities(conn: Connection, name: str, *, kind: str | None = None) -> list[EntityRef]:
    """Entities one of whose aliases equals ``name`` (case-, accent- and honorific-insensitive).

    ``NAME#ID`` (or ``#ID``) picks one entity by id.
    """
    text = name.strip()
    if not text:
        raise ReportError("the entity name is empty")
    if "#" in text:
        _, _, ident = text.rpartition("#")
        if ident.isdigit():
            row = conn.execute(
                select(Entity.id, Entity.kind, Entity.name, Entity.disambiguation).where(Entity.id == int(ident))
            ).first()
            if row is None:
                raise ReportError(f"no entity #{ident}")
            return [EntityRef(*row)]
    normalized = normalize_name(text)
    query = (
        select(Entity.id, Entity.kind, Entity.name, Entity.disambiguation)
        .join(EntityAlias, EntityAlias.entity_id == Entity.id)
        .where(EntityAlias.normalized == normalized)
        .distinct()
        .order_by(Entity.id)
    )
    if kind is not None:
        query = query.where(Entity.kind == kind)
    return [EntityRef(*r) for r in conn.execute(query)]


def suggestions(conn: Connection, name: str, *, kind: str | None = None, limit: int = 5) -> list[str]:
    """Names close to ``name`` (pg_trgm similarity on aliases), best first."""
    normalized = normalize_name(name)
    if not normalized:
        return []
    similarity = func.similarity(EntityAlias.normalized, normalized)
    query = (
        select(Entity.name, func.max(similarity).label("score"))
        .join(EntityAlias, EntityAlias.entity_id == Entity.id)
        .where(EntityAlias.normalized.op("%")(normalized))
        .group_by(Entity.name)
        .order_by(func.max(similarity).desc(), Entity.name)
        .limit(limit)
    )
    if kind is not None:
        query = query.where(Entity.kind == kind)
    return [r[0] for r in conn.execute(query)]


def resolve_entity(conn: Connection, name: str, *, kind: str | None = None, option: str = "") -> list[EntityRef]:
    """All entities answering to ``name``; a ReportError with 'did you mean' when none does."""
    found = find_entities(conn, name, kind=kind)
    if found:
        return found
    what = f"{kind}" if kind else "entity"
    hint = suggestions(conn, name, kind=kind)
    where = f" for {option}" if option else ""
    message = f"no {what} named {name!r}{where}"
    if hint:
        message += "; did you mean: " + ", ".join(hint) + "?"
    raise ReportError(message)


def resolve_one(conn: Connection, name: str, *, kind: str | None = None) -> EntityRef:
    """Exactly one entity, or a ReportError listing the candidates."""
    found = resolve_entity(conn, name, kind=kind)
    if len(found) > 1:
        options = "; ".join(e.label() for e in found)
        raise ReportError(
            f"{name!r} is ambiguous: {options}. Pick one with NAME#ID, e.g. '{found[0].name}#{found[0].id}'"
        )
    return found[0]
