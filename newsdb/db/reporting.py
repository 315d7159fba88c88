"""The `reporting` schema's moving parts: keeping the archive-wide counts current.

The views themselves are created by migrations (0002 onwards).  The counts
they show over the whole archive (mentions per entity, articles per event and
statement, entity pairs) live in the tables of ``newsdb.db.models.stats``.
Every written article is queued in ``stats_pending``; :func:`refresh_reporting`
(run after each batch a load writes, and again at its end) adds the queued
articles' counts to the tables
and takes them off the queue in the same transaction, chunk by chunk, so the
work is proportional to what the load added, not to the archive, and an
article is counted exactly once even when a load is killed half-way (its
queue rows stay until the next load counts them).  Readers never wait for it:
the tables are updated by ordinary row upserts.

:func:`recount_reporting` recomputes every count from the base tables, for
when rows were deleted or changed by hand in SQL.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from sqlalchemy import Connection, Engine, text

CHUNK = 5_000  # queued articles counted per transaction

# Two loaders finishing together count one after the other, not at once.
_REFRESH_LOCK = 0x6E657773_0001  # "news" + 1

_TAKE = text(
    "CREATE TEMP TABLE newsdb_counting ON COMMIT DROP AS"
    " SELECT article_id FROM stats_pending ORDER BY article_id LIMIT :n"
)
_ENTITIES = text(
    "INSERT INTO entity_stats (entity_id, mention_count, article_count, first_seen_at, last_seen_at)"
    " SELECT m.entity_id, count(*), count(DISTINCT m.article_id), min(a.published_at), max(a.published_at)"
    " FROM newsdb_counting q JOIN mention m ON m.article_id = q.article_id JOIN article a ON a.id = q.article_id"
    " GROUP BY m.entity_id ORDER BY m.entity_id"
    " ON CONFLICT (entity_id) DO UPDATE SET"
    " mention_count = entity_stats.mention_count + EXCLUDED.mention_count,"
    " article_count = entity_stats.article_count + EXCLUDED.article_count,"
    " first_seen_at = LEAST(entity_stats.first_seen_at, EXCLUDED.first_seen_at),"
    " last_seen_at = GREATEST(entity_stats.last_seen_at, EXCLUDED.last_seen_at)"
)
_EVENTS = text(
    "INSERT INTO event_stats (event_id, article_count, first_reported_at)"
    " SELECT r.event_id, count(DISTINCT r.article_id), min(coalesce(a.published_at, a.created_at))"
    " FROM newsdb_counting q JOIN event_report r ON r.article_id = q.article_id"
    " JOIN article a ON a.id = q.article_id"
    " GROUP BY r.event_id ORDER BY r.event_id"
    " ON CONFLICT (event_id) DO UPDATE SET"
    " article_count = event_stats.article_count + EXCLUDED.article_count,"
    " first_reported_at = LEAST(event_stats.first_reported_at, EXCLUDED.first_reported_at)"
)
_STATEMENTS = text(
    "INSERT INTO statement_stats (statement_id, article_count)"
    " SELECT r.statement_id, count(DISTINCT r.article_id)"
    " FROM newsdb_counting q JOIN statement_report r ON r.article_id = q.article_id"
    " GROUP BY r.statement_id ORDER BY r.statement_id"
    " ON CONFLICT (statement_id) DO UPDATE SET"
    " article_count = statement_stats.article_count + EXCLUDED.article_count"
)
_PAIRS = text(
    "WITH named AS (SELECT DISTINCT m.article_id, m.entity_id FROM newsdb_counting q"
    "  JOIN mention m ON m.article_id = q.article_id)"
    " INSERT INTO cooccurrence (entity_a_id, entity_b_id, article_count)"
    " SELECT a.entity_id, b.entity_id, count(*) FROM named a"
    " JOIN named b ON b.article_id = a.article_id AND a.entity_id < b.entity_id"
    " GROUP BY a.entity_id, b.entity_id ORDER BY a.entity_id, b.entity_id"
    " ON CONFLICT (entity_a_id, entity_b_id) DO UPDATE SET"
    " article_count = cooccurrence.article_count + EXCLUDED.article_count"
)
_DONE = text("DELETE FROM stats_pending p USING newsdb_counting q WHERE p.article_id = q.article_id")

# From scratch: the same counts over every article (what revision 0002's materialized views held).
# The pairs of a million articles are tens of millions of rows to group: give the sort memory.
_RECOUNT = [
    "SET LOCAL work_mem = '256MB'",
    # DELETE, not TRUNCATE: dashboards keep reading the old counts until the new ones commit.
    "DELETE FROM stats_pending",
    "DELETE FROM entity_stats",
    "DELETE FROM event_stats",
    "DELETE FROM statement_stats",
    "DELETE FROM cooccurrence",
    "INSERT INTO entity_stats SELECT m.entity_id, count(*), count(DISTINCT m.article_id), min(a.published_at),"
    " max(a.published_at) FROM mention m JOIN article a ON a.id = m.article_id GROUP BY m.entity_id",
    "INSERT INTO event_stats SELECT r.event_id, count(DISTINCT r.article_id),"
    " min(coalesce(a.published_at, a.created_at)) FROM event_report r JOIN article a ON a.id = r.article_id"
    " GROUP BY r.event_id",
    "INSERT INTO statement_stats SELECT r.statement_id, count(DISTINCT r.article_id) FROM statement_report r"
    " GROUP BY r.statement_id",
    "INSERT INTO cooccurrence WITH named AS (SELECT DISTINCT article_id, entity_id FROM mention)"
    " SELECT a.entity_id, b.entity_id, count(*) FROM named a"
    " JOIN named b ON b.article_id = a.article_id AND a.entity_id < b.entity_id GROUP BY a.entity_id, b.entity_id",
]


def refresh_reporting(engine: Engine, *, wait: bool = True) -> int:
    """Count the queued articles into the stats tables; returns how many were counted.

    With ``wait=False`` (a load between two batches) nothing is done while another
    session is counting: that session takes every queued article, this one's too.
    """
    counted = 0
    with _counting(engine, wait=wait) as conn:
        if conn is None:
            return 0
        while True:
            taken = _count_chunk(conn)
            counted += taken
            if taken < CHUNK:
                break
    return counted


def _count_chunk(conn: Connection) -> int:
    taken = conn.execute(_TAKE, {"n": CHUNK}).rowcount
    if taken:
        for statement in (_ENTITIES, _EVENTS, _STATEMENTS, _PAIRS, _DONE):
            conn.execute(statement)
    conn.commit()
    return max(taken, 0)


def recount_reporting(engine: Engine) -> None:
    """Recompute every count from the base tables (after rows were deleted or edited by hand)."""
    # One snapshot for every statement: the recount counts exactly the articles committed
    # before it and takes exactly their queue rows; an article a loader commits meanwhile
    # stays queued (and uncounted) for the next load's end.  Loaders never wait for it.
    with _counting(engine) as conn:
        assert conn is not None  # waited for the lock
        with conn.execution_options(isolation_level="REPEATABLE READ").begin():
            for statement in _RECOUNT:
                conn.execute(text(statement))  # constant SQL from this module


@contextlib.contextmanager
def _counting(engine: Engine, *, wait: bool = True) -> Iterator[Connection | None]:
    """A connection holding the counters' lock: one refresh or recount at a time, server-wide.

    With ``wait=False``, None (and no lock) when another session holds it.
    """
    with engine.connect() as conn:
        if wait:
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _REFRESH_LOCK})
        elif not conn.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": _REFRESH_LOCK}).scalar():
            conn.commit()
            yield None
            return
        conn.commit()
        try:
            yield conn
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _REFRESH_LOCK})
            conn.commit()
