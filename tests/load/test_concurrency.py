"""Two OS processes writing the same articles at once: no duplicates, no failures, exact counts."""

from __future__ import annotations

import multiprocessing as mp
from multiprocessing.synchronize import Barrier

from sqlalchemy import Engine, text
from sqlalchemy.engine import URL, make_url

from newsdb.db.connection import make_engine
from newsdb.load import writer
from newsdb.load.writer import WriteError, write_articles
from tests.load import synthetic

N = 50


def _writer(url: str, order: list[int], barrier: Barrier, out: mp.Queue, max_fine_locks: int) -> None:
    writer.MAX_FINE_LOCKS = max_fine_locks
    engine = make_engine(make_url(url), pool_size=1)
    try:
        facts = [synthetic.article(i) for i in order]
        barrier.wait(timeout=60)
        statuses: list[str] = []
        for start in range(0, len(facts), 10):
            for r in write_articles(engine, facts[start : start + 10]):
                statuses.append(f"error {r.error_class}: {r}" if isinstance(r, WriteError) else r.status)
        out.put(statuses)
    finally:
        engine.dispose()


def _run_two(url: URL, first: list[int], second: list[int], second_exclusive: bool = False) -> list[list[str]]:
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(2)
    out: mp.Queue = ctx.Queue()
    link = url.render_as_string(hide_password=False)
    limits = (writer.MAX_FINE_LOCKS, 0 if second_exclusive else writer.MAX_FINE_LOCKS)
    procs = [
        ctx.Process(target=_writer, args=(link, order, barrier, out, limit))
        for order, limit in zip((first, second), limits, strict=True)
    ]
    for p in procs:
        p.start()
    results = [out.get(timeout=300) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    return results


def _counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in synthetic.expected_counts(N)}


def _assert_archive(engine: Engine, results: list[list[str]], overlap: int) -> None:
    flat = [s for r in results for s in r]
    assert [s for s in flat if s not in ("added", "skipped")] == []
    assert (flat.count("added"), flat.count("skipped")) == (N, overlap)
    assert _counts(engine) == synthetic.expected_counts(N)
    with engine.connect() as conn:
        dup_entities = conn.execute(
            text("SELECT kind, name, count(*) FROM entity GROUP BY kind, name HAVING count(*) > 1")
        ).all()
        people = conn.execute(text("SELECT name FROM entity WHERE kind = 'person' ORDER BY name")).scalars().all()
        reports_per_meeting = (
            conn.execute(
                text(
                    "SELECT count(*) FROM event e JOIN event_report r ON r.event_id = e.id"
                    " WHERE e.event_type = 'CONSULT' GROUP BY e.id ORDER BY 1"
                )
            )
            .scalars()
            .all()
        )
    assert dup_entities == []
    assert people == sorted(full for full, _ in synthetic.PEOPLE)
    assert reports_per_meeting == [N // 10] * 10


def test_two_processes_same_order(db_url: URL, engine: Engine) -> None:
    _assert_archive(engine, _run_two(db_url, list(range(N)), list(range(N))), overlap=N)


def test_two_processes_opposite_orders(db_url: URL, engine: Engine) -> None:
    _assert_archive(engine, _run_two(db_url, list(range(N)), list(range(N))[::-1]), overlap=N)


def test_two_processes_partly_overlapping_inputs(db_url: URL, engine: Engine) -> None:
    # 0..34 and 15..49: 20 articles in common, entities shared by all
    _assert_archive(engine, _run_two(db_url, list(range(35)), list(range(15, N))), overlap=20)


def test_one_process_gives_the_same_archive(engine: Engine) -> None:
    results = write_articles(engine, [synthetic.article(i) for i in range(N)])
    assert [r.status for r in results if not isinstance(r, WriteError)] == ["added"] * N
    assert _counts(engine) == synthetic.expected_counts(N)


def test_a_writer_in_exclusive_mode_alongside_an_ordinary_one(db_url: URL, engine: Engine) -> None:
    # The second writes every article as if it were huge: one exclusive global lock each.
    _assert_archive(engine, _run_two(db_url, list(range(N)), list(range(N))[::-1], second_exclusive=True), overlap=N)
