"""`report timeline`: mentions, statements or events of entities per day, week or month."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, func, literal, select, union_all

from newsdb.db.models import Article, EventParticipant, EventReport, Mention, Statement, StatementReport
from newsdb.reports.common import EntityRef, Filters
from newsdb.reports.result import Result

MEASURES = ("mentions", "statements", "events")
INTERVALS = ("day", "week", "month")


def timeline(conn: Connection, filters: Filters, entities: list[EntityRef], by: str, interval: str) -> Result:
    parts = []
    for e in entities:
        if by == "mentions":
            q = select(Article.published_at.label("at")).join(Mention, Mention.article_id == Article.id)
            q = q.where(Mention.entity_id == e.id)
        elif by == "statements":
            q = (
                select(Article.published_at.label("at"))
                .join(StatementReport, StatementReport.article_id == Article.id)
                .join(Statement, Statement.id == StatementReport.statement_id)
                .where(Statement.speaker_entity_id == e.id)
            )
        else:
            q = (
                select(Article.published_at.label("at"))
                .join(EventReport, EventReport.article_id == Article.id)
                .join(EventParticipant, EventParticipant.event_id == EventReport.event_id)
                .where(EventParticipant.entity_id == e.id)
            )
        q = q.where(filters.article_clause(), Article.published_at.is_not(None))
        parts.append(q.add_columns(literal(e.name).label("entity")))
    sub = union_all(*parts).subquery()
    period = func.date_trunc(interval, sub.c.at, "UTC").label("period")
    query = (
        select(func.date(period).label("period"), sub.c.entity, func.count().label(by))
        .group_by(period, sub.c.entity)
        .order_by(period, sub.c.entity)
    )
    rows = [tuple(r) for r in conn.execute(query)]
    return Result(["period", "entity", by], rows)


def plot(result: Result, path: str, title: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 4.5))
    series: dict[str, tuple[list[Any], list[int]]] = {}
    for period, entity, count in result.rows:
        xs, ys = series.setdefault(str(entity), ([], []))
        xs.append(period)
        ys.append(int(count))
    for name, (xs, ys) in series.items():
        ax.plot(xs, ys, marker="o", label=name)
    ax.set_title(title)
    ax.set_ylabel(result.columns[2])
    ax.legend()
    fig.autofmt_xdate()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)
