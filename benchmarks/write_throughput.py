"""Writer throughput: synthetic ArticleFacts (21 mentions, 3 statements, 2 events each) into a fresh database.

Prints articles/s for a first pass (everything added) and a second pass
(everything skipped), per writer process.  The database is a fresh clone of a
migrated template on the test server: the embedded PostgreSQL by default, or
the server in NEWSDB_TEST_DATABASE_URL (it must allow CREATE DATABASE).

    .venv/bin/python benchmarks/write_throughput.py --articles 2000
    NEWSDB_TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \\
        .venv/bin/python benchmarks/write_throughput.py --articles 2000 --writers 2
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import text
from sqlalchemy.engine import make_url

from newsdb.db.connection import make_engine
from newsdb.load.writer import WriteError, write_articles
from tests.load import synthetic
from tests.pg import TestServer


def _write(url: str, indexes: list[int], batch: int, repeat: int, filler: int) -> tuple[int, int, int, float]:
    engine = make_engine(make_url(url), pool_size=1)
    facts = [synthetic.article(i, repeat=repeat, filler_paragraphs=filler) for i in indexes]
    added = skipped = failed = 0
    started = time.perf_counter()
    for start in range(0, len(facts), batch):
        for r in write_articles(engine, facts[start : start + batch]):
            if isinstance(r, WriteError):
                failed += 1
                print(f"  failed: {r.error_class}: {r}", file=sys.stderr)
            elif r.status == "added":
                added += 1
            else:
                skipped += 1
    elapsed = time.perf_counter() - started
    engine.dispose()
    return added, skipped, failed, elapsed


def _pass(name: str, url: str, n: int, writers: int, batch: int, repeat: int, filler: int) -> None:
    shares = [list(range(w, n, writers)) for w in range(writers)]
    started = time.perf_counter()
    if writers == 1:
        results = [_write(url, shares[0], batch, repeat, filler)]
    else:
        with mp.get_context("spawn").Pool(writers) as pool:
            results = pool.starmap(_write, [(url, s, batch, repeat, filler) for s in shares])
    wall = time.perf_counter() - started
    added = sum(r[0] for r in results)
    skipped = sum(r[1] for r in results)
    failed = sum(r[2] for r in results)
    busy = max(r[3] for r in results)
    print(
        f"{name:<8} {n:>6,} articles  added {added:,}  skipped {skipped:,}  failed {failed:,}  "
        f"write time {busy:6.2f} s  {n / busy:8.1f} articles/s  (wall {wall:.2f} s incl. building facts)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=2000, help="articles to write (default 2000)")
    parser.add_argument("--writers", type=int, default=1, help="concurrent writer processes (default 1)")
    parser.add_argument("--batch-size", type=int, default=100, help="articles per write_articles call (default 100)")
    parser.add_argument("--repeat", type=int, default=3, help="extra 4-mention sentences per article (default 3: 21)")
    parser.add_argument("--filler", type=int, default=20, help="filler paragraphs per article (default 20, ~3 KB)")
    args = parser.parse_args()

    with TestServer.start() as server:
        template = server.create_migrated_template()
        name = server.create(template=template)
        url = server.url(name).render_as_string(hide_password=False)
        try:
            sample = synthetic.article(0, repeat=args.repeat, filler_paragraphs=args.filler)
            print(
                f"per article: {len(sample.mentions)} mentions, {len(sample.statements)} statements, "
                f"{len(sample.events)} events, {len(sample.article.body):,} characters; "
                f"writers {args.writers}, batch {args.batch_size}"
            )
            _pass("first", url, args.articles, args.writers, args.batch_size, args.repeat, args.filler)
            _pass("again", url, args.articles, args.writers, args.batch_size, args.repeat, args.filler)
            engine = make_engine(server.url(name), pool_size=1)
            with engine.connect() as conn:
                rows = {
                    t: conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
                    for t in ("article", "entity", "mention", "statement", "statement_report", "event", "event_report")
                }
            engine.dispose()
            print("rows: " + ", ".join(f"{t} {c:,}" for t, c in rows.items()))
        finally:
            server.drop(name)
            server.drop(template)


if __name__ == "__main__":
    main()
