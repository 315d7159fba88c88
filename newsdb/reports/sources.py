"""`report sources`: articles per source, first and last date, share with statements."""

from __future__ import annotations

from sqlalchemy import Connection, Float, cast, exists, func, select

from newsdb.db.models import Article, Source, StatementReport
from newsdb.reports.common import Filters
from newsdb.reports.result import Result, limited


def sources(conn: Connection, filters: Filters) -> Result:
    has_statement = exists().where(StatementReport.article_id == Article.id)
    with_statements = func.count().filter(has_statement)
    query = (
        select(
            Source.code.label("source_code"),
            Source.name.label("source_name"),
            func.count(Article.id).label("articles"),
            func.min(Article.published_at).label("first_published"),
            func.max(Article.published_at).label("last_published"),
            func.round(cast(with_statements, Float).op("/")(func.count(Article.id)) * 100).label("pct_with_statements"),
        )
        .join(Article, Article.source_id == Source.id)
        .where(filters.article_clause())
        .group_by(Source.id)
        .order_by(func.count(Article.id).desc(), Source.code)
    )
    return limited(conn, query, filters.limit)
