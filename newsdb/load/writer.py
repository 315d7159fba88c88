"""Writes ``ArticleFacts`` into the database: the one place the archive grows.

Public interface (the load orchestration codes against it):

* :func:`write_articles` writes a batch and returns, per input and in input
  order, a :class:`WriteOutcome` (``added`` or ``skipped``) or a
  :class:`WriteError` (the article was rejected; nothing of it was written).
* :func:`stored_articles` tells which articles are already stored (by content
  hash or URL, as the writer decides what to skip).

How an article is written
-------------------------
1. Checked in Python first: every span inside ``body`` and its text equal to
   ``body[start:end]`` (``bad-span``), every entity key a fact refers to
   defined and of the right kind, known statement/event/context/role codes
   (``bad-fact``), body size (``too-large``), NUL characters, source code and
   language format (``bad-data``, ``bad-source``).  A mode the archive does
   not know is dropped (the event is kept).
2. One database transaction per article.  A batch transaction with
   savepoints would save a commit per article, but it would hold every
   advisory lock of the batch until the end (thousands of locks, and two
   concurrent loaders serialised batch by batch); per-article transactions
   keep locks few and short, and "lands whole or not at all" is then simply
   the transaction.  Each transaction runs ``synchronous_commit = off``: a
   crash of the *server* may lose the last few hundred milliseconds of
   commits (never part of an article), which a re-run of the same load puts
   back as it is idempotent.
3. Locks.  Everything a writer may create is guarded by transaction-scoped
   advisory locks, taken in three phases, each phase in one statement and in
   sorted key order:

   1. at the start: the article's content hash and URL, its sources, its
      statements' quote hashes;
   2. only when entity resolution must write (a new entity or a new alias):
      the entity names and person-name tokens (``resolve.py``); an article
      whose entities are all known with all their names takes no entity lock,
      so loaders writing about the same well-known people do not queue;
   3. after resolution: (event type, participant) and (event type, place)
      keys (``events.py``).

   Before all of them, a global lock: shared for an ordinary article,
   exclusive for one that would need more than ``MAX_FINE_LOCKS`` locks (the
   lock table is small and shared by the whole server); such an article then
   runs alone and takes no other lock.

   No writer takes a lock of an earlier phase after one of a later phase, so
   the locks cannot deadlock; two writers with overlapping inputs take turns
   exactly where they overlap and see each other's committed rows (READ
   COMMITTED: a fresh snapshot per statement).  Unique constraints back every
   rule that can be one (``INSERT ... ON CONFLICT``).  Should a deadlock, a
   serialization failure or a unique violation still happen (say, a writer
   that does not lock), the article's transaction is retried, at most
   ``MAX_ATTEMPTS`` times.
4. Within the transaction every table is written with one multi-row
   statement (``INSERT ... SELECT * FROM unnest(arrays)``, ``bulk.py``), not
   a round trip per row, and the rows only the new article refers to
   (mentions, roles, statement and event reports) all in one statement at
   the end: about thirteen round trips per article whatever its size, plus
   BEGIN and COMMIT (``benchmarks/write_throughput.py`` measures it).

An article already stored (same content hash, or same URL) is ``skipped``
before anything else happens, so re-writing it changes nothing.

A lost connection or a programming error is not one bad article: those
exceptions propagate.  Everything else an article can cause (constraint
violations, values PostgreSQL refuses, limits such as a tsvector over 1 MB)
becomes a :class:`WriteError` for that article only.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DataError, DBAPIError, IntegrityError, OperationalError

from newsdb.db.connection import BinaryArray
from newsdb.extract.facts import ArticleFacts
from newsdb.ingest.article import Article as ArticleInput
from newsdb.load import events as event_merge
from newsdb.load import resolve
from newsdb.load.bulk import Bulk, BulkGroup
from newsdb.load.normalize import normalize_quote, quote_hash, source_code

MAX_ATTEMPTS = 5
LOCK_TIMEOUT = "20s"
MAX_FINE_LOCKS = 400  # per article; beyond it the article takes the global lock exclusively
MAX_BODY_CHARS = 20_000_000  # well past any news article; the search vector covers the first 500,000
RETRYABLE = {"40001", "40P01", "23505", "55P03"}  # serialization, deadlock, unique race, lock not available

# Every article transaction starts here: commit without waiting for the WAL flush (see the module
# docstring), give up a lock wait after LOCK_TIMEOUT (a stuck writer must not stall the others forever;
# the article is retried), then the advisory locks, in the order of the sorted array.
# The first key is the writers' global lock: shared by every ordinary article, exclusive for an article
# with more than MAX_FINE_LOCKS keys (PostgreSQL's lock table is small and shared by all sessions, so a
# huge article must not take thousands of locks: it takes one and runs alone instead).  unnest keeps the
# array order, so the global lock always comes first and the rest in sorted order.
_LOCK = text(
    "SELECT set_config('synchronous_commit', 'off', true), set_config('lock_timeout', :timeout, true),"
    " (SELECT count(CASE WHEN i = 1 AND NOT :exclusive THEN pg_advisory_xact_lock_shared(k)"
    "  ELSE pg_advisory_xact_lock(k) END) FROM unnest(CAST(:keys AS bigint[])) WITH ORDINALITY AS t(k, i))"
)
_LOCK_ONLY = text("SELECT count(pg_advisory_xact_lock(k)) FROM unnest(CAST(:keys AS bigint[])) AS k")
_CREDITS = Bulk(
    "article_credit",
    (
        ("article_id", "bigint"),
        ("kind", "text"),
        ("name", "text"),
        ("source_id", "bigint"),
        ("credit_text", "text"),
        ("start_char", "bigint"),
        ("end_char", "bigint"),
    ),
)
_MENTIONS = Bulk(
    "mention",
    (
        ("article_id", "bigint"),
        ("entity_id", "bigint"),
        ("start_char", "int"),
        ("end_char", "int"),
        ("surface_text", "text"),
    ),
    "ON CONFLICT ON CONSTRAINT uq_mention_article_id_span DO NOTHING",
)
_ROLES = Bulk(
    "person_role",
    (
        ("person_id", "bigint"),
        ("title", "text"),
        ("organization_id", "bigint"),
        ("article_id", "bigint"),
        ("start_char", "int"),
        ("end_char", "int"),
    ),
    "ON CONFLICT ON CONSTRAINT uq_person_role_evidence DO NOTHING",
)
_STATEMENTS = Bulk(
    "statement",
    (("speaker_entity_id", "bigint"), ("statement_type", "text"), ("quote", "text"), ("quote_hash", "text")),
    "ON CONFLICT ON CONSTRAINT uq_statement_speaker_type_quote DO UPDATE SET quote_hash = EXCLUDED.quote_hash"
    " RETURNING id, speaker_entity_id, statement_type, quote_hash",
)
_STATEMENT_REPORTS = Bulk(
    "statement_report",
    (
        ("statement_id", "bigint"),
        ("article_id", "bigint"),
        ("start_char", "int"),
        ("end_char", "int"),
        ("cue_verb", "text"),
        ("cue_start", "int"),
        ("cue_end", "int"),
        ("speaker_text", "text"),
        ("speaker_start", "int"),
        ("speaker_end", "int"),
        ("channel_entity_id", "bigint"),
        ("channel_text", "text"),
    ),
    "ON CONFLICT ON CONSTRAINT uq_statement_report_article_id_span DO NOTHING",
)
_EVENT_REPORTS = Bulk(
    "event_report",
    (
        ("event_id", "bigint"),
        ("article_id", "bigint"),
        ("trigger_text", "text"),
        ("start_char", "int"),
        ("end_char", "int"),
    ),
    "ON CONFLICT ON CONSTRAINT uq_event_report_article_id_span DO NOTHING",
)
# The rows that only the new article refers to, in one round trip at the end of its transaction.  Each
# conflict target includes the article's id, so no other writer can hold these rows (nothing here waits
# on another transaction after the event locks), and none of them refers to another of them.
_ARTICLE_ROWS = BulkGroup((_MENTIONS, _ROLES, _STATEMENT_REPORTS, _EVENT_REPORTS))
_ARTICLE = text(
    "WITH added AS (INSERT INTO article (source_id, title, section, dateline, published_at, language, url, body,"
    " content_hash, word_count, origin, metadata, ingest_run_id) VALUES (:source_id, :title, :section, :dateline,"
    " :published_at, :language, :url, :body, :content_hash, :word_count, :origin, CAST(:metadata AS jsonb),"
    " :ingest_run_id) RETURNING id),"
    " queued AS (INSERT INTO stats_pending (article_id) SELECT id FROM added)"
    " SELECT id FROM added"
)
_SOURCE_ROWS = Bulk("source", (("code", "text"), ("name", "text"), ("kind", "text")))
# Upsert sources and return every wanted code's id.  The advisory lock on each code means no other
# writer inserts it meanwhile, so "inserted now" + "already there" is complete.
_SOURCES = text(
    "WITH wanted AS (SELECT * FROM unnest(CAST(:c0 AS text[]), CAST(:c1 AS text[]), CAST(:c2 AS text[]))"
    " AS w(code, name, kind)),"
    " added AS (INSERT INTO source (code, name, kind) SELECT code, name, kind FROM wanted"
    " ON CONFLICT (code) DO NOTHING RETURNING code, id)"
    " SELECT code, id FROM added UNION ALL SELECT s.code, s.id FROM source s JOIN wanted w ON w.code = s.code"
)

_SOURCE_CODE = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
_LANGUAGE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$")


@dataclass(frozen=True)
class SourceSpec:
    """The publisher to use when an article does not name one (``--source CODE``)."""

    code: str
    name: str | None = None


@dataclass(frozen=True)
class WriteOutcome:
    origin: str
    content_hash: str
    status: Literal["added", "skipped"]
    article_id: int | None


class WriteError(Exception):
    """An article that could not be written; ``str(err)`` is one line, safe to show.

    ``error_class``: ``bad-span``, ``bad-fact``, ``bad-source``, ``bad-data``,
    ``empty``, ``too-large``, ``constraint`` or ``conflict`` (still locked or
    deadlocked after ``MAX_ATTEMPTS`` tries).
    """

    def __init__(self, error_class: str, message: str, *, origin: str = "", content_hash: str = "") -> None:
        message = " ".join(message.split())
        super().__init__(message)
        self.error_class = error_class
        self.message = message
        self.origin = origin
        self.content_hash = content_hash


@dataclass(frozen=True, slots=True)
class _Reference:
    """Codes the schema's reference tables accept (read once per engine)."""

    event_types: frozenset[str]
    event_modes: frozenset[str]
    contexts: frozenset[str]
    roles: frozenset[str]
    statement_types: frozenset[str]


_REFERENCE_CACHE: dict[str, _Reference] = {}


def _reference(engine: Engine) -> _Reference:
    key = engine.url.render_as_string(hide_password=True)
    ref = _REFERENCE_CACHE.get(key)
    if ref is None:
        with engine.connect() as conn:

            def codes(table: str) -> frozenset[str]:
                return frozenset(conn.execute(text(f"SELECT code FROM {table}")).scalars())  # constant names

            ref = _Reference(
                codes("event_type"),
                codes("event_mode"),
                codes("event_context"),
                codes("participant_role"),
                codes("statement_type"),
            )
        _REFERENCE_CACHE[key] = ref
    return ref


def stored_articles(engine: Engine, articles: Sequence[ArticleInput]) -> list[bool]:
    """Per article, whether the archive already holds it (same content hash, or same URL).

    The writer skips such an article anyway; asking first lets a load skip
    the costly extraction of what a previous load already stored.
    """
    if not articles:
        return []
    hashes = [a.content_hash for a in articles]
    urls = [_clean_url(a.url) for a in articles]
    stored = _stored(engine, hashes, urls)
    return [
        ("hash", h) in stored or (u is not None and ("url", u) in stored) for h, u in zip(hashes, urls, strict=True)
    ]


def write_articles(
    engine: Engine,
    facts: Sequence[ArticleFacts],
    *,
    run_id: int | None = None,
    default_source: SourceSpec | None = None,
) -> list[WriteOutcome | WriteError]:
    """Write a batch; one result per input, in input order.  Never raises for one bad article."""
    if not facts:
        return []
    ref = _reference(engine)
    hashes = [f.article.content_hash for f in facts]
    urls = [_clean_url(f.article.url) for f in facts]
    stored = _stored(engine, hashes, urls)

    results: list[WriteOutcome | WriteError] = []
    for f, h, url in zip(facts, hashes, urls, strict=True):
        a = f.article
        known = stored.get(("hash", h)) or (stored.get(("url", url)) if url else None)
        if known is not None:
            results.append(WriteOutcome(a.origin, h, "skipped", known))
            continue
        try:
            plan = _plan(f, h, url, ref, default_source)
        except WriteError as err:
            err.origin, err.content_hash = a.origin, h
            results.append(err)
            continue
        outcome = _write_with_retry(engine, plan, run_id)
        if isinstance(outcome, WriteError):
            outcome.origin, outcome.content_hash = a.origin, h
        results.append(outcome)
    return results


# -- checks and preparation (no database) ------------------------------------


@dataclass(slots=True)
class _Plan:
    facts: ArticleFacts
    content_hash: str
    url: str | None
    language: str | None
    source: tuple[str, str] | None  # (code, name)
    agencies: dict[int, tuple[str, str]]  # credit index -> (code, name)
    modes: list[str | None]  # per event, mode the archive knows


def _clean_url(url: str | None) -> str | None:
    url = (url or "").strip()
    return url or None


def _stored(engine: Engine, hashes: list[str], urls: list[str | None]) -> dict[tuple[str, str], int]:
    wanted_urls = sorted({u for u in urls if u})
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT id, content_hash, url FROM article WHERE content_hash = ANY(:h) OR url = ANY(:u)"),
            {"h": sorted(set(hashes)), "u": wanted_urls},
        )
        found: dict[tuple[str, str], int] = {}
        for aid, h, u in rows:
            found[("hash", h)] = aid
            if u:
                found[("url", u)] = aid
    return found


def _check_span(what: str, body: str, start: int | None, end: int | None, expected: str | None) -> None:
    if start is None or end is None:
        raise WriteError("bad-span", f"{what} has no span")
    if not (isinstance(start, int) and isinstance(end, int)) or not 0 <= start < end <= len(body):
        raise WriteError("bad-span", f"{what} span {start}-{end} is outside the body (0-{len(body)})")
    if expected is not None and body[start:end] != expected:
        raise WriteError(
            "bad-span",
            f"{what} text {expected[:40]!r} does not match the body at {start}-{end}: {body[start:end][:40]!r}",
        )


def _plan(
    f: ArticleFacts, content_hash: str, url: str | None, ref: _Reference, default_source: SourceSpec | None
) -> _Plan:
    a = f.article
    body = a.body
    if not body.strip():
        raise WriteError("empty", "the article has no text")
    if len(body) > MAX_BODY_CHARS:
        raise WriteError(
            "too-large", f"the body has {len(body):,} characters; the writer stores at most {MAX_BODY_CHARS:,}"
        )

    for what, value in (("body", body), ("title", a.title), ("url", a.url)):
        if value and "\x00" in value:
            raise WriteError("bad-data", f"the {what} contains NUL characters, which PostgreSQL text cannot hold")

    kinds: dict[str, str] = {}
    for e in f.entities:
        if e.key in kinds:
            raise WriteError("bad-fact", f"entity key {e.key!r} is defined twice")
        if e.kind not in ("person", "organization", "place"):
            raise WriteError("bad-fact", f"entity {e.key!r} has unknown kind {e.kind!r}")
        if not e.name.strip():
            raise WriteError("bad-fact", f"entity {e.key!r} has a blank name")
        kinds[e.key] = e.kind

    def entity(key: str | None, what: str, allowed: tuple[str, ...] = ("person", "organization", "place")) -> None:
        if key is None:
            return
        if key not in kinds:
            raise WriteError("bad-fact", f"{what} refers to unknown entity {key!r}")
        if kinds[key] not in allowed:
            raise WriteError("bad-fact", f"{what} refers to {key!r}, a {kinds[key]}, not a {' or '.join(allowed)}")

    for m in f.mentions:
        entity(m.entity, "a mention")
        _check_span("mention", body, m.start, m.end, m.text)
    for r in f.roles:
        entity(r.person, "a role", ("person",))
        entity(r.organization, "a role")
        if not r.title.strip():
            raise WriteError("bad-fact", "a role has a blank title")
        _check_span(f"role {r.title!r}", body, r.start, r.end, None)
    for s in f.statements:
        if s.type not in ref.statement_types:
            raise WriteError("bad-fact", f"unknown statement type {s.type!r}")
        if not normalize_quote(s.quote):
            raise WriteError("bad-fact", f"a statement at {s.start}-{s.end} has an empty quote")
        entity(s.speaker, "a statement's speaker")
        entity(s.channel, "a statement's channel")
        _check_span("statement", body, s.start, s.end, s.quote)
        if s.speaker_start is not None or s.speaker_end is not None:
            _check_span("speaker", body, s.speaker_start, s.speaker_end, s.speaker_text)
        if s.cue_start is not None or s.cue_end is not None:
            _check_span("cue", body, s.cue_start, s.cue_end, None)
    modes: list[str | None] = []
    for ev in f.events:
        if ev.type not in ref.event_types:
            raise WriteError("bad-fact", f"unknown event type {ev.type!r}")
        if ev.context not in ref.contexts:
            raise WriteError("bad-fact", f"unknown event context {ev.context!r}")
        for p in ev.participants:
            entity(p.entity, "an event participant")
            if p.role not in ref.roles:
                raise WriteError("bad-fact", f"unknown participant role {p.role!r}")
        entity(ev.place, "an event place", ("place",))
        if ev.date is not None and ev.date_precision not in (None, "day", "week", "month", "year"):
            raise WriteError("bad-fact", f"unknown date precision {ev.date_precision!r}")
        _check_span(f"event trigger {ev.trigger!r}", body, ev.start, ev.end, ev.trigger)
        modes.append(ev.mode if ev.mode in ref.event_modes else None)
    for c in a.credits:
        if c.start is not None or c.end is not None:
            _check_span(f"credit {c.name!r}", body, c.start, c.end, None)

    return _Plan(
        facts=f,
        content_hash=content_hash,
        url=url,
        language=_language(a.language),
        source=_source(a.source_code, a.source_name, default_source),
        agencies={
            i: (source_code(c.name), c.name.strip())
            for i, c in enumerate(a.credits)
            if c.kind == "agency" and _SOURCE_CODE.match(source_code(c.name))
        },
        modes=modes,
    )


def _language(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    parts = value.strip().replace("_", "-").split("-")
    lang = "-".join([parts[0].lower(), *parts[1:]])
    if not _LANGUAGE.match(lang):
        raise WriteError("bad-data", f"language {value!r} is not a language code such as en or pt-BR")
    return lang


def _source(code: str | None, name: str | None, default: SourceSpec | None) -> tuple[str, str] | None:
    code = (code or "").strip().lower() or None
    name = (name or "").strip() or None
    if code is None and name is not None:
        code = source_code(name)
    if code is None and default is not None:
        code = default.code.strip().lower()
        name = (default.name or "").strip() or None
    if code is None:
        return None
    if not _SOURCE_CODE.match(code):
        raise WriteError(
            "bad-source", f"source code {code!r} must be lower-case letters, digits, '.', '_' or '-' (e.g. site-59)"
        )
    return code, name or code


# -- the transaction ----------------------------------------------------------


def _lock_id(key: str) -> int:
    return int.from_bytes(hashlib.blake2b(key.encode("utf-8"), digest_size=8).digest(), "big", signed=True)


_GLOBAL_LOCK = _lock_id("newsdb-writer")


def _sqlstate(exc: DBAPIError) -> str | None:
    return getattr(exc.orig, "sqlstate", None)


def _first_line(exc: DBAPIError) -> str:
    orig = exc.orig if exc.orig is not None else exc
    return (str(orig).strip().splitlines() or [type(orig).__name__])[0]


def _write_with_retry(engine: Engine, plan: _Plan, run_id: int | None) -> WriteOutcome | WriteError:
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            with engine.begin() as conn:
                return _write(conn, plan, run_id)
        except WriteError as err:
            return err
        except DBAPIError as exc:
            state = _sqlstate(exc) or ""
            if state in RETRYABLE and attempt < MAX_ATTEMPTS:
                time.sleep(random.uniform(0.01, 0.05) * 2**attempt)
                continue
            if state.startswith("54"):  # program_limit_exceeded: tsvector or index row too big
                return WriteError("too-large", f"too large for PostgreSQL: {_first_line(exc)}")
            if isinstance(exc, IntegrityError):
                constraint = getattr(getattr(exc.orig, "diag", None), "constraint_name", None)
                return WriteError("constraint", f"{constraint or 'constraint'} violated: {_first_line(exc)}")
            if isinstance(exc, DataError):
                return WriteError("bad-data", f"PostgreSQL refused a value: {_first_line(exc)}")
            if isinstance(exc, OperationalError) and state in RETRYABLE:
                return WriteError("conflict", f"gave up after {MAX_ATTEMPTS} attempts: {_first_line(exc)}")
            raise
    raise AssertionError("unreachable")  # pragma: no cover


def _write(conn: Connection, plan: _Plan, run_id: int | None) -> WriteOutcome:
    f = plan.facts
    a = f.article
    keys = {f"article:{plan.content_hash}"}
    if plan.url:
        keys.add(f"url:{plan.url}")
    if plan.source:
        keys.add(f"source:{plan.source[0]}")
    keys.update(f"source:{code}" for code, _ in plan.agencies.values())
    keys.update(f"statement:{quote_hash(s.quote)}" for s in f.statements)
    later = len(resolve.lock_keys(f.entities)) + sum(len(ev.participants) or 1 for ev in f.events)
    exclusive = len(keys) + later > MAX_FINE_LOCKS
    first = [] if exclusive else sorted(_lock_id(k) for k in keys)
    conn.execute(_LOCK, {"keys": BinaryArray([_GLOBAL_LOCK, *first]), "timeout": LOCK_TIMEOUT, "exclusive": exclusive})

    def lock(more: set[str]) -> None:
        if more and not exclusive:
            conn.execute(_LOCK_ONLY, {"keys": BinaryArray(sorted(_lock_id(k) for k in more))})

    existing = conn.execute(
        text("SELECT id FROM article WHERE content_hash = :h OR (CAST(:u AS text) IS NOT NULL AND url = :u) LIMIT 1"),
        {"h": plan.content_hash, "u": plan.url},
    ).scalar()
    if existing is not None:
        return WriteOutcome(a.origin, plan.content_hash, "skipped", existing)

    sources = _upsert_sources(conn, plan)
    # Queued for the reporting stats (newsdb.db.reporting) in the same statement, so a queued
    # article is always a whole one: the queue row commits with the article or not at all.
    article_id = conn.execute(
        _ARTICLE,
        {
            "source_id": sources.get(plan.source[0]) if plan.source else None,
            "title": a.title.strip() if a.title and a.title.strip() else None,
            "section": (a.section or "").strip() or None,
            "dateline": (a.dateline or "").strip() or None,
            "published_at": a.published_at,
            "language": plan.language,
            "url": plan.url,
            "body": a.body,
            "content_hash": plan.content_hash,
            "word_count": a.word_count,
            "origin": a.origin,
            "metadata": json.dumps(a.metadata or {}, default=str),
            "ingest_run_id": run_id,
        },
    ).scalar_one()

    _CREDITS.run(
        conn,
        [
            (
                article_id,
                c.kind if c.kind in ("agency", "photo", "author", "other") else "other",
                c.name.strip(),
                sources.get(plan.agencies[i][0]) if i in plan.agencies else None,
                c.text,
                c.start,
                c.end,
            )
            for i, c in enumerate(a.credits)
            if c.name.strip()
        ],
    )

    ids = {k: r.entity_id for k, r in resolve.resolve_entities(conn, f.entities, lock=lock).items()}
    resolve.record_mention_aliases(conn, f.entities, f.mentions, ids)

    statement_reports = _write_statements(conn, plan, article_id, ids)
    event_reports = _write_events(conn, plan, article_id, ids, lock)
    _ARTICLE_ROWS.run(
        conn,
        [(article_id, ids[m.entity], m.start, m.end, m.text) for m in f.mentions],
        [
            (
                ids[r.person],
                r.title.strip(),
                ids[r.organization] if r.organization else None,
                article_id,
                r.start,
                r.end,
            )
            for r in f.roles
        ],
        statement_reports,
        event_reports,
    )
    return WriteOutcome(a.origin, plan.content_hash, "added", article_id)


def _upsert_sources(conn: Connection, plan: _Plan) -> dict[str, int]:
    wanted: dict[str, tuple[str, str]] = {}  # code -> (name, kind)
    for code, name in plan.agencies.values():
        wanted[code] = (name, "agency")
    if plan.source:
        code, name = plan.source
        wanted[code] = (name, "publisher")  # the publisher wins if an agency credits itself
    if not wanted:
        return {}
    rows = [(c, n, k) for c, (n, k) in sorted(wanted.items())]
    found = conn.execute(_SOURCES, _SOURCE_ROWS.params(rows)).all()
    return {code: sid for code, sid in found}


Row = tuple[object, ...]


def _write_statements(conn: Connection, plan: _Plan, article_id: int, ids: dict[str, int]) -> list[Row]:
    """Upsert the article's statements; their report rows, for ``_ARTICLE_ROWS``."""
    f = plan.facts
    if not f.statements:
        return []
    # one statement row per (speaker, type, quote hash); several reports may share it
    keyed: dict[tuple[int | None, str, str], str] = {}
    report_keys = []
    for s in f.statements:
        key = (ids[s.speaker] if s.speaker else None, s.type, quote_hash(s.quote))
        keyed.setdefault(key, s.quote)
        report_keys.append(key)
    order = sorted(keyed, key=lambda k: (k[0] or 0, k[1], k[2]))
    # The no-op DO UPDATE makes RETURNING give the id of a statement that already existed, too.
    returned = _STATEMENTS.returning(conn, [(k[0], k[1], keyed[k], k[2]) for k in order])
    by_key = {(speaker, type_, qhash): sid for sid, speaker, type_, qhash in returned}
    return [
        (
            by_key[key],
            article_id,
            s.start,
            s.end,
            s.cue,
            s.cue_start,
            s.cue_end,
            s.speaker_text,
            s.speaker_start,
            s.speaker_end,
            ids[s.channel] if s.channel else None,
            s.channel_text,
        )
        for s, key in zip(f.statements, report_keys, strict=True)
    ]


def _write_events(
    conn: Connection, plan: _Plan, article_id: int, ids: dict[str, int], lock: Callable[[set[str]], None]
) -> list[Row]:
    """Merge or create the article's events; their report rows, for ``_ARTICLE_ROWS``."""
    f = plan.facts
    if not f.events:
        return []
    published = f.article.published_at.date() if isinstance(f.article.published_at, datetime) else None
    places = event_merge.places_of(conn, (ids[ev.place] for ev in f.events if ev.place))
    specs = []
    for ev, mode in zip(f.events, plan.modes, strict=True):
        place_id = ids[ev.place] if ev.place else None
        place_type, place_country = places.get(place_id, (None, None)) if place_id else (None, None)
        spec = event_merge.EventSpec(
            type=ev.type,
            context=ev.context,
            mode=mode,
            participants={(ids[p.entity], p.role) for p in ev.participants},
            place_id=place_id,
            occurred_on=ev.date,
            precision=(ev.date_precision or "day") if ev.date else None,
            date_text=ev.date_text,
            summary=ev.summary,
            published_on=published,
            place_type=place_type,
            place_country=place_country,
        )
        specs.append(spec)
    # Third lock phase (module docstring): event keys need resolved entity ids.
    lock(event_merge.lock_keys(specs))
    reports: list[Row] = []
    for ev, spec in zip(f.events, specs, strict=True):
        event_id, _ = event_merge.find_or_create(conn, spec)
        reports.append((event_id, article_id, ev.trigger, ev.start, ev.end))
    return reports
