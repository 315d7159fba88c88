"""`report overview`: what the archive holds."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, column, func, select, table

from newsdb.db.models import Article, Entity, Event, EventReport, IngestRun, Mention, Statement, StatementReport
from newsdb.reports.common import Filters
from newsdb.reports.result import Result


def overview(conn: Connection, filters: Filters) -> Result:
    cond = filters.article_clause()
    count, first, last = conn.execute(
        select(func.count(), func.min(Article.published_at), func.max(Article.published_at)).where(cond)
    ).one()
    if filters.filtered:
        in_scope = select(Article.id).where(cond)
        mentioned = select(Mention.entity_id).where(Mention.article_id.in_(in_scope))
        statements = conn.scalar(
            select(func.count(func.distinct(StatementReport.statement_id))).where(
                StatementReport.article_id.in_(in_scope)
            )
        )
        events = conn.scalar(
            select(func.count(func.distinct(EventReport.event_id))).where(EventReport.article_id.in_(in_scope))
        )
    else:  # the whole archive: every stored statement and event is reported by some article
        mentioned = select(table("entity_stats", column("entity_id")).c.entity_id)
        statements = conn.scalar(select(func.count()).select_from(Statement))
        events = conn.scalar(select(func.count()).select_from(Event))
    kinds: dict[str, int] = {
        kind: n
        for kind, n in conn.execute(
            select(Entity.kind, func.count()).where(Entity.id.in_(mentioned)).group_by(Entity.kind)
        )
    }
    sources = conn.scalar(select(func.count(func.distinct(Article.source_id))).where(cond))
    last_run = conn.execute(
        select(IngestRun.id, IngestRun.status, IngestRun.added_count).order_by(IngestRun.id.desc()).limit(1)
    ).first()
    rows: list[tuple[str, Any]] = [
        ("articles", count),
        ("sources", sources),
        ("first published", first),
        ("last published", last),
        ("persons", kinds.get("person", 0)),
        ("organizations", kinds.get("organization", 0)),
        ("places", kinds.get("place", 0)),
        ("statements", statements),
        ("events", events),
        ("last load", f"run {last_run[0]} {last_run[1]}, added {last_run[2]:,}" if last_run else "none yet"),
    ]
    return Result(["measure", "value"], rows)
