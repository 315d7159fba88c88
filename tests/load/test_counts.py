"""The archive-wide counts behind the reporting views: kept by adding each load's articles, exactly.

Every case compares the incrementally kept tables with a recount from the base
tables (the definition revision 0002's materialized views had).
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, text
from sqlalchemy.engine import URL

from newsdb.db.migrate import downgrade, upgrade
from newsdb.db.reporting import _REFRESH_LOCK, recount_reporting, refresh_reporting
from newsdb.load.run import Counts, LoadOptions, run_load
from newsdb.load.writer import write_articles
from tests.conftest import Cli
from tests.load import synthetic
from tests.load.test_concurrency import _run_two

TABLES = {
    "entity_stats": "entity_id",
    "event_stats": "event_id",
    "statement_stats": "statement_id",
    "cooccurrence": "entity_a_id, entity_b_id",
}


def snapshot(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    with engine.connect() as conn:
        rows = {t: [tuple(r) for r in conn.execute(text(f"SELECT * FROM {t} ORDER BY {k}"))] for t, k in TABLES.items()}
        rows["stats_pending"] = [tuple(r) for r in conn.execute(text("SELECT * FROM stats_pending"))]
    return rows


def recounted(engine: Engine) -> dict[str, list[tuple[Any, ...]]]:
    recount_reporting(engine)
    return snapshot(engine)


def write(engine: Engine, numbers: range) -> None:
    for start in range(numbers.start, numbers.stop, 7):
        results = write_articles(engine, [synthetic.article(i) for i in range(start, min(start + 7, numbers.stop))])
        assert {getattr(r, "status", r) for r in results} <= {"added", "skipped"}


def test_loads_add_their_articles_counts_exactly(engine: Engine) -> None:
    write(engine, range(0, 30))
    assert refresh_reporting(engine) == 30
    first = snapshot(engine)
    assert first["stats_pending"] == []
    write(engine, range(20, 60))  # 20-29 are skipped: nothing is counted twice
    assert refresh_reporting(engine) == 30
    assert refresh_reporting(engine) == 0  # nothing queued, nothing changes
    kept = snapshot(engine)
    assert kept == recounted(engine)
    # the counts grew where the new articles named the same people again
    lavrov_id = _entity(engine, "Sergei Lavrov")
    [lavrov] = [r for r in kept["entity_stats"] if r[0] == lavrov_id]
    [before] = [r for r in first["entity_stats"] if r[0] == lavrov_id]
    assert lavrov[1:3] == _direct_counts(engine, "Sergei Lavrov")
    assert lavrov[2] > before[2]
    assert len(kept["cooccurrence"]) > 0 and all(a < b for a, b, _ in kept["cooccurrence"])


def test_a_load_killed_before_counting_is_counted_by_the_next(engine: Engine) -> None:
    write(engine, range(0, 12))  # written, never counted: the load died before its end
    assert snapshot(engine)["entity_stats"] == []
    write(engine, range(12, 15))
    assert refresh_reporting(engine) == 15
    assert snapshot(engine) == recounted(engine)


def test_two_loaders_at_once_count_every_article_once(db_url: URL, engine: Engine) -> None:
    _run_two(db_url, list(range(0, 40)), list(range(20, 50)))
    barrier = threading.Barrier(2)
    counted: list[int] = []

    def count() -> None:
        barrier.wait(timeout=30)
        counted.append(refresh_reporting(engine))

    threads = [threading.Thread(target=count) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert sorted(counted) == [0, 50]
    assert snapshot(engine) == recounted(engine)


def test_recount_command(cli: Cli, engine: Engine) -> None:
    write(engine, range(0, 10))
    refresh_reporting(engine)
    kept = snapshot(engine)
    with engine.begin() as conn:  # a hand edit the counts cannot know about
        conn.execute(text("UPDATE entity_stats SET mention_count = 0"))
    result = cli("db", "recount")
    assert result.exit_code == 0, result.output
    assert result.output == "recounted mentions, statement and event reports and co-occurrence from the base tables\n"
    assert snapshot(engine) == kept


def _entity(engine: Engine, name: str) -> int:
    with engine.connect() as conn:
        value: int = conn.execute(text("SELECT id FROM entity WHERE name = :n"), {"n": name}).scalar_one()
    return value


def _direct_counts(engine: Engine, name: str) -> tuple[int, int]:
    with engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT count(*), count(DISTINCT m.article_id) FROM mention m JOIN entity e ON e.id = m.entity_id"
                " WHERE e.name = :n"
            ),
            {"n": name},
        ).one()
    return int(row[0]), int(row[1])


def test_revision_0003_counts_an_archive_loaded_before_it(engine: Engine) -> None:
    write(engine, range(0, 25))
    refresh_reporting(engine)
    expected = snapshot(engine)
    downgrade(engine, "0002")  # back to the materialized views, built from the base tables
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM reporting.cooccurrences")).scalar_one() == len(
            expected["cooccurrence"]
        )
    upgrade(engine, "head")  # and forward: the tables are counted from the base tables again
    assert snapshot(engine) == expected


def test_a_load_counts_each_batch_as_it_goes(engine: Engine, tmp_path: Path) -> None:
    for i in range(6):
        (tmp_path / f"{i}.txt").write_text(f"Story {i}\n\nThe council met on day {i} and voted.\n", encoding="utf-8")
    queued: list[int] = []

    class Watcher:
        def problem(self, problem: object) -> None:
            raise AssertionError(problem)

        def progress(self, counts: Counts) -> None:  # after each batch is written
            with engine.connect() as conn:
                queued.append(conn.execute(text("SELECT count(*) FROM stats_pending")).scalar_one())

    result = run_load(engine, [str(tmp_path)], LoadOptions(extract=False, batch_size=2), Watcher())
    assert result.counts.added == 6
    assert queued == [0, 0, 0]  # nothing waits for the end of the load to be counted


def test_counting_between_batches_does_not_wait_for_another_counter(engine: Engine) -> None:
    write(engine, range(0, 5))
    with engine.connect() as other:
        other.execute(text("SELECT pg_advisory_lock(:k)"), {"k": _REFRESH_LOCK})
        assert refresh_reporting(engine, wait=False) == 0  # another session is counting: leave it to them
        assert len(snapshot(engine)["stats_pending"]) == 5
        other.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": _REFRESH_LOCK})
    assert refresh_reporting(engine, wait=False) == 5
    assert snapshot(engine) == recounted(engine)
