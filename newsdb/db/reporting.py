"""The `reporting` schema's moving parts: refreshing the archive-wide counts.

The views themselves are created by migrations (0002 onwards); the counts
they show over the whole archive come from materialized views that a load
refreshes when it is done.
"""

from __future__ import annotations

from sqlalchemy import Engine, text

# Refresh order does not matter: none reads another.
MATERIALIZED_VIEWS = ("entity_stats_mv", "event_stats_mv", "statement_stats_mv", "cooccurrence_mv")

# Two loaders finishing together refresh one after the other, not at once.
_REFRESH_LOCK = 0x6E657773_0001  # "news" + 1


def refresh_reporting(engine: Engine) -> None:
    """Refresh the archive-wide counts without blocking readers (REFRESH ... CONCURRENTLY)."""
    with engine.connect() as conn:
        conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _REFRESH_LOCK})
        try:
            conn.commit()
            for name in MATERIALIZED_VIEWS:
                # Constant names from this module, never user input.
                conn.execute(text(f"REFRESH MATERIALIZED VIEW CONCURRENTLY public.{name}"))
                conn.commit()
        finally:
            conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _REFRESH_LOCK})
            conn.commit()
