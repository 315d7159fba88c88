"""`report people|organizations|places`: most mentioned, with counts, dates and top titles."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, column, func, literal_column, select, table

from newsdb.db.models import Article, Entity, Mention, PersonRole
from newsdb.reports.common import Filters
from newsdb.reports.result import Result, limited


def top_entities(conn: Connection, filters: Filters, kind: str, min_mentions: int = 1) -> Result:
    if not filters.filtered:
        return _from_counts(conn, filters, kind, min_mentions)
    mentions = func.count(Mention.id)
    titles = _titles()
    columns: list[Any] = [
        Entity.id.label("entity_id"),
        Entity.name.label("name"),
        mentions.label("mentions"),
        func.count(func.distinct(Mention.article_id)).label("articles"),
        func.min(Article.published_at).label("first_seen"),
        func.max(Article.published_at).label("last_seen"),
    ]
    if kind == "person":
        columns.append(titles.label("titles"))
    query = (
        select(*columns)
        .join(Mention, Mention.entity_id == Entity.id)
        .join(Article, Article.id == Mention.article_id)
        .where(Entity.kind == kind, filters.article_clause())
        .group_by(Entity.id)
        .having(mentions >= min_mentions)
        .order_by(mentions.desc(), Entity.name)
    )
    return limited(conn, query, filters.limit)


def _titles() -> Any:
    return (
        select(func.string_agg(PersonRole.title.distinct(), literal_column("', '")))
        .where(PersonRole.person_id == Entity.id)
        .correlate(Entity)
        .scalar_subquery()
    )


def _from_counts(conn: Connection, filters: Filters, kind: str, min_mentions: int) -> Result:
    """Whole-archive counts, precomputed after each load (public.entity_stats)."""
    mv = table(
        "entity_stats",
        column("entity_id"),
        column("mention_count"),
        column("article_count"),
        column("first_seen_at"),
        column("last_seen_at"),
    )
    columns: list[Any] = [
        Entity.id.label("entity_id"),
        Entity.name.label("name"),
        mv.c.mention_count.label("mentions"),
        mv.c.article_count.label("articles"),
        mv.c.first_seen_at.label("first_seen"),
        mv.c.last_seen_at.label("last_seen"),
    ]
    if kind == "person":
        columns.append(_titles().label("titles"))
    query = (
        select(*columns)
        .select_from(mv)
        .join(Entity, Entity.id == mv.c.entity_id)
        .where(Entity.kind == kind, mv.c.mention_count >= min_mentions)
        .order_by(mv.c.mention_count.desc(), Entity.name)
    )
    return limited(conn, query, filters.limit)
