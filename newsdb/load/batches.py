"""The CPU-heavy stage of a load or an extract: read, parse and extract in batches.

Nothing here touches the database, nor imports the database layer: `newsdb
extract` and the worker processes of ``--workers`` run this module alone,
and each worker imports only what parsing and extraction need.  What the
archive already holds is asked through the ``stored`` callback that a load
passes in (:mod:`newsdb.load.run`).
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from newsdb.extract.facts import ArticleFacts
from newsdb.extract.model import DEFAULT_MODEL
from newsdb.ingest.article import Article, RawDocument
from newsdb.ingest.errors import InputError, excerpt_of
from newsdb.ingest.readers import ReadOptions, iter_raw, parse_raw

if TYPE_CHECKING:
    from newsdb.extract.pipeline import Extractor
    from newsdb.load.writer import SourceSpec


@dataclass(frozen=True)
class LoadOptions:
    read: ReadOptions = field(default_factory=ReadOptions)
    source: SourceSpec | None = None
    published: datetime | None = None
    language: str | None = None
    extract: bool = True
    model: str = DEFAULT_MODEL
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
Result = ArticleFacts | InputError | Stored


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
    # Workers parse and extract; the default source is the writer's, and its class would import the
    # database layer into every worker.
    options = replace(options, source=None)
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
