"""`show article ID`: the article with its entities, statements and events."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.orm import aliased

from newsdb.db.models import (
    Article,
    ArticleCredit,
    Entity,
    Event,
    EventReport,
    Mention,
    Source,
    Statement,
    StatementReport,
)
from newsdb.reports.common import ReportError


def article_facts(conn: Connection, article_id: int) -> dict[str, Any]:
    row = conn.execute(
        select(
            Article.id,
            Article.title,
            Article.section,
            Article.dateline,
            Article.published_at,
            Article.language,
            Article.url,
            Source.code,
            Source.name,
            Article.body,
        )
        .outerjoin(Source, Source.id == Article.source_id)
        .where(Article.id == article_id)
    ).first()
    if row is None:
        raise ReportError(f"no article {article_id}; `newsdb search` or `newsdb report sources` help find one")
    keys = ["article_id", "title", "section", "dateline", "published_at", "language", "url", "source_code",
            "source_name", "body"]  # fmt: skip
    out: dict[str, Any] = dict(zip(keys, row, strict=True))
    out["credits"] = [
        {"kind": k, "name": n}
        for k, n in conn.execute(
            select(ArticleCredit.kind, ArticleCredit.name)
            .where(ArticleCredit.article_id == article_id)
            .order_by(ArticleCredit.id)
        )
    ]
    out["mentions"] = [
        {"entity_id": eid, "name": name, "kind": kind, "text": text, "start": s, "end": e}
        for eid, name, kind, text, s, e in conn.execute(
            select(Entity.id, Entity.name, Entity.kind, Mention.surface_text, Mention.start_char, Mention.end_char)
            .join(Entity, Entity.id == Mention.entity_id)
            .where(Mention.article_id == article_id)
            .order_by(Mention.start_char)
        )
    ]
    speaker = aliased(Entity)
    out["statements"] = [
        {"speaker": name, "type": t, "cue": cue, "quote": q, "start": s, "end": e}
        for name, t, cue, q, s, e in conn.execute(
            select(
                speaker.name,
                Statement.statement_type,
                StatementReport.cue_verb,
                Statement.quote,
                StatementReport.start_char,
                StatementReport.end_char,
            )
            .join(Statement, Statement.id == StatementReport.statement_id)
            .outerjoin(speaker, speaker.id == Statement.speaker_entity_id)
            .where(StatementReport.article_id == article_id)
            .order_by(StatementReport.start_char)
        )
    ]
    out["events"] = [
        {"event_id": i, "type": t, "mode": m, "context": c, "date": d, "trigger": trig, "start": s, "end": e}
        for i, t, m, c, d, trig, s, e in conn.execute(
            select(
                Event.id,
                Event.event_type,
                Event.mode,
                Event.context,
                Event.occurred_on,
                EventReport.trigger_text,
                EventReport.start_char,
                EventReport.end_char,
            )
            .join(EventReport, EventReport.event_id == Event.id)
            .where(EventReport.article_id == article_id)
            .order_by(EventReport.start_char)
        )
    ]
    return out
