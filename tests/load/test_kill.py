"""A writer killed with SIGKILL mid-load leaves only whole articles; writing again completes the archive."""

from __future__ import annotations

import multiprocessing as mp
import os
import signal
import time

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.engine import URL, make_url

from newsdb.db.connection import make_engine
from newsdb.load import writer
from newsdb.load.writer import WriteError, WriteOutcome, write_articles
from tests.load import synthetic
from tests.load.builders import Facts

N = 300


def _write_all(url: str) -> None:
    engine = make_engine(make_url(url), pool_size=1)
    facts = [synthetic.article(i) for i in range(N)]
    for start in range(0, N, 10):
        write_articles(engine, facts[start : start + 10])


def _count(engine: Engine, sql: str) -> int:
    with engine.connect() as conn:
        value: int = conn.execute(text(sql)).scalar_one()
        return value


def test_sigkill_leaves_whole_articles_and_a_rerun_completes(db_url: URL, engine: Engine) -> None:
    proc = mp.get_context("spawn").Process(target=_write_all, args=(db_url.render_as_string(hide_password=False),))
    proc.start()
    deadline = time.monotonic() + 120
    while _count(engine, "SELECT count(*) FROM article") < 40 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.pid is not None
    os.kill(proc.pid, signal.SIGKILL)
    proc.join(timeout=30)
    assert proc.exitcode == -signal.SIGKILL

    written = _count(engine, "SELECT count(*) FROM article")
    assert 40 <= written < N
    incomplete = _count(
        engine,
        "SELECT count(*) FROM article a WHERE"
        " (SELECT count(*) FROM mention m WHERE m.article_id = a.id) <> 9"
        " OR (SELECT count(*) FROM statement_report r WHERE r.article_id = a.id) <> 3"
        " OR (SELECT count(*) FROM event_report r WHERE r.article_id = a.id) <> 2",
    )
    assert incomplete == 0

    results = write_articles(engine, [synthetic.article(i) for i in range(N)])
    statuses = [r.status for r in results if isinstance(r, WriteOutcome)]
    assert (statuses.count("skipped"), statuses.count("added")) == (written, N - written)
    with engine.connect() as conn:
        counts = {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in synthetic.expected_counts(N)}
    assert counts == synthetic.expected_counts(N)


def test_a_lock_held_too_long_fails_the_article_not_the_batch(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writer, "LOCK_TIMEOUT", "100ms")
    monkeypatch.setattr(writer, "MAX_ATTEMPTS", 2)
    blocked = Facts("Blocked text.", title="Blocked").build()
    free = Facts("Free text.", title="Free").build()
    with engine.connect() as other:
        other.execute(
            text("SELECT pg_advisory_lock(:k)"), {"k": writer._lock_id(f"article:{blocked.article.content_hash}")}
        )
        results = write_articles(engine, [blocked, free])
        other.execute(text("SELECT pg_advisory_unlock_all()"))
    assert isinstance(results[0], WriteError)
    assert results[0].error_class == "conflict"
    assert "lock timeout" in str(results[0])
    assert isinstance(results[1], WriteOutcome) and results[1].status == "added"
