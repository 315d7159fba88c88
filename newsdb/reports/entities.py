"""`report people|organizations|places`: most mentioned, with counts, dates and top titles."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, literal_column, select

from newsdb.db.models import Article, Entity, Mention, PersonRole
from newsdb.reports.common import Filters
from newsdb.reports.result import Result, limited


def top_entities(conn: Connection, filters: Filters, kind: str, min_mentions: int = 1) -> Result:
    mentions = func.count(Mention.id)
    titles = (
        select(func.string_agg(PersonRole.title.distinct(), literal_column("', '")))
        .where(PersonRole.person_id == Entity.id)
        .correlate(Entity)
        .scalar_subquery()
    )
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
