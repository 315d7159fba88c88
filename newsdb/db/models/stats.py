"""Archive-wide counts behind the reporting views, kept up to date incrementally.

Counting over the whole archive at every load (materialized views refreshed
after each load, as revision 0002 did) costs minutes at a million articles
whatever the load's size.  Instead each article, when written, is queued in
``stats_pending`` (in its own transaction, so a queued article is always a
whole one); at the end of a load ``newsdb.db.reporting.refresh_reporting``
folds the queued articles' mentions and reports into these tables and empties
the queue, in one transaction per chunk.  Articles are never edited once
written, so adding their counts is exact.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, DateTime, ForeignKey, Index
from sqlalchemy.orm import Mapped, mapped_column

from newsdb.db.models.base import Base


class StatsPending(Base):
    """An article whose counts are not yet in the stats tables."""

    __tablename__ = "stats_pending"
    __table_args__ = {"comment": "Articles written but not yet counted in the stats tables (emptied after each load)."}

    article_id: Mapped[int] = mapped_column(ForeignKey("article.id", ondelete="CASCADE"), primary_key=True)


class EntityStats(Base):
    __tablename__ = "entity_stats"
    __table_args__ = (
        Index("ix_entity_stats_mention_count", "mention_count"),
        {"comment": "Per entity: mentions, articles, first and last publication (counted after each load)."},
    )

    entity_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="CASCADE"), primary_key=True)
    mention_count: Mapped[int] = mapped_column(BigInteger)
    article_count: Mapped[int] = mapped_column(BigInteger)
    first_seen_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_seen_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class EventStats(Base):
    __tablename__ = "event_stats"
    __table_args__ = {"comment": "Per event: reporting articles and first report (counted after each load)."}

    event_id: Mapped[int] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), primary_key=True)
    article_count: Mapped[int] = mapped_column(BigInteger)
    first_reported_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class StatementStats(Base):
    __tablename__ = "statement_stats"
    __table_args__ = {"comment": "Per statement: how many articles carry it (counted after each load)."}

    statement_id: Mapped[int] = mapped_column(ForeignKey("statement.id", ondelete="CASCADE"), primary_key=True)
    article_count: Mapped[int] = mapped_column(BigInteger)


class Cooccurrence(Base):
    __tablename__ = "cooccurrence"
    __table_args__ = (
        Index("ix_cooccurrence_article_count", "article_count"),
        {"comment": "Entity pairs named in the same articles (a < b), with the number of such articles."},
    )

    entity_a_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="CASCADE"), primary_key=True)
    entity_b_id: Mapped[int] = mapped_column(ForeignKey("entity.id", ondelete="CASCADE"), primary_key=True, index=True)
    article_count: Mapped[int] = mapped_column(BigInteger)
