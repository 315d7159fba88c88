"""`search`: full-text search over articles (websearch syntax, ranked, with snippets)."""

from __future__ import annotations

from sqlalchemy import Connection, Numeric, cast, func, literal, select

from newsdb.db.models import Article, Source
from newsdb.reports.common import Filters
from newsdb.reports.result import Result, limited

HEADLINE_OPTIONS = "StartSel=«, StopSel=», MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter= … "


def search(conn: Connection, filters: Filters, query_text: str) -> Result:
    tsquery = func.websearch_to_tsquery("english", literal(query_text))
    rank = func.ts_rank(Article.search, tsquery)
    query = (
        select(
            Article.id.label("article_id"),
            Article.published_at.label("published_at"),
            Source.code.label("source"),
            Article.title.label("title"),
            func.round(cast(rank, Numeric), 4).label("rank"),
            func.ts_headline("english", Article.body, tsquery, HEADLINE_OPTIONS).label("snippet"),
        )
        .outerjoin(Source, Source.id == Article.source_id)
        .where(Article.search.op("@@")(tsquery), filters.article_clause())
        .order_by(rank.desc(), Article.id)
    )
    return limited(conn, query, filters.limit)
