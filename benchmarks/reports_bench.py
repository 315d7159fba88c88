"""Time every report on a synthetic archive generated in SQL.

Builds, in a fresh database, N articles (default 100,000; the issue's target
size is 1,000,000) with realistic fact counts per article: ~12 mentions drawn
from 20,000 entities with a skewed (Zipf-like) popularity, ~2 statement reports
(statements repeated across articles), ~0.5 event reports; 50 sources over
three years. Then counts the reporting stats from scratch, times counting in
1,000 new articles (what a load adds at its end), and runs every
report's query through the real CLI code path (in-process), printing the
median of several runs per report in milliseconds.

    .venv/bin/python benchmarks/reports_bench.py [--articles 100000] [--runs 5]

Uses the embedded server in a temp home, or NEWSDB_BENCH_DATABASE_URL (an
admin URL on which a database is created and dropped).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

GENERATE = """
SET synchronous_commit = off;
INSERT INTO source (code, name) SELECT 'src-' || i, 'Source ' || i FROM generate_series(1, 50) i;
INSERT INTO entity (kind, name)
SELECT (ARRAY['person','organization','place'])[1 + i % 3], 'Entity ' || i FROM generate_series(1, 20000) i;
INSERT INTO person (entity_id) SELECT id FROM entity WHERE kind = 'person';
INSERT INTO organization (entity_id) SELECT id FROM entity WHERE kind = 'organization';
INSERT INTO place (entity_id) SELECT id FROM entity WHERE kind = 'place';
INSERT INTO entity_alias (entity_id, alias, normalized, is_primary)
SELECT id, name, lower(name), true FROM entity;
INSERT INTO entity_alias (entity_id, alias, normalized)
SELECT id, 'E' || id, 'e' || id FROM entity;
INSERT INTO article (source_id, title, published_at, language, body, content_hash, word_count)
SELECT 1 + (i % 50), 'Article ' || i,
       timestamptz '2022-01-01' + (i::float / :n) * interval '1095 days',
       'en',
       'Body of article ' || i || ' about talks, nuclear submarine drills and trade. '
         || repeat('Officials met and discussed matters of state. ', 20),
       md5(i::text) || md5('x' || i), 500
FROM generate_series(1, :n) i;
-- Mentions: 12 per article, entity drawn with a skew (low ids are popular).
INSERT INTO mention (article_id, entity_id, start_char, end_char, surface_text)
SELECT a.id, 1 + floor(20000 * power(random(), 3))::int, k * 10, k * 10 + 6, 'Entity'
FROM article a CROSS JOIN generate_series(0, 11) k
ON CONFLICT DO NOTHING;
INSERT INTO statement (speaker_entity_id, statement_type, quote, quote_hash)
SELECT 1 + floor(20000 * power(random(), 3))::int,
       (ARRAY['direct','partial','indirect'])[1 + i % 3],
       'Quote number ' || i || ' about nuclear policy', md5('q' || i) || md5('r' || i)
FROM generate_series(1, :n) i;
INSERT INTO statement_report (statement_id, article_id, start_char, end_char, cue_verb)
SELECT 1 + floor(random() * :n)::int, a.id, 200 + k * 50, 240 + k * 50, 'say'
FROM article a CROSS JOIN generate_series(0, 1) k;
INSERT INTO event (event_type, mode, context, occurred_on, date_precision, place_entity_id)
SELECT (ARRAY['CONSULT','MOBILIZE','ACCUSE','AID','AGREE'])[1 + i % 5], NULL,
       (ARRAY['occurred','occurred','occurred','future'])[1 + i % 4],
       date '2022-01-01' + (i % 1095), 'day', 3 * (1 + i % 6000)
FROM generate_series(1, :n / 4) i;
INSERT INTO event_participant (event_id, entity_id, role)
SELECT e.id, 1 + floor(20000 * power(random(), 3))::int, r
FROM event e CROSS JOIN unnest(ARRAY['actor','recipient']) r
ON CONFLICT DO NOTHING;
INSERT INTO event_report (event_id, article_id, trigger_text, start_char, end_char)
SELECT 1 + (a.id % (:n / 4)), a.id, 'met', 100, 103 FROM article a WHERE a.id % 2 = 0;
ANALYZE;
"""

REPORTS: list[tuple[str, list[str]]] = [
    ("report overview", ["report", "overview"]),
    ("report sources", ["report", "sources"]),
    ("report people", ["report", "people"]),
    ("report organizations", ["report", "organizations"]),
    ("report places", ["report", "places"]),
    ("report entity", ["report", "entity", "Entity 3"]),
    ("report statements --speaker", ["report", "statements", "--speaker", "Entity 1"]),
    ("report statements --contains", ["report", "statements", "--contains", "number 4242 "]),
    ("report events --type", ["report", "events", "--type", "CONSULT"]),
    ("report events --participant", ["report", "events", "--participant", "Entity 2"]),
    ("report timeline", ["report", "timeline", "Entity 1", "--interval", "month"]),
    ("report cooccurrence --entity", ["report", "cooccurrence", "--entity", "Entity 5"]),
    ("report cooccurrence", ["report", "cooccurrence"]),
    ("search", ["search", "nuclear submarine"]),
    ("show article", ["show", "article", "4242"]),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    from click.testing import CliRunner
    from sqlalchemy import text

    from newsdb.cli import main as cli
    from newsdb.db.connection import make_engine
    from newsdb.db.reporting import recount_reporting, refresh_reporting
    from tests.pg import TestServer

    external = os.environ.get("NEWSDB_BENCH_DATABASE_URL")
    if external:
        os.environ["NEWSDB_TEST_DATABASE_URL"] = external
    with TestServer.start() as server:
        db = server.create_migrated_template()
        url = server.url(db)
        engine = make_engine(url)
        try:
            start = time.perf_counter()
            with engine.begin() as conn:
                for statement in GENERATE.split(";\n"):
                    if statement.strip():
                        conn.execute(text(statement), {"n": args.articles} if ":n" in statement else {})
            built = time.perf_counter() - start
            start = time.perf_counter()
            recount_reporting(engine)  # the generated rows bypassed the loader's queue: count all
            recounted = time.perf_counter() - start
            # What a load of 1,000 new articles costs at the end: count 1,000 queued articles in.
            with engine.begin() as conn:
                conn.execute(text("INSERT INTO stats_pending SELECT id FROM article ORDER BY id DESC LIMIT 1000"))
            start = time.perf_counter()
            refresh_reporting(engine)
            refreshed = time.perf_counter() - start
            # (those 1,000 articles are now counted twice: 0.1 % of the archive, nothing a timing feels)
            with engine.connect() as conn:
                counts = {
                    t: conn.scalar(text(f"SELECT count(*) FROM {t}"))  # constant table names
                    for t in ("article", "mention", "statement_report", "event_report")
                }
            print(f"built in {built:.0f} s, counted from scratch in {recounted:.1f} s, 1,000 new articles"
                  f" counted in {refreshed:.2f} s: " + ", ".join(f"{k} {v:,}" for k, v in counts.items()))  # fmt: skip
            runner = CliRunner()
            db_arg = ["--database-url", url.render_as_string(hide_password=False)]
            print(f"{'report':<32} {'median ms':>10} {'min ms':>8}")
            for name, argv in REPORTS:
                times = []
                for _ in range(args.runs):
                    t0 = time.perf_counter()
                    result = runner.invoke(cli, [*db_arg, *argv, "--format", "csv"], catch_exceptions=False)
                    times.append((time.perf_counter() - t0) * 1000)
                    if result.exit_code != 0:
                        sys.exit(f"{name} failed: {result.output}")
                print(f"{name:<32} {statistics.median(times):>10.0f} {min(times):>8.0f}")
            print("(each figure includes the CLI's own work: connecting, checking the schema revision, rendering)")
        finally:
            engine.dispose()
            server.drop(db)


if __name__ == "__main__":
    main()
