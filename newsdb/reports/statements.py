"""`report statements`: who said what."""

from __future__ import annotations

from sqlalchemy import Connection, and_, exists, func, select
from sqlalchemy.orm import aliased

from newsdb.db.models import Article, Entity, Mention, Source, Statement, StatementReport
from newsdb.reports.common import EntityRef, Filters
from newsdb.reports.result import Result, limited


def escape_like(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def statements(
    conn: Connection,
    filters: Filters,
    *,
    speakers: list[EntityRef] | None = None,
    about: list[EntityRef] | None = None,
    statement_type: str | None = None,
    contains: str | None = None,
) -> Result:
    speaker = aliased(Entity)
    carried = (
        select(func.count(func.distinct(StatementReport.article_id)))
        .where(StatementReport.statement_id == Statement.id)
        .correlate(Statement)
        .scalar_subquery()
    )
    query = (
        select(
            speaker.name.label("speaker"),
            Statement.quote.label("quote"),
            Statement.statement_type.label("type"),
            StatementReport.cue_verb.label("cue"),
            Article.published_at.label("published_at"),
            Source.code.label("source"),
            Article.id.label("article_id"),
            carried.label("articles_carrying"),
        )
        .select_from(StatementReport)
        .join(Statement, Statement.id == StatementReport.statement_id)
        .join(Article, Article.id == StatementReport.article_id)
        .outerjoin(Source, Source.id == Article.source_id)
        .outerjoin(speaker, speaker.id == Statement.speaker_entity_id)
        .where(filters.article_clause())
        .order_by(Article.published_at.desc().nulls_last(), Article.id, StatementReport.start_char)
    )
    if speakers is not None:
        query = query.where(Statement.speaker_entity_id.in_([e.id for e in speakers]))
    if about is not None:
        # The quote names the entity: one of its mentions lies inside the quoted span.
        query = query.where(
            exists().where(
                and_(
                    Mention.article_id == StatementReport.article_id,
                    Mention.entity_id.in_([e.id for e in about]),
                    Mention.start_char >= StatementReport.start_char,
                    Mention.end_char <= StatementReport.end_char,
                )
            )
        )
    if statement_type is not None:
        query = query.where(Statement.statement_type == statement_type)
    if contains:
        query = query.where(Statement.quote.ilike(f"%{escape_like(contains)}%", escape="\\"))
    return limited(conn, query, filters.limit)
