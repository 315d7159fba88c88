"""`report cooccurrence`: entity pairs named in the same articles most often."""

from __future__ import annotations

from sqlalchemy import Connection, and_, column, func, or_, select, table
from sqlalchemy.orm import aliased

from newsdb.db.models import Article, Entity, Mention
from newsdb.reports.common import EntityRef, Filters
from newsdb.reports.result import Result, limited


def cooccurrence(conn: Connection, filters: Filters, entity: list[EntityRef] | None = None) -> Result:
    if not filters.filtered:
        return _from_counts(conn, filters, entity)
    pairs = (
        select(Mention.article_id, Mention.entity_id)
        .join(Article, Article.id == Mention.article_id)
        .where(filters.article_clause())
        .distinct()
        .subquery()
    )
    a, b = pairs.alias("a"), pairs.alias("b")
    ea, eb = aliased(Entity), aliased(Entity)
    n = func.count().label("articles")
    query = (
        select(ea.name.label("entity_a"), eb.name.label("entity_b"), n)
        .select_from(a)
        .join(b, and_(a.c.article_id == b.c.article_id, a.c.entity_id < b.c.entity_id))
        .join(ea, ea.id == a.c.entity_id)
        .join(eb, eb.id == b.c.entity_id)
        .group_by(ea.id, eb.id)
        .order_by(func.count().desc(), ea.name, eb.name)
    )
    if entity is not None:
        ids = [e.id for e in entity]
        query = query.where((a.c.entity_id.in_(ids)) | (b.c.entity_id.in_(ids)))
    return limited(conn, query, filters.limit)


def plot(result: Result, path: str, title: str) -> None:
    """Draw the pairs as a network: node size by degree, edge width by shared articles."""
    import math

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = sorted({r[0] for r in result.rows} | {r[1] for r in result.rows})
    pos = {
        n: (math.cos(2 * math.pi * i / len(names)), math.sin(2 * math.pi * i / len(names))) for i, n in enumerate(names)
    }
    top = max((int(r[2]) for r in result.rows), default=1)
    fig, ax = plt.subplots(figsize=(8, 8))
    for left, right, count in result.rows:
        (x1, y1), (x2, y2) = pos[left], pos[right]
        ax.plot([x1, x2], [y1, y2], color="tab:blue", alpha=0.5, linewidth=0.5 + 4 * int(count) / top)
    for name, (x, y) in pos.items():
        ax.scatter([x], [y], s=120, color="tab:orange", zorder=3)
        ax.annotate(name, (x, y), textcoords="offset points", xytext=(6, 6), fontsize=8)
    ax.set_title(title)
    ax.set_axis_off()
    fig.tight_layout()
    fig.savefig(path)
    plt.close(fig)


def _from_counts(conn: Connection, filters: Filters, entity: list[EntityRef] | None) -> Result:
    """Whole-archive pairs, precomputed after each load (public.cooccurrence, indexed both ways)."""
    mv = table("cooccurrence", column("entity_a_id"), column("entity_b_id"), column("article_count"))
    ea, eb = aliased(Entity), aliased(Entity)
    query = (
        select(ea.name.label("entity_a"), eb.name.label("entity_b"), mv.c.article_count.label("articles"))
        .select_from(mv)
        .join(ea, ea.id == mv.c.entity_a_id)
        .join(eb, eb.id == mv.c.entity_b_id)
        .order_by(mv.c.article_count.desc(), ea.name, eb.name)
    )
    if entity is not None:
        ids = [e.id for e in entity]
        query = query.where(or_(mv.c.entity_a_id.in_(ids), mv.c.entity_b_id.in_(ids)))
    return limited(conn, query, filters.limit)
