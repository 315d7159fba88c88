"""One load: read → parse → extract → write, recorded as an ``ingest_run``.

The CPU-heavy part (extraction) runs in batches, in this process or in
``workers`` processes that each load the language model once; reading files,
parsing them, asking the archive which articles it already holds (those are
not extracted again) and writing rows stay in this process, writing in a
thread of its own so that it overlaps the next batch's extraction.  At most a
few batches are in flight, so memory stays flat however many inputs there are.

Every rejected input becomes an ``ingest_error`` row and one line for the
reporter; the run goes on (unless ``on_error == "stop"``).  The run row is
created first and its counts are updated after every batch, so ``newsdb
runs`` shows a load in progress; a load killed outright stays ``running``
until the next load on this host marks it ``interrupted``.
"""

from __future__ import annotations

import json
import os
import socket
import time
from collections.abc import Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import asdict, dataclass, replace
from functools import partial
from typing import Any, Protocol

from sqlalchemy import Engine, text

from newsdb.db.reporting import refresh_reporting
from newsdb.extract.facts import ArticleFacts
from newsdb.ingest.errors import InputError
from newsdb.load.batches import Counts, LoadOptions, Stored, StoredCheck, processed_batches
from newsdb.load.writer import WriteError, stored_articles, write_articles

Problem = InputError | WriteError


@dataclass
class LoadResult:
    run_id: int | None
    counts: Counts
    seconds: float
    stopped_early: bool = False

    @property
    def rate(self) -> float:
        return self.counts.read / self.seconds if self.seconds > 0 else 0.0

    def summary(self, *, dry_run: bool = False) -> str:
        c = self.counts
        if dry_run:
            head = f"dry run: would load {c.added:,}, would skip {c.skipped:,}, failed {c.failed:,}"
        else:
            head = f"loaded {c.added:,}, skipped {c.skipped:,}, failed {c.failed:,}"
        return f"{head} in {self.seconds:.1f} s ({self.rate:.1f} articles/s)"


class Reporter(Protocol):
    def problem(self, problem: Problem) -> None: ...
    def progress(self, counts: Counts) -> None: ...


# -- the run --------------------------------------------------------------------------


def run_load(
    engine: Engine | None,
    paths: Sequence[str],
    options: LoadOptions,
    reporter: Reporter,
    *,
    command: str = "newsdb load",
) -> LoadResult:
    """Load ``paths``; ``engine`` may be None only for a dry run without a database.

    Writing overlaps extraction: while one thread writes a batch (mostly
    waiting on the server), the next batch is read, parsed and extracted.  At
    most one batch is being written, and batches are counted, reported and
    recorded in input order.
    """
    started = time.perf_counter()
    counts = Counts()
    run_id = None
    if engine is not None and not options.dry_run:
        mark_interrupted_runs(engine)
        run_id = _start_run(engine, command, options)
    seen: set[str] = set()  # content hashes met in this dry run
    stopped = False
    status = "failed"
    check: StoredCheck | None = None
    if engine is not None:
        check = partial(stored_articles, engine)
    writer = ThreadPoolExecutor(1, thread_name_prefix="newsdb-writer")
    in_flight: Future[tuple[int, int, list[Problem]]] | None = None

    def finish() -> bool:
        """Account for the batch being written; True when the load must stop there."""
        nonlocal in_flight
        if in_flight is None:
            return False
        added, skipped, problems = in_flight.result()
        in_flight = None
        counts.added += added
        counts.skipped += skipped
        counts.failed += len(problems)
        for problem in problems:
            reporter.problem(problem)
        if run_id is not None and engine is not None:
            _record(engine, run_id, problems, counts)
        reporter.progress(counts)
        return bool(problems) and options.on_error == "stop"

    try:
        for results in processed_batches(paths, options, check):
            if finish():
                stopped = True
                break
            facts = [r for r in results if isinstance(r, ArticleFacts)]
            problems: list[Problem] = [r for r in results if isinstance(r, InputError | WriteError)]
            counts.read += len(results)
            counts.skipped += sum(1 for r in results if isinstance(r, Stored))
            if options.dry_run:
                _count_dry_run(engine, facts, counts, seen)
            in_flight = writer.submit(_write_batch, engine, facts, problems, options, run_id)
        else:
            stopped = finish()
        status = "failed" if stopped else "completed"
    except KeyboardInterrupt:
        status = "interrupted"
        raise
    finally:
        writer.shutdown(wait=True, cancel_futures=True)
        if in_flight is not None and not in_flight.cancelled() and in_flight.exception() is None:
            finish()  # interrupted while a batch was being written: it was written, count it
        if run_id is not None and engine is not None:
            _finish_run(engine, run_id, counts, status)
    if engine is not None and not options.dry_run:
        refresh_reporting(engine)  # this load's articles, and any an interrupted load left uncounted
    return LoadResult(run_id, counts, time.perf_counter() - started, stopped)


def _write_batch(
    engine: Engine | None,
    facts: list[ArticleFacts],
    problems: list[Problem],
    options: LoadOptions,
    run_id: int | None,
) -> tuple[int, int, list[Problem]]:
    """Write one batch (in the writer thread): how many were added and skipped, and the batch's problems."""
    if options.dry_run or not facts:
        return 0, 0, problems
    assert engine is not None
    added = skipped = 0
    problems = list(problems)
    for outcome in write_articles(engine, facts, run_id=run_id, default_source=options.source):
        if isinstance(outcome, WriteError):
            problems.append(outcome)
        elif outcome.status == "added":
            added += 1
        else:
            skipped += 1
    if added:
        # Count this batch into the reporting stats now, while the next batch is extracted (the
        # server does the work), instead of all at the end; skipped when another session is counting.
        refresh_reporting(engine, wait=False)
    return added, skipped, problems


def _count_dry_run(engine: Engine | None, facts: list[ArticleFacts], counts: Counts, seen: set[str]) -> None:
    articles = [f.article for f in facts]
    stored = stored_articles(engine, articles) if engine is not None else [False] * len(articles)
    for article, is_stored in zip(articles, stored, strict=True):
        h = article.content_hash
        if is_stored or h in seen:
            counts.skipped += 1
        else:
            counts.added += 1
            seen.add(h)


# The run's rows in plain SQL: a load needs neither the ORM nor the models (a quarter of a second to import).
_START_RUN = text(
    "INSERT INTO ingest_run (command, options, host, pid) VALUES (:command, CAST(:options AS jsonb), :host, :pid)"
    " RETURNING id"
)
_RECORD_ERROR = text(
    "INSERT INTO ingest_error (ingest_run_id, input, line_number, error_class, message, excerpt)"
    " VALUES (:ingest_run_id, :input, :line_number, :error_class, :message, :excerpt)"
)
_COUNT_RUN = text(
    "UPDATE ingest_run SET read_count = :read, added_count = :added, skipped_count = :skipped,"
    " failed_count = :failed WHERE id = :run_id"
)
_FINISH_RUN = text(
    "UPDATE ingest_run SET status = :status, finished_at = now(), read_count = :read, added_count = :added,"
    " skipped_count = :skipped, failed_count = :failed WHERE id = :run_id"
)


def _start_run(engine: Engine, command: str, options: LoadOptions) -> int:
    with engine.begin() as conn:
        run_id = conn.execute(
            _START_RUN,
            {
                "command": command,
                "options": json.dumps(_options_json(options)),
                "host": socket.gethostname(),
                "pid": os.getpid(),
            },
        ).scalar_one()
    return int(run_id)


def _options_json(options: LoadOptions) -> dict[str, Any]:
    data = asdict(replace(options, published=None))
    data["published"] = options.published.isoformat() if options.published else None
    return json.loads(json.dumps(data, default=str))


def _record(engine: Engine, run_id: int, problems: list[Problem], counts: Counts) -> None:
    with engine.begin() as conn:
        if problems:
            conn.execute(_RECORD_ERROR, [_error_row(run_id, p) for p in problems])
        conn.execute(_COUNT_RUN, {"run_id": run_id, **_counts(counts)})


def _counts(counts: Counts) -> dict[str, int]:
    return {"read": counts.read, "added": counts.added, "skipped": counts.skipped, "failed": counts.failed}


def _error_row(run_id: int, problem: Problem) -> dict[str, Any]:
    if isinstance(problem, InputError):
        return {
            "ingest_run_id": run_id,
            "input": problem.origin or "?",
            "line_number": problem.line_number,
            "error_class": problem.error_class,
            "message": problem.message or "rejected",
            "excerpt": problem.excerpt,
        }
    return {
        "ingest_run_id": run_id,
        "input": problem.origin or "?",
        "line_number": None,
        "error_class": problem.error_class,
        "message": problem.message or "rejected",
        "excerpt": None,
    }


def _finish_run(engine: Engine, run_id: int, counts: Counts, status: str) -> None:
    with engine.begin() as conn:
        conn.execute(_FINISH_RUN, {"run_id": run_id, "status": status, **_counts(counts)})


def mark_interrupted_runs(engine: Engine) -> int:
    """Runs still 'running' whose process on this host is gone were killed: say so."""
    host = socket.gethostname()
    with engine.begin() as conn:
        rows = conn.execute(
            text("SELECT id, pid FROM ingest_run WHERE status = 'running' AND host = :host"), {"host": host}
        ).all()
        dead = [run_id for run_id, pid in rows if pid is None or not _alive(pid)]
        if dead:
            conn.execute(
                text("UPDATE ingest_run SET status = 'interrupted', finished_at = now() WHERE id = ANY(:ids)"),
                {"ids": dead},
            )
    return len(dead)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
